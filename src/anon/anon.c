/* The anonymiser: every register entry's name variants in a trie over folded text, matched longest first. */
#include "anon_impl.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uspoof.h>
#include <utf8proc.h>

static const char *const kind_names[] = {
	"full", "given", "family", "title", "initials", "possessive",
	"plural", "alias", "caps", "accents", "separators", "runs", "nhs",
	"nino", "postcode", "phone", "email", "url", "reference", "dates",
	"bidi", "confusables", "glued", "handle", "address", "otherid",
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

/* Titles that children are given too ("Miss", "Master"); the others
 * belong to adults, so "Ms Brennan" is never the child. */
static int
child_title(const char *t)
{
	return strcmp(t, "miss") == 0 || strcmp(t, "master") == 0;
}

/* Month names: a given name ("April", "June") that is also one is a
 * date where a date's words stand by it. */
static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

/* Words that make a month name after them a date: "in April",
 * "mid-May", "since June". */
static const char *const month_before[] = {
	"in", "during", "since", "until", "till", "early", "mid", "late",
	"last", "next", "throughout", "this",
};

/* Words that start a family name: "van der Berg", "de la Cruz". */
static const char *const particles[] = {
	"al", "bin", "ibn", "da", "das", "de", "del", "della", "den", "der",
	"di", "do", "dos", "du", "el", "la", "le", "van", "von", "ter", "st",
	"o", "ni", "nic", "mac", "mc", "ui", "ua", "ben", "bint", "abu", "ap",
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

/* With a variant's kind: it is a name only where written in capitals
 * (initials: "KB" is a name, "kb" is not). */
#define VK_CAPS		(1u << 31)

static int
in_list(const char *const *l, size_t nl, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < nl; i++)
		if (strlen(l[i]) == n && memcmp(l[i], s, n) == 0)
			return 1;
	return 0;
}

/*
 * Adds folded variant s of entry ent. A string two entries share is
 * marked so: neither can be told from the other by it; but a string
 * the register writes for one (expl: a name or an alias) is that one's,
 * whatever was made from the others' names ("Ms Brennan" given as an
 * alias of the mother decides it).
 */
static void
variant(struct anon *a, const char *s, size_t n, int ent, unsigned kind,
    int expl)
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
		if (v->ent == ent || (v->expl && !expl)) {
			v->expl |= expl && v->ent == ent;
			return;
		}
		if (expl && !v->expl) {
			v->ent = ent;
			v->ent2 = -1;
			v->kind = kind & ~VK_CAPS;
			v->initials = (kind & VK_CAPS) != 0;
			v->expl = 1;
			return;
		}
		if (v->ent2 < 0)
			v->ent2 = ent;
		return;
	}
	a->var = xgrow(a->var, &a->varcap, a->nvar + 1, sizeof(*a->var));
	v = &a->var[a->nvar++];
	v->ent = ent;
	v->ent2 = -1;
	v->expl = expl;
	v->initials = (kind & VK_CAPS) != 0;
	v->kind = kind & ~VK_CAPS;
	v->common = memchr(s, ' ', n) == NULL && wordset_has(&a->dict, s, n);
	v->month = memchr(s, ' ', n) == NULL && in_list(month_names,
	    sizeof(month_names) / sizeof(month_names[0]), s, n);
	a->tr[t].var = (int)a->nvar;
}

/* s with every character of drop removed, as another variant. */
static void
variant_without(struct anon *a, const char *s, int ent, unsigned kind,
    char drop, int expl)
{
	struct buf b = BUF_INIT;

	if (strchr(s, drop) == NULL)
		return;
	for (; *s != '\0'; s++)
		if (*s != drop)
			buf_putc(&b, *s);
	variant(a, b.data, b.len, ent, kind, expl);
	buf_free(&b);
}

/* A word or group of words and the forms it is also written in:
 * without apostrophes ("OBrien"), without spaces ("SmithJones"). */
