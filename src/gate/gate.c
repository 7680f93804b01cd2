/* The publication gate: reads back every DOCX and PDF written and searches it for register names and identifiers. */
#include "gate.h"
#include "../anon/anon.h"
#include "../util/buf.h"

#include <libxml/xmlreader.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct gate {
	const struct anon *a;
	const char	*shown;		/* the output's final path */
	struct diag_ctx	*dg;
	struct anon_hits h;
	int		 hits;
};

/*
 * Reports every hit in text that publication must not hold: a register
 * name, or an identifier. Web addresses are the anonymiser's business,
 * not secrets in themselves (a name inside one is still found); in
 * attribute values, the outward code of a postcode is too short to
 * tell from markup and is left to the text.
 */
static void
search(struct gate *g, const char *text, size_t len, const char *where,
    int attr)
{
	const struct anon_hit *x;
	size_t i;

	if (len == 0)
		return;
	anon_scan(g->a, text, len, 0, &g->h);
	for (i = 0; i < g->h.n; i++) {
		x = &g->h.v[i];
		if (x->keep || x->kind == AK_URL || (attr &&
		    x->kind == AK_POSTCODE &&
		    strcmp(x->repl, "[postcode area]") == 0))
			continue;
		if (x->weak) {
			/* "Faith" starting a sentence: the word, most
			 * likely; a reader should look. */
			diag_at(g->dg, DIAG_WARNING, g->shown, 0, 0,
			    "publication gate: %s: a common word that is also "
			    "register entry %s's name, at a sentence's start "
			    "or in capitals: read it", where,
			    anon_ent_id(g->a, x->ent));
			continue;
		}
		g->hits++;
		if (x->ent >= 0)
			diag_at(g->dg, DIAG_ERROR, g->shown, 0, 0, "publication "
			    "gate: %s: register entry %s%s%s (%s name) is still "
			    "there", where, anon_ent_id(g->a, x->ent),
			    x->ent2 >= 0 ? "/" : "", x->ent2 >= 0 ?
			    anon_ent_id(g->a, x->ent2) : "",
			    anon_kind_name(x->kind));
		else
			diag_at(g->dg, DIAG_ERROR, g->shown, 0, 0, "publication "
			    "gate: %s: %s %s is still there", where,
			    anon_kind_name(x->kind), x->kind == AK_REFERENCE ?
			    x->repl : "identifier");
	}
}

/* The current element's or attribute's local name and prefix ("" if
 * none): read from the node, not looked up in the reader's dictionary
 * for each comparison. */
static const char *
local(xmlTextReaderPtr r, const char **prefix)
{
	const xmlChar *l = xmlTextReaderConstLocalName(r);
	const xmlChar *p = xmlTextReaderConstPrefix(r);

	*prefix = p != NULL ? (const char *)p : "";
	return l != NULL ? (const char *)l : "";
}

/*
 * The attributes a reader of a DOCX reads: alternative text and the
 * name Word shows for a picture, a link's tooltip, an external link's
 * target. Style names, language tags ("en-GB" beside someone with the
 * initials G.B.), ids and measurements are the template's markup, not
 * text, and are not searched.
 */
static int
read_attr(const char *el, const char *elp, const char *at, const char *atp)
{
	if ((strcmp(el, "docPr") == 0 || strcmp(el, "cNvPr") == 0) &&
	    (strcmp(at, "descr") == 0 || strcmp(at, "title") == 0 ||
	    strcmp(at, "name") == 0))
		return 1;
	if (strcmp(elp, "w") == 0 && strcmp(el, "hyperlink") == 0 &&
	    strcmp(atp, "w") == 0 && strcmp(at, "tooltip") == 0)
		return 1;
	return strcmp(el, "Relationship") == 0 && strcmp(at, "Target") == 0;
}

/*
 * One XML part, as a reader reads it: paragraph text joined across runs
 * (tabs and breaks as spaces), the text of other elements (document
 * properties) but the document's language, and the attributes above.
 */
