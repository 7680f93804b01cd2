/* Reads an agency's initial scoping return written in Markdown: a metadata block and fixed level-2 sections. */
#include "ingest.h"
#include "md_load.h"
#include "../util/alloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char	*title;
	size_t		 off;
} sections[] = {
	{ "Services provided", offsetof(struct scoping_return, services) },
	{ "Summary of involvement", offsetof(struct scoping_return, summary) },
	{ "Concerns known", offsetof(struct scoping_return, concerns) },
	{ "Actions taken", offsetof(struct scoping_return, actions) },
	{ "Immediate safeguarding actions",
	    offsetof(struct scoping_return, immediate) },
	{ "Learning already identified",
	    offsetof(struct scoping_return, learning) },
	{ "Good practice", offsetof(struct scoping_return, good_practice) },
	{ "Race, culture, faith, ethnicity and disability",
	    offsetof(struct scoping_return, equality) },
};

#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))
#define VALID_SECTIONS "'Services provided', 'Summary of involvement', " \
	"'Concerns known', 'Actions taken', 'Immediate safeguarding " \
	"actions', 'Learning already identified', 'Good practice', 'Race, " \
	"culture, faith, ethnicity and disability'"

static char **
slot(struct scoping_return *sr, size_t i)
{
	return (char **)(void *)((char *)sr + sections[i].off);
}

/* "A to B" into two dates. */
static void
range(struct md_in *in, const struct md_meta *m, struct cdate *from,
    struct cdate *to)
{
	char err[256], *a, *b;
	const char *sep;

	if (m == NULL || m->value == NULL)
		return;
	if ((sep = strstr(m->value, " to ")) == NULL) {
		diag(in->dg, DIAG_ERROR, &m->pos, "%s: expected 'date to date', "
		    "e.g. '14/03/2023 to 14/03/2025'", m->key);
		in->bad = 1;
		return;
	}
	a = xstrndup(m->value, (size_t)(sep - m->value));
	b = xstrdup(sep + 4);
	if (date_parse(a, from, err, sizeof(err)) == -1 ||
	    date_parse(b, to, err, sizeof(err)) == -1) {
		diag(in->dg, DIAG_ERROR, &m->pos, "%s: %s", m->key, err);
		in->bad = 1;
	}
	free(a);
	free(b);
}

static void
yesno(struct md_in *in, const struct md_meta *m, enum tri *out)
{
	if (m == NULL || m->value == NULL)
		return;
	if (tri_parse(m->value, out) == -1) {
		diag(in->dg, DIAG_ERROR, &m->pos, "%s: '%s' is not yes or no",
		    m->key, m->value);
		in->bad = 1;
	}
}

int
scoping_read_md(struct scoping_return *sr, const char *file,
    struct diag_ctx *dg)
{
	static const char *const keys[] = {
		"agency", "author", "received", "period", "involved",
		"involvement", "records secured", NULL
	};
	struct md_in in;
	const struct md_meta *m;
	cmark_node *n, *h, *next;
	struct srcpos p, seen[NSECTIONS];
	char err[256], *title, *text;
	size_t i;
	int rc;

	if (md_load(&in, file, dg) == -1) {
		md_free(&in);
		return -1;
	}
	if (sr->file == NULL)
		sr->file = xstrdup(file);
	sr->pos.file = file;
	sr->pos.line = 1;
	md_meta_only(&in, keys, "Agency, Author, Received, Period, Involved, "
	    "Involvement, Records secured");
	if ((m = md_meta_get(&in, "agency")) == NULL || m->value == NULL) {
		diag_at(dg, DIAG_ERROR, file, 1, 1, "no 'Agency:' line: start "
		    "the return with a metadata block such as 'Agency: police'");
		in.bad = 1;
	} else {
		sr->agency = xstrdup(m->value);
		sr->pos = m->pos;
	}
	if ((m = md_meta_get(&in, "author")) != NULL && m->value != NULL)
		sr->author = xstrdup(m->value);
	if ((m = md_meta_get(&in, "received")) != NULL && m->value != NULL &&
	    date_parse(m->value, &sr->received, err, sizeof(err)) == -1) {
		diag(dg, DIAG_ERROR, &m->pos, "received: %s", err);
		in.bad = 1;
	}
	range(&in, md_meta_get(&in, "period"), &sr->period_from,
	    &sr->period_to);
	range(&in, md_meta_get(&in, "involvement"), &sr->involved_from,
	    &sr->involved_to);
	yesno(&in, md_meta_get(&in, "involved"), &sr->involved);
	yesno(&in, md_meta_get(&in, "records secured"), &sr->records_secured);
	if (md_meta_get(&in, "involved") == NULL) {
		diag_at(dg, DIAG_ERROR, file, 1, 1, "no 'Involved:' line (yes "
		    "or no)");
		in.bad = 1;
	}

	memset(seen, 0, sizeof(seen));
	for (h = cmark_node_first_child(in.doc); h; h = next) {
		next = cmark_node_next(h);
		if (cmark_node_get_type(h) != CMARK_NODE_HEADING ||
		    cmark_node_get_heading_level(h) != 2)
			continue;
		/* The section runs to the next heading of level 1 or 2. */
		for (next = cmark_node_next(h); next; next = cmark_node_next(next))
			if (cmark_node_get_type(next) == CMARK_NODE_HEADING &&
			    cmark_node_get_heading_level(next) <= 2)
				break;
		title = md_inline_text(h);
		p = md_pos(&in, h);
		for (i = 0; i < NSECTIONS; i++)
			if (strcasecmp(title, sections[i].title) == 0)
				break;
		if (i == NSECTIONS) {
			diag(dg, DIAG_ERROR, &p, "unknown section '%s' (valid: "
			    "%s)", title, VALID_SECTIONS);
			in.bad = 1;
		} else if (seen[i].line != 0) {
			diag(dg, DIAG_ERROR, &p, "section '%s' again (first at "
			    "line %u)", sections[i].title, seen[i].line);
			in.bad = 1;
		} else {
			seen[i] = p;
			n = cmark_node_next(h);
			text = n == next ? NULL : md_blocks_text(n, next);
			*slot(sr, i) = md_field(&in, &p, sections[i].title, text,
			    0);
		}
		free(title);
	}
	for (i = 0; i < NSECTIONS; i++)
		if (seen[i].line == 0)
			diag_at(dg, DIAG_WARNING, file, 0, 0, "no section '## %s'",
			    sections[i].title);
	rc = in.bad ? -1 : 0;
	md_free(&in);
	return rc;
}
