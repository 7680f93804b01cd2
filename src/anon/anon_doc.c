/* Anonymises a document tree in place: paragraphs joined across runs, link targets, alt text, document properties. */
#include "anon_doc.h"
#include "anon_impl.h"
#include "../util/alloc.h"
#include "../util/arena.h"
#include "../util/buf.h"

#include <string.h>

/* A run of a paragraph: the node its text came from. */
struct seg {
	struct doc_node	*n;
	size_t		 start, len;
	int		 gen;		/* DOC_GEN: not read by the detectors */
};

struct para {
	struct buf	 text;		/* the runs joined */
	struct buf	 seen;		/* the same, generated runs blanked */
	struct seg	*seg;
	size_t		 nseg, segcap;
};

static void
collect(struct para *p, struct doc_node *n)
{
	struct doc_node *c;
	struct seg *s;
	const char *t;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == DOC_LINK) {
			collect(p, c);
			continue;
		}
		if (c->type != DOC_TEXT && c->type != DOC_LINEBREAK)
			continue;
		t = c->type == DOC_TEXT ? (c->text ? c->text : "") : "\n";
		p->seg = xgrow(p->seg, &p->segcap, p->nseg + 1, sizeof(*p->seg));
		s = &p->seg[p->nseg++];
		s->n = c;
		s->start = p->text.len;
		s->len = strlen(t);
		s->gen = c->type == DOC_TEXT && (c->flags & DOC_GEN);
		buf_put(&p->text, t, s->len);
		/* What cspr generated is blanked, not left out: a name in
		 * the runs either side is still two words apart. */
		if (s->gen)
			for (size_t i = 0; i < s->len; i++)
				buf_putc(&p->seen, ' ');
		else
			buf_put(&p->seen, t, s->len);
	}
}

static char *
adup(struct arena *ar, const char *s, size_t n)
{
	return arena_strndup(ar, s, n);
}

/* Rewrites the runs of p so that each hit's replacement stands in the
 * run where the hit starts and the rest of the hit is gone. */
static void
rewrite(struct para *p, const struct anon_hits *h, struct arena *ar)
{
	struct buf b = BUF_INIT;
	size_t i, k, at, s, e;
	int touched;

	for (i = 0; i < p->nseg; i++) {
		touched = 0;
		if (p->seg[i].gen)
			continue;
		s = p->seg[i].start;
		e = s + p->seg[i].len;
		buf_reset(&b);
		at = s;
		for (k = 0; k < h->n && h->v[k].start < e; k++) {
			if (h->v[k].end <= s)
				continue;
			if (h->v[k].start > at)
				buf_put(&b, p->text.data + at, h->v[k].start - at);
			if (h->v[k].start >= s)
				buf_puts(&b, h->v[k].repl);
			at = h->v[k].end < e ? h->v[k].end : e;
			touched = 1;
		}
		if (!touched)
			continue;
		if (at < e)
			buf_put(&b, p->text.data + at, e - at);
		if (p->seg[i].n->type == DOC_LINEBREAK) {
			if (b.len == 1 && b.data[0] == '\n')
				continue;
			/* A name broken across lines: one line now. */
			p->seg[i].n->type = DOC_TEXT;
		}
		p->seg[i].n->text = adup(ar, b.data ? b.data : "", b.len);
	}
	buf_free(&b);
}

/* A link whose target names someone becomes its text alone. */
static void
unlink_node(struct doc_node *l)
{
	struct doc_node *c, *next;

	l->type = DOC_TEXT;
	l->text = "";
	for (c = l->first; c != NULL; c = next) {
		next = c->next;
		c->parent = l->parent;
	}
	if (l->first != NULL) {
		l->last->next = l->next;
		if (l->parent->last == l)
			l->parent->last = l->last;
		l->next = l->first;
	}
	l->first = l->last = NULL;
}

static char *
anon_field(const struct anon *a, struct anon_hits *h, const char *s,
    struct arena *ar, struct residual *r, const char *docname)
{
	char *t, *u;

	if (s == NULL)
		return NULL;
	anon_scan(a, s, strlen(s), 1, h);
	t = anon_apply(s, strlen(s), h);
	residual_hits(r, a, docname, s, t, h);
	residual_text(r, a, docname, t, strlen(t));
	u = ar != NULL ? adup(ar, t, strlen(t)) : xstrdup(t);
	free(t);
	return u;
}

