/* The PDF backend's entry point: document setup, fonts, metadata, page headers and footers, saving. */
#include "pdf_int.h"
#include "../render.h"
#include "../../util/alloc.h"
#include "../../util/buf.h"

#include <linebreak.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HF_GAP		6.0	/* between header or footer and body, points */
#define HF_EDGE		12.0	/* least distance from the paper's edge */

static const struct pdf_rgb black = { 0, 0, 0 };
static const struct pdf_rgb draft_rgb = { 0.75, 0, 0 };

/* libharu calls this for every error; the first one is the cause. */
static void
on_error(HPDF_STATUS no, HPDF_STATUS detail, void *arg)
{
	struct pdf_err *e = arg;

	if (e->no == HPDF_OK) {
		e->no = no;
		e->detail = detail;
	}
}

int
pdf_failed(const struct pdf_ctx *c)
{
	return c->err.no != HPDF_OK;
}

/* A low-level call failed without passing through the handler. */
void
pdf_error_low(struct pdf_ctx *c, HPDF_STATUS no)
{
	on_error(no == HPDF_OK ? HPDF_INVALID_OBJECT : no, 0, &c->err);
}

static void
err_text(const struct pdf_err *e, struct buf *b)
{
	switch (e->no) {
	case HPDF_FAILD_TO_ALLOC_MEM:
		buf_puts(b, "out of memory");
		break;
	case HPDF_FILE_OPEN_ERROR:
		buf_puts(b, "cannot open file");
		if (e->detail != 0)
			buf_printf(b, ": %s", strerror((int)e->detail));
		break;
	case HPDF_FILE_IO_ERROR:
		buf_puts(b, "input/output error");
		break;
	case HPDF_TTF_CANNOT_EMBEDDING_FONT:
		buf_puts(b, "the font's licence does not allow embedding");
		break;
	case HPDF_TTF_INVALID_CMAP:
	case HPDF_TTF_INVALID_FOMAT:
	case HPDF_TTF_MISSING_TABLE:
	case HPDF_INVALID_TTC_FILE:
	case HPDF_INVALID_FONTDEF_DATA:
	case HPDF_UNSUPPORTED_FONT_TYPE:
		buf_puts(b, "not a usable TrueType font");
		break;
	default:
		buf_printf(b, "libharu error 0x%04X", (unsigned)e->no);
		if (e->detail != 0)
			buf_printf(b, " (detail %u)", (unsigned)e->detail);
		break;
	}
}

/* Reports what failed, with libharu's reason when it gave one. */
static void
report(struct pdf_ctx *c, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (pdf_failed(c)) {
		buf_puts(&b, ": ");
		err_text(&c->err, &b);
	}
	diag(c->dg, DIAG_ERROR, NULL, "%s", b.data);
	buf_free(&b);
}

/*
 * The page frame: margins from the style, widened where needed so the
 * two header and two footer lines fit between body and paper edge.
 */
void
pdf_frame_for(const struct pdf_ctx *c, double pw, double ph,
    struct pdf_frame *fr)
{
	double m = c->st->margin_mm * 72.0 / 25.4, lh, band;

	memset(fr, 0, sizeof(*fr));
	fr->pw = pw;
	fr->ph = ph;
	fr->hfsize = c->st->table_pt < c->st->body_pt ? c->st->table_pt :
	    c->st->body_pt;
	lh = fr->hfsize * PDF_LEADING;
	band = HF_EDGE + 2 * lh + HF_GAP;
	if (m < band)
		m = band;
	fr->left = m;
	fr->right = pw - m;
	fr->top = m;
	fr->bottom = ph - m;
	/* The bands sit in the middle of the margins, but keep their
	 * distance from the body and the paper's edge. */
	fr->head_y = (fr->top - 2 * lh) / 2;
	if (fr->head_y > fr->top - HF_GAP - 2 * lh)
		fr->head_y = fr->top - HF_GAP - 2 * lh;
	if (fr->head_y < HF_EDGE)
		fr->head_y = HF_EDGE;
	fr->foot_y = fr->bottom + (ph - fr->bottom - 2 * lh) / 2;
	if (fr->foot_y < fr->bottom + HF_GAP)
		fr->foot_y = fr->bottom + HF_GAP;
	if (fr->foot_y > ph - HF_EDGE - 2 * lh)
		fr->foot_y = ph - HF_EDGE - 2 * lh;
}

