/* The parts of documents that cspr makes from the case, named in templates ("generated NAME"). */
#ifndef CSPR_GENERATED_H
#define CSPR_GENERATED_H

#include "doc.h"
#include "../model/calendar.h"
#include "../model/case.h"
#include "../transform/merge.h"

/* What a document is built from. */
struct docctx {
	const struct kase	*k;
	const struct chronology	*ch;
	const struct calendar	*cal;
	long			 asof;	/* the day timescales are measured to */
	const char		*logo;	/* PNG path or NULL */
	int			 draft;	/* flag what is missing or not SMART */
	int			 pub;	/* for publication */
	struct dateview		 dv;	/* how dates are shown */
	const char		*name;	/* the case as documents name it: its
					 * reference in drafts, its published
					 * name in a publication */
	const char		*box[8]; /* 7-minute briefing titles, 1..7 */
};

/*
 * Appends part `name` to sec. Returns 1 if it had content, 0 if the case
 * holds nothing for it yet (the caller shows a placeholder), -1 if no
 * part has that name.
 */
int	generated(const char *name, struct doc_node *sec,
	    const struct docctx *x);
/* Whether a part of that name exists. */
int	generated_known(const char *name);
/* The names, comma-separated, for messages (caller frees). */
char	*generated_names(void);

/* The chronology's parts, made in gen_chron.c. */
int	gen_chron_intro(struct doc_node *, const struct docctx *);
int	gen_chron_legend(struct doc_node *, const struct docctx *);
int	gen_chron_gaps(struct doc_node *, const struct docctx *);
int	gen_chron_table(struct doc_node *, const struct docctx *);

/* Generated text (DOC_GEN): a run, a cell, paragraphs, a heading. */
struct doc_node	*gen_text(struct doc_node *para, const char *text,
		    unsigned flags);
struct doc_node	*gen_cell(struct doc_node *row, const char *text,
		    unsigned flags, const char *shade);
struct doc_node	*gen_paras(struct doc_node *parent, const char *text);
struct doc_node	*gen_heading(struct doc_node *sec, unsigned level,
		    const char *text);

/* "yes", "no" or "not recorded": no cell relies on a symbol. */
const char *gen_tri(enum tri t);
/* A document's date: the report's date (the rapid review report sent to
 * the Panel), else the latest of the case's key dates known to the day
 * (decision, meeting, notification, referral, incident), or NULL. */
const struct cdate *gen_doc_date(const struct kase *k);

#endif
