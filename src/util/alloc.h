/* Allocation wrappers: the one place that decides what out-of-memory does (abort). */
#ifndef CSPR_ALLOC_H
#define CSPR_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of *cap elements of size elem so index need fits. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);          /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
/* Says memory ran out, and aborts: what every x* function does then. */
_Noreturn void xoom(void);

#endif
