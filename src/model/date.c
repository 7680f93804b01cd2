/* Dates as practitioners write them: lenient parsing, precision, display, ages. */
#include "date.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const mon_abbr[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
static const char *const mon_full[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

#define VALID_FORMS "dd/mm/yyyy, dd.mm.yy, yyyy-mm-dd, dd-Mon-yy, " \
	"\"Month yyyy\", mm/yyyy or yyyy, with an optional leading '?'"

int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : dm[m - 1];
}

/* Howard Hinnant's days_from_civil. */
long
days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A month name or abbreviation (3+ letters, "Sept" too); 0 if none. */
static int
month_name(const char *s, size_t n)
{
	int i;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++) {
		if (n <= strlen(mon_full[i]) &&
		    strncasecmp(s, mon_full[i], n) == 0)
			return i + 1;
		if (n == 4 && i == 8 && strncasecmp(s, "Sept", 4) == 0)
			return 9;
	}
	return 0;
}

/* Splits s into up to 3 tokens: digit runs and letter runs. */
struct tok {
	const char	*s;
	size_t		 n;
	int		 digits;
};

static int
tokenize(const char *s, struct tok *t, int max, char *seps)
{
	int n = 0;

	while (*s) {
		const char *b = s;
		int dig = isdigit((unsigned char)*s) != 0;

		if (!isalnum((unsigned char)*s))
			return -1;
		while (*s && isalnum((unsigned char)*s) &&
		    (isdigit((unsigned char)*s) != 0) == dig)
			s++;
		if (n == max)
			return -1;
		t[n].s = b;
		t[n].n = (size_t)(s - b);
		t[n].digits = dig;
		n++;
		if (*s == '\0')
			break;
		if (strchr("/.- ,", *s) == NULL) {
			if (isalnum((unsigned char)*s))
				continue;	/* "14Mar25": no separator */
			return -1;
		}
		if (n - 1 < 2)
			seps[n - 1] = *s;
		s++;
		while (*s == ' ' || *s == ',')
			s++;
	}
	return n;
}

static int
num(const struct tok *t)
{
	int v = 0;
	size_t i;

	if (!t->digits || t->n > 4)
		return -1;
	for (i = 0; i < t->n; i++)
		v = v * 10 + (t->s[i] - '0');
	return v;
}

static int
year(const struct tok *t)
{
	int v = num(t);

	if (v < 0 || (t->n != 2 && t->n != 4))
		return -1;
	if (t->n == 2)
		v += v < 50 ? 2000 : 1900;
	return v;
}

