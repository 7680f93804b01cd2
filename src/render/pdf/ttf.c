/* TrueType fonts: reading the tables a PDF needs, and writing the subset of used glyphs it embeds. */
#include "ttf.h"
#include "../../util/alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TTF_MAX		(64u << 20)	/* bigger is not a text font */

static unsigned
u16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static int
s16(const uint8_t *p)
{
	return (int16_t)(uint16_t)u16(p);
}

static uint32_t
u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* The table tag's offset and length, checked to lie in the file; -1 if
 * there is none. */
static int
table(const struct ttf *f, const char *tag, uint32_t *off, uint32_t *len)
{
	unsigned i, n = u16(f->data + 4);

	for (i = 0; i < n; i++) {
		const uint8_t *r = f->data + 12 + 16 * i;

		if (12 + 16 * (size_t)(i + 1) > f->size)
			return -1;
		if (memcmp(r, tag, 4) != 0)
			continue;
		*off = u32(r + 8);
		*len = u32(r + 12);
		if (*off > f->size || *len > f->size - *off)
			return -1;
		return 0;
	}
	return -1;
}

/* Format 4 (BMP) or 12 (any plane) subtable at off into f->cmap. */
static int
read_cmap_sub(struct ttf *f, uint32_t off, uint32_t end)
{
	const uint8_t *d = f->data;
	unsigned fmt, segx2, i, c, g, prev;
	uint32_t n, j, s, e, start, next;

	if (off + 4 > end)
		return -1;
	fmt = u16(d + off);
	if (fmt == 4) {
		if (off + 14 > end)
			return -1;
		segx2 = u16(d + off + 6);
		if (segx2 == 0 || segx2 % 2 != 0 ||
		    off + 16 + 4 * (size_t)segx2 > end)
			return -1;
		for (i = 0, prev = 0; i < segx2; i += 2) {
			unsigned ec = u16(d + off + 14 + i);
			unsigned sc = u16(d + off + 16 + segx2 + i);
			unsigned delta = u16(d + off + 16 + 2 * segx2 + i);
			uint32_t ro_at = off + 16 + 3 * segx2 + i;
			unsigned ro = u16(d + ro_at);

			/* Segments in order and apart, as the format says:
			 * at most 65,536 characters in all, however many. */
			if (sc > ec || sc < prev)
				return -1;
			prev = ec + 1;
			for (c = sc; c <= ec && c <= 0xFFFF; c++) {
				if (ro == 0)
					g = (c + delta) & 0xFFFF;
				else {
					size_t at = ro_at + ro + 2 * (size_t)(c - sc);

					if (at + 2 > end)
						break;
					g = u16(d + at);
					if (g != 0)
						g = (g + delta) & 0xFFFF;
				}
				if (c != 0xFFFF && g < f->nglyphs)
					f->cmap[c] = (uint16_t)g;
			}
		}
		return 0;
	}
	if (fmt == 12) {
		if (off + 16 > end)
			return -1;
		n = u32(d + off + 12);
		if (n > (end - off - 16) / 12)
			return -1;
		for (j = 0, next = 0; j < n; j++) {
			s = u32(d + off + 16 + 12 * j);
			e = u32(d + off + 20 + 12 * j);
			start = u32(d + off + 24 + 12 * j);
			/* Groups in order and apart, as for format 4. */
			if (s > e || s < next)
				return -1;
			next = e + 1;
			if (s > 0xFFFF)
				break;	/* beyond the BMP: not used */
			for (c = s; c <= e && c <= 0xFFFF; c++)
				if (start + (c - s) < f->nglyphs)
					f->cmap[c] = (uint16_t)(start + (c - s));
		}
		return 0;
	}
	return -1;
}

/* The Unicode cmap: Windows Unicode full repertoire, then BMP, then the
 * Unicode platform. */
static int
read_cmap(struct ttf *f)
{
	static const unsigned pref[][2] = { { 3, 10 }, { 3, 1 }, { 0, 4 },
	    { 0, 3 }, { 0, 1 }, { 0, 0 } };
	uint32_t off, len, sub;
	unsigned i, k, n;

	if (table(f, "cmap", &off, &len) == -1 || len < 4)
		return -1;
	n = u16(f->data + off + 2);
	if (4 + 8 * (size_t)n > len)
		return -1;
	f->cmap = xcalloc(0x10000, sizeof(*f->cmap));
	/* A readable format 4 Windows BMP subtable: what readers of a
	 * simple TrueType font look glyphs up in. */
	for (i = 0; i < n; i++) {
		const uint8_t *r = f->data + off + 4 + 8 * i;

		if (u16(r) == 3 && u16(r + 2) == 1 && (sub = u32(r + 4)) <
		    len && len - sub >= 2 && u16(f->data + off + sub) == 4)
			f->win_bmp = 1;
	}
	for (k = 0; k < sizeof(pref) / sizeof(pref[0]); k++)
		for (i = 0; i < n; i++) {
			const uint8_t *r = f->data + off + 4 + 8 * i;

			if (u16(r) != pref[k][0] || u16(r + 2) != pref[k][1])
				continue;
			sub = u32(r + 4);
			if (sub < len && read_cmap_sub(f, off + sub,
			    off + len) == 0)
				return 0;
		}
	return -1;
}

