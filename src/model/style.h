/* Style settings from templates/style.conf: fonts, sizes and colours both backends use. */
#ifndef CSPR_STYLE_H
#define CSPR_STYLE_H

#include "../util/diag.h"

struct style {
	char	*font_family;	/* "Liberation Sans": DOCX font name */
	char	*font_regular;	/* TrueType paths, for PDF embedding */
	char	*font_bold;
	char	*font_italic;
	char	*font_bolditalic;
	double	 body_pt;	/* body text size, default 12 */
	double	 table_pt;	/* text in DOC_SMALL tables, default 9 */
	double	 h1_pt, h2_pt, h3_pt;
	char	 heading_rgb[7];/* heading colour "RRGGBB" */
	char	 draft_rgb[7];	/* the DRAFT mark's colour "RRGGBB" */
	double	 margin_mm;	/* page margins, all sides */
	double	 line_spacing;	/* line height / font size, default 1.2 */
	double	 para_space;	/* between paragraphs, in text sizes (0.5) */
};

/* Defaults, then settings from path (key = value lines) if path is not NULL.
 * Relative font paths are taken relative to the file's folder. */
int	style_load(struct style *st, const char *path, struct diag_ctx *dg);
void	style_free(struct style *st);

#endif
