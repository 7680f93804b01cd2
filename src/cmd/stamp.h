/* Build stamps: what each output folder was last built from, so that a rebuild redoes only what changed. */
#ifndef CSPR_STAMP_H
#define CSPR_STAMP_H

#include "cmd.h"
#include "format.h"
#include "../util/hash.h"

/* One document as last built: its tree's hash and each file's size
 * (-1: not written). */
struct stamp_doc {
	char		 hash[HASH_HEX];
	long long	 size[CMD_NFORMATS];	/* by format */
};

struct stamp {
	char		 input[HASH_HEX];	/* the case's inputs and env */
	char		 folder[256];		/* under OUTDIR */
	struct stamp_doc doc[CMD_NDOCS];
};

/*
 * Where the stamp of a case folder's build lives: OUTDIR/.cspr/, named
 * by the case folder's real path and the build's kind (audience and
 * formats), never by anything the case holds. Caller frees.
 */
char	*stamp_path(const char *outdir, const char *casedir, const char *kind);
/* 0 with s filled, or -1 (no stamp, or not one cspr wrote). */
int	 stamp_read(const char *path, struct stamp *s);
int	 stamp_write(const char *path, const struct stamp *s,
	    struct diag_ctx *dg);
/* The hash of env and every file of case folder dir that a build
 * reads (case_input_files: names, sizes, and contents within the file
 * limit); -1 if one cannot be read. */
int	 stamp_case_input(const char *dir, const char *env,
	    char out[HASH_HEX]);
/* Feeds every file under dir (names and contents) into h; -1 on a read
 * error. */
int	 stamp_tree(struct hash *h, const char *dir);
/* 1 if every output s records is in OUTDIR/s->folder at its size. */
int	 stamp_outputs_ok(const char *outdir, const struct stamp *s);

#endif