/* The PostScript name (name ID 6), kept to the characters a PDF name
 * may hold unescaped. */
static void
read_name(struct ttf *f, const char *path)
{
	uint32_t off, len, str;
	unsigned i, n, k, plat, l, o, ch;
	const char *base;
	size_t j = 0;

	if (table(f, "name", &off, &len) == 0 && len >= 6) {
		n = u16(f->data + off + 2);
		str = off + u16(f->data + off + 4);
		for (i = 0; i < n && 6 + 12 * (size_t)(i + 1) <= len; i++) {
			const uint8_t *r = f->data + off + 6 + 12 * i;

			plat = u16(r);
			if (u16(r + 6) != 6 || (plat != 1 && plat != 3))
				continue;
			l = u16(r + 8);
			o = u16(r + 10);
			if ((size_t)str + o + l > off + (size_t)len)
				continue;
			for (k = 0; k < l && j + 1 < sizeof(f->name);
			    k += plat == 3 ? 2 : 1) {
				ch = plat == 3 ? (k + 1 < l ?
				    u16(f->data + str + o + k) : 0) :
				    f->data[str + o + k];
				if ((ch >= 'A' && ch <= 'Z') ||
				    (ch >= 'a' && ch <= 'z') ||
				    (ch >= '0' && ch <= '9') || ch == '-' ||
				    ch == '_')
					f->name[j++] = (char)ch;
			}
			if (j > 0)
				break;
		}
	}
	if (j == 0) {
		base = strrchr(path, '/');
		base = base ? base + 1 : path;
		for (; *base && *base != '.' && j + 1 < sizeof(f->name); base++)
			if ((*base >= 'A' && *base <= 'Z') ||
			    (*base >= 'a' && *base <= 'z') ||
			    (*base >= '0' && *base <= '9') || *base == '-')
				f->name[j++] = *base;
	}
	if (j == 0)
		f->name[j++] = 'F';
	f->name[j] = '\0';
}

static int
parse(struct ttf *f, const char *path, const char **why)
{
	uint32_t off, len;
	unsigned fstype;

	*why = "not a usable TrueType font";
	if (f->size < 12 || (u32(f->data) != 0x00010000u &&
	    memcmp(f->data, "true", 4) != 0))
		return -1;
	if (table(f, "head", &off, &len) == -1 || len < 54)
		return -1;
	f->upem = u16(f->data + off + 18);
	f->bbox[0] = s16(f->data + off + 36);
	f->bbox[1] = s16(f->data + off + 38);
	f->bbox[2] = s16(f->data + off + 40);
	f->bbox[3] = s16(f->data + off + 42);
	f->longloca = s16(f->data + off + 50) != 0;
	if (f->upem < 16 || f->upem > 16384)
		return -1;
	if (table(f, "maxp", &off, &len) == -1 || len < 6)
		return -1;
	f->nglyphs = u16(f->data + off + 4);
	if (table(f, "hhea", &off, &len) == -1 || len < 36)
		return -1;
	f->ascent = s16(f->data + off + 4) * 1000 / (int)f->upem;
	f->descent = s16(f->data + off + 6) * 1000 / (int)f->upem;
	f->nhmetrics = u16(f->data + off + 34);
	if (f->nglyphs == 0 || f->nhmetrics == 0 ||
	    f->nhmetrics > f->nglyphs)
		return -1;
	if (table(f, "hmtx", &f->hmtx_off, &len) == -1 ||
	    len < 4 * (size_t)f->nhmetrics)
		return -1;
	if (table(f, "loca", &f->loca_off, &len) == -1 ||
	    len < (f->longloca ? 4u : 2u) * ((size_t)f->nglyphs + 1))
		return -1;
	if (table(f, "glyf", &f->glyf_off, &f->glyf_len) == -1)
		return -1;
	f->capheight = f->ascent;
	f->xheight = f->ascent / 2;
	f->weight = 400;
	if (table(f, "OS/2", &off, &len) == 0 && len >= 10) {
		f->weight = u16(f->data + off + 4);
		fstype = u16(f->data + off + 8);
		/* Restricted licence, and no preview or editable bit. */
		if ((fstype & 0x000F) == 0x0002) {
			*why = "the font's licence does not allow embedding";
			return -1;
		}
		if (u16(f->data + off) >= 2 && len >= 90) {
			f->xheight = s16(f->data + off + 86) * 1000 /
			    (int)f->upem;
			f->capheight = s16(f->data + off + 88) * 1000 /
			    (int)f->upem;
		}
	}
	if (table(f, "post", &off, &len) == 0 && len >= 16) {
		f->italic = (double)(int32_t)u32(f->data + off + 4) / 65536.0;
		f->fixed = u32(f->data + off + 12) != 0;
	}
	if (read_cmap(f) == -1)
		return -1;
	read_name(f, path);
	return 0;
}

