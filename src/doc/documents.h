/* The document builders: each turns the case (and its merged chronology) into a document tree. */
#ifndef CSPR_DOCUMENTS_H
#define CSPR_DOCUMENTS_H

#include "doc.h"
#include "generated.h"
#include "../model/tmpl.h"
#include "../transform/merge.h"

/*
 * A document from its template (templates/<name>.txt, docs/templates.md):
 * the template's wording, the reviewer's narratives and the parts cspr
 * generates from the case. Sections with nothing yet get a visible
 * "To be completed" in drafts; those marked required are added to
 * missing. NULL after reporting a template naming an unknown part.
 */
struct doc	*tmpl_doc(const struct tmpl *t, const struct docctx *x,
		    struct strlist *missing, struct diag_ctx *dg);

#endif
