/* The PDF backend's entry point: document setup, metadata, page headers and footers, saving. */
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

/* The catalog, after the entries of the pages, bookmarks and structure
 * in b: the language, and the viewer showing the title rather than the
 * file name. */
static uint32_t
write_catalog(struct pdf_ctx *c, struct buf *b)
{
	uint32_t cat = pdfw_alloc(&c->w);

	buf_puts(b, " /ViewerPreferences << /DisplayDocTitle true >>");
	if (c->d->lang != NULL && *c->d->lang != '\0') {
		buf_puts(b, " /Lang ");
		pdf_textstr(b, c->d->lang);
	}
	buf_puts(b, " >>");
	pdfw_obj(&c->w, cat, b);
	return cat;
}

/* Header and footer of page i: marking, title, DRAFT, "Page X of Y". */
static int
decorate_page(struct pdf_ctx *c, size_t i, const char *marking,
    const char *title)
{
	struct pdf_frame fr;
	struct pdf_rgb draft_rgb;
	struct buf num = BUF_INIT;
	char *fit = NULL;
	double pw, ph, lh, base1, base2, w, dw = 0, avail;
	int rc = -1;

	pdf_page_size(c, i, &pw, &ph);
	pdf_frame_for(c, pw, ph, &fr);
	lh = fr.hfsize * PDF_LEADING;
	/* Baselines from the top of each two-line band. */
	base1 = pdf_baseline(c, lh, fr.hfsize);
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
		draft_rgb = pdf_rgb_hex(c->st->draft_rgb);
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
	buf_printf(&num, "Page %zu of %zu", i + 1, pdf_page_count(c));
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
	for (i = 0; i < pdf_page_count(c); i++) {
		pdf_tag_artifact(c, i);
		if (decorate_page(c, i, marking, title) == -1)
			goto out;
		pdf_tag_end(c, i);
	}
	rc = 0;
out:
	free(marking);
	free(title);
	return rc;
}

int
pdf_render(const struct doc *d, const struct style *st, const char *path,
    struct diag_ctx *dg)
{
	struct pdf_ctx c;
	struct buf cat = BUF_INIT;
	FILE *f = NULL;
	char *fbuf = NULL;
	uint32_t info, catobj;
	int rc = -1, werr;

	memset(&c, 0, sizeof(c));
	/* libunibreak's index of line breaking classes (set once, reused). */
	init_linebreak();
	c.d = d;
	c.st = st;
	c.dg = dg;
	if (pdf_fonts_load(&c) == -1)
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
	pdf_pages_init(&c);
	pdf_tag_init(&c);
	if (pdf_layout(&c) == -1) {
		report(&c, "cannot lay out PDF pages");
		goto out;
	}
	if (decorate(&c) == -1) {
		report(&c, "cannot draw PDF headers and footers");
		goto out;
	}
	buf_puts(&cat, "<< /Type /Catalog");
	pdf_write_pages(&c, &cat);
	pdf_tag_write(&c, &cat);
	info = write_info(&c);
	catobj = write_catalog(&c, &cat);
	/* Written: the structure tree's memory (a chronology's tens of
	 * megabytes) goes before the cross-reference stream is made. */
	pdf_tags_free(&c);
	werr = pdfw_finish(&c.w, catobj, info) == -1 ? c.w.err : 0;
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
	pdf_text_warn(&c);
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	free(fbuf);
	buf_free(&cat);
	pdf_pages_free(&c);
	pdf_text_free(&c);
	pdf_tags_free(&c);
	pdfw_free(&c.w);
	return rc;
}
