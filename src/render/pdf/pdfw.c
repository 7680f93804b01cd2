/* The PDF object writer: objects written as they are made, streams deflated, the xref table at the end. */
#include "pdfw.h"
#include "../../util/alloc.h"
#include "../../util/utf8.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>

/*
 * libdeflate at its fastest level: streams are whole in memory, which
 * is what it wants, and at 3,000 events it deflates them in two thirds
 * of the time zlib's fastest level takes (docs/design.md).
 */
#define PDFW_LEVEL	1
#define PDFW_OBJSTM	200	/* objects in an object stream */
#define PDFW_OBJSTM_BYTES (1u << 20)	/* or about this many bytes */
/* An xref entry in an object stream: its number and index, flagged. */
#define IN_STM		((uint64_t)1 << 63)

/* Deflates data into w->z, in the zlib format FlateDecode reads. */
static void
zdeflate(struct pdfw *w, const void *data, size_t len)
{
	struct buf *z = &w->z;
	size_t bound;

	buf_reset(z);
	if (w->zc == NULL &&
	    (w->zc = libdeflate_alloc_compressor(PDFW_LEVEL)) == NULL)
		abort();	/* only for want of memory */
	bound = libdeflate_zlib_compress_bound(w->zc, len);
	buf_reserve(z, bound + 1);
	/* Cannot fail with the bound's room. */
	if ((z->len = libdeflate_zlib_compress(w->zc, data, len, z->data,
	    bound)) == 0)
		abort();
}