static void
variants(struct anon *a, const char *s, int ent, unsigned kind, int expl)
{
	const char *sp;

	variant(a, s, strlen(s), ent, kind, expl);
	if (!(a->kinds & AK_SEPARATORS))
		return;
	variant_without(a, s, ent, kind, '\'', expl);
	variant_without(a, s, ent, kind, ' ', expl);
	/* "Baird O Dwyer": the apostrophe a space. */
	if (strchr(s, '\'') != NULL) {
		struct buf b = BUF_INIT;

		for (sp = s; *sp != '\0'; sp++)
			buf_putc(&b, *sp == '\'' ? ' ' : *sp);
		variant(a, b.data, b.len, ent, kind, expl);
		buf_free(&b);
	}
	/* "BairdODwyer": neither. */
	if (strchr(s, '\'') != NULL && strchr(s, ' ') != NULL) {
		struct buf b = BUF_INIT;

		for (sp = s; *sp != '\0'; sp++)
			if (*sp != '\'' && *sp != ' ')
				buf_putc(&b, *sp);
		variant(a, b.data, b.len, ent, kind, expl);
		buf_free(&b);
	}
	/* "Mr AlHassan", "Ms SmithJones": the title stays a word. */
	if (kind == AK_TITLE && (sp = strchr(s, ' ')) != NULL &&
	    strchr(sp + 1, ' ') != NULL) {
		struct buf b = BUF_INIT;

		buf_put(&b, s, (size_t)(sp - s) + 1);
		for (sp++; *sp != '\0'; sp++)
			if (*sp != ' ' && *sp != '\'')
				buf_putc(&b, *sp);
		variant(a, b.data, b.len, ent, kind, expl);
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

/* 1 if folded s up to sp is a title ("dr" in "dr pieter ..."). */
static int
is_title_prefix(const char *s, const char *sp)
{
	char t[16];
	size_t n = (size_t)(sp - s);

	if (n == 0 || n >= sizeof(t))
		return 0;
	memcpy(t, s, n);
	t[n] = '\0';
	return is_title(t, NULL);
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
 * The initials of a raw name word, as written in capitals: "K" for
 * "Kayleigh", "A-M" for "Anne-Marie", "O'D" for "O'Donnell", "B-O'D"
 * for "Brennan-O'Donnell". Folded (hyphens as spaces) into out; the
 * number of letters, 0 if a part does not start with an ASCII letter.
 */
static size_t
word_initials(const char *raw, char *out, size_t n)
{
	size_t o = 0, letters = 0;
	const char *p = raw, *ps = raw;
	int part = 1;

	for (; *p != '\0' && o + 4 < n; p++) {
		if (part) {
			char c = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);

			if (c < 'a' || c > 'z')
				return 0;
			out[o++] = c;
			letters++;
			part = 0;
			ps = p;
		} else if (*p == '-') {
			out[o++] = ' ';
			part = 1;
		} else if (*p == '\'' && p[1] != '\0' && p - ps == 1) {
			/* O'Donnell, D'Souza: the letter after too. */
			out[o++] = '\'';
			part = 1;
		}
	}
	out[o] = '\0';
	return letters;
}

/* A person's initials, in every layout: "KB", "K.B.", "K. B.", "K B",
 * "K.B", and with hyphenated or apostrophe names "A-M B-O'D", and each
 * word's own when it has more than one letter ("A-M", "B-O'D"). */
static void
initials_variants(struct anon *a, const char *given, const char *family,
    int ent)
{
	static const char *const lay[] = { "%s%s", "%s.%s.", "%s. %s.",
	    "%s %s", "%s.%s" };
	char x[32], y[32], xs[32], ys[32], v[80];
	size_t nx, ny, i, j, k;

	if ((nx = word_initials(given, x, sizeof(x))) == 0 ||
	    (ny = word_initials(family, y, sizeof(y))) == 0)
		return;
	/* Without separators too: "AMBOD". */
	for (i = j = 0; x[i] != '\0'; i++)
		if (x[i] != ' ' && x[i] != '\'')
			xs[j++] = x[i];
	xs[j] = '\0';
	for (i = k = 0; y[i] != '\0'; i++)
		if (y[i] != ' ' && y[i] != '\'')
			ys[k++] = y[i];
	ys[k] = '\0';
	for (i = 0; i < sizeof(lay) / sizeof(lay[0]); i++) {
		snprintf(v, sizeof(v), lay[i], x, y);
		variant(a, v, strlen(v), ent, AK_INITIALS | VK_CAPS, 0);
		snprintf(v, sizeof(v), lay[i], xs, ys);
		variant(a, v, strlen(v), ent, AK_INITIALS | VK_CAPS, 0);
	}
	if (nx > 1)
		variant(a, x, strlen(x), ent, AK_INITIALS | VK_CAPS, 0);
	if (ny > 1)
		variant(a, y, strlen(y), ent, AK_INITIALS | VK_CAPS, 0);
}

static void	part_variants(struct anon *, const char *, int, unsigned,
		    const char *);

/*
 * Every variant of a person's name: in full, given name, family name
 * (with its particles, and its last word alone), title and family name
 * (adults' titles for adults only), initials, an initial and the family
 * name ("K.Brennan"). Words are what the raw name separates with
 * spaces; a word may hold a hyphen (folded to a space) or an
 * apostrophe.
 */
static void
person_variants(struct anon *a, const char *raw, int ent)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
	struct buf b = BUF_INIT;
	char *w[16], *rw[16], *p, *q, sex, *full = NULL;
	const char *fam, *forms[3];
	size_t nw = 0, i, first = 0, fi, t;
	char x;

	/* Words of the raw name, each folded on its own. */
	p = xstrdup(raw);
	for (q = strtok(p, " \t\xc2\xa0"); q != NULL && nw < 16;
	    q = strtok(NULL, " \t\xc2\xa0")) {
		fold_text(&f, q, strlen(q), &a->fo);
		rw[nw] = q;
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
	variants(a, b.data, ent, AK_FULL, 1);
	if (nw - first == 1)
		goto out;
	full = xstrdup(b.data);
	variants(a, w[first], ent, AK_GIVEN, 0);
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
	variants(a, fam, ent, AK_FAMILY, 0);
	if (fi != nw - 1)
		variants(a, w[nw - 1], ent, AK_FAMILY, 0);
	for (i = fi; i < nw; i++)
		part_variants(a, rw[i], ent, AK_FAMILY, w[first]);
	part_variants(a, rw[first], ent, AK_GIVEN, NULL);
	/* "Kerry Walsh" for "Kerry Anne Walsh". */
	if (fi > first + 1) {
		struct buf gf = BUF_INIT;

		buf_printf(&gf, "%s %s", w[first], fam);
		variants(a, gf.data, ent, AK_FULL, 0);
		buf_free(&gf);
	}
	/* Title and family name, in every form the family name takes;
	 * title and full name. */
	forms[0] = fam;
	forms[1] = w[nw - 1];
	forms[2] = full;
	for (t = 0; t < sizeof(titles) / sizeof(titles[0]); t++) {
		if (!is_title(titles[t].t, &sex) || (sex != 0 &&
		    a->ent[ent].sex != 0 && sex != a->ent[ent].sex) ||
		    (!a->ent[ent].adult && !child_title(titles[t].t)))
			continue;
		for (i = 0; i < 3; i++) {
			struct buf tf = BUF_INIT;

			buf_printf(&tf, "%s %s", titles[t].t, forms[i]);
			variants(a, tf.data, ent, AK_TITLE, 0);
			buf_reset(&tf);
			buf_printf(&tf, "%s. %s", titles[t].t, forms[i]);
			variants(a, tf.data, ent, AK_TITLE, 0);
			buf_free(&tf);
		}
	}
	initials_variants(a, rw[first], rw[nw - 1], ent);
	/* "K. Brennan", "K.Brennan". */
	if ((x = initial(w[first])) != 0) {
		static const char *const lay[] = { "%c. %s", "%c.%s" };
		struct buf tf = BUF_INIT;

		for (i = 0; i < sizeof(lay) / sizeof(lay[0]); i++) {
			buf_reset(&tf);
			buf_printf(&tf, lay[i], x, fam);
			variants(a, tf.data, ent, AK_INITIALS, 0);
		}
		buf_free(&tf);
	}
out:
	for (i = 0; i < nw; i++)
		free(w[i]);
	free(full);
	free(p);
	buf_free(&b);
	fold_free(&f);
}

/* The parts of raw name word w, as names of kind: each part of a
 * hyphenated name ("Baird" of "Baird-O'Dwyer", "Lily" of "Lily-Mae"),
 * and the stem of an O' or D' name ("Dwyer"). */
static void
part_variants(struct anon *a, const char *w, int ent, unsigned kind,
    const char *given)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
	struct buf b = BUF_INIT;
	const char *p = w, *e;
	int hyphen = strchr(w, '-') != NULL;

	for (;;) {
		e = strchr(p, '-');
		if (e == NULL)
			e = p + strlen(p);
		if (hyphen && e > p) {
			fold_text(&f, p, (size_t)(e - p), &a->fo);
			variants(a, f.s, ent, kind, 0);
			/* "Tyler Reid" for "Tyler Okonkwo-Reid". */
			if (given != NULL) {
				buf_reset(&b);
				buf_printf(&b, "%s %s", given, f.s);
				variants(a, b.data, ent, AK_FULL, 0);
			}
		}
		/* Folded, every apostrophe kind is one. */
		fold_text(&f, p, (size_t)(e - p), &a->fo);
		if (f.n > 3 && f.s[1] == '\'')
			variants(a, f.s + 2, ent, kind, 0);
		if (*e == '\0')
			break;
		p = e + 1;
	}
	buf_free(&b);
	fold_free(&f);
}

/* A whole name as written (a place's, an alias), folded. */
static void
whole_variants(struct anon *a, const char *raw, int ent, unsigned kind)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };

	fold_text(&f, raw, strlen(raw), &a->fo);
	variants(a, f.s, ent, kind, 1);
	fold_free(&f);
}