int
date_parse(const char *s, struct cdate *out, char *err, size_t errlen)
{
	struct tok t[4];
	char seps[2] = { 0, 0 }, tmp[64];
	const char *p = s;
	size_t len;
	int n, y = -1, m = 0, d = 0;

	memset(out, 0, sizeof(*out));
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '?') {
		out->uncertain = 1;
		p++;
		while (isspace((unsigned char)*p))
			p++;
	}
	len = strlen(p);
	while (len && isspace((unsigned char)p[len - 1]))
		len--;
	if (len == 0 && !out->uncertain)
		return 0;
	if (len == 0 || len >= sizeof(tmp))
		goto bad;
	memcpy(tmp, p, len);
	tmp[len] = '\0';
	if ((n = tokenize(tmp, t, 4, seps)) <= 0)
		goto bad;
	if (n == 1) {
		if (t[0].n == 4 && (y = num(&t[0])) >= 0) {
			out->prec = DATE_YEAR;
		} else if (t[0].n == 8 && t[0].digits) {
			/* 20250314 */
			y = (int)((t[0].s[0] - '0') * 1000 + (t[0].s[1] - '0') * 100 +
			    (t[0].s[2] - '0') * 10 + (t[0].s[3] - '0'));
			m = (t[0].s[4] - '0') * 10 + (t[0].s[5] - '0');
			d = (t[0].s[6] - '0') * 10 + (t[0].s[7] - '0');
			out->prec = DATE_DAY;
		} else
			goto bad;
	} else if (n == 2) {
		if (!t[0].digits && t[1].digits) {		/* March 2025 */
			m = month_name(t[0].s, t[0].n);
			y = year(&t[1]);
		} else if (t[0].digits && t[0].n == 4 && t[1].digits) {
			y = num(&t[0]);				/* 2025-03 */
			m = num(&t[1]);
		} else if (t[0].digits && t[1].digits && t[1].n == 4) {
			m = num(&t[0]);				/* 03/2025 */
			y = num(&t[1]);
		} else
			goto bad;
		out->prec = DATE_MONTH;
	} else if (n == 3) {
		if (t[0].digits && t[0].n == 4) {		/* 2025-03-14 */
			y = num(&t[0]);
			m = t[1].digits ? num(&t[1]) : month_name(t[1].s, t[1].n);
			d = num(&t[2]);
		} else {					/* 14/03/2025 */
			d = num(&t[0]);
			m = t[1].digits ? num(&t[1]) : month_name(t[1].s, t[1].n);
			y = year(&t[2]);
		}
		out->prec = DATE_DAY;
	} else
		goto bad;
	if (y < 1900 || y > 2199 || (out->prec >= DATE_MONTH && (m < 1 || m > 12)))
		goto bad;
	if (out->prec == DATE_DAY && (d < 1 || d > days_in_month(y, m))) {
		snprintf(err, errlen, "no such day: '%s' (day %d of %s %d)",
		    s, d, mon_full[m - 1], y);
		memset(out, 0, sizeof(*out));
		return -1;
	}
	out->y = y;
	out->m = out->prec >= DATE_MONTH ? m : 0;
	out->d = out->prec == DATE_DAY ? d : 0;
	return 0;
bad:
	snprintf(err, errlen, "cannot read date '%s': expected " VALID_FORMS, s);
	memset(out, 0, sizeof(*out));
	return -1;
}

/* n digits at s (1 or 2 for hours, exactly 2 for minutes): the value,
 * or -1; *s moves past them. */
