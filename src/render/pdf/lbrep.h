/* Stand-ins for line breaking: each BMP character mapped to the character of its UAX #14 class that libunibreak finds fastest. */
#ifndef CSPR_LBREP_H
#define CSPR_LBREP_H

#include <stddef.h>
#include <stdint.h>

/*
 * libunibreak 1.1 finds a character's class by scanning lists of
 * ranges (the language's, then an index, then the default ranges),
 * about 220 instructions for a letter, and decides every break from
 * the classes around it alone. Handing it, for each character, the
 * character of the same class its lookup reaches soonest gives the
 * same breaks for a fraction of the scan. The table is built from the
 * library's own data (linebreakdef.h), so the classes are its classes;
 * tests/unit/test_lbrep.c checks the breaks against the unmapped text.
 */
struct lbrep {
	uint16_t	 rep[65536];	/* by code point: its stand-in */
};

/* Fills r for the language lang, as set_linebreaks would look it up. */
void	 lbrep_init(struct lbrep *r, const char *lang);

/*
 * The break opportunities of a text, as set_linebreaks_utf32(text, n,
 * "en", brks) gives them, from its n stand-ins in reps (overwritten),
 * with n bytes of scratch: faster, as runs of letters, digits and
 * spaces are handed over as one character, and "word [.,] spaces word"
 * as the first word (lbrep.c says why that is safe).
 */
void	 lbrep_breaks(const struct lbrep *r, uint32_t *reps, size_t n,
	    char *brks, char *scratch);

static inline uint32_t
lbrep(const struct lbrep *r, uint32_t cp)
{
	return cp > 0xFFFF ? cp : r->rep[cp];
}

#endif
