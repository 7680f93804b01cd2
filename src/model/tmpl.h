/* Document templates: the editable outline of each document in templates/<name>.txt. */
#ifndef CSPR_TMPL_H
#define CSPR_TMPL_H

#include <stddef.h>

#include "../util/diag.h"

/*
 * A template is a list of entries, one a line: a keyword and its
 * argument (docs/templates.md). Text arguments may name {ref},
 * {partnership}, {child} and {incident}; nothing else in a template is
 * special, and text that comes from the case is never read as template.
 */
enum tmpl_kind {
	TMPL_TITLE,		/* title TEXT: the document's title */
	TMPL_SUBJECT,		/* subject TEXT: its subject (properties) */
	TMPL_MARKING,		/* marking TEXT|none: protective marking */
	TMPL_TITLEPAGE,		/* titlepage: logo, title, partnership, date */
	TMPL_CONTENTS,		/* contents TEXT: the contents, so titled */
	TMPL_CONTENTS3,		/* contents-subsections: they list level 3
				 * too */
	TMPL_LANDSCAPE,		/* landscape: what follows on landscape pages */
	TMPL_PORTRAIT,		/* portrait: ... on portrait pages */
	TMPL_SECTION,		/* section TEXT: a heading, level 1 */
	TMPL_SUBSECTION,	/* subsection TEXT: a heading, level 2 */
	TMPL_TEXT,		/* text TEXT: a paragraph of fixed wording */
	TMPL_NARRATIVE,		/* narrative KEY [required] */
	TMPL_GENERATED,		/* generated NAME [required] */
	TMPL_BOX		/* box N TITLE: a 7-minute briefing box */
};

/* Who a document is for (the template's "audience" line). */
#define TMPL_INTERNAL	1u	/* drafts for the partners */
#define TMPL_PUBLIC	2u	/* publication: built by default */

struct tmpl_entry {
	enum tmpl_kind	 kind;
	char		*arg;		/* text, key or name */
	unsigned	 n;		/* box number */
	int		 required;	/* publication needs content here */
	unsigned	 line;
};

struct tmpl {
	char			*file;
	unsigned		 audience;	/* TMPL_INTERNAL | TMPL_PUBLIC;
						 * internal only if not said */
	struct tmpl_entry	*v;
	size_t			 n, cap;
};

/* Reads path; 0, or -1 after reporting each bad line as file:line:col
 * with what is valid. */
int	tmpl_load(struct tmpl *t, const char *path, struct diag_ctx *dg);
void	tmpl_free(struct tmpl *t);

/* Values for a template's {names}. */
struct tmpl_vars {
	const char	*ref, *partnership, *child, *incident;
};

/* text with its {names} replaced (caller frees). Values are copied as
 * they are: never scanned again. */
char	*tmpl_expand(const char *text, const struct tmpl_vars *v);

#endif
