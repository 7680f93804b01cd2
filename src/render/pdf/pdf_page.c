/* PDF pages and drawing: the fonts, content streams, text in embedded fonts, images, links, bookmarks, and writing them out. */
#include "pdf_int.h"
#include "../../util/alloc.h"
#include "../../util/utf8.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#define PAGES_PER_NODE	1000	/* page tree fan-out (Annex C: 8,191) */

/* A page: its body stream goes to the file when the next page starts;
 * what is drawn on it later (headers, footers, contents page numbers)
 * goes in a second stream written at the end. */
struct pdf_page {
	uint32_t	 obj;		/* the page dictionary */
	uint32_t	 body;		/* its first content stream */
	double		 w, h;
	struct buf	 late;
	struct pdf_gstate late_gs;	/* late's state */
	size_t		*annot;		/* indices into annots */
	size_t		 nannot, annotcap;
	uint32_t	 structparents;	/* its parent tree key */
};

/* A link annotation, written with the pages at the end. */
struct pdf_annot {
	uint32_t	 obj;
	double		 rect[4];	/* x1 y1 x2 y2 */
	char		*uri;		/* a URI link, or NULL: */
	size_t		 destpage;	/* an internal link to that page */
	double		 desttop;	/* at that height (PDF y) */
	uint32_t	 structparent;	/* parent tree key, or PDF_NONE */
	char		*contents;	/* what it is for, or NULL */
};

/* An image XObject, written when first placed. */
struct pdf_image {
	char		*path;
	uint32_t	 obj;
	unsigned	 w, h;
};

/* A bookmark. */
struct pdf_outline {
	char		*title;
	uint32_t	 obj;
	uint32_t	 parent;	/* index, or PDF_NONE: top level */
	uint32_t	 first, last, next, prev;	/* or PDF_NONE */
	uint32_t	 count;		/* descendants */
	size_t		 page;
	double		 top;		/* PDF y */
};

int
pdf_fonts_load(struct pdf_ctx *c)
{
	struct pdf_fonts *fs = &c->fonts;
	const char *path[PDF_NFONTS];
	char why[128];
	unsigned i, cp;
	int rc = -1;

	path[0] = c->st->font_regular;
	path[PDF_BOLD] = c->st->font_bold;
	path[PDF_ITALIC] = c->st->font_italic;
	path[PDF_BOLD | PDF_ITALIC] = c->st->font_bolditalic;
	for (i = 0; i < PDF_NFONTS; i++) {
		struct pdf_font *f = &fs->f[i];

		if (path[i] == NULL) {
			diag(c->dg, DIAG_ERROR, NULL, "PDF: style names no "
			    "font file for %s text", i == 0 ? "regular" :
			    i == PDF_BOLD ? "bold" : i == PDF_ITALIC ?
			    "italic" : "bold italic");
			goto out;
		}
		if (ttf_load(&f->t, path[i], why, sizeof(why)) == -1) {
			diag(c->dg, DIAG_ERROR, NULL, "cannot load font '%s': "
			    "%s", path[i], why);
			goto out;
		}
		f->used = xcalloc(f->t.nglyphs, 1);
		f->ucp = xcalloc(0x10000, 1);
		for (cp = 0; cp < 128; cp++) {
			f->adv[cp] = ttf_advance(&f->t, f->t.cmap[cp]);
			f->plain[cp] = cp != '\t' && (cp == ' ' ||
			    f->t.cmap[cp] != 0);
		}
	}
	fs->ascent = fs->f[0].t.ascent / 1000.0;
	fs->descent = -fs->f[0].t.descent / 1000.0;
	if (fs->ascent <= 0 || fs->ascent > 2 || fs->descent < 0 ||
	    fs->descent > 1) {
		fs->ascent = 0.9;
		fs->descent = 0.2;
	}
	rc = 0;
out:
	return rc;
}

void
pdf_pages_init(struct pdf_ctx *c)
{
	struct pdf_pages *p = &c->pages;
	unsigned i;

	p->resources = pdfw_alloc(&c->w);
	p->tree = pdfw_alloc(&c->w);
	for (i = 0; i < 4; i++)
		p->outline[i] = PDF_NONE;
	p->outline_top = PDF_NONE;
}

/* Closes the text object and marked content a line left open. */
static void
held_close(struct pdf_ctx *c)
{
	if (!c->pages.held)
		return;
	c->pages.held = 0;
	buf_puts(pdf_out(c, c->pages.held_pi), "EMC\nET\n");
}

/* Writes the last page's content stream out. */
static void
page_flush(struct pdf_ctx *c)
{
	struct pdf_pages *p = &c->pages;

	held_close(c);	/* wherever it is: nothing is left open */
	if (!p->body_open)
		return;
	pdfw_stream(&c->w, p->v[p->n - 1].body, "", p->body.data, p->body.len,
	    1);
	buf_reset(&p->body);
	p->body_open = 0;
}

/*
 * A page's body is written to the file, deflated, as soon as the next
 * page starts, so a long document's content never sits in memory; the
 * page dictionaries, which name annotations and late content, are
 * written at the end.
 */
