/* Arena allocation: chunks that grow geometrically, freed in one pass. */
#include "arena.h"
#include "alloc.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_MIN	(64u * 1024u)
#define ARENA_MAX	(8u * 1024u * 1024u)
#define ALIGN		alignof(max_align_t)

struct arena_chunk {
	struct arena_chunk	*prev;
	alignas(max_align_t) unsigned char data[];
};

/* n bytes at an offset that is a multiple of align (a power of two). */
static void *
raw(struct arena *a, size_t n, size_t align)
{
	struct arena_chunk *c;
	size_t size, at;

	at = (a->used + align - 1) & ~(align - 1);
	if (a->head == NULL || at > a->size || a->size - at < n) {
		/* Each chunk twice the last, up to a cap; a large object
		 * gets a chunk of its own size. */
		size = a->size == 0 ? ARENA_MIN :
		    a->size < ARENA_MAX ? a->size * 2 : ARENA_MAX;
		if (size < n)
			size = n;
		if (size > SIZE_MAX - sizeof(*c))
			abort();
		c = xmalloc(sizeof(*c) + size);
		c->prev = a->head;
		a->head = c;
		a->size = size;
		at = 0;
	}
	a->used = at + n;
	return a->head->data + at;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void *p;

	n = n == 0 ? 1 : n;
	p = raw(a, n, ALIGN);
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		abort();
	p = raw(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *prev;

	for (c = a->head; c != NULL; c = prev) {
		prev = c->prev;
		free(c);
	}
	a->head = NULL;
	a->used = a->size = 0;
}
