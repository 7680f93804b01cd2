/* The PDF object writer: numbered objects and deflated streams written straight to a file, then the cross-reference table. */
#ifndef CSPR_PDFW_H
#define CSPR_PDFW_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct libdeflate_compressor;

#include "../../util/buf.h"
#include "../../util/hash.h"

/*
 * Page content streams and object streams are deflated on a second
 * thread while the next page is laid out: up to PDFW_SLOTS in flight,
 * written by the caller's thread in the order handed over, and all of
 * them before anything else, so the file is the same as without the
 * thread.
 */
#define PDFW_SLOTS	8	/* streams handed to the thread at most */

/* A stream handed over to be deflated. */
struct pdfw_slot {
	uint32_t	 num;
	int		 state;		/* PDFW_QUEUED, _TAKEN or _DONE */
	struct buf	 dict;		/* its dictionary's other entries */
	struct buf	 in, out;
};
#define PDFW_QUEUED	1
#define PDFW_TAKEN	2	/* being deflated */
#define PDFW_DONE	3

/*
 * The deflating queue. Streams are counted as they are queued (queued)
 * and written (written); stream k is in slot k % PDFW_SLOTS. The thread
 * deflates them in order; the writer, waiting for the oldest, deflates
 * a later one itself rather than sit idle. They are written in the
 * order queued, so the file does not depend on who deflated what when.
 * The slots' states and the flags are under mu.
 */
struct pdfw_job {
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 work;		/* the thread waits for streams */
	pthread_cond_t	 done;		/* the writer waits for one */
	int		 on;		/* the thread runs */
	int		 quit;
	int		 idle;		/* the thread waits on work */
	int		 waiting;	/* the writer waits on done */
	uint64_t	 queued, written;
	struct pdfw_slot slot[PDFW_SLOTS];
};

struct pdfw {
	FILE		*f;
	uint64_t	 pos;		/* bytes written so far */
	uint64_t	*off;		/* by object number; 0: not written */
	size_t		 nobj, cap;	/* numbers handed out: 1..nobj */
	int		 err;		/* errno of the first failure, or -1 */
	struct buf	 z;		/* deflated stream data */
	struct libdeflate_compressor *zc;	/* made at first use */
	struct pdfw_job	 job;
	int		 draining;	/* writing a queued stream */
	struct hash	 seen;		/* of every byte written: the ID */
	/* Objects that are not streams go in object streams of up to
	 * PDFW_OBJSTM objects, deflated together. */
	struct buf	 ostm;		/* their text */
	struct buf	 ohead;		/* "number offset" pairs */
	unsigned	 on;		/* objects in it */
	uint32_t	 onum[200];	/* their numbers */
};

/* Starts a PDF in f (which stays the caller's to close). */
void	 pdfw_init(struct pdfw *w, FILE *f);
void	 pdfw_free(struct pdfw *w);
/* A new object number, to be written later. */
uint32_t pdfw_alloc(struct pdfw *w);
/* Object n, not a stream, its text in b: it goes in an object
 * stream. */
void	 pdfw_obj(struct pdfw *w, uint32_t n, const struct buf *b);
void	 pdfw_put(struct pdfw *w, const char *s, size_t len);
void	 pdfw_puts(struct pdfw *w, const char *s);
/* Object n as a stream of data, deflated when deflate is set; dict
 * holds the dictionary's other entries ("" for none). A deflated one
 * is copied and queued, as pdfw_stream_async. */
void	 pdfw_stream(struct pdfw *w, uint32_t n, const char *dict,
	    const void *data, size_t len, int deflate);
/* Object n as a deflated stream of b's content, queued for the
 * deflating thread (or the caller, while it waits for an earlier one);
 * b is left empty, its memory swapped for reuse. */
void	 pdfw_stream_async(struct pdfw *w, uint32_t n, struct buf *b);
/* The cross-reference stream, with the trailer's entries; 0, or -1 if
 * anything failed (errno in w->err). Every number handed out must have
 * been written. The file identifier (/ID) is a hash of everything
 * before it: the same file always has the same one, and tools that
 * rewrite the file (qpdf) keep it rather than invent a random one. */
int	 pdfw_finish(struct pdfw *w, uint32_t root, uint32_t info);

/* Appends v in decimal. */
void	 pdf_uint(struct buf *b, uint64_t v);
/* Appends "N 0 R". */
void	 pdf_ref(struct buf *b, uint32_t n);
/* Appends v with at most three decimals, no exponent, no trailing
 * zeros: what content streams need of a number. */
void	 pdf_num(struct buf *b, double v);
/* v as pdf_num writes it, read back. */
double	 pdf_num_value(double v);
/* Appends a text string: literal if plain printable ASCII, else hex
 * UTF-16BE with a byte order mark (characters beyond U+FFFF as
 * surrogate pairs). s is valid UTF-8. */
void	 pdf_textstr(struct buf *b, const char *s);
/* Appends an ASCII string literal, ( ) and \ escaped, other bytes
 * outside printable ASCII as octal. */
void	 pdf_asciistr(struct buf *b, const char *s);

#endif
