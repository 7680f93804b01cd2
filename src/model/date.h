/* Dates as practitioners write them: lenient parsing, stored with their precision. */
#ifndef CSPR_DATE_H
#define CSPR_DATE_H

#include <stddef.h>

enum date_prec {
	DATE_NONE = 0,	/* no date given */
	DATE_YEAR,	/* "2025" */
	DATE_MONTH,	/* "March 2025", "03/2025" */
	DATE_DAY	/* "14/03/2025" */
};

struct cdate {
	int		 y, m, d;	/* m, d are 0 when not known */
	enum date_prec	 prec;
	int		 uncertain;	/* written with a leading '?' */
};

struct ctime {
	int	 h, mi;
	int	 set;		/* 0: no time given (never displayed) */
};

/*
 * Parses 2025-03-14, 14/03/2025, 14.03.25, 14-03-2025, 14-Mar-25,
 * 14 March 2025, March 2025, Mar-25, 03/2025, 2025-03, 2025, each with an
 * optional leading '?'. Two-digit years: 00-49 are 20xx, 50-99 are 19xx.
 * Returns 0, or -1 with a message in err naming what is valid.
 * The empty string gives DATE_NONE and 0.
 */
int	date_parse(const char *s, struct cdate *out, char *err, size_t errlen);

/* "09:30", "9:30", "0930"; "" gives an unset time. 0 or -1 as above. */
int	time_parse(const char *s, struct ctime *out, char *err, size_t errlen);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
long	days_from_civil(int y, int m, int d);
void	civil_from_days(long z, int *y, int *m, int *d);
int	days_in_month(int y, int m);

/* The first and last day a date can mean (DATE_NONE: LONG_MIN/LONG_MAX). */
long	date_first_day(const struct cdate *dt);
long	date_last_day(const struct cdate *dt);

/* Compares by the earliest instant each can mean, then by precision
 * (a whole month sorts before its first day's events). */
int	date_cmp(const struct cdate *a, const struct cdate *b);

/* Display: "14 Mar 2025", "Mar 2025", "2025", prefixed "? " when
 * uncertain; "" for DATE_NONE. Never shows a day or month not given. */
void	date_format(const struct cdate *dt, char *buf, size_t n);
/* ISO form at the date's precision: "2025-03-14", "2025-03", "2025". */
void	date_iso(const struct cdate *dt, char *buf, size_t n);
void	time_format(const struct ctime *t, char *buf, size_t n); /* "09:30" */
/* A day number (days_from_civil) as a whole date: "14 Mar 2025". */
void	day_format(long day, char *buf, size_t n);

/* Whole months and years between a birth date and a day: "2y 3m",
 * "5m", "3w" under a month, "unborn" before birth, "" if unknown. */
void	age_format(const struct cdate *dob, long day, char *buf, size_t n);

#endif