void
pdf_page_new(struct pdf_ctx *c, double w, double h)
{
	struct pdf_pages *p = &c->pages;
	struct pdf_page *pg;

	page_flush(c);
	p->v = xgrow(p->v, &p->cap, p->n, sizeof(*p->v));
	pg = &p->v[p->n++];
	memset(pg, 0, sizeof(*pg));
	pg->obj = pdfw_alloc(&c->w);
	pg->body = pdfw_alloc(&c->w);
	pg->w = w;
	pg->h = h;
	p->body_open = 1;
	memset(&p->body_gs, 0, sizeof(p->body_gs));
	pg->structparents = pdf_tag_page(c, pg->obj);
}

size_t
pdf_page_count(const struct pdf_ctx *c)
{
	return c->pages.n;
}

void
pdf_page_size(const struct pdf_ctx *c, size_t pi, double *w, double *h)
{
	*w = c->pages.v[pi].w;
	*h = c->pages.v[pi].h;
}

struct buf *
pdf_out(struct pdf_ctx *c, size_t pi)
{
	struct pdf_pages *p = &c->pages;

	if (p->held)
		held_close(c);
	if (p->body_open && pi + 1 == p->n)
		return &p->body;
	return &p->v[pi].late;
}

/* The state of the stream pdf_out(c, pi) gives. */
static struct pdf_gstate *
gstate(struct pdf_ctx *c, size_t pi)
{
	struct pdf_pages *p = &c->pages;

	if (p->body_open && pi + 1 == p->n)
		return &p->body_gs;
	return &p->v[pi].late_gs;
}

static int
same_rgb(const struct pdf_rgb *a, const struct pdf_rgb *b)
{
	return a->r == b->r && a->g == b->g && a->b == b->b;
}

void
pdf_ops(struct pdf_ctx *c, size_t pi, const char *ops)
{
	buf_puts(pdf_out(c, pi), ops);
}

/* Appends n numbers, a space between each, then tail. */
static void
put_nums(struct buf *b, const double *v, size_t n, const char *tail)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ' ');
		pdf_num(b, v[i]);
	}
	buf_puts(b, tail);
}

void
pdf_fill_rgb(struct pdf_ctx *c, size_t pi, const struct pdf_rgb *rgb)
{
	struct pdf_gstate *gs = gstate(c, pi);
	double v[3] = { rgb->r, rgb->g, rgb->b };

	if (gs->known & PDF_GS_FILL && same_rgb(&gs->fill, rgb))
		return;
	gs->known |= PDF_GS_FILL;
	gs->fill = *rgb;
	put_nums(pdf_out(c, pi), v, 3, " rg\n");
}

void
pdf_stroke_rgb(struct pdf_ctx *c, size_t pi, const struct pdf_rgb *rgb)
{
	struct pdf_gstate *gs = gstate(c, pi);
	double v[3] = { rgb->r, rgb->g, rgb->b };

	if (gs->known & PDF_GS_STROKE && same_rgb(&gs->stroke, rgb))
		return;
	gs->known |= PDF_GS_STROKE;
	gs->stroke = *rgb;
	put_nums(pdf_out(c, pi), v, 3, " RG\n");
}

void
pdf_line_width(struct pdf_ctx *c, size_t pi, double w)
{
	struct pdf_gstate *gs = gstate(c, pi);

	if (gs->known & PDF_GS_LW && gs->lw == w)
		return;
	gs->known |= PDF_GS_LW;
	gs->lw = w;
	put_nums(pdf_out(c, pi), &w, 1, " w\n");
}

void
pdf_rect(struct pdf_ctx *c, size_t pi, double x, double y, double w,
    double h)
{
	double v[4] = { x, y, w, h };

	put_nums(pdf_out(c, pi), v, 4, " re\n");
}

void
pdf_segment(struct pdf_ctx *c, size_t pi, double x1, double y1, double x2,
    double y2)
{
	struct buf *b = pdf_out(c, pi);
	double v[4] = { x1, y1, x2, y2 };

	put_nums(b, v, 2, " m ");
	put_nums(b, v + 2, 2, " l S\n");
}

void
pdf_text_begin(struct pdf_ctx *c, size_t pi)
{
	buf_puts(pdf_out(c, pi), "BT\n");
	c->pages.tx = c->pages.ty = 0;
}

void
pdf_text_end(struct pdf_ctx *c, size_t pi)
{
	buf_puts(pdf_out(c, pi), "ET\n");
}

int
pdf_text_resume(struct pdf_ctx *c, size_t pi, uint32_t key)
{
	struct pdf_pages *p = &c->pages;

	if (p->held && p->held_pi == pi && p->held_key == key) {
		p->held = 0;	/* taken over: pdf_out must not close it */
		return 1;
	}
	pdf_text_begin(c, pi);	/* pdf_out closes the one held first */
	return 0;
}

void
pdf_text_hold(struct pdf_ctx *c, size_t pi, uint32_t key)
{
	c->pages.held = 1;
	c->pages.held_pi = pi;
	c->pages.held_key = key;
}