static int
xml_part(struct gate *g, const char *data, size_t n, const char *part)
{
	xmlTextReaderPtr r;
	struct buf t = BUF_INIT, where = BUF_INIT;
	const char *w, *pre, *ap, *an;
	int ret, type, inp = 0, rc = 0, skip = 0;

	r = xmlReaderForMemory(data, (int)n, part, NULL, XML_PARSE_NONET);
	if (r == NULL)
		return -1;
	buf_printf(&where, "part %s", part);
	while ((ret = xmlTextReaderRead(r)) == 1) {
		type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			w = local(r, &pre);
			if (strcmp(pre, "w") != 0)
				w = strcmp(w, "language") == 0 &&
				    !xmlTextReaderIsEmptyElement(r) ? "\1" : "";
			if (strcmp(w, "\1") == 0)
				skip = 1;	/* dc:language: "en-GB" */
			else if (strcmp(w, "p") == 0) {
				search(g, t.data, t.len, where.data, 0);
				buf_reset(&t);
				inp = 1;
			} else if (strcmp(w, "tab") == 0 || strcmp(w, "br") ==
			    0 || strcmp(w, "cr") == 0)
				buf_putc(&t, ' ');
			else if (strcmp(w, "noBreakHyphen") == 0)
				buf_putc(&t, '-');
			else if (!inp) {
				search(g, t.data, t.len, where.data, 0);
				buf_reset(&t);
			}
			{
				const char *el, *elp;

				el = local(r, &elp);
				/* A link's target is read only when it
				 * leaves the file. */
				if (strcmp(el, "Relationship") == 0) {
					xmlChar *mode = xmlTextReaderGetAttribute(
					    r, (const xmlChar *)"TargetMode");

					if (mode == NULL || strcmp((const char *)
					    mode, "External") != 0)
						el = "";
					xmlFree(mode);
				}
				while (xmlTextReaderMoveToNextAttribute(r) ==
				    1) {
					const xmlChar *v =
					    xmlTextReaderConstValue(r);

					if (xmlTextReaderIsNamespaceDecl(r) ==
					    1 || v == NULL)
						continue;
					an = local(r, &ap);
					if (!read_attr(el, elp, an, ap))
						continue;
					search(g, (const char *)v, strlen(
					    (const char *)v), where.data, 1);
				}
				xmlTextReaderMoveToElement(r);
			}
			w = local(r, &pre);
			if (xmlTextReaderIsEmptyElement(r) && strcmp(pre, "w") ==
			    0 && strcmp(w, "p") == 0)
				inp = 0;
		} else if (type == XML_READER_TYPE_TEXT ||
		    type == XML_READER_TYPE_CDATA ||
		    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
			const xmlChar *v = xmlTextReaderConstValue(r);

			if (v != NULL && !skip)
				buf_puts(&t, (const char *)v);
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			w = local(r, &pre);
			if (strcmp(pre, "w") != 0 && strcmp(w, "language") ==
			    0)
				skip = 0;
			if (strcmp(pre, "w") != 0)
				w = "";
			if (strcmp(w, "p") == 0 || !inp) {
				search(g, t.data, t.len, where.data, 0);
				buf_reset(&t);
				if (strcmp(w, "p") == 0)
					inp = 0;
			}
		}
	}
	search(g, t.data, t.len, where.data, 0);
	if (ret != 0)
		rc = -1;
	xmlFreeTextReader(r);
	buf_free(&t);
	buf_free(&where);
	return rc;
}

