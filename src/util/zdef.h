/* Deflate by ISA-L's igzip: whole buffers in the zlib format (PDF streams), or a raw stream fed in pieces (DOCX parts). */
#ifndef CSPR_ZDEF_H
#define CSPR_ZDEF_H

#include "buf.h"

#include <stddef.h>
#include <stdint.h>

/*
 * ISA-L's level 1 deflates the renderers' output about five times as
 * fast as zlib's level 3 and twice as fast as libdeflate's level 1, for
 * files 2 to 4% larger (measured in docs/performance.md). A compressor
 * holds its state and working memory (about 400 KB); one per thread.
 */
struct zdef;

struct zdef	*zdef_new(void);
void		 zdef_free(struct zdef *z);	/* accepts NULL */

/* out becomes data[0..len) deflated whole, in the zlib format that a
 * PDF's FlateDecode reads. */
void		 zdef_zlib(struct zdef *z, struct buf *out, const void *data,
		    size_t len);

/* A raw deflate stream, as a zip entry holds: zdef_raw_begin, then
 * zdef_raw for each piece, the last with last set; the stream is
 * appended to out. */
void		 zdef_raw_begin(struct zdef *z);
void		 zdef_raw(struct zdef *z, struct buf *out, const void *p,
		    size_t n, int last);

/* The CRC-32 of zip and gzip, crc carried from the bytes before p
 * (0 at the start). */
uint32_t	 zdef_crc32(uint32_t crc, const void *p, size_t n);

#endif
