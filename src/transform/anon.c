/* The anonymiser: every register entry's name variants in a trie over folded text, matched longest first. */
#include "anon_impl.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

static const char *const kind_names[] = {
	"full", "given", "family", "title", "initials", "possessive",
	"plural", "alias", "caps", "accents", "separators", "runs", "nhs",
	"nino", "postcode", "phone", "email", "url", "reference", "dates",
};

/* Titles written before a surname, and the sex each implies. */
static const struct {
	const char	*t;
	char		 sex;
} titles[] = {
	{ "mr", 'm' }, { "mrs", 'f' }, { "ms", 'f' }, { "miss", 'f' },
	{ "mx", 0 }, { "dr", 0 }, { "prof", 0 }, { "rev", 0 }, { "dc", 0 },
	{ "pc", 0 }, { "ds", 0 }, { "di", 0 }, { "dci", 0 }, { "sgt", 0 },
	{ "insp", 0 }, { "nurse", 0 }, { "sister", 'f' }, { "master", 'm' },
	{ "sir", 'm' }, { "lady", 'f' }, { "dame", 'f' }, { "cllr", 0 },
};

/* Words that start a family name: "van der Berg", "de la Cruz". */
static const char *const particles[] = {
	"al", "bin", "ibn", "da", "das", "de", "del", "della", "den", "der",
	"di", "do", "dos", "du", "el", "la", "le", "van", "von", "ter", "st",
};

const char *
anon_kind_name(unsigned kind)
{
	size_t i;

	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (kind == 1u << i)
			return kind_names[i];
	return "name";
}

long
anon_kinds_parse(const char *list)
{
	const char *p = list, *e;
	unsigned long bits = 0;
	size_t i, n;

	while (p != NULL && *p != '\0') {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]);
		    i++)
			if (strlen(kind_names[i]) == n &&
			    strncmp(kind_names[i], p, n) == 0)
				break;
		if (i == sizeof(kind_names) / sizeof(kind_names[0]))
			return -1;
		bits |= 1ul << i;
		p = e != NULL ? e + 1 : NULL;
	}
	return (long)bits;
}

/* --- string sets ------------------------------------------------------ */

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

int
wordset_has(const struct wordset *w, const char *s, size_t n)
{
	size_t i;

	if (w->cap == 0)
		return 0;
	for (i = hash(s, n) & (w->cap - 1); w->v[i] != NULL;
	    i = (i + 1) & (w->cap - 1))
		if (strlen(w->v[i]) == n && memcmp(w->v[i], s, n) == 0)
			return 1;
	return 0;
}

void
wordset_add(struct wordset *w, const char *s, size_t n)
{
	struct wordset old = *w;
	char *c;
	size_t i;

	if (n == 0 || wordset_has(w, s, n))
		return;
	if ((w->n + 1) * 2 > w->cap) {
		w->cap = w->cap ? w->cap * 2 : 1024;
		w->v = xcalloc(w->cap, sizeof(*w->v));
		w->n = 0;
		for (i = 0; i < old.cap; i++)
			if ((c = old.v[i]) != NULL) {
				size_t j = hash(c, strlen(c)) & (w->cap - 1);

				while (w->v[j] != NULL)
					j = (j + 1) & (w->cap - 1);
				w->v[j] = c;
				w->n++;
			}
		free(old.v);
	}
	c = xmalloc(n + 1);
	memcpy(c, s, n);
	c[n] = '\0';
	for (i = hash(s, n) & (w->cap - 1); w->v[i] != NULL;
	    i = (i + 1) & (w->cap - 1))
		;
	w->v[i] = c;
	w->n++;
}

void
wordset_free(struct wordset *w)
{
	size_t i;

	for (i = 0; i < w->cap; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof(*w));
}

/* --- variants --------------------------------------------------------- */

static unsigned
trie_node(struct anon *a)
{
	a->tr = xgrow(a->tr, &a->trcap, a->ntr + 1, sizeof(*a->tr));
	memset(&a->tr[a->ntr], 0, sizeof(*a->tr));
	return (unsigned)a->ntr++;
}

