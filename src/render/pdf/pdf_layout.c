/* PDF layout: the page flow of headings, paragraphs, lists and tables, with page breaks and bookmarks. */
#include "pdf_int.h"
#include "../../util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS		1e-6
#define GAP_ITEM	0.25	/* between list items */
#define GAP_HEAD	0.9	/* above a heading, in heading sizes */
#define BORDER_W	0.5	/* table rule width, points */

static const struct pdf_rgb black = { 0, 0, 0 };
static const struct pdf_rgb rule_rgb = { 0.45, 0.45, 0.45 };

struct pdf_cell {
	const struct doc_node *node;
	struct pdf_lines lines;
	double		 h;		/* height of the lines */
	const char	*shade;		/* "RRGGBB" or NULL */
};

struct pdf_row {
	const struct doc_node *node;
	struct pdf_cell	*cell;		/* ncols of them, or NULL: not laid
					 * out yet, or drawn and dropped */
	double		 h;		/* with padding */
	struct arena	 arena;		/* cell and its lines: a row is
					 * freed at once */
};

/* A table laid out for the width it has, ready to be cut into pages. */
struct pdf_table {
	struct pdf_row	*row;
	size_t		 nrow;
	unsigned	 ncols;
	double		*colx, *colw;	/* from the table's left edge */
	double		 x;		/* table's left from the box's left */
	double		 padx, pady;
	size_t		 nhead;		/* leading header rows */
	double		 size;		/* text size */
	unsigned	 depth;
};

/* A contents entry: where its page number goes, once layout knows it. */
struct pdf_tocent {
	const struct doc_node *heading;
	size_t		 page;		/* index of the page the entry ends on */
	double		 top, base;	/* its last line, from the page top */
	double		 end;		/* where its text ends, from the
					 * frame's left */
	double		 size;
	uint32_t	 toci;		/* its structure element */
};

/* Where a heading was placed: its page and its destination. */
struct pdf_placed {
	const struct doc_node *heading;
	size_t		 page;		/* 1-based */
	double		 top;		/* PDF y of its line box's top */
};

static void grid_flush(struct pdf_ctx *);
static int layout_block(struct pdf_ctx *, const struct doc_node *,
    const struct pdf_tstyle *, unsigned, struct pdf_lines *);
static int layout_blocks(struct pdf_ctx *, const struct doc_node *,
    const struct pdf_tstyle *, unsigned, struct pdf_lines *);

static double
heading_size(const struct pdf_ctx *c, unsigned level)
{
	return level <= 1 ? c->st->h1_pt : level == 2 ? c->st->h2_pt :
	    c->st->h3_pt;
}

