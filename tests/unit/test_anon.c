/* Unit tests: the anonymiser, class by class, on the register of tests/anon/unit-case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anon/anon.h"
#include "model/case.h"
#include "util/diag.h"

#define CASE	"tests/anon/unit-case"
#define DICT	"/usr/share/dict/british-english"
#define ALLOW	"templates/publication-allow.txt"

struct fix {
	struct kase	*k;
	struct anon	*a;
	struct diag_ctx	 dg;
};

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	diag_init(&f->dg, stderr);
	if ((f->k = case_load(CASE, &f->dg)) == NULL || f->dg.nerrors > 0 ||
	    (f->a = anon_new(f->k, AK_ALL, DICT, ALLOW, &f->dg)) == NULL)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	anon_free(f->a);
	case_free(f->k);
	free(f);
	return 0;
}

/* Each pair: what was written, what publication must say. */
static void
expect(void **state, const char *const (*t)[2], size_t n)
{
	struct fix *f = *state;
	size_t i, bad = 0;
	char *s;

	for (i = 0; i < n; i++) {
		s = anon_string(f->a, t[i][0]);
		if (strcmp(s, t[i][1]) != 0) {
			print_message("  in:   %s\n  want: %s\n  got:  %s\n",
			    t[i][0], t[i][1], s);
			bad++;
		}
		free(s);
	}
	if (bad > 0)
		fail_msg("%zu of %zu", bad, n);
}

#define EXPECT(t) expect(state, t, sizeof(t) / sizeof(t[0]))

static void
test_identifiers(void **state)
{
	static const char *const t[][2] = {
		/* NI numbers whatever the prefix, case and layout. */
		{ "NI QQ 12 34 56 C, qq123456c and QQ112233.",
		  "NI [NI number], [NI number] and [NI number]." },
		{ "AB-12-34-56-D and AB.12.34.56.D", "[NI number] and [NI number]" },
		{ "seen at 123456 hours", "seen at 123456 hours" },
		/* NHS numbers, check digit or not. */
		{ "NHS 943 476 5919, 943-476-5918, 9434765919",
		  "NHS [NHS number], [NHS number], [NHS number]" },
		/* Phones in every layout, with an extension. */
		{ "Call (0113) 4960571 or 0113 496 0571.",
		  "Call [phone number] or [phone number]." },
		{ "+44 (0)113 496 0571, 07700 900123, 07700-900-123 ext. 2231",
		  "[phone number], [phone number], [phone number]" },
		{ "mobile 07700900123 x2231 later", "mobile [phone number] later" },
		/* Accounts and addresses without a scheme. */
		{ "posts as @tyler_okonkwo", "posts as [social media account]" },
		{ "see facebook.com/marcus.reid.77 and www.example.org/a",
		  "see [web address] and [web address]" },
		{ "guidance on www.gov.uk/guidance", "guidance on www.gov.uk/guidance" },
		{ "email a.ahmed@example.org", "email [email address]" },
		/* A postcode; its outward code only where an address is. */
		{ "lives at LS12 6QW", "lives at [postcode]" },
		{ "moved to the LS12 area", "moved to the [postcode area]" },
		{ "SW1 and HV2 held the S47; L3 training; flagged (D4).",
		  "SW1 and HV2 held the S47; L3 training; flagged (D4)." },
		/* An outward code with a two-letter area is one anywhere;
		 * a doctor's grade or a practitioner's code is not. */
		{ "seen near OL11 again", "seen near [postcode area] again" },
		{ "FY2 and ST3 saw him; SN1 advised", "FY2 and ST3 saw him; SN1 advised" },
		{ "the family's SN1 address", "the family's [postcode area] address" },
		/* Identifiers however written: 4-3-3, slashes, soft hyphens,
		 * full-width digits, O for 0, letters apart. */
		{ "NHS 9434-765-919 and 943/476/5919", "NHS [NHS number] and [NHS number]" },
		{ "943 476-5919, 943476 5919, 943 4765919",
		  "[NHS number], [NHS number], [NHS number]" },
		{ "jk12 34 56 c and QQ 12 34 56 c", "[NI number] and [NI number]" },
		{ "NHS 943\xc2\xad" "476\xc2\xad" "5919", "NHS [NHS number]" },
		{ "\xef\xbc\x90\xef\xbc\x97\xef\xbc\x97\xef\xbc\x90\xef\xbc\x90 900123",
		  "[phone number]" },
		{ "ring 077OO 9OO123", "ring [phone number]" },
		{ "Q Q 1 2 3 4 5 6 C and qq-12-34-56-c", "[NI number] and [NI number]" },
		{ "call 447700900123 or 7700 900123", "call [phone number] or [phone number]" },
		/* Other identifiers: a car, a licence, a court case. */
		{ "car AB12 CDE outside", "car [vehicle registration] outside" },
		{ "licence MORGA753116SM9IJ", "licence [driving licence number]" },
		{ "case LS24C01234 listed", "case [court case number] listed" },
		{ "see linktr.ee/shanbabe06", "see [web address]" },
	};

	EXPECT(t);
}

