/* TrueType fonts for the PDF backend, read through HarfBuzz: metrics, the character map, and the subset a PDF embeds. */
#ifndef CSPR_TTF_H
#define CSPR_TTF_H

#include <stddef.h>
#include <stdint.h>

#include "../../util/buf.h"

/* A font. Metrics are in thousandths of an em, rounded toward zero as
 * PDF widths are. */
struct ttf {
	struct hb_face_t *face;	/* HarfBuzz's, holding the file */
	unsigned	 upem;
	unsigned	 nglyphs;
	int		 ascent, descent;	/* hhea, descent negative */
	int		 capheight, xheight;
	int		 bbox[4];	/* head: xMin yMin xMax yMax, font units */
	double		 italic;	/* post.italicAngle, degrees */
	int		 fixed;		/* post.isFixedPitch */
	unsigned	 weight;	/* OS/2 usWeightClass, or 400 */
	char		 name[64];	/* PostScript name, safe as a PDF name */
	uint16_t	*cmap;		/* BMP character -> glyph, 0: none */
	unsigned	*adv;		/* per glyph: advance width (hmtx) */
	int		 win_bmp;	/* has a Windows BMP (3,1) cmap, as a
					 * simple font's readers look up */
};

/* Reads the TrueType font at path. On failure returns -1 with why in
 * err: "cannot open file: ...", "not a usable TrueType font", or "the
 * font's licence does not allow embedding". */
int	 ttf_load(struct ttf *f, const char *path, char *err, size_t errsz);
void	 ttf_free(struct ttf *f);
/* Advance width of glyph g in thousandths of an em. */
unsigned ttf_advance(const struct ttf *f, unsigned g);
/* Appends to out the subset (hb-subset) of the glyphs flagged in used
 * (nglyphs bytes), glyph ids kept, with the characters flagged in ucp
 * (one byte for each BMP character) in its cmap and the tables a PDF
 * reader needs; used is then the glyphs in it (the parts of composite
 * glyphs added). */
void	 ttf_subset(const struct ttf *f, uint8_t *used, const uint8_t *ucp,
	    struct buf *out);

#endif