int
ttf_load(struct ttf *f, const char *path, char *err, size_t errsz)
{
	struct buf b = BUF_INIT;
	const char *why = NULL;

	memset(f, 0, sizeof(*f));
	if (buf_read_file(&b, path, TTF_MAX) == -1) {
		snprintf(err, errsz, "cannot open file: %s", strerror(errno));
		buf_free(&b);
		return -1;
	}
	f->size = b.len;
	f->data = (uint8_t *)buf_detach(&b);
	if (parse(f, path, &why) == -1) {
		snprintf(err, errsz, "%s", why);
		ttf_free(f);
		return -1;
	}
	return 0;
}

void
ttf_free(struct ttf *f)
{
	free(f->data);
	free(f->cmap);
	memset(f, 0, sizeof(*f));
}

unsigned
ttf_advance(const struct ttf *f, unsigned g)
{
	unsigned i = g < f->nhmetrics ? g : f->nhmetrics - 1;

	return u16(f->data + f->hmtx_off + 4 * i) * 1000u / f->upem;
}

/* Where glyph g's outline lies in glyf; 0 length for an empty one. */
static void
glyph_at(const struct ttf *f, unsigned g, uint32_t *off, uint32_t *len)
{
	const uint8_t *l = f->data + f->loca_off;
	uint32_t a, b;

	if (f->longloca) {
		a = u32(l + 4 * g);
		b = u32(l + 4 * (g + 1));
	} else {
		a = 2 * u16(l + 2 * g);
		b = 2 * u16(l + 2 * (g + 1));
	}
	if (b < a || b > f->glyf_len) {
		*off = *len = 0;
		return;
	}
	*off = a;
	*len = b - a;
}

/* Flags the parts of composite glyph g, and theirs, in used. */
static void
add_parts(const struct ttf *f, unsigned g, uint8_t *used, unsigned depth)
{
	const uint8_t *p, *end;
	uint32_t off, len;
	unsigned flags, part;

	glyph_at(f, g, &off, &len);
	if (len < 10 || depth > 8)
		return;
	p = f->data + f->glyf_off + off;
	end = p + len;
	if (s16(p) >= 0)
		return;			/* a simple glyph */
	p += 10;
	do {
		if (p + 4 > end)
			return;
		flags = u16(p);
		part = u16(p + 2);
		if (part < f->nglyphs && !used[part]) {
			used[part] = 1;
			add_parts(f, part, used, depth + 1);
		}
		p += 4 + (flags & 0x0001 ? 4 : 2);
		if (flags & 0x0008)
			p += 2;
		else if (flags & 0x0040)
			p += 4;
		else if (flags & 0x0080)
			p += 8;
	} while (flags & 0x0020);
}

static void
put16(struct buf *b, unsigned v)
{
	char s[2] = { (char)(v >> 8), (char)v };

	buf_put(b, s, 2);
}

static void
put32(struct buf *b, uint32_t v)
{
	char s[4] = { (char)(v >> 24), (char)(v >> 16), (char)(v >> 8),
	    (char)v };

	buf_put(b, s, 4);
}

static uint32_t
checksum(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 4 <= n; i += 4)
		sum += u32(p + i);
	if (i < n) {
		uint8_t t[4] = { 0, 0, 0, 0 };

		memcpy(t, p + i, n - i);
		sum += u32(t);
	}
	return sum;
}

/* The tables kept, in tag order (a font's directory is sorted). */
static const char *const kept[] = { "OS/2", "cmap", "cvt ", "fpgm", "glyf",
    "head", "hhea", "hmtx", "loca", "maxp", "prep" };
