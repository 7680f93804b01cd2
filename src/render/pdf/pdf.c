/* The PDF backend's entry point: document setup, fonts, metadata, page headers and footers, saving. */
#include "pdf_int.h"
#include "../render.h"
#include "../../util/alloc.h"
#include "../../util/buf.h"


#include <errno.h>
#include <linebreak.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HF_GAP		6.0	/* between header or footer and body, points */
#define HF_EDGE		12.0	/* least distance from the paper's edge */
#define PDF_FILEBUF	(1 << 20)	/* bytes written to the file at a time */

static const struct pdf_rgb black = { 0, 0, 0 };
static const struct pdf_rgb draft_rgb = { 0.75, 0, 0 };

int
pdf_failed(const struct pdf_ctx *c)
{
	return c->failed;
}

void
pdf_fail(struct pdf_ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->failed)
		return;
	c->failed = 1;
	va_start(ap, fmt);
	vsnprintf(c->why, sizeof(c->why), fmt, ap);
	va_end(ap);
}

/* Reports what failed, with the first failure's reason. */
static void
report(struct pdf_ctx *c, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (pdf_failed(c) && c->why[0] != '\0')
		buf_printf(&b, ": %s", c->why);
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

static int
load_fonts(struct pdf_ctx *c)
{
	const char *path[PDF_NFONTS];
	char why[128];
	unsigned i, cp;
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
		if (ttf_load(&c->font[i].t, path[i], why, sizeof(why)) == -1) {
			diag(c->dg, DIAG_ERROR, NULL, "cannot load font '%s': "
			    "%s", path[i], why);
			goto out;
		}
		c->font[i].used = xcalloc(c->font[i].t.nglyphs, 1);
		c->font[i].ucp = xcalloc(0x10000, 1);
		for (cp = 0; cp < 128; cp++) {
			c->font[i].adv[cp] = ttf_advance(&c->font[i].t,
			    c->font[i].t.cmap[cp]);
			c->font[i].plain[cp] = cp != '\t' && (cp == ' ' ||
			    c->font[i].t.cmap[cp] != 0);
		}
	}
	c->ascent = c->font[0].t.ascent / 1000.0;
	c->descent = -c->font[0].t.descent / 1000.0;
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

/* "YYYY-MM-DD" as a PDF date string's digits, without a time of day or
 * zone; -1 if s is not such a date. */
static int
parse_date(const char *s, char out[16])
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, n = 0, leap;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[n] != '\0' || y < 1 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return -1;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return -1;
	snprintf(out, 16, "%04d%02d%02d", y % 10000, m % 100, d % 100);
	return 0;
}

static void
info_entry(struct buf *b, const char *key, const char *s)
{
	if (s == NULL)
		return;
	buf_printf(b, " /%s ", key);
	pdf_textstr(b, s);
}

/* The document information dictionary: title, subject and the rest. */
static uint32_t
write_info(struct pdf_ctx *c)
{
	const struct doc *d = c->d;
	struct buf b = BUF_INIT;
	uint32_t info = pdfw_alloc(&c->w);
	char date[16];

	buf_puts(&b, "<<");
	info_entry(&b, "Title", d->title);
	info_entry(&b, "Subject", d->subject);
	info_entry(&b, "Keywords", d->keywords);
	info_entry(&b, "Creator", d->creator);
	buf_puts(&b, " /Producer (cspr)");
	if (parse_date(d->date, date) == 0)
		buf_printf(&b, " /CreationDate (D:%s000000) /ModDate "
		    "(D:%s000000)", date, date);
	else if (d->date != NULL)
		diag(c->dg, DIAG_WARNING, NULL, "PDF: date '%s' is not "
		    "YYYY-MM-DD; the document has no creation date", d->date);
	buf_puts(&b, " >>");
	pdfw_obj(&c->w, info, &b);
	buf_free(&b);
	return info;
}

/* The catalog: pages, structure, metadata, bookmarks, language, and the
 * viewer showing the title rather than the file name. */
static uint32_t
write_catalog(struct pdf_ctx *c, uint32_t outlines, uint32_t metadata)
{
	struct buf b = BUF_INIT;
	uint32_t cat = pdfw_alloc(&c->w);

	buf_printf(&b, "<< /Type /Catalog /Pages %u 0 R", (unsigned)c->pagetree);
	if (outlines != 0)
		buf_printf(&b, " /Outlines %u 0 R /PageMode /UseOutlines",
		    (unsigned)outlines);
	buf_printf(&b, " /StructTreeRoot %u 0 R /MarkInfo << /Marked true >> "
	    "/Metadata %u 0 R /ViewerPreferences << /DisplayDocTitle true >>",
	    (unsigned)c->tags.root, (unsigned)metadata);
	if (c->d->lang != NULL && *c->d->lang != '\0') {
		buf_puts(&b, " /Lang ");
		pdf_textstr(&b, c->d->lang);
	}
	buf_puts(&b, " >>");
	pdfw_obj(&c->w, cat, &b);
	buf_free(&b);
	return cat;
}

