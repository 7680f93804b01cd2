/* Line breaking through libunibreak's public API, with runs of ASCII letters, digits and spaces handed over as one character. */
#ifndef CSPR_LBREP_H
#define CSPR_LBREP_H

#include <stddef.h>
#include <stdint.h>

/*
 * A character's stand-in for line breaking: every ASCII letter is 'a'
 * (UAX #14 class AL), every digit '0' (NU), a comma '.' (IS), anything
 * else itself. Characters of one class break alike, so the stand-ins
 * break as the text does, and runs of them can be handed over as one
 * (lbrep_breaks). tests/unit/test_lbrep.c checks the breaks against
 * the text's own.
 */
static inline uint32_t
lbrep(uint32_t cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return 'a';
	if (cp >= '0' && cp <= '9')
		return '0';
	return cp == ',' ? '.' : cp;
}

/*
 * The break opportunities of a text, as set_linebreaks_utf32(text, n,
 * "en", brks) gives them, from its n stand-ins in reps (overwritten),
 * with n bytes of scratch: runs of letters, digits and spaces go to the
 * library as one character, and "word [.,] spaces word" as the first
 * word (lbrep.c says why that is safe).
 */
void	 lbrep_breaks(uint32_t *reps, size_t n, char *brks, char *scratch);

#endif
