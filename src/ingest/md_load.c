/* Safe loading of untrusted Markdown returns: size and UTF-8 checks, cmark-gfm with tables, the metadata block. */
#include "md_load.h"
#include "field.h"
#include "limits.h"
#include "ingest.h"
#include "input.h"
#include "../util/alloc.h"

#include <cmark-gfm-core-extensions.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Start of line `line` (1-based) in data, or NULL. */
static const char *
line_start(const struct buf *data, unsigned line)
{
	const char *p = data->data, *end = data->data + data->len;

	while (--line > 0) {
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return NULL;
		p++;
	}
	return p;
}

/* "Key: value" with a key of letters and spaces; 0 if not such a line. */
static int
meta_line(const char *s, const char *e, const char **colon)
{
	const char *p = s;

	while (p < e && (isalpha((unsigned char)*p) || *p == ' ' ||
	    *p == '\''))
		p++;
	if (p == s || p >= e || *p != ':' || !isalpha((unsigned char)*s))
		return 0;
	*colon = p;
	return 1;
}

/*
 * Reads the metadata paragraph n if every line of it is "Key: value".
 * One forward pass over its lines, and at most MD_MAX_META of them: a
 * rescan per line made 80,000 such lines take 40 s.
 */
static int
read_meta(struct md_in *in, cmark_node *n)
{
	int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
	const char *start, *s, *e, *colon, *end = in->data.data + in->data.len;
	struct md_meta *m;
	char *key;
	int l, pass;
	size_t i;

	/* cmark-gfm 0.29 lets the paragraph run on over a table that
	 * follows it with no blank line: stop before the next block. */
	if (cmark_node_next(n) != NULL &&
	    cmark_node_get_start_line(cmark_node_next(n)) > first &&
	    cmark_node_get_start_line(cmark_node_next(n)) <= last)
		last = cmark_node_get_start_line(cmark_node_next(n)) - 1;
	if (first <= 0 || last < first || last - first >= MD_MAX_META ||
	    (start = line_start(&in->data, (unsigned)first)) == NULL)
		return 0;
	/* Pass 0 checks every line; pass 1 records them. */
	for (pass = 0; pass < 2; pass++) {
		for (l = first, s = start; l <= last; l++) {
			if (l > first) {
				if (e == end)
					return 0;
				s = e + 1;
			}
			e = memchr(s, '\n', (size_t)(end - s));
			if (e == NULL)
				e = end;
			while (s < e && (*s == ' ' || *s == '\t'))
				s++;
			if (!meta_line(s, e, &colon))
				return 0;
			if (pass == 0)
				continue;
			key = xstrndup(s, (size_t)(colon - s));
			for (i = 0; key[i]; i++)
				key[i] = (char)tolower((unsigned char)key[i]);
			in->meta = xgrow(in->meta, &in->metacap, in->nmeta,
			    sizeof(*in->meta));
			m = &in->meta[in->nmeta++];
			m->key = field_clean_line(key);
			free(key);
			/* The value's column within its own line. */
			const char *ls = s;
			while (ls > in->data.data && ls[-1] != '\n')
				ls--;
			s = colon + 1;
			while (s < e && (*s == ' ' || *s == '\t'))
				s++;
			key = xstrndup(s, (size_t)(e - s));
			m->value = field_clean_line(key);
			free(key);
			m->pos.file = in->file;
			input_linecol(ls, (size_t)(s - ls), &m->pos.line,
			    &m->pos.col);
			m->pos.line = (unsigned)l;
		}
	}
	in->metanode = n;
	return 1;
}

/*
 * Debian's cmark-gfm takes time quadratic in the cells of a table row (a
 * 20,000-column table of 4 MB takes 40 s): refuse wide rows before
 * parsing. A chronology has at most 16 columns.
 */