/* Adds folded variant s of entry ent. A string two entries share is
 * marked so: neither can be told from the other by it. */
static void
variant(struct anon *a, const char *s, size_t n, int ent, unsigned kind)
{
	struct anon_var *v;
	unsigned t = 0, c;
	size_t i;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	if (n == 0 || (n == 1 && !(kind & AK_ALIAS)))
		return;
	for (i = 0; i < n; i++) {
		for (c = a->tr[t].child; c != 0; c = a->tr[c].next)
			if (a->tr[c].c == (unsigned char)s[i])
				break;
		if (c == 0) {
			c = trie_node(a);
			a->tr[c].c = (unsigned char)s[i];
			a->tr[c].next = a->tr[t].child;
			a->tr[t].child = c;
		}
		t = c;
	}
	if (a->tr[t].var != 0) {
		v = &a->var[a->tr[t].var - 1];
		if (v->ent != ent && v->ent2 < 0)
			v->ent2 = ent;
		return;
	}
	a->var = xgrow(a->var, &a->varcap, a->nvar + 1, sizeof(*a->var));
	v = &a->var[a->nvar++];
	v->ent = ent;
	v->ent2 = -1;
	v->kind = kind;
	v->initials = kind == AK_INITIALS;
	v->common = memchr(s, ' ', n) == NULL && wordset_has(&a->dict, s, n);
	a->tr[t].var = (int)a->nvar;
}

/* s with every character of drop removed, as another variant. */
static void
variant_without(struct anon *a, const char *s, int ent, unsigned kind,
    char drop)
{
	struct buf b = BUF_INIT;

	if (strchr(s, drop) == NULL)
		return;
	for (; *s != '\0'; s++)
		if (*s != drop)
			buf_putc(&b, *s);
	variant(a, b.data, b.len, ent, kind);
	buf_free(&b);
}

/* A word or group of words and the forms it is also written in:
 * without apostrophes ("OBrien"), without spaces ("SmithJones"). */
static void
variants(struct anon *a, const char *s, int ent, unsigned kind)
{
	const char *sp;

	variant(a, s, strlen(s), ent, kind);
	if (!(a->kinds & AK_SEPARATORS))
		return;
	variant_without(a, s, ent, kind, '\'');
	variant_without(a, s, ent, kind, ' ');
	/* "Mr AlHassan", "Ms SmithJones": the title stays a word. */
	if (kind == AK_TITLE && (sp = strchr(s, ' ')) != NULL &&
	    strchr(sp + 1, ' ') != NULL) {
		struct buf b = BUF_INIT;

		buf_put(&b, s, (size_t)(sp - s) + 1);
		for (sp++; *sp != '\0'; sp++)
			if (*sp != ' ' && *sp != '\'')
				buf_putc(&b, *sp);
		variant(a, b.data, b.len, ent, kind);
		buf_free(&b);
	}
}

static int
is_title(const char *w, char *sex)
{
	size_t i, n = strlen(w);

	if (n > 0 && w[n - 1] == '.')
		n--;
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (strlen(titles[i].t) == n && strncmp(titles[i].t, w, n) == 0) {
			if (sex != NULL)
				*sex = titles[i].sex;
			return 1;
		}
	return 0;
}

static int
is_particle(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
		if (strcmp(particles[i], w) == 0)
			return 1;
	return 0;
}

/* The first letter of a folded word if it is an ASCII letter, else 0. */
static char
initial(const char *w)
{
	return *w >= 'a' && *w <= 'z' ? *w : 0;
}

/*
 * Every variant of a person's name: in full, given name, family name
 * (with its particles, and its last word alone), title and family name,
 * initials. Words are what the raw name separates with spaces; a word
 * may hold a hyphen (folded to a space) or an apostrophe.
 */