void
pdfw_init(struct pdfw *w, FILE *f)
{
	memset(w, 0, sizeof(*w));
	w->f = f;
	hash_init(&w->seen);
	/* PDF 1.7, and four bytes above 127 to say the file is binary. */
	pdfw_puts(w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
}

void
pdfw_free(struct pdfw *w)
{
	buf_free(&w->ostm);
	buf_free(&w->ohead);
	libdeflate_free_compressor(w->zc);
	free(w->off);
	buf_free(&w->z);
	w->off = NULL;
	w->cap = 0;
}

uint32_t
pdfw_alloc(struct pdfw *w)
{
	w->off = xgrow(w->off, &w->cap, w->nobj + 1, sizeof(*w->off));
	w->off[++w->nobj] = 0;
	return (uint32_t)w->nobj;
}

void
pdfw_put(struct pdfw *w, const char *s, size_t len)
{
	if (len == 0 || w->err != 0)
		return;
	if (fwrite(s, 1, len, w->f) != len)
		w->err = errno ? errno : EIO;
	hash_put(&w->seen, s, len);
	w->pos += len;
}

void
pdfw_puts(struct pdfw *w, const char *s)
{
	pdfw_put(w, s, strlen(s));
}

/* v's digits ending at end; returns where they start. */
static char *
digits(char *end, uint64_t v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	return end;
}

void
pdf_uint(struct buf *b, uint64_t v)
{
	char s[24], *p = digits(s + sizeof(s), v);

	buf_put(b, p, (size_t)(s + sizeof(s) - p));
}

void
pdf_ref(struct buf *b, uint32_t n)
{
	char s[24], *p = digits(s + sizeof(s), n);

	buf_put(b, p, (size_t)(s + sizeof(s) - p));
	buf_put(b, " 0 R", 4);
}

/* "N 0 obj": object n starts here. */
static void
pdfw_begin(struct pdfw *w, uint32_t n)
{
	char s[24], *p;

	if (n == 0 || n > w->nobj)
		return;
	w->off[n] = w->pos;
	p = digits(s + sizeof(s), n);
	pdfw_put(w, p, (size_t)(s + sizeof(s) - p));
	pdfw_put(w, " 0 obj\n", 7);
}

/* deflate: 0 raw, 1 deflate now, 2 already deflated. */
static void
write_stream(struct pdfw *w, uint32_t n, const char *dict, const void *data,
    size_t len, int deflate)
{
	char s[96];

	if (deflate == 1) {
		zdeflate(w, data, len);
		data = w->z.data;
		len = w->z.len;
	}
	pdfw_begin(w, n);
	pdfw_puts(w, "<< ");
	pdfw_puts(w, dict);
	snprintf(s, sizeof(s), "%s/Length %zu%s >>\nstream\n",
	    *dict ? " " : "", len, deflate ? " /Filter /FlateDecode" : "");
	pdfw_puts(w, s);
	pdfw_put(w, data, len);
	pdfw_puts(w, "\nendstream\nendobj\n");
}

void
pdfw_stream(struct pdfw *w, uint32_t n, const char *dict, const void *data,
    size_t len, int deflate)
{
	write_stream(w, n, dict, data, len, deflate != 0);
}

/* Writes the object stream being filled. */
static void
ostm_flush(struct pdfw *w)
{
	struct buf all = BUF_INIT;
	char dict[64];
	uint32_t n;
	unsigned i;

	if (w->on == 0)
		return;
	n = pdfw_alloc(w);
	buf_put(&all, w->ohead.data, w->ohead.len);
	buf_put(&all, w->ostm.data, w->ostm.len);
	snprintf(dict, sizeof(dict), "/Type /ObjStm /N %u /First %zu", w->on,
	    w->ohead.len);
	pdfw_stream(w, n, dict, all.data, all.len, 1);
	/* The objects' entries name the stream, now that it has a number. */
	for (i = 0; i < w->on; i++)
		w->off[w->onum[i]] |= (uint64_t)n << 20;
	buf_free(&all);
	buf_reset(&w->ostm);
	buf_reset(&w->ohead);
	w->on = 0;
}

void
pdfw_obj(struct pdfw *w, uint32_t n, const struct buf *b)
{
	if (n == 0 || n > w->nobj)
		return;
	pdf_uint(&w->ohead, n);
	buf_putc(&w->ohead, ' ');
	pdf_uint(&w->ohead, w->ostm.len);
	buf_putc(&w->ohead, ' ');
	buf_put(&w->ostm, b->data, b->len);
	buf_putc(&w->ostm, '\n');
	/* Stream number filled in when it is written. */
	w->off[n] = IN_STM | w->on;
	w->onum[w->on] = n;
	/* Flushed at a count, or sooner for large objects, so that the
	 * stream is never a large copy. */
	if (++w->on == PDFW_OBJSTM || w->ostm.len > PDFW_OBJSTM_BYTES)
		ostm_flush(w);
}

static void
put_be(struct buf *b, uint64_t v, int n)
{
	while (n-- > 0)
		buf_putc(b, (char)(v >> (8 * n)));
}

int
pdfw_finish(struct pdfw *w, uint32_t root, uint32_t info)
{
	struct buf x = BUF_INIT;
	char dict[256], hex[HASH_HEX], id[33];
	uint32_t self;
	size_t i;

	ostm_flush(w);
	/* Sixteen hex digits as the bytes of the ID, written in hex: a
	 * reader decoding every string finds no stray word in it. */
	hash_hex(&w->seen, hex);
	for (i = 0; i < 16; i++)
		snprintf(id + 2 * i, 3, "%02X", (unsigned char)hex[i]);
	self = pdfw_alloc(w);
	/* Entries of 1 + 5 + 2 bytes: type, offset or object stream,
	 * generation or index. */
	put_be(&x, 0, 1);
	put_be(&x, 0, 5);
	put_be(&x, 65535, 2);
	for (i = 1; i <= w->nobj; i++) {
		uint64_t o = i == self ? w->pos : w->off[i];

		if (o == 0 && w->err == 0)
			w->err = -1;	/* a number never written */
		if (o & IN_STM) {
			put_be(&x, 2, 1);
			put_be(&x, o >> 20 & 0xFFFFFFFFu, 5);
			put_be(&x, o & 0xFFFF, 2);
		} else {
			put_be(&x, 1, 1);
			put_be(&x, o, 5);
			put_be(&x, 0, 2);
		}
	}
	snprintf(dict, sizeof(dict), "/Type /XRef /Size %zu /W [1 5 2] "
	    "/Root %u 0 R /Info %u 0 R /ID [<%s> <%s>]", w->nobj + 1,
	    (unsigned)root, (unsigned)info, id, id);
	{
		uint64_t at = w->pos;
		char s[64];

		write_stream(w, self, dict, x.data, x.len, 1);
		snprintf(s, sizeof(s), "startxref\n%llu\n%%%%EOF\n",
		    (unsigned long long)at);
		pdfw_puts(w, s);
	}
	buf_free(&x);
	if (w->err == 0 && fflush(w->f) != 0)
		w->err = errno ? errno : EIO;
	return w->err == 0 ? 0 : -1;
}

/* |v| in thousandths, rounded half up; NaN and the absurd are 0. */
static long long
milli(double v)
{
	if (v < 0)
		v = -v;
	if (!(v < 1e12))
		v = 0;
	return (long long)(v * 1000 + 0.5);
}

void
pdf_num(struct buf *b, double v)
{
	long long i = milli(v);
	uint64_t n = (uint64_t)(i / 1000);
	unsigned f = (unsigned)(i % 1000);
	char s[24], *o, *p;

	/* Written in place: a million calls for a long chronology. */
	if (b->data == NULL || b->len + 32 >= b->cap)
		buf_reserve(b, 32);
	o = b->data + b->len;
	if (v < 0 && i != 0)
		*o++ = '-';
	if (n < 10)
		*o++ = (char)('0' + n);
	else if (n < 100) {
		*o++ = (char)('0' + n / 10);
		*o++ = (char)('0' + n % 10);
	} else if (n < 1000) {
		*o++ = (char)('0' + n / 100);
		*o++ = (char)('0' + n / 10 % 10);
		*o++ = (char)('0' + n % 10);
	} else
		for (p = digits(s + sizeof(s), n); p < s + sizeof(s); p++)
			*o++ = *p;
	/* The fraction with no trailing zero. */
	if (f != 0) {
		*o++ = '.';
		*o++ = (char)('0' + f / 100);
		if (f % 100 != 0) {
			*o++ = (char)('0' + f / 10 % 10);
			if (f % 10 != 0)
				*o++ = (char)('0' + f % 10);
		}
	}
	*o = '\0';
	b->len = (size_t)(o - b->data);
}

double
pdf_num_value(double v)
{
	double m = (double)milli(v) / 1000;

	return v < 0 ? -m : m;
}

void
pdf_asciistr(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '(');
	for (p = (const unsigned char *)s; *p; p++)
		if (*p == '(' || *p == ')' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7F)
			buf_printf(b, "\\%03o", *p);
		else
			buf_putc(b, (char)*p);
	buf_putc(b, ')');
}

void
pdf_textstr(struct buf *b, const char *s)
{
	const char *p, *end = s + strlen(s);
	uint32_t cp;

	for (p = s; p < end; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7F)
			break;
	if (p == end) {
		pdf_asciistr(b, s);
		return;
	}
	buf_puts(b, "<FEFF");
	for (p = s; p < end;) {
		cp = utf8_next(&p, end);
		if (cp > 0xFFFF) {
			cp -= 0x10000;
			buf_printf(b, "%04X%04X", 0xD800u + (unsigned)(cp >> 10),
			    0xDC00u + (unsigned)(cp & 0x3FF));
		} else
			buf_printf(b, "%04X", (unsigned)cp);
	}
	buf_putc(b, '>');
}
