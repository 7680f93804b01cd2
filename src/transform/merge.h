/* The merge: all agencies' events in one integrated key-events chronology, with ages, intervals, duplicates, gaps and per-agency figures. */
#ifndef CSPR_MERGE_H
#define CSPR_MERGE_H

#include <stdio.h>

#include "../model/case.h"

#define MERGE_GAP_DAYS	28

struct merge_opts {
	int		 key_only;	/* leave out background events */
	int		 gap_days;	/* report gaps longer than this */
};

struct mrow {
	const struct event	*ev;
	const struct agency	*ag;
	const struct chron_return *cr;
	size_t			 agidx;		/* manifest order */
	size_t			 idx;		/* position in its return */
	long			 day;		/* first day the date can mean */
	unsigned		 effseq;	/* seq, never decreasing in a return's day */
	char			 age[24];	/* child's age; "" if not known */
	long			 interval;	/* days since previous row; -1 unknown */
	unsigned		 dup;		/* duplicate group, 0 for none */
};

/* A period of more than gap_days with no contact from any agency. */
struct mgap {
	long	 from;		/* first day without contact */
	long	 to;		/* last day without contact */
	size_t	 before;	/* row index after the gap (nrows: at the end) */
};

struct mstat {
	const struct agency *ag;
	unsigned	 contacts;	/* events, author notes left out */
	unsigned	 key;		/* of which key events */
	unsigned	 kpe;
	unsigned	 seen_yes, seen_no;
	unsigned	 voice_yes, voice_no;
	int		 has_return;
};

struct chronology {
	const struct kase *k;
	struct merge_opts opts;
	struct mrow	*rows;
	size_t		 nrows;
	struct mgap	*gaps;
	size_t		 ngaps;
	struct mstat	*stats;		/* one per manifest agency, in order */
	size_t		 nstats;
	unsigned	 ndup;		/* duplicate groups */
};

/* Merges k's chronology returns (returns for unknown agencies are left
 * out: cspr check reports them). Never fails; the result borrows from k. */
struct chronology *merge_case(const struct kase *k,
		    const struct merge_opts *opts);
void		 chronology_free(struct chronology *c);	/* accepts NULL */

/*
 * Text similarity of two events in [0,1]: the Dice coefficient of their
 * sets of words (3+ letters, case folded, common words left out) from
 * category and what happened. Exposed for tests.
 */
double		 event_similarity(const struct event *a, const struct event *b);
/* Whether two events of different agencies are likely the same one. */
int		 event_likely_duplicate(const struct event *a,
		    const struct event *b);

/* Indented text dump, for golden tests and `cspr dump --stage merge`. */
void		 chronology_dump(FILE *out, const struct chronology *c);
/* The documented XML (schemas/integrated-chronology.xsd) into a string;
 * NULL on a writer failure. */
char		*chronology_xml(const struct chronology *c);

#endif