/* Header and footer of page i: marking, title, DRAFT, "Page X of Y". */
static int
decorate_page(struct pdf_ctx *c, size_t i, const char *marking,
    const char *title)
{
	struct pdf_frame fr;
	struct buf num = BUF_INIT;
	char *fit = NULL;
	double lh, base1, base2, w, dw = 0, avail;
	int rc = -1;

	pdf_frame_for(c, c->pages[i].w, c->pages[i].h, &fr);
	lh = fr.hfsize * PDF_LEADING;
	/* Baselines from the top of each two-line band. */
	base1 = (lh - (c->ascent + c->descent) * fr.hfsize) / 2 +
	    c->ascent * fr.hfsize;
	base2 = base1 + lh;

	if (marking != NULL) {
		w = pdf_text_width(c, PDF_BOLD, fr.hfsize, marking);
		if (pdf_show(c, i, PDF_BOLD, fr.hfsize, &black,
		    (fr.pw - w) / 2, fr.ph - fr.head_y - base1, marking) == -1 ||
		    pdf_show(c, i, PDF_BOLD, fr.hfsize, &black,
		    (fr.pw - w) / 2, fr.ph - fr.foot_y - base2, marking) == -1)
			goto out;
	}
	if (c->d->draft) {
		dw = pdf_text_width(c, PDF_BOLD, fr.hfsize, "DRAFT");
		if (pdf_show(c, i, PDF_BOLD, fr.hfsize, &draft_rgb,
		    fr.right - dw, fr.ph - fr.head_y - base2, "DRAFT") == -1 ||
		    pdf_show(c, i, PDF_BOLD, fr.hfsize, &draft_rgb,
		    fr.left, fr.ph - fr.foot_y - base1, "DRAFT") == -1)
			goto out;
		dw += fr.hfsize;
	}
	if (title != NULL) {
		avail = fr.right - fr.left - dw;
		fit = pdf_text_fit(c, 0, fr.hfsize, title, avail);
		if (pdf_show(c, i, 0, fr.hfsize, &black, fr.left,
		    fr.ph - fr.head_y - base2, fit) == -1)
			goto out;
	}
	buf_printf(&num, "Page %zu of %zu", i + 1, c->npages);
	w = pdf_text_width(c, 0, fr.hfsize, num.data);
	if (pdf_show(c, i, 0, fr.hfsize, &black, fr.right - w,
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
	FILE *f = NULL;
	char *fbuf = NULL;
	uint32_t outlines, metadata, info, cat;
	unsigned i;
	size_t j;
	int rc = -1, werr;

	memset(&c, 0, sizeof(c));
	/* libunibreak's index of line breaking classes (set once, reused). */
	init_linebreak();
	c.d = d;
	c.st = st;
	c.dg = dg;
	for (i = 0; i < 4; i++)
		c.outline[i] = PDF_NONE;
	c.outline_top = PDF_NONE;
	c.heading_rgb.r = hexbyte(st->heading_rgb);
	c.heading_rgb.g = hexbyte(st->heading_rgb + 2);
	c.heading_rgb.b = hexbyte(st->heading_rgb + 4);
	if (load_fonts(&c) == -1)
		goto out;
	if ((f = fopen(path, "wb")) == NULL) {
		diag(dg, DIAG_ERROR, NULL, "cannot write '%s': %s", path,
		    strerror(errno));
		goto out;
	}
	/* Written as laid out: a long document's pages go out as they are
	 * made, a megabyte at a time (glibc ignores setvbuf's size without a
	 * buffer of ours, and writes 4 KiB at a time). */
	fbuf = xmalloc(PDF_FILEBUF);
	setvbuf(f, fbuf, _IOFBF, PDF_FILEBUF);
	pdfw_init(&c.w, f);
	c.resources = pdfw_alloc(&c.w);
	c.pagetree = pdfw_alloc(&c.w);
	pdf_tag_init(&c);
	if (pdf_layout(&c) == -1) {
		report(&c, "cannot lay out PDF pages");
		goto out;
	}
	if (pdf_toc_finish(&c) == -1 || decorate(&c) == -1) {
		report(&c, "cannot draw PDF headers and footers");
		goto out;
	}
	outlines = pdf_write_pages(&c);
	metadata = pdf_tag_write(&c);
	info = write_info(&c);
	cat = write_catalog(&c, outlines, metadata);
	/* Written: the structure tree's memory (a chronology's tens of
	 * megabytes) goes before the cross-reference stream is made. */
	pdf_tags_free(&c.tags);
	werr = pdfw_finish(&c.w, cat, info) == -1 ? c.w.err : 0;
	if (fclose(f) != 0 && werr == 0)
		werr = errno ? errno : EIO;
	f = NULL;
	if (werr == -1) {
		diag(dg, DIAG_ERROR, NULL, "cannot write '%s': internal error: "
		    "an object was numbered and never written", path);
		goto out;
	}
	if (werr != 0) {
		diag(dg, DIAG_ERROR, NULL, "cannot write '%s': %s", path,
		    strerror(werr));
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
	if (f != NULL)
		fclose(f);
	free(fbuf);
	for (i = 0; i < PDF_NFONTS; i++) {
		ttf_free(&c.font[i].t);
		free(c.font[i].used);
		free(c.font[i].ucp);
	}
	for (j = 0; j < c.npages; j++) {
		buf_free(&c.pages[j].late);
		free(c.pages[j].annot);
		free(c.pages[j].mcid);
	}
	for (j = 0; j < c.nannot; j++) {
		free(c.annots[j].uri);
		free(c.annots[j].contents);
	}
	for (j = 0; j < c.noutline; j++)
		free(c.outlines[j].title);
	for (j = 0; j < c.nimage; j++)
		free(c.images[j].path);
	free(c.chbuf);
	free(c.grid.y);
	free(c.spec);
	free(c.chrep);
	free(c.brks);
	free(c.annots);
	free(c.outlines);
	free(c.images);
	buf_free(&c.body);
	free(c.pages);
	free(c.toc);
	free(c.placed);
	pdf_tags_free(&c.tags);
	pdfw_free(&c.w);
	return rc;
}
