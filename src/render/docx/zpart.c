/* Deflated package parts: libdeflate for the text, a libzip source for the result. */
#include "zpart.h"
#include "../../util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>

void
zpart_deflate(struct zpart *zp, const char *p, size_t n, int level)
{
	struct libdeflate_compressor *c;
	size_t bound;

	memset(zp, 0, sizeof(*zp));
	if ((c = libdeflate_alloc_compressor(level)) == NULL)
		abort();	/* only for want of memory */
	zp->size = n;
	zp->crc = libdeflate_crc32(0, p, n);
	bound = libdeflate_deflate_compress_bound(c, n);
	buf_reserve(&zp->out, bound + 1);
	/* Cannot fail with the bound's room. */
	if ((zp->out.len = libdeflate_deflate_compress(c, p, n, zp->out.data,
	    bound)) == 0 && n > 0)
		abort();
	libdeflate_free_compressor(c);
}

static zip_int64_t
source_cb(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct zpart *zp = arg;
	zip_stat_t *st;
	size_t n;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		zp->off = 0;
		return 0;
	case ZIP_SOURCE_READ:
		n = zp->out.len - zp->off;
		if (len < n)
			n = (size_t)len;
		if (n > 0)
			memcpy(data, zp->out.data + zp->off, n);
		zp->off += n;
		return (zip_int64_t)n;
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT:
		if (len < sizeof(*st))
			return -1;
		st = data;
		zip_stat_init(st);
		/* Already deflated: libzip copies it as it is. */
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC |
		    ZIP_STAT_COMP_METHOD;
		st->size = zp->size;
		st->comp_size = zp->out.len;
		st->crc = (zip_uint32_t)zp->crc;
		st->comp_method = ZIP_CM_DEFLATE;
		return sizeof(*st);
	case ZIP_SOURCE_ERROR:
		if (len < 2 * sizeof(int))
			return -1;
		memset(data, 0, 2 * sizeof(int));
		return 2 * sizeof(int);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

zip_source_t *
zpart_source(zip_t *za, struct zpart *zp)
{
	return zip_source_function(za, source_cb, zp);
}

void
zpart_free(struct zpart *zp)
{
	buf_free(&zp->out);
	memset(zp, 0, sizeof(*zp));
}
