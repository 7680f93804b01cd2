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

/* On a terminal (and without -q), shows one line of progress in place
 * of the last; NULL clears it. Messages clear it first. */
void	diag_progress(struct diag_ctx *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