/*
 * libharu writes a ToUnicode CMap with "begincidrange", which readers
 * reject. Its UTF-8 encoding puts each character's UTF-16 code in the
 * content streams, so the right map is the identity over the BMP.
 */
static int
fix_tounicode(struct pdf_ctx *c, HPDF_Font font)
{
	static const char *const stale[] = { "Type", "CMapName",
	    "CIDSystemInfo", "WMode" };
	HPDF_Dict cmap;
	HPDF_STATUS st;
	struct buf b = BUF_INIT;
	unsigned hi, n, i;
	int rc = -1;

	cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (cmap == NULL || cmap->stream == NULL) {
		rc = 0;		/* nothing of libharu's to replace */
		goto out;
	}
	for (i = 0; i < sizeof(stale) / sizeof(stale[0]); i++)
		HPDF_Dict_RemoveElement(cmap, stale[i]);
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* One range per high byte, surrogates left out, 100 to a block. */
	for (hi = 0, n = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		if (n % 100 == 0)
			buf_printf(&b, "%s%u beginbfrange\n",
			    n ? "endbfrange\n" : "", n + 100 <= 248 ? 100 :
			    248 - n);
		buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		n++;
	}
	buf_puts(&b, "endbfrange\n"
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n");
	HPDF_MemStream_FreeData(cmap->stream);
	st = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len);
	if (st != HPDF_OK) {
		pdf_error_low(c, st);
		goto out;
	}
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

static int
load_fonts(struct pdf_ctx *c)
{
	const char *path[PDF_NFONTS];
	const char *name;
	unsigned i;
	int rc = -1;

	path[0] = c->st->font_regular;
	path[PDF_BOLD] = c->st->font_bold;
	path[PDF_ITALIC] = c->st->font_italic;
	path[PDF_BOLD | PDF_ITALIC] = c->st->font_bolditalic;
	for (i = 0; i < PDF_NFONTS; i++) {
		if (path[i] == NULL) {
			diag(c->dg, DIAG_ERROR, NULL, "PDF: style names no "
			    "font file for %s text", i == 0 ? "regular" :
			    i == PDF_BOLD ? "bold" : i == PDF_ITALIC ?
			    "italic" : "bold italic");
			goto out;
		}
		name = HPDF_LoadTTFontFromFile(c->pdf, path[i], HPDF_TRUE);
		if (name == NULL ||
		    (c->font[i] = HPDF_GetFont(c->pdf, name, "UTF-8")) == NULL) {
			report(c, "cannot load font '%s'", path[i]);
			goto out;
		}
		c->fontdef[i] = ((HPDF_FontAttr)c->font[i]->attr)->fontdef;
		if (fix_tounicode(c, c->font[i]) == -1) {
			report(c, "cannot load font '%s'", path[i]);
			goto out;
		}
	}
	c->ascent = HPDF_Font_GetAscent(c->font[0]) / 1000.0;
	c->descent = -HPDF_Font_GetDescent(c->font[0]) / 1000.0;
	if (c->ascent <= 0 || c->ascent > 2 || c->descent < 0 ||
	    c->descent > 1) {
		c->ascent = 0.9;
		c->descent = 0.2;
	}
	rc = 0;
out:
	return rc;
}

static double
hexbyte(const char *s)
{
	char t[3] = { s[0], s[1], '\0' };

	return strtoul(t, NULL, 16) / 255.0;
}

/* "YYYY-MM-DD" as a PDF date, without a time of day or zone. */
static int
parse_date(const char *s, HPDF_Date *dt)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, n = 0, leap;

	memset(dt, 0, sizeof(*dt));
	if (s == NULL || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[n] != '\0' || y < 1 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return -1;
	/* libharu rejects 29 February of other years, failing the render. */
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return -1;
	dt->year = y;
	dt->month = m;
	dt->day = d;
	dt->ind = ' ';
	return 0;
}

/* Title, subject and the rest; the catalog's language and viewer preferences. */
static int
set_info(struct pdf_ctx *c)
{
	const struct doc *d = c->d;
	HPDF_Dict prefs;
	HPDF_String lang;
	HPDF_STATUS st;
	HPDF_Date dt;
	int rc = -1;

	/* Info strings through the UTF-8 encoder come out as UTF-16. */
	HPDF_SetCurrentEncoder(c->pdf, "UTF-8");
	if (d->title != NULL)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_TITLE, d->title);
	if (d->subject != NULL)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_SUBJECT, d->subject);
	if (d->keywords != NULL)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_KEYWORDS, d->keywords);
	if (d->creator != NULL)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_CREATOR, d->creator);
	HPDF_SetInfoAttr(c->pdf, HPDF_INFO_PRODUCER, "cspr");
	if (parse_date(d->date, &dt) == 0) {
		HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, dt);
		HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, dt);
	} else if (d->date != NULL)
		diag(c->dg, DIAG_WARNING, NULL, "PDF: date '%s' is not "
		    "YYYY-MM-DD; the document has no creation date", d->date);
	if (pdf_failed(c))
		goto out;

	/* DisplayDocTitle and Lang have no API in libharu 2.3.0: both
	 * need PDF 1.4, and go straight into the catalog. */
	if (c->pdf->pdf_version < HPDF_VER_14)
		c->pdf->pdf_version = HPDF_VER_14;
	if ((prefs = HPDF_Dict_New(c->pdf->mmgr)) == NULL) {
		pdf_error_low(c, HPDF_FAILD_TO_ALLOC_MEM);
		goto out;
	}
	if ((st = HPDF_Dict_Add(c->pdf->catalog, "ViewerPreferences",
	    prefs)) != HPDF_OK ||
	    (st = HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle",
	    HPDF_TRUE)) != HPDF_OK) {
		pdf_error_low(c, st);
		goto out;
	}
	if (d->lang != NULL && *d->lang != '\0') {
		if ((lang = HPDF_String_New(c->pdf->mmgr, d->lang,
		    NULL)) == NULL) {
			pdf_error_low(c, HPDF_FAILD_TO_ALLOC_MEM);
			goto out;
		}
		if ((st = HPDF_Dict_Add(c->pdf->catalog, "Lang",
		    lang)) != HPDF_OK) {
			pdf_error_low(c, st);
			goto out;
		}
	}
	rc = 0;
