/* PDF text: per-character measuring, breaking a paragraph's inlines into lines, and drawing lines and links. */
#include "pdf_int.h"
#include "../../util/alloc.h"
#include "../../util/buf.h"
#include "../../util/utf8.h"

#include <linebreak.h>
#include <stdlib.h>
#include <string.h>

#define EPS	1e-6		/* slack when comparing widths */

static const struct pdf_rgb link_rgb = { 0x1d / 255.0, 0x70 / 255.0,
    0xb8 / 255.0 };

/* One character as the line breaker sees it. */
struct pdf_ch {
	uint32_t	 cp;
	unsigned	 font;
	const char	*url;
	double		 w;
};

/* The state of breaking one paragraph, its characters in m->ch. */
struct brk {
	struct pdf_ctx		*c;
	struct pdf_breaker	*m;	/* &c->brk */
	const struct pdf_tstyle	*ts;
	struct pdf_lines	*out;
	/* The line being filled: ch[ls..le), less the spaces put()
	 * collapsed; ln characters put, lw their width. */
	size_t			 ls, le, ln;
	double			 lw;
	int			 lastsp;	/* the last one put is a space */
	int			 hard;		/* a line break of the tree ends
						 * the line */
	/* Where the paragraph is not ASCII in one font and link (m->spec):
	 * the index of each character beyond ASCII, and of each that
	 * starts another font or link; in order, and sc the first of them
	 * not before the line. */
	size_t			 sc;
	unsigned		 font;		/* of the last text fed */
	const char		*url;
	size_t			 first;	/* index of the paragraph's first line */
	const struct doc_node	*node;	/* the paragraph */
};

#define NO_LINE	((size_t)-1)	/* ls of a line nothing is put on yet */

/* Stands for a line break of the tree in the paragraph's text: UAX #14
 * makes a break after it mandatory; it is never drawn. */
#define HARD_BREAK	0x2028u
#define SOFT_HYPHEN	0x00ADu

/* Characters that draw nothing: a soft hyphen (unless a line breaks at
 * it, when it is a hyphen), the zero-width space, joiners, word joiner
 * and byte order mark. The line breaker still sees them. */
static int
invisible(uint32_t cp)
{
	return cp == SOFT_HYPHEN || (cp >= 0x200B && cp <= 0x200D) ||
	    cp == 0x2060 || cp == 0xFEFF;
}

/*
 * What is drawn for cp: tabs are spaces, and characters beyond the BMP
 * become U+FFFD (the fonts' character maps are read for the BMP).
 */
static uint32_t
show_cp(struct pdf_ctx *c, unsigned font, uint32_t cp)
{
	const struct pdf_font *f = &c->fonts.f[font];
	uint32_t alt;

	if (cp == '\t')
		return ' ';
	if (cp == ' ' || (cp <= 0xFFFF && f->t.cmap[cp] != 0))
		return cp;
	/* A variant the fonts lack of a character they have (a
	 * mathematical bold letter, a full-width digit): the plain one,
	 * read and drawn. */
	if ((alt = utf8_compat(cp)) != 0 && alt <= 0xFFFF &&
	    f->t.cmap[alt] != 0)
		return alt;
	/* Look-alikes the fonts lack: the hyphen is what they mean. */
	if (cp == 0x2011 || cp == 0x2010)
		return '-';
	if (cp > 0xFFFF) {
		if (c->brk.replaced == 0)
			c->brk.replaced = cp;
		return 0xFFFD;
	}
	if (c->brk.missing == 0)
		c->brk.missing = cp;
	return cp;
}

unsigned
pdf_glyph(const struct pdf_ctx *c, unsigned font, uint32_t cp)
{
	return c->fonts.f[font].t.cmap[cp > 0xFFFF ? 0xFFFD : cp];
}

double
pdf_char_width(struct pdf_ctx *c, unsigned font, double size, uint32_t cp)
{
	const struct pdf_font *f = &c->fonts.f[font];

	/* ASCII from the font's table: the same advance, looked up once. */
	return (double)(cp < 128 ? f->adv[cp] : ttf_advance(&f->t,
	    pdf_glyph(c, font, cp))) * size / 1000.0;
}

