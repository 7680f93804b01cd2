/* The PDF object writer: numbered objects and deflated streams written straight to a file, then the cross-reference table. */
#ifndef CSPR_PDFW_H
#define CSPR_PDFW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct libdeflate_compressor;

#include "../../util/buf.h"
#include "../../util/hash.h"

struct pdfw {
	FILE		*f;
	uint64_t	 pos;		/* bytes written so far */
	uint64_t	*off;		/* by object number; 0: not written */
	size_t		 nobj, cap;	/* numbers handed out: 1..nobj */
	int		 err;		/* errno of the first failure, or -1 */
	struct buf	 z;		/* deflated stream data */
	struct libdeflate_compressor *zc;	/* made at first use */
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
 * holds the dictionary's other entries ("" for none). */
void	 pdfw_stream(struct pdfw *w, uint32_t n, const char *dict,
	    const void *data, size_t len, int deflate);
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
