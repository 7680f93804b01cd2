/* The merge: orders every agency's events into one chronology and derives ages, intervals, duplicates, gaps and figures. */
#include "merge.h"
#include "../util/alloc.h"
#include "../util/hash.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Minutes since midnight; a missing time sorts at the start of the day. */
static int
minutes(const struct ctime *t)
{
	return t->set ? t->h * 60 + t->mi : 0;
}

static int
rowcmp(const void *pa, const void *pb)
{
	const struct mrow *a = pa, *b = pb;
	int x, y;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->ev->start.prec != b->ev->start.prec)
		return a->ev->start.prec < b->ev->start.prec ? -1 : 1;
	x = minutes(&a->ev->start_time);
	y = minutes(&b->ev->start_time);
	if (x != y)
		return x < y ? -1 : 1;
	if (a->effseq != b->effseq)
		return a->effseq < b->effseq ? -1 : 1;
	if (a->agidx != b->agidx)
		return a->agidx < b->agidx ? -1 : 1;
	if (a->cr != b->cr)	/* two returns for one agency: file order */
		return a->cr < b->cr ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int
same_instant(const struct event *a, const struct event *b)
{
	return date_first_day(&a->start) == date_first_day(&b->start) &&
	    a->start.prec == b->start.prec &&
	    minutes(&a->start_time) == minutes(&b->start_time);
}

/*
 * Words of 3+ letters, case folded, without common function words;
 * their text in one buffer, big enough for all from the start. Each
 * word is kept with a 64-bit hash of it: the set is sorted by hash,
 * and words are compared by hash first, by their text only where the
 * hashes are equal. The order is not the alphabet's, but it is one
 * order, and two words are the same only if their text is.
 */
struct word {
	uint64_t	 h;
	const char	*s;
};

struct words {
	struct word	*v;
	size_t		 n, cap;
	char		*text;
	size_t		 used;
};

/* Up to eight bytes of a word as one number, the first lowest. */
#define PACK3(a, b, c)	((uint64_t)(a) | (uint64_t)(b) << 8 | \
			    (uint64_t)(c) << 16)
#define PACK4(a, b, c, d)	(PACK3(a, b, c) | (uint64_t)(d) << 24)
#define PACK5(a, b, c, d, e)	(PACK4(a, b, c, d) | (uint64_t)(e) << 32)

/* The stop words have three to five letters: compared packed. */
static int
stopword(uint64_t packed)
{
	static const uint64_t stop[] = {
		PACK3('a', 'n', 'd'), PACK3('a', 'r', 'e'),
		PACK3('b', 'u', 't'), PACK3('f', 'o', 'r'),
		PACK4('f', 'r', 'o', 'm'), PACK3('h', 'a', 'd'),
		PACK3('h', 'a', 's'), PACK3('h', 'e', 'r'),
		PACK3('h', 'i', 'm'), PACK3('h', 'i', 's'),
		PACK3('n', 'o', 't'), PACK3('s', 'h', 'e'),
		PACK4('t', 'h', 'a', 't'), PACK3('t', 'h', 'e'),
		PACK5('t', 'h', 'e', 'i', 'r'), PACK4('t', 'h', 'e', 'm'),
		PACK4('t', 'h', 'e', 'n'), PACK5('t', 'h', 'e', 'r', 'e'),
		PACK4('t', 'h', 'e', 'y'), PACK4('t', 'h', 'i', 's'),
		PACK3('w', 'a', 's'), PACK4('w', 'e', 'r', 'e'),
		PACK5('w', 'h', 'i', 'c', 'h'), PACK3('w', 'h', 'o'),
		PACK4('w', 'i', 't', 'h'),
	};
	size_t i;

	for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (packed == stop[i])
			return 1;
	return 0;
}

static int
wordcmp(const struct word *a, const struct word *b)
{
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return strcmp(a->s, b->s);
}