static int
check_row_width(const struct md_in *in)
{
	const char *p = in->data.data, *end = p + in->data.len, *line = p;
	unsigned lineno = 1, bars = 0;
	int table = 0;	/* the line starts, after indent, with '|' */

	for (; p < end; p++) {
		if (p == line) {
			const char *q = p;

			while (q < end && q - p < 4 && *q == ' ')
				q++;
			table = q < end && *q == '|';
		}
		if (!table) {
			if (*p == '\n') {
				lineno++;
				line = p + 1;
			}
			continue;
		}
		if (*p == '\\' && p + 1 < end && p[1] == '|') {
			p++;
			continue;
		}
		if (*p == '|' && ++bars == MD_MAX_CELLS + 2) {
			diag_at(in->dg, DIAG_ERROR, in->file, lineno,
			    (unsigned)(p - line) + 1, "a table row with more "
			    "than %d cells: a chronology has at most 16 columns",
			    MD_MAX_CELLS);
			return -1;
		}
		if (*p == '\n') {
			lineno++;
			line = p + 1;
			bars = 0;
		}
	}
	return 0;
}

/*
 * A return as Windows Notepad or an old Mac editor saves it: a UTF-8 byte
 * order mark at the start, lines ending CR LF or CR alone. Read as the
 * same text with LF: lines keep their numbers and columns.
 */
static void
normalise(struct buf *b)
{
	char *r, *w, *end;

	if (b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0) {
		memmove(b->data, b->data + 3, b->len - 2);
		b->len -= 3;
	}
	if (memchr(b->data, '\r', b->len) == NULL)
		return;
	for (r = w = b->data, end = b->data + b->len; r < end; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r + 1 < end && r[1] == '\n')
				r++;
		} else
			*w++ = *r;
	}
	b->len = (size_t)(w - b->data);
	b->data[b->len] = '\0';
}

int
md_load(struct md_in *in, const char *file, struct diag_ctx *dg)
{
	cmark_syntax_extension *table;
	cmark_node *n;

	memset(in, 0, sizeof(*in));
	in->file = file;
	in->dg = dg;
	in->field_max = limits_field();
	if (input_read(file, "a Markdown return", &in->data, dg) == -1)
		return -1;
	normalise(&in->data);
	if (check_row_width(in) == -1)
		return -1;
	cmark_gfm_core_extensions_ensure_registered();
	if ((table = cmark_find_syntax_extension("table")) == NULL) {
		diag(dg, DIAG_ERROR, NULL, "internal error: cmark-gfm has no "
		    "table extension");
		return -1;
	}
	in->parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(in->parser, table);
	cmark_parser_feed(in->parser, in->data.data, in->data.len);
	in->doc = cmark_parser_finish(in->parser);
	for (n = cmark_node_first_child(in->doc); n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 1)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
		    read_meta(in, n))
			break;
		/* The block must come before anything but a title. */
		if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
			break;
	}
	return 0;
}

void
md_free(struct md_in *in)
{
	size_t i;

	for (i = 0; i < in->nmeta; i++) {
		free(in->meta[i].key);
		free(in->meta[i].value);
	}
	free(in->meta);
	if (in->doc)
		cmark_node_free(in->doc);
	if (in->parser)
		cmark_parser_free(in->parser);
	buf_free(&in->data);
	memset(in, 0, sizeof(*in));
}

const struct md_meta *
md_meta_get(const struct md_in *in, const char *key)
{
	size_t i;

	for (i = 0; i < in->nmeta; i++)
		if (strcmp(in->meta[i].key, key) == 0)
			return &in->meta[i];
	return NULL;
}

void
md_meta_only(struct md_in *in, const char *const *valid, const char *list)
{
	size_t i, j;

	for (i = 0; i < in->nmeta; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(in->meta[i].key, in->meta[j].key) == 0) {
				diag(in->dg, DIAG_ERROR, &in->meta[i].pos,
				    "'%s' given twice (first at line %u)",
				    in->meta[i].key, in->meta[j].pos.line);
				in->bad = 1;
			}
		for (j = 0; valid[j] != NULL; j++)
			if (strcmp(in->meta[i].key, valid[j]) == 0)
				break;
		if (valid[j] == NULL) {
			struct srcpos p = in->meta[i].pos;

			p.col = 1;
			diag(in->dg, DIAG_ERROR, &p, "unknown metadata key '%s' "
			    "(valid: %s)", in->meta[i].key, list);
			in->bad = 1;
		}
	}
}

