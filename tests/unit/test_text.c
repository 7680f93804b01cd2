/* Unit tests: UTF-8 validation and sanitising, and cleaning of free-text fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/field.h"
#include "util/utf8.h"

static void
test_valid(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_true(utf8_valid("Zoë Łukasz Siân Nguyễn", 27, NULL));
	assert_true(utf8_valid("", 0, NULL));
	assert_false(utf8_valid("ab\xC3", 3, &bad));	/* truncated */
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xC0\xAF", 2, &bad));	/* overlong '/' */
	assert_int_equal(bad, 0);
	assert_false(utf8_valid("x\xED\xA0\x80", 4, &bad));	/* surrogate */
	assert_int_equal(bad, 1);
	assert_false(utf8_valid("\xF4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
	assert_false(utf8_valid("Zo\xEB", 3, &bad));	/* Latin-1 ë */
	assert_int_equal(bad, 2);
	assert_true(utf8_valid("\xF0\x9F\x98\x80", 4, NULL));	/* U+1F600 */
}

static void
test_sanitize(void **state)
{
	char *s;

	(void)state;
	/* Control characters go, tab and newline stay, bad bytes become
	 * U+FFFD: nothing that makes an XML writer emit an invalid file. */
	s = utf8_sanitize("a\x01" "b\x1b[0m\tc\nd\x7f" "e\xC2\x85" "f\xEBg");
	assert_string_equal(s, "ab[0m\tc\nde" "f\xEF\xBF\xBDg");
	free(s);
	s = utf8_sanitize("\xEF\xBF\xBE\xEF\xBF\xBF ok");	/* U+FFFE, U+FFFF */
	assert_string_equal(s, " ok");
	free(s);
	assert_null(utf8_sanitize(NULL));
}

/* Composed (NFC): a letter and its combining mark become the one
 * character; text with nothing to compose is left as it is. */
static void
test_compose(void **state)
{
	char *s;

	(void)state;
	s = utf8_sanitize("Zoe\xCC\x88 G\x75\xCC\x88ls\xCC\xA7" "en");
	assert_string_equal(s, "Zo\xC3\xAB G\xC3\xBCl\xC5\x9F" "en");
	free(s);
	s = utf8_sanitize("\xE2\x84\xAB");	/* ANGSTROM SIGN: A-ring */
	assert_string_equal(s, "\xC3\x85");
	free(s);
	/* A mark with nothing to compose with stays, composed or not. */
	s = utf8_sanitize("q\xCC\x88 \xE2\x80\x9Cquoted\xE2\x80\x9D");
	assert_string_equal(s, "q\xCC\x88 \xE2\x80\x9Cquoted\xE2\x80\x9D");
	free(s);
	assert_false(utf8_clean("Zoe\xCC\x88", 5));
	assert_true(utf8_clean("Zo\xC3\xAB \xE2\x80\x9C", 8));
}

static void
test_next(void **state)
{
	const char *p = "\xC5\x81x\xFF", *end = p + 4;

	(void)state;
	assert_int_equal(utf8_next(&p, end), 0x141);	/* Ł */
	assert_int_equal(utf8_next(&p, end), 'x');
	assert_int_equal(utf8_next(&p, end), 0xFFFD);
	assert_ptr_equal(p, end);
}

static void
test_field_clean(void **state)
{
	char *s;

	(void)state;
	s = field_clean("  Kerry said   she\twas fine.\r\n  Zoë asleep. \n\n\n\n"
	    "  Second   paragraph.  ");
	assert_string_equal(s, "Kerry said she was fine.\nZoë asleep.\n\n"
	    "Second paragraph.");
	free(s);
	assert_null(field_clean(" \n\t \r\n "));
	assert_null(field_clean(NULL));
	s = field_clean_line("  one\n\ntwo \n three ");
	assert_string_equal(s, "one two three");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_compose),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_field_clean),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