void
pdf_font_size(struct pdf_ctx *c, double size)
{
	c->pages.tsize = size;
}

/* Selects font (its simple form for ASCII, or Type0) at the text size,
 * unless the stream has it already. */
static void
set_font(struct pdf_ctx *c, size_t pi, struct buf *b, unsigned font,
    int ascii)
{
	struct pdf_gstate *gs = gstate(c, pi);
	struct pdf_font *f = &c->fonts.f[font];
	uint32_t *obj = ascii ? &f->aobj : &f->obj;
	unsigned id = font + (ascii ? PDF_NFONTS : 0);
	double size = c->pages.tsize;

	if (*obj == 0)
		*obj = pdfw_alloc(&c->w);
	if (gs->known & PDF_GS_FONT && gs->font == id && gs->size == size)
		return;
	gs->known |= PDF_GS_FONT;
	gs->font = id;
	gs->size = size;
	buf_puts(b, "/F");
	pdf_uint(b, font + 1);
	if (ascii)
		buf_putc(b, 'a');
	buf_putc(b, ' ');
	pdf_num(b, size);
	buf_puts(b, " Tf\n");
}

/* Appends one byte of a literal string: the delimiters and the
 * backslash escaped, and CR too, which a reader would take for LF. */
static char *
lit_byte(char *p, unsigned v)
{
	switch (v) {
	case '(':
	case ')':
	case '\\':
		*p++ = '\\';
		break;
	case '\r':
		*p++ = '\\';
		v = 'r';
		break;
	default:
		break;
	}
	*p++ = (char)v;
	return p;
}

/* Whether byte u is printable ASCII, shown in a font's simple form. */
static inline int
printable(unsigned u)
{
	return u >= 0x20 && u <= 0x7E;
}

/* Appends the characters of [*sp, end) as two-byte codes, each its CID
 * (mapped to its glyph by the CIDToGIDMap), up to the first printable
 * ASCII unless all is set. */
static char *
cid_codes(struct pdf_font *f, const char **sp, const char *end, char *p,
    int all)
{
	const char *s = *sp;
	uint32_t cp;

	while (s < end && (all || !printable((unsigned char)*s))) {
		if ((unsigned char)*s < 0x80) {	/* no decoding call */
			cp = (unsigned char)*s++;
			if (cp == '\t')
				cp = ' ';
		} else if ((cp = utf8_next(&s, end)) > 0xFFFF)
			cp = 0xFFFD;
		f->used[f->t.cmap[cp]] = 1;
		f->ucp[cp] = 1;
		p = lit_byte(p, cp >> 8);
		p = lit_byte(p, cp & 0xFF);
	}
	*sp = s;
	return p;
}

/* Appends the printable ASCII at the start of [*sp, end), a byte each,
 * the string's delimiters escaped; notes the characters (write_font
 * marks their glyphs). */
static char *
ascii_codes(struct pdf_font *f, const char **sp, const char *end, char *p)
{
	const char *s = *sp;
	uint8_t *ucp = f->ucp;
	unsigned char u;

	while (s < end && printable(u = (unsigned char)*s)) {
		s++;
		ucp[u] = 1;
		if (u == '(' || u == ')' || u == '\\')
			*p++ = '\\';
		*p++ = (char)u;
	}
	*sp = s;
	return p;
}

void
pdf_text(struct pdf_ctx *c, size_t pi, unsigned font, double x, double y,
    const char *s)
{
	struct pdf_font *f = &c->fonts.f[font];
	struct buf *b = pdf_out(c, pi);
	const char *end = s + strlen(s), *op;
	struct pdf_gstate *gs;
	int simple = f->t.win_bmp, ascii, first;
	double dx, dy;
	char *p;

	ascii = simple && s < end && printable((unsigned char)*s);
	set_font(c, pi, b, font, ascii);
	/* Td moves from the last line start, as in the text object: the
	 * start as written, so rounding does not add up over the lines of
	 * a text object. The next line of a paragraph, straight below,
	 * is the ' operator's: down by the leading, set when it changes. */
	dx = pdf_num_value(x - c->pages.tx);
	dy = pdf_num_value(y - c->pages.ty);
	if (dx == 0 && dy < 0) {
		gs = gstate(c, pi);
		if (!(gs->known & PDF_GS_TL) || gs->tl != -dy) {
			gs->known |= PDF_GS_TL;
			gs->tl = -dy;
			pdf_num(b, -dy);
			buf_puts(b, " TL\n");
		}
		op = ")'\n";
	} else {
		pdf_num(b, x - c->pages.tx);
		buf_putc(b, ' ');
		pdf_num(b, y - c->pages.ty);
		buf_puts(b, " Td ");
		op = ") Tj\n";
	}
	c->pages.tx += dx;
	c->pages.ty += dy;
	/* Stretches of printable ASCII and of the rest, a string each. */
	for (first = 1; first || s < end; first = 0) {
		if (!first) {
			ascii = simple && printable((unsigned char)*s);
			set_font(c, pi, b, font, ascii);
		}
		/* At most two bytes, each escaped, per byte of UTF-8. */
		buf_reserve(b, 4 * (size_t)(end - s) + 8);
		p = b->data + b->len;
		*p++ = '(';
		p = ascii ? ascii_codes(f, &s, end, p) :
		    cid_codes(f, &s, end, p, !simple);
		b->len = (size_t)(p - b->data);
		buf_puts(b, first ? op : ") Tj\n");
	}
}

