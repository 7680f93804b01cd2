/* How a document shows dates: as the agencies recorded them (drafts), or generalised for publication. */
#ifndef CSPR_DATEVIEW_H
#define CSPR_DATEVIEW_H

#include <stddef.h>

#include "date.h"

/* How publication output generalises dates (docs/anonymisation.md). */
enum date_mode {
	DATES_MONTH_YEAR = 0,	/* "March 2025", the default */
	DATES_YEAR,		/* "2025" */
	DATES_RELATIVE		/* "Day 12": days from the incident */
};

/*
 * A document's view of dates. In a draft (general 0) every date shows
 * what was recorded. In a publication no shown figure may let a reader
 * rebuild an exact date: dates lose their day (month-year, year) or
 * count from the incident (relative); times of day go with the day;
 * ages and spans are rounded to what the shown dates already say.
 */
struct dateview {
	int		 general;	/* publication */
	enum date_mode	 mode;
	long		 incident;	/* day number, or LONG_MIN */
};

/* A draft's view: dates as recorded. */
void	dv_draft(struct dateview *v);
/* A date: "14 Mar 2025" in a draft; "Mar 2025", "2025", "Day -12" (or
 * "Month -3", "Year -1" for a date known only that far) in a
 * publication. "" for no date. */
void	dv_date(const struct dateview *v, const struct cdate *d, char *buf,
	    size_t n);
/* A day number as a date, as dv_date shows it. */
void	dv_day(const struct dateview *v, long day, char *buf, size_t n);
/* Whether times of day are shown: not where the day is not. */
int	dv_times(const struct dateview *v);
/* Whether intervals between events are shown in days. */
int	dv_day_intervals(const struct dateview *v);
/* The age of someone born dob at date at: "2y 3m", "5m", "3w" in a
 * draft; in a publication whole months under two years ("9m") and whole
 * years after ("3y"), counted from the dates as shown, so that the age
 * says no more than they do. "" if unknown, "unborn" before birth. */
void	dv_age(const struct dateview *v, const struct cdate *dob,
	    const struct cdate *at, char *buf, size_t n);
/* A span of days: "45 days" in a draft; "about 6 weeks" or "about 3
 * months" in a publication. */
void	dv_span(const struct dateview *v, long days, char *buf, size_t n);

#endif
