/* The publication gate: proof, from the files themselves, that publication output names nobody. */
#ifndef CSPR_GATE_H
#define CSPR_GATE_H

#include "../util/diag.h"

struct anon;

/*
 * Reads back the DOCX or PDF at path (shown to the user as shown: its
 * final name, which is searched too) and searches every part of it for
 * register names and identifiers: each DOCX part's paragraphs joined
 * across runs, other element text and attribute values; each PDF page's
 * text, its document information, XMP metadata, bookmarks, link targets,
 * annotations and alternative text. Each hit is reported by register id
 * or identifier kind, never by what was found. Returns the number of
 * hits, or -1 (reported) if the file cannot be read: the gate fails
 * closed.
 */
int	gate_check(const struct anon *a, const char *path, const char *shown,
	    int is_pdf, struct diag_ctx *dg);

#endif
