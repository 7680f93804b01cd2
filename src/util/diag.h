/* Diagnostics: the one module through which every message to the user passes. */
#ifndef CSPR_DIAG_H
#define CSPR_DIAG_H

#include <stdio.h>

/* Exit statuses (sysexits.h values), documented in cspr(1). */
enum exitcode {
	EXIT_OK = 0,
	EXIT_USAGE = 64,	/* bad command line */
	EXIT_DATAERR = 65,	/* bad input data */
	EXIT_NOINPUT = 66,	/* input missing or unreadable */
	EXIT_SOFTWARE = 70,	/* internal error */
	EXIT_CANTCREAT = 73	/* cannot create output */
};

enum diag_sev {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR
};

/* Where a message points. line and col are 1-based; 0 means unknown. */
struct srcpos {
	const char	*file;	/* borrowed; outlives the diagnostics */
	unsigned	 line;
	unsigned	 col;
};

struct diag_ctx {
	FILE		*out;		/* usually stderr */
	const char	*prog;		/* "cspr", for messages with no file */
	unsigned	 nerrors;
	unsigned	 nwarnings;
	int		 quiet_warnings;	/* count warnings but print none */
	int		 progress;	/* a progress line is showing */
	char		*held;		/* diag_hold's buffer */
	size_t		 heldlen;
};

void	diag_init(struct diag_ctx *d, FILE *out);

/*
 * Prints "file:line:col: severity: message" (file: or file:line: when
 * the position is partly unknown; "cspr: " with no file) and counts it.
 */
void	diag(struct diag_ctx *d, enum diag_sev sev, const struct srcpos *pos,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	diag_at(struct diag_ctx *d, enum diag_sev sev, const char *file,
	    unsigned line, unsigned col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/*
 * Starts d holding its messages in memory, with parent's settings: for
 * work on another thread, whose messages then go out through parent in
 * one piece, in an order that does not depend on the threads. 0, or -1
 * (d unusable) for want of memory.
 */
int	diag_hold(struct diag_ctx *d, const struct diag_ctx *parent);
/* Prints what d held through parent, adds its counts there, and frees
 * it. */
void	diag_release(struct diag_ctx *d, struct diag_ctx *parent);
/* Frees what d held, unprinted and uncounted: for work whose result is
 * thrown away, as if it had not been done. */
void	diag_discard(struct diag_ctx *d);

/* On a terminal (and without -q), shows one line of progress in place
 * of the last; NULL clears it. Messages clear it first. */
void	diag_progress(struct diag_ctx *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
