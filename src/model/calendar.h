/* Working days: bank holidays from templates/bank-holidays.txt, and counting over them. */
#ifndef CSPR_CALENDAR_H
#define CSPR_CALENDAR_H

#include <stddef.h>

#include "../util/diag.h"

/* Days are days_from_civil() numbers (days since 1970-01-01). */
struct calendar {
	long	*hol;		/* bank holidays, ascending */
	size_t	 n, cap;
	long	 first, last;	/* 1 Jan of the first year listed, 31 Dec
				 * of the last: the days it knows about */
};

/*
 * Reads a bank-holiday file: "YYYY-MM-DD name" a line, in order, '#'
 * comments and blank lines ignored. 0, or -1 after reporting each bad
 * line as file:line:col.
 */
int	calendar_load(struct calendar *cal, const char *path,
	    struct diag_ctx *dg);
void	calendar_free(struct calendar *cal);

/* Monday to Friday and not a bank holiday. */
int	calendar_workday(const struct calendar *cal, long day);
/* The n-th working day after day (day itself not counted; n >= 0:
 * n = 0 gives day). */
long	calendar_add(const struct calendar *cal, long day, int n);
/* The n-th working day before day. */
long	calendar_sub(const struct calendar *cal, long day, int n);
/* Working days after from up to and including to; negative, counted
 * the other way, when to is before from. */
long	calendar_between(const struct calendar *cal, long from, long to);
/* Whether the file lists the bank holidays of day's year. */
int	calendar_covers(const struct calendar *cal, long day);

#endif
