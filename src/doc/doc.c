/* The document tree: allocation, builders and the plain-text view. */
#include "doc.h"
#include "../util/alloc.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/utf8.h"

#include <stdlib.h>
#include <string.h>

struct doc *
doc_new(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->arena = xcalloc(1, sizeof(*d->arena));
	d->root = arena_alloc(d->arena, sizeof(*d->root));
	d->root->type = DOC_ROOT;
	d->root->arena = d->arena;
	d->root->nnodes = 1;
	d->lang = xstrdup("en-GB");
	return d;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	arena_free(d->arena);
	free(d->arena);
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

/* The id fills what was padding: a node stays 64 bytes (LP64). */
_Static_assert(sizeof(void *) != 8 || sizeof(struct doc_node) == 64,
    "a document node is 64 bytes");

size_t
doc_node_count(const struct doc *d)
{
	return d->root->nnodes;
}

/* The root of the tree n is in. */
static struct doc_node *
root_of(struct doc_node *n)
{
	while (n->parent != NULL)
		n = n->parent;
	return n;
}

static struct arena *
arena_of(struct doc_node *n)
{
	return root_of(n)->arena;
}

/* A sanitised copy of s[0..n) in the arena, newlines made spaces if
 * inline. */
static char *
text_copy(struct arena *a, const char *s, size_t n, int is_inline)
{
	char *t, *raw, *clean = NULL;

	if (!utf8_clean(s, n)) {
		raw = xstrndup(s, n);
		s = clean = utf8_sanitize(raw);
		n = strlen(clean);
		free(raw);
	}
	t = arena_strndup(a, s, n);
	free(clean);
	if (is_inline)
		for (char *p = t; (p = memchr(p, '\n', n - (size_t)(p - t)));)
			*p++ = ' ';
	return t;
}

struct doc_node *
doc_node_add(struct doc_node *parent, enum doc_type type)
{
	struct doc_node *root = root_of(parent), *child;

	child = arena_alloc(root->arena, sizeof(*child));
	child->id = root->nnodes++;
	child->type = (unsigned char)type;
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
	struct doc_node *n = doc_node_add(root, DOC_SECTION);

	n->flags = (unsigned short)flags;
	return n;
}

struct doc_node *
doc_heading(struct doc_node *sec, unsigned level, const char *text)
{
	struct doc_node *n = doc_node_add(sec, DOC_HEADING);

	n->level = (unsigned char)(level < 1 ? 1 : level > 3 ? 3 : level);
	if (text != NULL)
		doc_text(n, text, 0);
	return n;
}

struct doc_node *
doc_para(struct doc_node *parent)
{
	return doc_node_add(parent, DOC_PARA);
}

static struct doc_node *
text_node(struct doc_node *para, const char *s, size_t len, unsigned flags)
{
	struct doc_node *n = doc_node_add(para, DOC_TEXT);

	n->flags = (unsigned short)flags;
	/* Newlines are not inline text: stray ones become spaces. */
	n->text = text_copy(arena_of(n), s, len, 1);
	return n;
}

struct doc_node *
doc_text(struct doc_node *para, const char *text, unsigned flags)
{
	if (text == NULL)
		text = "";
	return text_node(para, text, strlen(text), flags);
}

struct doc_node *
doc_paras(struct doc_node *parent, const char *text, unsigned flags)
{
	struct doc_node *para = NULL;
	const char *p = text ? text : "", *e;

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
			text_node(para, p, (size_t)(e - p), flags);
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
	return doc_node_add(para, DOC_LINEBREAK);
}

struct doc_node *
doc_link(struct doc_node *para, const char *url, const char *text)
{
	struct doc_node *n = doc_node_add(para, DOC_LINK);

	n->text = text_copy(arena_of(n), url, strlen(url), 1);
	doc_text(n, text ? text : url, 0);
	return n;
}

struct doc_node *
doc_list(struct doc_node *parent, unsigned flags)
{
	struct doc_node *n = doc_node_add(parent, DOC_LIST);

	n->flags = (unsigned short)flags;
	return n;
}

struct doc_node *
doc_item(struct doc_node *list)
{
	return doc_node_add(list, DOC_ITEM);
}

struct doc_node *
doc_table(struct doc_node *parent, unsigned ncols, const unsigned *colw,
    unsigned flags)
{
	struct doc_node *n = doc_node_add(parent, DOC_TABLE);
	unsigned i;

	n->flags = (unsigned short)flags;
	n->ncols = ncols;
	n->colw = arena_alloc(arena_of(n), ncols * sizeof(*n->colw));
	for (i = 0; i < ncols; i++)
		n->colw[i] = colw ? colw[i] : 1;
	return n;
}

struct doc_node *
doc_row(struct doc_node *table, unsigned flags)
{
	struct doc_node *n = doc_node_add(table, DOC_ROW);

	n->flags = (unsigned short)flags;
	return n;
}

struct doc_node *
doc_cell(struct doc_node *row, const char *text, unsigned textflags,
    const char *shade)
{
	struct doc_node *n = doc_node_add(row, DOC_CELL);

	if (shade != NULL && strlen(shade) == 6)
		memcpy(n->shade, shade, 7);
	if (text != NULL && *text != '\0')
		doc_paras(n, text, textflags);
	else
		doc_para(n);
	return n;
}

struct doc_node *
doc_cell_blocks(struct doc_node *row, const char *shade)
{
	struct doc_node *n = doc_node_add(row, DOC_CELL);

	if (shade != NULL && strlen(shade) == 6)
		memcpy(n->shade, shade, 7);
	return n;
}

struct doc_node *
doc_pagebreak(struct doc_node *parent)
{
	return doc_node_add(parent, DOC_PAGEBREAK);
}

struct doc_node *
doc_image(struct doc_node *parent, const char *path, const char *alt,
    double width_mm)
{
	struct doc_node *n = doc_node_add(parent, DOC_IMAGE);

	root_of(parent)->nimages++;
	n->text = arena_strndup(arena_of(n), path, strlen(path));
	alt = alt ? alt : "";
	n->alt = text_copy(arena_of(n), alt, strlen(alt), 1);
	n->width_mm = width_mm;
	return n;
}

struct doc_node *
doc_toc(struct doc_node *sec, const char *title)
{
	struct doc_node *n = doc_node_add(sec, DOC_TOC);

	title = title ? title : "Contents";
	n->text = text_copy(arena_of(n), title, strlen(title), 1);
	n->level = 3;
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
