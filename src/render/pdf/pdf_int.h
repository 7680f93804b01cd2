/* Internals of the PDF backend: the render context, the part of it each file owns, and the calls between the files. */
#ifndef CSPR_PDF_INT_H
#define CSPR_PDF_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../../doc/doc.h"
#include "../../model/style.h"
#include "../../util/arena.h"
#include "../../util/buf.h"
#include "../../util/diag.h"
#include "lbrep.h"
#include "pdfw.h"
#include "ttf.h"

/*
 * Each file keeps its state in a part of struct pdf_ctx that only it
 * writes (the other files call its functions): pdf_page.c the fonts and
 * pages, pdf_text.c the line breaker, pdf_tag.c the structure tree,
 * pdf_layout.c the page flow. The layout engine talks to the page
 * writer through pages numbered from 0 (pdf_page_new, pdf_page_count,
 * pdf_page_size), the drawing calls on a page, images, links and
 * bookmarks; to the tagger through pdf_tag_begin/pdf_tag_end around
 * what it draws, pdf_tag_as and pdf_tag_artifact.
 */
struct pdf_ctx;

/* Font slots: index is (bold ? 1 : 0) | (italic ? 2 : 0). */
#define PDF_BOLD	1u
#define PDF_ITALIC	2u
#define PDF_NFONTS	4

#define PDF_A4_SHORT	595.276
#define PDF_A4_LONG	841.89
#define PDF_LEADING	1.2	/* header and footer line height / font size;
				 * body text uses style.conf's spacing.line */
#define PDF_MAXDEPTH	32	/* nesting of lists and cells we lay out */

#define PDF_NONE	UINT32_MAX

struct pdf_rgb {
	double	 r, g, b;
};

/* "RRGGBB" (style.conf's colours, a cell's shade) as a colour. */
struct pdf_rgb	 pdf_rgb_hex(const char *s);

/* Where text may go on a page, in points from the top-left corner. */
struct pdf_frame {
	double	 pw, ph;		/* page size */
	double	 left, right;		/* body text box */
	double	 top, bottom;
	double	 hfsize;		/* header and footer text size */
	double	 head_y;		/* top of the header's first line */
	double	 foot_y;		/* top of the footer's first line */
};

/* A piece of a line in one font and link: what one text-showing operator draws. */
struct pdf_run {
	char		*text;		/* UTF-8, owned */
	unsigned	 font;
	double		 x, w;		/* from the line's start */
	const char	*url;		/* borrowed link target, or NULL */
};

/* One laid-out line of text. */
struct pdf_line {
	struct pdf_run	*run;
	size_t		 nrun, runcap;
	double		 x;		/* indent from the box's left edge */
	double		 w;		/* width of the text */
	double		 size;		/* font size */
	double		 h;		/* line height */
	double		 before;	/* space above; dropped at a page top */
	struct pdf_rgb	 rgb;
	char		*label;		/* list bullet or number, owned */
	double		 labelx;	/* label start from the box's left edge */
	const struct doc_node *heading;	/* first line of a heading */
	int		 keepnext;	/* a heading: keep with what follows */
	int		 parafirst;	/* first line of a paragraph */
	const struct doc_node *node;	/* the block it belongs to */
};

struct pdf_lines {
	struct pdf_line	*v;
	size_t		 n, cap;
	struct arena	*arena;		/* where v and the runs live (a
					 * table row's), or NULL: malloc */
};

/* How a paragraph's lines are set. */
struct pdf_tstyle {
	double		 size;
	unsigned	 font;		/* OR-ed into every run's font */
	struct pdf_rgb	 rgb;
	double		 x;		/* indent from the box's left edge */
	double		 width;		/* available width */
	double		 before;	/* space above the first line */
};

