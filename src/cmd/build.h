/* `cspr build`'s shared state: the options, what every case is built with, and one case's build. */
#ifndef CSPR_BUILD_H
#define CSPR_BUILD_H

#include <time.h>

#include "cmd.h"
#include "stamp.h"
#include "../model/style.h"
#include "../transform/merge.h"

struct build {
	/* Options. */
	const char	 *outdir;
	unsigned	  fmts;		/* 1 << index in cmd_formats */
	struct merge_opts mo;
	int		  timings;	/* --timings */
	int		  publication;	/* --audience publication */
	unsigned	  docs;		/* --document: 1 << index; 0 for the
					 * audience's (docset_audience) */
	unsigned	  named;	/* the documents --document named */
	int		  strict;	/* --strict */
	int		  accept;	/* --accept-residual */
	int		  force;	/* --force: ignore the stamps */
	long		  jobs;		/* --jobs */
	const char	 *dict;		/* --dictionary */
	const char	 *style;	/* --style, or NULL: TDIR/style.conf */
	char		 *tdir;		/* the template folder */
	/* What every case is built with. */
	struct style	  st;
	struct docset	  ds;
	char		  env[HASH_HEX];	/* all inputs but the case's */
	struct timespec	  lap;		/* when the last stage ended */
};

/* One case folder named on the command line. */
struct bcase {
	const char	*dir;
	struct kase	*k;		/* loaded if it must be built */
	char		*stamp;		/* its stamp's path */
	char		 input[HASH_HEX];
	struct stamp	 old;		/* as last built */
	int		 have_old;
	int		 unchanged;	/* nothing to do at all */
};

/* What building one case did. */
struct bresult {
	int		 rc;		/* exit status */
	unsigned	 rebuilt;	/* documents rendered */
	unsigned	 unchanged;	/* documents left as they were */
};

/* With --timings, notes how long the stage that just ended took. */
void	build_lap(struct build *b, const char *what, const char *name,
	    struct diag_ctx *dg);

/* Removes the temporary files a killed build left in the folder dir. */
void	build_sweep(const char *dir);

/* Whether an interrupt or a termination is waiting (they are blocked
 * while cspr builds): the build stops at the next point where nothing
 * is half written. */
int	build_stopping(void);

/*
 * Builds every document of case c whose tree differs from the stamp's
 * (or whose files are missing), renders it to temporary files, passes a
 * publication through the gate, then commits the case's files, writes
 * its residual-risk report and its stamp, and prints each path written.
 * Nothing of the case is replaced unless all of it succeeded.
 */
struct bresult build_case(struct build *b, struct bcase *c,
	    struct diag_ctx *dg);

#endif
