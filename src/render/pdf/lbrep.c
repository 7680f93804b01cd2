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
