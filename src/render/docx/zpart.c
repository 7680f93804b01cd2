/* Deflated package parts: ISA-L as the text is written, a libzip source after. */
#include "zpart.h"
#include "../../util/alloc.h"

#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

/* Room made in the output before each call to the deflater. */
#define ZCHUNK	65536

/*
 * Zero bytes after every input handed to ISA-L. Its deflate reads a few
 * bytes past the end of its input, and with garbage there a stateless
 * stream's output varied (docs/performance.md); zeros there keep what it
 * reads the same from run to run. (Its stateless path varied from run
 * to run even so, and is not used: the stateful one, here, did not.)
 */
#define ZPAD	64

static int	deflate_in(struct zpart *, const char *, size_t);
static void	*worker(void *);

/* Appends p[0..n) to b with ZPAD zero bytes after it (not counted). */
static void
put_padded(struct buf *b, const char *p, size_t n)
{
	buf_put(b, p, n);
	buf_reserve(b, ZPAD);
	memset(b->data + b->len, 0, ZPAD);
}

int
zpart_init(struct zpart *zp, int level, int threaded)
{
	size_t lsize;

	memset(zp, 0, sizeof(*zp));
	zp->crc = 0;
	/* The stream zeroed before isal_deflate_init, its level's buffer
	 * not: the stream resets the tables in it. */
	zp->z = xcalloc(1, sizeof(*zp->z));
	level = level < 0 ? 0 : level > 3 ? 3 : level;
	lsize = level == 0 ? 0 : level == 1 ? ISAL_DEF_LVL1_DEFAULT :
	    level == 2 ? ISAL_DEF_LVL2_DEFAULT : ISAL_DEF_LVL3_DEFAULT;
	zp->lbuf = lsize ? xmalloc(lsize) : NULL;
	isal_deflate_init(zp->z);
	/* Raw deflate (no gzip or zlib header): the zip entry's own format. */
	zp->z->gzip_flag = IGZIP_DEFLATE;
	zp->z->level = (uint32_t)level;
	zp->z->level_buf = zp->lbuf;
	zp->z->level_buf_size = (uint32_t)lsize;
	zp->z->flush = NO_FLUSH;
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

/* The stream's memory, once it has ended or failed. */
static void
end_stream(struct zpart *zp)
{
	free(zp->z);
	free(zp->lbuf);
	zp->z = NULL;
	zp->lbuf = NULL;
	zp->live = 0;
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
	put_padded(b, p, n);
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

/*
 * Deflates p[0..n), which ZPAD zero bytes follow, into out; with end,
 * ends the stream too.
 */
static int
pump(struct zpart *zp, const char *p, size_t n, int end)
{
	struct isal_zstream *z = zp->z;

	z->next_in = (uint8_t *)(uintptr_t)p;
	z->avail_in = (uint32_t)n;
	z->end_of_stream = (uint16_t)end;
	do {
		buf_reserve(&zp->out, ZCHUNK);
		z->next_out = (uint8_t *)zp->out.data + zp->out.len;
		z->avail_out = ZCHUNK;
		if (isal_deflate(z) != COMP_OK) {
			zp->err = 1;
			return -1;
		}
		zp->out.len += ZCHUNK - z->avail_out;
	} while (z->avail_in > 0 || z->avail_out == 0 ||
	    (end && z->internal_state.state != ZSTATE_END));
	return 0;
}

/* CRC and deflate of p[0..n) (zeros after it), on whichever
 * thread owns the stream. */
static int
deflate_in(struct zpart *zp, const char *p, size_t n)
{
	uint32_t take;

	while (n > 0) {
		take = n > (1u << 30) ? (1u << 30) : (uint32_t)n;
		/* libdeflate's CRC-32 is zlib's, several times faster. */
		zp->crc = libdeflate_crc32((uint32_t)zp->crc, p, take);
		if (pump(zp, p, take, 0) == -1)
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
	int rc;

	if (zp->err || !zp->live)
		return -1;
	zp->size += n;
	if (n == 0)
		return 0;
	if (zp->threaded) {
		rc = enqueue(zp, p, n);
	} else {
		/* Copied, for the zeros after it. */
		zp->slot[0].len = 0;
		put_padded(&zp->slot[0], p, n);
		rc = deflate_in(zp, zp->slot[0].data, n);
	}
	if (rc != 0) {
		zp->err = 1;
		return -1;
	}
	return 0;
}

int
zpart_finish(struct zpart *zp)
{
	static const char zeros[ZPAD];

	if (stop(zp) == -1)
		zp->err = 1;
	if (zp->err || !zp->live)
		return -1;
	if (pump(zp, zeros, 0, 1) == -1)
		return -1;
	end_stream(zp);
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
	end_stream(zp);
	buf_free(&zp->out);
	memset(zp, 0, sizeof(*zp));
}