out:
	return rc;
}

/* Header and footer of page i: marking, title, DRAFT, "Page X of Y". */
static int
decorate_page(struct pdf_ctx *c, size_t i, const char *marking,
    const char *title)
{
	HPDF_Page pg = c->pages[i];
	struct pdf_frame fr;
	struct buf num = BUF_INIT;
	char *fit = NULL;
	double lh, base1, base2, w, dw = 0, avail;
	int rc = -1;

	pdf_frame_for(c, HPDF_Page_GetWidth(pg), HPDF_Page_GetHeight(pg), &fr);
	lh = fr.hfsize * PDF_LEADING;
	/* Baselines from the top of each two-line band. */
	base1 = (lh - (c->ascent + c->descent) * fr.hfsize) / 2 +
	    c->ascent * fr.hfsize;
	base2 = base1 + lh;

	if (marking != NULL) {
		w = pdf_text_width(c, PDF_BOLD, fr.hfsize, marking);
		if (pdf_show(c, pg, PDF_BOLD, fr.hfsize, &black,
		    (fr.pw - w) / 2, fr.ph - fr.head_y - base1, marking) == -1 ||
		    pdf_show(c, pg, PDF_BOLD, fr.hfsize, &black,
		    (fr.pw - w) / 2, fr.ph - fr.foot_y - base2, marking) == -1)
			goto out;
	}
	if (c->d->draft) {
		dw = pdf_text_width(c, PDF_BOLD, fr.hfsize, "DRAFT");
		if (pdf_show(c, pg, PDF_BOLD, fr.hfsize, &draft_rgb,
		    fr.right - dw, fr.ph - fr.head_y - base2, "DRAFT") == -1 ||
		    pdf_show(c, pg, PDF_BOLD, fr.hfsize, &draft_rgb,
		    fr.left, fr.ph - fr.foot_y - base1, "DRAFT") == -1)
			goto out;
		dw += fr.hfsize;
	}
	if (title != NULL) {
		avail = fr.right - fr.left - dw;
		fit = pdf_text_fit(c, 0, fr.hfsize, title, avail);
		if (pdf_show(c, pg, 0, fr.hfsize, &black, fr.left,
		    fr.ph - fr.head_y - base2, fit) == -1)
			goto out;
	}
	buf_printf(&num, "Page %zu of %zu", i + 1, c->npages);
	w = pdf_text_width(c, 0, fr.hfsize, num.data);
	if (pdf_show(c, pg, 0, fr.hfsize, &black, fr.right - w,
	    fr.ph - fr.foot_y - base1, num.data) == -1)
		goto out;
	rc = 0;
out:
	free(fit);
	buf_free(&num);
	return rc;
}

