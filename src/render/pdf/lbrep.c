/* Stand-ins for line breaking: the table of each BMP character's fastest-found equal in libunibreak's classes. */
#include "lbrep.h"

#include <linebreak.h>
#include <linebreakdef.h>
#include <limits.h>
#include <string.h>

/* Sets the class of the BMP characters in the ranges from p on: the
 * ranges are sorted and apart, as the library's scan expects. */
static void
fill(uint8_t *cls, const struct LineBreakProperties *p)
{
	uint32_t cp;

	for (; p->prop != LBP_Undefined; p++)
		if (p->prop != LBP_XX)	/* XX: the library looks further */
			for (cp = p->start; cp <= p->end && cp <= 0xFFFF; cp++)
				cls[cp] = (uint8_t)p->prop;
}

/*
 * The lookup's steps for cp: the language's ranges it passes, then
 * (not found there) the index slots and the default ranges it passes.
 * The index is the library's own (init_linebreak): LBREP_SLOTS slots,
 * each the start of an equal share of the ranges. Were the library to
 * index otherwise, only the speed would change: a stand-in is of the
 * same class whatever it costs.
 */
#define LBREP_SLOTS	40

static unsigned
cost(uint32_t cp, const struct LineBreakProperties *lang, size_t nranges)
{
	const struct LineBreakProperties *p;
	size_t step = nranges / LBREP_SLOTS, k = 0, i;
	unsigned n = 0;

	for (p = lang; p != NULL && p->prop != LBP_Undefined &&
	    cp >= p->start; p++, n++)
		if (cp <= p->end)
			return n;
	if (step == 0)
		step = 1;
	while (k + 1 < LBREP_SLOTS && (k + 1) * step < nranges &&
	    cp >= lb_prop_default[(k + 1) * step].start)
		k++;
	for (i = k * step; i < nranges && cp > lb_prop_default[i].end; i++)
		n++;
	return n + (unsigned)k;
}

static void
consider(uint32_t cp, const uint8_t *cls, uint32_t *best, unsigned *bestc,
    const struct LineBreakProperties *lang, size_t nranges)
{
	unsigned k, c;

	if (cp > 0xFFFF || cp == 0xFFFF)
		return;
	k = cls[cp];
	if ((c = cost(cp, lang, nranges)) < bestc[k] ||
	    (c == bestc[k] && cp < best[k])) {
		best[k] = cp;
		bestc[k] = c;
	}
}

void
lbrep_init(struct lbrep *r, const char *lang)
{
	const struct LineBreakPropertiesLang *m;
	const struct LineBreakProperties *lp = NULL, *p;
	uint8_t cls[65536];
	uint32_t first[LBP_XX + 1];
	unsigned firstc[LBP_XX + 1];
	enum LineBreakClass k;
	size_t nranges = 0;
	uint32_t cp;

	for (m = lb_prop_lang_map; lang != NULL && m->lang != NULL; m++)
		if (strncmp(lang, m->lang, m->namelen) == 0) {
			lp = m->lbp;
			break;
		}
	memset(cls, LBP_XX, sizeof(cls));
	fill(cls, lb_prop_default);
	/* The language's own ranges win, as in get_char_lb_class_lang. */
	if (lp != NULL)
		fill(cls, lp);
	for (p = lb_prop_default; p->prop != LBP_Undefined; p++)
		nranges++;
	for (k = 0; k <= LBP_XX; k++) {
		first[k] = UINT32_MAX;
		firstc[k] = UINT_MAX;
	}
	/* Every character of a range costs the same to look up as its
	 * first; a language range can split a default one, so the
	 * character after it starts a piece too. */
	for (p = lb_prop_default; p->prop != LBP_Undefined; p++)
		consider(p->start, cls, first, firstc, lp, nranges);
	for (p = lp; p != NULL && p->prop != LBP_Undefined; p++) {
		consider(p->start, cls, first, firstc, lp, nranges);
		consider(p->end + 1, cls, first, firstc, lp, nranges);
	}
	/* A class no range starts with (none in the library's data):
	 * its lowest character. */
	for (cp = 0x10000; cp-- > 0;)
		if (firstc[cls[cp]] == UINT_MAX)
			first[cls[cp]] = cp;
	for (cp = 0; cp <= 0xFFFF; cp++)
		r->rep[cp] = (uint16_t)first[cls[cp]];
}

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
lbrep_breaks(const struct lbrep *r, uint32_t *reps, size_t n, char *brks,
    char *scratch)
{
	const uint32_t al = r->rep['a'], nu = r->rep['0'], sp = r->rep[' '],
	    is = r->rep['.'];
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