double
pdf_text_width(struct pdf_ctx *c, unsigned font, double size, const char *s)
{
	const char *end = s + strlen(s);
	double w = 0;

	while (s < end)
		w += pdf_char_width(c, font, size,
		    show_cp(c, font, utf8_next(&s, end)));
	return w;
}

/* s, or as much of it as fits in maxw followed by an ellipsis. */
char *
pdf_text_fit(struct pdf_ctx *c, unsigned font, double size, const char *s,
    double maxw)
{
	struct buf b = BUF_INIT;
	const char *p = s, *end = s + strlen(s), *prev;
	double w = 0, ell;

	if (pdf_text_width(c, font, size, s) <= maxw + EPS)
		return xstrdup(s);
	ell = pdf_char_width(c, font, size, 0x2026);
	while (p < end) {
		prev = p;
		w += pdf_char_width(c, font, size,
		    show_cp(c, font, utf8_next(&p, end)));
		if (w + ell > maxw) {
			p = prev;
			break;
		}
	}
	buf_put(&b, s, (size_t)(p - s));
	buf_puts(&b, "\xe2\x80\xa6");
	return buf_detach(&b);
}

static void
chs_grow(struct pdf_breaker *m)
{
	size_t cap = m->chcap;

	m->ch = xgrow(m->ch, &m->chcap, m->nch, sizeof(*m->ch));
	m->rep = xgrow(m->rep, &cap, m->nch, sizeof(*m->rep));
}

/* Called for every character: inline, growing out of line. */
static inline void
chs_push(struct pdf_breaker *m, const struct pdf_ch *ch, uint32_t rep)
{
	if (m->nch == m->chcap)
		chs_grow(m);
	m->rep[m->nch] = rep;
	m->ch[m->nch++] = *ch;
}

struct pdf_line *
pdf_lines_add(struct pdf_lines *ls, double size, double leading)
{
	struct pdf_line *l, *v;

	if (ls->arena == NULL)
		ls->v = xgrow(ls->v, &ls->cap, ls->n, sizeof(*ls->v));
	else if (ls->n == ls->cap) {	/* the old array stays, unused */
		ls->cap = ls->cap ? 2 * ls->cap : 4;
		v = arena_alloc(ls->arena, ls->cap * sizeof(*v));
		if (ls->n > 0)
			memcpy(v, ls->v, ls->n * sizeof(*v));
		ls->v = v;
	}
	l = &ls->v[ls->n++];
	memset(l, 0, sizeof(*l));
	l->size = size;
	l->h = size * leading;
	return l;
}

void
pdf_lines_free(struct pdf_lines *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		if (ls->arena == NULL)
			free(ls->v[i].run);	/* and the texts, in its block */
		free(ls->v[i].label);
	}
	if (ls->arena == NULL)
		free(ls->v);
	memset(ls, 0, sizeof(*ls));
}

