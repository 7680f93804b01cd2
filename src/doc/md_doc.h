/* Markdown as blocks of the document tree: a reviewer's narrative, a return's free-text field. */
#ifndef CSPR_MD_DOC_H
#define CSPR_MD_DOC_H

#include "doc.h"

/*
 * Appends the blocks of markdown to parent: paragraphs with emphasis,
 * links and line breaks, nested lists, tables (first row the header),
 * code and HTML as literal text. A '#' heading becomes a heading of
 * level hbase ('##' hbase + 1, ..., at most 3) when parent is a section,
 * bold text elsewhere. Nothing in the text is interpreted beyond
 * Markdown. 0, or -1 if cmark-gfm fails (out of memory).
 */
int	md_doc(struct doc_node *parent, const char *markdown, unsigned hbase);
/* A free-text field of a return (which agencies fill in with lists, as
 * in Markdown) as md_doc reads it, each line end kept as a line break,
 * as the plain text it was before showed it. */
int	md_doc_field(struct doc_node *parent, const char *text);

#endif