static void
person_variants(struct anon *a, const char *raw, int ent)
{
	struct fold f = { NULL, 0, 0, NULL };
	struct buf b = BUF_INIT;
	char *w[16], *p, *q, sex, *full = NULL;
	const char *fam, *forms[3];
	size_t nw = 0, i, first = 0, fi, t;
	char x, y;

	/* Words of the raw name, each folded on its own. */
	p = xstrdup(raw);
	for (q = strtok(p, " \t\xc2\xa0"); q != NULL && nw < 16;
	    q = strtok(NULL, " \t\xc2\xa0")) {
		fold_text(&f, q, strlen(q), a->kinds);
		w[nw++] = xstrdup(f.s);
	}
	while (first < nw && nw - first > 1 && is_title(w[first], NULL))
		first++;
	if (first == nw)
		goto out;
	for (i = first; i < nw; i++) {
		if (i > first)
			buf_putc(&b, ' ');
		buf_puts(&b, w[i]);
	}
	variants(a, b.data, ent, AK_FULL);
	if (nw - first == 1)
		goto out;
	full = xstrdup(b.data);
	variants(a, w[first], ent, AK_GIVEN);
	/* The family name starts at its first particle, else it is the
	 * last word. */
	for (fi = first + 1; fi < nw - 1 && !is_particle(w[fi]); fi++)
		;
	buf_reset(&b);
	for (i = fi; i < nw; i++) {
		if (i > fi)
			buf_putc(&b, ' ');
		buf_puts(&b, w[i]);
	}
	fam = b.data;
	variants(a, fam, ent, AK_FAMILY);
	if (fi != nw - 1)
		variants(a, w[nw - 1], ent, AK_FAMILY);
	/* "Kerry Walsh" for "Kerry Anne Walsh". */
	if (fi > first + 1) {
		struct buf gf = BUF_INIT;

		buf_printf(&gf, "%s %s", w[first], fam);
		variants(a, gf.data, ent, AK_FULL);
		buf_free(&gf);
	}
	/* Title and family name, in every form the family name takes;
	 * title and full name. */
	forms[0] = fam;
	forms[1] = w[nw - 1];
	forms[2] = full;
	for (t = 0; t < sizeof(titles) / sizeof(titles[0]); t++) {
		if (!is_title(titles[t].t, &sex) || (sex != 0 &&
		    a->ent[ent].sex != 0 && sex != a->ent[ent].sex))
			continue;
		for (i = 0; i < 3; i++) {
			struct buf tf = BUF_INIT;

			buf_printf(&tf, "%s %s", titles[t].t, forms[i]);
			variants(a, tf.data, ent, AK_TITLE);
			buf_reset(&tf);
			buf_printf(&tf, "%s. %s", titles[t].t, forms[i]);
			variants(a, tf.data, ent, AK_TITLE);
			buf_free(&tf);
		}
	}
	if ((x = initial(w[first])) != 0 && (y = initial(w[nw - 1])) != 0) {
		static const char *const ini[] = {
			"%c%c", "%c.%c.", "%c. %c.", "%c %c", "%c.%c",
		};
		char s[8];

		for (i = 0; i < sizeof(ini) / sizeof(ini[0]); i++) {
			snprintf(s, sizeof(s), ini[i], x, y);
			variant(a, s, strlen(s), ent, AK_INITIALS);
		}
	}
out:
	for (i = 0; i < nw; i++)
		free(w[i]);
	free(full);
	free(p);
	buf_free(&b);
	fold_free(&f);
}

/* A whole name as written (a place's, an alias), folded. */
static void
whole_variants(struct anon *a, const char *raw, int ent, unsigned kind)
{
	struct fold f = { NULL, 0, 0, NULL };

	fold_text(&f, raw, strlen(raw), a->kinds);
	variants(a, f.s, ent, kind);
	fold_free(&f);
}

/* --- building --------------------------------------------------------- */

/* Adds raw text folded, and each of its words, to a word set. */
static void
allow_add(struct anon *a, const char *raw)
{
	struct fold f = { NULL, 0, 0, NULL };
	size_t i, s;

	if (raw == NULL)
		return;
	fold_text(&f, raw, strlen(raw), AK_ALL);
	wordset_add(&a->allow, f.s, f.n);
	for (i = 0; i <= f.n; i = s + 1) {
		for (s = i; s < f.n && FOLD_WORDC(f.s[s]); s++)
			;
		if (s > i)
			wordset_add(&a->allow, f.s + i, s - i);
	}
	fold_free(&f);
}

