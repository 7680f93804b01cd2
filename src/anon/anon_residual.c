/* The residual-risk report: what the anonymiser's passes left for a person to decide before sign-off, riskiest first. */
#include "anon_doc.h"
#include "anon_impl.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/outfile.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* What kind of thing was left, and how much it matters. */
enum rkind {
	R_SHARED,	/* high: a name two register entries share */
	R_NAME,		/* high: an unknown capitalised word where a name
			 * stands (after a title, "known as") */
	R_NUMBER,	/* high: six digits or more no pattern took */
	R_COMMON,	/* low: a name that is also a common word */
	R_WORD,		/* low: a capitalised word nobody allowed */
	R_PLACE,	/* low: capitalised words that end like a place */
	R_NKINDS
};

static const struct {
	const char	*name;
	int		 high;
} rkinds[R_NKINDS] = {
	{ "shared-name", 1 },
	{ "unknown-name", 1 },
	{ "identifier-like number", 1 },
	{ "common-word name", 0 },
	{ "unknown-word", 0 },
	{ "place-like name", 0 },
};

struct item {
	enum rkind	 kind;
	char		*what;		/* the word, or register ids */
	char		*raw;		/* the text as written: to find it in
					 * the case's files, never printed */
	const char	*doc;
	char		*context;
};

struct residual {
	struct item	*v;
	size_t		 n, cap;
};

/* The last word of a capitalised run that makes it read as a place. */
static const char *const place_words[] = {
	"academy", "avenue", "close", "court", "crescent", "drive",
	"estate", "farm", "gardens", "green", "grove", "hill", "house",
	"lane", "mews", "nursery", "park", "place", "primary", "road",
	"school", "square", "street", "surgery", "terrace", "walk", "way",
};

/* Words after which a capitalised word is someone's name. */
static const char *const name_before[] = {
	"mr", "mrs", "ms", "miss", "mx", "dr", "master", "known as", "aka",
	"called", "named", "nicknamed",
};

struct residual *
residual_new(void)
{
	return xcalloc(1, sizeof(struct residual));
}

void
residual_free(struct residual *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->v[i].what);
		free(r->v[i].raw);
		free(r->v[i].context);
	}
	free(r->v);
	free(r);
}

size_t
residual_count(const struct residual *r)
{
	return r->n;
}

size_t
residual_high(const struct residual *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->n; i++)
		n += rkinds[r->v[i].kind].high;
	return n;
}

/* Up to 30 bytes either side of text[s..e), on whole characters. */
static char *
context(const char *text, size_t len, size_t s, size_t e)
{
	struct buf b = BUF_INIT;
	size_t a = s > 30 ? s - 30 : 0, z = e + 30 < len ? e + 30 : len, i;

	while (a > 0 && (text[a] & 0xC0) == 0x80)
		a--;
	while (z < len && (text[z] & 0xC0) == 0x80)
		z++;
	for (i = a; i < z; i++)
		buf_putc(&b, text[i] == '\n' || text[i] == '\t' ? ' ' : text[i]);
	return buf_detach(&b);
}

static char *
dupn(const char *s, size_t n)
{
	char *c = xmalloc(n + 1);

	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

static void
add(struct residual *r, enum rkind kind, const char *what, size_t n,
    const char *raw, size_t rn, const char *doc, const char *text,
    size_t len, size_t s, size_t e)
{
	struct item *it;

	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	it = &r->v[r->n++];
	it->kind = kind;
	it->what = dupn(what, n);
	it->raw = dupn(raw, rn);
	it->doc = doc;
	it->context = context(text, len, s, e);
}

void
residual_hits(struct residual *r, const struct anon *a, const char *docname,
    const char *orig, const char *anon, const struct anon_hits *h)
{
	struct buf id = BUF_INIT;
	size_t i, shift = 0, s, len = strlen(anon);
	long d = 0;

	for (i = 0; i < h->n; i++) {
		s = h->v[i].start + shift;
		if (h->v[i].why != NULL && h->v[i].ent >= 0) {
			buf_reset(&id);
			buf_printf(&id, "%s%s%s (%s)", anon_ent_id(a,
			    h->v[i].ent), h->v[i].ent2 >= 0 ? "/" : "",
			    h->v[i].ent2 >= 0 ? anon_ent_id(a, h->v[i].ent2) :
			    "", anon_kind_name(h->v[i].kind));
			add(r, h->v[i].risk ? R_SHARED : R_COMMON, id.data,
			    id.len, orig + h->v[i].start, h->v[i].end -
			    h->v[i].start, docname, anon, len, s, s +
			    strlen(h->v[i].repl));
		}
		d = (long)strlen(h->v[i].repl) - (long)(h->v[i].end -
		    h->v[i].start);
		shift = (size_t)((long)shift + d);
	}
	buf_free(&id);
}

static int
is_place_word(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(place_words) / sizeof(place_words[0]); i++)
		if (strlen(place_words[i]) == n &&
		    strncasecmp(place_words[i], w, n) == 0)
			return 1;
	return 0;
}