/* After layout, when the page count is known: earlier pages can
 * still be drawn on. */
static int
decorate(struct pdf_ctx *c)
{
	char *marking = NULL, *title = NULL;
	size_t i;
	int rc = -1;

	if (c->d->marking != NULL && *c->d->marking != '\0')
		marking = pdf_shown(c, c->d->marking);
	if (c->d->title != NULL && *c->d->title != '\0')
		title = pdf_shown(c, c->d->title);
	/* Headers and footers repeat on every page: artifacts, not text
	 * to read each time. */
	c->tags.artifact = 1;
	for (i = 0; i < c->npages; i++) {
		if (pdf_tag_begin(c, i, NULL) == -1 ||
		    decorate_page(c, i, marking, title) == -1)
			goto out;
		pdf_tag_end(c, i);
	}
	rc = 0;
out:
	c->tags.artifact = 0;
	free(marking);
	free(title);
	return rc;
}

int
pdf_render(const struct doc *d, const struct style *st, const char *path,
    struct diag_ctx *dg)
{
	struct pdf_ctx c;
	unsigned i;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	/* libunibreak's index of line breaking classes (set once, reused). */
	init_linebreak();
	c.d = d;
	c.st = st;
	c.dg = dg;
	c.heading_rgb.r = hexbyte(st->heading_rgb);
	c.heading_rgb.g = hexbyte(st->heading_rgb + 2);
	c.heading_rgb.b = hexbyte(st->heading_rgb + 4);
	if ((c.pdf = HPDF_New(on_error, &c.err)) == NULL) {
		diag(dg, DIAG_ERROR, NULL, "cannot create PDF: out of memory");
		goto out;
	}
	HPDF_SetCompressionMode(c.pdf, HPDF_COMP_ALL);
	/* A page tree of nodes of at most 1,000 pages: PDF 1.7's Annex C
	 * asks readers for arrays of 8,191 at most, and a 50,000-event
	 * chronology has more pages than that. */
	HPDF_SetPagesConfiguration(c.pdf, 1000);
	HPDF_UseUTFEncodings(c.pdf);
	c.enc = HPDF_GetEncoder(c.pdf, "UTF-8");
	if (pdf_failed(&c) || c.enc == NULL) {
		report(&c, "cannot set up PDF");
		goto out;
	}
	if (load_fonts(&c) == -1)
		goto out;
	if (set_info(&c) == -1 || pdf_tag_init(&c) == -1) {
		report(&c, "cannot set PDF document information");
		goto out;
	}
	if (pdf_layout(&c) == -1) {
		if (pdf_failed(&c))
			report(&c, "cannot lay out PDF pages");
		goto out;
	}
	if (pdf_toc_finish(&c) == -1 || decorate(&c) == -1) {
		report(&c, "cannot draw PDF headers and footers");
		goto out;
	}
	if (pdf_tag_finish(&c) == -1 || pdf_file_id(&c) == -1) {
		report(&c, "cannot write the PDF structure tree");
		goto out;
	}
	if (c.outline[1] != NULL || c.outline[2] != NULL ||
	    c.outline[3] != NULL)
		HPDF_SetPageMode(c.pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	if (HPDF_SaveToFile(c.pdf, path) != HPDF_OK || pdf_failed(&c)) {
		report(&c, "cannot write '%s'", path);
		goto out;
	}
	if (c.replaced != 0)
		diag(dg, DIAG_WARNING, NULL, "PDF: characters beyond U+FFFF "
		    "(first U+%04X) cannot be shown and appear as boxes",
		    (unsigned)c.replaced);
	if (c.missing != 0)
		diag(dg, DIAG_WARNING, NULL, "PDF: the fonts have no glyph "
		    "for U+%04X (and maybe others), shown as boxes",
		    (unsigned)c.missing);
	rc = 0;
out:
	for (i = 0; i < PDF_NFONTS; i++)
		free(c.glyph[i]);
	free(c.pages);
	free(c.toc);
	free(c.placed);
	pdf_tags_free(&c.tags);
	if (c.pdf != NULL)
		HPDF_Free(c.pdf);
	return rc;
}
