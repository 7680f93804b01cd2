/* Allocation wrappers: print a message and abort when memory runs out. */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
xoom(void)
{
	fputs("cspr: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xoom();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		xoom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		xoom();
	return q;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap = *cap ? *cap : 8;

	if (need < *cap)
		return p;
	while (ncap <= need) {
		if (ncap > ((size_t)-1) / 2 / elem)
			xoom();
		ncap *= 2;
	}
	p = xrealloc(p, ncap * elem);
	*cap = ncap;
	return p;
}

char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if (s == NULL)
		return NULL;
	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