/* Reads a PNG with libpng's simplified API and writes it as an image
 * XObject, its alpha channel (if any) as a soft mask. */
int
pdf_image_load(struct pdf_ctx *c, const char *path, unsigned *w,
    unsigned *h)
{
	struct pdf_pages *p = &c->pages;
	png_image img;
	struct pdf_image *im;
	unsigned char *px = NULL, *rgb = NULL, *a = NULL;
	uint32_t smask = 0;
	size_t i, n;
	int alpha, rc = -1;
	char dict[160];

	for (i = 0; i < p->nimage; i++)
		if (strcmp(p->images[i].path, path) == 0) {
			rc = (int)i;
			goto out;
		}
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, path)) {
		pdf_fail(c, "cannot read image '%s': %s", path, img.message);
		goto out;
	}
	if (img.width == 0 || img.height == 0 || img.width > 20000 ||
	    img.height > 20000) {
		pdf_fail(c, "cannot read image '%s': %ux%u pixels", path,
		    (unsigned)img.width, (unsigned)img.height);
		png_image_free(&img);
		goto out;
	}
	alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	img.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
	n = (size_t)img.width * img.height;
	px = xmalloc(PNG_IMAGE_SIZE(img));
	if (!png_image_finish_read(&img, NULL, px, 0, NULL)) {
		pdf_fail(c, "cannot read image '%s': %s", path, img.message);
		png_image_free(&img);
		goto out;
	}
	p->images = xgrow(p->images, &p->imagecap, p->nimage,
	    sizeof(*p->images));
	im = &p->images[p->nimage];
	im->path = xstrdup(path);
	im->w = img.width;
	im->h = img.height;
	im->obj = pdfw_alloc(&c->w);
	if (alpha) {
		rgb = xmalloc(3 * n);
		a = xmalloc(n);
		for (i = 0; i < n; i++) {
			memcpy(rgb + 3 * i, px + 4 * i, 3);
			a[i] = px[4 * i + 3];
		}
		smask = pdfw_alloc(&c->w);
		snprintf(dict, sizeof(dict), "/Type /XObject /Subtype /Image "
		    "/Width %u /Height %u /ColorSpace /DeviceGray "
		    "/BitsPerComponent 8", im->w, im->h);
		pdfw_stream(&c->w, smask, dict, a, n, 1);
	}
	snprintf(dict, sizeof(dict), "/Type /XObject /Subtype /Image /Width %u "
	    "/Height %u /ColorSpace /DeviceRGB /BitsPerComponent 8", im->w,
	    im->h);
	if (smask)
		snprintf(dict + strlen(dict), sizeof(dict) - strlen(dict),
		    " /SMask %u 0 R", (unsigned)smask);
	pdfw_stream(&c->w, im->obj, dict, alpha ? rgb : px, 3 * n, 1);
	rc = (int)p->nimage++;
out:
	if (rc != -1) {
		*w = p->images[rc].w;
		*h = p->images[rc].h;
	}
	free(px);
	free(rgb);
	free(a);
	return rc;
}

void
pdf_image_draw(struct pdf_ctx *c, size_t pi, int img, double x, double y,
    double w, double h)
{
	struct buf *b = pdf_out(c, pi);

	buf_puts(b, "q ");
	pdf_num(b, w);
	buf_puts(b, " 0 0 ");
	pdf_num(b, h);
	buf_putc(b, ' ');
	pdf_num(b, x);
	buf_putc(b, ' ');
	pdf_num(b, y);
	buf_printf(b, " cm /Im%d Do Q\n", img + 1);
}

/* A URI as PDF wants it: 7-bit, spaces and non-ASCII bytes escaped. */
static char *
uri_escape(const char *s)
{
	struct buf b = BUF_INIT;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, (char)*p);
	return buf_detach(&b);
}

static struct pdf_annot *
annot_new(struct pdf_ctx *c, size_t pi, const double rect[4])
{
	struct pdf_pages *p = &c->pages;
	struct pdf_page *pg = &p->v[pi];
	struct pdf_annot *a;

	p->annots = xgrow(p->annots, &p->annotcap, p->nannot,
	    sizeof(*p->annots));
	a = &p->annots[p->nannot];
	memset(a, 0, sizeof(*a));
	a->obj = pdfw_alloc(&c->w);
	memcpy(a->rect, rect, sizeof(a->rect));
	pg->annot = xgrow(pg->annot, &pg->annotcap, pg->nannot,
	    sizeof(*pg->annot));
	pg->annot[pg->nannot++] = p->nannot++;
	return a;
}

