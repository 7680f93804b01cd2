/* What only a whole token or a name's neighbours show: names glued to digits or other names, initials before a role, house numbers. */
#include "anon_impl.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Labels for a token that holds a name. */
#define L_ACCOUNT	"[social media account]"
#define L_WEB		"[web address]"

static int
isalnum_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static int
alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

/* A variant may end at folded s[at]: the token ends, or a letter does
 * not follow. */
static int
not_letter(const char *s, size_t at, size_t n)
{
	return at >= n || !alpha(s[at]);
}

/* Characters that end a token: space, brackets, quotes, commas. */
static int
token_end(unsigned char c)
{
	return c <= ' ' || strchr("()[]{}<>\",;|", c) != NULL;
}

/*
 * Whether a folded token holds a register name glued to something a
 * word match cannot see past: digits ("kayleigh2", "2kayleigh"), a
 * handle's or address's punctuation ("kayleigh.brennan2022"), or
 * another name ("kayleighbrennan"). Names that are also common words
 * and initials are too short or too common to find inside a token.
 * Sets *ent and *ent2 to the first name's holders.
 */
static int
glued(const struct anon *a, const char *s, size_t n, int anywhere, int *ent,
    int *ent2)
{
	const struct anon_var *v[32], *w;
	size_t p, len[32], nc, k, chain = (size_t)-1;
	int found = 0, glue = anywhere;

	for (p = 0; p < n; p++) {
		if (!alpha(s[p]))
			glue |= s[p] != ' ' && s[p] != '\'' && s[p] != '-';
		if (!alpha(s[p]) || (!anywhere && p > 0 && alpha(s[p - 1]) &&
		    p != chain))
			continue;
		nc = anon_trie_all(a, s, p, n, len, v, 32);
		for (k = nc; k > 0; k--) {
			const struct anon_var *u = v[k - 1];
			size_t l = len[k - 1];

			if (u->common || u->initials || u->month || l < 3 ||
			    !(a->kinds & u->kind))
				continue;
			/* Inside a handle or a hashtag a name may have
			 * letters either side ("xokian", "kianbabe"): four
			 * letters at least. */
			if (anywhere ? l >= 4 : (not_letter(s, p + l, n) ||
			    anon_trie_longest(a, s, p + l, n, &w,
			    not_letter) >= 3))
				break;
		}
		if (k == 0)
			continue;
		if (!found) {
			*ent = v[k - 1]->ent;
			*ent2 = v[k - 1]->ent2;
		}
		/* Two names with nothing between them are glue too. */
		if (found && chain == p)
			glue = 1;
		found = 1;
		chain = p + len[k - 1];
		p = chain - 1;
	}
	return found && glue;
}

/*
 * Whether raw token t[0..n) is a handle, a hashtag or a made-up word
 * rather than one of the language: it starts with '#' or '@', mixes
 * letters with digits or underscores, or changes case inside a word
 * ("JusticeForKian"). In such a token a name is found anywhere, and
 * digits written for letters ("k14n", "sh4nn0n") are read as letters.
 */
static int
handle_like(const char *t, size_t n)
{
	size_t i;
	int letters = 0, other = 0, camel = 0;

	if (n > 0 && (t[0] == '#' || t[0] == '@'))
		return 1;
	for (i = 0; i < n; i++) {
		if ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' &&
		    t[i] <= 'Z'))
			letters++;
		else if ((t[i] >= '0' && t[i] <= '9') || t[i] == '_')
			other++;
		if (i > 0 && t[i] >= 'A' && t[i] <= 'Z' && t[i - 1] >= 'a' &&
		    t[i - 1] <= 'z')
			camel = 1;
	}
	return letters >= 2 && letters + other >= 4 && (other > 0 || camel);
}

/* Folded s with digits and signs written for letters read as those
 * letters, in place: the same length, so offsets hold. */
