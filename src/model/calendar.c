/* Working days: loading the bank-holiday file, and adding and counting working days. */
#include "calendar.h"
#include "date.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAL_MAX_FILE	(1u << 20)

/* One line "YYYY-MM-DD name": 0 with *day, or -1 with the column of the
 * first bad character in *col. */
static int
parse_line(const char *s, long *day, unsigned *col)
{
	int y, m, d, i;

	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' :
		    !isdigit((unsigned char)s[i])) {
			*col = (unsigned)i + 1;
			return -1;
		}
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 1 || m > 12) {
		*col = 6;
		return -1;
	}
	if (d < 1 || d > days_in_month(y, m)) {
		*col = 9;
		return -1;
	}
	if (s[10] != ' ' && s[10] != '\t') {
		*col = 11;
		return -1;
	}
	*day = days_from_civil(y, m, d);
	return 0;
}

int
calendar_load(struct calendar *cal, const char *path, struct diag_ctx *dg)
{
	struct buf b = BUF_INIT;
	char *line, *next;
	unsigned lineno = 0, col;
	long day;
	int y, m, d, rc = -1;

	memset(cal, 0, sizeof(*cal));
	if (buf_read_file(&b, path, CAL_MAX_FILE) == -1) {
		diag_at(dg, DIAG_ERROR, path, 0, 0, "cannot read the bank "
		    "holidays: %s", strerror(errno));
		goto out;
	}
	rc = 0;
	for (line = b.data ? b.data : ""; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		if (*line == '#' || strspn(line, " \t\r") == strlen(line))
			continue;
		if (parse_line(line, &day, &col) == -1) {
			diag_at(dg, DIAG_ERROR, path, lineno, col, "expected "
			    "a date as YYYY-MM-DD, a space and the holiday's "
			    "name");
			rc = -1;
			continue;
		}
		if (cal->n > 0 && day <= cal->hol[cal->n - 1]) {
			diag_at(dg, DIAG_ERROR, path, lineno, 1, "bank "
			    "holidays must be listed in date order, each once");
			rc = -1;
			continue;
		}
		cal->hol = xgrow(cal->hol, &cal->cap, cal->n, sizeof(long));
		cal->hol[cal->n++] = day;
	}
	if (rc == 0 && cal->n == 0) {
		diag_at(dg, DIAG_ERROR, path, 0, 0, "no bank holidays listed");
		rc = -1;
	}
	if (rc == 0) {
		civil_from_days(cal->hol[0], &y, &m, &d);
		cal->first = days_from_civil(y, 1, 1);
		civil_from_days(cal->hol[cal->n - 1], &y, &m, &d);
		cal->last = days_from_civil(y, 12, 31);
	}
out:
	buf_free(&b);
	if (rc == -1)
		calendar_free(cal);
	return rc;
}

void
calendar_free(struct calendar *cal)
{
	free(cal->hol);
	memset(cal, 0, sizeof(*cal));
}

static int
holiday(const struct calendar *cal, long day)
{
	size_t lo = 0, hi = cal->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->hol[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cal->n && cal->hol[lo] == day;
}

int
calendar_workday(const struct calendar *cal, long day)
{
	/* 1970-01-01 was a Thursday: day 0 is weekday 3 (Monday 0). */
	long wd = ((day % 7) + 7 + 3) % 7;

	return wd < 5 && !holiday(cal, day);
}

long
calendar_add(const struct calendar *cal, long day, int n)
{
	while (n > 0)
		if (calendar_workday(cal, ++day))
			n--;
	return day;
}

long
calendar_sub(const struct calendar *cal, long day, int n)
{
	while (n > 0)
		if (calendar_workday(cal, --day))
			n--;
	return day;
}

long
calendar_between(const struct calendar *cal, long from, long to)
{
	long n = 0, d;

	if (to < from)
		return -calendar_between(cal, to, from);
	for (d = from + 1; d <= to; d++)
		if (calendar_workday(cal, d))
			n++;
	return n;
}

int
calendar_covers(const struct calendar *cal, long day)
{
	return day >= cal->first && day <= cal->last;
}