void
pdf_annot_uri(struct pdf_ctx *c, size_t pi, const double rect[4],
    const char *url)
{
	struct pdf_annot *a = annot_new(c, pi, rect);

	a->uri = uri_escape(url);
	/* PDF/UA: an annotation says what it is for. */
	if ((a->structparent = pdf_tag_annot(c, url, pi, a->obj)) != PDF_NONE)
		a->contents = xstrdup(url);
}

void
pdf_annot_goto(struct pdf_ctx *c, size_t pi, const double rect[4],
    size_t page, double top, uint32_t toci)
{
	struct pdf_annot *a = annot_new(c, pi, rect);

	a->destpage = page;
	a->desttop = top;
	a->structparent = pdf_tag_toc_link(c, toci, pi, a->obj);
	a->contents = xstrdup("Go to the section");
}

void
pdf_outline_add(struct pdf_ctx *c, unsigned level, const char *title,
    size_t page, double top)
{
	struct pdf_pages *p = &c->pages;
	struct pdf_outline *o;
	uint32_t i = (uint32_t)p->noutline, parent = PDF_NONE, k;

	level = level < 1 ? 1 : level > 3 ? 3 : level;
	for (k = level - 1; k >= 1 && parent == PDF_NONE; k--)
		parent = p->outline[k];
	p->outlines = xgrow(p->outlines, &p->outlinecap, p->noutline,
	    sizeof(*p->outlines));
	o = &p->outlines[p->noutline++];
	memset(o, 0, sizeof(*o));
	o->title = xstrdup(title);
	o->obj = pdfw_alloc(&c->w);
	o->parent = parent;
	o->first = o->last = o->next = o->prev = PDF_NONE;
	o->page = page;
	o->top = top;
	if (parent != PDF_NONE) {
		struct pdf_outline *po = &p->outlines[parent];

		if (po->last != PDF_NONE) {
			p->outlines[po->last].next = i;
			o->prev = po->last;
		} else
			po->first = i;
		po->last = i;
		for (k = parent; k != PDF_NONE; k = p->outlines[k].parent)
			p->outlines[k].count++;
	} else {
		if (p->outline_top != PDF_NONE) {
			p->outlines[p->outline_top].next = i;
			o->prev = p->outline_top;
		}
		p->outline_top = i;
	}
	p->outline[level] = i;
	for (k = level + 1; k < 4; k++)
		p->outline[k] = PDF_NONE;
}

static void
put_rect(struct buf *b, const double r[4])
{
	buf_putc(b, '[');
	put_nums(b, r, 4, "]");
}

static void
put_dest(struct pdf_ctx *c, struct buf *b, size_t page, double top)
{
	buf_printf(b, "[%u 0 R /XYZ null ", (unsigned)c->pages.v[page].obj);
	pdf_num(b, top);
	buf_puts(b, " null]");
}

static void
write_annots(struct pdf_ctx *c)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < c->pages.nannot; i++) {
		const struct pdf_annot *a = &c->pages.annots[i];

		buf_reset(&b);
		buf_puts(&b, "<< /Type /Annot /Subtype /Link /Rect ");
		put_rect(&b, a->rect);
		buf_puts(&b, " /Border [0 0 0] ");
		if (a->uri != NULL) {
			buf_puts(&b, "/A << /S /URI /URI ");
			pdf_asciistr(&b, a->uri);
			buf_puts(&b, " >>");
		} else {
			buf_puts(&b, "/Dest ");
			put_dest(c, &b, a->destpage, a->desttop);
		}
		if (a->structparent != PDF_NONE)
			buf_printf(&b, " /StructParent %u",
			    (unsigned)a->structparent);
		if (a->contents != NULL) {
			buf_puts(&b, " /Contents ");
			pdf_textstr(&b, a->contents);
		}
		buf_puts(&b, " >>");
		pdfw_obj(&c->w, a->obj, &b);
	}
	buf_free(&b);
}

/* Page dictionaries and the page tree: nodes of PAGES_PER_NODE pages
 * under the root when there are more. */