static int
wordpcmp(const void *a, const void *b)
{
	return wordcmp(a, b);
}

static int
is_word_byte(unsigned char c)
{
	return isalnum(c) || (c & 0x80);
}

static void
add_words(struct words *w, const char *s)
{
	const char *b;
	char *word;
	struct hash hs;
	uint64_t packed;
	size_t i, n;
	unsigned char ch;

	if (s == NULL)
		return;
	while (*s) {
		while (*s && !is_word_byte((unsigned char)*s))
			s++;
		b = s;
		while (*s && is_word_byte((unsigned char)*s))
			s++;
		if ((n = (size_t)(s - b)) < 3)
			continue;
		word = w->text + w->used;
		packed = 0;
		for (i = 0; i < n; i++) {
			ch = (unsigned char)tolower((unsigned char)b[i]);
			word[i] = (char)ch;
			if (i < 8)
				packed |= (uint64_t)ch << (8 * i);
		}
		word[n] = '\0';
		if (n <= 5 && stopword(packed))
			continue;
		w->used += n + 1;
		hash_init(&hs);
		hash_put(&hs, word, n);
		w->v = xgrow(w->v, &w->cap, w->n, sizeof(*w->v));
		w->v[w->n].h = hash64(&hs);
		w->v[w->n++].s = word;
	}
}

/* The set of an event's words, sorted, each once. */
static void
words_of(const struct event *e, struct words *w)
{
	size_t i, j;

	memset(w, 0, sizeof(*w));
	/* No field holds more word bytes, with a NUL each, than itself. */
	w->text = xmalloc((e->category ? strlen(e->category) + 1 : 0) +
	    (e->what ? strlen(e->what) + 1 : 0) + 1);
	add_words(w, e->category);
	add_words(w, e->what);
	if (w->n == 0)
		return;
	qsort(w->v, w->n, sizeof(*w->v), wordpcmp);
	for (i = j = 1; i < w->n; i++)
		if (wordcmp(&w->v[i], &w->v[j - 1]) != 0)
			w->v[j++] = w->v[i];
	w->n = j;
}

static void
words_free(struct words *w)
{
	free(w->text);
	free(w->v);
}

/* Dice coefficient of two sorted word sets. */
static double
dice(const struct words *x, const struct words *y)
{
	size_t i = 0, j = 0, common = 0;
	int c;

	while (i < x->n && j < y->n) {
		if ((c = wordcmp(&x->v[i], &y->v[j])) == 0) {
			common++;
			i++;
			j++;
		} else if (c < 0)
			i++;
		else
			j++;
	}
	return x->n + y->n > 0 ?
	    2.0 * (double)common / (double)(x->n + y->n) : 0;
}

double
event_similarity(const struct event *a, const struct event *b)
{
	struct words x, y;
	double sim;

	words_of(a, &x);
	words_of(b, &y);
	sim = dice(&x, &y);
	words_free(&x);
	words_free(&y);
	return sim;
}

/* 1 if the lists share an id, 0 if not, -1 if either is empty. */
static int
people_overlap(const struct strlist *a, const struct strlist *b)
{
	size_t i, j;

	if (a->n == 0 || b->n == 0)
		return -1;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++)
			if (strcmp(a->v[i], b->v[j]) == 0)
				return 1;
	return 0;
}

/* The test behind event_likely_duplicate, on word sets made once. */
static int
likely_duplicate(const struct event *a, const struct words *wa,
    const struct event *b, const struct words *wb)
{
	int people;

	if (a->start.prec != DATE_DAY || b->start.prec != DATE_DAY ||
	    date_first_day(&a->start) != date_first_day(&b->start))
		return 0;
	if ((people = people_overlap(&a->people, &b->people)) == 0)
		return 0;
	/* With shared people, a modest overlap of words is telling;
	 * without people recorded, ask for more. */
	return dice(wa, wb) >= (people == 1 ? 0.25 : 0.5);
}

