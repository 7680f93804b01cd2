/* Agency colours: fills a reader can tell apart, under text they can read. */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/*
 * A difference under MIN_DE (CIE76, in CIELAB) is hard to see between
 * two pale fills side by side: #E2EFDA and #D9EAD3 differ by 2.8. The
 * palette's colours, docs/case-format.md's default fills, differ by 8.3
 * or more, and black text on each has a contrast over 13:1.
 */
#define MIN_DE		5.0
#define MIN_CONTRAST	4.5	/* WCAG 2's for text */

static const char *const palette[] = {
	"DCE9F5", "E2EFDA", "FFF2CC", "FCE4D6", "E4CDE4", "CDE4E0", "CDD1E4",
	"DED3D5", "EFE1EF", "EBEBE5",
};

/* An sRGB channel, 0 to 1, as light. */
static double
linear(const char *hex)
{
	unsigned v = 0;
	double c;

	sscanf(hex, "%2x", &v);
	c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2's relative luminance of "RRGGBB". */
static double
luminance(const char *rgb, double *r, double *g, double *b)
{
	*r = linear(rgb);
	*g = linear(rgb + 2);
	*b = linear(rgb + 4);
	return 0.2126 * *r + 0.7152 * *g + 0.0722 * *b;
}

static double
lab_f(double t)
{
	return t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116;
}

/* The CIE76 difference of two "RRGGBB" colours (D65). */
static double
difference(const char *p, const char *q)
{
	const char *c[2] = { p, q };
	double lab[2][3], r, g, b, y, fx, fy, fz;
	int i;

	for (i = 0; i < 2; i++) {
		y = luminance(c[i], &r, &g, &b);
		fx = lab_f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
		fy = lab_f(y);
		fz = lab_f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
		lab[i][0] = 116 * fy - 16;
		lab[i][1] = 500 * (fx - fy);
		lab[i][2] = 200 * (fy - fz);
	}
	return sqrt(pow(lab[0][0] - lab[1][0], 2) +
	    pow(lab[0][1] - lab[1][1], 2) + pow(lab[0][2] - lab[1][2], 2));
}

/* A palette colour far enough from every agency's, or NULL. */
static const char *
suggest(const struct kase *k)
{
	size_t i, j;

	for (i = 0; i < sizeof(palette) / sizeof(palette[0]); i++) {
		for (j = 0; j < k->nag; j++)
			if (k->ag[j].colour[0] != '\0' &&
			    difference(palette[i], k->ag[j].colour) < MIN_DE)
				break;
		if (j == k->nag)
			return palette[i];
	}
	return NULL;
}

void
check_colours(const struct kase *k, struct diag_ctx *dg)
{
	const struct agency *a, *b;
	const char *s;
	double d, r, g, bl, contrast;
	size_t i, j;

	for (i = 0; i < k->nag; i++) {
		a = &k->ag[i];
		if (strlen(a->colour) != 6)
			continue;
		/* Text is black: (L + 0.05) / (0 + 0.05). */
		contrast = (luminance(a->colour, &r, &g, &bl) + 0.05) / 0.05;
		if (contrast < MIN_CONTRAST)
			diag(dg, DIAG_WARNING, &a->pos, "agency '%s': black text "
			    "on its colour #%s has a contrast of %.1f:1, less "
			    "than %.1f:1: choose a paler fill", a->id, a->colour,
			    contrast, MIN_CONTRAST);
		for (j = 0; j < i; j++) {
			b = &k->ag[j];
			if (strlen(b->colour) != 6 ||
			    (d = difference(a->colour, b->colour)) >= MIN_DE)
				continue;
			s = suggest(k);
			diag(dg, DIAG_WARNING, &a->pos, "agency '%s': its colour "
			    "#%s is hard to tell from '%s' (#%s; a difference "
			    "of %.1f, where %.0f or more reads as another "
			    "colour)%s%s%s", a->id, a->colour, b->id, b->colour,
			    d, MIN_DE, s ? ": try #" : "", s ? s : "", s ?
			    ", of the default palette (docs/case-format.md)" :
			    "");
		}
	}
}