static void
write_pages(struct pdf_ctx *c)
{
	const struct pdf_pages *p = &c->pages;
	struct buf b = BUF_INIT;
	size_t i, j, nnodes = (p->n + PAGES_PER_NODE - 1) / PAGES_PER_NODE;
	uint32_t *node = xcalloc(nnodes ? nnodes : 1, sizeof(*node));
	uint32_t late;

	for (j = 0; j < nnodes; j++)
		node[j] = nnodes > 1 ? pdfw_alloc(&c->w) : p->tree;
	for (i = 0; i < p->n; i++) {
		const struct pdf_page *pg = &p->v[i];
		double box[4] = { 0, 0, pg->w, pg->h };

		late = 0;
		if (pg->late.len > 0) {
			late = pdfw_alloc(&c->w);
			pdfw_stream(&c->w, late, "", pg->late.data,
			    pg->late.len, 1);
		}
		buf_reset(&b);
		buf_printf(&b, "<< /Type /Page /Parent %u 0 R /MediaBox ",
		    (unsigned)node[i / PAGES_PER_NODE]);
		put_rect(&b, box);
		buf_printf(&b, " /Resources %u 0 R", (unsigned)p->resources);
		if (late)
			buf_printf(&b, " /Contents [%u 0 R %u 0 R]",
			    (unsigned)pg->body, (unsigned)late);
		else
			buf_printf(&b, " /Contents %u 0 R", (unsigned)pg->body);
		if (pg->nannot > 0) {
			buf_puts(&b, " /Annots [");
			for (j = 0; j < pg->nannot; j++)
				buf_printf(&b, "%s%u 0 R", j ? " " : "",
				    (unsigned)p->annots[pg->annot[j]].obj);
			buf_putc(&b, ']');
		}
		buf_printf(&b, " /StructParents %u /Tabs /S >>",
		    (unsigned)pg->structparents);
		pdfw_obj(&c->w, pg->obj, &b);
	}
	if (nnodes > 1)
		for (j = 0; j < nnodes; j++) {
			size_t from = j * PAGES_PER_NODE, to = from +
			    PAGES_PER_NODE < p->n ? from +
			    PAGES_PER_NODE : p->n;

			buf_reset(&b);
			buf_printf(&b, "<< /Type /Pages /Parent %u 0 R "
			    "/Count %zu /Kids [", (unsigned)p->tree,
			    to - from);
			for (i = from; i < to; i++)
				buf_printf(&b, "%s%u 0 R", i > from ? " " : "",
				    (unsigned)p->v[i].obj);
			buf_puts(&b, "] >>");
			pdfw_obj(&c->w, node[j], &b);
		}
	buf_reset(&b);
	buf_printf(&b, "<< /Type /Pages /Count %zu /Kids [", p->n);
	if (nnodes > 1)
		for (j = 0; j < nnodes; j++)
			buf_printf(&b, "%s%u 0 R", j ? " " : "",
			    (unsigned)node[j]);
	else
		for (i = 0; i < p->n; i++)
			buf_printf(&b, "%s%u 0 R", i ? " " : "",
			    (unsigned)p->v[i].obj);
	buf_puts(&b, "] >>");
	pdfw_obj(&c->w, p->tree, &b);
	free(node);
	buf_free(&b);
}

/* The identity ToUnicode ranges of the characters flagged in ucp, at
 * most 100 to a block. */
static void
tounicode_ranges(const uint8_t *ucp, unsigned maxcp, struct buf *b)
{
	struct buf r = BUF_INIT;
	unsigned cp, end, n = 0;

	for (cp = 0; cp <= maxcp; cp = end + 1) {
		if (!ucp[cp]) {
			end = cp;
			continue;
		}
		for (end = cp; end + 1 <= maxcp && ucp[end + 1] &&
		    (end + 1) >> 8 == cp >> 8; end++)
			continue;
		buf_printf(&r, "<%04X> <%04X> <%04X>\n", cp, end, cp);
		if (++n == 100) {
			buf_printf(b, "100 beginbfrange\n%sendbfrange\n", r.data);
			buf_reset(&r);
			n = 0;
		}
	}
	if (n > 0)
		buf_printf(b, "%u beginbfrange\n%sendbfrange\n", n, r.data);
	buf_free(&r);
}

/* Six capitals naming the subset, from the glyphs in it. */
static void
subset_tag(const struct pdf_font *f, unsigned slot, char tag[7])
{
	struct hash h;
	char hex[HASH_HEX];
	unsigned g, i;

	hash_init(&h);
	hash_u64(&h, slot);
	for (g = 0; g < f->t.nglyphs; g++)
		if (f->used[g])
			hash_u64(&h, g);
	hash_hex(&h, hex);
	/* Each pair of hex digits, a byte, as a letter. */
	for (i = 0; i < 6; i++)
		tag[i] = (char)('A' + strtoul((char[3]){ hex[2 * i],
		    hex[2 * i + 1], '\0' }, NULL, 16) % 26);
	tag[6] = '\0';
}

/*
 * The simple form of a font, for printable ASCII: a TrueType font of
 * one-byte codes in WinAnsiEncoding (ASCII there), over the same
 * descriptor and subset as the Type0 form; readers find the glyphs by
 * the font's own Windows BMP cmap, which the subset keeps. Half the
 * bytes of two-byte codes for most text. Its ToUnicode, the identity on
 * 0x20-0x7E, is one object for all of them.
 */
static void
write_simple(struct pdf_ctx *c, const struct pdf_font *f, const char *tag,
    uint32_t desc)
{
	static const char tomap[] = "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
	    "1 beginbfrange\n<20> <7E> <0020>\nendbfrange\n"
	    "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n";
	struct buf b = BUF_INIT;
	unsigned cp;

	if (c->fonts.atou == 0) {
		c->fonts.atou = pdfw_alloc(&c->w);
		pdfw_stream(&c->w, c->fonts.atou, "", tomap, sizeof(tomap) - 1,
		    1);
	}
	buf_printf(&b, "<< /Type /Font /Subtype /TrueType /BaseFont /%s+%s "
	    "/FirstChar 32 /LastChar 126 /Widths [", tag, f->t.name);
	for (cp = 0x20; cp <= 0x7E; cp++)
		buf_printf(&b, "%s%u", cp > 0x20 ? " " : "", f->adv[cp]);
	buf_printf(&b, "] /Encoding /WinAnsiEncoding /FontDescriptor %u 0 R "
	    "/ToUnicode %u 0 R >>", (unsigned)desc, (unsigned)c->fonts.atou);
	pdfw_obj(&c->w, f->aobj, &b);
	buf_free(&b);
}

