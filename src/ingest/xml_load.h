/* Safe loading of untrusted XML returns, and helpers the XML readers share. */
#ifndef CSPR_XML_LOAD_H
#define CSPR_XML_LOAD_H

#include <libxml/tree.h>

#include "../model/case.h"

/* The schemas compiled in by tools/embed.sh. */
extern const struct cspr_schema {
	const char	*name;
	const char	*text;
	size_t		 len;
} cspr_schemas[];

/*
 * Reads file (at most the file limit, limits.h), checks its UTF-8, rejects a
 * DOCTYPE before any of it is processed, parses it (no network, no entity
 * substitution) and validates it against the compiled-in schema `schema`
 * ("case", "chronology", "scoping"). Every problem is reported through dg
 * as file:line:col. Returns the document, or NULL.
 */
xmlDocPtr	 xml_load(const char *file, const char *schema,
		    struct diag_ctx *dg);

/* A reader's state: where messages go, and whether any was an error. */
struct xr {
	const char	*file;
	struct diag_ctx	*dg;
	int		 bad;
	size_t		 field_max;	/* limits_field(), read once */
};

struct srcpos	 xr_pos(const struct xr *x, const xmlNode *n);
/* First element child of n called name, or NULL. */
xmlNodePtr	 xr_child(const xmlNode *n, const char *name);
/* An attribute, cleaned to one line; NULL if absent or empty. */
char		*xr_attr(struct xr *x, const xmlNode *n, const char *name);
/* An element's text, cleaned (paragraphs kept); NULL if absent or
 * empty. Reports (and returns NULL for) text over the field limit (limits.h). */
char		*xr_text(struct xr *x, const xmlNode *n);
/* The same on one line. */
char		*xr_line(struct xr *x, const xmlNode *n);
/* Parses a date, reporting at n what would be valid. */
void		 xr_date(struct xr *x, const xmlNode *n, const char *what,
		    const char *value, struct cdate *out);
void		 xr_time(struct xr *x, const xmlNode *n, const char *what,
		    const char *value, struct ctime *out);
void		 xr_tri(struct xr *x, const xmlNode *n, const char *value,
		    enum tri *out);

#endif
