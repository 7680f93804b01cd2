/* The backends: one renderer per output format, each turning a document tree into a file (the formats are listed in cmd/format.c). */
#ifndef CSPR_RENDER_H
#define CSPR_RENDER_H

#include "../doc/doc.h"
#include "../model/style.h"
#include "../util/diag.h"

/*
 * Writes d to path (a temporary file the caller renames into place or
 * removes). Returns 0, or -1 after reporting through diag. Output is a
 * pure function of (d, style): byte-identical for identical inputs.
 */
typedef int	(*render_fn)(const struct doc *d, const struct style *st,
		    const char *path, struct diag_ctx *dg);
int	docx_render(const struct doc *d, const struct style *st,
	    const char *path, struct diag_ctx *dg);
int	pdf_render(const struct doc *d, const struct style *st,
	    const char *path, struct diag_ctx *dg);

/* Renders with backend fn once every image of d is a readable PNG
 * (the backends take that as given). */
int	render(render_fn fn, const struct doc *d, const struct style *st,
	    const char *path, struct diag_ctx *dg);

#endif