int
event_likely_duplicate(const struct event *a, const struct event *b)
{
	struct words x, y;
	int dup;

	words_of(a, &x);
	words_of(b, &y);
	dup = likely_duplicate(a, &x, b, &y);
	words_free(&x);
	words_free(&y);
	return dup;
}

/*
 * Groups likely duplicates of one day. Each group grows from its first
 * row (the seed) and takes a row only if it matches the seed itself and
 * comes from an agency not yet in the group: similarity is not
 * transitive, and chaining would join unrelated events of a busy day.
 * Groups are numbered from 1 in row order; returns how many.
 */
static unsigned
find_duplicates(struct mrow *rows, size_t n)
{
	struct words *w = NULL;
	unsigned *group_of_ag = NULL;	/* by agidx: the last group to
					 * take a row of that agency */
	size_t i, j, k, day_end, cap = 0, nag = 0;
	unsigned next = 0;

	for (i = 0; i < n; i++)
		if (rows[i].agidx >= nag)
			nag = rows[i].agidx + 1;
	group_of_ag = xcalloc(nag ? nag : 1, sizeof(*group_of_ag));
	for (i = 0; i < n; i = day_end) {
		for (day_end = i + 1; day_end < n &&
		    rows[day_end].day == rows[i].day; day_end++)
			;
		if (day_end - i < 2)
			continue;
		/* Each event's words, made once for its day. */
		w = xgrow(w, &cap, day_end - i, sizeof(*w));
		for (j = i; j < day_end; j++)
			words_of(rows[j].ev, &w[j - i]);
		for (j = i; j < day_end; j++) {
			struct mrow *seed = &rows[j];
			unsigned g = 0;

			if (seed->dup)
				continue;
			for (k = j + 1; k < day_end; k++) {
				struct mrow *r = &rows[k];

				/* Groups are numbered up from 1, so a
				 * new group finds no agency taken. */
				if (r->dup || r->ag == seed->ag ||
				    (g != 0 && group_of_ag[r->agidx] == g) ||
				    !likely_duplicate(seed->ev, &w[j - i], r->ev,
				    &w[k - i]))
					continue;
				if (g == 0)
					g = seed->dup = ++next;
				r->dup = g;
				group_of_ag[r->agidx] = g;
			}
		}
		for (j = i; j < day_end; j++)
			words_free(&w[j - i]);
	}
	free(group_of_ag);
	free(w);
	return next;
}

static void
add_gap(struct chronology *c, long from, long to, size_t before, size_t *cap)
{
	if (to - from + 1 <= c->opts.gap_days)
		return;
	c->gaps = xgrow(c->gaps, cap, c->ngaps, sizeof(*c->gaps));
	c->gaps[c->ngaps].from = from;
	c->gaps[c->ngaps].to = to;
	c->gaps[c->ngaps].before = before;
	c->ngaps++;
}

/* Days of the review period not covered by any dated event. */
static void
find_gaps(struct chronology *c)
{
	const struct kase *k = c->k;
	long covered, last, start, end;
	size_t i, cap = 0;

	covered = k->period_from.prec != DATE_NONE ?
	    date_first_day(&k->period_from) - 1 : LONG_MIN;
	for (i = 0; i < c->nrows; i++) {
		const struct event *e = c->rows[i].ev;

		if (e->start.prec == DATE_NONE)
			continue;
		start = date_first_day(&e->start);
		last = e->end.prec != DATE_NONE ? date_last_day(&e->end) :
		    date_last_day(&e->start);
		if (covered != LONG_MIN && start - 1 > covered)
			add_gap(c, covered + 1, start - 1, i, &cap);
		if (last > covered || covered == LONG_MIN)
			covered = last;
	}
	end = k->period_to.prec != DATE_NONE ? date_last_day(&k->period_to) :
	    k->dates.incident.prec != DATE_NONE ?
	    date_first_day(&k->dates.incident) : LONG_MIN;
	if (end != LONG_MIN && covered != LONG_MIN && end > covered)
		add_gap(c, covered + 1, end, c->nrows, &cap);
}