/* Loads the lower-case words of a dictionary file (one a line). */
static int
load_words(struct anon *a, const char *file, int allow,
    struct diag_ctx *dg)
{
	struct buf b = BUF_INIT;
	struct fold f = { NULL, 0, 0, NULL };
	char *line, *save = NULL;

	if (buf_read_file(&b, file, 64u << 20) == -1) {
		diag_at(dg, DIAG_ERROR, file, 0, 0, "cannot read the %s: %s",
		    allow ? "allow-list" : "dictionary of common words "
		    "(Debian package wbritish)", strerror(errno));
		return -1;
	}
	for (line = strtok_r(b.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (allow) {
			if (*line != '#')
				allow_add(a, line);
			continue;
		}
		if (*line < 'a' || *line > 'z' || strchr(line, '\'') != NULL)
			continue;
		fold_text(&f, line, strlen(line), AK_ALL);
		wordset_add(&a->dict, f.s, f.n);
	}
	buf_free(&b);
	fold_free(&f);
	return 0;
}

static char
sex_of(const char *s)
{
	if (s == NULL)
		return 0;
	if (strcasecmp(s, "female") == 0 || strcasecmp(s, "f") == 0)
		return 'f';
	if (strcasecmp(s, "male") == 0 || strcasecmp(s, "m") == 0)
		return 'm';
	return 0;
}

struct anon *
anon_new(const struct kase *k, unsigned kinds, const char *dictfile,
    const char *allowfile, struct diag_ctx *dg)
{
	struct anon *a = xcalloc(1, sizeof(*a));
	const struct person *p;
	const struct place *pl;
	size_t i, j;

	a->kinds = kinds;
	a->dates = k->pub.dates;
	a->incident = k->dates.incident.prec == DATE_DAY ?
	    date_first_day(&k->dates.incident) : LONG_MIN;
	a->shared_family = xstrdup("a family member");
	a->shared_other = xstrdup("a person");
	trie_node(a);
	if (load_words(a, dictfile, 0, dg) == -1 || (allowfile != NULL &&
	    load_words(a, allowfile, 1, dg) == -1))
		goto fail;
	a->nent = k->npp + k->npl;
	a->ent = xcalloc(a->nent ? a->nent : 1, sizeof(*a->ent));
	for (i = 0; i < k->npp; i++) {
		p = &k->pp[i];
		a->ent[i].id = p->id;
		a->ent[i].repl = p->pseudonym != NULL ? p->pseudonym : p->role;
		a->ent[i].sex = sex_of(p->sex);
		a->ent[i].family = p->agency == NULL;
		a->ent[i].dob = p->dob.prec == DATE_DAY ?
		    date_first_day(&p->dob) : LONG_MIN;
	}
	for (i = 0; i < k->npl; i++) {
		pl = &k->pl[i];
		a->ent[k->npp + i].id = pl->id;
		a->ent[k->npp + i].repl = pl->replacement;
		a->ent[k->npp + i].dob = LONG_MIN;
	}
	/* The names in full first, so that the kind a string is known by
	 * is its strongest. */
	for (i = 0; i < k->npp; i++) {
		p = &k->pp[i];
		for (j = 0; j < p->names.n; j++)
			person_variants(a, p->names.v[j], (int)i);
		for (j = 0; j < p->aliases.n; j++)
			whole_variants(a, p->aliases.v[j], (int)i, AK_ALIAS);
		allow_add(a, p->role);
		allow_add(a, p->pseudonym);
		allow_add(a, p->id);
	}
	for (i = 0; i < k->npl; i++) {
		pl = &k->pl[i];
		for (j = 0; j < pl->names.n; j++)
			whole_variants(a, pl->names.v[j], (int)(k->npp + i),
			    AK_FULL);
		for (j = 0; j < pl->aliases.n; j++)
			whole_variants(a, pl->aliases.v[j], (int)(k->npp + i),
			    AK_ALIAS);
		allow_add(a, pl->replacement);
		allow_add(a, pl->id);
	}
	for (i = 0; i < k->nag; i++) {
		allow_add(a, k->ag[i].id);
		allow_add(a, k->ag[i].prefix);
	}
	allow_add(a, k->partnership);
	allow_add(a, k->ref);
	for (i = 0; i < k->pub.allow.n; i++)
		allow_add(a, k->pub.allow.v[i]);
	if (anon_patterns(a, k, dg) == -1)
		goto fail;
	return a;
fail:
	anon_free(a);
	return NULL;
}

void
anon_free(struct anon *a)
{
	if (a == NULL)
		return;
	anon_patterns_free(a);
	wordset_free(&a->dict);
	wordset_free(&a->allow);
	free(a->ent);
	free(a->var);
	free(a->tr);
	free(a->shared_family);
	free(a->shared_other);
	free(a);
}

const char *
anon_ent_id(const struct anon *a, int ent)
{
	return ent >= 0 && (size_t)ent < a->nent ? a->ent[ent].id : "?";
}

int
anon_allowed(const struct anon *a, const char *s, size_t len)
{
	return wordset_has(&a->allow, s, len);
}

/* A word is known if it is, or each of its hyphen-joined parts is. */
int
anon_known_word(const struct anon *a, const char *w, size_t len)
{
	struct fold f = { NULL, 0, 0, NULL };
	char low[64];
	size_t i, s;
	int r;

	/* A plain ASCII word: no folding but lower case. */
	for (i = 0; i < len && i < sizeof(low) && ((w[i] >= 'a' && w[i] <= 'z')
	    || (w[i] >= 'A' && w[i] <= 'Z')); i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	if (i == len && len > 0)
		return wordset_has(&a->dict, low, len) ||
		    wordset_has(&a->allow, low, len);
	fold_text(&f, w, len, AK_ALL);
	r = wordset_has(&a->dict, f.s, f.n) || wordset_has(&a->allow, f.s,
	    f.n);
	for (i = 0; !r && i < f.n; i = s + 1) {
		for (s = i; s < f.n && f.s[s] != ' '; s++)
			;
		if (!wordset_has(&a->dict, f.s + i, s - i) &&
		    !wordset_has(&a->allow, f.s + i, s - i))
			break;
		if (s >= f.n)
			r = 1;
	}
	fold_free(&f);
	return r;
}

/* --- matching --------------------------------------------------------- */

enum lettercase { LC_NONE, LC_LOWER, LC_CAPITAL, LC_UPPER };

/* How the letters of text[s..e) are written. */
static enum lettercase
letter_case(const char *text, size_t s, size_t e)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	utf8proc_category_t cat;
	size_t up = 0, low = 0, n = 0;
	int first = -1;

	while (s < e && (k = utf8proc_iterate(p + s, (utf8proc_ssize_t)(e - s),
	    &c)) > 0) {
		cat = utf8proc_category(c);
		if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
			up++;
			if (first < 0)
				first = 1;
		} else if (cat == UTF8PROC_CATEGORY_LL) {
			low++;
			if (first < 0)
				first = 0;
		}
		n++;
		s += (size_t)k;
	}
	if (up + low == 0)
		return LC_NONE;
	if (up == 0)
		return LC_LOWER;
	if (low == 0)
		return up > 1 ? LC_UPPER : LC_CAPITAL;
	return first == 1 ? LC_CAPITAL : LC_LOWER;
}

