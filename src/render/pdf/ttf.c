/* TrueType fonts through HarfBuzz: the metrics and character map a PDF needs, and the subset of used glyphs it embeds (hb-subset). */
#include "ttf.h"
#include "../../util/alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb-subset.h>

#define TTF_MAX		(64u << 20)	/* bigger is not a text font */

static unsigned
u16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* The start of table tag, its first n bytes at least; NULL if it is
 * shorter or absent. The face holds the bytes while it lives. */
static const uint8_t *
table(const struct ttf *f, const char *tag, unsigned n, unsigned *len)
{
	hb_blob_t *b = hb_face_reference_table(f->face,
	    hb_tag_from_string(tag, 4));
	const char *d = hb_blob_get_data(b, len);

	hb_blob_destroy(b);
	return *len >= n ? (const uint8_t *)d : NULL;
}

/* TrueType outlines, and every table the directory lists within the
 * file: HarfBuzz reads a table cut short as shorter, which here would
 * draw glyphs empty instead of refusing the font. */
static int
whole(const uint8_t *d, size_t size)
{
	size_t i, n;

	if (size < 12 || (u32(d) != 0x00010000u && memcmp(d, "true", 4) != 0))
		return -1;
	n = u16(d + 4);
	if (size < 12 + 16 * n)
		return -1;
	for (i = 0; i < n; i++)
		if (u32(d + 12 + 16 * i + 8) > size || u32(d + 12 + 16 * i +
		    12) > size - u32(d + 12 + 16 * i + 8))
			return -1;
	return 0;
}

/* Whether the font has a format 4 Windows BMP (3,1) cmap subtable,
 * which readers of a simple TrueType font look glyphs up in. */
static int
has_win_bmp(const struct ttf *f)
{
	const uint8_t *d;
	unsigned len, i, sub;

	if ((d = table(f, "cmap", 4, &len)) == NULL)
		return 0;
	for (i = 0; i < u16(d + 2) && 4 + 8 * (i + 1) <= len; i++) {
		const uint8_t *r = d + 4 + 8 * i;

		if (u16(r) == 3 && u16(r + 2) == 1 && (sub = u32(r + 4)) <
		    len && len - sub >= 2 && u16(d + sub) == 4)
			return 1;
	}
	return 0;
}

/* The PostScript name, kept to the characters a PDF name may hold
 * unescaped; else the file's name to its first dot; else "F". */
static void
read_name(struct ttf *f, const char *path)
{
	char s[sizeof(f->name)];
	unsigned n = sizeof(s);
	const char *p;
	size_t j = 0;

	if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    HB_LANGUAGE_INVALID, &n, s) == 0) {
		p = strrchr(path, '/');
		p = p ? p + 1 : path;
		snprintf(s, sizeof(s), "%.*s", (int)strcspn(p, "."), p);
	}
	for (p = s; *p && j + 1 < sizeof(f->name); p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')
			f->name[j++] = *p;
	if (j == 0)
		f->name[j++] = 'F';
	f->name[j] = '\0';
}

/* Metrics in thousandths of an em: font units (the font's scale is its
 * units per em) times 1000 / upem, toward zero as PDF widths are. */
static int
metric(hb_font_t *font, unsigned upem, hb_ot_metrics_tag_t tag, int dflt)
{
	hb_position_t v;

	return hb_ot_metrics_get_position(font, tag, &v) ? v * 1000 /
	    (int)upem : dflt;
}

