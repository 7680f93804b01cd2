/* PDF pages and drawing: content streams, text in embedded fonts, images, links, bookmarks, and writing them out. */
#include "pdf_int.h"
#include "../../util/alloc.h"
#include "../../util/utf8.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#define PAGES_PER_NODE	1000	/* page tree fan-out (Annex C: 8,191) */

/*
 * A page's body is written to the file, deflated, as soon as the next
 * page starts, so a long document's content never sits in memory; the
 * page dictionaries, which name annotations and late content, are
 * written at the end.
 */
int
pdf_page_new(struct pdf_ctx *c, double w, double h)
{
	struct pdf_page *pg;

	pdf_page_flush(c);
	c->pages = xgrow(c->pages, &c->pagecap, c->npages, sizeof(*c->pages));
	pg = &c->pages[c->npages++];
	memset(pg, 0, sizeof(*pg));
	pg->obj = pdfw_alloc(&c->w);
	pg->body = pdfw_alloc(&c->w);
	pg->w = w;
	pg->h = h;
	c->body_open = 1;
	memset(&c->body_gs, 0, sizeof(c->body_gs));
	pdf_tag_page(c, c->npages - 1);
	return pdf_failed(c) ? -1 : 0;
}

void
pdf_page_flush(struct pdf_ctx *c)
{
	pdf_held_close(c);	/* wherever it is: nothing is left open */
	if (!c->body_open)
		return;
	pdfw_stream(&c->w, c->pages[c->npages - 1].body, "", c->body.data,
	    c->body.len, 1);
	buf_reset(&c->body);
	c->body_open = 0;
}

struct buf *
pdf_out(struct pdf_ctx *c, size_t pi)
{
	if (c->held)
		pdf_held_close(c);
	if (c->body_open && pi + 1 == c->npages)
		return &c->body;
	return &c->pages[pi].late;
}

void
pdf_held_close(struct pdf_ctx *c)
{
	if (!c->held)
		return;
	c->held = 0;
	buf_puts(pdf_out(c, c->held_pi), "EMC\nET\n");
}

/* The state of the stream pdf_out(c, pi) gives. */
static struct pdf_gstate *
gstate(struct pdf_ctx *c, size_t pi)
{
	if (c->body_open && pi + 1 == c->npages)
		return &c->body_gs;
	return &c->pages[pi].late_gs;
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
	c->tx = c->ty = 0;
}

void
pdf_text_end(struct pdf_ctx *c, size_t pi)
{
	buf_puts(pdf_out(c, pi), "ET\n");
}

void
pdf_font_size(struct pdf_ctx *c, double size)
{
	c->tsize = size;
}

/* Selects font (its simple form for ASCII, or Type0) at the text size,
 * unless the stream has it already. */
