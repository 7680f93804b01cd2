/* The publication gate: proof, from the files themselves, that publication output names nobody. */
#ifndef CSPR_GATE_H
#define CSPR_GATE_H

#include "../util/diag.h"

#include <stddef.h>

struct anon;
struct gate;

/* A format's reader: hands every piece of text of the file at path to
 * gate_search; 0, or -1 if the file cannot be read. */
typedef int	(*gate_reader)(struct gate *g, const char *path);
int	gate_read_docx(struct gate *g, const char *path);
int	gate_read_pdf(struct gate *g, const char *path);
/* Searches text[0..n), found where (e.g. "page 3"); attr: an attribute
 * value, where an outward code is too short to tell from markup. */
void	gate_search(struct gate *g, const char *text, size_t n,
	    const char *where, int attr);

/*
 * Reads back the file at path with read (shown to the user as shown: its
 * final name, which is searched too) and searches every part of it for
 * register names and identifiers: each DOCX part's paragraphs joined
 * across runs, other element text and attribute values; each PDF page's
 * text, the text of each paragraph and table cell of its structure tree,
 * its document information, XMP metadata, bookmarks, link targets,
 * annotations and alternative text. Each hit is reported by register id
 * or identifier kind, never by what was found. Returns the number of
 * hits, or -1 (reported) if the file cannot be read: the gate fails
 * closed.
 */
int	gate_check(const struct anon *a, const char *path, const char *shown,
	    gate_reader read, struct diag_ctx *dg);

#endif
