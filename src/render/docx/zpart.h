/* A package part deflated by libdeflate, handed to libzip ready-made. */
#ifndef CSPR_ZPART_H
#define CSPR_ZPART_H

#include "../../util/buf.h"

#include <stdint.h>
#include <zip.h>

/*
 * libzip would deflate a part itself, with zlib; libdeflate, which the
 * PDF writer uses too, does it in a third of the time (docs/design.md).
 * libzip stores the data as it is, with the CRC and sizes kept here,
 * rather than compressing it again.
 */
struct zpart {
	struct buf	 out;		/* the deflate stream */
	unsigned long	 crc;		/* CRC-32 of the text */
	uint64_t	 size;		/* bytes of text */
	size_t		 off;		/* read position of the zip source */
};

/* Deflates p[0..n) into zp (libdeflate's level, 1 fastest to 12;
 * running out of memory aborts, as xmalloc does). */
void		 zpart_deflate(struct zpart *zp, const char *p, size_t n,
		    int level);
/* A source for zip_file_add reading the deflated part (zp must outlive
 * zip_close); NULL on error. */
zip_source_t	*zpart_source(zip_t *za, struct zpart *zp);
void		 zpart_free(struct zpart *zp);

#endif
