/* Deflate by ISA-L's igzip: whole buffers in the zlib format, or a raw stream fed in pieces. */
#include "zdef.h"
#include "alloc.h"

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <stdlib.h>

#define ZDEF_LEVEL	1

struct zdef {
	struct isal_zstream	 s;
	uint8_t			 lvl[ISAL_DEF_LVL1_DEFAULT];	/* level 1's
							 * working memory */
};

struct zdef *
zdef_new(void)
{
	/* Zeroed: no field ISA-L's inits skip is left to chance. */
	return xcalloc(1, sizeof(struct zdef));
}

void
zdef_free(struct zdef *z)
{
	free(z);
}

/* The level, its memory, the format and the window, after an init. */
static void
setup(struct zdef *z, uint16_t format)
{
	/* isal_deflate_stateless_init (2.30) leaves hist_bits as it was,
	 * and any value but 0 shrinks the window: output would depend on
	 * what the memory held before. */
	z->s.hist_bits = 0;
	z->s.level = ZDEF_LEVEL;
	z->s.level_buf = z->lvl;
	z->s.level_buf_size = sizeof(z->lvl);
	z->s.gzip_flag = format;
}

void
zdef_zlib(struct zdef *z, struct buf *out, const void *data, size_t len)
{
	/* At worst, stored blocks: the data, 5 bytes each 65,535, and the
	 * zlib header and trailer (ISA-L falls back to them itself). */
	size_t room = len + 5 * (len / 65535 + 1) + 6 + ISAL_DEF_MAX_HDR_SIZE;

	/* Streams are a page or a font: far below 4 GiB. */
	if (len > UINT32_MAX / 2)
		abort();
	buf_reset(out);
	buf_reserve(out, room + 1);
	isal_deflate_stateless_init(&z->s);
	setup(z, IGZIP_ZLIB);
	z->s.next_in = (uint8_t *)(uintptr_t)data;
	z->s.avail_in = (uint32_t)len;
	z->s.end_of_stream = 1;
	z->s.flush = NO_FLUSH;
	z->s.next_out = (uint8_t *)out->data;
	z->s.avail_out = (uint32_t)room;
	/* With that room it cannot fail. */
	if (isal_deflate_stateless(&z->s) != COMP_OK)
		abort();
	out->len = (size_t)((char *)z->s.next_out - out->data);
	out->data[out->len] = '\0';
}

void
zdef_raw_begin(struct zdef *z)
{
	isal_deflate_init(&z->s);
	setup(z, IGZIP_DEFLATE);
}

void
zdef_raw(struct zdef *z, struct buf *out, const void *p, size_t n, int last)
{
	const uint8_t *in = p;
	uint32_t take;
	size_t room;

	do {
		take = n > (1u << 30) ? 1u << 30 : (uint32_t)n;
		z->s.next_in = (uint8_t *)(uintptr_t)in;
		z->s.avail_in = take;
		z->s.end_of_stream = last && take == n;
		/* Deflated straight into out, which grows until the piece
		 * is in (and, at the end, the stream's last block). */
		for (;;) {
			buf_reserve(out, take / 4 + 65536);
			room = out->cap - out->len - 1;
			z->s.next_out = (uint8_t *)out->data + out->len;
			z->s.avail_out = room > UINT32_MAX ? UINT32_MAX :
			    (uint32_t)room;
			/* Fails only for a bad level or flush, set above. */
			if (isal_deflate(&z->s) != COMP_OK)
				abort();
			out->len = (size_t)((char *)z->s.next_out - out->data);
			out->data[out->len] = '\0';
			if (z->s.avail_in == 0 && z->s.avail_out > 0 &&
			    (!z->s.end_of_stream ||
			    z->s.internal_state.state == ZSTATE_END))
				break;
		}
		in += take;
		n -= take;
	} while (n > 0);
}

uint32_t
zdef_crc32(uint32_t crc, const void *p, size_t n)
{
	return crc32_gzip_refl(crc, p, n);
}
