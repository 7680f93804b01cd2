/* Reads an agency's chronology return written in Markdown: a metadata block and one GFM table. */
#include "ingest.h"
#include "input.h"
#include "md_load.h"
#include "limits.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <cmark-gfm-core-extensions.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum col {
	C_SEQ, C_START, C_STIME, C_END, C_ETIME, C_SOURCE, C_CATEGORY, C_WHAT,
	C_ACTION, C_ANALYSIS, C_SEEN, C_VOICE, C_PEOPLE, C_PRACT, C_KPE, C_SIG,
	C_NONE
};

static const struct {
	const char	*name;
	enum col	 col;
} headers[] = {
	{ "seq", C_SEQ }, { "sequence", C_SEQ }, { "no.", C_SEQ },
	{ "start date", C_START }, { "date", C_START },
	{ "date of contact", C_START }, { "date of event", C_START },
	{ "start time", C_STIME }, { "time", C_STIME },
	{ "end date", C_END }, { "end time", C_ETIME },
	{ "source", C_SOURCE }, { "source of information", C_SOURCE },
	{ "category", C_CATEGORY },
	{ "what happened", C_WHAT }, { "event", C_WHAT },
	{ "action / outcome", C_ACTION }, { "action or outcome", C_ACTION },
	{ "action", C_ACTION }, { "outcome", C_ACTION },
	{ "outcome / action", C_ACTION }, { "action taken", C_ACTION },
	{ "analysis", C_ANALYSIS }, { "impact", C_ANALYSIS },
	{ "analysis / impact", C_ANALYSIS }, { "analysis or impact", C_ANALYSIS },
	{ "impact on child", C_ANALYSIS }, { "impact on the child", C_ANALYSIS },
	{ "child seen", C_SEEN }, { "seen", C_SEEN },
	{ "was the child seen", C_SEEN },
	{ "voice recorded", C_VOICE }, { "voice", C_VOICE },
	{ "child's voice recorded", C_VOICE }, { "voice of the child", C_VOICE },
	{ "child's voice", C_VOICE },
	{ "was the child's voice recorded", C_VOICE },
	{ "people", C_PEOPLE }, { "practitioner", C_PRACT },
	{ "kpe", C_KPE }, { "key practice episode", C_KPE },
	{ "significance", C_SIG },
};

static const char *const colname[] = {
	"Seq", "Start date", "Start time", "End date", "End time", "Source",
	"Category", "What happened", "Action / outcome", "Analysis",
	"Child seen", "Voice recorded", "People", "Practitioner", "KPE",
	"Significance"
};

#define VALID_COLUMNS "Seq, Start date, Start time, End date, End time, " \
	"Source, Category, What happened, Action / outcome, Analysis, " \
	"Child seen, Voice recorded, People, Practitioner, KPE, Significance"

/*
 * A heading's meaning, as agencies' templates write it: any case,
 * spaces run together, a question mark dropped ("Child seen?"), a slash
 * with or without spaces ("Outcome/Action"), a curly apostrophe.
 */
static enum col
column(const char *text)
{
	char *t = xmalloc(2 * strlen(text) + 1), *w = t;
	const char *p;
	size_t i;
	enum col c = C_NONE;

	for (p = text; *p != '\0'; p++) {
		if (strncmp(p, "\xe2\x80\x99", 3) == 0) {
			*w++ = '\'';
			p += 2;
		} else if (*p == '/') {
			while (w > t && w[-1] == ' ')
				w--;
			memcpy(w, " / ", 3);
			w += 3;
			while (p[1] == ' ')
				p++;
		} else if (*p == ' ' || *p == '\t') {
			if (w > t && w[-1] != ' ')
				*w++ = ' ';
		} else
			*w++ = (char)tolower((unsigned char)*p);
	}
	while (w > t && (w[-1] == ' ' || w[-1] == '?' || w[-1] == ':'))
		w--;
	*w = '\0';
	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		if (strcmp(t, headers[i].name) == 0) {
			c = headers[i].col;
			break;
		}
	free(t);
	return c;
}

static int
is_type(cmark_node *n, const char *type)
{
	return n != NULL && strcmp(cmark_node_get_type_string(n), type) == 0;
}