/* 1 if text[at] starts a sentence: nothing but opening punctuation
 * and spaces since the start or a full stop, colon or line break. */
static int
sentence_start(const char *text, size_t at)
{
	const unsigned char *p = (const unsigned char *)text;
	utf8proc_int32_t c;
	utf8proc_category_t cat;
	size_t s;

	while (at > 0) {
		s = at - 1;
		while (s > 0 && (p[s] & 0xC0) == 0x80)
			s--;
		if (utf8proc_iterate(p + s, (utf8proc_ssize_t)(at - s), &c) <= 0)
			return 0;
		if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' ||
		    c == 0x2022)
			return 1;
		cat = utf8proc_category(c);
		if (!(c == '*' || c == '_' || c == '"' || c == '\'' ||
		    c == '(' || c == '[' || c == '\t' ||
		    cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_PI ||
		    cat == UTF8PROC_CATEGORY_PS || cat == UTF8PROC_CATEGORY_PD))
			return 0;
		at = s;
	}
	return 1;
}

struct anon_hit *
anon_hit_add(struct anon_hits *h)
{
	struct anon_hit *x;

	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
	x = &h->v[h->n++];
	memset(x, 0, sizeof(*x));
	x->ent = x->ent2 = -1;
	return x;
}

void
anon_hits_free(struct anon_hits *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->v[i].repl);
	free(h->v);
	memset(h, 0, sizeof(*h));
}

