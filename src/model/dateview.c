/* Dates as a document shows them: as recorded in drafts, generalised in publications. */
#include "dateview.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

void
dv_draft(struct dateview *v)
{
	memset(v, 0, sizeof(*v));
	v->incident = LONG_MIN;
}

/* The incident as a civil date, if known. */
static int
incident(const struct dateview *v, int *y, int *m)
{
	int d;

	if (v->incident == LONG_MIN)
		return 0;
	civil_from_days(v->incident, y, m, &d);
	return 1;
}

void
dv_date(const struct dateview *v, const struct cdate *d, char *buf,
    size_t n)
{
	struct cdate g = *d;
	const char *q = d->uncertain ? "? " : "";
	int iy, im;

	if (!v->general || d->prec == DATE_NONE) {
		date_format(d, buf, n);
		return;
	}
	switch (v->mode) {
	case DATES_RELATIVE:
		if (d->prec == DATE_DAY && v->incident != LONG_MIN) {
			snprintf(buf, n, "%sDay %ld", q, date_first_day(d) -
			    v->incident);
			return;
		}
		if (incident(v, &iy, &im)) {
			if (d->prec == DATE_MONTH)
				snprintf(buf, n, "%sMonth %d", q, (d->y - iy) *
				    12 + d->m - im);
			else
				snprintf(buf, n, "%sYear %d", q, d->y - iy);
			return;
		}
		/* No incident to count from: a year says least. */
		/* FALLTHROUGH */
	case DATES_YEAR:
		g.prec = DATE_YEAR;
		break;
	case DATES_MONTH_YEAR:
		if (g.prec == DATE_DAY)
			g.prec = DATE_MONTH;
		break;
	}
	if (g.prec < DATE_DAY)
		g.d = 0;
	if (g.prec < DATE_MONTH)
		g.m = 0;
	date_format(&g, buf, n);
}

void
dv_day(const struct dateview *v, long day, char *buf, size_t n)
{
	struct cdate d;

	memset(&d, 0, sizeof(d));
	civil_from_days(day, &d.y, &d.m, &d.d);
	d.prec = DATE_DAY;
	dv_date(v, &d, buf, n);
}

int
dv_times(const struct dateview *v)
{
	return !v->general || (v->mode == DATES_RELATIVE &&
	    v->incident != LONG_MIN);
}

int
dv_day_intervals(const struct dateview *v)
{
	return dv_times(v);
}

void
dv_age(const struct dateview *v, const struct cdate *dob,
    const struct cdate *at, char *buf, size_t n)
{
	int months;

	if (!v->general) {
		if (at->prec != DATE_DAY && at->prec != DATE_NONE) {
			/* An event known to the month: its first day. */
			age_format(dob, date_first_day(at), buf, n);
			return;
		}
		age_format(dob, at->prec == DATE_NONE ? LONG_MIN :
		    date_first_day(at), buf, n);
		return;
	}
	snprintf(buf, n, "%s", "");
	if (dob->prec < DATE_MONTH || at->prec < DATE_YEAR)
		return;
	if (at->prec == DATE_YEAR || v->mode == DATES_YEAR) {
		if (at->y - dob->y >= 2)
			snprintf(buf, n, "%dy", at->y - dob->y);
		return;
	}
	months = (at->y - dob->y) * 12 + (at->m - dob->m);
	if (months < 0)
		snprintf(buf, n, "%s", "unborn");
	else if (months < 24)
		snprintf(buf, n, "%dm", months);
	else
		snprintf(buf, n, "%dy", months / 12);
}

void
dv_span(const struct dateview *v, long days, char *buf, size_t n)
{
	if (!v->general || (v->mode == DATES_RELATIVE &&
	    v->incident != LONG_MIN))
		snprintf(buf, n, "%ld day%s", days, days == 1 ? "" : "s");
	else if (days < 7 * 13)
		snprintf(buf, n, "about %ld weeks", (days + 3) / 7);
	else
		snprintf(buf, n, "about %ld months", (days + 15) / 30);
}
