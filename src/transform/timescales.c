/* Statutory timescales: due dates from the case's dates and the working-day calendar, with their status. */
#include "timescales.h"
#include "../model/date.h"

#include <stdio.h>
#include <string.h>

static long
day_of(const struct cdate *d)
{
	return d->prec == DATE_DAY ? date_first_day(d) : TS_NODAY;
}

/* The latest day a scoping return came in, if every agency's did. */
static long
all_returns_in(const struct kase *k)
{
	long last = TS_NODAY, d;
	size_t i, j;
	int found;

	for (i = 0; i < k->nag; i++) {
		found = 0;
		for (j = 0; j < k->nsr; j++)
			if (k->sr[j].agency != NULL &&
			    strcmp(k->sr[j].agency, k->ag[i].id) == 0 &&
			    (d = day_of(&k->sr[j].received)) != TS_NODAY) {
				found = 1;
				if (d > last)
					last = d;
			}
		if (!found)
			return TS_NODAY;
	}
	return last;
}

static void
status(const struct calendar *cal, long asof, struct timescale *t)
{
	if (t->due == TS_NODAY) {
		t->status = TS_UNKNOWN;
		return;
	}
	t->beyond = !calendar_covers(cal, t->due) ||
	    (t->done != TS_NODAY && !calendar_covers(cal, t->done));
	if (t->done != TS_NODAY) {
		if (t->from != t->due && t->done < t->from) {
			t->status = TS_EARLY;
			t->days = calendar_between(cal, t->done, t->from);
		} else if (t->done > t->due) {
			t->status = TS_LATE;
			t->days = calendar_between(cal, t->due, t->done);
		} else
			t->status = TS_MET;
		return;
	}
	if (asof > t->due) {
		t->status = TS_OVERDUE;
		t->days = calendar_between(cal, t->due, asof);
	} else {
		t->status = TS_DUE;
		t->days = calendar_between(cal, asof, t->due);
	}
}

/* Adds a timescale with nothing known yet. */
static struct timescale *
add(struct timescale *out, size_t *k, const char *what, const char *rule,
    const char *missing)
{
	struct timescale *t = &out[(*k)++];

	memset(t, 0, sizeof(*t));
	t->what = what;
	snprintf(t->rule, sizeof(t->rule), "%s", rule);
	t->base = t->from = t->due = t->done = TS_NODAY;
	t->missing = missing;
	return t;
}

size_t
timescales(const struct kase *k, const struct calendar *cal, long asof,
    struct timescale *out)
{
	const struct case_dates *d = &k->dates;
	struct timescale *t;
	long base;
	size_t n = 0;
	int y, m, dd;

	t = add(out, &n, "Notification to the National Panel",
	    "5 working days from awareness", "awareness");
	if ((t->base = base = day_of(&d->awareness)) != TS_NODAY)
		t->from = t->due = calendar_add(cal, base, 5);
	t->done = day_of(&d->notification);

	t = add(out, &n, "Scoping returns from every agency",
	    "5 working days from the request", "scoping-request");
	if ((t->base = base = day_of(&d->scoping_request)) != TS_NODAY)
		t->from = t->due = calendar_add(cal, base, 5);
	t->done = all_returns_in(k);

	t = add(out, &n, "Rapid review meeting",
	    "8 to 12 working days from referral", "referral");
	if ((t->base = base = day_of(&d->referral)) != TS_NODAY) {
		t->from = calendar_add(cal, base, 8);
		t->due = calendar_add(cal, base, 12);
	}
	t->done = day_of(&d->meeting);

	t = add(out, &n, "Rapid review report to the National Panel",
	    "15 working days from notification", "notification");
	if ((t->base = base = day_of(&d->notification)) != TS_NODAY)
		t->from = t->due = calendar_add(cal, base, 15);
	t->done = day_of(&d->report);

	/* No LCSPR to complete when the partners decided against one. */
	if (k->review.lcspr == TRI_NO)
		goto copy;
	t = add(out, &n, "LCSPR completed",
	    "6 months from the decision", "decision");
	if ((t->base = base = day_of(&d->decision)) != TS_NODAY) {
		civil_from_days(base, &y, &m, &dd);
		m += 6;
		if (m > 12) {
			m -= 12;
			y++;
		}
		if (dd > days_in_month(y, m))
			dd = days_in_month(y, m);
		t->from = t->due = days_from_civil(y, m, dd);
	}
	t->done = day_of(&d->lcspr_complete);
copy:
	t = add(out, &n, "Final report to the Panel, Ofsted and DfE", "",
	    "publication");
	snprintf(t->rule, sizeof(t->rule), "%d working day%s before "
	    "publication", d->copy_days, d->copy_days == 1 ? "" : "s");
	if ((t->base = base = day_of(&d->publication)) != TS_NODAY)
		t->from = t->due = calendar_sub(cal, base, d->copy_days);
	t->done = day_of(&d->copied);

	for (size_t i = 0; i < n; i++)
		status(cal, asof, &out[i]);
	return n;
}

/* A day, or "" if not known. */
static void
day_text(long day, char *buf, size_t n)
{
	if (day == TS_NODAY)
		snprintf(buf, n, "%s", "");
	else
		day_format(day, buf, n);
}

void
timescale_due(const struct timescale *t, char *buf, size_t n)
{
	char a[32], b[32];

	day_text(t->from, a, sizeof(a));
	day_text(t->due, b, sizeof(b));
	if (t->from != t->due)
		snprintf(buf, n, "%s to %s", a, b);
	else
		snprintf(buf, n, "%s", b);
}

void
timescale_done(const struct timescale *t, char *buf, size_t n)
{
	day_text(t->done, buf, n);
}

void
timescale_taken(const struct timescale *t, const struct calendar *cal,
    char *buf, size_t n)
{
	long days;

	snprintf(buf, n, "%s", "");
	if (t->base == TS_NODAY || t->done == TS_NODAY)
		return;
	if (t->done < t->base) {	/* the copy, before publication */
		days = calendar_between(cal, t->done, t->base);
		snprintf(buf, n, "%ld working day%s before", days, days == 1 ?
		    "" : "s");
		return;
	}
	days = calendar_between(cal, t->base, t->done);
	snprintf(buf, n, "%ld working day%s", days, days == 1 ? "" : "s");
}

void
timescale_status(const struct timescale *t, char *buf, size_t n)
{
	const char *s = t->days == 1 ? "" : "s";

	switch (t->status) {
	case TS_UNKNOWN:
		snprintf(buf, n, "cannot tell: case.xml has no %s date",
		    t->missing);
		break;
	case TS_MET:
		snprintf(buf, n, "met");
		break;
	case TS_EARLY:
		snprintf(buf, n, "%ld working day%s early", t->days, s);
		break;
	case TS_LATE:
		snprintf(buf, n, "%ld working day%s late", t->days, s);
		break;
	case TS_OVERDUE:
		snprintf(buf, n, "overdue by %ld working day%s", t->days, s);
		break;
	case TS_DUE:
		if (t->days == 0)
			snprintf(buf, n, "due today");
		else
			snprintf(buf, n, "due in %ld working day%s", t->days,
			    s);
		break;
	}
}
