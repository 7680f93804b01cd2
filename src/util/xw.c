/* The streaming XML writer: escaping by table, output in chunks to a sink. */
#include "xw.h"

#include <string.h>

#define XW_CHUNK	(256u * 1024u)

/* 1: escape as an entity; 2: drop (C0 controls XML 1.0 forbids); 3:
 * the first byte of U+2000-U+2FFF, which holds the bidi embeddings and
 * overrides (U+202A-U+202E), dropped too: Word would apply them and the
 * PDF does not, so a run pasted with one ("kciN" for "Nick") would read
 * differently in the two. The isolates and marks right-to-left names
 * need are kept. */
static const unsigned char special[256] = {
	2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1,
	[0xE2] = 3,
};

static void
spill(struct xw *x)
{
	if (x->sink == NULL || x->buf.len < XW_CHUNK)
		return;
	if (!x->err && x->sink(x->arg, x->buf.data, x->buf.len) == -1)
		x->err = 1;
	x->buf.len = 0;
}

static void
close_tag(struct xw *x)
{
	if (x->open) {
		buf_putc(&x->buf, '>');
		x->open = 0;
	}
}

/* s escaped; in attributes also '"', and newlines and tabs as
 * references so that attribute normalisation keeps them. */
void
xml_escape(struct buf *b, const char *s, int attr)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	const char *ent;

	for (;; p++) {
		if (!special[*p] && !(attr && (*p == '\n' || *p == '\t')))
			continue;
		if (*p == '\0')
			break;
		if (special[*p] == 3) {
			if (p[1] != 0x80 || p[2] < 0xAA || p[2] > 0xAE)
				continue;
			buf_put(b, (const char *)run, (size_t)(p - run));
			p += 2;
			run = p + 1;
			continue;
		}
		buf_put(b, (const char *)run, (size_t)(p - run));
		run = p + 1;
		switch (*p) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = attr ? "&quot;" : "\""; break;
		case '\n': ent = "&#10;"; break;
		case '\t': ent = "&#9;"; break;
		default: ent = ""; break;	/* a dropped control */
		}
		buf_puts(b, ent);
	}
	buf_put(b, (const char *)run, (size_t)(p - run));
}

void
xw_init(struct xw *x, int (*sink)(void *, const char *, size_t), void *arg)
{
	memset(x, 0, sizeof(*x));
	x->sink = sink;
	x->arg = arg;
}

/* A new line, indented for depth. */
static void
newline(struct xw *x, unsigned depth)
{
	buf_putc(&x->buf, '\n');
	while (depth-- > 0)
		buf_put(&x->buf, "  ", 2);
}

void
xw_start(struct xw *x, const char *name)
{
	close_tag(x);
	if (x->depth == XW_MAXDEPTH) {
		x->err = 1;
		return;
	}
	if (x->indent && x->depth > 0) {
		x->kids[x->depth - 1] = 1;
		newline(x, x->depth);
	}
	x->kids[x->depth] = 0;
	x->stack[x->depth++] = name;
	buf_putc(&x->buf, '<');
	buf_puts(&x->buf, name);
	x->open = 1;
}

void
xw_attr(struct xw *x, const char *name, const char *value)
{
	if (!x->open) {
		x->err = 1;
		return;
	}
	buf_putc(&x->buf, ' ');
	buf_puts(&x->buf, name);
	buf_put(&x->buf, "=\"", 2);
	xml_escape(&x->buf, value, 1);
	buf_putc(&x->buf, '"');
}

void
xw_attrn(struct xw *x, const char *name, long value)
{
	char n[24], *p = n + sizeof(n);
	unsigned long v = value < 0 ? 0ul - (unsigned long)value :
	    (unsigned long)value;

	/* Not snprintf: a cell's width each, for tens of thousands. */
	*--p = '\0';
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	if (value < 0)
		*--p = '-';
	xw_attr(x, name, p);
}

void
xw_text(struct xw *x, const char *s)
{
	close_tag(x);
	xml_escape(&x->buf, s, 0);
	spill(x);
}

void
xw_raw(struct xw *x, const char *s, size_t n)
{
	close_tag(x);
	buf_put(&x->buf, s, n);
}

void
xw_esc(struct xw *x, const char *s, int attr)
{
	close_tag(x);
	xml_escape(&x->buf, s, attr);
	spill(x);
}

void
xw_end(struct xw *x)
{
	if (x->depth == 0) {
		x->err = 1;
		return;
	}
	x->depth--;
	if (x->open) {
		buf_put(&x->buf, "/>", 2);
		x->open = 0;
	} else {
		if (x->indent && x->kids[x->depth])
			newline(x, x->depth);
		buf_put(&x->buf, "</", 2);
		buf_puts(&x->buf, x->stack[x->depth]);
		buf_putc(&x->buf, '>');
	}
	spill(x);
}

void
xw_empty(struct xw *x, const char *name, const char *attr, const char *v)
{
	xw_start(x, name);
	if (v != NULL)
		xw_attr(x, attr ? attr : "w:val", v);
	xw_end(x);
}

int
xw_finish(struct xw *x)
{
	while (x->depth > 0)
		xw_end(x);
	if (x->sink != NULL && !x->err && x->buf.len > 0 &&
	    x->sink(x->arg, x->buf.data, x->buf.len) == -1)
		x->err = 1;
	if (x->sink != NULL)
		x->buf.len = 0;
	return x->err ? -1 : 0;
}

void
xw_free(struct xw *x)
{
	buf_free(&x->buf);
}
