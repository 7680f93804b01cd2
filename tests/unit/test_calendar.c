/* Unit tests: working days over the shipped bank holidays of England and Wales. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calendar.h"
#include "model/date.h"
#include "util/diag.h"

static struct calendar cal;

static long
D(int y, int m, int d)
{
	return days_from_civil(y, m, d);
}

static int
setup(void **state)
{
	struct diag_ctx dg;

	(void)state;
	diag_init(&dg, stderr);
	return calendar_load(&cal, "templates/bank-holidays.txt", &dg);
}

static int
teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	return 0;
}

static void
test_workday(void **state)
{
	(void)state;
	assert_true(calendar_workday(&cal, D(2025, 3, 14)));	/* Friday */
	assert_false(calendar_workday(&cal, D(2025, 3, 15)));	/* Saturday */
	assert_false(calendar_workday(&cal, D(2025, 3, 16)));	/* Sunday */
	assert_false(calendar_workday(&cal, D(2025, 4, 18)));	/* Good Friday */
	assert_false(calendar_workday(&cal, D(2025, 4, 21)));	/* Easter Monday */
	assert_false(calendar_workday(&cal, D(2022, 9, 19)));	/* state funeral */
	assert_false(calendar_workday(&cal, D(2023, 5, 8)));	/* coronation */
	assert_false(calendar_workday(&cal, D(2020, 5, 8)));	/* VE day */
	assert_true(calendar_workday(&cal, D(2020, 5, 4)));	/* moved from */
	assert_false(calendar_workday(&cal, D(2022, 12, 27)));	/* substitute */
	assert_true(calendar_workday(&cal, D(2025, 12, 24)));
}

static void
test_add(void **state)
{
	(void)state;
	/* Over Easter 2025: Thu 17 is the 4th, Tue 22 the 5th. */
	assert_int_equal(calendar_add(&cal, D(2025, 4, 11), 5), D(2025, 4, 22));
	/* Over a weekend. */
	assert_int_equal(calendar_add(&cal, D(2025, 3, 14), 1), D(2025, 3, 17));
	/* From a Saturday: Monday is the first. */
	assert_int_equal(calendar_add(&cal, D(2025, 3, 15), 1), D(2025, 3, 17));
	assert_int_equal(calendar_add(&cal, D(2025, 3, 14), 0), D(2025, 3, 14));
	/* Christmas 2021: 27 and 28 December are substitute days. */
	assert_int_equal(calendar_add(&cal, D(2021, 12, 24), 1), D(2021, 12, 29));
	assert_int_equal(calendar_sub(&cal, D(2025, 4, 22), 5), D(2025, 4, 11));
}

static void
test_between(void **state)
{
	(void)state;
	assert_int_equal(calendar_between(&cal, D(2025, 4, 11), D(2025, 4, 22)), 5);
	assert_int_equal(calendar_between(&cal, D(2025, 4, 22), D(2025, 4, 11)), -5);
	assert_int_equal(calendar_between(&cal, D(2025, 3, 14), D(2025, 3, 14)), 0);
	assert_int_equal(calendar_between(&cal, D(2025, 3, 14), D(2025, 3, 16)), 0);
	assert_true(calendar_covers(&cal, D(2018, 1, 1)));
	assert_true(calendar_covers(&cal, D(2030, 12, 31)));
	assert_false(calendar_covers(&cal, D(2031, 1, 1)));
}

static void
test_bad_file(void **state)
{
	struct calendar c2;
	struct diag_ctx dg;
	char path[] = "/tmp/cspr-bh-XXXXXX", out[512];
	FILE *f, *err;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(f = fdopen(fd, "w"));
	fputs("# ok\n2025-01-01 New Year\n2025-13-01 Bad month\n"
	    "2024-12-25 Out of order\n", f);
	fclose(f);
	assert_non_null(err = tmpfile());
	diag_init(&dg, err);
	assert_int_equal(calendar_load(&c2, path, &dg), -1);
	rewind(err);
	memset(out, 0, sizeof(out));
	assert_true(fread(out, 1, sizeof(out) - 1, err) > 0);
	fclose(err);
	remove(path);
	assert_non_null(strstr(out, ":3:6: error: expected a date"));
	assert_non_null(strstr(out, ":4:1: error: bank holidays must be "
	    "listed in date order"));
	assert_int_equal(dg.nerrors, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workday),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_between),
		cmocka_unit_test(test_bad_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
