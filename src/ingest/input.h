/* Reading an untrusted input file: the checks every reader makes before parsing. */
#ifndef CSPR_INPUT_H
#define CSPR_INPUT_H

#include "../model/case.h"
#include "../util/buf.h"

/*
 * Reads file into b (at most the file limit, limits.h) and checks that it is
 * UTF-8 with no NUL byte; `what` names the expected kind of file in
 * messages ("an XML return"). 0, or -1 reported with line:col.
 */
int	input_read(const char *file, const char *what, struct buf *b,
	    struct diag_ctx *dg);

/* Line and column (1-based, in characters) of byte offset off in s. */
void	input_linecol(const char *s, size_t off, unsigned *line,
	    unsigned *col);

/* Register ids separated by white space, commas or semicolons. */
void	input_split_ids(struct strlist *l, const char *s);

#endif
