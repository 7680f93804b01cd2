/* Internals of the PDF backend shared by its files: the render context, laid-out lines and page frames. */
#ifndef CSPR_PDF_INT_H
#define CSPR_PDF_INT_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "../../doc/doc.h"
#include "../../model/style.h"
#include "../../util/diag.h"

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

/* The first libharu error, recorded by the error handler. */
struct pdf_err {
	HPDF_STATUS	 no;
	HPDF_STATUS	 detail;
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

/* A contents entry: where its page number goes, once layout knows it. */
struct pdf_tocent {
	const struct doc_node *heading;
	size_t		 page;		/* index of the page the entry ends on */
	double		 top, base;	/* its last line, from the page top */
	double		 size;
	HPDF_Dict	 toci;		/* its structure element */
};

/* The structure tree being built (pdf_tag.c). */
struct pdf_tags {
	HPDF_Dict	 root;		/* StructTreeRoot */
	HPDF_Array	 rootkids;
	HPDF_Dict	 docelem;	/* Document */
	const void	**keys;		/* node -> element, open addressing */
	HPDF_Dict	*vals;
	size_t		 n, cap;
	HPDF_Array	*parr;		/* per page: MCID -> element */
	size_t		 nparr, parrcap;
	void		**nums;		/* the parent tree: key -> page's
					 * array or annotation's element */
	size_t		 nnums, numscap;
	HPDF_Dict	 override;	/* tag content as this element */
	int		 artifact;	/* tag content as an artifact */
};

/* Where a heading was placed: its page and its destination. */
struct pdf_placed {
	const struct doc_node *heading;
	size_t		 page;		/* 1-based */
	HPDF_Destination dst;		/* or NULL */
};

struct pdf_ctx {
	HPDF_Doc	 pdf;
	const struct doc *d;
	const struct style *st;
	struct diag_ctx	*dg;
	struct pdf_err	 err;
	HPDF_Font	 font[PDF_NFONTS];
	HPDF_FontDef	 fontdef[PDF_NFONTS];
	/* Per font, per BMP character: 0 not looked up yet, else 1 + (the
	 * width in thousandths of an em << 1 | whether it has a glyph).
	 * libharu looks both up by a search of the font's cmap. */
	uint32_t	*glyph[PDF_NFONTS];
	double		 ascent;	/* of the regular font, in ems */
	double		 descent;	/* positive, in ems */
	HPDF_Encoder	 enc;		/* UTF-8, for bookmarks */
	struct pdf_rgb	 heading_rgb;
	unsigned	 missing;	/* characters the fonts have no glyph for */
	unsigned	 replaced;	/* characters above U+FFFF */

	/* The page flow. */
	HPDF_Page	*pages;
	size_t		 npages, pagecap;
	HPDF_Page	 page;		/* current page */
	struct pdf_frame fr;		/* its frame */
	int		 landscape;
	double		 y;		/* next free position from the top */
	int		 fresh;		/* nothing placed on the page yet */
	HPDF_Outline	 outline[4];	/* last bookmark per heading level */
	struct pdf_tocent *toc;		/* contents entries, document order */
	size_t		 ntoc, toccap;
	struct pdf_placed *placed;	/* every heading, as placed */
	size_t		 nplaced, placedcap;
	struct pdf_tags	 tags;
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
void	 pdf_error_low(struct pdf_ctx *c, HPDF_STATUS no);
void	 pdf_frame_for(const struct pdf_ctx *c, double pw, double ph,
	    struct pdf_frame *fr);

/* pdf_text.c: measuring, breaking and drawing text. */
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
int	 pdf_draw_line(struct pdf_ctx *c, HPDF_Page page, double ph,
	    const struct pdf_line *l, double x0, double top);
int	 pdf_show(struct pdf_ctx *c, HPDF_Page page, unsigned font,
	    double size, const struct pdf_rgb *rgb, double x, double base,
	    const char *s);
/* A new line at size; leading is the line height over the size. */
struct pdf_line *pdf_lines_add(struct pdf_lines *ls, double size,
	    double leading);
void	 pdf_lines_free(struct pdf_lines *ls);

/* pdf_tag.c: tagged PDF. Content drawn between pdf_tag_begin and
 * pdf_tag_end on page index pi is marked as n's (or the override's, or
 * an artifact); every page made must be registered first. */
int	 pdf_tag_init(struct pdf_ctx *c);
/* The trailer's /ID, from the document's content. */
int	 pdf_file_id(struct pdf_ctx *c);
int	 pdf_tag_page(struct pdf_ctx *c, HPDF_Page page);
int	 pdf_tag_begin(struct pdf_ctx *c, size_t pi, const struct doc_node *n);
/* As pdf_tag_begin, for the text of the link to url in paragraph n. */
int	 pdf_tag_link(struct pdf_ctx *c, size_t pi, const struct doc_node *n,
	    const char *url);
/* Ties the annotation of the link to url (drawn on page pi) to its
 * element. */
void	 pdf_tag_annot(struct pdf_ctx *c, size_t pi, const char *url,
	    HPDF_Annotation a);
/* Ties a contents entry's link annotation to a Link in its TOCI. */
void	 pdf_tag_toc_link(struct pdf_ctx *c, size_t pi, HPDF_Dict toci,
	    HPDF_Annotation a, const char *what);
/* As pdf_tag_begin, for the bullet or number of the item n is in. */
int	 pdf_tag_label(struct pdf_ctx *c, size_t pi, const struct doc_node *n);
void	 pdf_tag_end(struct pdf_ctx *c, size_t pi);
/* Makes n's element now, so that it has its place in reading order even
 * with nothing drawn (an empty table cell). */
void	 pdf_tag_touch(struct pdf_ctx *c, const struct doc_node *n);
/* A new element of role under n's element, returned (NULL on error). */
HPDF_Dict pdf_tag_new(struct pdf_ctx *c, const struct doc_node *n,
	    const char *role);
int	 pdf_tag_finish(struct pdf_ctx *c);
void	 pdf_tags_free(struct pdf_tags *t);

/* pdf_layout.c: the page flow of blocks, lists and tables. */
int	 pdf_layout(struct pdf_ctx *c);
/* After layout: contents page numbers and links. */
int	 pdf_toc_finish(struct pdf_ctx *c);

#endif