/* --- building --------------------------------------------------------- */

/* 1 if ASCII word w is in s as a word of its own, any case. */
static int
strcasestr_ascii(const char *s, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	for (p = s; *p != '\0'; p++)
		if ((p == s || !isalpha((unsigned char)p[-1])) &&
		    strncasecmp(p, w, n) == 0 && !isalpha((unsigned char)p[n]))
			return 1;
	return 0;
}

/* Words of a role or relationship that name a child. */
static int
childlike(const char *s)
{
	static const char *const w[] = { "child", "son", "daughter",
	    "sibling", "baby", "infant", "subject", "newborn" };
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strcasestr_ascii(s, w[i]))
			return 1;
	return 0;
}

/*
 * Whether a person is an adult, for titles: a practitioner is; else by
 * their date of birth, 18 at the incident; else not if they have a
 * pseudonym (the register gives children one) or a child's role.
 */
static int
adult(const struct kase *k, const struct person *p)
{
	long inc;
	int y, m, d;

	if (p->agency != NULL)
		return 1;
	if (p->dob.prec != DATE_NONE && k->dates.incident.prec != DATE_NONE) {
		inc = date_first_day(&k->dates.incident);
		civil_from_days(inc, &y, &m, &d);
		return y - p->dob.y - (p->dob.prec >= DATE_MONTH && (m <
		    p->dob.m || (m == p->dob.m && p->dob.prec == DATE_DAY &&
		    d < p->dob.d))) >= 18;
	}
	return p->pseudonym == NULL && !childlike(p->role) &&
	    !childlike(p->relationship);
}

