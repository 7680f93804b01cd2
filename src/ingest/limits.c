/* Limits on untrusted input, from their defaults and CSPR_LIMITS. */
#include "limits.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEF_FILE	(8u << 20)
#define DEF_FIELD	(64u << 10)
#define DEF_EVENTS	100000u
#define DEF_TOTAL	(32u << 20)	/* ten times a 3,000-event case */

/* Parses "name=value,...": 0, or -1 with *bad at the faulty item. */
static int
parse(const char *s, struct limits *l, const char **bad)
{
	const char *p = s, *eq, *end;
	unsigned long long v;
	char *e;
	size_t *slot;

	while (*p != '\0') {
		*bad = p;
		end = p + strcspn(p, ",");
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			return -1;
		if ((size_t)(eq - p) == 4 && strncmp(p, "file", 4) == 0)
			slot = &l->file;
		else if ((size_t)(eq - p) == 5 && strncmp(p, "field", 5) == 0)
			slot = &l->field;
		else if ((size_t)(eq - p) == 6 && strncmp(p, "events", 6) == 0)
			slot = &l->events;
		else if ((size_t)(eq - p) == 5 && strncmp(p, "total", 5) == 0)
			slot = &l->total;
		else
			return -1;
		errno = 0;
		v = strtoull(eq + 1, &e, 10);
		if (errno != 0 || e == eq + 1 || v == 0)
			return -1;
		if (*e == 'K' || *e == 'M' || *e == 'G') {
			unsigned sh = *e == 'K' ? 10 : *e == 'M' ? 20 : 30;

			/* Too big to shift is too big: never wrapped round. */
			if (v > (1ull << 40) >> sh)
				return -1;
			v <<= sh;
			e++;
		}
		if (e != end || v > (1ull << 40))
			return -1;
		*slot = (size_t)v;
		p = *end == ',' ? end + 1 : end;
	}
	return 0;
}

void
limits_get(struct limits *l)
{
	const char *env = getenv("CSPR_LIMITS"), *bad;
	struct limits t = { DEF_FILE, DEF_FIELD, DEF_EVENTS, DEF_TOTAL };

	*l = t;
	/* limits_check has refused a bad value before any input is read. */
	if (env != NULL && parse(env, &t, &bad) == 0)
		*l = t;
}

int
limits_check(struct diag_ctx *dg)
{
	const char *env = getenv("CSPR_LIMITS"), *bad = NULL;
	struct limits t = { DEF_FILE, DEF_FIELD, DEF_EVENTS, DEF_TOTAL };

	if (env == NULL || parse(env, &t, &bad) == 0)
		return 0;
	diag(dg, DIAG_ERROR, NULL, "CSPR_LIMITS: cannot read '%.*s' (valid: "
	    "file=N, field=N, events=N, total=N, N a whole number from 1 to "
	    "2^40 with an optional K, M or G, separated by commas)",
	    (int)strcspn(bad, ","), bad);
	return -1;
}

void
limits_show(size_t v, int bytes, char *buf, size_t n)
{
	if (bytes && v % (1u << 30) == 0)
		snprintf(buf, n, "%zu GiB", v >> 30);
	else if (bytes && v % (1u << 20) == 0)
		snprintf(buf, n, "%zu MiB", v >> 20);
	else if (bytes && v % (1u << 10) == 0)
		snprintf(buf, n, "%zu KiB", v >> 10);
	else
		snprintf(buf, n, "%zu%s", v, bytes ? " bytes" : "");
}

size_t
limits_field(void)
{
	struct limits l;

	limits_get(&l);
	return l.field;
}