static int
hex(char ch)
{
	return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ?
	    ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* A shade the tree may hold: "RRGGBB", or anything else for none. */
static int
is_hex6(const char *s)
{
	int i;

	for (i = 0; i < 6; i++)
		if (hex(s[i]) < 0)
			return 0;
	return s[6] == '\0';
}

/* "RRGGBB" as a colour. */
struct pdf_rgb
pdf_rgb_hex(const char *s)
{
	struct pdf_rgb rgb;

	rgb.r = (hex(s[0]) * 16 + hex(s[1])) / 255.0;
	rgb.g = (hex(s[2]) * 16 + hex(s[3])) / 255.0;
	rgb.b = (hex(s[4]) * 16 + hex(s[5])) / 255.0;
	return rgb;
}

/* ts for a heading of level: bold, in the style's size and colour. */
static void
heading_style(const struct pdf_ctx *c, unsigned level,
    const struct pdf_tstyle *ts, struct pdf_tstyle *hs)
{
	*hs = *ts;
	hs->size = heading_size(c, level);
	hs->font = PDF_BOLD;
	hs->rgb = pdf_rgb_hex(c->st->heading_rgb);
}

/* Space above block n set in text size size. */
static double
block_gap(const struct pdf_ctx *c, const struct doc_node *n, double size)
{
	if (n->type == DOC_HEADING)
		return GAP_HEAD * heading_size(c, n->level);
	if (n->type == DOC_LIST && n->parent != NULL &&
	    n->parent->type == DOC_ITEM)
		return GAP_ITEM * size;
	return c->st->para_space * size;
}

static unsigned
list_level(const struct doc_node *n)
{
	unsigned lv = 0;

	for (n = n->parent; n != NULL; n = n->parent)
		if (n->type == DOC_LIST)
			lv++;
	return lv;
}

static int
too_deep(struct pdf_ctx *c)
{
	diag(c->dg, DIAG_ERROR, NULL, "PDF: document nested more than %d "
	    "levels deep", PDF_MAXDEPTH);
	return -1;
}

/* Items with a hanging bullet or number; their blocks indented by the hang. */
static int
layout_list(struct pdf_ctx *c, const struct doc_node *list,
    const struct pdf_tstyle *ts, unsigned depth, struct pdf_lines *out)
{
	static const char *const bullets[] = { "\xe2\x80\xa2",
	    "\xe2\x97\xa6", "\xe2\x80\x93" };
	const struct doc_node *it;
	struct pdf_tstyle its;
	char label[32];
	double hang, lw, gap = 0.4 * ts->size;
	size_t nitems = 0, k = 0, mark;
	int ordered = (list->flags & DOC_ORDERED) != 0;

	for (it = list->first; it != NULL; it = it->next)
		nitems++;
	if (ordered)
		snprintf(label, sizeof(label), "%zu.", nitems);
	else
		snprintf(label, sizeof(label), "%s",
		    bullets[list_level(list) % 3]);
	lw = pdf_text_width(c, 0, ts->size, label);
	hang = 1.5 * ts->size;
	if (hang < lw + gap)
		hang = lw + gap;
	if (hang > ts->width / 3)
		hang = ts->width / 3;
	for (it = list->first; it != NULL; it = it->next, k++) {
		its = *ts;
		its.x = ts->x + hang;
		its.width = ts->width - hang;
		its.before = k == 0 ? ts->before : GAP_ITEM * ts->size;
		mark = out->n;
		if (it->type == DOC_ITEM) {
			if (layout_blocks(c, it->first, &its, depth + 1,
			    out) == -1)
				return -1;
		} else if (layout_block(c, it, &its, depth + 1, out) == -1)
			return -1;
		if (out->n == mark) {
			struct pdf_line *l = pdf_lines_add(out, its.size,
			    c->st->line_spacing);

			l->x = its.x;
			l->rgb = its.rgb;
			l->before = its.before;
			l->node = it;
		}
		if (ordered)
			snprintf(label, sizeof(label), "%zu.", k + 1);
		/* An item that starts with a list: its own label wins the
		 * line over the inner list's first. */
		free(out->v[mark].label);
		out->v[mark].label = xstrdup(label);
		lw = pdf_text_width(c, 0, ts->size, label);
		out->v[mark].labelx = ts->x + hang - gap - lw < ts->x ? ts->x :
		    ts->x + hang - gap - lw;
	}
	return 0;
}

/* One block as lines; ts->before goes above its first line. */
static int
layout_block(struct pdf_ctx *c, const struct doc_node *n,
    const struct pdf_tstyle *ts, unsigned depth, struct pdf_lines *out)
{
	const struct doc_node *r, *cell;
	struct pdf_tstyle hs;
	size_t mark = out->n, i;

	if (depth > PDF_MAXDEPTH)
		return too_deep(c);
	switch (n->type) {
	case DOC_PARA:
		pdf_break(c, n, ts, out);
		for (i = mark; (n->flags & DOC_KEEPNEXT) && i < out->n; i++)
			out->v[i].keepnext = 1;
		break;
	case DOC_HEADING:
		heading_style(c, n->level, ts, &hs);
		pdf_break(c, n, &hs, out);
		for (i = mark; i < out->n; i++)
			out->v[i].keepnext = 1;
		out->v[mark].heading = n;
		break;
	case DOC_LIST:
		return layout_list(c, n, ts, depth, out);
	case DOC_TABLE:
		/* Nested tables: their cells' blocks, one after another. */
		hs = *ts;
		for (r = n->first; r != NULL; r = r->next)
			for (cell = r->first; cell != NULL; cell = cell->next) {
				if (layout_blocks(c, cell->first, &hs,
				    depth + 1, out) == -1)
					return -1;
				hs.before = c->st->para_space * ts->size;
			}
		break;
	default:
		break;
	}
	return 0;
}

/* Blocks first and its siblings as lines. */
static int
layout_blocks(struct pdf_ctx *c, const struct doc_node *first,
    const struct pdf_tstyle *ts, unsigned depth, struct pdf_lines *out)
{
	const struct doc_node *n;
	struct pdf_tstyle bs = *ts;

	for (n = first; n != NULL; n = n->next) {
		if (n != first)
			bs.before = block_gap(c, n, ts->size);
		if (layout_block(c, n, &bs, depth, out) == -1)
			return -1;
	}
	return 0;
}

static double
lines_height(const struct pdf_lines *ls, size_t from, size_t to)
{
	double h = 0;
	size_t i;

	for (i = from; i < to; i++)
		h += (i == from ? 0 : ls->v[i].before) + ls->v[i].h;
	return h;
}

static int
new_page(struct pdf_ctx *c, int landscape)
{
	struct pdf_flow *f = &c->flow;
	double pw = landscape ? PDF_A4_LONG : PDF_A4_SHORT;
	double ph = landscape ? PDF_A4_SHORT : PDF_A4_LONG;

	grid_flush(c);
	pdf_page_new(c, pw, ph);
	f->pi = pdf_page_count(c) - 1;
	f->landscape = landscape;
	pdf_frame_for(c, pw, ph, &f->fr);
	f->y = f->fr.top;
	f->fresh = 1;
	return pdf_failed(c) ? -1 : 0;
}

/*
 * Draws the pending rules (struct pdf_grid): a line across the table at
 * its top and under each row, and a line down each column edge. The
 * outer lines reach half a rule's width past the table's edges, so the
 * corners are filled as a rectangle's joins fill them. Drawn so, a
 * row's rules are one line, not a rectangle a cell: a tenth of the
 * bytes and numbers.
 */
static void
grid_flush(struct pdf_ctx *c)
{
	struct pdf_grid *g = &c->flow.grid;
	const struct pdf_table *t = g->t;
	double ph = c->flow.fr.ph, hw = BORDER_W / 2, x1, x, y;
	struct buf *b;
	size_t i;
	unsigned k;

	if (t == NULL)
		return;
	g->t = NULL;	/* on the current page: new_page flushes first */
	x1 = g->x0 + t->colx[t->ncols - 1] + t->colw[t->ncols - 1];
	pdf_tag_artifact(c, g->pi);
	pdf_stroke_rgb(c, g->pi, &rule_rgb);
	pdf_line_width(c, g->pi, BORDER_W);
	b = pdf_out(c, g->pi);
	for (i = 0; i <= g->ny; i++) {
		y = ph - (i == 0 ? g->top : g->y[i - 1]);
		pdf_num(b, g->x0 - hw);
		buf_putc(b, ' ');
		pdf_num(b, y);
		buf_puts(b, " m ");
		pdf_num(b, x1 + hw);
		buf_putc(b, ' ');
		pdf_num(b, y);
		buf_puts(b, " l\n");
	}
	for (k = 0; k <= t->ncols; k++) {
		x = k < t->ncols ? g->x0 + t->colx[k] : x1;
		pdf_num(b, x);
		buf_putc(b, ' ');
		pdf_num(b, ph - g->top + hw);
		buf_puts(b, " m ");
		pdf_num(b, x);
		buf_putc(b, ' ');
		pdf_num(b, ph - g->y[g->ny - 1] - hw);
		buf_puts(b, " l\n");
	}
	pdf_ops(c, g->pi, "S\n");
	pdf_tag_end(c, g->pi);
}

/* Notes the rules of a row of t drawn on page pi from top to bottom
 * (from the page top), x0 its left edge: with the rows before, if it
 * continues them. */
static void
grid_add(struct pdf_ctx *c, size_t pi, const struct pdf_table *t,
    double x0, double top, double bottom)
{
	struct pdf_grid *g = &c->flow.grid;

	if (g->t != t || g->pi != pi || g->x0 != x0 ||
	    g->y[g->ny - 1] != top) {
		grid_flush(c);
		g->t = t;
		g->pi = pi;
		g->x0 = x0;
		g->top = top;
		g->ny = 0;
	}
	g->y = xgrow(g->y, &g->ycap, g->ny, sizeof(*g->y));
	g->y[g->ny++] = bottom;
}

/* A bookmark for heading n, whose line box starts at top. */
static void
bookmark(struct pdf_ctx *c, const struct doc_node *n, double top)
{
	struct pdf_flow *f = &c->flow;
	char *plain = doc_plain(n), *title = pdf_shown(c, plain);

	/* Open, at the heading, keeping the reader's zoom. */
	pdf_outline_add(c, n->level, title, f->pi, f->fr.ph - top);
	free(plain);
	free(title);
	f->placed = xgrow(f->placed, &f->placedcap, f->nplaced,
	    sizeof(*f->placed));
	f->placed[f->nplaced].heading = n;
	f->placed[f->nplaced].page = f->pi + 1;
	f->placed[f->nplaced++].top = f->fr.ph - top;
}

/*
 * Whether line i must go to a new page to keep its paragraph from
 * leaving one line alone: its first line at a page's foot (an orphan)
 * or its last line at a page's head (a widow). One-line paragraphs,
 * and places where moving would strand another line, are let be.
 */
/*
 * Where each line's paragraph starts and ends, and, for a line kept
 * with what follows, the height that must fit below it: its own, the
 * rest of its chain of kept lines and the first line after (or keep at
 * the end). Worked out once, back to front: every step of placing the
 * lines is then constant, however long a paragraph or chain (40,000
 * empty list items took 6 s when each line walked its paragraph).
 */
struct spans {
	size_t	*start, *end;
	double	*chain;
};

static void
spans_make(const struct pdf_lines *ls, double keep, struct spans *sp)
{
	const struct pdf_line *v = ls->v;
	size_t i, n = ls->n;

	sp->start = xcalloc(n ? n : 1, sizeof(*sp->start));
	sp->end = xcalloc(n ? n : 1, sizeof(*sp->end));
	sp->chain = xcalloc(n ? n : 1, sizeof(*sp->chain));
	for (i = 0; i < n; i++)
		sp->start[i] = i == 0 || v[i].parafirst ? i : sp->start[i - 1];
	for (i = n; i-- > 0;) {
		sp->end[i] = i + 1 >= n || v[i + 1].parafirst ? i + 1 :
		    sp->end[i + 1];
		/* A line kept with what follows needs the next line, and
		 * the one after that if it is of the same paragraph: a
		 * heading never stands above a lone line. */
		sp->chain[i] = v[i].before + v[i].h + (i + 1 >= n ? keep :
		    v[i + 1].keepnext ? sp->chain[i + 1] : v[i + 1].before +
		    v[i + 1].h + (i + 2 < n && !v[i + 2].parafirst ?
		    v[i + 2].h : 0));
	}
}

static void
spans_free(struct spans *sp)
{
	free(sp->start);
	free(sp->end);
	free(sp->chain);
}

/* Whether line i, placed now, would leave one line of its paragraph
 * alone at the foot or head of a page that the rest of it would not
 * share. */
static int
lonely(const struct pdf_ctx *c, const struct pdf_lines *ls,
    const struct spans *sp, size_t i, double before)
{
	const struct pdf_flow *f = &c->flow;
	const struct pdf_line *v = ls->v;
	size_t s = sp->start[i], e = sp->end[i];
	double y = f->y + before + v[i].h;

	if (f->fresh || i + 1 >= ls->n || v[i + 1].parafirst)
		return 0;
	if (y > f->fr.bottom + EPS)
		return 0;		/* does not fit anyway */
	if (y + v[i + 1].h > f->fr.bottom + EPS)
		/* An orphan, or a widow with two lines to stay behind. */
		return i == s || (i + 2 == e && i - s >= 2);
	/* Three lines, two of which fit: all three go, or a widow stays. */
	return i == s && e - s == 3 &&
	    y + v[i + 1].h + v[i + 2].h > f->fr.bottom + EPS;
}

/*
 * Places lines on pages from the current position, breaking pages
 * between lines. A heading's lines stay with the line after them, or
 * with keep points of what follows the block; no paragraph leaves a
 * single line at the foot or head of a page when it can be helped.
 */
static int
place_lines(struct pdf_ctx *c, const struct pdf_lines *ls, double keep)
{
	struct pdf_flow *f = &c->flow;
	const struct pdf_line *l;
	struct spans sp;
	double before, need, top;
	size_t i;
	int rc = -1;

	spans_make(ls, keep, &sp);
	for (i = 0; i < ls->n; i++) {
		l = &ls->v[i];
		before = f->fresh ? 0 : l->before;
		if (l->keepnext && !f->fresh) {
			need = sp.chain[i] - l->before + before;
			if (f->y + need > f->fr.bottom + EPS) {
				if (new_page(c, f->landscape) == -1)
					goto out;
				before = 0;
			}
		} else if (!l->keepnext && lonely(c, ls, &sp, i, before)) {
			if (new_page(c, f->landscape) == -1)
				goto out;
			before = 0;
		}
		if (!f->fresh && f->y + before + l->h > f->fr.bottom + EPS) {
			if (new_page(c, f->landscape) == -1)
				goto out;
			before = 0;
		}
		top = f->y + before;
		if (pdf_draw_line(c, f->pi, f->fr.ph, l, f->fr.left, top) == -1)
			goto out;
		if (l->heading != NULL)
			bookmark(c, l->heading, top);
		f->y = top + l->h;
		f->fresh = 0;
	}
	rc = pdf_failed(c) ? -1 : 0;
out:
	spans_free(&sp);
	return rc;
}

static void
table_free(struct pdf_table *t)
{
	size_t i;
	unsigned k;

	for (i = 0; i < t->nrow; i++) {
		if (t->row[i].cell == NULL)
			continue;
		for (k = 0; k < t->ncols; k++)
			pdf_lines_free(&t->row[i].cell[k].lines);
		arena_free(&t->row[i].arena);
	}
	free(t->row);
	free(t->colx);
	free(t->colw);
	memset(t, 0, sizeof(*t));
}

/* Widens min and max to what the blocks from first need: the widest
 * unbreakable stretch, and the widest line set without breaks. */
static void
measure_blocks(struct pdf_ctx *c, const struct doc_node *first,
    const struct pdf_tstyle *ts, unsigned depth, double *minw, double *maxw)
{
	const struct doc_node *n, *r;
	struct pdf_tstyle hs;
	double mn, mx, hang = 1.5 * ts->size;

	if (depth > PDF_MAXDEPTH)
		return;
	for (n = first; n != NULL; n = n->next) {
		switch (n->type) {
		case DOC_PARA:
			pdf_measure(c, n, ts, minw, maxw);
			break;
		case DOC_HEADING:
			heading_style(c, n->level, ts, &hs);
			pdf_measure(c, n, &hs, minw, maxw);
			break;
		case DOC_LIST:
			mn = mx = 0;
			for (r = n->first; r != NULL; r = r->next)
				measure_blocks(c, r->first, ts, depth + 1,
				    &mn, &mx);
			if (mn + hang > *minw)
				*minw = mn + hang;
			if (mx + hang > *maxw)
				*maxw = mx + hang;
			break;
		case DOC_TABLE:
			for (r = n->first; r != NULL; r = r->next)
				measure_blocks(c, r->first, ts, depth + 1,
				    minw, maxw);
			break;
		case DOC_ROW:
		case DOC_CELL:
			measure_blocks(c, n->first, ts, depth + 1, minw, maxw);
			break;
		default:
			break;
		}
	}
}

/* Whether the tree left the column widths to us: all weights equal. */
static int
equal_weights(const struct doc_node *n)
{
	unsigned k;

	for (k = 1; k < n->ncols; k++)
		if (n->colw[k] != n->colw[0])
			return 0;
	return 1;
}

/*
 * Column widths from content, filling width: every column gets at least
 * its widest word where that can be, and what is left goes to columns
 * in proportion to how much more their longest line would take (as
 * HTML's automatic table layout does).
 */
static void
auto_widths(struct pdf_ctx *c, const struct doc_node *n, double size,
    double width, struct pdf_table *t)
{
	struct pdf_tstyle ts;
	const struct doc_node *r, *cn;
	double *mn, *mx, smin = 0, smax = 0, pad = 2 * t->padx, f;
	unsigned k;

	memset(&ts, 0, sizeof(ts));
	ts.size = size;
	mn = xcalloc(t->ncols, sizeof(*mn));
	mx = xcalloc(t->ncols, sizeof(*mx));
	for (r = n->first; r != NULL; r = r->next) {
		if (r->type != DOC_ROW)
			continue;
		for (k = 0, cn = r->first; cn != NULL && k < t->ncols;
		    cn = cn->next)
			if (cn->type == DOC_CELL) {
				measure_blocks(c, cn->first, &ts, 1, &mn[k],
				    &mx[k]);
				k++;
			}
	}
	for (k = 0; k < t->ncols; k++) {
		mn[k] += pad + 1;	/* a point of slack for rounding */
		mx[k] += pad + 1;
		smin += mn[k];
		smax += mx[k];
	}
	for (k = 0; k < t->ncols; k++) {
		if (smax <= width)		/* all fits: widen by need */
			t->colw[k] = mx[k] + (width - smax) * mx[k] / smax;
		else if (smin >= width)		/* words are too long anyway */
			t->colw[k] = width * mn[k] / smin;
		else {
			f = (width - smin) / (smax - smin);
			t->colw[k] = mn[k] + f * (mx[k] - mn[k]);
		}
	}
	free(mn);
	free(mx);
}

/* Lays out every cell of row i of t; the row gets its height. */
static int
row_layout(struct pdf_ctx *c, struct pdf_table *t, size_t i)
{
	struct pdf_row *row = &t->row[i];
	const struct doc_node *cn;
	struct pdf_tstyle ts;
	unsigned k;

	if (row->cell != NULL)
		return 0;
	row->cell = arena_alloc(&row->arena, t->ncols * sizeof(*row->cell));
	row->h = t->size * c->st->line_spacing;
	for (k = 0, cn = row->node->first; k < t->ncols; k++) {
		while (cn != NULL && cn->type != DOC_CELL)
			cn = cn->next;
		if (cn == NULL)
			break;
		memset(&ts, 0, sizeof(ts));
		ts.size = t->size;
		ts.rgb = black;
		ts.width = t->colw[k] - 2 * t->padx;
		row->cell[k].node = cn;
		row->cell[k].lines.arena = &row->arena;
		if (is_hex6(cn->shade))
			row->cell[k].shade = cn->shade;
		if (layout_blocks(c, cn->first, &ts, t->depth + 1,
		    &row->cell[k].lines) == -1)
			return -1;
		row->cell[k].h = lines_height(&row->cell[k].lines, 0,
		    row->cell[k].lines.n);
		if (row->cell[k].h > row->h)
			row->h = row->cell[k].h;
		cn = cn->next;
	}
	row->h += 2 * t->pady;
	return 0;
}

/* Frees the lines of row i, drawn: a long table is laid out, drawn and
 * dropped a row at a time, so its lines never all exist at once. */
static void
row_drop(struct pdf_table *t, size_t i)
{
	unsigned k;

	if (i < t->nhead || t->row[i].cell == NULL)
		return;		/* header rows are drawn again */
	for (k = 0; k < t->ncols; k++)
		pdf_lines_free(&t->row[i].cell[k].lines);
	t->row[i].cell = NULL;
	arena_free(&t->row[i].arena);
}

/*
 * Sets table n up at width: column widths, its rows, and the layout of
 * its header rows and first body row (what keeping it with a heading
 * and starting it on a page need); the other rows are laid out as they
 * are placed.
 */
static int
table_layout(struct pdf_ctx *c, const struct doc_node *n, double width,
    unsigned depth, struct pdf_table *t)
{
	const struct doc_node *r;
	double sum = 0;
	size_t nrow = 0, i;
	unsigned k;
	int head = 1;

	memset(t, 0, sizeof(*t));
	if (depth > PDF_MAXDEPTH)
		return too_deep(c);
	if (n->ncols == 0)
		return 0;
	t->ncols = n->ncols;
	t->depth = depth;
	t->size = n->flags & DOC_SMALL ? c->st->table_pt : c->st->body_pt;
	t->padx = 0.4 * t->size;
	t->pady = 0.3 * t->size;
	t->colx = xcalloc(t->ncols, sizeof(*t->colx));
	t->colw = xcalloc(t->ncols, sizeof(*t->colw));
	for (k = 0; k < t->ncols; k++)
		sum += n->colw[k];
	for (k = 0; k < t->ncols; k++)
		t->colw[k] = sum > 0 ? width * n->colw[k] / sum :
		    width / t->ncols;
	if (equal_weights(n))
		auto_widths(c, n, t->size, width, t);
	for (k = 0; k < t->ncols; k++)
		t->colx[k] = k == 0 ? 0 : t->colx[k - 1] + t->colw[k - 1];
	for (r = n->first; r != NULL; r = r->next)
		if (r->type == DOC_ROW)
			nrow++;
	t->row = xcalloc(nrow, sizeof(*t->row));
	for (r = n->first; r != NULL; r = r->next) {
		if (r->type != DOC_ROW)
			continue;
		t->row[t->nrow++].node = r;
		if (head && (r->flags & DOC_HEADER))
			t->nhead++;
		else
			head = 0;
	}
	for (i = 0; i < t->nrow && i <= t->nhead; i++)
		if (row_layout(c, t, i) == -1)
			return -1;
	return 0;
}

/* Sets the fill to "RRGGBB" s; nothing for no shading (NULL). */
static void
fill_hex(struct pdf_ctx *c, size_t pi, const char *s)
{
	struct pdf_rgb rgb;

	if (s == NULL)
		return;
	rgb = pdf_rgb_hex(s);
	pdf_fill_rgb(c, pi, &rgb);
}

/* Whether every cell of row is shaded, and in one colour. */
static int
same_shade(const struct pdf_table *t, const struct pdf_row *row)
{
	unsigned k;

	if (t->ncols == 0 || row->cell[0].shade == NULL)
		return 0;
	for (k = 1; k < t->ncols; k++)
		if (row->cell[k].shade == NULL ||
		    strcmp(row->cell[k].shade, row->cell[0].shade) != 0)
			return 0;
	return 1;
}

/* Fills the shaded cells of row, y its bottom and h its height. */
static void
shade(struct pdf_ctx *c, size_t pi, const struct pdf_table *t,
    const struct pdf_row *row, double x0, double y, double h)
{
	unsigned k;

	if (same_shade(t, row)) {
		/* A row of one colour (a chronology's, by agency) is one
		 * rectangle: a tenth of the bytes. */
		fill_hex(c, pi, row->cell[0].shade);
		pdf_rect(c, pi, x0 + t->colx[0], y, t->colx[t->ncols - 1] +
		    t->colw[t->ncols - 1] - t->colx[0], h);
		pdf_ops(c, pi, "f\n");
		return;
	}
	for (k = 0; k < t->ncols; k++) {
		if (row->cell[k].shade == NULL)
			continue;
		fill_hex(c, pi, row->cell[k].shade);
		pdf_rect(c, pi, x0 + t->colx[k], y, t->colw[k], h);
		pdf_ops(c, pi, "f\n");
	}
}

/*
 * Draws lines from[k]..to[k] of each cell of row at the current
 * position, segh high: shading first, then the text; the rules are
 * noted, and drawn with the rows around them (grid_flush).
 */
static int
draw_segment(struct pdf_ctx *c, const struct pdf_table *t,
    const struct pdf_row *row, const size_t *from, const size_t *to,
    double segh)
{
	struct pdf_flow *f = &c->flow;
	double x0 = f->fr.left + t->x, ph = f->fr.ph, top = f->y, ly;
	size_t i, pi = f->pi;
	unsigned k;

	/* Shading and rules are decoration; the rules wait (grid_add). */
	for (k = 0; k < t->ncols && row->cell[k].shade == NULL; k++)
		continue;
	if (k < t->ncols) {
		pdf_tag_artifact(c, pi);
		shade(c, pi, t, row, x0, ph - top - segh, segh);
		pdf_tag_end(c, pi);
	}
	grid_add(c, pi, t, x0, top, top + segh);
	for (k = 0; k < t->ncols; k++) {
		const struct pdf_lines *ls = &row->cell[k].lines;

		pdf_tag_touch(c, row->cell[k].node);
		ly = top + t->pady;
		for (i = from[k]; i < to[k]; i++) {
			if (i != from[k])
				ly += ls->v[i].before;
			if (pdf_draw_line(c, pi, ph, &ls->v[i],
			    x0 + t->colx[k] + t->padx, ly) == -1)
				return -1;
			ly += ls->v[i].h;
		}
	}
	f->y = top + segh;
	f->fresh = 0;
	return pdf_failed(c) ? -1 : 0;
}

/* Draws a whole row at the current position. */
static int
draw_row(struct pdf_ctx *c, const struct pdf_table *t,
    const struct pdf_row *row)
{
	size_t *from = xcalloc(t->ncols, sizeof(*from));
	size_t *to = xcalloc(t->ncols, sizeof(*to));
	unsigned k;
	int rc = -1;

	for (k = 0; k < t->ncols; k++)
		to[k] = row->cell[k].lines.n;
	if (draw_segment(c, t, row, from, to, row->h) == -1)
		goto out;
	rc = 0;
out:
	free(from);
	free(to);
	return rc;
}

/* A new page for a table continuing onto it, with its header rows. */
static int
table_page(struct pdf_ctx *c, const struct pdf_table *t, size_t nrep)
{
	size_t i;
	int rc = 0;

	if (new_page(c, c->flow.landscape) == -1)
		return -1;
	/* The header rows again: read once, at the table's start. */
	pdf_tag_as(c, PDF_ARTIFACT);
	for (i = 0; i < nrep && rc == 0; i++)
		rc = draw_row(c, t, &t->row[i]);
	pdf_tag_as(c, PDF_NONE);
	return rc;
}

/*
 * A row taller than a page, line by line: each cell gets the lines
 * that fit in what is left of the page, the rest go on the next ones.
 */
static int
split_row(struct pdf_ctx *c, const struct pdf_table *t,
    const struct pdf_row *row, size_t nrep)
{
	size_t *from = xcalloc(t->ncols, sizeof(*from));
	size_t *to = xcalloc(t->ncols, sizeof(*to));
	double avail, used, most, add;
	unsigned k;
	int rc = -1, left, force = 0, any;

	for (;;) {
		avail = c->flow.fr.bottom - c->flow.y - 2 * t->pady;
		most = 0;
		any = 0;
		for (k = 0; k < t->ncols; k++) {
			const struct pdf_lines *ls = &row->cell[k].lines;

			used = 0;
			for (to[k] = from[k]; to[k] < ls->n; to[k]++) {
				add = (to[k] == from[k] ? 0 :
				    ls->v[to[k]].before) + ls->v[to[k]].h;
				if (used + add > avail + EPS &&
				    !(force && to[k] == from[k]))
					break;
				used += add;
			}
			if (to[k] > from[k])
				any = 1;
			if (used > most)
				most = used;
		}
		if (!any) {
			/* Not even one line fits: a fresh page, where the
			 * first line of each cell goes whatever its size. */
			if (table_page(c, t, nrep) == -1)
				goto out;
			force = 1;
			continue;
		}
		force = 0;
		if (draw_segment(c, t, row, from, to, most + 2 * t->pady) == -1)
			goto out;
		left = 0;
		for (k = 0; k < t->ncols; k++) {
			from[k] = to[k];
			if (from[k] < row->cell[k].lines.n)
				left = 1;
		}
		if (!left)
			break;
		if (table_page(c, t, nrep) == -1)
			goto out;
	}
	rc = 0;
out:
	free(from);
	free(to);
	return rc;
}

/* Places a laid-out row: on this page if it fits, else on the next
 * (bodyh high, under rep repeated header rows of height reph), else
 * split. */
static int
row_place(struct pdf_ctx *c, const struct pdf_table *t,
    const struct pdf_row *row, size_t rep, double reph, double bodyh)
{
	struct pdf_flow *f = &c->flow;

	if (f->fresh || f->y + row->h <= f->fr.bottom + EPS) {
		if (row->h <= f->fr.bottom - f->y + EPS)
			return draw_row(c, t, row);
	} else if (row->h <= bodyh - (rep ? reph : 0) + EPS)
		return table_page(c, t, rep) == -1 ? -1 :
		    draw_row(c, t, row);
	return split_row(c, t, row, rep);
}

/*
 * Places a laid-out table: rows that do not fit in what is left of the
 * page go to the next one, under repeated header rows; rows taller than
 * a page are split.
 */
static int
table_place(struct pdf_ctx *c, struct pdf_table *t, double gap)
{
	struct pdf_flow *f = &c->flow;
	double bodyh = f->fr.bottom - f->fr.top, headh = 0, first;
	size_t i, nrep;
	int rc = -1;

	for (i = 0; i < t->nhead; i++)
		headh += t->row[i].h;
	/* Header rows taking a third of the page are not repeated. */
	nrep = headh <= bodyh / 3 ? t->nhead : 0;
	first = t->nhead < t->nrow ? t->row[t->nhead].h : 0;
	if (first > bodyh / 2)
		first = bodyh / 2;
	if (!f->fresh) {
		if (f->y + gap + headh + first > f->fr.bottom + EPS) {
			if (new_page(c, f->landscape) == -1)
				return -1;
		} else
			f->y += gap;
	}
	for (i = 0; i < t->nrow; i++) {
		if (row_layout(c, t, i) == -1 ||
		    row_place(c, t, &t->row[i], i < t->nhead ? 0 : nrep,
		    i < t->nhead ? 0 : headh, bodyh) == -1)
			goto out;
		row_drop(t, i);
	}
	rc = 0;
out:
	grid_flush(c);
	return rc == 0 && !pdf_failed(c) ? 0 : -1;
}

static void
body_style(const struct pdf_ctx *c, struct pdf_tstyle *ts)
{
	memset(ts, 0, sizeof(*ts));
	ts->size = c->st->body_pt;
	ts->rgb = black;
	ts->width = c->flow.fr.right - c->flow.fr.left;
}

/*
 * How much of block n must fit below a heading (or a label) for it to
 * stay on the page: the lines of its first paragraph that place_lines
 * would not move on as a whole (two; all of one of three or fewer), or
 * a table's header and first row.
 */
static double
keep_height(struct pdf_ctx *c, const struct doc_node *n)
{
	struct pdf_lines ls = { NULL, 0, 0, NULL };
	struct pdf_tstyle ts;
	struct pdf_table t;
	double h = 0, bodyh = c->flow.fr.bottom - c->flow.fr.top;
	size_t i, j;

	/* Headings in a row go together, with what follows the last. */
	for (; n != NULL && h < bodyh / 2; n = n->next) {
		body_style(c, &ts);
		ts.before = block_gap(c, n, ts.size);
		if (n->type == DOC_TABLE) {
			if (table_layout(c, n, ts.width, 0, &t) == 0) {
				for (i = 0; i < t.nrow && i <= t.nhead; i++)
					h += t.row[i].h;
				h += ts.before;
			}
			table_free(&t);
			break;
		}
		if (n->type != DOC_PARA && n->type != DOC_LIST &&
		    n->type != DOC_HEADING)
			break;
		if (layout_block(c, n, &ts, 0, &ls) == 0 && ls.n > 0) {
			h += ls.v[0].before;
			for (i = 0; i < ls.n && (i == 0 || !ls.v[i].parafirst);
			    i++)
				;	/* the first paragraph's lines: 0..i */
			for (j = 0; j < (n->type == DOC_HEADING || i <= 3 ?
			    i : 2); j++)
				h += ls.v[j].h;
		}
		pdf_lines_free(&ls);
		if (n->type != DOC_HEADING && !(n->type == DOC_PARA &&
		    (n->flags & DOC_KEEPNEXT)))
			break;
	}
	return h < bodyh / 2 ? h : bodyh / 2;
}

#define TOC_NUMW	36.0	/* room for a page number, points */
#define TOC_INDENT	12.0	/* per heading level, points */

/* Places one paragraph-like node's lines; returns its last line, whose
 * copy goes to *last. */
static int
place_node(struct pdf_ctx *c, const struct doc_node *n,
    const struct pdf_tstyle *ts, struct pdf_line *last)
{
	struct pdf_lines ls = { NULL, 0, 0, NULL };
	int rc = -1;

	pdf_break(c, n, ts, &ls);
	if (ls.n == 0 || place_lines(c, &ls, 0) == -1)
		goto out;
	*last = ls.v[ls.n - 1];
	rc = 0;
out:
	pdf_lines_free(&ls);
	return rc;
}

static int
toc_entries(struct pdf_ctx *c, const struct doc_node *n,
    const struct doc_node *toc, const struct pdf_tstyle *ts)
{
	struct pdf_flow *f = &c->flow;
	const struct doc_node *h;
	struct pdf_tstyle es;
	struct pdf_line last;
	struct pdf_tocent *e;
	uint32_t toci;

	for (h = n->first; h != NULL; h = h->next) {
		if (h->type == DOC_SECTION) {
			if (toc_entries(c, h, toc, ts) == -1)
				return -1;
			continue;
		}
		/* The document's own title is not one of its entries. */
		if (h->type != DOC_HEADING || h->first == NULL ||
		    h->level > toc->level || (h->flags & DOC_TITLE))
			continue;
		es = *ts;
		es.x = TOC_INDENT * (h->level > 2 ? h->level - 2 : 0);
		es.width = ts->width - es.x - TOC_NUMW;
		es.before = 0.2 * ts->size;
		toci = pdf_tag_new(c, toc, PDF_ROLE_TOCI);
		pdf_tag_as(c, toci);
		if (place_node(c, h, &es, &last) == -1)
			return -1;
		pdf_tag_as(c, PDF_NONE);
		f->toc = xgrow(f->toc, &f->toccap, f->ntoc, sizeof(*f->toc));
		e = &f->toc[f->ntoc++];
		e->toci = toci;
		e->heading = h;
		e->page = f->pi;
		e->top = f->y - last.h;
		e->base = e->top + pdf_baseline(c, last.h, last.size);
		e->end = last.x + last.w;
		e->size = last.size;
	}
	return 0;
}

/* The contents: a title outside the bookmarks, then an entry per
 * heading; page numbers are drawn by toc_finish after layout. */
static int
place_toc(struct pdf_ctx *c, const struct doc_node *n,
    const struct pdf_tstyle *ts)
{
	struct doc *tmp = doc_new();
	struct doc_node *title = doc_para(tmp->root);
	struct pdf_tstyle hs;
	struct pdf_line last;
	int rc;

	doc_text(title, n->text, 0);
	heading_style(c, 1, ts, &hs);
	/* The title is a paragraph of the contents' section, before them:
	 * it is not a heading, as it is not in the contents itself. */
	pdf_tag_as(c, pdf_tag_new(c, n->parent, PDF_ROLE_P));
	rc = place_node(c, title, &hs, &last);
	pdf_tag_as(c, PDF_NONE);
	doc_free(tmp);
	if (rc == -1)
		return -1;
	return toc_entries(c, c->d->root, n, ts);
}

/* The room before a page number: a space's width. */
static double
dotgap(struct pdf_ctx *c, double size)
{
	return pdf_text_width(c, 0, size, " ");
}

/* Dots from a contents entry's end up to x, where the room for page
 * numbers starts, so that every entry's dots line up: decoration (an
 * artifact), not text. */
static int
leaders(struct pdf_ctx *c, const struct pdf_tocent *e,
    const struct pdf_frame *fr, double ph, double x)
{
	static const char dot[] = " .";
	char dots[256];
	double dw = pdf_text_width(c, 0, e->size, dot), from;
	size_t n = 0;

	if (dw <= 0)
		return 0;
	from = fr->left + e->end + dw;
	while (x - dw * (double)(n + 1) >= from && n + 2 < sizeof(dots) / 2)
		n++;
	if (n < 2)
		return 0;
	for (size_t i = 0; i < n; i++)
		memcpy(dots + 2 * i, dot, 2);
	dots[2 * n] = '\0';
	pdf_tag_artifact(c, e->page);
	if (pdf_show(c, e->page, 0, e->size, &black, x - dw * (double)n,
	    ph - e->base, dots) == -1)
		return -1;
	pdf_tag_end(c, e->page);
	return 0;
}

/* After layout: the contents' page numbers and links. */
static int
toc_finish(struct pdf_ctx *c)
{
	struct pdf_flow *f = &c->flow;
	const struct pdf_tocent *e;
	const struct pdf_placed *h;
	struct pdf_frame fr;
	double r[4];
	char num[24];
	double pw, ph, w;
	size_t i, j;

	for (i = 0; i < f->ntoc; i++) {
		e = &f->toc[i];
		for (j = 0, h = NULL; j < f->nplaced && h == NULL; j++)
			if (f->placed[j].heading == e->heading)
				h = &f->placed[j];
		if (h == NULL)	/* a heading with no text is not placed */
			continue;
		pdf_page_size(c, e->page, &pw, &ph);
		pdf_frame_for(c, pw, ph, &fr);
		/* The number after a space: read after the entry's
		 * words, it is a word of its own. */
		snprintf(num, sizeof(num), " %zu", h->page);
		w = pdf_text_width(c, 0, e->size, num);
		if (leaders(c, e, &fr, ph, fr.right - TOC_NUMW + dotgap(c,
		    e->size)) == -1)
			return -1;
		pdf_tag_as(c, e->toci);
		pdf_tag_begin(c, e->page, NULL);
		pdf_tag_as(c, PDF_NONE);
		if (pdf_show(c, e->page, 0, e->size, &black, fr.right - w,
		    ph - e->base, num) == -1)
			return -1;
		pdf_tag_end(c, e->page);
		r[0] = fr.left;
		r[1] = ph - e->top - e->size * c->st->line_spacing;
		r[2] = fr.right;
		r[3] = ph - e->top;
		pdf_annot_goto(c, e->page, r, h->page - 1, h->top, e->toci);
	}
	return pdf_failed(c) ? -1 : 0;
}

/* A PNG at its width (at most the text width), moved whole to the next
 * page when it does not fit. Its alternative text has nowhere to go
 * until the PDF is tagged (issue 4). */
static int
place_image(struct pdf_ctx *c, const struct doc_node *n, double before)
{
	struct pdf_flow *f = &c->flow;
	unsigned iw, ih;
	int img;
	double w, h, bodyw = f->fr.right - f->fr.left;
	double bodyh = f->fr.bottom - f->fr.top;

	if ((img = pdf_image_load(c, n->text, &iw, &ih)) == -1)
		return -1;
	w = n->width_mm * 72.0 / 25.4;
	if (w > bodyw)
		w = bodyw;
	h = w * ih / iw;
	if (h > bodyh) {
		w *= bodyh / h;
		h = bodyh;
	}
	if (f->fresh)
		before = 0;
	else if (f->y + before + h > f->fr.bottom + EPS) {
		if (new_page(c, f->landscape) == -1)
			return -1;
		before = 0;
	}
	f->y += before;
	pdf_tag_begin(c, f->pi, n);
	pdf_image_draw(c, f->pi, img, f->fr.left, f->fr.ph - f->y - h, w, h);
	pdf_tag_end(c, f->pi);
	f->y += h;
	f->fresh = 0;
	return pdf_failed(c) ? -1 : 0;
}

static int
place_block(struct pdf_ctx *c, const struct doc_node *n)
{
	struct pdf_lines ls = { NULL, 0, 0, NULL };
	struct pdf_tstyle ts;
	struct pdf_table t;
	double keep;
	int rc = -1;

	memset(&t, 0, sizeof(t));
	body_style(c, &ts);
	ts.before = block_gap(c, n, ts.size);
	switch (n->type) {
	case DOC_PAGEBREAK:
		if (!c->flow.fresh && new_page(c, c->flow.landscape) == -1)
			goto out;
		break;
	case DOC_TABLE:
		if (table_layout(c, n, ts.width, 0, &t) == -1 ||
		    table_place(c, &t, ts.before) == -1)
			goto out;
		break;
	case DOC_IMAGE:
		if (place_image(c, n, ts.before) == -1)
			goto out;
		break;
	case DOC_TOC:
		ts.before = block_gap(c, n, ts.size);
		if (place_toc(c, n, &ts) == -1)
			goto out;
		break;
	default:
		keep = n->type == DOC_HEADING || (n->type == DOC_PARA &&
		    (n->flags & DOC_KEEPNEXT)) ? keep_height(c, n->next) : 0;
		if (layout_block(c, n, &ts, 0, &ls) == -1 ||
		    place_lines(c, &ls, keep) == -1)
			goto out;
		break;
	}
	rc = pdf_failed(c) ? -1 : 0;
out:
	pdf_lines_free(&ls);
	table_free(&t);
	return rc;
}

/* Lays out the whole document: each section starts a new page. The
 * flow's memory lasts as long. */
int
pdf_layout(struct pdf_ctx *c)
{
	struct pdf_flow *f = &c->flow;
	const struct doc_node *n, *b;
	int rc = -1;

	for (n = c->d->root->first; n != NULL; n = n->next) {
		if (n->type == DOC_SECTION) {
			if (new_page(c, (n->flags & DOC_LANDSCAPE) != 0) == -1)
				goto out;
			if (n->flags & DOC_TITLEPAGE)
				f->y += (f->fr.bottom - f->fr.top) *
				    DOC_TITLEDROP;
			for (b = n->first; b != NULL; b = b->next)
				if (place_block(c, b) == -1)
					goto out;
		} else {
			if (pdf_page_count(c) == 0 && new_page(c, 0) == -1)
				goto out;
			if (place_block(c, n) == -1)
				goto out;
		}
	}
	if (pdf_page_count(c) == 0 && new_page(c, 0) == -1)
		goto out;
	rc = toc_finish(c);
out:
	free(f->grid.y);
	free(f->toc);
	free(f->placed);
	return rc;
}