/* pdf.c: the document; the first failure. */
int	 pdf_failed(const struct pdf_ctx *c);
/* Records the first failure, for the error message. */
void	 pdf_fail(struct pdf_ctx *c, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 pdf_frame_for(const struct pdf_ctx *c, double pw, double ph,
	    struct pdf_frame *fr);

/* pdf_page.c: fonts, pages and what is drawn on them. */

/*
 * What a content stream has set so far, so that an operator repeating
 * it is left out. It starts unknown in each stream: a page's streams
 * are read one after the other, but each sets what it uses.
 */
struct pdf_gstate {
	unsigned	 known;		/* PDF_GS_* set */
	unsigned	 font;
	double		 size;
	struct pdf_rgb	 fill, stroke;
	double		 lw;
	double		 tl;		/* text leading */
};
#define PDF_GS_FONT	1u
#define PDF_GS_FILL	2u
#define PDF_GS_STROKE	4u
#define PDF_GS_LW	8u
#define PDF_GS_TL	16u

/* A font slot: the font file and what this document draws of it. */
struct pdf_font {
	struct ttf	 t;
	uint8_t		*used;		/* per glyph: drawn */
	uint8_t		*ucp;		/* per BMP character: drawn */
	uint32_t	 obj;		/* the Type0 font, or 0: unused */
	uint32_t	 aobj;		/* the simple font printable ASCII is
					 * shown in, or 0: unused */
	/* ASCII: each character's advance (ttf_advance, for
	 * pdf_char_width), and whether it is shown as it is (not a tab,
	 * and a space or in the font: the line breaker's fast path). */
	unsigned	 adv[128];
	uint8_t		 plain[128];
};

/* The fonts (c->fonts): loaded by pdf_fonts_load, their metrics read
 * by pdf_text.c, what is drawn of them noted by pdf_text. */
struct pdf_fonts {
	struct pdf_font	 f[PDF_NFONTS];
	double		 ascent;	/* of the regular font, in ems */
	double		 descent;	/* positive, in ems */
	uint32_t	 atou;		/* the simple fonts' ToUnicode, or 0 */
};

/* The pages and their annotations, images and bookmarks (c->pages),
 * written out by pdf_write_pages. */
struct pdf_pages {
	struct pdf_page	*v;
	size_t		 n, cap;
	struct buf	 body;		/* the last page's content */
	struct pdf_gstate body_gs;	/* body's state */
	int		 body_open;	/* body not written out yet */
	double		 tx, ty;	/* text line origin in a text object */
	double		 tsize;		/* text size (pdf_font_size) */
	/* A line's text object and marked-content sequence left open for
	 * the next line of the same element on the same page
	 * (pdf_text_hold); anything else drawn closes them (pdf_out). */
	int		 held;
	size_t		 held_pi;
	uint32_t	 held_key;
	struct pdf_annot *annots;
	size_t		 nannot, annotcap;
	struct pdf_image *images;
	size_t		 nimage, imagecap;
	struct pdf_outline *outlines;
	size_t		 noutline, outlinecap;
	uint32_t	 outline[4];	/* the last bookmark of each level */
	uint32_t	 outline_top;	/* the last top-level bookmark */
	uint32_t	 resources;	/* the pages' shared resources */
	uint32_t	 tree;		/* the root of the page tree */
};

/* The style's four fonts; -1 with the error reported. */
int	 pdf_fonts_load(struct pdf_ctx *c);
/* Numbers the shared resources and the page tree (objects 1 and 2). */
void	 pdf_pages_init(struct pdf_ctx *c);
/* Starts page pdf_page_count(c), w by h points; the page before is
 * written out. Page pi below is the current page or one left earlier,
 * and coordinates are PDF's, from the foot. */
void	 pdf_page_new(struct pdf_ctx *c, double w, double h);
size_t	 pdf_page_count(const struct pdf_ctx *c);
void	 pdf_page_size(const struct pdf_ctx *c, size_t pi, double *w,
	    double *h);
/* The stream of page pi that drawing goes to now. */
struct buf *pdf_out(struct pdf_ctx *c, size_t pi);
void	 pdf_ops(struct pdf_ctx *c, size_t pi, const char *ops);
void	 pdf_fill_rgb(struct pdf_ctx *c, size_t pi, const struct pdf_rgb *rgb);
void	 pdf_stroke_rgb(struct pdf_ctx *c, size_t pi,
	    const struct pdf_rgb *rgb);
void	 pdf_line_width(struct pdf_ctx *c, size_t pi, double w);
void	 pdf_rect(struct pdf_ctx *c, size_t pi, double x, double y, double w,
	    double h);
void	 pdf_segment(struct pdf_ctx *c, size_t pi, double x1, double y1,
	    double x2, double y2);
void	 pdf_text_begin(struct pdf_ctx *c, size_t pi);
void	 pdf_text_end(struct pdf_ctx *c, size_t pi);
/* A text object for a line of element key (pdf_tag_key) on page pi: the
 * one the last line left open if it was key's there (1), else a new
 * one (0). */
int	 pdf_text_resume(struct pdf_ctx *c, size_t pi, uint32_t key);
/* Leaves the text object and marked content open for the next line of
 * element key on page pi (pdf_text_resume). */
void	 pdf_text_hold(struct pdf_ctx *c, size_t pi, uint32_t key);
/* The size pdf_text shows text at from now on. */
void	 pdf_font_size(struct pdf_ctx *c, double size);
/* Shows s (characters as pdf_shown gives them) in font with its start
 * at x, baseline y, inside a text object: printable ASCII in the
 * font's simple form (a byte a character) if it has a Windows BMP cmap,
 * the rest in its Type0 form (two bytes), switching where they meet. */
void	 pdf_text(struct pdf_ctx *c, size_t pi, unsigned font, double x,
	    double y, const char *s);
/* An image's index (loaded on first use) and its size in pixels, or -1
 * with the failure recorded. */
int	 pdf_image_load(struct pdf_ctx *c, const char *path, unsigned *w,
	    unsigned *h);
void	 pdf_image_draw(struct pdf_ctx *c, size_t pi, int img, double x,
	    double y, double w, double h);
/* A link annotation on page pi over rect: to url, tied to its Link
 * element (pdf_tag_annot); or to a page at top, for contents entry
 * toci (pdf_tag_toc_link). */
void	 pdf_annot_uri(struct pdf_ctx *c, size_t pi, const double rect[4],
	    const char *url);
void	 pdf_annot_goto(struct pdf_ctx *c, size_t pi, const double rect[4],
	    size_t page, double top, uint32_t toci);
/* A bookmark for a heading of level (1 to 3), under the last bookmark
 * of a higher level. */
void	 pdf_outline_add(struct pdf_ctx *c, unsigned level, const char *title,
	    size_t page, double top);
/* After layout: the pages, their annotations, the page tree, fonts and
 * bookmarks; appends the catalog's entries for them to cat. */
void	 pdf_write_pages(struct pdf_ctx *c, struct buf *cat);
void	 pdf_pages_free(struct pdf_ctx *c);

/* pdf_text.c: measuring, breaking and drawing text. */

/* The line breaker's working memory, kept from one paragraph to the
 * next, and what the fonts could not show (c->brk). */
struct pdf_breaker {
	struct pdf_ch	*ch;		/* the paragraph's characters */
	uint32_t	*rep;		/* their stand-ins (lbrep.h) */
	size_t		 nch, chcap;
	size_t		*spec;		/* where it is not plain ASCII */
	size_t		 nspec, speccap;
	char		*brks;		/* its break opportunities */
	size_t		 brkscap;
	/* Per font, the width of each ASCII character shown as it is at
	 * size wsize (0: not yet), or -1 for one that is not. */
	double		 wsize[PDF_NFONTS];
	double		 wt[PDF_NFONTS][128];
	uint32_t	 missing;	/* the first with no glyph, or 0 */
	uint32_t	 replaced;	/* the first above U+FFFF, or 0 */
};

/* The glyph of cp in font (0: none). */
unsigned pdf_glyph(const struct pdf_ctx *c, unsigned font, uint32_t cp);
double	 pdf_char_width(struct pdf_ctx *c, unsigned font, double size,
	    uint32_t cp);
double	 pdf_text_width(struct pdf_ctx *c, unsigned font, double size,
	    const char *s);
char	*pdf_text_fit(struct pdf_ctx *c, unsigned font, double size,
	    const char *s, double maxw);
char	*pdf_shown(struct pdf_ctx *c, const char *s);
void	 pdf_break(struct pdf_ctx *c, const struct doc_node *para,
	    const struct pdf_tstyle *ts, struct pdf_lines *out);
/* Widens *minw to para's widest unbreakable stretch and *maxw to its
 * widest line unbroken (set in ts). */
void	 pdf_measure(struct pdf_ctx *c, const struct doc_node *para,
	    const struct pdf_tstyle *ts, double *minw, double *maxw);
/* The baseline's distance below the top of a line box h high of text
 * at size. */
double	 pdf_baseline(const struct pdf_ctx *c, double h, double size);
int	 pdf_draw_line(struct pdf_ctx *c, size_t pi, double ph,
	    const struct pdf_line *l, double x0, double top);
int	 pdf_show(struct pdf_ctx *c, size_t pi, unsigned font,
	    double size, const struct pdf_rgb *rgb, double x, double base,
	    const char *s);
/* A new line at size; leading is the line height over the size. */
struct pdf_line *pdf_lines_add(struct pdf_lines *ls, double size,
	    double leading);
void	 pdf_lines_free(struct pdf_lines *ls);
/* Warns of the characters drawn as boxes. */
void	 pdf_text_warn(const struct pdf_ctx *c);
void	 pdf_text_free(struct pdf_ctx *c);

/* pdf_tag.c: tagged PDF. */

/* Structure types (pdf_tag.c names them): a byte in each of a
 * chronology's half a million elements, not the name. */
enum pdf_role {
	PDF_ROLE_DOCUMENT, PDF_ROLE_SECT, PDF_ROLE_H1, PDF_ROLE_H2,
	PDF_ROLE_H3, PDF_ROLE_P, PDF_ROLE_L, PDF_ROLE_LI, PDF_ROLE_LBODY,
	PDF_ROLE_LBL, PDF_ROLE_TABLE, PDF_ROLE_THEAD, PDF_ROLE_TBODY,
	PDF_ROLE_TR, PDF_ROLE_TH, PDF_ROLE_TD, PDF_ROLE_DIV, PDF_ROLE_FIGURE,
	PDF_ROLE_TOC, PDF_ROLE_TOCI, PDF_ROLE_LINK
};

/* The structure tree being built (c->tags). */
struct pdf_tags {
	uint32_t	 root;		/* StructTreeRoot object */
	uint32_t	 docelem;	/* Document element */
	struct pdf_elem	*e;
	size_t		 ne, ecap;
	struct pdf_kid	*kid;		/* [0] unused */
	size_t		 nkid, kidcap;
	struct pdf_alt	*alts;
	size_t		 nalts, altcap;
	uint32_t	*byid;		/* node id -> 1 + its element, or 0 */
	size_t		 nbyid, bycap;
	const void	**keys;		/* an item's or table's part, a
					 * link's URL -> element, open
					 * addressing */
	uint32_t	*vals;
	size_t		 n, cap;
	const struct doc_node *last;	/* the node elem_for last gave */
	uint32_t	 last_e;	/* its element */
	struct pdf_num	*nums;		/* the parent tree, by key */
	size_t		 nnums, numscap;
	struct pdf_tagpage *pg;		/* each page's marked content */
	size_t		 npg, pgcap;
	uint32_t	 as;		/* pdf_tag_as */
};

void	 pdf_tag_init(struct pdf_ctx *c);
/* Registers the next page, object obj; its parent tree key. */
uint32_t pdf_tag_page(struct pdf_ctx *c, uint32_t obj);
/* Content drawn between pdf_tag_begin and pdf_tag_end on page pi is
 * marked as n's (or as pdf_tag_as says). */
void	 pdf_tag_begin(struct pdf_ctx *c, size_t pi, const struct doc_node *n);
/* As pdf_tag_begin, for the text of the link to url in paragraph n. */
void	 pdf_tag_link(struct pdf_ctx *c, size_t pi, const struct doc_node *n,
	    const char *url);
/* As pdf_tag_begin, for the bullet or number of the item n is in. */
void	 pdf_tag_label(struct pdf_ctx *c, size_t pi, const struct doc_node *n);
/* Begins an artifact: decoration, not read. */
void	 pdf_tag_artifact(struct pdf_ctx *c, size_t pi);
void	 pdf_tag_end(struct pdf_ctx *c, size_t pi);
/* Marks what is drawn from now on as element e, or as an artifact
 * (PDF_ARTIFACT), or (PDF_NONE) as the nodes drawn. */
void	 pdf_tag_as(struct pdf_ctx *c, uint32_t e);
/* Ties the annotation obj on page pi to the Link element of url, or to
 * a new Link in contents entry toci; its parent tree key, or PDF_NONE
 * (not tagged). */
uint32_t pdf_tag_annot(struct pdf_ctx *c, const char *url, size_t pi,
	    uint32_t obj);
uint32_t pdf_tag_toc_link(struct pdf_ctx *c, uint32_t toci, size_t pi,
	    uint32_t obj);
/* What pdf_tag_begin(c, pi, n) would open, as a number that is equal
 * for equal sequences: the element's, or PDF_ARTIFACT. */
uint32_t pdf_tag_key(struct pdf_ctx *c, const struct doc_node *n);
#define PDF_ARTIFACT	(UINT32_MAX - 1)
/* Makes n's element now, so that it has its place in reading order even
 * with nothing drawn (an empty table cell). */
void	 pdf_tag_touch(struct pdf_ctx *c, const struct doc_node *n);
/* A new element of role under n's element. */
uint32_t pdf_tag_new(struct pdf_ctx *c, const struct doc_node *n,
	    enum pdf_role role);
/* Writes the structure tree, the parent tree and the XMP metadata;
 * appends the catalog's entries for them to cat. */
void	 pdf_tag_write(struct pdf_ctx *c, struct buf *cat);
void	 pdf_tags_free(struct pdf_ctx *c);

/* pdf_layout.c: the page flow of blocks, lists and tables. */

/*
 * Table rules not drawn yet: rows of one table drawn one under another
 * on one page have their rules drawn together, when that stops.
 */
struct pdf_grid {
	const struct pdf_table *t;	/* NULL: none pending */
	size_t		 pi;		/* the page */
	double		 x0;		/* the table's left edge, PDF x */
	double		 top;		/* the first row's top, from the page
					 * top */
	double		*y;		/* each row's bottom, likewise */
	size_t		 ny, ycap;
};

/* The page flow (c->flow), during pdf_layout. */
struct pdf_flow {
	size_t		 pi;		/* the current page */
	struct pdf_frame fr;		/* its frame */
	int		 landscape;
	double		 y;		/* next free position from the top */
	int		 fresh;		/* nothing placed on the page yet */
	struct pdf_grid	 grid;
	struct pdf_tocent *toc;		/* contents entries, document order */
	size_t		 ntoc, toccap;
	struct pdf_placed *placed;	/* every heading, as placed */
	size_t		 nplaced, placedcap;
};

/* Lays out the document, then draws the contents' page numbers and
 * links. */
int	 pdf_layout(struct pdf_ctx *c);

/* The render context. pdf.c sets the document, the style and the
 * diagnostics, which every file reads; every file numbers and writes
 * objects through w (pdfw.c). Each other part is written only by the
 * file named. */
struct pdf_ctx {
	const struct doc *d;
	const struct style *st;
	struct diag_ctx	*dg;
	int		 failed;
	char		 why[256];	/* the first failure */
	struct pdfw	 w;
	struct pdf_fonts fonts;		/* pdf_page.c */
	struct pdf_pages pages;		/* pdf_page.c */
	struct pdf_breaker brk;		/* pdf_text.c */
	struct pdf_tags	 tags;		/* pdf_tag.c */
	struct pdf_flow	 flow;		/* pdf_layout.c */
};

#endif
