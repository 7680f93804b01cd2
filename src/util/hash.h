/* The one hash: 128 bits of content for deciding what a rebuild must redo, 64 for tables (not for security). */
#ifndef CSPR_HASH_H
#define CSPR_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash {
	uint64_t	 a, b;
	uint64_t	 len;
	uint64_t	 tail;		/* bytes not yet a word, the first
					 * lowest */
	unsigned	 ntail;
};

#define HASH_HEX 33	/* 32 hex digits and a NUL */

void	 hash_init(struct hash *h);
void	 hash_put(struct hash *h, const void *p, size_t n);
/* A string with its length, so that ("ab","c") and ("a","bc") differ;
 * NULL differs from "". */
void	 hash_str(struct hash *h, const char *s);
void	 hash_u64(struct hash *h, uint64_t v);
/* A whole file's bytes: 0, or -1 if it cannot be read. */
int	 hash_file(struct hash *h, const char *path);
/* The digest so far, as hex; h can go on being fed. */
void	 hash_hex(const struct hash *h, char out[HASH_HEX]);
/* Its first 64 bits, for tables in memory. */
uint64_t hash64(const struct hash *h);

#endif
