/* The DOCX backend: the package (libzip), its fixed parts, styles, numbering and properties. */
#include "docx_int.h"
#include "zpart.h"
#include "../../util/xw.h"
#include "../../util/alloc.h"
#include "../../util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Largest image embedded (bytes). */
#define INGEST_MAX_IMAGE (16u << 20)


/* libdeflate's fastest level for every part: a chronology's XML is
 * mostly the same few tags, which level 1 already takes most of. */
#define DOCX_ZLEVEL	1

struct part {
	char		*name;
	struct buf	 data;	/* the text, until deflated into z */
	struct zpart	 z;
};

/* XML-escapes s into b (attribute-safe), valid UTF-8 or not. */
static void
esc(struct buf *b, const char *s)
{
	char *t = utf8_sanitize(s ? s : "");

	xml_escape(b, t, 1);
	free(t);
}

static void
content_types(struct buf *b)
{
	buf_puts(b, DOCX_PART_HEAD
	    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
	    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
	    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	    "</Types>");
}

static void
root_rels(struct buf *b)
{
	buf_puts(b, DOCX_PART_HEAD
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
	    "</Relationships>");
}

static void
doc_rels(struct buf *b, const struct docx_refs *refs)
{
	static const char rel[] =
	    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
	size_t i;

	buf_printf(b, DOCX_PART_HEAD "<Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"" DOCX_RID_STYLES "\" Type=\"%sstyles\" Target=\"styles.xml\"/>"
	    "<Relationship Id=\"" DOCX_RID_SETTINGS "\" Type=\"%ssettings\" Target=\"settings.xml\"/>"
	    "<Relationship Id=\"" DOCX_RID_NUMBERING "\" Type=\"%snumbering\" Target=\"numbering.xml\"/>"
	    "<Relationship Id=\"" DOCX_RID_HEADER "\" Type=\"%sheader\" Target=\"header1.xml\"/>"
	    "<Relationship Id=\"" DOCX_RID_FOOTER "\" Type=\"%sfooter\" Target=\"footer1.xml\"/>",
	    rel, rel, rel, rel, rel);
	for (i = 0; i < refs->nurls; i++) {
		buf_printf(b, "<Relationship Id=\"rId%zu\" Type=\"%shyperlink\" "
		    "TargetMode=\"External\" Target=\"", DOCX_RID_LINK0 + i, rel);
		esc(b, refs->urls[i]);
		buf_puts(b, "\"/>");
	}
	for (i = 0; i < refs->nimages; i++)
		buf_printf(b, "<Relationship Id=\"rId%zu\" Type=\"%simage\" "
		    "Target=\"media/image%zu.png\"/>", DOCX_RID_IMAGE0 + i, rel,
		    i + 1);
	buf_puts(b, "</Relationships>");
}

static void
style_para(struct buf *b, const char *id, const char *name, const char *ppr,
    const char *rpr)
{
	buf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"%s\">"
	    "<w:name w:val=\"%s\"/><w:basedOn w:val=\"Normal\"/>"
	    "<w:next w:val=\"Normal\"/><w:qFormat/>"
	    "<w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>", id, name, ppr, rpr);
}

/*
 * The font a DOCX names for the style's family: the Liberation fonts the
 * PDF embeds are metric-compatible stand-ins for Microsoft's, which the
 * Windows machines partnerships use have and they do not; LibreOffice
 * shows the Liberation font for the Microsoft name. Other families as
 * they are.
 */