static void
unleet(char *s, size_t n, char one)
{
	static const char from[] = "01345789@$", to[] = "oieastbgas";
	const char *p;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '1' || s[i] == 'i' || s[i] == 'l')
			s[i] = s[i] == '1' ? one : s[i];
		else if (s[i] != '\0' && (p = strchr(from, s[i])) != NULL)
			s[i] = to[p - from];
}

/* A hit for register entry ent (and ent2, if two share the name) at
 * [s, e). */
static void
name_hit(const struct anon *a, struct anon_hits *h, size_t s, size_t e,
    int ent, int ent2, unsigned kind)
{
	const struct anon_ent *en = &a->ent[ent];
	struct anon_hit *x = anon_hit_add(h);

	x->start = s;
	x->end = e;
	x->ent = ent;
	x->ent2 = ent2;
	x->kind = kind;
	if (ent2 >= 0) {
		x->repl = xstrdup(en->family && a->ent[ent2].family ?
		    a->shared_family : a->shared_other);
		x->why = "a name two entries of the register share";
		x->risk = 1;
	} else
		x->repl = xstrdup(en->repl);
}

/*
 * A name spelled out a letter at a time: "K I A N", "S.H.A.N.N.O.N",
 * "t-y-l-e-r". Three letters or more, one separator between each, the
 * same throughout; the letters must spell a name of the register.
 */
static void
spelled_names(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	const struct anon_var *v;
	char word[64], sep;
	size_t i, k, n;

	for (i = 0; i + 4 < len; i++) {
		if (!isalpha((unsigned char)text[i]) || (i > 0 &&
		    isalnum((unsigned char)text[i - 1])) || text[i + 1] ==
		    '\0' || strchr(" .-_", text[i + 1]) == NULL ||
		    !isalpha((unsigned char)text[i + 2]))
			continue;
		sep = text[i + 1];
		for (k = i, n = 0; n + 1 < sizeof(word); k += 2) {
			word[n++] = (char)tolower((unsigned char)text[k]);
			if (k + 2 >= len || text[k + 1] != sep ||
			    !isalpha((unsigned char)text[k + 2]) || (k + 3 <
			    len && isalnum((unsigned char)text[k + 3])))
				break;
		}
		if (n >= 3 && anon_trie_longest(a, word, 0, n, &v, NULL) ==
		    n && !v->initials && (a->kinds & v->kind))
			name_hit(a, h, i, k + 1, v->ent, v->ent2, AK_GLUED);
		i = k;
	}
}

/* Register names inside tokens: the whole token goes. */
static void
glued_tokens(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
	struct anon_hit *x;
	size_t s = 0, e, tok;
	int ent, ent2;

	while (s < len) {
		while (s < len && token_end((unsigned char)text[s]))
			s++;
		for (e = s; e < len && !token_end((unsigned char)text[e]); e++)
			;
		tok = e;
		/* Quotes and sentence punctuation round it are not part
		 * of it. */
		while (s < e && text[s] == '\'')
			s++;
		while (e > s && strchr(".:!?'", text[e - 1]) != NULL)
			e--;
		if (e - s >= 4) {
			int any = handle_like(text + s, e - s), found;

			fold_text(&f, text + s, e - s, &a->fo);
			found = glued(a, f.s, f.n, 0, &ent, &ent2);
			if (!found && any) {
				/* Found only as a handle holds a name: said
				 * as one. */
				found = glued(a, f.s, f.n, 1, &ent, &ent2) ||
				    (unleet(f.s, f.n, 'i'), glued(a, f.s, f.n,
				    1, &ent, &ent2));
				if (!found) {
					fold_text(&f, text + s, e - s, &a->fo);
					unleet(f.s, f.n, 'l');
					found = glued(a, f.s, f.n, 1, &ent,
					    &ent2);
				}
				any = found;
			} else
				any = 0;
			if (found) {
				const struct anon_ent *en = &a->ent[ent];

				x = anon_hit_add(h);
				x->start = s;
				x->end = e;
				x->ent = ent;
				x->ent2 = ent2;
				x->kind = AK_GLUED;
				/* A handle, an address or a path is gone
				 * whole, whoever it names. */
				if (text[s] == '#')
					x->repl = xstrdup("[hashtag]");
				else if (text[s] == '@' || any)
					x->repl = xstrdup(L_ACCOUNT);
				else if (memchr(text + s, '@', e - s) != NULL)
					x->repl = xstrdup("[email address]");
				else if (memchr(text + s, '\\', e - s) != NULL ||
				    strncasecmp(text + s, "file:", 5) == 0)
					x->repl = xstrdup("[file path]");
				else if (memchr(text + s, '/', e - s) != NULL ||
				    strncasecmp(text + s, "www.", 4) == 0)
					x->repl = xstrdup(L_WEB);
				else if (ent2 >= 0) {
					x->repl = xstrdup(en->family &&
					    a->ent[ent2].family ?
					    a->shared_family : a->shared_other);
					x->why = "a name two entries of the "
					    "register share";
					x->risk = 1;
				} else
					x->repl = xstrdup(en->repl);
			}
		}
		s = tok + 1;
	}
	fold_free(&f);
}