/* Whether a word that names someone comes just before text[ws]. */
static int
name_context(const char *text, size_t ws)
{
	size_t i, n, s = ws;

	while (s > 0 && text[s - 1] == ' ')
		s--;
	if (s > 0 && text[s - 1] == '.')
		s--;
	for (i = 0; i < sizeof(name_before) / sizeof(name_before[0]); i++) {
		n = strlen(name_before[i]);
		if (s >= n && strncasecmp(text + s - n, name_before[i], n) == 0 &&
		    (s == n || !isalpha((unsigned char)text[s - n - 1])) &&
		    s < ws)
			return 1;
	}
	return 0;
}

void
residual_text(struct residual *r, const struct anon *a, const char *docname,
    const char *text, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	utf8proc_category_t cat;
	size_t i = 0, ws, we, run = 0, runs = 0, digits, ds;
	int upper, letters, start = 1, inbracket = 0;

	while (i < len) {
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		if (k <= 0) {
			i++;
			continue;
		}
		cat = utf8proc_category(c);
		if (c == '[')
			inbracket = 1;
		else if (c == ']')
			inbracket = 0;
		if (c >= '0' && c <= '9') {
			/* Digits with separators between: an identifier? */
			ds = i;
			digits = 0;
			while (i < len && ((text[i] >= '0' && text[i] <= '9') ||
			    ((text[i] == ' ' || text[i] == '-' || text[i] ==
			    '.' || text[i] == '/') && i + 1 < len &&
			    text[i + 1] >= '0' && text[i + 1] <= '9'))) {
				if (text[i] >= '0' && text[i] <= '9')
					digits++;
				i++;
			}
			if (digits >= 6)
				add(r, R_NUMBER, text + ds, i - ds, text + ds,
				    i - ds, docname, text, len, ds, i);
			start = 0;
			run = 0;
			continue;
		}
		if (!(cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)) {
			if (c == '.' || c == '!' || c == '?' || c == ':' ||
			    c == '\n') {
				start = 1;
				run = 0;
			} else if (c != ' ' && c != '\'' && c != 0x2019 &&
			    c != '-')
				run = 0;
			i += (size_t)k;
			continue;
		}
		/* A word: letters, with apostrophes and hyphens inside. */
		ws = i;
		upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
		letters = 0;
		while (i < len) {
			k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i),
			    &c);
			if (k <= 0)
				break;
			cat = utf8proc_category(c);
			if (cat >= UTF8PROC_CATEGORY_LU &&
			    cat <= UTF8PROC_CATEGORY_LO)
				letters++;
			else if (!((c == '\'' || c == 0x2019 || c == '-') &&
			    i + (size_t)k < len && isalpha((unsigned char)
			    text[i + k])))
				break;
			i += (size_t)k;
		}
		we = i;
		/* "Kerry's": the word without its possessive. */
		if (we - ws > 2 && text[we - 2] == '\'' && (text[we - 1] == 's'
		    || text[we - 1] == 'S')) {
			we -= 2;
			letters--;
		} else if (we - ws > 4 && strncmp(text + we - 4, "\xe2\x80\x99",
		    3) == 0 && (text[we - 1] == 's' || text[we - 1] == 'S')) {
			we -= 4;
			letters--;
		}
		/* "SW1", "HV1": register ids and role numbers. */
		while (i < len && text[i] >= '0' && text[i] <= '9')
			we = ++i;
		if (upper && !inbracket) {
			if (letters >= 2 && !anon_known_word(a, text + ws,
			    we - ws))
				add(r, name_context(text, ws) ? R_NAME : R_WORD,
				    text + ws, we - ws, text + ws, we - ws,
				    docname, text, len, ws, we);
			if (!start) {
				if (run == 0)
					runs = ws;
				run++;
				if (run >= 2 && is_place_word(text + ws, we - ws) &&
				    !anon_known_word(a, text + runs, we - runs))
					add(r, R_PLACE, text + runs, we - runs,
					    text + runs, we - runs, docname, text,
					    len, runs, we);
			}
		} else
			run = 0;
		start = 0;
	}
}