static void
walk(const struct anon *a, struct doc_node *n, struct anon_hits *h,
    struct para *p, struct arena *ar, struct residual *r,
    const char *docname)
{
	struct doc_node *c;
	struct anon_hits uh = { NULL, 0, 0 };
	size_t i;

	if (n->type == DOC_HEADING || n->type == DOC_PARA) {
		int own = 0;

		buf_reset(&p->text);
		buf_reset(&p->seen);
		p->nseg = 0;
		collect(p, n);
		for (i = 0; i < p->nseg; i++)
			own |= !p->seg[i].gen && p->seg[i].len > 0;
		if (own) {
			if (a->kinds & AK_RUNS)
				anon_scan(a, p->seen.data, p->seen.len, 1, h);
			else {
				/* Each run alone: the mutation check's
				 * view of a tree that split names. */
				struct anon_hits one = { NULL, 0, 0 };

				h->n = 0;
				for (i = 0; i < p->nseg; i++) {
					anon_scan(a, p->seen.data +
					    p->seg[i].start, p->seg[i].len, 1,
					    &one);
					for (size_t k = 0; k < one.n; k++) {
						struct anon_hit *x =
						    anon_hit_add(h);

						*x = one.v[k];
						x->start += p->seg[i].start;
						x->end += p->seg[i].start;
						one.v[k].repl = NULL;
					}
				}
				anon_hits_free(&one);
			}
			{
				char *t = anon_apply(p->seen.data, p->seen.len,
				    h);

				residual_hits(r, a, docname, p->seen.data,
				    t, h);
				residual_text(r, a, docname, t, strlen(t));
				free(t);
			}
			if (h->n > 0)
				rewrite(p, h, ar);
		}
	}
	if (n->type == DOC_LINK && n->text != NULL) {
		anon_scan(a, n->text, strlen(n->text), 0, &uh);
		if (uh.n > 0)
			unlink_node(n);
		anon_hits_free(&uh);
	}
	if ((n->type == DOC_IMAGE && n->alt != NULL))
		n->alt = anon_field(a, h, n->alt, ar, r, docname);
	if (n->type == DOC_TOC && n->text != NULL)
		n->text = anon_field(a, h, n->text, ar, r, docname);
	for (c = n->first; c != NULL; c = c->next)
		if (n->type != DOC_HEADING && n->type != DOC_PARA)
			walk(a, c, h, p, ar, r, docname);
		else if (c->type == DOC_LINK)
			walk(a, c, h, p, ar, r, docname);
}

static void
field(const struct anon *a, struct anon_hits *h, char **f,
    struct residual *r, const char *docname)
{
	char *t;

	if (*f == NULL)
		return;
	t = anon_field(a, h, *f, NULL, r, docname);
	free(*f);
	*f = t;
}

static void
unbidi_tree(struct doc_node *n)
{
	struct doc_node *c;

	if ((n->type == DOC_TEXT || n->type == DOC_LINK ||
	    n->type == DOC_TOC) && n->text != NULL)
		anon_unbidi(n->text);
	if (n->type == DOC_IMAGE && n->alt != NULL)
		anon_unbidi(n->alt);
	for (c = n->first; c != NULL; c = c->next)
		unbidi_tree(c);
}

void
anon_doc(const struct anon *a, struct doc *d, struct residual *r,
    const char *docname)
{
	struct anon_hits h = { NULL, 0, 0 };
	struct para p;

	memset(&p, 0, sizeof(p));
	field(a, &h, &d->title, r, docname);
	field(a, &h, &d->subject, r, docname);
	field(a, &h, &d->keywords, r, docname);
	field(a, &h, &d->creator, r, docname);
	field(a, &h, &d->marking, r, docname);
	walk(a, d->root, &h, &p, d->arena, r, docname);
	unbidi_tree(d->root);
	anon_unbidi(d->title);
	anon_unbidi(d->subject);
	anon_unbidi(d->keywords);
	anon_unbidi(d->creator);
	anon_hits_free(&h);
	buf_free(&p.text);
	buf_free(&p.seen);
	free(p.seg);
}
