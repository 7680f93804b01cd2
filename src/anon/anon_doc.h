/* Anonymising document trees, and the residual-risk report of what the passes left undecided. */
#ifndef CSPR_ANON_DOC_H
#define CSPR_ANON_DOC_H

#include "anon.h"
#include "../doc/doc.h"

struct residual;

struct residual	*residual_new(void);
void		 residual_free(struct residual *r);	/* accepts NULL */

/* Notes the undecided hits (ambiguous and shared names) of text orig,
 * whose anonymised form is anon: by register id, never by name. */
void		 residual_hits(struct residual *r, const struct anon *a,
		    const char *docname, const char *orig, const char *anon,
		    const struct anon_hits *h);
/* Notes what anonymised text still holds that no pass decided on:
 * capitalised words that are neither dictionary words nor allowed,
 * runs of capitalised words that read as a place, long numbers. */
void		 residual_text(struct residual *r, const struct anon *a,
		    const char *docname, const char *text, size_t len);
size_t		 residual_count(const struct residual *r);
/* How many of them are too risky to publish unread: a name two people
 * share, an unknown word where a name stands, a long number. */
size_t		 residual_high(const struct residual *r);
/* Writes the report to path (through a temporary file), riskiest
 * first, every entry passed through a once more, each high-risk one
 * with where it is in k's files and the edit that decides it; and
 * reports each high-risk one at its place, as an error (a warning if
 * accepted, --accept-residual): 0 or -1. */
int		 residual_write(struct residual *r, const struct anon *a,
		    const struct kase *k, const char *path, const char *what,
		    int accepted, struct diag_ctx *dg);

/*
 * Anonymises d in place: every paragraph and heading (its runs joined,
 * so a name split by emphasis or a line break is still found), link
 * targets (a link whose target names someone becomes plain text), alt
 * text, the contents title and the document properties. Dates are
 * generalised. r collects what was left undecided.
 */
void		 anon_doc(const struct anon *a, struct doc *d,
		    struct residual *r, const char *docname);

#endif