/*
 * An initial before a role: "M. (health visitor)", "M. health visitor",
 * where the register has a person of that role whose given name starts
 * with M. The initial and the role become the person's role.
 */
static void
initial_roles(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	struct fold f = { NULL, 0, 0, NULL, NULL };
	struct anon_hit *x;
	size_t i, k, j, n, rl;
	char c;

	for (i = 0; i + 3 < len; i++) {
		c = text[i];
		if (c < 'A' || c > 'Z' || text[i + 1] != '.' ||
		    (i > 0 && (isalnum_ascii(text[i - 1]) ||
		    text[i - 1] == '.')) || isalnum_ascii(text[i + 2]))
			continue;
		k = i + 2;
		while (k < len && text[k] == ' ')
			k++;
		j = k;
		if (j < len && text[j] == '(')
			j++;
		n = len - j < 48 ? len - j : 48;
		fold_text(&f, text + j, n, &a->fo);
		for (size_t p = 0; p < a->npeople; p++) {
			const struct anon_ent *e = &a->ent[p];

			if (e->rolestem == NULL || e->initial != c + 32)
				continue;
			rl = strlen(e->rolestem);
			if (f.n < rl || memcmp(f.s, e->rolestem, rl) != 0 ||
			    (f.n > rl && alpha(f.s[rl])))
				continue;
			x = anon_hit_add(h);
			x->start = i;
			x->end = j + f.end[rl - 1];
			/* A role number written after it goes too. */
			while (x->end < len && (text[x->end] == ' ' ||
			    (text[x->end] >= '0' && text[x->end] <= '9')) &&
			    x->end + 1 <= len && (text[x->end] != ' ' ||
			    (x->end + 1 < len && text[x->end + 1] >= '0' &&
			    text[x->end + 1] <= '9')))
				x->end++;
			if (j > k && x->end < len && text[x->end] == ')')
				x->end++;
			x->ent = (int)p;
			x->kind = AK_INITIALS;
			x->repl = xstrdup(e->repl);
			break;
		}
	}
	fold_free(&f);
}

void
anon_token_scan(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	if (a->kinds & AK_GLUED) {
		glued_tokens(a, text, len, h);
		spelled_names(a, text, len, h);
	}
	if (a->kinds & AK_INITIALS)
		initial_roles(a, text, len, h);
}

/* Length of a house number ending at text[e] ("12", "4b", "12-14"),
 * standing as a word of its own, else 0. */
static size_t
house_number(const char *text, size_t e)
{
	size_t s = e;

	if (s > 0 && ((text[s - 1] >= 'a' && text[s - 1] <= 'z') ||
	    (text[s - 1] >= 'A' && text[s - 1] <= 'Z')))
		s--;
	while (s > 0 && text[s - 1] >= '0' && text[s - 1] <= '9' && e - s < 6)
		s--;
	if (s == e || !(text[s] >= '0' && text[s] <= '9'))
		return 0;
	if (s > 1 && text[s - 1] == '-' && text[s - 2] >= '0' &&
	    text[s - 2] <= '9')
		return e - s + 1 + house_number(text, s - 1);
	if (s > 0 && !(text[s - 1] == ' ' || text[s - 1] == ',' ||
	    text[s - 1] == '\n' || text[s - 1] == '('))
		return 0;
	return e - s;
}