static int
digits(const char **s, int min, int max)
{
	int v = 0, n = 0;

	while (n < max && isdigit((unsigned char)**s)) {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= min && !isdigit((unsigned char)**s) ? v : -1;
}

int
time_parse(const char *s, struct ctime *out, char *err, size_t errlen)
{
	const char *p, *e;
	int h, mi = 0, pm = -1;

	memset(out, 0, sizeof(*out));
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return 0;
	for (e = s + strlen(s); e > s && isspace((unsigned char)e[-1]); e--)
		;
	p = s;
	/* "2314", "2314hrs": four digits together. */
	if (e - p >= 4 && isdigit((unsigned char)p[0]) &&
	    isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
	    isdigit((unsigned char)p[3]) && (e - p == 4 || !isdigit(
	    (unsigned char)p[4]))) {
		h = (p[0] - '0') * 10 + p[1] - '0';
		mi = (p[2] - '0') * 10 + p[3] - '0';
		p += 4;
	} else {
		if ((h = digits(&p, 1, 2)) < 0)
			goto bad;
		/* "9:30", "9.30": minutes in two digits, never one. */
		if (*p == ':' || *p == '.') {
			p++;
			if ((mi = digits(&p, 2, 2)) < 0)
				goto bad;
		} else if (p == e || (strncasecmp(p, "am", 2) != 0 &&
		    strncasecmp(p, "pm", 2) != 0 && *p != ' '))
			goto bad;		/* "9" alone is no time */
	}
	while (p < e && *p == ' ')
		p++;
	if (e - p == 2 && strncasecmp(p, "am", 2) == 0)
		pm = 0;
	else if (e - p == 2 && strncasecmp(p, "pm", 2) == 0)
		pm = 1;
	else if (e - p == 3 && strncasecmp(p, "hrs", 3) == 0)
		;
	else if (p != e)
		goto bad;
	if (pm >= 0) {
		if (h < 1 || h > 12)
			goto bad;
		h = h % 12 + (pm ? 12 : 0);
	}
	if (h > 23 || mi > 59)
		goto bad;
	out->h = h;
	out->mi = mi;
	out->set = 1;
	return 0;
bad:
	snprintf(err, errlen, "cannot read time '%s': expected 24-hour 09:30, "
	    "9.30 or 0930, or 9am, 9.30pm, 2314hrs", s);
	return -1;
}

long
date_first_day(const struct cdate *dt)
{
	switch (dt->prec) {
	case DATE_NONE:
		return LONG_MIN;
	case DATE_YEAR:
		return days_from_civil(dt->y, 1, 1);
	case DATE_MONTH:
		return days_from_civil(dt->y, dt->m, 1);
	case DATE_DAY:
		break;
	}
	return days_from_civil(dt->y, dt->m, dt->d);
}

long
date_last_day(const struct cdate *dt)
{
	switch (dt->prec) {
	case DATE_NONE:
		return LONG_MAX;
	case DATE_YEAR:
		return days_from_civil(dt->y, 12, 31);
	case DATE_MONTH:
		return days_from_civil(dt->y, dt->m, days_in_month(dt->y, dt->m));
	case DATE_DAY:
		break;
	}
	return days_from_civil(dt->y, dt->m, dt->d);
}

int
date_cmp(const struct cdate *a, const struct cdate *b)
{
	long x = date_first_day(a), y = date_first_day(b);

	if (x != y)
		return x < y ? -1 : 1;
	/* Same first day: the vaguer date first. */
	if (a->prec != b->prec)
		return a->prec < b->prec ? -1 : 1;
	return 0;
}

void
date_format(const struct cdate *dt, char *buf, size_t n)
{
	const char *q = dt->uncertain ? "? " : "";

	switch (dt->prec) {
	case DATE_NONE:
		snprintf(buf, n, "%s", dt->uncertain ? "?" : "");
		break;
	case DATE_YEAR:
		snprintf(buf, n, "%s%d", q, dt->y);
		break;
	case DATE_MONTH:
		snprintf(buf, n, "%s%s %d", q, mon_abbr[dt->m - 1], dt->y);
		break;
	case DATE_DAY:
		snprintf(buf, n, "%s%d %s %d", q, dt->d, mon_abbr[dt->m - 1],
		    dt->y);
		break;
	}
}

void
date_iso(const struct cdate *dt, char *buf, size_t n)
{
	switch (dt->prec) {
	case DATE_NONE:
		snprintf(buf, n, "%s", "");
		break;
	case DATE_YEAR:
		snprintf(buf, n, "%04d", dt->y);
		break;
	case DATE_MONTH:
		snprintf(buf, n, "%04d-%02d", dt->y, dt->m);
		break;
	case DATE_DAY:
		snprintf(buf, n, "%04d-%02d-%02d", dt->y, dt->m, dt->d);
		break;
	}
}

void
time_format(const struct ctime *t, char *buf, size_t n)
{
	if (t->set)
		snprintf(buf, n, "%02d:%02d", t->h, t->mi);
	else
		snprintf(buf, n, "%s", "");
}

void
age_format(const struct cdate *dob, long day, char *buf, size_t n)
{
	long born;
	int y, m, d, months;

	if (dob->prec != DATE_DAY || day == LONG_MIN || day == LONG_MAX) {
		snprintf(buf, n, "%s", "");
		return;
	}
	born = days_from_civil(dob->y, dob->m, dob->d);
	if (day < born) {
		snprintf(buf, n, "%s", "unborn");
		return;
	}
	civil_from_days(day, &y, &m, &d);
	months = (y - dob->y) * 12 + (m - dob->m) - (d < dob->d ? 1 : 0);
	if (months == 0)
		snprintf(buf, n, "%ldw", (day - born) / 7);
	else if (months < 12)
		snprintf(buf, n, "%dm", months);
	else if (months % 12 == 0)
		snprintf(buf, n, "%dy", months / 12);
	else
		snprintf(buf, n, "%dy %dm", months / 12, months % 12);
}

void
day_format(long day, char *buf, size_t n)
{
	struct cdate d;

	memset(&d, 0, sizeof(d));
	civil_from_days(day, &d.y, &d.m, &d.d);
	d.prec = DATE_DAY;
	date_format(&d, buf, n);
}
