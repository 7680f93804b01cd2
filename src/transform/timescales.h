/* The statutory timescales of a review, in working days, from the case's dates. */
#ifndef CSPR_TIMESCALES_H
#define CSPR_TIMESCALES_H

#include <limits.h>
#include <stddef.h>

#include "../model/calendar.h"
#include "../model/case.h"

#define TS_NODAY	LONG_MIN
#define TS_MAX		8

enum ts_status {
	TS_UNKNOWN,	/* the date it runs from is not in case.xml */
	TS_MET,		/* done, in time */
	TS_EARLY,	/* done before its window opened (windows only) */
	TS_LATE,	/* done, after the deadline */
	TS_OVERDUE,	/* not done, deadline passed */
	TS_DUE		/* not done, deadline to come */
};

struct timescale {
	const char	*what;		/* "Notification to the National Panel" */
	char		 rule[64];	/* "5 working days from awareness" */
	long		 base;		/* the day the rule counts from, or
					 * TS_NODAY */
	long		 from, due;	/* window [from, due]; from == due for a
					 * deadline; TS_NODAY if unknown */
	long		 done;		/* when it was done, or TS_NODAY */
	enum ts_status	 status;
	long		 days;		/* working days late, overdue, early
					 * or still to go */
	const char	*missing;	/* TS_UNKNOWN: the date case.xml lacks */
	int		 beyond;	/* a day past the bank-holiday file */
};

/*
 * The timescales of case k as of day asof: notification (5 working days
 * from awareness), scoping returns (5 from the request), the rapid review
 * meeting (8 to 12 from referral), the rapid review report (15 from
 * notification), LCSPR completion (6 months from the decision), and the
 * copy to the Panel, Ofsted and DfE (copy_days before publication).
 * Returns how many were written to out (at most TS_MAX).
 */
size_t	timescales(const struct kase *k, const struct calendar *cal,
	    long asof, struct timescale *out);
/* "14 Mar 2025", a window "27 Mar 2025 to 2 Apr 2025", or "" if not
 * known; and the day it was done, or "". */
void	timescale_due(const struct timescale *t, char *buf, size_t n);
void	timescale_done(const struct timescale *t, char *buf, size_t n);
/* How long the step took, with no date: "12 working days" from its
 * start ("4 working days before" publication for the copy), or "" if
 * not done. What a publication shows instead of dates. */
void	timescale_taken(const struct timescale *t, const struct calendar *cal,
	    char *buf, size_t n);
/* "met", "2 working days late", "due in 3 working days", ... */
void	timescale_status(const struct timescale *t, char *buf, size_t n);

#endif