static const char *
word_font(const char *family)
{
	static const char *const alias[][2] = {
		{ "Liberation Sans", "Arial" },
		{ "Liberation Sans Narrow", "Arial Narrow" },
		{ "Liberation Serif", "Times New Roman" },
		{ "Liberation Mono", "Courier New" },
	};
	size_t i;

	for (i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (strcmp(family, alias[i][0]) == 0)
			return alias[i][1];
	return family;
}

static void
styles(struct buf *b, const struct style *st)
{
	const char *font = word_font(st->font_family);
	char rpr[256];
	int i;
	const double hpt[3] = { st->h1_pt, st->h2_pt, st->h3_pt };

	buf_puts(b, DOCX_PART_HEAD "<w:styles xmlns:w=\"" DOCX_NS_W "\">"
	    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"");
	esc(b, font);
	buf_puts(b, "\" w:hAnsi=\"");
	esc(b, font);
	buf_puts(b, "\" w:eastAsia=\"");
	esc(b, font);
	buf_puts(b, "\" w:cs=\"");
	esc(b, font);
	buf_printf(b, "\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
	    "<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/>"
	    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	    "<w:spacing w:after=\"%d\" w:line=\"%d\" w:lineRule=\"auto\"/>"
	    "</w:pPr></w:pPrDefault></w:docDefaults>",
	    (int)(st->body_pt * 2), (int)(st->body_pt * 2),
	    /* twips after; Word's 240 is about 1.15 times the font size */
	    (int)(st->para_space * st->body_pt * 20 + 0.5),
	    (int)(st->line_spacing / 1.15 * 240 + 0.5));
	buf_puts(b, "<w:style w:type=\"paragraph\" w:default=\"1\" "
	    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
	    "</w:style>");
	snprintf(rpr, sizeof(rpr), "<w:b/><w:color w:val=\"%s\"/>"
	    "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", st->heading_rgb,
	    (int)(st->h1_pt * 2 + 8), (int)(st->h1_pt * 2 + 8));
	style_para(b, "Title", "Title", "<w:spacing w:after=\"240\"/>", rpr);
	for (i = 0; i < 3; i++) {
		char id[16], name[16], ppr[160];

		snprintf(id, sizeof(id), "Heading%d", i + 1);
		snprintf(name, sizeof(name), "heading %d", i + 1);
		snprintf(ppr, sizeof(ppr), "<w:keepNext/><w:keepLines/>"
		    "<w:spacing w:before=\"%d\" w:after=\"120\"/>"
		    "<w:outlineLvl w:val=\"%d\"/>", i == 0 ? 360 : 240, i);
		snprintf(rpr, sizeof(rpr), "<w:b/><w:color w:val=\"%s\"/>"
		    "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", st->heading_rgb,
		    (int)(hpt[i] * 2), (int)(hpt[i] * 2));
		style_para(b, id, name, ppr, rpr);
	}
	/* The contents: a title outside the outline, entries by level with
	 * a dotted tab to the page number at the right of a portrait page. */
	snprintf(rpr, sizeof(rpr), "<w:b/><w:color w:val=\"%s\"/>"
	    "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", st->heading_rgb,
	    (int)(st->h1_pt * 2), (int)(st->h1_pt * 2));
	style_para(b, "TOCHeading", "TOC Heading", "<w:keepNext/>"
	    "<w:spacing w:before=\"360\" w:after=\"120\"/>", rpr);
	for (i = 0; i < 3; i++) {
		char id[8], name[8], ppr[200];

		snprintf(id, sizeof(id), "TOC%d", i + 1);
		snprintf(name, sizeof(name), "toc %d", i + 1);
		snprintf(ppr, sizeof(ppr), "<w:tabs><w:tab w:val=\"right\" "
		    "w:leader=\"dot\" w:pos=\"%ld\"/></w:tabs><w:spacing "
		    "w:after=\"60\"/><w:ind w:left=\"%d\"/>",
		    11906 - 2 * (long)(st->margin_mm * 56.6929 + 0.5), 240 * i);
		style_para(b, id, name, ppr, "");
	}
	snprintf(rpr, sizeof(rpr), "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
	    (int)(st->table_pt * 2), (int)(st->table_pt * 2));
	style_para(b, "TableText", "Table Text",
	    "<w:spacing w:before=\"20\" w:after=\"40\" w:line=\"240\" "
	    "w:lineRule=\"auto\"/>", rpr);
	/* A label kept on the page of what it labels. */
	style_para(b, "Label", "Label", "<w:keepNext/>", "");
	style_para(b, "ListParagraph", "List Paragraph",
	    "<w:spacing w:after=\"60\"/><w:contextualSpacing/>", "");
	/* Headers and footers in the table text's size, as the PDF's. */
	snprintf(rpr, sizeof(rpr), "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
	    (int)(st->table_pt * 2), (int)(st->table_pt * 2));
	style_para(b, "Header", "header",
	    "<w:tabs><w:tab w:val=\"right\" w:pos=\"9026\"/></w:tabs>"
	    "<w:spacing w:after=\"0\"/>", rpr);
	style_para(b, "Footer", "footer",
	    "<w:tabs><w:tab w:val=\"right\" w:pos=\"9026\"/></w:tabs>"
	    "<w:spacing w:after=\"0\"/>", rpr);
	/* The DRAFT mark, in headers and footers: bold, in the colour the
	 * PDF draws it in. */
	buf_printf(b, "<w:style w:type=\"character\" w:styleId=\"Draft\">"
	    "<w:name w:val=\"Draft\"/><w:rPr><w:b/><w:color w:val=\"%s\"/>"
	    "</w:rPr></w:style>", st->draft_rgb);
	buf_puts(b, "<w:style w:type=\"character\" w:styleId=\"Hyperlink\">"
	    "<w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0563C1\"/>"
	    "<w:u w:val=\"single\"/></w:rPr></w:style>"
	    "<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
	    "<w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
	    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	    "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
	    "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	    "</w:style></w:styles>");
}

static void
numbering(struct buf *b, const struct docx_refs *refs)
{
	static const char *const bullets[] = { "\xe2\x80\xa2", "\xe2\x97\xa6",
	    "\xe2\x96\xaa" };
	size_t i;
	int a, l;

	buf_puts(b, DOCX_PART_HEAD "<w:numbering xmlns:w=\"" DOCX_NS_W "\">");
	for (a = 0; a < 2; a++) {
		buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\">"
		    "<w:multiLevelType w:val=\"hybridMultilevel\"/>", a);
		for (l = 0; l < 9; l++) {
			buf_printf(b, "<w:lvl w:ilvl=\"%d\"><w:start w:val=\"1\"/>",
			    l);
			if (a == 0)
				buf_printf(b, "<w:numFmt w:val=\"bullet\"/>"
				    "<w:lvlText w:val=\"%s\"/>", bullets[l % 3]);
			else	/* decimal at every level, as the PDF numbers */
				buf_printf(b, "<w:numFmt w:val=\"decimal\"/>"
				    "<w:lvlText w:val=\"%%%d.\"/>", l + 1);
			buf_printf(b, "<w:lvlJc w:val=\"left\"/><w:pPr>"
			    "<w:ind w:left=\"%d\" w:hanging=\"360\"/></w:pPr>"
			    "</w:lvl>", 720 + 360 * l);
		}
		buf_puts(b, "</w:abstractNum>");
	}
	/* One instance per list, so every numbered list starts at 1. */
	for (i = 0; i < refs->nlists; i++) {
		buf_printf(b, "<w:num w:numId=\"%zu\"><w:abstractNumId w:val="
		    "\"%u\"/>", i + 1, refs->ordered[i]);
		if (refs->ordered[i])
			buf_puts(b, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride "
			    "w:val=\"1\"/></w:lvlOverride>");
		buf_puts(b, "</w:num>");
	}
	buf_puts(b, "</w:numbering>");
}

static void
settings(struct buf *b)
{
	buf_puts(b, DOCX_PART_HEAD "<w:settings xmlns:w=\"" DOCX_NS_W "\">"
	    "<w:defaultTabStop w:val=\"720\"/>"
	    "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
	    /* Word fills in the contents' page numbers on opening (it
	     * asks first): its pages are not the PDF's, so cspr cannot
	     * write them. */
	    "<w:updateFields w:val=\"true\"/>"
	    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	    "</w:compat><w:themeFontLang w:val=\"en-GB\"/></w:settings>");
}

static void
core(struct buf *b, const struct doc *d)
{
	buf_puts(b, DOCX_PART_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas."
	    "openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
	    "<dc:title>");
	esc(b, d->title);
	buf_puts(b, "</dc:title><dc:subject>");
	esc(b, d->subject);
	buf_puts(b, "</dc:subject><dc:creator>");
	esc(b, d->creator);
	buf_puts(b, "</dc:creator><cp:keywords>");
	esc(b, d->keywords);
	buf_puts(b, "</cp:keywords><cp:lastModifiedBy>");
	esc(b, d->creator);
	buf_puts(b, "</cp:lastModifiedBy><dc:language>");
	esc(b, d->lang);
	buf_puts(b, "</dc:language>");
	if (d->date != NULL && strlen(d->date) == 10) {
		buf_puts(b, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
		esc(b, d->date);
		buf_puts(b, "T00:00:00Z</dcterms:created><dcterms:modified "
		    "xsi:type=\"dcterms:W3CDTF\">");
		esc(b, d->date);
		buf_puts(b, "T00:00:00Z</dcterms:modified>");
	}
	buf_puts(b, "</cp:coreProperties>");
}

static void
app(struct buf *b, const struct doc *d)
{
	buf_puts(b, DOCX_PART_HEAD "<Properties xmlns=\"http://schemas."
	    "openxmlformats.org/officeDocument/2006/extended-properties\">"
	    "<Application>cspr</Application><Company>");
	esc(b, d->creator);
	buf_puts(b, "</Company></Properties>");
}

/* The body's sink: the text into a buffer. */
static int
to_buf(void *b, const char *p, size_t n)
{
	buf_put(b, p, n);
	return 0;
}

/* Adds every part, deflated already, in a fixed order, with a fixed
 * time. */
static int
package(const char *path, struct part *parts, size_t n, struct diag_ctx *dg)
{
	zip_t *za;
	zip_source_t *src;
	zip_int64_t idx;
	int zerr = 0;
	size_t i;

	if ((za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr)) == NULL) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, zerr);
		diag_at(dg, DIAG_ERROR, path, 0, 0, "cannot create DOCX: %s",
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((src = zpart_source(za, &parts[i].z)) == NULL)
			goto fail;
		if ((idx = zip_file_add(za, parts[i].name, src,
		    ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(src);
			goto fail;
		}
		/* 1980-01-01 00:00, the earliest DOS time: no clock. */
		if (zip_file_set_dostime(za, (zip_uint64_t)idx, 0, 0x21, 0) < 0)
			goto fail;
	}
	if (zip_close(za) < 0)
		goto fail;
	return 0;
fail:
	diag_at(dg, DIAG_ERROR, path, 0, 0, "cannot write DOCX: %s",
	    zip_strerror(za));
	zip_discard(za);
	return -1;
}

int
docx_render(const struct doc *d, const struct style *st, const char *path,
    struct diag_ctx *dg)
{
	static const char *const fixed[] = {
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
		"docProps/app.xml", "word/document.xml",
		"word/_rels/document.xml.rels", "word/styles.xml",
		"word/settings.xml", "word/numbering.xml", "word/header1.xml",
		"word/footer1.xml",
	};
	enum { NFIXED = sizeof(fixed) / sizeof(fixed[0]) };
	struct part *parts = NULL;
	struct docx_refs refs;
	struct buf name = BUF_INIT;
	size_t i, n = NFIXED;
	int rc = -1;

	memset(&refs, 0, sizeof(refs));
	parts = xcalloc(NFIXED, sizeof(*parts));
	for (i = 0; i < NFIXED; i++)
		parts[i].name = xstrdup(fixed[i]);
	if (docx_body(d, st, &refs, to_buf, &parts[4].data) == -1 ||
	    docx_header(d, &parts[9].data) == -1 ||
	    docx_footer(d, &parts[10].data) == -1) {
		diag(dg, DIAG_ERROR, NULL, "cannot write the DOCX parts");
		goto out;
	}
	content_types(&parts[0].data);
	root_rels(&parts[1].data);
	core(&parts[2].data, d);
	app(&parts[3].data, d);
	doc_rels(&parts[5].data, &refs);
	styles(&parts[6].data, st);
	settings(&parts[7].data);
	numbering(&parts[8].data, &refs);
	/* Images after the fixed parts, in the order the body uses them. */
	parts = xrealloc(parts, (NFIXED + refs.nimages) * sizeof(*parts));
	for (i = 0; i < refs.nimages; i++, n++) {
		memset(&parts[n], 0, sizeof(parts[n]));
		buf_reset(&name);
		buf_printf(&name, "word/media/image%zu.png", i + 1);
		parts[n].name = xstrdup(name.data);
		if (buf_read_file(&parts[n].data, refs.images[i],
		    INGEST_MAX_IMAGE) == -1) {
			n++;
			diag_at(dg, DIAG_ERROR, refs.images[i], 0, 0,
			    "cannot read the image");
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		zpart_deflate(&parts[i].z, parts[i].data.data ?
		    parts[i].data.data : "", parts[i].data.len, DOCX_ZLEVEL);
		buf_free(&parts[i].data);
	}
	rc = package(path, parts, n, dg);
out:
	for (i = 0; i < n; i++) {
		free(parts[i].name);
		buf_free(&parts[i].data);
		zpart_free(&parts[i].z);
	}
	free(parts);
	buf_free(&name);
	docx_refs_free(&refs);
	return rc;
}