struct srcpos
md_pos(const struct md_in *in, cmark_node *n)
{
	struct srcpos p;
	int l = n ? cmark_node_get_start_line(n) : 0;
	int c = n ? cmark_node_get_start_column(n) : 0;

	p.file = in->file;
	p.line = l > 0 ? (unsigned)l : 0;
	p.col = l > 0 && c > 0 ? (unsigned)c : 0;
	return p;
}

static int
is_br(const char *lit)
{
	return lit && (strcmp(lit, "<br>") == 0 || strcmp(lit, "<br/>") == 0 ||
	    strcmp(lit, "<br />") == 0 || strcmp(lit, "<BR>") == 0);
}

static void
inlines(cmark_node *n, struct buf *b, unsigned depth)
{
	cmark_node *c;
	const char *lit;

	for (c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_SOFTBREAK:
			buf_putc(b, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, '\n');
			break;
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(c);
			if (is_br(lit))
				buf_putc(b, '\n');
			else if (lit)
				buf_puts(b, lit);
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((lit = cmark_node_get_literal(c)) != NULL)
				buf_puts(b, lit);
			break;
		default:
			/* Emphasis, links: their text. Depth is bounded
			 * by cmark's own nesting limits; guard anyway. */
			if (depth < 100)
				inlines(c, b, depth + 1);
			break;
		}
	}
}

char *
md_inline_text(cmark_node *n)
{
	struct buf b = BUF_INIT;

	inlines(n, &b, 0);
	return buf_detach(&b);
}

static void
blocks(cmark_node *n, cmark_node *until, struct buf *b, unsigned depth)
{
	cmark_node *c;
	char *t;

	for (c = n; c != NULL && c != until; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			t = md_inline_text(c);
			if (b->len)
				buf_puts(b, "\n\n");
			buf_puts(b, t);
			free(t);
			break;
		case CMARK_NODE_ITEM:
			t = md_inline_text(cmark_node_first_child(c));
			if (b->len)
				buf_putc(b, '\n');
			buf_puts(b, "- ");
			buf_puts(b, t);
			free(t);
			break;
		case CMARK_NODE_CODE_BLOCK:
			if (b->len)
				buf_puts(b, "\n\n");
			buf_puts(b, cmark_node_get_literal(c) ?
			    cmark_node_get_literal(c) : "");
			break;
		default:
			if (depth < 100 && cmark_node_first_child(c) != NULL) {
				if (cmark_node_get_type(c) == CMARK_NODE_LIST &&
				    b->len)
					buf_puts(b, "\n");
				blocks(cmark_node_first_child(c), NULL, b,
				    depth + 1);
			}
			break;
		}
	}
}

char *
md_blocks_text(cmark_node *from, cmark_node *until)
{
	struct buf b = BUF_INIT;

	blocks(from, until, &b, 0);
	return buf_detach(&b);
}

char *
md_field(struct md_in *in, const struct srcpos *pos, const char *what,
    char *text, int oneline)
{
	char *s, max[32];
	size_t lim = in->field_max;

	if (text == NULL)
		return NULL;
	if (strlen(text) > lim) {
		limits_show(lim, 1, max, sizeof(max));
		diag(in->dg, DIAG_ERROR, pos, "'%s' is larger than %s: "
		    "shorten it or split the event (or raise the limit: "
		    "CSPR_LIMITS=field=N)", what, max);
		in->bad = 1;
		free(text);
		return NULL;
	}
	s = oneline ? field_clean_line(text) : field_clean(text);
	free(text);
	return s;
}