static void
count(struct chronology *c)
{
	const struct kase *k = c->k;
	const struct agency *ag;
	struct mstat *st;
	size_t i, j;

	c->nstats = k->nag;
	c->stats = xcalloc(k->nag, sizeof(*c->stats));
	for (i = 0; i < k->nag; i++)
		c->stats[i].ag = &k->ag[i];
	for (i = 0; i < k->ncr; i++) {
		if ((ag = case_agency(k, k->cr[i].agency)) == NULL)
			continue;
		st = &c->stats[ag - k->ag];
		st->has_return = 1;
		for (j = 0; j < k->cr[i].nev; j++) {
			const struct event *e = &k->cr[i].ev[j];

			if (e->note)
				continue;
			st->contacts++;
			st->key += e->sig == SIG_KEY;
			st->kpe += e->kpe != 0;
			st->seen_yes += e->child_seen == TRI_YES;
			st->seen_no += e->child_seen == TRI_NO;
			st->voice_yes += e->voice == TRI_YES;
			st->voice_no += e->voice == TRI_NO;
		}
	}
}

struct chronology *
merge_case(const struct kase *k, const struct merge_opts *opts)
{
	struct chronology *c = xcalloc(1, sizeof(*c));
	const struct person *child = case_person(k, k->child);
	const struct agency *ag;
	struct mrow *r;
	size_t i, j, most = 0;
	unsigned runmax;

	c->k = k;
	c->opts = *opts;
	if (c->opts.gap_days <= 0)
		c->opts.gap_days = MERGE_GAP_DAYS;
	/* Room for every event at once: grown row by row, the array was
	 * copied a dozen times into fresh pages. */
	for (i = 0; i < k->ncr; i++)
		most += k->cr[i].nev;
	c->rows = xcalloc(most ? most : 1, sizeof(*c->rows));
	for (i = 0; i < k->ncr; i++) {
		const struct chron_return *cr = &k->cr[i];

		if ((ag = case_agency(k, cr->agency)) == NULL)
			continue;
		runmax = 0;
		for (j = 0; j < cr->nev; j++) {
			const struct event *e = &cr->ev[j];

			/* seq orders a return's rows of one instant; a lower
			 * seq after a higher one keeps its place (never
			 * reorder an agency's own rows). */
			if (j == 0 || !same_instant(e, &cr->ev[j - 1]))
				runmax = 0;
			if (e->seq > runmax)
				runmax = e->seq;
			if (e->note || (opts->key_only && e->sig != SIG_KEY))
				continue;
			r = &c->rows[c->nrows++];
			memset(r, 0, sizeof(*r));
			r->ev = e;
			r->ag = ag;
			r->cr = cr;
			r->agidx = (size_t)(ag - k->ag);
			r->idx = j;
			r->day = date_first_day(&e->start);
			r->effseq = runmax;
		}
	}
	if (c->nrows > 1)
		qsort(c->rows, c->nrows, sizeof(*c->rows), rowcmp);
	for (i = 0; i < c->nrows; i++) {
		r = &c->rows[i];
		if (child != NULL && r->ev->start.prec == DATE_DAY)
			age_format(&child->dob, r->day, r->age, sizeof(r->age));
		r->interval = -1;
		if (i > 0 && r->ev->start.prec == DATE_DAY &&
		    c->rows[i - 1].ev->start.prec == DATE_DAY)
			r->interval = r->day - c->rows[i - 1].day;
	}
	c->ndup = find_duplicates(c->rows, c->nrows);
	find_gaps(c);
	count(c);
	return c;
}

void
chronology_free(struct chronology *c)
{
	if (c == NULL)
		return;
	free(c->rows);
	free(c->gaps);
	free(c->stats);
	free(c);
}
