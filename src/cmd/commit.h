/* A case's output folder replaced whole: staged beside it, switched in with one rename. */
#ifndef CSPR_COMMIT_H
#define CSPR_COMMIT_H

#include "../util/diag.h"
#include "../util/outfile.h"

/*
 * The new set of a case's outputs, made in a staging folder beside the
 * final one (OUTDIR/.cspr-stage.XXXXXX): rendered there, documents left
 * unchanged linked there from the final folder, then exchanged with it
 * in one rename. The final folder holds one build's documents or
 * another's, never a mixture, whenever cspr stops (a kill, a full disk,
 * a failed rename). A marker in each folder (.cspr-folder) says whose
 * it is: no build replaces another case's or audience's folder.
 */
struct stage {
	char	*final;		/* OUTDIR/<folder> */
	char	*dir;		/* the staging folder, or NULL */
	char	*owner;		/* the marker's text */
	int	 exists;	/* final is there already */
};

/* Checks that OUTDIR/folder may be written by this case and audience
 * (not a link, not a file, not another's) and makes the staging folder.
 * 0, or -1 reported. */
int	stage_begin(struct stage *s, const char *outdir, const char *folder,
	    const char *casedir, const char *audience, struct diag_ctx *dg);
/* Puts the final folder's file name, unchanged, into the new set. */
int	stage_keep(struct stage *s, const char *name, struct diag_ctx *dg);
/* Carries the final folder's other files (those ours() does not claim)
 * into the new set, writes the marker, syncs it, and switches it in.
 * 0, or -1 reported with the final folder as it was. */
int	stage_commit(struct stage *s, int (*ours)(const char *name),
	    struct diag_ctx *dg);
/* Removes the staging folder, if any. Accepts a zeroed s. */
void	stage_abort(struct stage *s);
/* Removes what killed builds left in outdir: staging folders and
 * temporary files beside the folders. Only with outdir locked. */
void	stage_sweep(const char *outdir);

/* Makes outdir and locks it for this process (and its workers) until it
 * exits, saying so if another build holds it and waiting for that one.
 * Two builds into one folder never sweep or replace each other's
 * files. 0, or -1 reported. */
int	outdir_lock(const char *outdir, struct diag_ctx *dg);

#endif
