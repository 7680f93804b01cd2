/* The gate's reader of PDF files: page text, metadata (its XMP through libxml2), bookmarks, links, annotations and alternative text, through poppler. */
#include "gate_int.h"
#include "../util/buf.h"

#include <libxml/xmlreader.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

static void
search_g(struct gate *g, gchar *s, const char *where)
{
	if (s != NULL)
		gate_search(g, s, strlen(s), where, 0);
	g_free(s);
}

/* How far apart two characters poppler puts side by side stand on the
 * page, in heights of the taller: a word space is about a quarter; the
 * next cell of a table, the next column, another line, more. */
static double
gap(const PopplerRectangle *a, const PopplerRectangle *b)
{
	double h = a->y2 - a->y1 > b->y2 - b->y1 ? a->y2 - a->y1 :
	    b->y2 - b->y1;

	if (h <= 0)
		h = 1;
	if (b->y1 + b->y2 > a->y1 + a->y2 + h || b->y1 + b->y2 < a->y1 + a->y2 -
	    h || b->x2 < a->x1 + h / 4)
		return 99;		/* another line, or backwards */
	return (b->x1 - a->x2) / h;
}

/*
 * A page's text, searched as a reader reads it. poppler joins the
 * pieces of a line as it sees fit: "Agency 0" and "334" of two table
 * cells as "Agency 0334", and three cells of counts as "776 494 1011",
 * an NHS number's shape. Where two characters stand apart by more than
 * a word space the text gets a tab, which no identifier's layout holds
 * (a name is still found across it); where they touch, nothing.
 *
 * And poppler reads a table's lines across its columns in height order:
 * one cell's "shared with the health" and the next line of the cell
 * beside it, "centre, a graze", would be "the health centre", a place's
 * alias that no cell holds. Where the next line starts right of where
 * the last one ended, or left of where it started (another column),
 * the lines are kept apart with a '|', across which no name or
 * identifier is read; a paragraph's next line, which starts where its
 * last one did (or within it: a list item's text, after its bullet), is
 * read on from it, and a name broken across the two is still found.
 */
static void
search_page(struct gate *g, PopplerPage *pg, const char *where)
{
	PopplerRectangle *r = NULL;
	struct buf b = BUF_INIT;
	gchar *t = poppler_page_get_text(pg);
	const char *p, *q;
	guint n = 0, i;
	double d, ls = -1, le = -1;	/* the line's first and last x */

	if (t == NULL)
		return;
	if (!poppler_page_get_text_layout(pg, &r, &n))
		n = 0;
	for (p = t, i = 0; *p != '\0'; p = q, i++) {
		q = g_utf8_next_char(p);
		if (*p == '\n') {
			if (i + 1 < n && *q != '\n' && *q != '\0' && ls >= 0 &&
			    (r[i + 1].x1 > le + 1 || r[i + 1].x1 < ls - 1))
				buf_puts(&b, "\n|");	/* another column */
			buf_putc(&b, '\n');
			ls = le = -1;
			continue;
		}
		if (i < n && *p != ' ') {
			if (ls < 0)
				ls = r[i].x1;
			if (r[i].x2 > le)
				le = r[i].x2;
		}
		if (*p == ' ' && i > 0 && i + 1 < n && p[-1] != ' ' &&
		    p[-1] != '\n' && *q != '\n' && *q != ' ') {
			/* poppler's own space: a word's, or a cell's? */
			buf_putc(&b, gap(&r[i - 1], &r[i + 1]) > 0.6 ? '\t' :
			    ' ');
			continue;
		}
		if (i > 0 && i < n && p[-1] != ' ' && p[-1] != '\n' &&
		    *p != ' ' && *p != '\n' &&
		    !g_unichar_ismark(g_utf8_get_char(p)) &&
		    (d = gap(&r[i - 1], &r[i])) > 0.25)
			buf_putc(&b, d > 0.6 ? '\t' : ' ');
		buf_put(&b, p, (size_t)(q - p));
	}
	gate_search(g, b.data, b.len, where, 0);
	buf_free(&b);
	g_free(r);
	g_free(t);
}

/* The XMP metadata's values, as a reader's "document properties" show
 * them: text, not the packet's markup, nor the language and the
 * conformance it declares. */
static void
search_xmp(struct gate *g, gchar *xmp)
{
	xmlTextReaderPtr r;
	struct buf t = BUF_INIT;
	const xmlChar *l, *v;
	int type, skip = 0;

	if (xmp == NULL)
		return;
	r = xmlReaderForMemory(xmp, (int)strlen(xmp), "xmp", NULL,
	    XML_PARSE_NONET);
	if (r == NULL) {
		gate_search(g, xmp, strlen(xmp), "XMP metadata", 0);
		g_free(xmp);
		return;
	}
	while (xmlTextReaderRead(r) == 1) {
		type = xmlTextReaderNodeType(r);
		l = xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_ELEMENT && l != NULL &&
		    (strcmp((const char *)l, "language") == 0 ||
		    strcmp((const char *)l, "part") == 0 ||
		    strcmp((const char *)l, "conformance") == 0))
			skip = !xmlTextReaderIsEmptyElement(r);
		else if (type == XML_READER_TYPE_END_ELEMENT)
			skip = 0;
		else if (type == XML_READER_TYPE_TEXT && !skip &&
		    (v = xmlTextReaderConstValue(r)) != NULL) {
			buf_puts(&t, (const char *)v);
			buf_putc(&t, '\n');
		}
	}
	xmlFreeTextReader(r);
	gate_search(g, t.data, t.len, "XMP metadata", 0);
	buf_free(&t);
	g_free(xmp);
}