/* A role without its number, folded: "health visitor" for "Health
 * Visitor 1", "gp" for "GP1"; NULL if nothing is left. */
static char *
role_stem(const struct anon *a, const char *role)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
	char *s = NULL;
	size_t n;

	if (role == NULL)
		return NULL;
	fold_text(&f, role, strlen(role), &a->fo_all);
	n = f.n;
	while (n > 0 && ((f.s[n - 1] >= '0' && f.s[n - 1] <= '9') ||
	    f.s[n - 1] == ' '))
		n--;
	if (n >= 2) {
		s = xmalloc(n + 1);
		memcpy(s, f.s, n);
		s[n] = '\0';
	}
	fold_free(&f);
	return s;
}

/* Adds raw text folded, and each of its words, to a word set. */
static void
allow_add(struct anon *a, const char *raw)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
	size_t i, s;

	if (raw == NULL)
		return;
	fold_text(&f, raw, strlen(raw), &a->fo_all);
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
	struct fold f = { NULL, 0, 0, NULL, NULL };
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
		fold_text(&f, line, strlen(line), &a->fo_all);
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
	a->fo.kinds = kinds;
	a->fo_all.kinds = AK_ALL;
	/* ICU's confusable skeletons (UTS #39), for names disguised with
	 * look-alike letters. libxml2 already brings ICU into the process;
	 * without the checker, only the small capitals are folded. */
	{
		UErrorCode e = U_ZERO_ERROR;
		USpoofChecker *sc = uspoof_open(&e);

		if (U_FAILURE(e))
			sc = NULL;
		a->fo.spoof = a->fo_all.spoof = sc;
	}
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
	a->npeople = k->npp;
	a->ent = xcalloc(a->nent ? a->nent : 1, sizeof(*a->ent));
	for (i = 0; i < k->npp; i++) {
		struct fold f = { NULL, 0, 0, NULL, NULL };

		p = &k->pp[i];
		a->ent[i].id = p->id;
		a->ent[i].repl = p->pseudonym != NULL ? p->pseudonym : p->role;
		a->ent[i].role = p->pseudonym == NULL;
		a->ent[i].sex = sex_of(p->sex);
		a->ent[i].family = p->agency == NULL;
		a->ent[i].adult = adult(k, p);
		a->ent[i].dob = p->dob.prec == DATE_DAY ?
		    date_first_day(&p->dob) : LONG_MIN;
		a->ent[i].rolestem = role_stem(a, p->role);
		if (p->names.n > 0) {
			const char *g = p->names.v[0];

			/* The given name's initial: after any title. */
			while (*g == ' ')
				g++;
			fold_text(&f, g, strlen(g), &a->fo_all);
			{
				char *sp = strchr(f.s, ' ');

				if (sp != NULL && is_title_prefix(f.s, sp))
					a->ent[i].initial = initial(sp + 1);
				else
					a->ent[i].initial = initial(f.s);
			}
			fold_free(&f);
		}
	}
	for (i = 0; i < k->npl; i++) {
		pl = &k->pl[i];
		a->ent[k->npp + i].id = pl->id;
		a->ent[k->npp + i].repl = pl->replacement;
		a->ent[k->npp + i].place = 1;
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
	allow_add(a, case_pubname(k));
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
	if (a->fo.spoof != NULL)
		uspoof_close(a->fo.spoof);
	for (size_t i = 0; i < a->nent; i++)
		free(a->ent[i].rolestem);
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

/* A word is known if it is, or each of its hyphen-joined parts is. */
int
anon_known_word(const struct anon *a, const char *w, size_t len)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
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
	fold_text(&f, w, len, &a->fo_all);
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
	size_t up = 0, low = 0, n = 0, s0 = s;
	int first = -1, last = -1;

	while (s < e && (k = utf8proc_iterate(p + s, (utf8proc_ssize_t)(e - s),
	    &c)) > 0) {
		cat = utf8proc_category(c);
		if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
			up++;
			if (first < 0)
				first = 1;
			last = 1;
		} else if (cat == UTF8PROC_CATEGORY_LL) {
			low++;
			if (first < 0)
				first = 0;
			last = 0;
		}
		n++;
		s += (size_t)k;
	}
	/* A run an override shows backwards: a reader sees its last
	 * letter first, and, once a publication drops the override, its
	 * first: a capital at either end is a capital. */
	if (e - s0 >= 3 && (unsigned char)text[s0] == 0xE2 &&
	    (unsigned char)text[s0 + 1] == 0x80 &&
	    (unsigned char)text[s0 + 2] == 0xAE && last == 1)
		first = 1;
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
		/* A tab is where a read-back table's cell begins. */
		if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' ||
		    c == '\t' || c == 0x2022)
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

