/* UTF-8: validation, decoding and sanitising of untrusted text. */
#ifndef CSPR_UTF8_H
#define CSPR_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Returns 1 if s[0..n) is well-formed UTF-8 (no overlongs, surrogates or
 * values above U+10FFFF); otherwise 0 and *bad is the offset of the first
 * bad byte.
 */
int	 utf8_valid(const char *s, size_t n, size_t *bad);

/*
 * Decodes one code point at *p (before end) and advances *p. Malformed
 * input yields U+FFFD and advances one byte.
 */
uint32_t utf8_next(const char **p, const char *end);

/* Appends the UTF-8 encoding of cp to out (4 bytes room); returns length. */
size_t	 utf8_encode(uint32_t cp, char *out);

/*
 * A copy of s with malformed sequences replaced by U+FFFD and C0/C1
 * control characters removed (tab and newline kept), safe for XML 1.0,
 * and composed (Unicode NFC: a letter and its combining mark as the one
 * precomposed character where there is one).
 */
char	*utf8_sanitize(const char *s);

/* The one character cp is a compatibility variant of (Unicode NFKC:
 * MATHEMATICAL BOLD CAPITAL S is S, a full-width digit the digit), or
 * 0 if it is none or stands for more than one. */
uint32_t utf8_compat(uint32_t cp);

/* 1 if s[0..n) is what utf8_sanitize would leave unchanged. */
int	 utf8_clean(const char *s, size_t n);

#endif
