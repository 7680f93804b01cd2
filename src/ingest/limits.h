/* The limits on untrusted input: their defaults, and CSPR_LIMITS to change them. */
#ifndef CSPR_LIMITS_H
#define CSPR_LIMITS_H

#include <stddef.h>

#include "../util/diag.h"

struct limits {
	size_t	 file;		/* bytes of one input file: 8 MiB */
	size_t	 field;		/* bytes of one text field: 64 KiB */
	size_t	 events;	/* events in one chronology return: 100,000 */
	size_t	 total;		/* bytes of all of a case's files: 32 MiB */
};

/*
 * The limits in force: the defaults, changed by the environment variable
 * CSPR_LIMITS, e.g. "file=100M,field=1M,events=500000,total=1G" (K, M, G suffixes,
 * powers of 1024). Nesting is bounded apart from these: libxml2 refuses
 * elements nested more than 256 deep, and Markdown nesting past what the
 * documents can show is flattened.
 */
void	limits_get(struct limits *l);
/* Checks CSPR_LIMITS once, at start: 0, or -1 after saying what is
 * wrong with it. */
int	limits_check(struct diag_ctx *dg);
/* The field limit (limits_show writes it for a message). */
size_t	limits_field(void);
/* "8 MiB", "64 KiB", "100000": a limit as messages show it. */
void	limits_show(size_t v, int bytes, char *buf, size_t n);

#endif