/*
 * A used font: the subset of glyphs drawn and its descriptor; the
 * simple form if printable ASCII was shown in it (write_simple); and,
 * if anything else was, the Type0 form: a CIDFontType2 whose CIDs are
 * the characters' own codes (BMP), mapped to glyphs by a CIDToGIDMap,
 * with the widths of the characters drawn and a ToUnicode map that is
 * the identity on them (so text is extracted as written, even where
 * the font has no glyph).
 */
static void
write_font(struct pdf_ctx *c, unsigned slot)
{
	struct pdf_font *f = &c->fonts.f[slot];
	struct buf b = BUF_INIT, ff = BUF_INIT;
	uint32_t desc = pdfw_alloc(&c->w), file = pdfw_alloc(&c->w);
	uint32_t cid = 0, tou = 0, gmap = 0;
	unsigned g, cp, maxcp, prev, n;
	uint8_t *map;
	int flags = 32;
	char tag[7], dict[64];

	/* pdf_text notes ASCII characters drawn, not their glyphs. */
	for (cp = 0; cp < 0x80; cp++)
		if (f->ucp[cp])
			f->used[f->t.cmap[cp]] = 1;
	ttf_subset(&f->t, f->used, f->ucp, &ff);
	subset_tag(f, slot, tag);
	snprintf(dict, sizeof(dict), "/Length1 %zu", ff.len);
	pdfw_stream(&c->w, file, dict, ff.data, ff.len, 1);

	if (f->t.italic != 0)
		flags |= 64;
	if (f->t.fixed)
		flags |= 1;
	buf_printf(&b, "<< /Type /FontDescriptor /FontName /%s+%s /Flags %d "
	    "/FontBBox [%d %d %d %d] /ItalicAngle ", tag, f->t.name, flags,
	    f->t.bbox[0] * 1000 / (int)f->t.upem,
	    f->t.bbox[1] * 1000 / (int)f->t.upem,
	    f->t.bbox[2] * 1000 / (int)f->t.upem,
	    f->t.bbox[3] * 1000 / (int)f->t.upem);
	pdf_num(&b, f->t.italic);
	buf_printf(&b, " /Ascent %d /Descent %d /CapHeight %d /XHeight %d "
	    "/StemV %d /FontFile2 %u 0 R >>", f->t.ascent, f->t.descent,
	    f->t.capheight, f->t.xheight, f->t.weight >= 600 ? 120 : 80,
	    (unsigned)file);
	pdfw_obj(&c->w, desc, &b);
	if (f->aobj != 0)
		write_simple(c, f, tag, desc);
	if (f->obj == 0)
		goto out;

	for (cp = 0x10000, maxcp = 0; cp-- > 0;)
		if (f->ucp[cp]) {
			maxcp = cp;
			break;
		}
	cid = pdfw_alloc(&c->w);
	tou = pdfw_alloc(&c->w);
	gmap = pdfw_alloc(&c->w);
	map = xcalloc(maxcp + 1, 2);
	for (cp = 0; cp <= maxcp; cp++)
		if (f->ucp[cp]) {
			g = pdf_glyph(c, slot, cp);
			map[2 * cp] = (uint8_t)(g >> 8);
			map[2 * cp + 1] = (uint8_t)g;
		}
	pdfw_stream(&c->w, gmap, "", map, 2 * ((size_t)maxcp + 1), 1);
	free(map);

	buf_reset(&b);
	buf_printf(&b, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s+%s "
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
	    "/Supplement 0 >> /FontDescriptor %u 0 R /DW %u /W [", tag,
	    f->t.name, (unsigned)desc, ttf_advance(&f->t, 0));
	for (cp = 0, prev = 0, n = 0; cp <= maxcp; cp++) {
		if (!f->ucp[cp])
			continue;
		if (n == 0 || cp != prev + 1)
			buf_printf(&b, "%s%u [", n ? "] " : "", cp);
		else
			buf_putc(&b, ' ');
		buf_printf(&b, "%u", ttf_advance(&f->t, pdf_glyph(c, slot,
		    cp)));
		prev = cp;
		n++;
	}
	buf_printf(&b, "%s] /CIDToGIDMap %u 0 R >>", n ? "]" : "",
	    (unsigned)gmap);
	pdfw_obj(&c->w, cid, &b);

	/* ToUnicode: the identity, in ranges that stay within a high
	 * byte. */
	buf_reset(&b);
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	tounicode_ranges(f->ucp, maxcp, &b);
	buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource "
	    "pop\nend\nend\n");
	pdfw_stream(&c->w, tou, "", b.data, b.len, 1);

	buf_reset(&b);
	buf_printf(&b, "<< /Type /Font /Subtype /Type0 /BaseFont /%s+%s "
	    "/Encoding /Identity-H /DescendantFonts [%u 0 R] /ToUnicode "
	    "%u 0 R >>", tag, f->t.name, (unsigned)cid, (unsigned)tou);
	pdfw_obj(&c->w, f->obj, &b);
