/* Unit tests: lenient date and time parsing, precision, display and ages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <string.h>

#include "model/date.h"

static void
expect_date(const char *in, int y, int m, int d, enum date_prec p, int unc)
{
	struct cdate dt;
	char err[256];

	if (date_parse(in, &dt, err, sizeof(err)) != 0)
		fail_msg("'%s' rejected: %s", in, err);
	if (dt.y != y || dt.m != m || dt.d != d || dt.prec != p ||
	    dt.uncertain != unc)
		fail_msg("'%s' gave %d-%d-%d prec %d unc %d", in, dt.y, dt.m,
		    dt.d, dt.prec, dt.uncertain);
}

static void
expect_bad(const char *in, const char *msgpart)
{
	struct cdate dt;
	char err[256];

	if (date_parse(in, &dt, err, sizeof(err)) == 0)
		fail_msg("'%s' accepted", in);
	if (strstr(err, msgpart) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", in, err, msgpart);
	assert_int_equal(dt.prec, DATE_NONE);
}

static void
test_forms(void **state)
{
	(void)state;
	expect_date("2025-03-14", 2025, 3, 14, DATE_DAY, 0);
	expect_date("14/03/2025", 2025, 3, 14, DATE_DAY, 0);
	expect_date("14.03.25", 2025, 3, 14, DATE_DAY, 0);
	expect_date("14-Mar-25", 2025, 3, 14, DATE_DAY, 0);
	expect_date("14 March 2025", 2025, 3, 14, DATE_DAY, 0);
	expect_date("22-may-16", 2016, 5, 22, DATE_DAY, 0);
	expect_date("22.05.16", 2016, 5, 22, DATE_DAY, 0);
	expect_date("March 2025", 2025, 3, 0, DATE_MONTH, 0);
	expect_date("Sept 2024", 2024, 9, 0, DATE_MONTH, 0);
	expect_date("03/2025", 2025, 3, 0, DATE_MONTH, 0);
	expect_date("2025-03", 2025, 3, 0, DATE_MONTH, 0);
	expect_date("2025", 2025, 0, 0, DATE_YEAR, 0);
	expect_date("?14/03/2025", 2025, 3, 14, DATE_DAY, 1);
	expect_date("? March 2025", 2025, 3, 0, DATE_MONTH, 1);
	expect_date("  14/03/2025  ", 2025, 3, 14, DATE_DAY, 0);
	expect_date("11.09.96", 1996, 9, 11, DATE_DAY, 0);
	expect_date("29/02/2024", 2024, 2, 29, DATE_DAY, 0);
	expect_date("", 0, 0, 0, DATE_NONE, 0);
}

static void
test_bad(void **state)
{
	(void)state;
	expect_bad("31/02/2025", "no such day");
	expect_bad("29/02/2025", "no such day");
	expect_bad("14/13/2025", "expected");
	expect_bad("yesterday", "expected");
	expect_bad("14/03", "expected");
	expect_bad("14/03/2025/1", "expected");
	expect_bad("?", "expected");
	expect_bad("1/1/1800", "expected");
	expect_bad("2025-03-14T10:00", "expected");
}

static void
test_display(void **state)
{
	struct cdate dt;
	char err[128], out[64];

	(void)state;
	date_parse("March 2025", &dt, err, sizeof(err));
	date_format(&dt, out, sizeof(out));
	assert_string_equal(out, "Mar 2025");	/* never an assumed day */
	date_iso(&dt, out, sizeof(out));
	assert_string_equal(out, "2025-03");
	date_parse("?14.03.25", &dt, err, sizeof(err));
	date_format(&dt, out, sizeof(out));
	assert_string_equal(out, "? 14 Mar 2025");
	date_parse("2024", &dt, err, sizeof(err));
	date_format(&dt, out, sizeof(out));
	assert_string_equal(out, "2024");
}

static void
test_range_and_order(void **state)
{
	struct cdate a, b, c;
	char err[128];

	(void)state;
	date_parse("March 2024", &a, err, sizeof(err));
	date_parse("01/03/2024", &b, err, sizeof(err));
	date_parse("2024", &c, err, sizeof(err));
	assert_int_equal(date_first_day(&a), days_from_civil(2024, 3, 1));
	assert_int_equal(date_last_day(&a), days_from_civil(2024, 3, 31));
	assert_int_equal(date_last_day(&c), days_from_civil(2024, 12, 31));
	/* Same first day: the vaguer one first. */
	assert_true(date_cmp(&c, &a) < 0);
	assert_true(date_cmp(&a, &b) < 0);
	assert_true(date_cmp(&b, &a) > 0);
	assert_int_equal(date_cmp(&b, &b), 0);
}

