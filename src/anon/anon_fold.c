/* Folding text for name matching (utf8proc; ICU's confusable skeletons), keeping where each folded byte came from. */
#include "anon_fold.h"
#include "anon.h"
#include "../util/alloc.h"

#include <string.h>
#include <unicode/uspoof.h>
#include <utf8proc.h>

/*
 * Latin letters that have no Unicode decomposition, so that stripping
 * accents leaves them alone: "Łukasz" must match "Lukasz". Their
 * case-folded forms only.
 */
static const struct {
	utf8proc_int32_t cp;
	const char	*to;
} extra[] = {
	{ 0x00E6, "ae" }, { 0x00F0, "d" }, { 0x00F8, "o" }, { 0x00FE, "th" },
	{ 0x0111, "d" }, { 0x0127, "h" }, { 0x0131, "i" }, { 0x0142, "l" },
	{ 0x0153, "oe" }, { 0x0167, "t" }, { 0x0180, "b" }, { 0x0268, "i" },
};

/*
 * Small capitals ("ᴋᴀʏʟᴇɪɢʜ"): Unicode names them LATIN LETTER SMALL
 * CAPITAL X and gives them no decomposition, and UTS #39's confusables,
 * which the skeletons below come from, leave most of them alone.
 */
static const struct {
	utf8proc_int32_t cp;
	char		 to[3];
} smallcap[] = {
	{ 0x0262, "g" }, { 0x026A, "i" }, { 0x0274, "n" }, { 0x0276, "oe" },
	{ 0x0280, "r" }, { 0x0281, "r" }, { 0x028F, "y" }, { 0x0299, "b" },
	{ 0x029B, "g" }, { 0x029C, "h" }, { 0x029F, "l" }, { 0x1D00, "a" },
	{ 0x1D01, "ae" }, { 0x1D04, "c" }, { 0x1D05, "d" }, { 0x1D06, "d" },
	{ 0x1D07, "e" }, { 0x1D0A, "j" }, { 0x1D0B, "k" }, { 0x1D0C, "l" },
	{ 0x1D0D, "m" }, { 0x1D0F, "o" }, { 0x1D10, "o" }, { 0x1D18, "p" },
	{ 0x1D1A, "r" }, { 0x1D1B, "t" }, { 0x1D1C, "u" }, { 0x1D20, "v" },
	{ 0x1D21, "w" }, { 0x1D22, "z" }, { 0xA730, "f" }, { 0xA731, "s" },
	{ 0xA7AF, "q" },
};

/* Controls that start a run the bidi algorithm shows right to left
 * whatever its letters (UAX #9: RLO), and those that may end it. */
#define RLO	0x202E
#define PDF	0x202C
#define PDI	0x2069

static void
put(struct fold *f, const char *s, size_t n, size_t from, size_t to)
{
	size_t i;

	if (f->n + n + 2 > f->cap) {
		f->cap = (f->n + n + 2) * 2;
		f->s = xrealloc(f->s, f->cap);
		f->off = xrealloc(f->off, f->cap * sizeof(*f->off));
		f->end = xrealloc(f->end, f->cap * sizeof(*f->end));
	}
	for (i = 0; i < n; i++) {
		f->s[f->n] = s[i];
		f->off[f->n] = from;
		f->end[f->n++] = to;
	}
}

static int
is_apostrophe(utf8proc_int32_t c)
{
	return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201B ||
	    c == 0x02BC || c == 0x02BB || c == 0x02B9 || c == 0x2032 ||
	    c == 0x00B4 || c == 0x0060 || c == 0xFF07;
}

static int
is_separator(utf8proc_int32_t c)
{
	utf8proc_category_t cat;

	if (c == '-' || c == '\t' || c == '\n' || c == '\r' ||
	    (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
	    c == 0xFE63 || c == 0xFF0D || c == 0x2043 || c == 0x2E3A ||
	    c == 0x2E3B || c == 0x2028 || c == 0x2029)
		return 1;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_ZS;
}

static utf8proc_option_t
options(unsigned kinds)
{
	utf8proc_option_t opt = UTF8PROC_CASEFOLD | UTF8PROC_COMPAT |
	    UTF8PROC_DECOMPOSE | UTF8PROC_IGNORE;

	if (kinds & AK_ACCENTS)
		opt |= UTF8PROC_STRIPMARK;
	return opt;
}

/* c decomposed and folded into out (at most 8 bytes): its length, or
 * -1 if that is not all ASCII. */
static int
ascii_fold(utf8proc_int32_t c, utf8proc_option_t opt, char *out)
{
	utf8proc_int32_t d[16];
	utf8proc_ssize_t m, j;
	int bc = 0, n = 0;

	m = utf8proc_decompose_char(c, d, 16, opt, &bc);
	if (m < 0)
		return -1;
	for (j = 0; j < m; j++) {
		if (d[j] >= 0x80 || n >= 8)
			return -1;
		out[n++] = (char)d[j];
	}
	return n;
}

/*
 * The Latin letters a non-Latin character is drawn like, folded: the
 * small capitals above, else ICU's skeleton of it (UTS #39), if that is
 * ASCII once folded. Its length in out (at most 8 bytes), or 0.
 */
static int
lookalike(const struct folder *fo, utf8proc_int32_t c, utf8proc_option_t opt,
    char *out)
{
	USpoofChecker *sc = fo->spoof;
	UErrorCode e = U_ZERO_ERROR;
	utf8proc_uint8_t in[4];
	char sk[32];
	int32_t n;
	size_t i, lo = 0, hi = sizeof(smallcap) / sizeof(smallcap[0]);
	int k, len = 0, r;

	while (lo < hi) {
		i = (lo + hi) / 2;
		if (smallcap[i].cp == c) {
			memcpy(out, smallcap[i].to, strlen(smallcap[i].to));
			return (int)strlen(smallcap[i].to);
		}
		if (smallcap[i].cp < c)
			lo = i + 1;
		else
			hi = i;
	}
	if (sc == NULL)
		return 0;
	n = uspoof_getSkeletonUTF8(sc, 0, (const char *)in,
	    (int32_t)utf8proc_encode_char(c, in), sk, sizeof(sk), &e);
	if (U_FAILURE(e) || n <= 0 || n >= (int32_t)sizeof(sk))
		return 0;
	for (k = 0; k < n; ) {
		utf8proc_int32_t d;
		utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)
		    sk + k, n - k, &d);

		if (m <= 0 || len >= 8 || (r = ascii_fold(d, opt, out +
		    len)) < 0 || len + r > 8)
			return 0;
		len += r;
		k += (int)m;
	}
	return len;
}

