/* Internals of the PDF backend shared by its files: the render context, laid-out lines and page frames. */
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

/* Font slots: index is (bold ? 1 : 0) | (italic ? 2 : 0). */
#define PDF_BOLD	1u
#define PDF_ITALIC	2u
#define PDF_NFONTS	4

#define PDF_A4_SHORT	595.276
#define PDF_A4_LONG	841.89
#define PDF_LEADING	1.2	/* header and footer line height / font size;
				 * body text uses style.conf's spacing.line */
#define PDF_MAXDEPTH	32	/* nesting of lists and cells we lay out */

struct pdf_rgb {
	double	 r, g, b;
};

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

#define PDF_NONE	UINT32_MAX

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

/* A link annotation, written with the pages at the end. */
struct pdf_annot {
	uint32_t	 obj;
	size_t		 page;		/* the page it is on */
	double		 rect[4];	/* x1 y1 x2 y2 */
	char		*uri;		/* a URI link, or NULL: */
	size_t		 destpage;	/* an internal link to that page */
	double		 desttop;	/* at that height (PDF y) */
	uint32_t	 structparent;	/* parent tree key, or PDF_NONE */
	char		*contents;	/* what it is for, or NULL */
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

/* An image XObject, written when first placed. */
struct pdf_image {
	char		*path;
	uint32_t	 obj;
	unsigned	 w, h;
};

/* A page: its body stream goes to the file when the next page starts;
 * what is drawn on it later (headers, footers, contents page numbers)
 * goes in a second stream written at the end. */
struct pdf_page {
	uint32_t	 obj;		/* the page dictionary */
	uint32_t	 body;		/* its first content stream */
	double		 w, h;
	struct buf	 late;
	struct pdf_gstate late_gs;	/* late's state */
	size_t		*annot;		/* indices into c->annots */
	size_t		 nannot, annotcap;
	uint32_t	*mcid;		/* MCID -> structure element */
	size_t		 nmcid, mcidcap;
	uint32_t	 structparents;	/* its parent tree key */
};

/* Where text may go on a page, in points from the top-left corner. */
struct pdf_frame {
	double	 pw, ph;		/* page size */
	double	 left, right;		/* body text box */
	double	 top, bottom;
	double	 hfsize;		/* header and footer text size */
	double	 head_y;		/* top of the header's first line */
	double	 foot_y;		/* top of the footer's first line */
};

struct pdf_table;

/*
 * Table rules not drawn yet: rows of one table drawn one under another
 * on one page have their rules drawn together, when that stops
 * (pdf_layout.c).
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

/* A contents entry: where its page number goes, once layout knows it. */
struct pdf_tocent {
	const struct doc_node *heading;
	size_t		 page;		/* index of the page the entry ends on */
	double		 top, base;	/* its last line, from the page top */
	double		 size;
	uint32_t	 toci;		/* its structure element */
};

/* A structure element; kids in c->tags.kid from kfirst (1-based, 0
 * none). */
struct pdf_elem {
	uint32_t	 obj;
	uint32_t	 parent;	/* element index, PDF_NONE: the root */
	uint32_t	 pg;		/* 1 + page of its first content, or 0 */
	uint32_t	 kfirst, klast;
	uint32_t	 nkids;
	unsigned char	 role;		/* enum pdf_role */
	unsigned char	 th;		/* a header cell: scope Column */
	unsigned char	 hasalt;	/* its /Alt is in pdf_tags.alts */
};

/* Structure types (pdf_tag.c names them): a byte in each of a
 * chronology's half a million elements, not the name. */
enum pdf_role {
	PDF_ROLE_DOCUMENT, PDF_ROLE_SECT, PDF_ROLE_H1, PDF_ROLE_H2,
	PDF_ROLE_H3, PDF_ROLE_P, PDF_ROLE_L, PDF_ROLE_LI, PDF_ROLE_LBODY,
	PDF_ROLE_LBL, PDF_ROLE_TABLE, PDF_ROLE_THEAD, PDF_ROLE_TBODY,
	PDF_ROLE_TR, PDF_ROLE_TH, PDF_ROLE_TD, PDF_ROLE_DIV, PDF_ROLE_FIGURE,
	PDF_ROLE_TOC, PDF_ROLE_TOCI, PDF_ROLE_LINK
};

/* An element's alternative text (figures: few). */
struct pdf_alt {
	uint32_t	 e;
	char		*text;
};

/* A kid of a structure element. */
struct pdf_kid {
	uint32_t	 next;		/* 1-based, 0 none */
	unsigned char	 kind;		/* PDF_K_* */
	uint32_t	 page;
	uint32_t	 v;		/* MCID, element or annotation index */
};

#define PDF_K_MCID	0
#define PDF_K_ELEM	1
#define PDF_K_OBJR	2

/* A parent tree entry: a page's MCIDs, or an annotation's element. */
struct pdf_num {
	unsigned char	 page;		/* 1: v is a page, 0: an element */
	uint32_t	 v;
};

/* The structure tree being built (pdf_tag.c). */
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
	uint32_t	 override;	/* tag content as this element, or
					 * PDF_NONE */
	int		 artifact;	/* tag content as an artifact */
};

