/* TrueType fonts for the PDF backend: metrics, the character map, and the subset a PDF embeds. */
#ifndef CSPR_TTF_H
#define CSPR_TTF_H

#include <stddef.h>
#include <stdint.h>

#include "../../util/buf.h"

/* A font file, read whole. Metrics are in thousandths of an em, rounded
 * toward zero as PDF widths are. */
struct ttf {
	uint8_t		*data;
	size_t		 size;
	unsigned	 upem;
	unsigned	 nglyphs;
	unsigned	 nhmetrics;
	int		 longloca;	/* head.indexToLocFormat */
	int		 ascent, descent;	/* hhea, descent negative */
	int		 capheight, xheight;
	int		 bbox[4];	/* xMin yMin xMax yMax */
	double		 italic;	/* post.italicAngle, degrees */
	int		 fixed;		/* post.isFixedPitch */
	unsigned	 weight;	/* OS/2 usWeightClass, or 400 */
	char		 name[64];	/* PostScript name, safe as a PDF name */
	uint16_t	*cmap;		/* BMP character -> glyph, 0: none */
	int		 win_bmp;	/* has a Windows BMP (3,1) cmap, as a
					 * simple font's readers look up */
	uint32_t	 loca_off, glyf_off, glyf_len, hmtx_off;
};

/* Reads the TrueType font at path. On failure returns -1 with why in
 * err: "cannot open file: ...", "not a usable TrueType font", or "the
 * font's licence does not allow embedding". */
int	 ttf_load(struct ttf *f, const char *path, char *err, size_t errsz);
void	 ttf_free(struct ttf *f);
/* Advance width of glyph g in thousandths of an em. */
unsigned ttf_advance(const struct ttf *f, unsigned g);
/* Appends to out a font of the glyphs flagged in used (nglyphs bytes;
 * composite glyphs' parts are added to it), others left empty, with
 * the tables a PDF reader needs. */
void	 ttf_subset(const struct ttf *f, uint8_t *used, struct buf *out);

#endif
