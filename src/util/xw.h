/* The one XML writer for output (DOCX parts, the merged chronology): escapes, nests, indents if asked, flushes. */
#ifndef CSPR_XW_H
#define CSPR_XW_H

#include "buf.h"

#define XW_MAXDEPTH	128

/*
 * Output collects in buf; when a sink is set, every full chunk goes to
 * it and buf is emptied, so a part of any size needs little memory.
 * Errors are remembered, not returned by every call: xw_finish reports.
 * Text and attribute values must be UTF-8; C0 controls other than tab
 * and newline are dropped, as XML 1.0 cannot carry them.
 */
struct xw {
	struct buf	  buf;
	int		(*sink)(void *arg, const char *p, size_t n);
	void		 *arg;
	const char	 *stack[XW_MAXDEPTH];
	unsigned char	  kids[XW_MAXDEPTH];	/* element has child elements */
	unsigned	  depth;
	int		  indent;	/* each element on a line of its own,
					 * two spaces deeper than its parent's */
	int		  open;		/* a start tag awaits its '>' */
	int		  err;
};

/* Starts x, empty (the caller writes the XML declaration with xw_raw);
 * sink may be NULL to keep everything in buf. */
void	xw_init(struct xw *x, int (*sink)(void *, const char *, size_t),
	    void *arg);
/* Appends s to b escaped as xw_esc does. */
void	xml_escape(struct buf *b, const char *s, int attr);
/* name must live until its xw_end. */
void	xw_start(struct xw *x, const char *name);
void	xw_attr(struct xw *x, const char *name, const char *value);
void	xw_attrn(struct xw *x, const char *name, long value);
void	xw_text(struct xw *x, const char *s);
/* Markup written as it is (the caller's: well-formed, balanced), for
 * the fragments a long table repeats in every cell and run. */
void	xw_raw(struct xw *x, const char *s, size_t n);
/* s escaped, as text or (attr) an attribute value, after xw_raw. */
void	xw_esc(struct xw *x, const char *s, int attr);
/* Ends the innermost element ("<a/>" if it is empty). */
void	xw_end(struct xw *x);
/* <name val="v"/>, attribute left out when v is NULL (w:val by default). */
void	xw_empty(struct xw *x, const char *name, const char *attr,
	    const char *v);
/* Ends every open element and sends the rest to the sink; 0, or -1 if
 * any call failed. buf keeps the text when there is no sink. */
int	xw_finish(struct xw *x);
void	xw_free(struct xw *x);

#endif
