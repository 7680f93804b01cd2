/* Arena allocation: chunks that grow geometrically, freed in one pass. */
/* mmap's MAP_ANONYMOUS is not POSIX. */
#define _DEFAULT_SOURCE
#include "arena.h"
#include "alloc.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ARENA_MIN	(64u * 1024u)
#define ARENA_MAX	(8u * 1024u * 1024u)
#define ALIGN		alignof(max_align_t)
/* Chunks this large and above are mapped on their own, in multiples of
 * it, and come zeroed. */
#define ARENA_BIG	(2u * 1024u * 1024u)

struct arena_chunk {
	struct arena_chunk	*prev;
	size_t			 mapped;	/* bytes mapped, or 0: malloc's */
	alignas(max_align_t) unsigned char data[];
};

/*
 * A chunk of size bytes mapped directly, which the kernel zeroes (so
 * arena_alloc need not), whole pages of it as they are first touched;
 * NULL if that fails. Not advised as huge pages: on this project's
 * machines a 2 MiB page's first touch cost more than 512 small ones'
 * (docs/performance.md, seventh round).
 */
static struct arena_chunk *
chunk_map(size_t size)
{
#if defined(MAP_ANONYMOUS)
	struct arena_chunk *c;
	size_t len;
	void *p;

	len = (sizeof(*c) + size + ARENA_BIG - 1) & ~(size_t)(ARENA_BIG - 1);
	if ((p = mmap(NULL, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
		return NULL;
	c = p;
	c->mapped = len;
	return c;
#else
	(void)size;
	return NULL;
#endif
}

static void
chunk_free(struct arena_chunk *c)
{
	if (c->mapped != 0)
		munmap(c, c->mapped);
	else
		free(c);
}

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
		if (size > SIZE_MAX - sizeof(*c) - 2 * ARENA_BIG)
			abort();
		if (size < ARENA_BIG || (c = chunk_map(size)) == NULL) {
			/* Not zeroed: arena_alloc zeroes what it hands
			 * out (a row's PDF layout uses a few KiB of its
			 * first 64). */
			c = xmalloc(sizeof(*c) + size);
			c->mapped = 0;
		}
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
	/* A mapped chunk comes zeroed and no byte is handed out twice. */
	if (a->head->mapped == 0)
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
arena_adopt(struct arena *dst, struct arena *src)
{
	struct arena_chunk *oldest;

	if (src->head == NULL)
		return;
	if (dst->head == NULL) {
		*dst = *src;
	} else {
		/* src's chunks go under dst's head, the chunk in use. */
		for (oldest = src->head; oldest->prev != NULL;
		    oldest = oldest->prev)
			continue;
		oldest->prev = dst->head->prev;
		dst->head->prev = src->head;
	}
	src->head = NULL;
	src->used = src->size = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *prev;

	for (c = a->head; c != NULL; c = prev) {
		prev = c->prev;
		chunk_free(c);
	}
	a->head = NULL;
	a->used = a->size = 0;
}