/* The replacement as the sentence needs it: capitalised at the start of
 * one, in capitals where the name was. */
static char *
fit(const char *repl, const char *prefix, int start, enum lettercase lc)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_puts(&b, prefix);
	buf_puts(&b, repl);
	if (start && b.data[0] >= 'a' && b.data[0] <= 'z')
		b.data[0] = (char)(b.data[0] - 'a' + 'A');
	if (lc == LC_UPPER)
		for (i = 0; i < b.len; i++)
			if (b.data[i] >= 'a' && b.data[i] <= 'z')
				b.data[i] = (char)(b.data[i] - 'a' + 'A');
	return buf_detach(&b);
}

/* Length of a plural ending ("s", "es") at f[j] followed by a word's
 * end, else 0. */
static size_t
plural(const struct fold *f, size_t j)
{
	size_t n = 0;

	if (j < f->n && f->s[j] == 's')
		n = 1;
	else if (j + 1 < f->n && f->s[j] == 'e' && f->s[j + 1] == 's')
		n = 2;
	if (n == 0 || (j + n < f->n && FOLD_WORDC(f->s[j + n])))
		return 0;
	return n;
}

/* Decides on variant v found at folded [i, j): adds a hit and returns
 * its folded end, or 0 to try a shorter match. */
static size_t
accept(const struct anon *a, const char *text, const struct fold *f,
    size_t i, size_t j, const struct anon_var *v, struct anon_hits *h)
{
	const struct anon_ent *e = &a->ent[v->ent];
	struct anon_hit *x;
	const char *why = NULL, *repl = e->repl, *prefix = "";
	size_t pl = 0, o1 = f->off[i], o2;
	enum lettercase lc;
	int start;

	if (!(a->kinds & v->kind))
		return 0;
	if (f->s[j - 1] != '.' && j < f->n && FOLD_WORDC(f->s[j])) {
		/* Only a plural family name runs on. */
		if (!(v->kind & AK_FAMILY) || !(a->kinds & AK_PLURAL) ||
		    (pl = plural(f, j)) == 0)
			return 0;
	}
	if (pl == 0 && j < f->n && f->s[j] == '\'' &&
	    !(a->kinds & AK_POSSESSIVE))
		return 0;
	o2 = f->off[j + pl];
	lc = letter_case(text, o1, o2);
	if (v->initials && lc != LC_UPPER)
		return 0;
	if (lc == LC_UPPER && !v->initials && !(a->kinds & AK_CAPS))
		return 0;
	start = sentence_start(text, o1);
	if (v->common && pl == 0) {
		if (lc == LC_LOWER)
			return 0;	/* the word, not the name */
		if (start || lc == LC_UPPER)
			why = "a name that is also a common word, where cspr "
			    "cannot tell which it is";
	}
	if (v->ent2 >= 0) {
		repl = e->family && a->ent[v->ent2].family ?
		    a->shared_family : a->shared_other;
		why = "a name two entries of the register share";
	}
	if (pl > 0 && j + pl < f->n && f->s[j + pl] == '\'' &&
	    (j + pl + 1 >= f->n || !FOLD_WORDC(f->s[j + pl + 1]))) {
		/* "the Brennans' flat": "the family's flat". */
		repl = "family's";
		o2 = f->off[j + pl + 1];
		if (!(o1 >= 4 && strncasecmp(text + o1 - 4, "the ", 4) == 0))
			prefix = "the ";
	} else if (pl > 0) {
		repl = "family";
		/* "the Walshes": "the" is there already. */
		if (!(o1 >= 4 && strncasecmp(text + o1 - 4, "the ", 4) == 0))
			prefix = "the ";
	}
	x = anon_hit_add(h);
	x->start = o1;
	x->end = o2;
	x->ent = v->ent;
	x->ent2 = v->ent2;
	x->kind = v->kind;
	x->why = why;
	x->repl = fit(repl, prefix, start, v->initials ? LC_CAPITAL : lc);
	return j + pl;
}

