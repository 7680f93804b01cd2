/* A package part deflated as it is written, handed to libzip ready-made. */
#ifndef CSPR_ZPART_H
#define CSPR_ZPART_H

#include "../../util/buf.h"

#include <pthread.h>
#include <stdint.h>
#include <zip.h>

#define ZPART_SLOTS	4

/*
 * The body of a long chronology is over a hundred megabytes of XML but a
 * few of deflate: compressing it as it is written means it never exists
 * whole in memory. libzip stores the data as it is, with the CRC and
 * sizes kept here, rather than compressing it again.
 *
 * A threaded part deflates on a second thread while the writer goes on:
 * writes are copied into a ring of slots the thread empties in order, so
 * the stream is the same as without the thread.
 */
struct isal_zstream;

struct zpart {
	struct isal_zstream *z;		/* ISA-L's deflate stream */
	unsigned char	*lbuf;		/* its level's buffer */
	struct buf	 out;		/* the deflate stream */
	unsigned long	 crc;		/* CRC-32 of what was written */
	uint64_t	 size;		/* bytes written */
	size_t		 off;		/* read position of the zip source */
	int		 live;		/* z is allocated, not ended */
	int		 err;
	/* The thread, when there is one; the rest is under mu. */
	int		 threaded;
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct buf	 slot[ZPART_SLOTS];
	unsigned	 head, count;	/* filled slots: head .. head+count */
	int		 done;		/* no more writes */
	int		 failed;	/* the thread met an error */
};

/* 0 (level as ISA-L's: 0 fastest to 3; running out of memory aborts,
 * as xmalloc does). With threaded, deflates on a thread of its own if
 * one can be started. */
int		 zpart_init(struct zpart *zp, int level, int threaded);
/* Deflates p[0..n); the signature of an xw sink. 0, or -1. */
int		 zpart_write(void *zp, const char *p, size_t n);
/* Ends the stream; 0, or -1 if any write failed. */
int		 zpart_finish(struct zpart *zp);
/* A source for zip_file_add reading the finished stream (zp must
 * outlive zip_close); NULL on error. */
zip_source_t	*zpart_source(zip_t *za, struct zpart *zp);
void		 zpart_free(struct zpart *zp);

#endif
