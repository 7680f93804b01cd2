/* Stand-ins for line breaking: the table of each BMP character's fastest-found equal in libunibreak's classes. */
#include "lbrep.h"

#include <linebreak.h>
#include <linebreakdef.h>
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

void
lbrep_init(struct lbrep *r, const char *lang)
{
	const struct LineBreakPropertiesLang *m;
	const struct LineBreakProperties *lp = NULL;
	uint8_t cls[65536];
	uint32_t first[LBP_XX + 1];
	enum LineBreakClass k;
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
	for (k = 0; k <= LBP_XX; k++)
		first[k] = UINT32_MAX;
	/* The lowest code point of a class comes first in the sorted
	 * ranges, so the scan for it is the shortest. */
	for (cp = 0x10000; cp-- > 0;)
		first[cls[cp]] = cp;
	for (cp = 0; cp <= 0xFFFF; cp++)
		r->rep[cp] = (uint16_t)first[cls[cp]];
}