static void
test_dates(void **state)
{
	static const char *const t[][2] = {
		{ "admitted on 14/03/2025", "admitted in March 2025" },
		{ "Found on 18/08, seen 3/2.", "Found in August, seen February." },
		{ "Police attended at about 21:00 on 11/10.",
		  "Police attended in October." },
		{ "seen 14/03/2025 10:40 by the GP", "seen March 2025 by the GP" },
		{ "pain scored 7/10 today", "pain scored 7/10 today" },
		{ "weighed 3.2 kg", "weighed 3.2 kg" },
		/* A date of birth in any numeric form. */
		{ "DOB 2022/06/03", "DOB [date of birth; aged 2 at the incident]" },
		{ "DOB 03062022", "DOB [date of birth; aged 2 at the incident]" },
		{ "DOB 2022-6-3", "DOB [date of birth; aged 2 at the incident]" },
		{ "DOB 03 06 2022", "DOB [date of birth; aged 2 at the incident]" },
		{ "reference 14032025 on file", "reference 14032025 on file" },
		{ "DOB 20220603", "DOB [date of birth; aged 2 at the incident]" },
		/* Dates in words, in Roman numerals, with a time of day. */
		{ "seen on the seventh of March 2025", "seen in March 2025" },
		{ "on twenty-first March", "in March" },
		{ "DOB 3.VI.2022", "DOB [date of birth; aged 2 at the incident]" },
		{ "logged 2025-03-14T03:15:00Z", "logged March 2025" },
		/* The sentence's full stop stays. */
		{ "from 25 September. Faith Adeyemi's team visited.",
		  "from September. Social Worker 1's team visited." },
	};

	EXPECT(t);
}

/* Where a publication gives years or days from the incident, a month
 * and a year says too much. */
static void
test_date_modes(void **state)
{
	struct fix *f = *state;
	struct anon *a;
	char *s;

	f->k->pub.dates = DATES_RELATIVE;
	a = anon_new(f->k, AK_ALL, DICT, ALLOW, &f->dg);
	assert_non_null(a);
	s = anon_string(a, "In May 2025 and on 14/03/2025 she moved");
	assert_string_equal(s, "In Month 2 and on Day 0 she moved");
	free(s);
	anon_free(a);
	f->k->pub.dates = DATES_YEAR;
	a = anon_new(f->k, AK_ALL, DICT, ALLOW, &f->dg);
	assert_non_null(a);
	s = anon_string(a, "In May 2025 she moved");
	assert_string_equal(s, "In 2025 she moved");
	free(s);
	anon_free(a);
	f->k->pub.dates = DATES_MONTH_YEAR;
}

/* A paragraph long enough to exhaust a pattern's default JIT stack:
 * the address at its end still goes. */
static void
test_long_host(void **state)
{
	struct fix *f = *state;
	size_t i, n = 0;
	char *in = malloc(16100), *s;

	assert_non_null(in);
	for (i = 0; i < 8000; i++) {
		in[n++] = 'a';
		in[n++] = '.';
	}
	memcpy(in + n, "tyler.com/x", 12);
	s = anon_string(f->a, in);
	assert_null(strstr(s, "tyler"));
	assert_null(strstr(s, ".com/x"));
	free(s);
	free(in);
}

/* Names however a family writes them. */
static void
test_name_forms(void **state)
{
	static const char *const t[][2] = {
		/* Each part of a double-barrelled name. */
		{ "Ms Okonkwo-Reid and Tyler Reid", "A family member and Child T" },
		{ "Anne Marie called", "Maternal grandmother called" },
	};

	EXPECT(t);
}