#define NKEPT	(sizeof(kept) / sizeof(kept[0]))

void
ttf_subset(const struct ttf *f, uint8_t *used, struct buf *out)
{
	struct buf glyf = BUF_INIT, loca = BUF_INIT;
	const uint8_t *src[NKEPT];
	uint32_t len[NKEPT], off, l, sum, at, headat = 0;
	size_t start = out->len, dir, pos;
	unsigned g, i, n = 0, es, pow;
	static const char zero[4] = { 0, 0, 0, 0 };

	used[0] = 1;			/* .notdef */
	for (g = 0; g < f->nglyphs; g++)
		if (used[g])
			add_parts(f, g, used, 0);
	for (g = 0; g < f->nglyphs; g++) {
		put32(&loca, (uint32_t)glyf.len);
		glyph_at(f, g, &off, &l);
		if (used[g] && l > 0) {
			buf_put(&glyf, (const char *)f->data + f->glyf_off +
			    off, l);
			while (glyf.len % 4)
				buf_putc(&glyf, 0);
		}
	}
	put32(&loca, (uint32_t)glyf.len);
	for (i = 0; i < NKEPT; i++) {
		if (strcmp(kept[i], "glyf") == 0) {
			src[n] = (const uint8_t *)glyf.data;
			len[n] = (uint32_t)glyf.len;
		} else if (strcmp(kept[i], "loca") == 0) {
			src[n] = (const uint8_t *)loca.data;
			len[n] = (uint32_t)loca.len;
		} else if (table(f, kept[i], &off, &l) == 0) {
			src[n] = f->data + off;
			len[n] = l;
		} else
			continue;
		if (src[n] == NULL)
			src[n] = (const uint8_t *)zero, len[n] = 0;
		n++;
	}
	/* The offset table and directory. */
	for (pow = 1, es = 0; pow * 2 <= n; pow *= 2, es++)
		continue;
	put32(out, 0x00010000u);
	put16(out, n);
	put16(out, pow * 16);
	put16(out, es);
	put16(out, n * 16 - pow * 16);
	dir = out->len;
	for (i = 0; i < n; i++) {
		put32(out, 0);
		put32(out, 0);
		put32(out, 0);
		put32(out, 0);
	}
	for (i = 0, n = 0; i < NKEPT; i++) {
		if (strcmp(kept[i], "glyf") != 0 &&
		    strcmp(kept[i], "loca") != 0 &&
		    table(f, kept[i], &off, &l) == -1)
			continue;
		at = (uint32_t)(out->len - start);
		pos = out->len;
		buf_put(out, (const char *)src[n], len[n]);
		if (strcmp(kept[i], "head") == 0 && len[n] >= 54) {
			headat = (uint32_t)pos;
			memset(out->data + pos + 8, 0, 4);	/* adjustment */
			out->data[pos + 50] = 0;		/* long loca */
			out->data[pos + 51] = 1;
		}
		while ((out->len - start) % 4)
			buf_putc(out, 0);
		sum = checksum((const uint8_t *)out->data + pos, len[n]);
		memcpy(out->data + dir + 16 * n, kept[i], 4);
		out->data[dir + 16 * n + 4] = (char)(sum >> 24);
		out->data[dir + 16 * n + 5] = (char)(sum >> 16);
		out->data[dir + 16 * n + 6] = (char)(sum >> 8);
		out->data[dir + 16 * n + 7] = (char)sum;
		out->data[dir + 16 * n + 8] = (char)(at >> 24);
		out->data[dir + 16 * n + 9] = (char)(at >> 16);
		out->data[dir + 16 * n + 10] = (char)(at >> 8);
		out->data[dir + 16 * n + 11] = (char)at;
		out->data[dir + 16 * n + 12] = (char)(len[n] >> 24);
		out->data[dir + 16 * n + 13] = (char)(len[n] >> 16);
		out->data[dir + 16 * n + 14] = (char)(len[n] >> 8);
		out->data[dir + 16 * n + 15] = (char)len[n];
		n++;
	}
	if (headat != 0) {
		sum = 0xB1B0AFBAu - checksum((const uint8_t *)out->data +
		    start, out->len - start);
		out->data[headat + 8] = (char)(sum >> 24);
		out->data[headat + 9] = (char)(sum >> 16);
		out->data[headat + 10] = (char)(sum >> 8);
		out->data[headat + 11] = (char)sum;
	}
	buf_free(&glyf);
	buf_free(&loca);
}
