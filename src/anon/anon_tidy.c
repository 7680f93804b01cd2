/* Replacements that read as the sentence should: no role said twice, no title before a role. */
#include "anon_impl.h"
#include "../util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words that introduce another name for someone in brackets. */
static const char *const aka[] = {
	"also known as ", "known as ", "aka ", "a.k.a. ", "called ",
	"nicknamed ", "or ",
};

/* Titles that may stand before a name. */
static const char *const titles[] = {
	"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Master",
};

static int
letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (unsigned char)c >= 0x80;
}

/* The last word of s, as [*w, end). */
static const char *
last_word(const char *s, size_t n, size_t *wn)
{
	size_t e = n, b;

	while (e > 0 && !letter(s[e - 1]))
		e--;
	for (b = e; b > 0 && (letter(s[b - 1]) || s[b - 1] == '\''); b--)
		;
	*wn = e - b;
	return s + b;
}

/*
 * Whether the text before position p ends with what the replacement
 * repl says: all of it, or, for a role label with no number, its last
 * word ("grandmother" for "Maternal grandmother"). Case does not
 * matter. The text is the original's, or (hits) an earlier hit's
 * replacement if one ends there. Sets *ws to where that text starts in
 * the original (the earlier hit's start, or the word's).
 */
static int
says(const struct anon_hits *h, size_t k, const char *text, size_t p,
    const char *repl, int role, size_t *ws, int hits)
{
	const char *tail;
	size_t tn, rn = strlen(repl), wn, ln;
	const char *lw, *rw;

	if (rn > 0 && repl[rn - 1] >= '0' && repl[rn - 1] <= '9')
		role = 0;	/* "GP 1": the number says who */
	if (k > 0 && h->v[k - 1].end == p) {
		if (!hits)
			return 0;
		tail = h->v[k - 1].repl;
		tn = strlen(tail);
		*ws = h->v[k - 1].start;
	} else {
		tail = text;
		tn = p;
		*ws = (size_t)-1;
	}
	if (tn >= rn && strncasecmp(tail + tn - rn, repl, rn) == 0 &&
	    (tn == rn || !letter(tail[tn - rn - 1]))) {
		if (*ws == (size_t)-1)
			*ws = p - rn;
		return 1;
	}
	if (!role)
		return 0;
	rw = last_word(repl, rn, &ln);
	lw = last_word(tail, tn, &wn);
	if (ln == 0 || wn != ln || strncasecmp(lw, rw, ln) != 0 ||
	    lw + wn != tail + tn)
		return 0;
	if (*ws == (size_t)-1)
		*ws = (size_t)(lw - text);
	return 1;
}

static void
set_repl(struct anon_hit *x, const char *s, size_t n)
{
	free(x->repl);
	x->repl = xmalloc(n + 1);
	memcpy(x->repl, s, n);
	x->repl[n] = '\0';
}

/* Whether text[s..p) is a title and a space ("Mrs ", "Dr. "). */
static size_t
title_at(const char *text, size_t p)
{
	size_t i, n, s;

	if (p < 2 || text[p - 1] != ' ')
		return 0;
	s = p - 1;
	if (s > 0 && text[s - 1] == '.')
		s--;
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		n = strlen(titles[i]);
		if (s >= n && strncmp(text + s - n, titles[i], n) == 0 &&
		    (s == n || !letter(text[s - n - 1])))
			return p - (s - n);
	}
	return 0;
}

/* Whether text[s..e) is a middle initial between two words: " J ",
 * " J. ". */
static int
initial_gap(const char *text, size_t s, size_t e)
{
	return (e - s == 3 || (e - s == 4 && text[s + 2] == '.')) &&
	    text[s] == ' ' && text[e - 1] == ' ' && text[s + 1] >= 'A' &&
	    text[s + 1] <= 'Z';
}

/* Whether hit x is on a person of the register, said by a name. */
static int
person_hit(const struct anon *a, const struct anon_hit *x)
{
	return x->ent >= 0 && (size_t)x->ent < a->npeople && !x->keep &&
	    x->kind != AK_GLUED && x->repl[0] != '\0' && x->repl[0] != '[';
}

/*
 * "Nicholas J Dunn": two hits on one person with a middle initial
 * between are one. Where one of them is a name two people share and
 * the other decides whose, the decided one says it.
 */
static void
merge_initials(const struct anon *a, const char *text,
    struct anon_hits *h)
{
	struct anon_hit *p, *x;
	size_t k, o = 0;

	for (k = 0; k < h->n; k++) {
		x = &h->v[k];
		p = o > 0 ? &h->v[o - 1] : NULL;
		if (p != NULL && person_hit(a, p) && person_hit(a, x) &&
		    initial_gap(text, p->end, x->start) && (p->ent == x->ent ||
		    p->ent == x->ent2 || p->ent2 == x->ent)) {
			if (p->ent2 >= 0 && x->ent2 < 0) {
				free(p->repl);
				p->repl = x->repl;
				p->ent = x->ent;
				p->ent2 = -1;
				p->why = x->why;
				p->risk = x->risk;
				p->weak = x->weak;
			} else
				free(x->repl);
			p->end = x->end;
			continue;
		}
		h->v[o++] = *x;
	}
	h->n = o;
}