static void
test_disguised(void **state)
{
	static const char *const t[][2] = {
		/* Shown backwards by an override, or stored so. */
		{ "\xe2\x80\xae" "kciN" "\xe2\x80\xac" " said", "Mother's partner said" },
		{ "\xe2\x80\xae" "Nick" "\xe2\x80\xac" " said", "Mother's partner said" },
		{ "Ty" "\xe2\x81\xa6" "ler" "\xe2\x81\xa9" " slept", "Child T slept" },
		/* Look-alike letters: Cyrillic, Greek, small capitals,
		 * mathematical bold. */
		{ "T\xd1\x83l\xd0\xb5r slept", "Child T slept" },
		{ "\xce\x9c" "arcus said", "Father said" },
		{ "\xe1\xb4\x9b\xca\x8f\xca\x9f\xe1\xb4\x87\xca\x80 slept",
		  "Child T slept" },
		{ "\xf0\x9d\x90\x93\xf0\x9d\x90\xb2\xf0\x9d\x90\xa5\xf0\x9d\x90\x9e"
		  "\xf0\x9d\x90\xab slept", "Child T slept" },
	};

	EXPECT(t);
}

static void
test_tokens(void **state)
{
	static const char *const t[][2] = {
		{ "Tyler2 and 2Tyler", "Child T and Child T" },
		{ "Tylers bike", "Child T's bike" },
		{ "as tylerokonkwo on the app", "as Child T on the app" },
		{ "N.Dunn signed", "Mother's partner signed" },
		{ "A-M collected him", "Maternal grandmother collected him" },
		{ "seen by S. (health visitor)", "seen by Health Visitor 1" },
		/* Units are not initials. */
		{ "a 64 GB phone", "a 64 GB phone" },
		/* The number goes with the street. */
		{ "lives at 12 Tannery Row, Hexley Bridge", "lives at [street], [town]" },
		{ "Hexley Bridge LS12, with SW1", "[town], with SW1" },
		{ "Flat 4, 12b Tannery Row", "[street]" },
	};

	EXPECT(t);
}

static void
test_words(void **state)
{
	static const char *const t[][2] = {
		/* A month's name is a date beside a day or a year. */
		{ "April said that in April 2025 she moved; on 3 April she called.",
		  "Mother said that in April 2025 she moved; in April she called." },
		{ "by mid-April", "by mid-April" },
		{ "April's flat", "Mother's flat" },
		/* Capitals that are ratings and headings. */
		{ "RAG rating AMBER; NO FURTHER ACTION", "RAG rating AMBER; NO FURTHER ACTION" },
		{ "Amber Lowe rated it amber", "Social Worker 2 rated it amber" },
		{ "Race, Culture, Faith and Identity", "Race, Culture, Faith and Identity" },
		{ "she kept her faith", "she kept her faith" },
		/* "page" before a number is the word. */
		{ "Page 3 of the plan", "Page 3 of the plan" },
		{ "Ms Page said", "Designated safeguarding lead said" },
	};

	EXPECT(t);
}

static void
test_prose(void **state)
{
	static const char *const t[][2] = {
		/* A role is not said twice. */
		{ "his mother, April, said", "his mother said" },
		{ "spoke to his mother, April.", "spoke to his mother." },
		{ "Nicholas Dunn (known as Nick) left", "Mother's partner left" },
		{ "Child T (Tyler) was seen", "Child T was seen" },
		{ "his grandmother Anne-Marie came", "his maternal grandmother came" },
		{ "Mrs April Okonkwo rang", "Mother rang" },
		/* Possessives of names ending in s. */
		{ "Nicholas' sister", "Mother's partner's sister" },
		{ "Marcus' car", "Father's car" },
		/* A title and a sex decide a shared family name; an adult's
		 * title is never a child's. */
		{ "Mr Reid and Ms Reid", "A family member and a family member" },
		{ "met Ms Okonkwo", "met a family member" },
	};

	EXPECT(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identifiers),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_modes),
		cmocka_unit_test(test_name_forms),
		cmocka_unit_test(test_long_host),
		cmocka_unit_test(test_disguised),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_prose),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