/* One character c of the original, from its bytes [from, to). */
static void
fold_char(struct fold *f, const struct folder *fo, utf8proc_int32_t c,
    size_t from, size_t to)
{
	utf8proc_int32_t out[16];
	utf8proc_ssize_t m, j;
	utf8proc_uint8_t enc[4];
	utf8proc_option_t opt = options(fo->kinds);
	size_t e, nx = sizeof(extra) / sizeof(extra[0]);
	char a[8];
	int bc = 0, n;

	if (fo->kinds & AK_SEPARATORS) {
		if (is_apostrophe(c)) {
			put(f, "'", 1, from, to);
			return;
		}
		if (is_separator(c)) {
			if (f->n == 0 || f->s[f->n - 1] != ' ')
				put(f, " ", 1, from, to);
			return;
		}
	} else if (c == ' ' || c == '\n') {
		put(f, " ", 1, from, to);
		return;
	}
	if ((fo->kinds & AK_CONFUSABLE) && ascii_fold(c, opt, a) < 0 &&
	    (n = lookalike(fo, c, opt, a)) > 0) {
		put(f, a, (size_t)n, from, to);
		return;
	}
	m = utf8proc_decompose_char(c, out, 16, opt, &bc);
	for (j = 0; j < m; j++) {
		e = nx;
		if (fo->kinds & AK_ACCENTS)
			for (e = 0; e < nx; e++)
				if (extra[e].cp == out[j])
					break;
		if (e < nx)
			put(f, extra[e].to, strlen(extra[e].to), from, to);
		else
			put(f, (const char *)enc, (size_t)
			    utf8proc_encode_char(out[j], enc), from, to);
	}
}

/*
 * A run shown right to left by an override at src[s] (the RLO): folded
 * as stored (a publication drops the controls and shows it so), then
 * in the order the override shows it, every character of both copies
 * standing for the whole run, controls included: a name in it takes
 * the run. Returns where the run ends.
 */
static size_t
fold_override(struct fold *f, const struct folder *fo, const char *src,
    size_t len, size_t s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)src;
	utf8proc_int32_t c = 0;
	utf8proc_ssize_t k = 0;
	size_t i = s + 3, e, z, *at = NULL, nat = 0, cap = 0;

	/* The run ends at its PDF or PDI, a line break or the text's end. */
	for (e = i; e < len; e += (size_t)k) {
		if ((k = utf8proc_iterate(p + e, (utf8proc_ssize_t)(len - e),
		    &c)) <= 0) {
			k = 1;
			continue;
		}
		if (c == PDF || c == PDI || c == '\n')
			break;
		at = xgrow(at, &cap, nat + 1, sizeof(*at));
		at[nat++] = e;
	}
	z = e;
	if (e < len && (c == PDF || c == PDI))
		z = e + (size_t)k;
	for (i = 0; i < nat; i++)
		if (utf8proc_iterate(p + at[i], (utf8proc_ssize_t)(len - at[i]),
		    &c) > 0)
			fold_char(f, fo, c, s, z);
	if (f->n == 0 || f->s[f->n - 1] != ' ')
		put(f, " ", 1, s, z);
	while (nat > 0) {
		nat--;
		if (utf8proc_iterate(p + at[nat], (utf8proc_ssize_t)(len -
		    at[nat]), &c) > 0)
			fold_char(f, fo, c, s, z);
	}
	free(at);
	return z;
}

void
fold_text(struct fold *f, const char *src, size_t len,
    const struct folder *fo)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)src;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t i = 0;

	f->n = 0;
	while (i < len) {
		/* ASCII letters and digits: folding is lower-casing. */
		if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' &&
		    p[i] <= '9') || (p[i] >= 'A' && p[i] <= 'Z')) {
			if (f->n + 2 > f->cap)
				put(f, "", 0, i, i);
			f->s[f->n] = (char)(p[i] >= 'A' && p[i] <= 'Z' ?
			    p[i] + 32 : p[i]);
			f->end[f->n] = i + 1;
			f->off[f->n++] = i++;
			continue;
		}
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		if (k <= 0) {		/* not UTF-8: never in a doc tree */
			i++;
			continue;
		}
		if (c == RLO && (fo->kinds & AK_BIDI)) {
			i = fold_override(f, fo, src, len, i);
			continue;
		}
		fold_char(f, fo, c, i, i + (size_t)k);
		i += (size_t)k;
	}
	put(f, "", 0, 0, 0);
	f->s[f->n] = '\0';
	f->off[f->n] = f->end[f->n] = len;
}

void
fold_free(struct fold *f)
{
	free(f->s);
	free(f->off);
	free(f->end);
	memset(f, 0, sizeof(*f));
}
