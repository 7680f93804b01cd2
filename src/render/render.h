/* The backends: one renderer per output format, each turning a document tree into a file. */
#ifndef CSPR_RENDER_H
#define CSPR_RENDER_H

#include "../doc/doc.h"
#include "../model/style.h"
#include "../util/diag.h"

enum render_format {
	FORMAT_DOCX,
	FORMAT_PDF
};

/*
 * Writes d to path (a temporary file the caller renames into place or
 * removes). Returns 0, or -1 after reporting through diag. Output is a
 * pure function of (d, style): byte-identical for identical inputs.
 */
int	docx_render(const struct doc *d, const struct style *st,
	    const char *path, struct diag_ctx *dg);
int	pdf_render(const struct doc *d, const struct style *st,
	    const char *path, struct diag_ctx *dg);

/* Dispatches on fmt; the one switch over backends. */
int	render(enum render_format fmt, const struct doc *d,
	    const struct style *st, const char *path, struct diag_ctx *dg);
const char *render_ext(enum render_format fmt);	/* "docx", "pdf" */

#endif
