/* Arena allocation: many small objects freed together, for the document tree. */
#ifndef CSPR_ARENA_H
#define CSPR_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk	*head;	/* the chunk being filled */
	size_t			 used;	/* bytes of head in use */
	size_t			 size;	/* bytes head can hold */
};

#define ARENA_INIT { NULL, 0, 0 }

/* n bytes aligned for any object, zeroed; aborts when memory runs out. */
void	*arena_alloc(struct arena *a, size_t n);
/* A copy of s[0..n) with a NUL after it. */
char	*arena_strndup(struct arena *a, const char *s, size_t n);
/* Frees every object at once and leaves a empty, ready for reuse. */
void	 arena_free(struct arena *a);

#endif