static size_t
utf8_len(uint32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/*
 * The characters of the line kept: a space is dropped at the line's
 * start and after a space (put() counted it so), and the spaces at the
 * end are left off.
 */
#define KEEP(v, sp)	((v).cp != ' ' ? ((sp) = 0, 1) : (sp) ? 0 : ((sp) = 1))

/*
 * Whether the line's text ends with a space it does not draw: where it
 * broke at a space, or at a line break, its last word and the next
 * line's first are two words to whatever reads the text (a screen
 * reader, reflow, copy and paste), not one.
 */
static int
ends_space(const struct brk *b)
{
	return b->lastsp || b->hard;
}

/* A line that is ASCII in one font and link: one run of its first n
 * characters kept. */
static void
emit_run(struct brk *b, struct pdf_line *l, size_t n)
{
	const struct pdf_ch *v = b->m->ch;
	struct pdf_run *r;
	size_t i, k, room = n + 1 + (size_t)ends_space(b);
	int sp;
	char *p;

	r = l->run = b->out->arena != NULL ? arena_alloc(b->out->arena,
	    sizeof(*r) + room) : xmalloc(sizeof(*r) + room);
	l->runcap = l->nrun = 1;
	r->font = v[b->ls].font;
	r->url = v[b->ls].url;
	r->x = 0;
	r->w = 0;
	r->text = p = (char *)(r + 1);
	for (sp = 1, i = b->ls, k = 0; k < n; i++)
		if (KEEP(v[i], sp)) {
			*p++ = (char)v[i].cp;
			r->w += v[i].w;
			k++;
		}
	if (ends_space(b))
		*p++ = ' ';	/* read, not drawn: not in the width */
	*p = '\0';
	l->w = r->w;
}

/* The width of a hyphen drawn for the soft hyphen ch. */
static double
hyphen_w(const struct brk *b, const struct pdf_ch *ch)
{
	return pdf_char_width(b->c, ch->font, b->ts->size, '-');
}

/* Turns the line being filled into a line of runs, each a stretch in
 * one font and link. */
static void
emit_line(struct brk *b)
{
	struct pdf_line *l = pdf_lines_add(b->out, b->ts->size,
	    b->c->st->line_spacing);
	const struct pdf_ch *v = b->m->ch, *prev = NULL;
	struct pdf_run *r = NULL;
	double x = 0;
	size_t i, last = 0, nrun = 0, bytes = 0, keepnrun = 0, keepbytes = 0;
	int sp;
	char *p;

	l->x = b->ts->x;
	l->rgb = b->ts->rgb;
	l->parafirst = b->out->n - 1 == b->first;
	l->node = b->node;
	l->before = l->parafirst ? b->ts->before : 0;
	/* The runs and their texts go in one block, which pdf_lines_free
	 * frees (or the row's arena). Most paragraphs are ASCII in one
	 * font: one run, a byte a character, of the ln characters put
	 * less the one space that can end them. */
	if ((keepbytes = b->ln - (size_t)b->lastsp) == 0)
		goto out;		/* no run */
	while (b->sc < b->m->nspec && b->m->spec[b->sc] < b->ls)
		b->sc++;
	if (b->sc == b->m->nspec || b->m->spec[b->sc] >= b->le) {
		emit_run(b, l, keepbytes);
		goto out;
	}
	/* Otherwise first the number of runs and the size of their
	 * texts, then the runs. */
	if (b->ls != NO_LINE)
		for (sp = 1, i = b->ls; i < b->le; i++) {
			if (!KEEP(v[i], sp))
				continue;
			if (prev == NULL || v[i].font != prev->font ||
			    v[i].url != prev->url) {
				nrun++;
				bytes++;	/* its NUL */
			}
			bytes += v[i].cp < 0x80 ? 1 : invisible(v[i].cp) ? 1 :
			    utf8_len(v[i].cp);
			prev = &v[i];
			if (v[i].cp != ' ') {
				last = i;
				keepnrun = nrun;
				keepbytes = bytes;
			}
		}
	if (keepnrun > 0) {
		keepbytes += (size_t)ends_space(b);
		l->run = b->out->arena != NULL ? arena_alloc(b->out->arena,
		    keepnrun * sizeof(*l->run) + keepbytes) :
		    xmalloc(keepnrun * sizeof(*l->run) + keepbytes);
		l->runcap = keepnrun;
		p = (char *)(l->run + keepnrun);
		for (sp = 1, i = b->ls; i <= last; i++) {
			if (!KEEP(v[i], sp))
				continue;
			if (r == NULL || v[i].font != r->font ||
			    v[i].url != r->url) {
				if (r != NULL) {
					*p++ = '\0';
					x += r->w;
				}
				r = &l->run[l->nrun++];
				r->font = v[i].font;
				r->url = v[i].url;
				r->x = x;
				r->w = 0;
				r->text = p;
			}
			if (v[i].cp < 0x80)
				*p++ = (char)v[i].cp;
			else if (v[i].cp == SOFT_HYPHEN && i == last) {
				*p++ = '-';	/* the line breaks here */
				r->w += hyphen_w(b, &v[i]);
			} else if (!invisible(v[i].cp))
				p += utf8_encode(v[i].cp, p);
			r->w += v[i].w;
		}
		if (ends_space(b))
			*p++ = ' ';	/* as emit_run */
		*p = '\0';
		if (r != NULL)		/* it is: last's run */
			x += r->w;
	}
	l->w = x;
out:
	b->ls = NO_LINE;
	b->ln = 0;
	b->lw = 0;
	b->lastsp = 0;
	b->hard = 0;
}

/* Combining marks stay with the character before them. */
static int
combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 &&
	    cp <= 0x1AFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	    (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* Puts ch[i] on the line; runs of spaces collapse, and a line never
 * starts with one (emit_line drops the same spaces). */
static inline void
put(struct brk *b, size_t i)
{
	const struct pdf_ch *ch = &b->m->ch[i];

	if (b->ls == NO_LINE)
		b->ls = i;
	b->le = i + 1;
	if (ch->cp == ' ' && (b->ln == 0 || b->lastsp))
		return;
	b->ln++;
	b->lw += ch->w;
	b->lastsp = ch->cp == ' ';
}

/* put() for each of ch[from..to), its state kept in registers. */
static void
put_all(struct brk *b, size_t from, size_t to)
{
	const struct pdf_ch *v = b->m->ch;
	size_t i, ln = b->ln;
	double lw = b->lw;
	int lastsp = b->lastsp;

	if (from == to)
		return;
	if (b->ls == NO_LINE)
		b->ls = from;
	for (i = from; i < to; i++) {
		if (v[i].cp == ' ') {
			if (ln == 0 || lastsp)
				continue;
			lastsp = 1;
		} else
			lastsp = 0;
		ln++;
		lw += v[i].w;
	}
	b->le = to;
	b->ln = ln;
	b->lw = lw;
	b->lastsp = lastsp;
}

/*
 * Puts the segment ch[from..to) (a stretch between two break
 * opportunities, its spaces at its end) on the line, or starts a new
 * line with it; a segment wider than a whole line is split between
 * characters, never before a combining mark.
 */
static void
segment(struct brk *b, size_t from, size_t to)
{
	const struct pdf_ch *v = b->m->ch;
	double width = b->ts->width, w = 0;
	size_t i, end = to;

	while (end > from && v[end - 1].cp == ' ')
		end--;
	for (i = from; i < end; i++)
		w += v[i].w;
	/* Broken after, a soft hyphen shows: room for it, to be sure. */
	if (end > from && v[end - 1].cp == SOFT_HYPHEN)
		w += hyphen_w(b, &v[end - 1]);
	/* The line's width counts its trailing space: it comes between. */
	if (b->ln > 0 && end > from && b->lw + w > width + EPS)
		emit_line(b);
	/* The usual case: the segment fits, and no character of it can
	 * start a line, as the test below would find one by one. */
	if (b->lw + w <= width + EPS) {
		put_all(b, from, to);
		return;
	}
	for (i = from; i < to; i++) {
		if (v[i].cp != ' ' && b->ln > 0 && !combining(v[i].cp) &&
		    b->lw + v[i].w > width + EPS)
			emit_line(b);
		put(b, i);
	}
}

/* The break opportunities of UAX #14 in the paragraph, a byte each
 * (libunibreak, handed each character's stand-in: lbrep.h). */
static char *
breaks(struct pdf_breaker *m)
{
	m->brks = xgrow(m->brks, &m->brkscap, 2 * m->nch, 1);
	/* The stand-ins, made as the characters were fed, are spent. */
	lbrep_breaks(m->rep, m->nch, m->brks, m->brks + m->nch);
	return m->brks;
}

/* Lays out the collected paragraph at its break opportunities. */
static void
lay_out(struct brk *b)
{
	char *brks;
	size_t i, from = 0, n = b->m->nch;

	if (n == 0)
		return;
	brks = breaks(b->m);
	/* The text ends a segment, whatever the library says of it. */
	brks[n - 1] = LINEBREAK_MUSTBREAK;
	for (i = 0; i < n; i++) {
		if (brks[i] > LINEBREAK_ALLOWBREAK)	/* no, or inside */
			continue;
		if (b->m->ch[i].cp == HARD_BREAK) {
			segment(b, from, i);
			b->hard = 1;
			emit_line(b);
		} else
			segment(b, from, i + 1);
		from = i + 1;
	}
}

/* The widths of font's ASCII characters at size, as pdf_char_width
 * gives them, and -1 for those not shown as they are. */
static const double *
widths(struct pdf_ctx *c, unsigned font, double size)
{
	const struct pdf_font *f = &c->fonts.f[font];
	double *wt = c->brk.wt[font];
	unsigned u;

	if (c->brk.wsize[font] != size) {
		for (u = 0; u < 128; u++)
			wt[u] = f->plain[u] ? (double)f->adv[u] * size /
			    1000.0 : -1;
		c->brk.wsize[font] = size;
	}
	return wt;
}

/* Notes that the next character is beyond ASCII or starts a run. */
static void
special(struct brk *b)
{
	struct pdf_breaker *m = b->m;

	m->spec = xgrow(m->spec, &m->speccap, m->nspec, sizeof(*m->spec));
	m->spec[m->nspec++] = m->nch;
}

/* Collects the characters of s, as drawn, with their font and link. */
static void
feed(struct brk *b, const char *s, unsigned font, const char *url)
{
	const char *end = s + strlen(s);
	const double *wt = widths(b->c, font, b->ts->size);
	struct pdf_ch ch;
	unsigned char u;

	ch.font = font;
	ch.url = url;
	if (b->m->nch > 0 && (font != b->font || url != b->url))
		special(b);
	b->font = font;
	b->url = url;
	while (s < end) {
		/* ASCII the font shows as it is needs no decoding and no
		 * show_cp. */
		if ((u = (unsigned char)*s) < 0x80 && wt[u] >= 0) {
			s++;
			ch.cp = u;
			ch.w = wt[u];
		} else {
			special(b);
			ch.cp = utf8_next(&s, end);
			if (invisible(ch.cp))
				ch.w = 0;
			else {
				ch.cp = show_cp(b->c, font, ch.cp);
				ch.w = pdf_char_width(b->c, font,
				    b->ts->size, ch.cp);
			}
		}
		chs_push(b->m, &ch, lbrep(ch.cp));
	}
}

static unsigned
text_font(const struct doc_node *n, unsigned base)
{
	return base | (n->flags & DOC_BOLD ? PDF_BOLD : 0) |
	    (n->flags & DOC_ITALIC ? PDF_ITALIC : 0);
}

/* Collects the characters of para's inlines. */
static void
collect(struct brk *b, const struct doc_node *para)
{
	const struct doc_node *n, *t;
	const struct pdf_tstyle *ts = b->ts;

	for (n = para->first; n != NULL; n = n->next) {
		switch (n->type) {
		case DOC_TEXT:
			feed(b, n->text, text_font(n, ts->font), NULL);
			break;
		case DOC_LINK:
			for (t = n->first; t != NULL; t = t->next)
				if (t->type == DOC_TEXT)
					feed(b, t->text, text_font(t, ts->font),
					    n->text);
			break;
		case DOC_LINEBREAK: {
			struct pdf_ch hard = { HARD_BREAK, ts->font, NULL, 0 };

			chs_push(b->m, &hard, HARD_BREAK);
			break;
		}
		default:
			break;
		}
	}
}

/* Starts on a paragraph: the breaker's memory, emptied. */
static void
brk_start(struct brk *b, struct pdf_ctx *c, const struct pdf_tstyle *ts)
{
	memset(b, 0, sizeof(*b));
	b->c = c;
	b->m = &c->brk;
	b->ts = ts;
	b->ls = NO_LINE;
	c->brk.nch = c->brk.nspec = 0;
}

/*
 * Breaks the inlines of para into lines, greedily, at the break
 * opportunities of the Unicode line breaking algorithm (after spaces,
 * hyphens and slashes, not before closing punctuation, ...); appends
 * them to out. An empty paragraph gives one empty line.
 */
void
pdf_break(struct pdf_ctx *c, const struct doc_node *para,
    const struct pdf_tstyle *ts, struct pdf_lines *out)
{
	struct brk b;

	brk_start(&b, c, ts);
	b.out = out;
	b.first = out->n;
	b.node = para;
	collect(&b, para);
	lay_out(&b);
	if (b.ln > 0 || out->n == b.first)
		emit_line(&b);
}

void
pdf_measure(struct pdf_ctx *c, const struct doc_node *para,
    const struct pdf_tstyle *ts, double *minw, double *maxw)
{
	struct brk b;
	const char *brks;
	double seg = 0, line = 0, space = 0;
	size_t i;

	brk_start(&b, c, ts);
	collect(&b, para);
	if (c->brk.nch == 0)
		return;
	brks = breaks(&c->brk);
	for (i = 0; i < c->brk.nch; i++) {
		const struct pdf_ch *ch = &c->brk.ch[i];

		if (ch->cp == ' ') {
			/* Spaces count between words, not at the ends. */
			if (line > 0 && space == 0)
				space = ch->w;
		} else if (ch->cp != HARD_BREAK) {
			line += space + ch->w;
			seg += ch->w;
			space = 0;
		}
		if (seg > *minw)
			*minw = seg;
		if (line > *maxw)
			*maxw = line;
		if (brks[i] == LINEBREAK_ALLOWBREAK ||
		    brks[i] == LINEBREAK_MUSTBREAK)
			seg = 0;
		if (ch->cp == HARD_BREAK)
			line = space = 0;
	}
}

/* s as shown: tabs as spaces and characters beyond U+FFFF replaced,
 * for text that does not pass through the line breaker. */
char *
pdf_shown(struct pdf_ctx *c, const char *s)
{
	struct buf b = BUF_INIT;
	const char *end = s + strlen(s);
	char enc[4];

	while (s < end)
		buf_put(&b, enc, utf8_encode(show_cp(c, 0, utf8_next(&s, end)),
		    enc));
	return buf_detach(&b);
}

double
pdf_baseline(const struct pdf_ctx *c, double h, double size)
{
	double a = c->fonts.ascent, d = c->fonts.descent;

	return (h - (a + d) * size) / 2 + a * size;
}

/* Underlines a link's text and puts a link annotation over it. */
static void
draw_link(struct pdf_ctx *c, size_t pi, const struct pdf_line *l,
    const char *url, double x1, double x2, double base)
{
	double rect[4];

	/* The underline is decoration: the Link element carries the link. */
	pdf_tag_artifact(c, pi);
	pdf_stroke_rgb(c, pi, &link_rgb);
	pdf_line_width(c, pi, l->size * 0.06);
	pdf_segment(c, pi, x1, base - l->size * 0.12, x2,
	    base - l->size * 0.12);
	pdf_tag_end(c, pi);
	rect[0] = x1;
	rect[1] = base - c->fonts.descent * l->size;
	rect[2] = x2;
	rect[3] = base + c->fonts.ascent * l->size;
	pdf_annot_uri(c, pi, rect, url);
}

/*
 * Draws l with its box's left edge at x0 and its line box's top at top
 * (points from the page top; ph is the page height), on page pi.
 */
int
pdf_draw_line(struct pdf_ctx *c, size_t pi, double ph,
    const struct pdf_line *l, double x0, double top)
{
	const struct pdf_rgb *rgb = NULL, *want;
	double base = ph - top - pdf_baseline(c, l->h, l->size);
	unsigned font = PDF_NFONTS;
	uint32_t key = PDF_NONE;
	size_t i, j;
	int cont;

	if (l->nrun == 0 && l->label == NULL)
		return pdf_failed(c) ? -1 : 0;
	/*
	 * A line of one element's plain text (no label, no link, which
	 * draw outside the text object) leaves its text object and marked
	 * content open; the next such line of the same element goes on in
	 * them. A paragraph's lines on a page are then one sequence with
	 * one MCID, not one each.
	 */
	if (l->label == NULL && l->nrun > 0) {
		for (i = 0; i < l->nrun && l->run[i].url == NULL; i++)
			continue;
		if (i == l->nrun)
			key = pdf_tag_key(c, l->node);
	}
	cont = pdf_text_resume(c, pi, key);
	if (l->label != NULL) {
		font = 0;
		pdf_tag_label(c, pi, l->node);
		pdf_font_size(c, l->size);
		pdf_fill_rgb(c, pi, rgb = &l->rgb);
		pdf_text(c, pi, font, x0 + l->labelx, base, l->label);
		pdf_tag_end(c, pi);
	}
	for (i = 0; i < l->nrun; i++) {
		const struct pdf_run *r = &l->run[i];

		/* Link text is a Link element's; the rest the paragraph's. */
		if ((i == 0 && !cont) || (i > 0 && r->url !=
		    l->run[i - 1].url)) {
			if (i > 0)
				pdf_tag_end(c, pi);
			if (r->url != NULL)
				pdf_tag_link(c, pi, l->node, r->url);
			else
				pdf_tag_begin(c, pi, l->node);
		}
		if (r->font != font) {
			font = r->font;
			pdf_font_size(c, l->size);
		}
		want = r->url != NULL ? &link_rgb : &l->rgb;
		if (want != rgb)
			pdf_fill_rgb(c, pi, rgb = want);
		pdf_text(c, pi, font, x0 + l->x + r->x, base, r->text);
	}
	if (key != PDF_NONE) {
		pdf_text_hold(c, pi, key);
		return pdf_failed(c) ? -1 : 0;
	}
	if (l->nrun > 0)
		pdf_tag_end(c, pi);
	pdf_text_end(c, pi);
	/* Links after the text object: paths are not allowed inside one. */
	for (i = 0; i < l->nrun; i = j) {
		const char *url = l->run[i].url;

		for (j = i + 1; j < l->nrun && l->run[j].url == url; j++)
			continue;
		if (url != NULL)
			draw_link(c, pi, l, url, x0 + l->x + l->run[i].x,
			    x0 + l->x + l->run[j - 1].x + l->run[j - 1].w,
			    base);
	}
	return pdf_failed(c) ? -1 : 0;
}

/* Shows one string in its own text object; base is the PDF y of its baseline. */
int
pdf_show(struct pdf_ctx *c, size_t pi, unsigned font, double size,
    const struct pdf_rgb *rgb, double x, double base, const char *s)
{
	if (*s == '\0')
		return pdf_failed(c) ? -1 : 0;
	pdf_text_begin(c, pi);
	pdf_font_size(c, size);
	pdf_fill_rgb(c, pi, rgb);
	pdf_text(c, pi, font, x, base, s);
	pdf_text_end(c, pi);
	return pdf_failed(c) ? -1 : 0;
}

void
pdf_text_warn(const struct pdf_ctx *c)
{
	if (c->brk.replaced != 0)
		diag(c->dg, DIAG_WARNING, NULL, "PDF: characters beyond U+FFFF "
		    "(first U+%04X) cannot be shown and appear as boxes",
		    (unsigned)c->brk.replaced);
	if (c->brk.missing != 0)
		diag(c->dg, DIAG_WARNING, NULL, "PDF: the fonts have no glyph "
		    "for U+%04X (and maybe others), shown as boxes",
		    (unsigned)c->brk.missing);
}

void
pdf_text_free(struct pdf_ctx *c)
{
	free(c->brk.ch);
	free(c->brk.rep);
	free(c->brk.spec);
	free(c->brk.brks);
}
