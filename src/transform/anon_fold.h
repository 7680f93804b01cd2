/* Folding text for name matching, with a map back to the original bytes. */
#ifndef CSPR_ANON_FOLD_H
#define CSPR_ANON_FOLD_H

#include <stddef.h>

/*
 * The folded form of a text: Unicode compatibility decomposition, case
 * folding, accents stripped (AK_ACCENTS), default-ignorable characters
 * (soft hyphens, zero-width spaces and joiners) dropped, every
 * apostrophe kind as "'", every space and hyphen kind (and line breaks)
 * as one " " (AK_SEPARATORS). off[i] is where in the original the
 * character that gave folded byte i starts; off[n] is the original's
 * length.
 */
struct fold {
	char	*s;
	size_t	 n, cap;
	size_t	*off;
};

void	 fold_text(struct fold *f, const char *src, size_t len,
	    unsigned kinds);
void	 fold_free(struct fold *f);

/* A word character of folded text: ASCII letter or digit, or part of a
 * non-ASCII character. */
#define FOLD_WORDC(c) (((unsigned char)(c) >= 0x80) || \
	((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9'))

#endif