/* The folded word before folded position i (spaces skipped), as
 * [*ws, i'), or 0 if there is none. */
static int
word_before(const struct fold *f, size_t i, size_t *ws, size_t *we)
{
	while (i > 0 && f->s[i - 1] == ' ')
		i--;
	if (i == 0 || !FOLD_WORDC(f->s[i - 1]))
		return 0;
	*we = i;
	while (i > 0 && FOLD_WORDC(f->s[i - 1]))
		i--;
	*ws = i;
	return 1;
}

/* A day of the month, as written before a month: "3", "03", "3rd". */
static int
day_word(const char *s, size_t n)
{
	size_t i = 0;
	int d = 0;

	while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
		d = d * 10 + s[i++] - '0';
	if (i == 0 || d < 1 || d > 31)
		return 0;
	return i == n || (n - i == 2 && (memcmp(s + i, "st", 2) == 0 ||
	    memcmp(s + i, "nd", 2) == 0 || memcmp(s + i, "rd", 2) == 0 ||
	    memcmp(s + i, "th", 2) == 0));
}

/*
 * Whether a name that is also a word or a month, found at folded
 * [i, j), is here the word: followed by a number ("April 2025", "April
 * 3rd", "page 3"); for a month, after a day ("3 April", "3rd of April")
 * or a word that makes it a date ("in April", "mid-April", "end of
 * April"). Never before a possessive: "April's" is someone's.
 */
