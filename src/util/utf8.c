/* UTF-8: validation, decoding and sanitising of untrusted text. */
#include "utf8.h"
#include "alloc.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Length of the well-formed sequence at s (before end), or 0. */
static size_t
seqlen(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
	size_t n, i;
	uint32_t c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else
		return 0;
	if ((size_t)(end - s) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

int
utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	uint32_t cp;
	size_t k;

	while (p < end) {
		/* Eight bytes of ASCII at a time: most text is. */
		if (end - p >= 8) {
			uint64_t w;

			memcpy(&w, p, 8);
			if ((w & 0x8080808080808080ull) == 0) {
				p += 8;
				continue;
			}
		}
		if ((k = seqlen(p, end, &cp)) == 0) {
			if (bad)
				*bad = (size_t)(p - (const unsigned char *)s);
			return 0;
		}
		p += k;
	}
	return 1;
}

uint32_t
utf8_next(const char **p, const char *end)
{
	uint32_t cp;
	size_t k = seqlen((const unsigned char *)*p,
	    (const unsigned char *)end, &cp);

	if (k == 0) {
		(*p)++;
		return 0xFFFD;
	}
	*p += k;
	return cp;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Kept: well-formed, and not a C0 or C1 control other than tab and
 * newline, nor a noncharacter that XML 1.0 forbids. */
static int
keep(uint32_t cp)
{
	return !((cp < 0x20 && cp != '\t' && cp != '\n') ||
	    (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF);
}

/*
 * Whether cp can change under NFC: a combining mark (which may compose
 * with what precedes it), a character with a canonical decomposition
 * (most compose back to themselves; a few, like U+212B ANGSTROM SIGN,
 * do not), or a conjoining Hangul jamo.
 */
static int
not_nfc(uint32_t cp)
{
	const utf8proc_property_t *pr;

	if (cp < 0x300)
		return 0;
	if (cp >= 0x1100 && cp <= 0x11FF)
		return 1;
	pr = utf8proc_get_property((utf8proc_int32_t)cp);
	return pr->combining_class != 0 || (pr->decomp_seqindex != UINT16_MAX &&
	    pr->decomp_type == 0);
}

uint32_t
utf8_compat(uint32_t cp)
{
	utf8proc_int32_t d[4];
	int last;

	if (utf8proc_decompose_char((utf8proc_int32_t)cp, d, 4,
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last) != 1 ||
	    (uint32_t)d[0] == cp)
		return 0;
	return (uint32_t)d[0];
}

int
utf8_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	uint32_t cp;
	size_t k;

	while (p < end) {
		if (*p >= 0x20 && *p < 0x7F) {
			p++;
			continue;
		}
		if ((k = seqlen(p, end, &cp)) == 0 || !keep(cp) || not_nfc(cp))
			return 0;
		p += k;
	}
	return 1;
}

char *
utf8_sanitize(const char *s)
{
	struct buf b = BUF_INIT;
	const unsigned char *p, *end, *run;
	char enc[4], *t, *nfc;
	uint32_t cp;
	size_t k;
	int compose = 0;

	if (s == NULL)
		return NULL;
	p = run = (const unsigned char *)s;
	end = p + strlen(s);
	while (p < end) {
		/* Plain ASCII text is by far the common case. */
		if (*p >= 0x20 && *p < 0x7F) {
			p++;
			continue;
		}
		k = seqlen(p, end, &cp);
		if (k != 0 && keep(cp)) {
			compose |= not_nfc(cp);
			p += k;
			continue;
		}
		/* Copy the good run, then drop or replace this one. */
		buf_put(&b, (const char *)run, (size_t)(p - run));
		if (k == 0) {
			buf_put(&b, enc, utf8_encode(0xFFFD, enc));
			p++;
		} else
			p += k;
		run = p;
	}
	if (b.data == NULL)
		t = xstrndup(s, (size_t)(end - (const unsigned char *)s));
	else {
		buf_put(&b, (const char *)run, (size_t)(p - run));
		t = buf_detach(&b);
	}
	if (!compose)
		return t;
	/* Composed (NFC): "Zoë" is one ë however it was typed. */
	if ((nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)t)) == NULL)
		xoom();
	free(t);
	return nfc;
}
