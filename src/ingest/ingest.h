/* The readers: each turns one input file into part of the case model, reporting problems with positions. */
#ifndef CSPR_INGEST_H
#define CSPR_INGEST_H

#include "../model/case.h"

/* The limits on input (file size, field size, events): limits.h. */

/*
 * Each returns 0 if the file was read (possibly with warnings), -1 after
 * reporting errors. On -1 the model may hold a partial record, which the
 * caller discards. `file` is the path used in messages and is borrowed
 * for positions: it must outlive dg's use.
 */
int	manifest_read_xml(struct kase *k, const char *file, struct diag_ctx *dg);
int	chron_read_xml(struct chron_return *cr, const char *file,
	    struct diag_ctx *dg);
int	chron_read_md(struct chron_return *cr, const char *file,
	    struct diag_ctx *dg);
int	scoping_read_xml(struct scoping_return *sr, const char *file,
	    struct diag_ctx *dg);
int	scoping_read_md(struct scoping_return *sr, const char *file,
	    struct diag_ctx *dg);
int	review_read_xml(struct review *r, const char *file,
	    struct diag_ctx *dg);

enum return_kind {
	RETURN_UNKNOWN,
	RETURN_MANIFEST,
	RETURN_CHRONOLOGY,
	RETURN_SCOPING
};

/* What a standalone file is, from its root element or its content. */
enum return_kind ingest_sniff(const char *file);

#endif