static int
word_context(const struct fold *f, size_t i, size_t j,
    const struct anon_var *v)
{
	size_t k = j, ws, we, ws2, we2;

	if (k < f->n && f->s[k] == '\'')
		return 0;
	if (k < f->n && f->s[k] == '.')
		k++;
	while (k < f->n && (f->s[k] == ' ' || f->s[k] == ','))
		k++;
	if (k < f->n && (f->s[k] >= '0' && f->s[k] <= '9'))
		return 1;
	if (k + 1 < f->n && f->s[k] == '\'' && f->s[k + 1] >= '0' &&
	    f->s[k + 1] <= '9')
		return 1;		/* April '25 */
	if (!v->month || !word_before(f, i, &ws, &we))
		return 0;
	if (day_word(f->s + ws, we - ws))
		return 1;
	if (we - ws == 2 && memcmp(f->s + ws, "of", 2) == 0 &&
	    word_before(f, ws, &ws2, &we2))
		return day_word(f->s + ws2, we2 - ws2) ||
		    (we2 - ws2 == 3 && (memcmp(f->s + ws2, "end", 3) == 0)) ||
		    (we2 - ws2 == 5 && (memcmp(f->s + ws2, "start", 5) == 0)) ||
		    (we2 - ws2 == 6 && memcmp(f->s + ws2, "middle", 6) == 0) ||
		    (we2 - ws2 == 9 && memcmp(f->s + ws2, "beginning", 9) == 0);
	return in_list(month_before, sizeof(month_before) /
	    sizeof(month_before[0]), f->s + ws, we - ws);
}

/*
 * Whether the line around text[s..e) is in title case: three common
 * words of four letters or more besides it ("Race", "Culture"), every
 * one of them capitalised. Names do not count: they always are.
 */
static int
title_case(const struct anon *an, const char *text, size_t len, size_t s,
    size_t e)
{
	size_t a = s, z = e, i, w, k, n = 0;
	char low[32];

	while (a > 0 && text[a - 1] != '\n' && text[a - 1] != '.')
		a--;
	while (z < len && text[z] != '\n' && text[z] != '.')
		z++;
	for (i = a; i < z; i = w) {
		while (i < z && !isalpha((unsigned char)text[i]))
			i++;
		for (w = i; w < z && (isalpha((unsigned char)text[w]) ||
		    (unsigned char)text[w] >= 0x80); w++)
			;
		if (w - i < 4 || w - i >= sizeof(low) || (i >= s && i < e))
			continue;
		for (k = 0; k < w - i; k++)
			low[k] = (char)tolower((unsigned char)text[i + k]);
		if (!wordset_has(&an->dict, low, w - i))
			continue;
		if (!isupper((unsigned char)text[i]))
			return 0;
		n++;
	}
	return n >= 3;
}

/* Whether a title stands before folded i ("Mr", "Ms."). */
static int
title_before(const struct fold *f, size_t i)
{
	char t[16];
	size_t ws, we;

	if (i > 0 && f->s[i - 1] == ' ' && i > 1 && f->s[i - 2] == '.')
		i--;
	if (!word_before(f, i > 0 && f->s[i - 1] == '.' ? i - 1 : i, &ws,
	    &we) || we - ws >= sizeof(t))
		return 0;
	memcpy(t, f->s + ws, we - ws);
	t[we - ws] = '\0';
	return is_title(t, NULL);
}

