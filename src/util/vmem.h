/* Large growable arrays in mapped memory: grown without copying. */
#ifndef CSPR_VMEM_H
#define CSPR_VMEM_H

#include <stddef.h>

/*
 * As xgrow (alloc.h): grows an array of *cap elements of size elem so
 * index need fits. Once the array reaches VMEM_MIN bytes it lives in a
 * mapping of its own, which later growth moves page by page (mremap)
 * instead of copying: the pages already touched are not copied, nor
 * touched again. For the few arrays that grow large, not for many
 * small ones: a mapped array's mapping is rounded up to 2 MiB.
 * Memory from vmem_grow is freed with vmem_free, never free().
 */
#define VMEM_MIN	((size_t)1024 * 1024)

void	*vmem_grow(void *p, size_t *cap, size_t need, size_t elem);
/* Frees p, of cap elements of size elem (as vmem_grow left them). */
void	 vmem_free(void *p, size_t cap, size_t elem);

#endif