out:
	buf_free(&b);
	buf_free(&ff);
}

static void
write_resources(struct pdf_ctx *c)
{
	const struct pdf_pages *p = &c->pages;
	const struct pdf_font *f = c->fonts.f;
	struct buf b = BUF_INIT;
	unsigned i;
	size_t j;

	buf_puts(&b, "<< /Font <<");
	for (i = 0; i < PDF_NFONTS; i++) {
		if (f[i].obj != 0)
			buf_printf(&b, " /F%u %u 0 R", i + 1,
			    (unsigned)f[i].obj);
		if (f[i].aobj != 0)
			buf_printf(&b, " /F%ua %u 0 R", i + 1,
			    (unsigned)f[i].aobj);
	}
	buf_puts(&b, " >>");
	if (p->nimage > 0) {
		buf_puts(&b, " /XObject <<");
		for (j = 0; j < p->nimage; j++)
			buf_printf(&b, " /Im%zu %u 0 R", j + 1,
			    (unsigned)p->images[j].obj);
		buf_puts(&b, " >>");
	}
	buf_puts(&b, " >>");
	pdfw_obj(&c->w, p->resources, &b);
	buf_free(&b);
}

static uint32_t
write_outlines(struct pdf_ctx *c)
{
	const struct pdf_outline *v = c->pages.outlines;
	struct buf b = BUF_INIT;
	uint32_t root, first = PDF_NONE, last = PDF_NONE, top = 0;
	size_t i;

	if (c->pages.noutline == 0)
		return 0;
	root = pdfw_alloc(&c->w);
	for (i = 0; i < c->pages.noutline; i++) {
		const struct pdf_outline *o = &v[i];

		if (o->parent == PDF_NONE) {
			if (first == PDF_NONE)
				first = (uint32_t)i;
			last = (uint32_t)i;
			top += 1 + o->count;
		}
		buf_reset(&b);
		buf_puts(&b, "<< /Title ");
		pdf_textstr(&b, o->title);
		buf_printf(&b, " /Parent %u 0 R", (unsigned)(o->parent ==
		    PDF_NONE ? root : v[o->parent].obj));
		if (o->prev != PDF_NONE)
			buf_printf(&b, " /Prev %u 0 R",
			    (unsigned)v[o->prev].obj);
		if (o->next != PDF_NONE)
			buf_printf(&b, " /Next %u 0 R",
			    (unsigned)v[o->next].obj);
		if (o->first != PDF_NONE)
			buf_printf(&b, " /First %u 0 R /Last %u 0 R /Count %u",
			    (unsigned)v[o->first].obj,
			    (unsigned)v[o->last].obj,
			    (unsigned)o->count);
		buf_puts(&b, " /Dest ");
		put_dest(c, &b, o->page, o->top);
		buf_puts(&b, " >>");
		pdfw_obj(&c->w, o->obj, &b);
	}
	buf_reset(&b);
	buf_printf(&b, "<< /Type /Outlines /First %u 0 R /Last %u 0 R "
	    "/Count %u >>", (unsigned)v[first].obj,
	    (unsigned)v[last].obj, (unsigned)top);
	pdfw_obj(&c->w, root, &b);
	buf_free(&b);
	return root;
}

void
pdf_write_pages(struct pdf_ctx *c, struct buf *cat)
{
	uint32_t outlines;
	unsigned i;

	page_flush(c);
	write_annots(c);
	write_pages(c);
	for (i = 0; i < PDF_NFONTS; i++)
		if (c->fonts.f[i].obj != 0 || c->fonts.f[i].aobj != 0)
			write_font(c, i);
	write_resources(c);
	buf_printf(cat, " /Pages %u 0 R", (unsigned)c->pages.tree);
	if ((outlines = write_outlines(c)) != 0)
		buf_printf(cat, " /Outlines %u 0 R /PageMode /UseOutlines",
		    (unsigned)outlines);
}

void
pdf_pages_free(struct pdf_ctx *c)
{
	struct pdf_pages *p = &c->pages;
	size_t i;

	for (i = 0; i < PDF_NFONTS; i++) {
		ttf_free(&c->fonts.f[i].t);
		free(c->fonts.f[i].used);
		free(c->fonts.f[i].ucp);
	}
	for (i = 0; i < p->n; i++) {
		buf_free(&p->v[i].late);
		free(p->v[i].annot);
	}
	for (i = 0; i < p->nannot; i++) {
		free(p->annots[i].uri);
		free(p->annots[i].contents);
	}
	for (i = 0; i < p->noutline; i++)
		free(p->outlines[i].title);
	for (i = 0; i < p->nimage; i++)
		free(p->images[i].path);
	free(p->v);
	free(p->annots);
	free(p->outlines);
	free(p->images);
	buf_free(&p->body);
}