/* "Flat 4", "Room 7", "Apartment 12b" ending at text[e]: its start, or
 * e if there is none. */
static size_t
unit_start(const char *text, size_t e)
{
	static const char *const unit[] = { "flat", "apartment", "apt",
	    "room", "unit", "maisonette", "no", "no.", "number" };
	size_t n = house_number(text, e), s, i, w;

	if (n == 0)
		return e;
	s = e - n;
	while (s > 0 && text[s - 1] == ' ')
		s--;
	for (i = 0; i < sizeof(unit) / sizeof(unit[0]); i++) {
		w = strlen(unit[i]);
		if (s >= w && strncasecmp(text + s - w, unit[i], w) == 0 &&
		    (s == w || !isalnum_ascii(text[s - w - 1])))
			return s - w;
	}
	return e;
}

/* Whether a code is the register's or an agency's own ("SW1", "HV"):
 * on the allow-list, folded. */
static int
allowed_code(const struct anon *a, const char *s, size_t n)
{
	char low[8];
	size_t i;

	if (n >= sizeof(low))
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return wordset_has(&a->allow, low, n);
}

/* The end of a postcode's outward code at text[q] ("KT4", "LS12",
 * "SW1A"), standing as a word of its own, else q. */
static size_t
outward(const char *text, size_t len, size_t q)
{
	size_t e = q;

	while (e < len && e - q < 2 && text[e] >= 'A' && text[e] <= 'Z')
		e++;
	if (e == q || e >= len || text[e] < '0' || text[e] > '9')
		return q;
	e++;
	if (e < len && ((text[e] >= '0' && text[e] <= '9') || (text[e] >= 'A' &&
	    text[e] <= 'Z')))
		e++;
	if (e < len && isalnum_ascii(text[e]))
		return q;
	return e;
}

void
anon_address(const struct anon *a, const char *text, size_t len,
    struct anon_hits *h)
{
	size_t i, s, p, n, floor;

	(void)len;
	for (i = 0; i < h->n; i++) {
		if (h->v[i].ent < 0 || (size_t)h->v[i].ent < a->npeople)
			continue;
		floor = i > 0 ? h->v[i - 1].end : 0;
		s = h->v[i].start;
		for (;;) {
			p = s;
			while (p > floor && (text[p - 1] == ' ' ||
			    text[p - 1] == ','))
				p--;
			if (p == s || p <= floor)
				break;
			if ((n = unit_start(text, p)) < p && n >= floor) {
				s = n;
				continue;
			}
			if ((n = house_number(text, p)) > 0 && p - n >= floor &&
			    text[s - 1] == ' ') {
				s = p - n;
				continue;
			}
			break;
		}
		h->v[i].start = s;
		/* "Kettleby KT4": the outward code after a town or street
		 * is the address's. */
		p = h->v[i].end;
		if (p < len && (text[p] == ' ' || text[p] == ',')) {
			size_t q = p + (text[p] == ',') + 1, e2;

			if (q > p + 1 && q <= len && text[q - 1] != ' ')
				continue;
			if (i + 1 < h->n && h->v[i + 1].start == q &&
			    h->v[i + 1].kind == AK_POSTCODE &&
			    strcmp(h->v[i + 1].repl, "[postcode area]") == 0) {
				/* Found alone already: it goes with this. */
				h->v[i].end = h->v[i + 1].end;
				free(h->v[i + 1].repl);
				memmove(h->v + i + 1, h->v + i + 2, (h->n - i -
				    2) * sizeof(*h->v));
				h->n--;
				continue;
			}
			e2 = outward(text, len, q);
			if (e2 > q && !allowed_code(a, text + q, e2 - q) &&
			    (i + 1 >= h->n || h->v[i + 1].start >= e2))
				h->v[i].end = e2;
		}
	}
}
