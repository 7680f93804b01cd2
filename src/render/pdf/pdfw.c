/* The PDF object writer: objects written as they are made, streams deflated, the xref table at the end. */
#include "pdfw.h"
#include "../../util/alloc.h"
#include "../../util/utf8.h"
#include "../../util/vmem.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>

/*
 * libdeflate level 1: on a 10,000-event chronology's content streams it
 * is twice as fast as zlib at level 3 for a file 1.5% larger (measured
 * on the 31 MB of them). Streams are whole in memory, which is what
 * libdeflate wants.
 */
#define PDFW_LEVEL	1
#define PDFW_OBJSTM	200	/* objects in an object stream */
#define PDFW_OBJSTM_BYTES (1u << 20)	/* or about this many bytes */
/* An xref entry in an object stream: its number and index, flagged. */
#define IN_STM		((uint64_t)1 << 63)

/* Deflates data into z, in the zlib format FlateDecode reads. */
static void
zdeflate(struct libdeflate_compressor **zc, struct buf *z, const void *data,
    size_t len)
{
	size_t bound;

	buf_reset(z);
	if (*zc == NULL && (*zc = libdeflate_alloc_compressor(PDFW_LEVEL)) ==
	    NULL)
		abort();	/* only for want of memory */
	bound = libdeflate_zlib_compress_bound(*zc, len);
	buf_reserve(z, bound + 1);
	/* Cannot fail with the bound's room. */
	if ((z->len = libdeflate_zlib_compress(*zc, data, len, z->data,
	    bound)) == 0)
		abort();
}

/* Streams waiting before the thread is woken: one wake-up for several
 * pages, not one each. */
#define PDFW_BATCH	4

/* The first stream queued and not taken, taken; or NULL. Under mu. */
static struct pdfw_slot *
take(struct pdfw_job *j)
{
	struct pdfw_slot *sl;
	uint64_t k;

	for (k = j->written; k < j->queued; k++) {
		sl = &j->slot[k % PDFW_SLOTS];
		if (sl->state == PDFW_QUEUED) {
			sl->state = PDFW_TAKEN;
			return sl;
		}
	}
	return NULL;
}

static void *
worker(void *arg)
{
	struct pdfw_job *j = arg;
	struct libdeflate_compressor *zc = NULL;
	struct pdfw_slot *sl;

	pthread_mutex_lock(&j->mu);
	for (;;) {
		while (!j->quit && (sl = take(j)) == NULL) {
			j->idle = 1;
			pthread_cond_wait(&j->work, &j->mu);
			j->idle = 0;
		}
		if (j->quit)
			break;
		/* The slot is the thread's while taken. */
		pthread_mutex_unlock(&j->mu);
		zdeflate(&zc, &sl->out, sl->in.data, sl->in.len);
		pthread_mutex_lock(&j->mu);
		sl->state = PDFW_DONE;
		if (j->waiting)
			pthread_cond_signal(&j->done);
	}
	pthread_mutex_unlock(&j->mu);
	libdeflate_free_compressor(zc);
	return NULL;
}

static void
job_start(struct pdfw_job *j)
{
	if (pthread_mutex_init(&j->mu, NULL) != 0)
		return;
	if (pthread_cond_init(&j->work, NULL) != 0)
		goto fail_mu;
	if (pthread_cond_init(&j->done, NULL) != 0)
		goto fail_work;
	if (pthread_create(&j->thread, NULL, worker, j) != 0)
		goto fail_done;
	j->on = 1;
	return;
fail_done:
	pthread_cond_destroy(&j->done);
fail_work:
	pthread_cond_destroy(&j->work);
fail_mu:
	pthread_mutex_destroy(&j->mu);
}

static void write_stream(struct pdfw *, uint32_t, const char *,
    const void *, size_t, int);

/* Writes the oldest stream queued, once deflated: meanwhile the writer
 * deflates later ones itself, if the thread has not taken them. */
