/* The residual-risk report: what the anonymiser's passes left for a person to decide before sign-off. */
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

struct item {
	const char	*kind;
	char		*what;		/* the word, or a register id */
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

static void
add(struct residual *r, const char *kind, const char *what, size_t n,
    const char *doc, const char *text, size_t len, size_t s, size_t e)
{
	struct item *it;

	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	it = &r->v[r->n++];
	it->kind = kind;
	it->what = xmalloc(n + 1);
	memcpy(it->what, what, n);
	it->what[n] = '\0';
	it->doc = doc;
	it->context = context(text, len, s, e);
}

void
residual_hits(struct residual *r, const struct anon *a, const char *docname,
    const char *anon, const struct anon_hits *h)
{
	struct buf id = BUF_INIT;
	size_t i, shift = 0, s, len = strlen(anon);
	long d = 0;

	for (i = 0; i < h->n; i++) {
		s = h->v[i].start + shift;
		if (h->v[i].why != NULL) {
			buf_reset(&id);
			buf_printf(&id, "%s%s%s (%s: %s)", anon_ent_id(a,
			    h->v[i].ent), h->v[i].ent2 >= 0 ? "/" : "",
			    h->v[i].ent2 >= 0 ? anon_ent_id(a, h->v[i].ent2) :
			    "", anon_kind_name(h->v[i].kind), h->v[i].why);
			add(r, "undecided-name", id.data, id.len, docname, anon,
			    len, s, s + strlen(h->v[i].repl));
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
				add(r, "identifier-like number", text + ds,
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
				add(r, "unknown-word", text + ws, we - ws,
				    docname, text, len, ws, we);
			if (!start) {
				if (run == 0)
					runs = ws;
				run++;
				if (run >= 2 && is_place_word(text + ws, we - ws) &&
				    !anon_known_word(a, text + runs, we - runs))
					add(r, "place-like name", text + runs,
					    we - runs, docname, text, len, runs,
					    we);
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

	if ((c = strcmp(p->kind, q->kind)) != 0)
		return c;
	if ((c = strcmp(p->what, q->what)) != 0)
		return c;
	if ((c = strcmp(p->doc, q->doc)) != 0)
		return c;
	return strcmp(p->context, q->context);
}

int
residual_write(struct residual *r, const struct anon *a, const char *path,
    const char *what, struct diag_ctx *dg)
{
	struct buf b = BUF_INIT;
	size_t i, j, n;
	char *s;
	int rc;

	/* Whatever a weakened pass left, the report never repeats. */
	for (i = 0; i < r->n; i++) {
		s = anon_string(a, r->v[i].context);
		free(r->v[i].context);
		r->v[i].context = s;
		s = anon_string(a, r->v[i].what);
		free(r->v[i].what);
		r->v[i].what = s;
	}
	qsort(r->v, r->n, sizeof(*r->v), itemcmp);
	buf_printf(&b, "# cspr residual-risk report: %s\n"
	    "#\n"
	    "# What the anonymiser did not decide. Read every entry before "
	    "sign-off:\n"
	    "# add a name to the register, or a word agreed as safe to "
	    "<publication>\n"
	    "# <allow> in case.xml, and build again. Register names are "
	    "never printed\n"
	    "# here: entries refer to register ids. --strict fails a "
	    "build with any entry.\n"
	    "#\n# kind\twhat\tcount\tfirst document\tcontext\n", what);
	n = 0;
	for (i = 0; i < r->n; i = j) {
		for (j = i + 1; j < r->n && strcmp(r->v[j].kind, r->v[i].kind)
		    == 0 && strcmp(r->v[j].what, r->v[i].what) == 0; j++)
			;
		buf_printf(&b, "%s\t%s\t%zu\t%s\t\"%s\"\n", r->v[i].kind,
		    r->v[i].what, j - i, r->v[i].doc, r->v[i].context);
		n++;
	}
	if (n == 0)
		buf_puts(&b, "# nothing undecided\n");
	rc = outfile_write(path, b.data, b.len, dg);
	buf_free(&b);
	return rc;
}
