/* Line breaking: runs of the text's stand-ins handed to libunibreak as one character. */
#include "lbrep.h"

#include <linebreak.h>

/*
 * Runs of letters, of digits and of spaces go to the library as one
 * character each. Every rule of UAX #14 that names these classes looks
 * at one character of the run, the one next to the other class, and
 * none breaks inside a run (LB7, LB25, LB28), so the run's last
 * position breaks as the one character would. The text's first
 * character is kept apart: the library takes a space there for a word
 * joiner, and the next space for a space.
 *
 * Then words: a word (a run of letters), perhaps a full stop or comma
 * (class IS), spaces, and a second word. The first word cannot break
 * before what follows it (LB7, LB13), the stop or comma not before the
 * spaces (LB7), and the spaces can break before the second word (LB18:
 * none of LB14 to LB17 names a letter or IS before the spaces). Those
 * breaks are set here, and the first word stands for the second in
 * what the library is handed: what the second word breaks before
 * depends on the class of its own last letter, as the first word's
 * did. So a sentence goes over as a few characters.
 */
void
lbrep_breaks(uint32_t *reps, size_t n, char *brks, char *scratch)
{
	const uint32_t al = 'a', nu = '0', sp = ' ', is = '.';
	uint32_t x, prev;
	size_t i, m = 1, spat = 0;

	if (n == 0)
		return;
	for (prev = reps[0], i = 1; i < n; i++, prev = x) {
		x = reps[i];
		if (x == prev && m > 1 && (x == al || x == nu || x == sp)) {
			brks[i - 1] = LINEBREAK_NOBREAK;
			continue;
		}
		if (x == al && m >= 3 && reps[m - 1] == sp) {
			if (reps[m - 2] == al) {
				brks[spat - 1] = LINEBREAK_NOBREAK;
				brks[i - 1] = LINEBREAK_ALLOWBREAK;
				m -= 1;
				continue;
			}
			if (m >= 4 && reps[m - 2] == is && reps[m - 3] == al) {
				brks[spat - 2] = LINEBREAK_NOBREAK;
				brks[spat - 1] = LINEBREAK_NOBREAK;
				brks[i - 1] = LINEBREAK_ALLOWBREAK;
				m -= 2;
				continue;
			}
		}
		if (x == sp)
			spat = i;
		brks[i - 1] = LINEBREAK_INSIDEACHAR;
		reps[m++] = x;
	}
	set_linebreaks_utf32(reps, m, "en", scratch);
	for (i = 0, m = 0; i + 1 < n; i++)
		if (brks[i] == LINEBREAK_INSIDEACHAR)
			brks[i] = scratch[m++];
	brks[n - 1] = scratch[m];
}