/* Register names in text: at each word start, the longest variant. */
static void
scan_names(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	struct fold f = { NULL, 0, 0, NULL };
	size_t i, j, end, cand[64], nc;
	unsigned t, c, node[64];

	fold_text(&f, text, len, a->kinds);
	for (i = 0; i < f.n; i++) {
		if (!FOLD_WORDC(f.s[i]) || (i > 0 && FOLD_WORDC(f.s[i - 1])))
			continue;
		nc = 0;
		for (t = 0, j = i; j < f.n; j++) {
			for (c = a->tr[t].child; c != 0; c = a->tr[c].next)
				if (a->tr[c].c == (unsigned char)f.s[j])
					break;
			if (c == 0)
				break;
			t = c;
			if (a->tr[t].var != 0 && nc < 64) {
				node[nc] = t;
				cand[nc++] = j + 1;
			}
		}
		end = 0;
		while (nc > 0 && end == 0) {
			nc--;
			end = accept(a, text, &f, i, cand[nc],
			    &a->var[a->tr[node[nc]].var - 1], h);
		}
		(void)end;
	}
	fold_free(&f);
}

static int
hitcmp(const void *x, const void *y)
{
	const struct anon_hit *p = x, *q = y;

	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	if (p->end != q->end)
		return p->end > q->end ? -1 : 1;
	return p->kind < q->kind ? -1 : p->kind > q->kind;
}

void
anon_scan(const struct anon *a, const char *text, size_t len, int dates,
    struct anon_hits *h)
{
	size_t i, n = 0;

	for (i = 0; i < h->n; i++)
		free(h->v[i].repl);
	h->n = 0;
	scan_names(a, text, len, h);
	anon_pattern_scan(a, text, len, dates, h);
	if (h->n < 2)
		return;
	qsort(h->v, h->n, sizeof(*h->v), hitcmp);
	/* Overlaps: the earlier, longer hit stands, stretched to cover
	 * whatever the later one found beyond it. */
	for (i = 1; i < h->n; i++) {
		if (h->v[i].start < h->v[n].end) {
			if (h->v[i].end > h->v[n].end)
				h->v[n].end = h->v[i].end;
			free(h->v[i].repl);
			continue;
		}
		h->v[++n] = h->v[i];
	}
	h->n = n + 1;
}

char *
anon_apply(const char *text, size_t len, const struct anon_hits *h)
{
	struct buf b = BUF_INIT;
	size_t i, at = 0;

	for (i = 0; i < h->n; i++) {
		buf_put(&b, text + at, h->v[i].start - at);
		buf_puts(&b, h->v[i].repl);
		at = h->v[i].end;
	}
	buf_put(&b, text + at, len - at);
	return buf_detach(&b);
}

char *
anon_string(const struct anon *a, const char *text)
{
	struct anon_hits h = { NULL, 0, 0 };
	char *s;

	if (text == NULL)
		return NULL;
	anon_scan(a, text, strlen(text), 1, &h);
	s = anon_apply(text, strlen(text), &h);
	anon_hits_free(&h);
	return s;
}