static void
set_font(struct pdf_ctx *c, size_t pi, struct buf *b, unsigned font,
    int ascii)
{
	struct pdf_gstate *gs = gstate(c, pi);
	uint32_t *obj = ascii ? &c->font[font].aobj : &c->font[font].obj;
	unsigned id = font + (ascii ? PDF_NFONTS : 0);

	if (*obj == 0)
		*obj = pdfw_alloc(&c->w);
	if (gs->known & PDF_GS_FONT && gs->font == id && gs->size == c->tsize)
		return;
	gs->known |= PDF_GS_FONT;
	gs->font = id;
	gs->size = c->tsize;
	buf_puts(b, "/F");
	pdf_uint(b, font + 1);
	if (ascii)
		buf_putc(b, 'a');
	buf_putc(b, ' ');
	pdf_num(b, c->tsize);
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
	struct pdf_font *f = &c->font[font];
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
	dx = pdf_num_value(x - c->tx);
	dy = pdf_num_value(y - c->ty);
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
		pdf_num(b, x - c->tx);
		buf_putc(b, ' ');
		pdf_num(b, y - c->ty);
		buf_puts(b, " Td ");
		op = ") Tj\n";
	}
	c->tx += dx;
	c->ty += dy;
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
pdf_image_load(struct pdf_ctx *c, const char *path)
{
	png_image img;
	struct pdf_image *im;
	unsigned char *px = NULL, *rgb = NULL, *a = NULL;
	uint32_t smask = 0;
	size_t i, n;
	int alpha, rc = -1;
	char dict[160];

	for (i = 0; i < c->nimage; i++)
		if (strcmp(c->images[i].path, path) == 0)
			return (int)i;
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
	c->images = xgrow(c->images, &c->imagecap, c->nimage,
	    sizeof(*c->images));
	im = &c->images[c->nimage];
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
	rc = (int)c->nimage++;
out:
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

static size_t
annot_new(struct pdf_ctx *c, size_t pi, const double rect[4])
{
	struct pdf_annot *a;
	struct pdf_page *pg = &c->pages[pi];

	c->annots = xgrow(c->annots, &c->annotcap, c->nannot,
	    sizeof(*c->annots));
	a = &c->annots[c->nannot];
	memset(a, 0, sizeof(*a));
	a->obj = pdfw_alloc(&c->w);
	a->page = pi;
	memcpy(a->rect, rect, sizeof(a->rect));
	a->structparent = PDF_NONE;
	pg->annot = xgrow(pg->annot, &pg->annotcap, pg->nannot,
	    sizeof(*pg->annot));
	pg->annot[pg->nannot++] = c->nannot;
	return c->nannot++;
}

size_t
pdf_annot_uri(struct pdf_ctx *c, size_t pi, const double rect[4],
    const char *uri)
{
	size_t i = annot_new(c, pi, rect);

	c->annots[i].uri = xstrdup(uri);
	return i;
}

size_t
pdf_annot_goto(struct pdf_ctx *c, size_t pi, const double rect[4],
    size_t page, double top)
{
	size_t i = annot_new(c, pi, rect);

	c->annots[i].destpage = page;
	c->annots[i].desttop = top;
	return i;
}

uint32_t
pdf_outline_add(struct pdf_ctx *c, uint32_t parent, const char *title,
    size_t page, double top)
{
	struct pdf_outline *o;
	uint32_t i = (uint32_t)c->noutline, p;

	c->outlines = xgrow(c->outlines, &c->outlinecap, c->noutline,
	    sizeof(*c->outlines));
	o = &c->outlines[c->noutline++];
	memset(o, 0, sizeof(*o));
	o->title = xstrdup(title);
	o->obj = pdfw_alloc(&c->w);
	o->parent = parent;
	o->first = o->last = o->next = o->prev = PDF_NONE;
	o->page = page;
	o->top = top;
	if (parent != PDF_NONE) {
		struct pdf_outline *po = &c->outlines[parent];

		if (po->last != PDF_NONE) {
			c->outlines[po->last].next = i;
			o->prev = po->last;
		} else
			po->first = i;
		po->last = i;
		for (p = parent; p != PDF_NONE; p = c->outlines[p].parent)
			c->outlines[p].count++;
	} else {
		if (c->outline_top != PDF_NONE) {
			c->outlines[c->outline_top].next = i;
			o->prev = c->outline_top;
		}
		c->outline_top = i;
	}
	return i;
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
	buf_printf(b, "[%u 0 R /XYZ null ", (unsigned)c->pages[page].obj);
	pdf_num(b, top);
	buf_puts(b, " null]");
}

static void
write_annots(struct pdf_ctx *c)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < c->nannot; i++) {
		const struct pdf_annot *a = &c->annots[i];

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
	struct buf b = BUF_INIT;
	size_t i, j, nnodes = (c->npages + PAGES_PER_NODE - 1) / PAGES_PER_NODE;
	uint32_t *node = xcalloc(nnodes ? nnodes : 1, sizeof(*node));
	uint32_t late;

	for (j = 0; j < nnodes; j++)
		node[j] = nnodes > 1 ? pdfw_alloc(&c->w) : c->pagetree;
	for (i = 0; i < c->npages; i++) {
		struct pdf_page *pg = &c->pages[i];
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
		buf_printf(&b, " /Resources %u 0 R", (unsigned)c->resources);
		if (late)
			buf_printf(&b, " /Contents [%u 0 R %u 0 R]",
			    (unsigned)pg->body, (unsigned)late);
		else
			buf_printf(&b, " /Contents %u 0 R", (unsigned)pg->body);
		if (pg->nannot > 0) {
			buf_puts(&b, " /Annots [");
			for (j = 0; j < pg->nannot; j++)
				buf_printf(&b, "%s%u 0 R", j ? " " : "",
				    (unsigned)c->annots[pg->annot[j]].obj);
			buf_putc(&b, ']');
		}
		buf_printf(&b, " /StructParents %u /Tabs /S >>",
		    (unsigned)pg->structparents);
		pdfw_obj(&c->w, pg->obj, &b);
	}
	if (nnodes > 1)
		for (j = 0; j < nnodes; j++) {
			size_t from = j * PAGES_PER_NODE, to = from +
			    PAGES_PER_NODE < c->npages ? from +
			    PAGES_PER_NODE : c->npages;

			buf_reset(&b);
			buf_printf(&b, "<< /Type /Pages /Parent %u 0 R "
			    "/Count %zu /Kids [", (unsigned)c->pagetree,
			    to - from);
			for (i = from; i < to; i++)
				buf_printf(&b, "%s%u 0 R", i > from ? " " : "",
				    (unsigned)c->pages[i].obj);
			buf_puts(&b, "] >>");
			pdfw_obj(&c->w, node[j], &b);
		}
	buf_reset(&b);
	buf_printf(&b, "<< /Type /Pages /Count %zu /Kids [", c->npages);
	if (nnodes > 1)
		for (j = 0; j < nnodes; j++)
			buf_printf(&b, "%s%u 0 R", j ? " " : "",
			    (unsigned)node[j]);
	else
		for (i = 0; i < c->npages; i++)
			buf_printf(&b, "%s%u 0 R", i ? " " : "",
			    (unsigned)c->pages[i].obj);
	buf_puts(&b, "] >>");
	pdfw_obj(&c->w, c->pagetree, &b);
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

	if (c->atou == 0) {
		c->atou = pdfw_alloc(&c->w);
		pdfw_stream(&c->w, c->atou, "", tomap, sizeof(tomap) - 1, 1);
	}
	buf_printf(&b, "<< /Type /Font /Subtype /TrueType /BaseFont /%s+%s "
	    "/FirstChar 32 /LastChar 126 /Widths [", tag, f->t.name);
	for (cp = 0x20; cp <= 0x7E; cp++)
		buf_printf(&b, "%s%u", cp > 0x20 ? " " : "", f->adv[cp]);
	buf_printf(&b, "] /Encoding /WinAnsiEncoding /FontDescriptor %u 0 R "
	    "/ToUnicode %u 0 R >>", (unsigned)desc, (unsigned)c->atou);
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
	struct pdf_font *f = &c->font[slot];
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
	struct buf b = BUF_INIT;
	unsigned i;
	size_t j;

	buf_puts(&b, "<< /Font <<");
	for (i = 0; i < PDF_NFONTS; i++) {
		if (c->font[i].obj != 0)
			buf_printf(&b, " /F%u %u 0 R", i + 1,
			    (unsigned)c->font[i].obj);
		if (c->font[i].aobj != 0)
			buf_printf(&b, " /F%ua %u 0 R", i + 1,
			    (unsigned)c->font[i].aobj);
	}
	buf_puts(&b, " >>");
	if (c->nimage > 0) {
		buf_puts(&b, " /XObject <<");
		for (j = 0; j < c->nimage; j++)
			buf_printf(&b, " /Im%zu %u 0 R", j + 1,
			    (unsigned)c->images[j].obj);
		buf_puts(&b, " >>");
	}
	buf_puts(&b, " >>");
	pdfw_obj(&c->w, c->resources, &b);
	buf_free(&b);
}