static void
outline(struct gate *g, PopplerIndexIter *it)
{
	PopplerIndexIter *child;
	PopplerAction *act;

	do {
		act = poppler_index_iter_get_action(it);
		if (act != NULL && act->any.title != NULL)
			gate_search(g, act->any.title, strlen(act->any.title),
			    "bookmarks", 0);
		poppler_action_free(act);
		if ((child = poppler_index_iter_get_child(it)) != NULL) {
			outline(g, child);
			poppler_index_iter_free(child);
		}
	} while (poppler_index_iter_next(it));
}

/* Whether el holds text of its own, read as a whole: a block (a
 * paragraph, a heading) or a table cell, not an inline element (a
 * link) nor a row (whose cells are read apart: "776 494 1011" is three
 * counts, not an NHS number). */
static int
is_unit(PopplerStructureElement *el)
{
	PopplerStructureElementKind k = poppler_structure_element_get_kind(el);

	return poppler_structure_element_is_block(el) ||
	    k == POPPLER_STRUCTURE_ELEMENT_TABLE_DATA ||
	    k == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING;
}

/* Whether any element at child's level, or below it, is a unit of
 * text (to depth 64, as structure() goes). */
static int
has_block(PopplerStructureElementIter *child, int depth)
{
	PopplerStructureElementIter *c, *below;
	PopplerStructureElement *el;
	int block = 0;

	if (child == NULL || depth > 64 ||
	    (c = poppler_structure_element_iter_copy(child)) == NULL)
		return 0;
	do {
		if ((el = poppler_structure_element_iter_get_element(c)) !=
		    NULL) {
			block = is_unit(el);
			g_object_unref(el);
		}
		if (!block && (below =
		    poppler_structure_element_iter_get_child(c)) != NULL) {
			block = has_block(below, depth + 1);
			poppler_structure_element_iter_free(below);
		}
	} while (!block && poppler_structure_element_iter_next(c));
	poppler_structure_element_iter_free(c);
	return block;
}

/*
 * The structure tree: alternative and actual texts, and the text of
 * each innermost unit (a paragraph, a heading, a table cell), whole,
 * in the order a reader reads it. The pages' text is searched too, but
 * poppler reads a table there a line at a time across its columns: a
 * name wrapped over two lines of a cell, with another column's line
 * between them, is one run of words only here.
 */
static void
structure(struct gate *g, PopplerStructureElementIter *it, int depth)
{
	PopplerStructureElementIter *child;
	PopplerStructureElement *el;

	do {
		child = depth < 64 ?
		    poppler_structure_element_iter_get_child(it) : NULL;
		el = poppler_structure_element_iter_get_element(it);
		if (el != NULL) {
			search_g(g, poppler_structure_element_get_alt_text(el),
			    "alternative text");
			search_g(g, poppler_structure_element_get_actual_text(
			    el), "structure text");
			if (is_unit(el) && !has_block(child, depth + 1))
				search_g(g, poppler_structure_element_get_text(el,
				    POPPLER_STRUCTURE_GET_TEXT_RECURSIVE),
				    "tagged text");
			g_object_unref(el);
		}
		if (child != NULL) {
			structure(g, child, depth + 1);
			poppler_structure_element_iter_free(child);
		}
	} while (poppler_structure_element_iter_next(it));
}

int
gate_read_pdf(struct gate *g, const char *path)
{
	PopplerDocument *doc;
	PopplerPage *pg;
	PopplerIndexIter *it;
	PopplerStructureElementIter *si;
	GList *l, *m;
	GError *err = NULL;
	struct buf where = BUF_INIT;
	gchar *uri, *abs;
	int i, n;

	abs = g_canonicalize_filename(path, NULL);
	uri = g_filename_to_uri(abs, NULL, &err);
	g_free(abs);
	if (uri == NULL) {
		g_clear_error(&err);
		return -1;
	}
	doc = poppler_document_new_from_file(uri, NULL, &err);
	g_free(uri);
	if (doc == NULL) {
		g_clear_error(&err);
		return -1;
	}
	search_g(g, poppler_document_get_title(doc), "document title");
	search_g(g, poppler_document_get_author(doc), "document author");
	search_g(g, poppler_document_get_subject(doc), "document subject");
	search_g(g, poppler_document_get_keywords(doc), "document keywords");
	search_g(g, poppler_document_get_creator(doc), "document creator");
	search_g(g, poppler_document_get_producer(doc), "document producer");
	search_xmp(g, poppler_document_get_metadata(doc));
	if ((it = poppler_index_iter_new(doc)) != NULL) {
		outline(g, it);
		poppler_index_iter_free(it);
	}
	if ((si = poppler_structure_element_iter_new(doc)) != NULL) {
		structure(g, si, 0);
		poppler_structure_element_iter_free(si);
	}
	n = poppler_document_get_n_pages(doc);
	for (i = 0; i < n; i++) {
		pg = poppler_document_get_page(doc, i);
		buf_reset(&where);
		buf_printf(&where, "page %d", i + 1);
		search_page(g, pg, where.data);
		m = poppler_page_get_link_mapping(pg);
		for (l = m; l != NULL; l = l->next) {
			PopplerLinkMapping *lm = l->data;

			if (lm->action != NULL && lm->action->type ==
			    POPPLER_ACTION_URI && lm->action->uri.uri != NULL)
				gate_search(g, lm->action->uri.uri,
				    strlen(lm->action->uri.uri), where.data, 0);
		}
		poppler_page_free_link_mapping(m);
		m = poppler_page_get_annot_mapping(pg);
		for (l = m; l != NULL; l = l->next) {
			PopplerAnnotMapping *am = l->data;

			search_g(g, poppler_annot_get_contents(am->annot),
			    where.data);
		}
		poppler_page_free_annot_mapping(m);
		g_object_unref(pg);
	}
	g_object_unref(doc);
	buf_free(&where);
	return 0;
}
