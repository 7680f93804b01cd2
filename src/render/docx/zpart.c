/* Deflated package parts: zlib as the text is written, a libzip source after. */
#include "zpart.h"

#include <libdeflate.h>
#include <string.h>

#define ZCHUNK	65536

static int	deflate_in(struct zpart *, const char *, size_t);
static void	*worker(void *);

int
zpart_init(struct zpart *zp, int level, int threaded)
{
	memset(zp, 0, sizeof(*zp));
	zp->crc = 0;
	/* Raw deflate (negative window bits): the zip entry's own format. */
	if (deflateInit2(&zp->z, level, Z_DEFLATED, -MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		zp->err = 1;
		return -1;
	}
	zp->live = 1;
	if (!threaded)
		return 0;
	if (pthread_mutex_init(&zp->mu, NULL) != 0)
		return 0;
	if (pthread_cond_init(&zp->cv, NULL) != 0) {
		pthread_mutex_destroy(&zp->mu);
		return 0;
	}
	if (pthread_create(&zp->thread, NULL, worker, zp) != 0) {
		pthread_cond_destroy(&zp->cv);
		pthread_mutex_destroy(&zp->mu);
		return 0;	/* deflate on this thread instead */
	}
	zp->threaded = 1;
	return 0;
}

/* The deflate thread: empties slots in order until told it is done. */
static void *
worker(void *arg)
{
	struct zpart *zp = arg;
	struct buf *b;
	int rc;

	pthread_mutex_lock(&zp->mu);
	for (;;) {
		while (zp->count == 0 && !zp->done)
			pthread_cond_wait(&zp->cv, &zp->mu);
		if (zp->count == 0)
			break;
		b = &zp->slot[zp->head];
		pthread_mutex_unlock(&zp->mu);
		rc = zp->failed ? -1 : deflate_in(zp, b->data, b->len);
		pthread_mutex_lock(&zp->mu);
		if (rc == -1)
			zp->failed = 1;
		b->len = 0;
		zp->head = (zp->head + 1) % ZPART_SLOTS;
		zp->count--;
		pthread_cond_broadcast(&zp->cv);
	}
	pthread_mutex_unlock(&zp->mu);
	return NULL;
}

/* Hands p[0..n) to the thread, waiting for a free slot. */
static int
enqueue(struct zpart *zp, const char *p, size_t n)
{
	struct buf *b;
	int rc;

	pthread_mutex_lock(&zp->mu);
	while (zp->count == ZPART_SLOTS)
		pthread_cond_wait(&zp->cv, &zp->mu);
	b = &zp->slot[(zp->head + zp->count) % ZPART_SLOTS];
	pthread_mutex_unlock(&zp->mu);
	/* The slot is ours until counted in: copy outside the lock. */
	b->len = 0;
	buf_put(b, p, n);
	pthread_mutex_lock(&zp->mu);
	zp->count++;
	rc = zp->failed ? -1 : 0;
	pthread_cond_broadcast(&zp->cv);
	pthread_mutex_unlock(&zp->mu);
	return rc;
}

/* Ends the thread, once it has emptied every slot. */
static int
stop(struct zpart *zp)
{
	if (!zp->threaded)
		return 0;
	pthread_mutex_lock(&zp->mu);
	zp->done = 1;
	pthread_cond_broadcast(&zp->cv);
	pthread_mutex_unlock(&zp->mu);
	pthread_join(zp->thread, NULL);
	pthread_cond_destroy(&zp->cv);
	pthread_mutex_destroy(&zp->mu);
	zp->threaded = 0;
	return zp->failed ? -1 : 0;
}

/* Deflates the pending input (all of it, and the end if flush is
 * Z_FINISH) into out. */
static int
pump(struct zpart *zp, int flush)
{
	unsigned char chunk[ZCHUNK];
	int rc;

	do {
		zp->z.next_out = chunk;
		zp->z.avail_out = sizeof(chunk);
		rc = deflate(&zp->z, flush);
		if (rc == Z_STREAM_ERROR) {
			zp->err = 1;
			return -1;
		}
		buf_put(&zp->out, (const char *)chunk,
		    sizeof(chunk) - zp->z.avail_out);
	} while (zp->z.avail_out == 0 || (flush == Z_FINISH &&
	    rc != Z_STREAM_END));
	return 0;
}

/* CRC and deflate of p[0..n), on whichever thread owns z. */
static int
deflate_in(struct zpart *zp, const char *p, size_t n)
{
	uInt take;

	while (n > 0) {
		take = n > (1u << 30) ? (1u << 30) : (uInt)n;
		/* libdeflate's CRC-32 is zlib's, several times faster. */
		zp->crc = libdeflate_crc32((uint32_t)zp->crc, p, take);
		zp->z.next_in = (Bytef *)(uintptr_t)p;
		zp->z.avail_in = take;
		if (pump(zp, Z_NO_FLUSH) == -1)
			return -1;
		p += take;
		n -= take;
	}
	return 0;
}

int
zpart_write(void *arg, const char *p, size_t n)
{
	struct zpart *zp = arg;

	if (zp->err || !zp->live)
		return -1;
	zp->size += n;
	if (n == 0)
		return 0;
	if (zp->threaded ? enqueue(zp, p, n) : deflate_in(zp, p, n)) {
		zp->err = 1;
		return -1;
	}
	return 0;
}

int
zpart_finish(struct zpart *zp)
{
	if (stop(zp) == -1)
		zp->err = 1;
	if (zp->err || !zp->live)
		return -1;
	zp->z.next_in = Z_NULL;
	zp->z.avail_in = 0;
	if (pump(zp, Z_FINISH) == -1)
		return -1;
	deflateEnd(&zp->z);
	zp->live = 0;
	return 0;
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
	if (zp->live || zp->err)
		return NULL;
	return zip_source_function(za, source_cb, zp);
}

void
zpart_free(struct zpart *zp)
{
	unsigned i;

	stop(zp);
	for (i = 0; i < ZPART_SLOTS; i++)
		buf_free(&zp->slot[i]);
	if (zp->live)
		deflateEnd(&zp->z);
	buf_free(&zp->out);
	memset(zp, 0, sizeof(*zp));
}