static uint32_t
write_outlines(struct pdf_ctx *c)
{
	struct buf b = BUF_INIT;
	uint32_t root, first = PDF_NONE, last = PDF_NONE, top = 0;
	size_t i;

	if (c->noutline == 0)
		return 0;
	root = pdfw_alloc(&c->w);
	for (i = 0; i < c->noutline; i++) {
		const struct pdf_outline *o = &c->outlines[i];

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
		    PDF_NONE ? root : c->outlines[o->parent].obj));
		if (o->prev != PDF_NONE)
			buf_printf(&b, " /Prev %u 0 R",
			    (unsigned)c->outlines[o->prev].obj);
		if (o->next != PDF_NONE)
			buf_printf(&b, " /Next %u 0 R",
			    (unsigned)c->outlines[o->next].obj);
		if (o->first != PDF_NONE)
			buf_printf(&b, " /First %u 0 R /Last %u 0 R /Count %u",
			    (unsigned)c->outlines[o->first].obj,
			    (unsigned)c->outlines[o->last].obj,
			    (unsigned)o->count);
		buf_puts(&b, " /Dest ");
		put_dest(c, &b, o->page, o->top);
		buf_puts(&b, " >>");
		pdfw_obj(&c->w, o->obj, &b);
	}
	buf_reset(&b);
	buf_printf(&b, "<< /Type /Outlines /First %u 0 R /Last %u 0 R "
	    "/Count %u >>", (unsigned)c->outlines[first].obj,
	    (unsigned)c->outlines[last].obj, (unsigned)top);
	pdfw_obj(&c->w, root, &b);
	buf_free(&b);
	return root;
}

uint32_t
pdf_write_pages(struct pdf_ctx *c)
{
	unsigned i;

	pdf_page_flush(c);
	write_annots(c);
	write_pages(c);
	for (i = 0; i < PDF_NFONTS; i++)
		if (c->font[i].obj != 0 || c->font[i].aobj != 0)
			write_font(c, i);
	write_resources(c);
	return write_outlines(c);
}