/* Where a heading was placed: its page and its destination. */
struct pdf_placed {
	const struct doc_node *heading;
	size_t		 page;		/* 1-based */
	double		 top;		/* PDF y of its line box's top */
};

struct pdf_ctx {
	const struct doc *d;
	const struct style *st;
	struct diag_ctx	*dg;
	int		 failed;
	char		 why[256];	/* the first failure */
	struct pdfw	 w;
	struct pdf_font	 font[PDF_NFONTS];
	double		 ascent;	/* of the regular font, in ems */
	double		 descent;	/* positive, in ems */
	struct pdf_rgb	 heading_rgb;
	unsigned	 missing;	/* characters the fonts have no glyph for */
	unsigned	 replaced;	/* characters above U+FFFF */
	uint32_t	 resources;	/* the pages' shared resources */
	uint32_t	 pagetree;	/* the root of the page tree */

	/* The page flow. */
	struct pdf_page	*pages;
	size_t		 npages, pagecap;
	struct buf	 body;		/* the current page's content */
	struct pdf_gstate body_gs;	/* body's state */
	int		 body_open;	/* body not written out yet */
	struct pdf_frame fr;		/* its frame */
	int		 landscape;
	double		 y;		/* next free position from the top */
	int		 fresh;		/* nothing placed on the page yet */
	double		 tx, ty;	/* text line origin in a text object */
	double		 tsize;		/* text size (pdf_font_size) */
	uint32_t	 atou;		/* the simple fonts' ToUnicode, or 0 */
	/* A line's text object and marked-content sequence left open for
	 * the next line of the same element on the same page, so that a
	 * paragraph's lines on a page are one sequence (pdf_text.c);
	 * anything else drawn closes them first (pdf_out). */
	int		 held;
	size_t		 held_pi;
	uint32_t	 held_key;	/* as pdf_tag_key gives */
	uint32_t	 outline[4];	/* last bookmark per heading level */
	struct pdf_outline *outlines;
	size_t		 noutline, outlinecap;
	uint32_t	 outline_top;	/* the last top-level bookmark */
	struct pdf_annot *annots;
	size_t		 nannot, annotcap;
	struct pdf_image *images;
	size_t		 nimage, imagecap;
	struct pdf_tocent *toc;		/* contents entries, document order */
	size_t		 ntoc, toccap;
	struct pdf_placed *placed;	/* every heading, as placed */
	size_t		 nplaced, placedcap;
	struct pdf_tags	 tags;
	/* The line breaker's working memory, kept from one paragraph to
	 * the next (pdf_text.c). */
	void		*chbuf;		/* the paragraph's characters */
	uint32_t	*chrep;		/* their stand-ins (lbrep.h) */
	size_t		 chcap;
	struct pdf_grid	 grid;
	size_t		*spec;		/* where it is not plain ASCII */
	size_t		 speccap;
	/* Per font, the width of each ASCII character shown as it is at
	 * size wsize (0: not yet), or -1 for one that is not. */
	double		 wsize[PDF_NFONTS];
	double		 wt[PDF_NFONTS][128];
	char		*brks;
	size_t		 brkscap;
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

/* pdf.c */
int	 pdf_failed(const struct pdf_ctx *c);
/* Records the first failure, for the error message. */
void	 pdf_fail(struct pdf_ctx *c, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 pdf_frame_for(const struct pdf_ctx *c, double pw, double ph,
	    struct pdf_frame *fr);

/* pdf_page.c: pages and what is drawn on them. Page pi is the current
 * page or one left earlier; coordinates are PDF's, from the foot. */
int	 pdf_page_new(struct pdf_ctx *c, double w, double h);
/* Writes the current page's content stream out. */
void	 pdf_page_flush(struct pdf_ctx *c);
/* The stream of page pi that drawing goes to now. */
struct buf *pdf_out(struct pdf_ctx *c, size_t pi);
/* Closes the text object and marked content a line left open. */
void	 pdf_held_close(struct pdf_ctx *c);
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
/* The size pdf_text shows text at from now on. */
void	 pdf_font_size(struct pdf_ctx *c, double size);
/* Shows s (characters as pdf_shown gives them) in font with its start
 * at x, baseline y, inside a text object: printable ASCII in the
 * font's simple form (a byte a character) if it has a Windows BMP cmap,
 * the rest in its Type0 form (two bytes), switching where they meet. */
void	 pdf_text(struct pdf_ctx *c, size_t pi, unsigned font, double x,
	    double y, const char *s);
/* An image's index (loaded on first use), or -1 with the failure
 * recorded. */
int	 pdf_image_load(struct pdf_ctx *c, const char *path);
void	 pdf_image_draw(struct pdf_ctx *c, size_t pi, int img, double x,
	    double y, double w, double h);
/* A link annotation on page pi over rect; its index. */
size_t	 pdf_annot_uri(struct pdf_ctx *c, size_t pi, const double rect[4],
	    const char *uri);
size_t	 pdf_annot_goto(struct pdf_ctx *c, size_t pi, const double rect[4],
	    size_t page, double top);
/* A bookmark under parent (PDF_NONE: top level); its index. */
uint32_t pdf_outline_add(struct pdf_ctx *c, uint32_t parent,
	    const char *title, size_t page, double top);
/* After layout: the pages, their annotations, the page tree, fonts and
 * bookmarks; returns the outline root's object number, 0 if none. */
uint32_t pdf_write_pages(struct pdf_ctx *c);

/* pdf_text.c: measuring, breaking and drawing text. */
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
double	 pdf_baseline(const struct pdf_ctx *c, const struct pdf_line *l);
int	 pdf_draw_line(struct pdf_ctx *c, size_t pi, double ph,
	    const struct pdf_line *l, double x0, double top);
int	 pdf_show(struct pdf_ctx *c, size_t pi, unsigned font,
	    double size, const struct pdf_rgb *rgb, double x, double base,
	    const char *s);
/* A new line at size; leading is the line height over the size. */
struct pdf_line *pdf_lines_add(struct pdf_lines *ls, double size,
	    double leading);
void	 pdf_lines_free(struct pdf_lines *ls);

/* pdf_tag.c: tagged PDF. Content drawn between pdf_tag_begin and
 * pdf_tag_end on page index pi is marked as n's (or the override's, or
 * an artifact); every page made must be registered first. */
void	 pdf_tag_init(struct pdf_ctx *c);
void	 pdf_tag_page(struct pdf_ctx *c, size_t pi);
int	 pdf_tag_begin(struct pdf_ctx *c, size_t pi, const struct doc_node *n);
/* As pdf_tag_begin, for the text of the link to url in paragraph n. */
int	 pdf_tag_link(struct pdf_ctx *c, size_t pi, const struct doc_node *n,
	    const char *url);
/* Ties annotation a (of the link to url) to its element. */
void	 pdf_tag_annot(struct pdf_ctx *c, const char *url, size_t a);
/* Ties a contents entry's link annotation a to a Link in its TOCI. */
void	 pdf_tag_toc_link(struct pdf_ctx *c, uint32_t toci, size_t a,
	    const char *what);
/* As pdf_tag_begin, for the bullet or number of the item n is in. */
int	 pdf_tag_label(struct pdf_ctx *c, size_t pi, const struct doc_node *n);
void	 pdf_tag_end(struct pdf_ctx *c, size_t pi);
/* What pdf_tag_begin(c, pi, n) would open, as a number that is equal
 * for equal sequences: the element's, or PDF_ARTIFACT. */
uint32_t pdf_tag_key(struct pdf_ctx *c, const struct doc_node *n);
#define PDF_ARTIFACT	(UINT32_MAX - 1)
/* Makes n's element now, so that it has its place in reading order even
 * with nothing drawn (an empty table cell). */
void	 pdf_tag_touch(struct pdf_ctx *c, const struct doc_node *n);
/* A new element of role under n's element, returned (PDF_NONE on
 * error). */
uint32_t pdf_tag_new(struct pdf_ctx *c, const struct doc_node *n,
	    enum pdf_role role);
/* Writes the structure tree, the parent tree and the XMP metadata;
 * returns the Metadata stream's object number. */
uint32_t pdf_tag_write(struct pdf_ctx *c);
void	 pdf_tags_free(struct pdf_tags *t);

/* pdf_layout.c: the page flow of blocks, lists and tables. */
int	 pdf_layout(struct pdf_ctx *c);
/* After layout: contents page numbers and links. */
int	 pdf_toc_finish(struct pdf_ctx *c);

#endif