static int
docx(struct gate *g, const char *path)
{
	zip_t *z;
	zip_file_t *f;
	zip_stat_t st;
	struct buf where = BUF_INIT;
	char *data = NULL;
	zip_int64_t i, n, got;
	const char *name;
	int err, rc = -1;

	if ((z = zip_open(path, ZIP_RDONLY, &err)) == NULL)
		return -1;
	n = zip_get_num_entries(z, 0);
	for (i = 0; i < n; i++) {
		if ((name = zip_get_name(z, (zip_uint64_t)i, 0)) == NULL ||
		    zip_stat_index(z, (zip_uint64_t)i, 0, &st) == -1)
			goto out;
		buf_reset(&where);
		buf_printf(&where, "part name %s", name);
		search(g, name, strlen(name), where.data, 1);
		if (strlen(name) < 4 || (strcmp(name + strlen(name) - 4,
		    ".xml") != 0 && strcmp(name + strlen(name) - 5, ".rels")
		    != 0))
			continue;	/* media: the template's own logo */
		if ((f = zip_fopen_index(z, (zip_uint64_t)i, 0)) == NULL)
			goto out;
		free(data);
		data = malloc(st.size + 1);
		got = data != NULL ? zip_fread(f, data, st.size) : -1;
		zip_fclose(f);
		if (got < 0 || (zip_uint64_t)got != st.size)
			goto out;
		if (xml_part(g, data, st.size, name) == -1)
			goto out;
	}
	rc = 0;
out:
	zip_discard(z);
	free(data);
	buf_free(&where);
	return rc;
}

static void
search_g(struct gate *g, gchar *s, const char *where)
{
	if (s != NULL)
		search(g, s, strlen(s), where, 0);
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
 */
static void
search_page(struct gate *g, PopplerPage *pg, const char *where)
{
	PopplerRectangle *r = NULL;
	struct buf b = BUF_INIT;
	gchar *t = poppler_page_get_text(pg);
	const char *p, *q;
	guint n = 0, i;
	double d;

	if (t == NULL)
		return;
	if (!poppler_page_get_text_layout(pg, &r, &n))
		n = 0;
	for (p = t, i = 0; *p != '\0'; p = q, i++) {
		q = g_utf8_next_char(p);
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
	search(g, b.data, b.len, where, 0);
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
		search(g, xmp, strlen(xmp), "XMP metadata", 0);
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
	search(g, t.data, t.len, "XMP metadata", 0);
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
			search(g, act->any.title, strlen(act->any.title),
			    "bookmarks", 0);
		poppler_action_free(act);
		if ((child = poppler_index_iter_get_child(it)) != NULL) {
			outline(g, child);
			poppler_index_iter_free(child);
		}
	} while (poppler_index_iter_next(it));
}

static void
structure(struct gate *g, PopplerStructureElementIter *it, int depth)
{
	PopplerStructureElementIter *child;
	PopplerStructureElement *el;

	do {
		el = poppler_structure_element_iter_get_element(it);
		if (el != NULL) {
			search_g(g, poppler_structure_element_get_alt_text(el),
			    "alternative text");
			search_g(g, poppler_structure_element_get_actual_text(
			    el), "structure text");
			g_object_unref(el);
		}
		if (depth < 64 && (child =
		    poppler_structure_element_iter_get_child(it)) != NULL) {
			structure(g, child, depth + 1);
			poppler_structure_element_iter_free(child);
		}
	} while (poppler_structure_element_iter_next(it));
}

static int
pdf(struct gate *g, const char *path)
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
				search(g, lm->action->uri.uri,
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

int
gate_check(const struct anon *a, const char *path, const char *shown,
    int is_pdf, struct diag_ctx *dg)
{
	struct gate g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.a = a;
	g.shown = shown;
	g.dg = dg;
	/* The file's own name and folder. */
	search(&g, shown, strlen(shown), "file name", 0);
	rc = is_pdf ? pdf(&g, path) : docx(&g, path);
	anon_hits_free(&g.h);
	if (rc == -1) {
		diag_at(dg, DIAG_ERROR, shown, 0, 0, "publication gate: cannot "
		    "read the output back, so it cannot be shown to be safe");
		return -1;
	}
	return g.hits;
}