/* A hit for variant v over text [o1, o2). */
static struct anon_hit *
var_hit(struct anon_hits *h, const struct anon_var *v, size_t o1, size_t o2)
{
	struct anon_hit *x = anon_hit_add(h);

	x->start = o1;
	x->end = o2;
	x->ent = v->ent;
	x->ent2 = v->ent2;
	x->kind = v->kind;
	return x;
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
	struct buf rb = BUF_INIT;
	size_t pl = 0, o1 = f->off[i], o2, nend, fend = j;
	enum lettercase lc;
	int start, bare_s = 0, risk = 0, weak = 0;

	if (!(a->kinds & v->kind))
		return 0;
	if (f->s[j - 1] != '.' && j < f->n && FOLD_WORDC(f->s[j])) {
		/* A name runs on only as a plural family name ("the
		 * Brennans") or a possessive written without its
		 * apostrophe ("Kayleighs bike"). */
		if ((v->kind & AK_FAMILY) && (a->kinds & AK_PLURAL) &&
		    (pl = plural(f, j)) != 0)
			fend = j + pl;
		else if (!(v->kind & AK_FAMILY) && !v->common && !v->month &&
		    !v->initials && (a->kinds & AK_POSSESSIVE) &&
		    f->s[j] == 's' && (j + 1 >= f->n ||
		    !FOLD_WORDC(f->s[j + 1]))) {
			bare_s = 1;
			fend = j + 1;
		} else
			return 0;
	}
	if (pl == 0 && j < f->n && f->s[j] == '\'' &&
	    !(a->kinds & AK_POSSESSIVE))
		return 0;
	nend = f->end[j - 1];
	o2 = f->end[fend - 1];
	lc = letter_case(text, o1, nend);
	if (v->initials && lc != LC_UPPER)
		return 0;
	/* Capitals that are the field's own ("GP", "SW", "CP") or an
	 * agency's are those, whoever else's initials they are too. */
	if (v->initials && wordset_has(&a->allow, f->s + i, j - i))
		return 0;
	/* "days", "pages": a family name that is a common word is a
	 * plural family name only in capitals ("the Days"). */
	if (pl > 0 && v->common && lc == LC_LOWER)
		return 0;
	/* Capitals after a number are a unit: "64 GB", "5 MB". */
	if (v->initials && i >= 2 && f->s[i - 1] == ' ' && f->s[i - 2] >= '0' &&
	    f->s[i - 2] <= '9')
		return 0;
	/* "K.Brennan": the initial in capitals. */
	if (v->kind == AK_INITIALS && !v->initials && !(text[o1] >= 'A' &&
	    text[o1] <= 'Z'))
		return 0;
	if (lc == LC_UPPER && !v->initials && !(a->kinds & AK_CAPS))
		return 0;
	start = sentence_start(text, o1);
	if ((v->common || v->month) && pl == 0 && !bare_s) {
		if (word_context(f, i, j, v))
			return 0;	/* "April 2025", "page 3" */
		if (v->common && lc == LC_LOWER)
			return 0;	/* the word, not the name */
		/* A common word in capitals is the word ("AMBER", "NO
		 * FURTHER ACTION"), unless a title or a possessive says
		 * whose it is. */
		if (v->common && lc == LC_UPPER && !title_before(f, i) &&
		    !(j < f->n && f->s[j] == '\''))
			return 0;
		/* In a line in title case ("Race, Culture, Faith and
		 * Identity") a capital says nothing: the word, as in
		 * lower case, but a person reads it. */
		if (v->common && lc == LC_CAPITAL && !title_before(f, i) &&
		    !(j < f->n && f->s[j] == '\'') &&
		    title_case(a, text, f->off[f->n], o1, nend)) {
			x = var_hit(h, v, o1, nend);
			x->why = "a name that is also a common word, in a title";
			x->keep = 1;
			x->repl = xstrndup(text + o1, nend - o1);
			return j;
		}
		if (start || lc == LC_UPPER) {
			why = "a name that is also a common word, where cspr "
			    "cannot tell which it is";
			weak = 1;
		}
	}
	if (v->ent2 >= 0) {
		repl = e->family && a->ent[v->ent2].family ?
		    a->shared_family : a->shared_other;
		why = "a name two entries of the register share";
		risk = 1;
	}
	if (pl > 0 && fend < f->n && f->s[fend] == '\'' &&
	    (fend + 1 >= f->n || !FOLD_WORDC(f->s[fend + 1]))) {
		/* "the Brennans' flat": "the family's flat". */
		repl = "family's";
		o2 = f->end[fend];
		if (!(o1 >= 4 && strncasecmp(text + o1 - 4, "the ", 4) == 0))
			prefix = "the ";
	} else if (pl > 0) {
		repl = "family";
		/* "the Walshes": "the" is there already. */
		if (!(o1 >= 4 && strncasecmp(text + o1 - 4, "the ", 4) == 0))
			prefix = "the ";
	} else if (bare_s) {
		buf_printf(&rb, "%s's", repl);
		repl = rb.data;
	} else if (j < f->n && f->s[j] == '\'' && f->s[j - 1] == 's' &&
	    (j + 1 >= f->n || !FOLD_WORDC(f->s[j + 1]))) {
		/* "Nicholas' sister": "Mother's partner's sister", with
		 * the apostrophe as written. */
		size_t l = strlen(repl);

		buf_puts(&rb, repl);
		buf_put(&rb, text + f->off[j], f->end[j] - f->off[j]);
		if (l == 0 || (repl[l - 1] != 's' && repl[l - 1] != 'S'))
			buf_putc(&rb, 's');
		repl = rb.data;
		o2 = f->end[j];
	}
	x = var_hit(h, v, o1, o2);
	x->why = why;
	x->risk = risk;
	x->weak = weak && !risk;
	x->repl = fit(repl, prefix, start, v->initials ? LC_CAPITAL : lc);
	buf_free(&rb);
	return fend;
}

