/* Folding text for name matching, with a map back to the original bytes. */
#ifndef CSPR_ANON_FOLD_H
#define CSPR_ANON_FOLD_H

#include <stddef.h>

/*
 * The folded form of a text: Unicode compatibility decomposition, case
 * folding, accents stripped (AK_ACCENTS), default-ignorable characters
 * (soft hyphens, zero-width spaces and joiners, bidi controls) dropped,
 * every apostrophe kind as "'", every space and hyphen kind (and line
 * breaks) as one " " (AK_SEPARATORS); letters that only look Latin
 * (Cyrillic "а", Greek "ο", small capitals "ᴋ") as the Latin letters
 * they look like (AK_CONFUSABLE); text a right-to-left override shows
 * backwards, in the order it shows (AK_BIDI).
 *
 * Byte i of the folded text came from the original's [off[i], end[i]):
 * for a character, its bytes; for any character of an overridden run,
 * the whole run with its controls, so that what is found in it takes
 * all of it. off[n] and end[n] are the original's length.
 */
struct fold {
	char	*s;
	size_t	 n, cap;
	size_t	*off;
	size_t	*end;
};

/* How to fold: the anonymiser's kinds and, for AK_CONFUSABLE, an ICU
 * spoof checker (USpoofChecker *; NULL to skip the skeletons). */
struct folder {
	unsigned	 kinds;
	void		*spoof;
};

void	 fold_text(struct fold *f, const char *src, size_t len,
	    const struct folder *fo);
void	 fold_free(struct fold *f);

/* A word character of folded text: ASCII letter or digit, or part of a
 * non-ASCII character. */
#define FOLD_WORDC(c) (((unsigned char)(c) >= 0x80) || \
	((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9'))

#endif
