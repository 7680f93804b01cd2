/* Unit tests: libunibreak breaks text handed as stand-ins in runs (lbrep) exactly where it breaks the text itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <linebreak.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/lbrep.h"

#define LEN	64

/* A fixed generator (xorshift), so a failure repeats. */
static uint32_t
next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (uint32_t)(*s >> 16);
}

/*
 * Breaks t as the library does, and from its stand-ins (lbrep) handed
 * to the library one by one or, with runs, through lbrep_breaks; fails,
 * printing the text, where they differ.
 */
static void
same_breaks(const utf32_t *t, size_t n, int runs)
{
	uint32_t m[LEN];
	char a[LEN], b[LEN], scratch[LEN];
	size_t i;

	for (i = 0; i < n; i++)
		m[i] = lbrep(t[i]);
	set_linebreaks_utf32(t, n, "en", a);
	if (runs)
		lbrep_breaks(m, n, b, scratch);
	else
		set_linebreaks_utf32(m, n, "en", b);
	if (memcmp(a, b, n) != 0) {
		for (i = 0; i < n; i++)
			print_message("U+%04X %d %d\n", (unsigned)t[i], a[i], b[i]);
		fail_msg("%s", runs ? "breaks of runs differ" : "breaks differ");
	}
}

/* Every character of the BMP after and before each of a set that
 * covers the classes of English text; and doubled, between runs of
 * them. U+FFFF is left out: the library takes it for the end of the
 * text (cspr's input never holds it). */
static void
test_every_character(void **state)
{
	static const char around[] = " a1-(),.!?\"'%$/\t\n\r:;[]{}+&";
	(void)state;
	const size_t n = sizeof(around) - 1;
	utf32_t t[5], u[9], w[16];
	size_t i;
	uint32_t cp;

	for (cp = 0; cp < 0xFFFF; cp++)
		for (i = 0; i < n; i++) {
			/* Words, stops and spaces around cp: "ab c, ?X? d e" */
			memcpy(w, (const utf32_t[]){ 'a', 'b', ' ', 'c', ',',
			    ' ', 0, cp, 0, ' ', 'd', ' ', 'e', '.', ' ', 'f' },
			    sizeof(w));
			w[6] = (unsigned char)around[i];
			w[8] = (unsigned char)around[(i * 7 + 3) % n];
			same_breaks(w, 16, 1);
			t[0] = u[0] = 'x';
			t[1] = u[1] = u[2] = (unsigned char)around[i];
			t[2] = u[3] = u[4] = cp;
			t[3] = u[5] = u[6] =
			    (unsigned char)around[(i * 7 + 3) % n];
			t[4] = 'y';
			u[7] = u[8] = (unsigned char)around[(i * 5 + 1) % n];
			same_breaks(t, 5, 0);
			same_breaks(u, 9, 1);
		}
}

/* Random runs: a character repeated one to four times, from English
 * punctuation, letters, digits and spaces, and from the BMP. */
static void
test_random_runs(void **state)
{
	static const uint32_t pick[] = { ' ', 'a', 'Z', '1', '-', '(', ')',
	    ',', '.', '!', '?', '"', '\'', '%', '$', '/', ':', ';', '[', ']',
	    '{', '}', '+', '&', 0xE9, 0x2014, 0x4E00, 0x3001, 0x0301, 0xA0 };
	(void)state;
	uint64_t s = 0x2545f4914f6cdd1du;
	utf32_t t[LEN], cp;
	size_t i, k, round;

	for (round = 0; round < 200000; round++) {
		for (i = 0; i < LEN;) {
			k = next(&s);
			if (k % 8 == 0) {
				if ((cp = next(&s) % 0x10000) == 0xFFFF)
					cp = ' ';
			} else
				cp = pick[k % (sizeof(pick) / sizeof(*pick))];
			for (k = 1 + next(&s) % 4; k > 0 && i < LEN; k--)
				t[i++] = cp;
		}
		same_breaks(t, 1 + round % LEN, 1);
	}
}

/* Random prose: words of letters or digits, spaces, stops and commas
 * between them, and now and then any other character. */
static void
test_random_words(void **state)
{
	static const uint32_t pick[] = { ' ', ' ', ' ', ',', '.', ':', ';',
	    '-', '(', ')', '"', '\'', '/', '!', '?', 0x2019, 0x201C, 0x2014,
	    0x0301, 0xA0, 0x4E00, 0x200B, 0x2060 };
	(void)state;
	uint64_t s = 0x5851f42d4c957f2du;
	utf32_t t[LEN], cp;
	size_t i, k, round;

	for (round = 0; round < 200000; round++) {
		for (i = 0; i < LEN;) {
			k = next(&s) % 16;
			if (k < 8)		/* a word */
				for (k = 1 + next(&s) % 5; k > 0 && i < LEN; k--)
					t[i++] = 'a' + next(&s) % 3;
			else if (k < 10)	/* a number */
				for (k = 1 + next(&s) % 3; k > 0 && i < LEN; k--)
					t[i++] = '1';
			else if (k < 15)
				t[i++] = pick[next(&s) % (sizeof(pick) /
				    sizeof(*pick))];
			else if ((cp = next(&s) % 0x10000) != 0xFFFF)
				t[i++] = cp;
		}
		same_breaks(t, 1 + round % LEN, 1);
	}
}

/* Random text: from ASCII, from the first two blocks, and from the
 * whole BMP. */
static void
test_random_text(void **state)
{
	static const uint32_t span[] = { 0x80, 0x250, 0x10000 };
	(void)state;
	uint64_t s = 0x9e3779b97f4a7c15u;
	utf32_t t[LEN];
	size_t i, k, round;

	for (k = 0; k < 3; k++)
		for (round = 0; round < 20000; round++) {
			for (i = 0; i < LEN; i++)
				if ((t[i] = next(&s) % span[k]) == 0xFFFF)
					t[i] = ' ';
			same_breaks(t, LEN, 0);
		}
}

/* Letters, digits and stops each have one stand-in; the rest stand
 * for themselves. */
static void
test_stand_ins(void **state)
{
	(void)state;
	assert_int_equal(lbrep('q'), lbrep('Q'));
	assert_int_equal(lbrep('1'), lbrep('9'));
	assert_int_equal(lbrep(','), lbrep('.'));
	assert_int_not_equal(lbrep('a'), lbrep(' '));
	assert_int_not_equal(lbrep('a'), lbrep('1'));
	assert_int_equal(lbrep(0xE9), 0xE9);
	assert_int_equal(lbrep(0x10400), 0x10400);
}

static int
setup(void **state)
{
	(void)state;
	init_linebreak();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stand_ins),
		cmocka_unit_test(test_every_character),
		cmocka_unit_test(test_random_text),
		cmocka_unit_test(test_random_runs),
		cmocka_unit_test(test_random_words),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
