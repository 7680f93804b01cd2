/* Folding text for name matching (utf8proc), keeping where each folded byte came from. */
#include "anon_fold.h"
#include "anon.h"
#include "../util/alloc.h"

#include <string.h>
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

static void
put(struct fold *f, const char *s, size_t n, size_t from)
{
	size_t i;

	if (f->n + n + 2 > f->cap) {
		f->cap = (f->n + n + 2) * 2;
		f->s = xrealloc(f->s, f->cap);
		f->off = xrealloc(f->off, f->cap * sizeof(*f->off));
	}
	for (i = 0; i < n; i++) {
		f->s[f->n] = s[i];
		f->off[f->n++] = from;
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

void
fold_text(struct fold *f, const char *src, size_t len, unsigned kinds)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)src;
	utf8proc_int32_t c, out[16];
	utf8proc_ssize_t k, m, j;
	utf8proc_option_t opt;
	utf8proc_uint8_t enc[4];
	size_t i = 0, e, nx = sizeof(extra) / sizeof(extra[0]);
	int bc;

	f->n = 0;
	opt = UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
	    UTF8PROC_IGNORE;
	if (kinds & AK_ACCENTS)
		opt |= UTF8PROC_STRIPMARK;
	while (i < len) {
		/* ASCII letters and digits: folding is lower-casing. */
		if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' &&
		    p[i] <= '9') || (p[i] >= 'A' && p[i] <= 'Z')) {
			if (f->n + 2 > f->cap)
				put(f, "", 0, i);
			f->s[f->n] = (char)(p[i] >= 'A' && p[i] <= 'Z' ?
			    p[i] + 32 : p[i]);
			f->off[f->n++] = i++;
			continue;
		}
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		if (k <= 0) {		/* not UTF-8: never in a doc tree */
			i++;
			continue;
		}
		if (kinds & AK_SEPARATORS) {
			if (is_apostrophe(c)) {
				put(f, "'", 1, i);
				i += (size_t)k;
				continue;
			}
			if (is_separator(c)) {
				if (f->n == 0 || f->s[f->n - 1] != ' ')
					put(f, " ", 1, i);
				i += (size_t)k;
				continue;
			}
		} else if (c == ' ' || c == '\n') {
			put(f, " ", 1, i);
			i += (size_t)k;
			continue;
		}
		bc = 0;
		m = utf8proc_decompose_char(c, out, 16, opt, &bc);
		for (j = 0; j < m; j++) {
			e = nx;
			if (kinds & AK_ACCENTS)
				for (e = 0; e < nx; e++)
					if (extra[e].cp == out[j])
						break;
			if (e < nx)
				put(f, extra[e].to, strlen(extra[e].to), i);
			else
				put(f, (const char *)enc, (size_t)
				    utf8proc_encode_char(out[j], enc), i);
		}
		i += (size_t)k;
	}
	put(f, "", 0, 0);
	f->s[f->n] = '\0';
	f->off[f->n] = len;
}

void
fold_free(struct fold *f)
{
	free(f->s);
	free(f->off);
	memset(f, 0, sizeof(*f));
}
