/* The document tree: allocation, builders and the plain-text view. */
#include "doc.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/utf8.h"

#include <stdlib.h>
#include <string.h>

struct doc *
doc_new(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->root = doc_node_new(DOC_ROOT);
	d->lang = xstrdup("en-GB");
	return d;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	doc_node_free(d->root);
	free(d->title);
	free(d->subject);
	free(d->keywords);
	free(d->lang);
	free(d->creator);
	free(d->marking);
	free(d->date);
	free(d);
}

void
doc_set(char **field, const char *value)
{
	free(*field);
	*field = utf8_sanitize(value);
}

struct doc_node *
doc_node_new(enum doc_type type)
{
	struct doc_node *n = xcalloc(1, sizeof(*n));

	n->type = type;
	return n;
}

/* Iterative, so that no tree depth can exhaust the stack. */
void
doc_node_free(struct doc_node *n)
{
	struct doc_node *next, *tail;

	if (n == NULL)
		return;
	n->next = NULL;
	tail = n;
	while (n != NULL) {
		/* Splice the children onto the end of the work list. */
		if (n->first != NULL) {
			tail->next = n->first;
			while (tail->next != NULL)
				tail = tail->next;
		}
		next = n->next;
		free(n->text);
		free(n->alt);
		free(n->colw);
		free(n);
		n = next;
	}
}

struct doc_node *
doc_append(struct doc_node *parent, struct doc_node *child)
{
	child->parent = parent;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	return child;
}

struct doc_node *
doc_section(struct doc_node *root, unsigned flags)
{
	struct doc_node *n = doc_append(root, doc_node_new(DOC_SECTION));

	n->flags = flags;
	return n;
}

struct doc_node *
doc_heading(struct doc_node *sec, unsigned level, const char *text)
{
	struct doc_node *n = doc_append(sec, doc_node_new(DOC_HEADING));

	n->level = level < 1 ? 1 : level > 3 ? 3 : level;
	if (text != NULL)
		doc_text(n, text, 0);
	return n;
}

struct doc_node *
doc_para(struct doc_node *parent)
{
	return doc_append(parent, doc_node_new(DOC_PARA));
}

struct doc_node *
doc_text(struct doc_node *para, const char *text, unsigned flags)
{
	struct doc_node *n = doc_append(para, doc_node_new(DOC_TEXT));

	n->flags = flags;
	n->text = utf8_sanitize(text ? text : "");
	/* Newlines are not inline text: turn stray ones into spaces. */
	for (char *p = n->text; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return n;
}

struct doc_node *
doc_paras(struct doc_node *parent, const char *text, unsigned flags)
{
	struct doc_node *para = NULL;
	const char *p = text ? text : "", *e;
	char *chunk;

	while (*p) {
		while (*p == '\n')
			p++;
		if (*p == '\0')
			break;
		para = doc_para(parent);
		for (;;) {
			e = strchr(p, '\n');
			if (e == NULL)
				e = p + strlen(p);
			chunk = xstrndup(p, (size_t)(e - p));
			doc_text(para, chunk, flags);
			free(chunk);
			p = e;
			if (*p == '\0' || p[1] == '\n' || p[1] == '\0')
				break;
			p++;
			doc_linebreak(para);
		}
	}
	if (para == NULL)
		para = doc_para(parent);
	return para;
}

struct doc_node *
doc_linebreak(struct doc_node *para)
{
	return doc_append(para, doc_node_new(DOC_LINEBREAK));
}

struct doc_node *
doc_link(struct doc_node *para, const char *url, const char *text)
{
	struct doc_node *n = doc_append(para, doc_node_new(DOC_LINK));

	n->text = utf8_sanitize(url);
	doc_text(n, text ? text : url, 0);
	return n;
}

struct doc_node *
doc_list(struct doc_node *parent, unsigned flags)
{
	struct doc_node *n = doc_append(parent, doc_node_new(DOC_LIST));

	n->flags = flags;
	return n;
}

struct doc_node *
doc_item(struct doc_node *list)
{
	return doc_append(list, doc_node_new(DOC_ITEM));
}

struct doc_node *
doc_table(struct doc_node *parent, unsigned ncols, const unsigned *colw,
    unsigned flags)
{
	struct doc_node *n = doc_append(parent, doc_node_new(DOC_TABLE));
	unsigned i;

	n->flags = flags;
	n->ncols = ncols;
	n->colw = xcalloc(ncols, sizeof(*n->colw));
	for (i = 0; i < ncols; i++)
		n->colw[i] = colw ? colw[i] : 1;
	return n;
}

struct doc_node *
doc_row(struct doc_node *table, unsigned flags)
{
	struct doc_node *n = doc_append(table, doc_node_new(DOC_ROW));

	n->flags = flags;
	return n;
}

struct doc_node *
doc_cell(struct doc_node *row, const char *text, unsigned textflags,
    const char *shade)
{
	struct doc_node *n = doc_append(row, doc_node_new(DOC_CELL));

	if (shade != NULL && strlen(shade) == 6)
		memcpy(n->shade, shade, 7);
	if (text != NULL && *text != '\0')
		doc_paras(n, text, textflags);
	else
		doc_para(n);
	return n;
}

struct doc_node *
doc_pagebreak(struct doc_node *parent)
{
	return doc_append(parent, doc_node_new(DOC_PAGEBREAK));
}

struct doc_node *
doc_image(struct doc_node *parent, const char *path, const char *alt,
    double width_mm)
{
	struct doc_node *n = doc_append(parent, doc_node_new(DOC_IMAGE));

	n->text = xstrdup(path);
	n->alt = utf8_sanitize(alt ? alt : "");
	n->width_mm = width_mm;
	return n;
}

struct doc_node *
doc_toc(struct doc_node *sec, const char *title)
{
	struct doc_node *n = doc_append(sec, doc_node_new(DOC_TOC));

	n->text = utf8_sanitize(title ? title : "Contents");
	return n;
}

static void
plain(const struct doc_node *n, struct buf *b)
{
	const struct doc_node *c;

	if (n->type == DOC_TEXT) {
		buf_puts(b, n->text);
		return;
	}
	if (n->type == DOC_LINEBREAK) {
		buf_putc(b, ' ');
		return;
	}
	for (c = n->first; c != NULL; c = c->next) {
		if (c != n->first && c->type != DOC_TEXT &&
		    c->type != DOC_LINEBREAK && c->type != DOC_LINK)
			buf_putc(b, ' ');
		plain(c, b);
	}
}

char *
doc_plain(const struct doc_node *n)
{
	struct buf b = BUF_INIT;

	plain(n, &b);
	return buf_detach(&b);
}