static int
parse(struct ttf *f, const char *path, const char **why)
{
	hb_font_t *font = NULL;
	hb_set_t *cps = NULL;
	hb_codepoint_t cp = HB_SET_VALUE_INVALID, g;
	const uint8_t *d;
	unsigned len, i;
	int rc = -1;

	*why = "not a usable TrueType font";
	f->upem = hb_face_get_upem(f->face);
	f->nglyphs = hb_face_get_glyph_count(f->face);
	if (f->nglyphs == 0 || (d = table(f, "head", 54, &len)) == NULL ||
	    table(f, "hhea", 36, &len) == NULL ||
	    table(f, "hmtx", 4, &len) == NULL ||
	    table(f, "loca", 4, &len) == NULL ||
	    table(f, "glyf", 1, &len) == NULL)
		goto out;
	for (i = 0; i < 4; i++)
		f->bbox[i] = (int16_t)u16(d + 36 + 2 * i);
	/* Restricted licence, and no preview or editable bit. */
	if ((d = table(f, "OS/2", 10, &len)) != NULL &&
	    (u16(d + 8) & 0x000F) == 0x0002) {
		*why = "the font's licence does not allow embedding";
		goto out;
	}
	if ((d = table(f, "post", 16, &len)) != NULL)
		f->fixed = u32(d + 12) != 0;

	font = hb_font_create(f->face);
	f->ascent = metric(font, f->upem,
	    HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, 0);
	f->descent = metric(font, f->upem,
	    HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, 0);
	f->capheight = metric(font, f->upem, HB_OT_METRICS_TAG_CAP_HEIGHT,
	    f->ascent);
	f->xheight = metric(font, f->upem, HB_OT_METRICS_TAG_X_HEIGHT,
	    f->ascent / 2);
	f->italic = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
	f->weight = (unsigned)hb_style_get_value(font, HB_STYLE_TAG_WEIGHT);
	f->adv = xcalloc(f->nglyphs, sizeof(*f->adv));
	for (g = 0; g < f->nglyphs; g++)
		f->adv[g] = (unsigned)hb_font_get_glyph_h_advance(font, g) *
		    1000u / f->upem;
	/* The BMP of the character map HarfBuzz prefers. */
	f->cmap = xcalloc(0x10000, sizeof(*f->cmap));
	cps = hb_set_create();
	hb_face_collect_unicodes(f->face, cps);
	while (hb_set_next(cps, &cp) && cp <= 0xFFFF)
		if (hb_font_get_nominal_glyph(font, cp, &g) && g < f->nglyphs)
			f->cmap[cp] = (uint16_t)g;
	f->win_bmp = has_win_bmp(f);
	read_name(f, path);
	rc = hb_set_get_population(cps) > 0 ? 0 : -1;
out:
	hb_set_destroy(cps);
	hb_font_destroy(font);
	return rc;
}

int
ttf_load(struct ttf *f, const char *path, char *err, size_t errsz)
{
	struct buf b = BUF_INIT;
	const char *why = "not a usable TrueType font";
	hb_blob_t *blob;
	size_t size;
	char *data;

	memset(f, 0, sizeof(*f));
	if (buf_read_file(&b, path, TTF_MAX) == -1) {
		snprintf(err, errsz, "cannot open file: %s", strerror(errno));
		buf_free(&b);
		return -1;
	}
	size = b.len;
	data = buf_detach(&b);
	if (whole((const uint8_t *)data, size) == -1) {
		free(data);
		goto fail;
	}
	blob = hb_blob_create(data, (unsigned)size, HB_MEMORY_MODE_READONLY,
	    data, free);
	f->face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	if (parse(f, path, &why) == 0)
		return 0;
fail:
	snprintf(err, errsz, "%s", why);
	ttf_free(f);
	return -1;
}

void
ttf_free(struct ttf *f)
{
	hb_face_destroy(f->face);
	free(f->adv);
	free(f->cmap);
	memset(f, 0, sizeof(*f));
}

/* The tables kept: what a PDF reader draws TrueType glyphs with. */
static const char *const kept[] = { "OS/2", "cmap", "cvt ", "fpgm", "glyf",
    "head", "hhea", "hmtx", "loca", "maxp", "prep" };

void
ttf_subset(const struct ttf *f, uint8_t *used, const uint8_t *ucp,
    struct buf *out)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_subset_plan_t *plan = NULL;
	hb_face_t *sub = NULL;
	hb_blob_t *blob;
	hb_set_t *drop;
	unsigned g, i, n;
	const char *d;

	if (in == NULL)
		xoom();
	/* Glyph ids kept (the CIDToGIDMap and the content streams use
	 * them), .notdef drawn as the font draws it. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
	    HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	for (g = 0; g < f->nglyphs; g++)
		if (used[g])
			hb_set_add(hb_subset_input_glyph_set(in), g);
	/* The characters drawn stay in the cmap: the simple form's readers
	 * find glyphs through it. */
	for (g = 0; g < 0x10000; g++)
		if (ucp[g])
			hb_set_add(hb_subset_input_unicode_set(in), g);
	/* Every other table goes, GSUB and GPOS with their glyph closure:
	 * a PDF shows glyphs, it does not shape. */
	drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_set_clear(drop);
	hb_set_invert(drop);
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		hb_set_del(drop, hb_tag_from_string(kept[i], 4));
	if ((plan = hb_subset_plan_create_or_fail(f->face, in)) != NULL &&
	    (sub = hb_subset_plan_execute_or_fail(plan)) != NULL) {
		/* The glyphs in it: the parts of composite glyphs too. */
		for (g = 0; g < f->nglyphs; g++)
			used[g] = hb_map_has(
			    hb_subset_plan_old_to_new_glyph_mapping(plan), g);
		blob = hb_face_reference_blob(sub);
	} else		/* HarfBuzz refused: the whole font, still right */
		blob = hb_face_reference_blob(f->face);
	d = hb_blob_get_data(blob, &n);
	buf_put(out, d, n);
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_plan_destroy(plan);
	hb_subset_input_destroy(in);
}

unsigned
ttf_advance(const struct ttf *f, unsigned g)
{
	return f->adv[g < f->nglyphs ? g : 0];
}