/* One cell's value into the event. */
static void
cell_value(struct md_in *in, struct event *e, enum col c, const char *v,
    const struct srcpos *p)
{
	char err[256], *end;
	unsigned long seq;
	enum tri t;

	if (v == NULL && c != C_START)
		return;
	switch (c) {
	case C_SEQ:
		seq = strtoul(v, &end, 10);
		if (!isdigit((unsigned char)*v) || *end != '\0' || seq > 1000000) {
			diag(in->dg, DIAG_ERROR, p, "Seq: '%s' is not a whole "
			    "number (0 to 1000000)", v);
			in->bad = 1;
		} else
			e->seq = (unsigned)seq;
		break;
	case C_START:
	case C_END:
		if (date_parse(v ? v : "", c == C_START ? &e->start : &e->end,
		    err, sizeof(err)) == -1) {
			diag(in->dg, DIAG_ERROR, p, "%s: %s", c == C_START ?
			    "Start date" : "End date", err);
			in->bad = 1;
		}
		break;
	case C_STIME:
	case C_ETIME:
		if (time_parse(v, c == C_STIME ? &e->start_time : &e->end_time,
		    err, sizeof(err)) == -1) {
			diag(in->dg, DIAG_ERROR, p, "%s: %s", c == C_STIME ?
			    "Start time" : "End time", err);
			in->bad = 1;
		}
		break;
	case C_SEEN:
	case C_VOICE:
	case C_KPE:
		if (tri_parse(v, &t) == -1) {
			diag(in->dg, DIAG_ERROR, p, "'%s' is not yes, no or "
			    "unknown", v);
			in->bad = 1;
		} else if (c == C_SEEN)
			e->child_seen = t;
		else if (c == C_VOICE)
			e->voice = t;
		else
			e->kpe = t == TRI_YES;
		break;
	case C_SIG:
		if (strcasecmp(v, "key") == 0)
			e->sig = SIG_KEY;
		else if (strcasecmp(v, "background") == 0)
			e->sig = SIG_BACKGROUND;
		else {
			diag(in->dg, DIAG_ERROR, p, "Significance: '%s' is not "
			    "key or background", v);
			in->bad = 1;
		}
		break;
	case C_PEOPLE:
		input_split_ids(&e->people, v);
		break;
	default:
		break;
	}
}

/*
 * GFM drops the cells of a row beyond its header's, without a word:
 * count them in the row's line, and refuse a row that has more, at the
 * first extra cell. (Cells are between unescaped bars; a bar in a code
 * span needs escaping in a GFM table too.)
 */
static int
check_cells(struct md_in *in, cmark_node *row, size_t ncols)
{
	int line = cmark_node_get_start_line(row);
	const char *s = in->data.data, *end = s + in->data.len, *p, *e;
	size_t n = 0;
	unsigned col = 0;

	while (--line > 0 && s != NULL)
		if ((s = memchr(s, '\n', (size_t)(end - s))) != NULL)
			s++;
	if (s == NULL || cmark_node_get_start_line(row) <= 0)
		return 0;
	if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
		e = end;
	p = s;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p < e && *p == '|')
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e > p && e[-1] == '|' && !(e - p >= 2 && e[-2] == '\\'))
		e--;
	for (n = 1; p < e; p++) {
		if (*p == '\\' && p + 1 < e) {
			p++;
			continue;
		}
		if (*p == '|' && ++n == ncols + 1)
			col = (unsigned)(p - s) + 2;
	}
	if (n <= ncols)
		return 0;
	diag_at(in->dg, DIAG_ERROR, in->file, (unsigned)
	    cmark_node_get_start_line(row), col, "this row has %zu cells and "
	    "the header %zu columns: the text of the cells past the last "
	    "column would be lost (give the column a heading, or join the "
	    "cells)", n, ncols);
	in->bad = 1;
	return -1;
}

static char **
text_slot(struct event *e, enum col c)
{
	switch (c) {
	case C_SOURCE: return &e->source;
	case C_CATEGORY: return &e->category;
	case C_WHAT: return &e->what;
	case C_ACTION: return &e->action;
	case C_ANALYSIS: return &e->analysis;
	case C_PRACT: return &e->practitioner;
	default: return NULL;
	}
}

