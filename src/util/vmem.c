/* Large growable arrays: mapped, moved by mremap as they grow. */
/* mremap and MAP_ANONYMOUS are Linux's. */
#define _GNU_SOURCE
#include "vmem.h"
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Mappings are whole multiples of this (untouched pages cost nothing). */
#define GRAIN	((size_t)2 * 1024 * 1024)

#if defined(__linux__) && defined(MREMAP_FIXED)
#define VMEM_MAPPED 1
#else
#define VMEM_MAPPED 0
#endif

/* Bytes mapped for an array of n bytes: whole grains. */
static size_t
maplen(size_t n)
{
	if (n > SIZE_MAX - GRAIN)
		xoom();
	return (n + GRAIN - 1) & ~(GRAIN - 1);
}

#if VMEM_MAPPED
/*
 * len bytes, zeroed; NULL if the system refuses. Not advised as huge
 * pages: on this project's machines a 2 MiB page's first touch cost more
 * than 512 small ones' (docs/performance.md, seventh round).
 */
static char *
map_len(size_t len)
{
	void *p;

	if ((p = mmap(NULL, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
		return NULL;
	return p;
}
#endif

#if VMEM_MAPPED
/* Moves p, ocap elements (0: none yet), into a mapping for ncap. */
static void *
grow_mapped(void *p, size_t ocap, size_t ncap, size_t elem)
{
	size_t olen;
	char *np;

	if ((np = map_len(maplen(ncap * elem))) == NULL)
		xoom();
	if (ocap * elem >= VMEM_MIN) {
		/* Already mapped: its pages move into the new mapping's
		 * start, replacing what was there, with no copy. */
		olen = maplen(ocap * elem);
		if (mremap(p, olen, olen, MREMAP_MAYMOVE | MREMAP_FIXED,
		    np) == MAP_FAILED)
			xoom();
	} else if (ocap != 0) {
		memcpy(np, p, ocap * elem);
		free(p);
	}
	return np;
}
#endif

void *
vmem_grow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t ocap = *cap, ncap = ocap ? ocap : 8;

	if (need < ocap)
		return p;
	while (ncap <= need) {
		if (ncap > SIZE_MAX / 2 / elem)
			xoom();
		ncap *= 2;
	}
#if VMEM_MAPPED
	if (ncap * elem >= VMEM_MIN)
		p = grow_mapped(p, ocap, ncap, elem);
	else
#endif
		p = xrealloc(p, ncap * elem);
	*cap = ncap;
	return p;
}

void
vmem_free(void *p, size_t cap, size_t elem)
{
	if (p == NULL)
		return;
	if (VMEM_MAPPED && cap * elem >= VMEM_MIN)
		munmap(p, maplen(cap * elem));
	else
		free(p);
}