/* An initial before a family name at text[p] ("K " in "Dr K
 * Lowther"): its length with the space, else 0. */
static size_t
initial_before(const char *text, size_t p)
{
	size_t n = p >= 3 && text[p - 2] == '.' ? 3 : 2;

	if (p < n || text[p - 1] != ' ' || text[p - n] < 'A' ||
	    text[p - n] > 'Z' || (p > n && letter(text[p - n - 1])) ||
	    (p > n && text[p - n - 1] == '.'))
		return 0;
	return n;
}

void
anon_tidy(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	struct anon_hit *x;
	const struct anon_ent *e;
	size_t k, p, q, ws, i, n, floor;
	int role;

	merge_initials(a, text, h);
	for (k = 0; k < h->n; k++) {
		x = &h->v[k];
		if (!person_hit(a, x))
			continue;
		e = &a->ent[x->ent];
		role = e->role;
		floor = k > 0 ? h->v[k - 1].end : 0;
		/* "Dr K Lowther": the initial goes with the name, where a
		 * title or the sentence's start stands before it. */
		if ((x->kind & (AK_FAMILY | AK_TITLE)) &&
		    (n = initial_before(text, x->start)) > 0 &&
		    x->start - n >= floor && (title_at(text, x->start - n) >
		    0 || x->start - n == 0 || text[x->start - n - 1] == ' ') &&
		    (x->start - n == 0 || title_at(text, x->start - n) > 0 ||
		    text[x->start - n] - 'A' + 'a' == e->initial))
			x->start -= n;
		/* "Mrs Zoë": "Mrs Mother" is "Mother". */
		if ((n = title_at(text, x->start)) > 0 && x->start - n >=
		    floor) {
			x->start -= n;
			if (x->repl[0] >= 'a' && x->repl[0] <= 'z' &&
			    x->ent2 < 0)
				x->repl[0] = (char)(x->repl[0] - 32);
		}
		if (x->ent2 >= 0)
			continue;	/* undecided: said as it is */
		p = x->start;
		/* "his mother, Zoë, said": "his mother said". */
		if (p >= 2 && text[p - 1] == ' ' && text[p - 2] == ',' &&
		    p - 2 >= floor && says(h, k, text, p - 2, x->repl, role,
		    &ws, 0) && (x->end == len || strchr(",.;:)", text[x->end]) !=
		    NULL)) {
			x->start = p - 2;
			if (x->end < len && text[x->end] == ',')
				x->end++;
			set_repl(x, "", 0);
			continue;
		}
		/* "Declan (known as Deccy)": "Mother's partner", once. */
		q = p;
		for (i = 0; i < sizeof(aka) / sizeof(aka[0]); i++) {
			n = strlen(aka[i]);
			if (q >= n && strncasecmp(text + q - n, aka[i], n) == 0) {
				q -= n;
				break;
			}
		}
		if (q >= 1 && text[q - 1] == '(' && x->end < len &&
		    text[x->end] == ')') {
			q--;
			if (q >= 1 && text[q - 1] == ' ')
				q--;
			if (q >= floor && says(h, k, text, q, x->repl, role,
			    &ws, 1)) {
				x->start = q;
				x->end++;
				set_repl(x, "", 0);
				continue;
			}
		}
		/* "A-M (maternal grandmother)": "Maternal grandmother". */
		n = strlen(x->repl);
		if (x->end + n + 3 <= len && text[x->end] == ' ' &&
		    text[x->end + 1] == '(' && strncasecmp(text + x->end + 2,
		    x->repl, n) == 0 && text[x->end + 2 + n] == ')' &&
		    (k + 1 >= h->n || h->v[k + 1].start >= x->end + n + 3)) {
			x->end += n + 3;
			continue;
		}
		/* "his grandmother Rose": "his maternal grandmother"; not
		 * for a label that is someone's ("Mother's partner"). */
		if (role && strchr(x->repl, '\'') == NULL && p >= 2 &&
		    text[p - 1] == ' ' && letter(text[p - 2]) &&
		    says(h, k, text, p - 1, x->repl, 1, &ws, 0) && ws >= floor &&
		    ws < p && !(k > 0 && h->v[k - 1].end == p - 1)) {
			x->start = ws;
			/* In the sentence's case: a capital only where the
			 * word had one. */
			if (text[ws] >= 'a' && text[ws] <= 'z' &&
			    x->repl[0] >= 'A' && x->repl[0] <= 'Z')
				x->repl[0] = (char)(x->repl[0] + 32);
		}
	}
}