static int
itemcmp(const void *x, const void *y)
{
	const struct item *p = x, *q = y;
	int c;

	if (p->kind != q->kind)
		return p->kind < q->kind ? -1 : 1;
	if ((c = strcmp(p->what, q->what)) != 0)
		return c;
	if ((c = strcmp(p->doc, q->doc)) != 0)
		return c;
	return strcmp(p->context, q->context);
}

/* A group of items of one kind and what. */
struct group {
	size_t		 first, count;
	int		 high;
	char		 where[300];	/* "file:line:col", or "" */
};

static int
groupcmp(const void *x, const void *y)
{
	const struct group *p = x, *q = y;

	if (p->high != q->high)
		return p->high ? -1 : 1;
	if (p->count != q->count)
		return p->count > q->count ? -1 : 1;
	return p->first < q->first ? -1 : p->first > q->first;
}

static const char *
find(const char *h, size_t hn, const char *s, size_t n)
{
	const char *p = h, *e = h + hn;

	while (p + n <= e && (p = memchr(p, s[0], (size_t)(e - p - n + 1))) !=
	    NULL) {
		if (memcmp(p, s, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Where raw first is in the case's files, as "file:line:col", in
 * where; "" if in none (it came from a document's own wording). */
static void
locate(const struct kase *k, const char *raw, char *where, size_t n)
{
	struct buf b = BUF_INIT;
	const char *hit, *p;
	size_t i, line, col, rl = strlen(raw);

	where[0] = '\0';
	/* The returns and narratives first; the register (case.xml)
	 * holds every name, and is where they are only if nowhere else. */
	for (i = 0; k != NULL && rl > 0 && i <= k->files.n; i++) {
		const char *file = i < k->files.n ? k->files.v[i] : k->manifest;

		if (file == NULL || (i < k->files.n && k->manifest != NULL &&
		    strcmp(file, k->manifest) == 0))
			continue;
		buf_reset(&b);
		if (buf_read_file(&b, file, 64u << 20) == -1 || b.data == NULL)
			continue;
		if ((hit = find(b.data, b.len, raw, rl)) == NULL)
			continue;
		line = 1;
		col = 1;
		for (p = b.data; p < hit; p++) {
			if (*p == '\n') {
				line++;
				col = 1;
			} else if ((*p & 0xC0) != 0x80)
				col++;
		}
		snprintf(where, n, "%s:%zu:%zu", file, line, col);
		break;
	}
	buf_free(&b);
}

/* The one line that decides an item, in case.xml's words; never the
 * register's names. */
static void
decide(const struct item *it, const char *where, struct buf *b)
{
	const char *at = *where ? where : "the place shown";

	switch (it->kind) {
	case R_SHARED:
		buf_printf(b, "add <alias>the words at %s</alias> to the person "
		    "they mean (one of %.*s) in case.xml", at,
		    (int)strcspn(it->what, " "), it->what);
		break;
	case R_NAME:
		buf_printf(b, "add <person id=\"...\" role=\"...\"><name>%s"
		    "</name></person> to the register, or <allow>%s</allow> "
		    "if it names nobody", it->what, it->what);
		break;
	case R_NUMBER:
		buf_printf(b, "add <identifier label=\"...\">a pattern for it"
		    "</identifier> to <publication>, or <allow>%s</allow> if "
		    "it identifies nobody", it->what);
		break;
	case R_COMMON:
		buf_puts(b, "read it; add <alias> to decide a name, or leave "
		    "the word");
		break;
	case R_WORD:
	case R_PLACE:
		buf_printf(b, "<allow>%s</allow>, or add it to the register",
		    it->what);
		break;
	default:
		break;
	}
}

#define LOW_SHOWN	20	/* low-risk groups listed; the rest counted */

int
residual_write(struct residual *r, const struct anon *a,
    const struct kase *k, const char *path, const char *what, int accepted,
    struct diag_ctx *dg)
{
	struct buf b = BUF_INIT, d = BUF_INIT;
	struct group *g = NULL;
	size_t i, j, ng = 0, gcap = 0, nhigh = 0, nlow = 0, shown = 0;
	char *s;
	int rc;

	/* Whatever a weakened pass left, the report never repeats. */
	for (i = 0; i < r->n; i++) {
		s = anon_string(a, r->v[i].context);
		free(r->v[i].context);
		r->v[i].context = s;
		if (r->v[i].kind != R_SHARED && r->v[i].kind != R_COMMON) {
			s = anon_string(a, r->v[i].what);
			free(r->v[i].what);
			r->v[i].what = s;
		}
	}
	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), itemcmp);
	for (i = 0; i < r->n; i = j) {
		for (j = i + 1; j < r->n && r->v[j].kind == r->v[i].kind &&
		    strcmp(r->v[j].what, r->v[i].what) == 0; j++)
			;
		g = xgrow(g, &gcap, ng + 1, sizeof(*g));
		g[ng].first = i;
		g[ng].count = j - i;
		g[ng].high = rkinds[r->v[i].kind].high;
		g[ng].where[0] = '\0';
		if (rkinds[r->v[i].kind].high) {
			locate(k, r->v[i].raw, g[ng].where,
			    sizeof(g[ng].where));
			nhigh++;
		} else
			nlow++;
		ng++;
	}
	if (ng > 1)
		qsort(g, ng, sizeof(*g), groupcmp);
	buf_printf(&b, "# cspr residual-risk report: %s\n"
	    "#\n"
	    "# What the anonymiser did not decide. Register names are never "
	    "printed\n"
	    "# here: entries refer to register ids and to where the text is.\n"
	    "#\n# kind\twhat\tcount\twhere\tfirst document\tcontext\n"
	    "#\tdecide: the edit to case.xml that decides it\n", what);
	buf_printf(&b, "\n# Must be decided before publication (%zu): a build "
	    "refuses while any is\n# left, unless --accept-residual says "
	    "they were read and are safe.\n", nhigh);
	for (i = 0; i < ng; i++) {
		const struct item *it = &r->v[g[i].first];

		if (!rkinds[it->kind].high)
			continue;
		buf_reset(&d);
		decide(it, g[i].where, &d);
		buf_printf(&b, "%s\t%s\t%zu\t%s\t%s\t\"%s\"\n\tdecide: %s\n",
		    rkinds[it->kind].name, it->what, g[i].count,
		    *g[i].where ? g[i].where : "-", it->doc, it->context,
		    d.data);
	}
	if (nhigh == 0)
		buf_puts(&b, "# none\n");
	buf_printf(&b, "\n# Worth a look (%zu), most frequent first:\n", nlow);
	for (i = 0; i < ng; i++) {
		const struct item *it = &r->v[g[i].first];

		if (rkinds[it->kind].high)
			continue;
		if (shown++ == LOW_SHOWN)
			break;
		buf_reset(&d);
		decide(it, "", &d);
		buf_printf(&b, "%s\t%s\t%zu\t-\t%s\t\"%s\"\n\tdecide: %s\n",
		    rkinds[it->kind].name, it->what, g[i].count, it->doc,
		    it->context, d.data);
	}
	if (nlow > LOW_SHOWN)
		buf_printf(&b, "# ... and %zu more of these, each a capitalised "
		    "word the dictionary and the allow-list do not know\n",
		    nlow - LOW_SHOWN);
	if (nlow == 0)
		buf_puts(&b, "# none\n");
	rc = outfile_write(path, b.data, b.len, dg);
	/* Each thing to decide, as a message where it is. */
	for (i = 0; i < ng; i++) {
		const struct item *it = &r->v[g[i].first];

		if (!rkinds[it->kind].high)
			continue;
		diag_at(dg, accepted ? DIAG_WARNING : DIAG_ERROR, *g[i].where ?
		    g[i].where : it->doc, 0, 0, "publication: %s%s%s: %s (the "
		    "residual-risk report says how to decide it)",
		    rkinds[it->kind].name, it->kind == R_SHARED ? " " : "",
		    it->kind == R_SHARED ? it->what : "", accepted ?
		    "undecided, published as --accept-residual says" :
		    "undecided");
	}
	free(g);
	buf_free(&b);
	buf_free(&d);
	return rc;
}