size_t
anon_trie_longest(const struct anon *a, const char *s, size_t i, size_t n,
    const struct anon_var **var, int (*ok)(const char *, size_t, size_t))
{
	size_t j, best = 0;
	unsigned t, c;

	*var = NULL;
	for (t = 0, j = i; j < n; j++) {
		for (c = a->tr[t].child; c != 0; c = a->tr[c].next)
			if (a->tr[c].c == (unsigned char)s[j])
				break;
		if (c == 0)
			break;
		t = c;
		if (a->tr[t].var != 0 && (ok == NULL || ok(s, j + 1, n))) {
			best = j + 1 - i;
			*var = &a->var[a->tr[t].var - 1];
		}
	}
	return best;
}

size_t
anon_trie_all(const struct anon *a, const char *s, size_t i, size_t n,
    size_t *len, const struct anon_var **var, size_t max)
{
	size_t j, k = 0;
	unsigned t, c;

	for (t = 0, j = i; j < n && k < max; j++) {
		for (c = a->tr[t].child; c != 0; c = a->tr[c].next)
			if (a->tr[c].c == (unsigned char)s[j])
				break;
		if (c == 0)
			break;
		t = c;
		if (a->tr[t].var != 0) {
			len[k] = j + 1 - i;
			var[k++] = &a->var[a->tr[t].var - 1];
		}
	}
	return k;
}

/*
 * The folded end of the longest phrase of two words or more at word
 * start f->s[i] that the allow-list or the register allows ("Wenmouth
 * Safeguarding Children Partnership", "White British"), else 0. A
 * phrase that is a registered place's name is no shelter.
 */
static size_t
allowed_phrase(const struct anon *a, const struct fold *f, size_t i)
{
	const struct anon_var *v;
	size_t k, words = 1, best = 0;

	for (k = i; k < f->n && words <= 8; k++) {
		if (FOLD_WORDC(f->s[k]))
			continue;
		if (words >= 2 && wordset_has(&a->allow, f->s + i, k - i))
			best = k;
		if (f->s[k] != ' ')
			break;
		words++;
	}
	if (k == f->n && words >= 2 && words <= 8 &&
	    wordset_has(&a->allow, f->s + i, k - i))
		best = k;
	if (best > 0 && anon_trie_longest(a, f->s, i, best, &v, NULL) ==
	    best - i && a->ent[v->ent].place)
		return 0;
	return best;
}

/* Register names in text: at each word start, the longest variant. */
static void
scan_names(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
	size_t i, j, end, cand[64], nc;
	unsigned t, c, node[64];

	fold_text(&f, text, len, &a->fo);
	for (i = 0; i < f.n; i++) {
		if (!FOLD_WORDC(f.s[i]) || (i > 0 && FOLD_WORDC(f.s[i - 1])))
			continue;
		if ((end = allowed_phrase(a, &f, i)) > 0) {
			i = end;
			continue;
		}
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
	anon_token_scan(a, text, len, h);
	anon_pattern_scan(a, text, len, dates, h);
	if (h->n == 0)
		return;
	if (h->n > 1)
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
	if (a->kinds & AK_ADDRESS)
		anon_address(a, text, len, h);
	anon_tidy(a, text, len, h);
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

/* Whether the UTF-8 character at s (3 bytes) is a bidi control:
 * LRE, RLE, PDF, LRO, RLO (U+202A-E), LRI, RLI, FSI, PDI (U+2066-9),
 * the marks LRM and RLM (U+200E-F) and ALM (U+061C). */
static size_t
bidi_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == 0xE2 && u[1] == 0x80 && ((u[2] >= 0xAA && u[2] <= 0xAE) ||
	    u[2] == 0x8E || u[2] == 0x8F))
		return 3;
	if (u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
		return 3;
	if (u[0] == 0xD8 && u[1] == 0x9C)
		return 2;
	return 0;
}

/* Removes bidi controls from s in place: a publication shows text in
 * the order it is stored, so what a reader sees is what was checked. */
void
anon_unbidi(char *s)
{
	char *w;
	size_t n;

	if (s == NULL || strpbrk(s, "\xe2\xd8") == NULL)
		return;
	for (w = s; *s != '\0'; ) {
		if ((n = bidi_len(s)) > 0) {
			s += n;
			continue;
		}
		*w++ = *s++;
	}
	*w = '\0';
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
	anon_unbidi(s);
	return s;
}
