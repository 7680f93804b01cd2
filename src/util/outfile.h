/* Outputs written beside their target under a temporary name, then renamed into place. */
#ifndef CSPR_OUTFILE_H
#define CSPR_OUTFILE_H

#include <stddef.h>

#include "diag.h"

struct outfile {
	char	*final;		/* target path */
	char	*tmp;		/* temporary path in the same folder */
};

/* Creates an empty temporary file beside final. 0, or -1 reported. */
int	outfile_begin(struct outfile *of, const char *final,
	    struct diag_ctx *dg);
/* Flushes the temporary file to disk and renames it over final. */
int	outfile_commit(struct outfile *of, struct diag_ctx *dg);
/* Removes the temporary file; final is untouched. Accepts a zeroed of. */
void	outfile_abort(struct outfile *of);

/* Writes data to path through a temporary file. 0, or -1 reported. */
int	outfile_write(const char *path, const char *data, size_t n,
	    struct diag_ctx *dg);

/* Creates path and its parents (like mkdir -p). 0, or -1 reported. */
int	mkdirs(const char *path, struct diag_ctx *dg);

#endif
