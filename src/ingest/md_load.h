/* Safe loading of untrusted Markdown returns, and helpers the Markdown readers share. */
#ifndef CSPR_MD_LOAD_H
#define CSPR_MD_LOAD_H

#include <cmark-gfm.h>

#include "../model/case.h"
#include "../util/buf.h"

/* Most lines a metadata block may have. */
#define MD_MAX_META	32

/* Most cells a table row may have (see check_row_width in md_load.c). */
#define MD_MAX_CELLS	64

/* One "Key: value" line of the metadata block. */
struct md_meta {
	char		*key;		/* lower case */
	char		*value;		/* cleaned; NULL if empty */
	struct srcpos	 pos;		/* of the value */
};

struct md_in {
	const char	*file;
	struct diag_ctx	*dg;
	struct buf	 data;
	cmark_parser	*parser;
	cmark_node	*doc;
	struct md_meta	*meta;
	size_t		 nmeta, metacap;
	cmark_node	*metanode;	/* the metadata paragraph */
	int		 bad;		/* an error was reported */
	int		 toomany;	/* over the events limit, reported */
	size_t		 field_max;	/* limits_field(), read once */
};

/*
 * Reads file (at most the file limit, limits.h, UTF-8, no NUL, no table row
 * of more than MD_MAX_CELLS cells), parses it
 * with cmark-gfm and its table extension, and reads the metadata block:
 * the first paragraph made only of "Key: value" lines. 0, or -1 reported.
 */
int		 md_load(struct md_in *in, const char *file,
		    struct diag_ctx *dg);
void		 md_free(struct md_in *in);		/* accepts zeroed */

const struct md_meta *md_meta_get(const struct md_in *in, const char *key);
/* Reports every metadata key not in valid (NULL-terminated) as an error. */
void		 md_meta_only(struct md_in *in, const char *const *valid,
		    const char *list);

struct srcpos	 md_pos(const struct md_in *in, cmark_node *n);

/* The text of a node's inlines: soft breaks as spaces, <br> and hard
 * breaks as newlines. Caller frees. */
char		*md_inline_text(cmark_node *n);
/* Blocks from `from` up to (not including) `until` as plain text:
 * paragraphs separated by blank lines, list items as "- " lines. */
char		*md_blocks_text(cmark_node *from, cmark_node *until);

/* Cleans text into a field, reporting one over the field limit (limits.h). */
char		*md_field(struct md_in *in, const struct srcpos *pos,
		    const char *what, char *text, int oneline);

#endif
