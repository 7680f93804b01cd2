/* The gate's reader of DOCX files: every part's text and the attributes a reader reads, through libzip and libxml2. */
#include "gate_int.h"
#include "../util/buf.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

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
				gate_search(g, t.data, t.len, where.data, 0);
				buf_reset(&t);
				inp = 1;
			} else if (strcmp(w, "tab") == 0 || strcmp(w, "br") ==
			    0 || strcmp(w, "cr") == 0)
				buf_putc(&t, ' ');
			else if (strcmp(w, "noBreakHyphen") == 0)
				buf_putc(&t, '-');
			else if (!inp) {
				gate_search(g, t.data, t.len, where.data, 0);
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
					gate_search(g, (const char *)v, strlen(
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
				gate_search(g, t.data, t.len, where.data, 0);
				buf_reset(&t);
				if (strcmp(w, "p") == 0)
					inp = 0;
			}
		}
	}
	gate_search(g, t.data, t.len, where.data, 0);
	if (ret != 0)
		rc = -1;
	xmlFreeTextReader(r);
	buf_free(&t);
	buf_free(&where);
	return rc;
}

int
gate_read_docx(struct gate *g, const char *path)
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
		gate_search(g, name, strlen(name), where.data, 1);
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