static void
test_civil_roundtrip(void **state)
{
	long z;
	int y, m, d;

	(void)state;
	assert_int_equal(days_from_civil(1970, 1, 1), 0);
	for (z = -40000; z < 80000; z += 37) {
		civil_from_days(z, &y, &m, &d);
		assert_int_equal(days_from_civil(y, m, d), z);
	}
}

static void
expect_time(const char *in, int h, int mi)
{
	struct ctime t;
	char err[128];

	if (time_parse(in, &t, err, sizeof(err)) != 0)
		fail_msg("'%s' rejected: %s", in, err);
	if (!t.set || t.h != h || t.mi != mi)
		fail_msg("'%s' gave %02d:%02d", in, t.h, t.mi);
}

static void
test_time(void **state)
{
	struct ctime t;
	char err[128], out[16];

	(void)state;
	assert_int_equal(time_parse("9:30", &t, err, sizeof(err)), 0);
	time_format(&t, out, sizeof(out));
	assert_string_equal(out, "09:30");
	assert_int_equal(time_parse("2340", &t, err, sizeof(err)), 0);
	assert_int_equal(t.h * 60 + t.mi, 23 * 60 + 40);
	assert_int_equal(time_parse("", &t, err, sizeof(err)), 0);
	assert_false(t.set);
	time_format(&t, out, sizeof(out));
	assert_string_equal(out, "");		/* never an assumed time */
	assert_int_equal(time_parse("25:00", &t, err, sizeof(err)), -1);
	assert_int_equal(time_parse("9.75", &t, err, sizeof(err)), -1);
	assert_int_equal(time_parse("noon", &t, err, sizeof(err)), -1);
	/* Practitioners' forms. */
	expect_time("9am", 9, 0);
	expect_time("9.30pm", 21, 30);
	expect_time("12am", 0, 0);
	expect_time("12.15pm", 12, 15);
	expect_time("9:30 am", 9, 30);
	expect_time("2314hrs", 23, 14);
	expect_time("14.30", 14, 30);
	expect_time(" 07:05 ", 7, 5);
	/* Never read as another time (issue 23): one minute digit, a
	 * sign, an hour alone, trailing words. */
	assert_int_equal(time_parse("9:5", &t, err, sizeof(err)), -1);
	assert_int_equal(time_parse("+9:30", &t, err, sizeof(err)), -1);
	assert_int_equal(time_parse("9", &t, err, sizeof(err)), -1);
	assert_int_equal(time_parse("13pm", &t, err, sizeof(err)), -1);
	assert_int_equal(time_parse("9:30 approx", &t, err, sizeof(err)), -1);
	assert_int_equal(time_parse("0960", &t, err, sizeof(err)), -1);
	assert_true(strstr(err, "expected 24-hour 09:30, 9.30 or 0930, or "
	    "9am, 9.30pm, 2314hrs") != NULL);
}

static void
test_age(void **state)
{
	struct cdate dob;
	char err[128], out[32];

	(void)state;
	date_parse("03/06/2022", &dob, err, sizeof(err));
	age_format(&dob, days_from_civil(2025, 3, 14), out, sizeof(out));
	assert_string_equal(out, "2y 9m");
	age_format(&dob, days_from_civil(2023, 6, 3), out, sizeof(out));
	assert_string_equal(out, "1y");
	age_format(&dob, days_from_civil(2022, 6, 24), out, sizeof(out));
	assert_string_equal(out, "3w");
	age_format(&dob, days_from_civil(2022, 8, 2), out, sizeof(out));
	assert_string_equal(out, "1m");
	age_format(&dob, days_from_civil(2022, 5, 1), out, sizeof(out));
	assert_string_equal(out, "unborn");
	date_parse("June 2022", &dob, err, sizeof(err));
	age_format(&dob, days_from_civil(2025, 3, 14), out, sizeof(out));
	assert_string_equal(out, "");	/* no age from an assumed birthday */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_range_and_order),
		cmocka_unit_test(test_civil_roundtrip),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_age),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