static void
read_row(struct md_in *in, struct chron_return *cr, cmark_node *row,
    const enum col *cols, size_t ncols)
{
	struct event *e;
	struct srcpos rowpos = md_pos(in, row), p;
	struct limits lim;
	cmark_node *cell;
	char **slot, *v;
	size_t i = 0;

	limits_get(&lim);
	if (cr->nev >= lim.events) {
		if (!in->toomany)
			diag(in->dg, DIAG_ERROR, &rowpos, "more than %zu events "
			    "in one return: split it (or raise the limit: "
			    "CSPR_LIMITS=events=N)", lim.events);
		in->bad = in->toomany = 1;
		return;
	}
	e = chron_add_event(cr);

	e->pos = rowpos;
	for (cell = cmark_node_first_child(row); cell && i < ncols;
	    cell = cmark_node_next(cell), i++) {
		if (cols[i] == C_NONE)
			continue;
		p = md_pos(in, cell);
		if (p.line == 0)	/* a padding cell */
			p = rowpos;
		slot = text_slot(e, cols[i]);
		v = md_field(in, &p, colname[cols[i]], md_inline_text(cell),
		    slot == NULL || cols[i] == C_SOURCE ||
		    cols[i] == C_CATEGORY || cols[i] == C_PRACT);
		if (slot != NULL) {
			free(*slot);
			*slot = v;
			continue;
		}
		cell_value(in, e, cols[i], v, &p);
		free(v);
	}
	e->note = e->source != NULL && e->source[0] == '#';
}

int
chron_read_md(struct chron_return *cr, const char *file, struct diag_ctx *dg)
{
	static const char *const keys[] = { "agency", "author", NULL };
	struct md_in in;
	const struct md_meta *m;
	cmark_node *n, *table = NULL, *row, *cell;
	enum col *cols = NULL, c;
	size_t ncols = 0, i;
	struct srcpos p;
	int have[C_NONE];
	char *h;

	if (md_load(&in, file, dg) == -1) {
		md_free(&in);
		return -1;
	}
	if (cr->file == NULL)
		cr->file = xstrdup(file);
	cr->pos.file = file;
	cr->pos.line = 1;
	md_meta_only(&in, keys, "Agency, Author");
	if ((m = md_meta_get(&in, "agency")) == NULL || m->value == NULL) {
		diag_at(dg, DIAG_ERROR, file, 1, 1, "no 'Agency:' line: start "
		    "the return with a metadata block such as 'Agency: police' "
		    "and 'Author: <role>'");
		in.bad = 1;
	} else {
		cr->agency = xstrdup(m->value);
		cr->pos = m->pos;
	}
	if ((m = md_meta_get(&in, "author")) != NULL && m->value != NULL)
		cr->author = xstrdup(m->value);
	for (n = cmark_node_first_child(in.doc); n; n = cmark_node_next(n)) {
		if (!is_type(n, "table"))
			continue;
		if (table != NULL) {
			p = md_pos(&in, n);
			diag(dg, DIAG_ERROR, &p, "a second table: a chronology "
			    "return holds one table (the first is at line %u)",
			    md_pos(&in, table).line);
			in.bad = 1;
			continue;
		}
		table = n;
	}
	if (table == NULL) {
		diag_at(dg, DIAG_ERROR, file, 0, 0, "no chronology table found: "
		    "expected a GitHub pipe table with at least 'Start date' "
		    "and 'What happened' columns");
		in.bad = 1;
		goto out;
	}
	row = cmark_node_first_child(table);	/* the header row */
	memset(have, 0, sizeof(have));
	for (cell = cmark_node_first_child(row); cell;
	    cell = cmark_node_next(cell)) {
		h = md_inline_text(cell);
		c = column(h);
		p = md_pos(&in, cell);
		if (c == C_NONE) {
			diag(dg, DIAG_ERROR, &p, "unknown column '%s': its text "
			    "would be lost (valid: %s; docs/case-format.md lists "
			    "the other names each may have)", h, VALID_COLUMNS);
			in.bad = 1;
		} else if (have[c]) {
			diag(dg, DIAG_ERROR, &p, "column '%s' repeats another "
			    "column of the same meaning", h);
			in.bad = 1;
			c = C_NONE;
		} else
			have[c] = 1;
		free(h);
		cols = xrealloc(cols, (ncols + 1) * sizeof(*cols));
		cols[ncols++] = c;
	}
	if (!have[C_START] || !have[C_WHAT]) {
		p = md_pos(&in, row);
		diag(dg, DIAG_ERROR, &p, "the table has no '%s' column (required: "
		    "'Start date' and 'What happened'; valid: %s)",
		    !have[C_START] ? "Start date" : "What happened",
		    VALID_COLUMNS);
		in.bad = 1;
		goto out;
	}
	for (row = cmark_node_next(row); row; row = cmark_node_next(row)) {
		if (check_cells(&in, row, ncols) == -1)
			continue;
		read_row(&in, cr, row, cols, ncols);
	}
out:
	free(cols);
	i = (size_t)in.bad;
	md_free(&in);
	return i ? -1 : 0;
}