static void
write_oldest(struct pdfw *w)
{
	struct pdfw_job *j = &w->job;
	struct pdfw_slot *sl = &j->slot[j->written % PDFW_SLOTS], *t;

	pthread_mutex_lock(&j->mu);
	while (sl->state != PDFW_DONE) {
		if ((t = take(j)) != NULL) {
			pthread_mutex_unlock(&j->mu);
			zdeflate(&w->zc, &t->out, t->in.data, t->in.len);
			pthread_mutex_lock(&j->mu);
			t->state = PDFW_DONE;
			continue;
		}
		j->waiting = 1;
		pthread_cond_wait(&j->done, &j->mu);
		j->waiting = 0;
	}
	pthread_mutex_unlock(&j->mu);
	/* write_stream's drain does not come back here: the caller set
	 * w->draining. */
	write_stream(w, sl->num, sl->dict.len ? sl->dict.data : "",
	    sl->out.data, sl->out.len, 2);
	/* Under the lock: the thread's take() reads both. */
	pthread_mutex_lock(&j->mu);
	sl->state = 0;
	j->written++;
	pthread_mutex_unlock(&j->mu);
}

/* Writes every stream queued, in order. */
static void
drain(struct pdfw *w)
{
	struct pdfw_job *j = &w->job;

	while (j->written < j->queued && !w->draining) {
		w->draining = 1;
		write_oldest(w);
		w->draining = 0;
	}
}

/* Hands b's content to the thread as object n's stream, to deflate;
 * b gets memory of an earlier one back, empty. */
static void
queue(struct pdfw *w, uint32_t n, const char *dict, struct buf *b)
{
	struct pdfw_job *j = &w->job;
	struct pdfw_slot *sl;
	struct buf t;

	if (j->queued - j->written == PDFW_SLOTS) {
		w->draining = 1;
		write_oldest(w);
		w->draining = 0;
	}
	/* Written, so neither the thread nor the writer holds it. */
	sl = &j->slot[j->queued % PDFW_SLOTS];
	t = sl->in;
	sl->in = *b;
	*b = t;
	buf_reset(b);
	buf_reset(&sl->dict);
	buf_puts(&sl->dict, dict);
	sl->num = n;
	pthread_mutex_lock(&j->mu);
	sl->state = PDFW_QUEUED;
	j->queued++;
	if (j->idle && j->queued - j->written >= PDFW_BATCH)
		pthread_cond_signal(&j->work);
	pthread_mutex_unlock(&j->mu);
}

void
pdfw_stream_async(struct pdfw *w, uint32_t n, struct buf *b)
{
	if (!w->job.on) {
		pdfw_stream(w, n, "", b->data, b->len, 1);
		buf_reset(b);
		return;
	}
	queue(w, n, "", b);
}

void
pdfw_init(struct pdfw *w, FILE *f)
{
	memset(w, 0, sizeof(*w));
	w->f = f;
	hash_init(&w->seen);
	job_start(&w->job);
	/* PDF 1.7, and four bytes above 127 to say the file is binary. */
	pdfw_puts(w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
}

void
pdfw_free(struct pdfw *w)
{
	struct pdfw_job *j = &w->job;
	size_t i;

	if (j->on) {
		pthread_mutex_lock(&j->mu);
		j->quit = 1;
		pthread_cond_signal(&j->work);
		pthread_mutex_unlock(&j->mu);
		pthread_join(j->thread, NULL);
		pthread_cond_destroy(&j->done);
		pthread_cond_destroy(&j->work);
		pthread_mutex_destroy(&j->mu);
		j->on = 0;
	}
	for (i = 0; i < PDFW_SLOTS; i++) {
		buf_free(&j->slot[i].in);
		buf_free(&j->slot[i].out);
		buf_free(&j->slot[i].dict);
	}
	buf_free(&w->ostm);
	buf_free(&w->ohead);
	libdeflate_free_compressor(w->zc);
	w->zc = NULL;
	vmem_free(w->off, w->cap, sizeof(*w->off));
	buf_free(&w->z);
	w->off = NULL;
	w->cap = 0;
}

uint32_t
pdfw_alloc(struct pdfw *w)
{
	w->off = vmem_grow(w->off, &w->cap, w->nobj + 1, sizeof(*w->off));
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
	drain(w);
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
		zdeflate(&w->zc, &w->z, data, len);
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
	struct buf t = BUF_INIT;

	if (deflate && w->job.on) {
		buf_put(&t, data, len);
		queue(w, n, dict, &t);
		buf_free(&t);
		return;
	}
	drain(w);
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
	if (w->job.on)
		queue(w, n, dict, &all);	/* no second copy */
	else
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
	drain(w);
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
