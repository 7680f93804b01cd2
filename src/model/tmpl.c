/* Document templates: reading templates/<name>.txt, and expanding {names} in its wording. */
#include "tmpl.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define TMPL_MAX_FILE	(256u << 10)

static const struct {
	const char	*word;
	enum tmpl_kind	 kind;
	int		 arg;		/* 0 none, 1 text, 2 a key */
} kw[] = {
	{ "title", TMPL_TITLE, 1 },
	{ "subject", TMPL_SUBJECT, 1 },
	{ "marking", TMPL_MARKING, 1 },
	{ "titlepage", TMPL_TITLEPAGE, 0 },
	{ "contents", TMPL_CONTENTS, 1 },
	{ "contents-subsections", TMPL_CONTENTS3, 0 },
	{ "landscape", TMPL_LANDSCAPE, 0 },
	{ "portrait", TMPL_PORTRAIT, 0 },
	{ "section", TMPL_SECTION, 1 },
	{ "subsection", TMPL_SUBSECTION, 1 },
	{ "text", TMPL_TEXT, 1 },
	{ "narrative", TMPL_NARRATIVE, 2 },
	{ "generated", TMPL_GENERATED, 2 },
	{ "box", TMPL_BOX, 1 },
};

static const char *const vars[] = { "ref", "partnership", "child",
    "incident", NULL };

/* Checks the {names} of text; 0, or the 1-based offset of a bad one. */
static size_t
check_vars(const char *text)
{
	const char *p = text, *e;
	size_t i;

	while ((p = strchr(p, '{')) != NULL) {
		if ((e = strchr(p, '}')) == NULL)
			return (size_t)(p - text) + 1;
		for (i = 0; vars[i] != NULL; i++)
			if ((size_t)(e - p - 1) == strlen(vars[i]) &&
			    strncmp(p + 1, vars[i], (size_t)(e - p - 1)) == 0)
				break;
		if (vars[i] == NULL)
			return (size_t)(p - text) + 1;
		p = e + 1;
	}
	return 0;
}

/* "audience internal publication": who the document is for. */
static int
audience(struct tmpl *t, const char *line, const char *p, unsigned lineno,
    struct diag_ctx *dg)
{
	size_t n;

	t->audience = 0;
	for (;;) {
		p += strspn(p, " \t");
		if ((n = strcspn(p, " \t")) == 0)
			break;
		if (n == 8 && strncmp(p, "internal", 8) == 0)
			t->audience |= TMPL_INTERNAL;
		else if (n == 11 && strncmp(p, "publication", 11) == 0)
			t->audience |= TMPL_PUBLIC;
		else {
			diag_at(dg, DIAG_ERROR, t->file, lineno, (unsigned)(p -
			    line) + 1, "unknown audience '%.*s' (valid: "
			    "internal, publication)", (int)n, p);
			return -1;
		}
		p += n;
	}
	if (t->audience == 0) {
		diag_at(dg, DIAG_ERROR, t->file, lineno, 1, "'audience' needs "
		    "internal, publication or both after it");
		return -1;
	}
	return 0;
}

static int
entry(struct tmpl *t, char *line, unsigned lineno, struct diag_ctx *dg)
{
	struct tmpl_entry *e;
	char *w = line, *arg, *end;
	size_t i, wl, bad;
	long n;

	wl = strcspn(w, " \t");
	if (wl == 8 && strncmp(w, "audience", 8) == 0)
		return audience(t, line, w + wl, lineno, dg);
	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (strlen(kw[i].word) == wl && strncmp(w, kw[i].word, wl) == 0)
			break;
	if (i == sizeof(kw) / sizeof(kw[0])) {
		diag_at(dg, DIAG_ERROR, t->file, lineno, 1, "unknown keyword "
		    "'%.*s' (valid: audience, title, subject, marking, "
		    "titlepage, contents, contents-subsections, landscape, "
		    "portrait, section, "
		    "subsection, text, narrative, generated, box)", (int)wl, w);
		return -1;
	}
	arg = w + wl;
	arg += strspn(arg, " \t");
	end = arg + strlen(arg);
	while (end > arg && isspace((unsigned char)end[-1]))
		*--end = '\0';
	if ((kw[i].arg == 0) != (*arg == '\0')) {
		diag_at(dg, DIAG_ERROR, t->file, lineno, (unsigned)(arg - line) +
		    1, kw[i].arg ? "'%s' needs %s after it" : "'%s' takes "
		    "nothing after it", kw[i].word, kw[i].arg == 2 ? "a name" :
		    "its text");
		return -1;
	}
	t->v = xgrow(t->v, &t->cap, t->n, sizeof(*t->v));
	e = &t->v[t->n];
	memset(e, 0, sizeof(*e));
	e->kind = kw[i].kind;
	e->line = lineno;
	if (e->kind == TMPL_BOX) {
		n = strtol(arg, &end, 10);
		if (end == arg || n < 1 || n > 7 || !isspace((unsigned char)*end)) {
			diag_at(dg, DIAG_ERROR, t->file, lineno,
			    (unsigned)(arg - line) + 1, "'box' needs a number "
			    "from 1 to 7, then the box's title");
			return -1;
		}
		e->n = (unsigned)n;
		arg = end + strspn(end, " \t");
	}
	if (kw[i].arg == 2) {
		wl = strcspn(arg, " \t");
		if (arg[wl] != '\0') {
			char *rest = arg + wl + strspn(arg + wl, " \t");

			if (strcmp(rest, "required") != 0) {
				diag_at(dg, DIAG_ERROR, t->file, lineno,
				    (unsigned)(rest - line) + 1, "after the "
				    "name only 'required' may follow");
				return -1;
			}
			e->required = 1;
			arg[wl] = '\0';
		}
	}
	if (kw[i].arg == 1 && (bad = check_vars(arg)) != 0) {
		diag_at(dg, DIAG_ERROR, t->file, lineno, (unsigned)(arg - line +
		    (long)bad), "unknown or unclosed {name} (valid: {ref}, "
		    "{partnership}, {child}, {incident})");
		return -1;
	}
	e->arg = *arg ? xstrdup(arg) : NULL;
	t->n++;
	return 0;
}

int
tmpl_load(struct tmpl *t, const char *path, struct diag_ctx *dg)
{
	struct buf b = BUF_INIT;
	char *line, *next;
	unsigned lineno = 0;
	size_t bad;
	int rc = -1;

	memset(t, 0, sizeof(*t));
	t->file = xstrdup(path);
	t->audience = TMPL_INTERNAL;
	if (buf_read_file(&b, path, TMPL_MAX_FILE) == -1) {
		diag_at(dg, DIAG_ERROR, path, 0, 0, "cannot read the template: "
		    "%s", strerror(errno));
		goto out;
	}
	if (b.data != NULL && !utf8_valid(b.data, b.len, &bad)) {
		diag_at(dg, DIAG_ERROR, path, 0, 0, "not UTF-8 (byte %zu)",
		    bad);
		goto out;
	}
	rc = 0;
	for (line = b.data ? b.data : ""; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		line += strspn(line, " \t");
		if (*line == '#' || *line == '\0' || *line == '\r')
			continue;
		if (entry(t, line, lineno, dg) == -1)
			rc = -1;
	}
out:
	buf_free(&b);
	if (rc == -1)
		tmpl_free(t);
	return rc;
}

void
tmpl_free(struct tmpl *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].arg);
	free(t->v);
	free(t->file);
	memset(t, 0, sizeof(*t));
}

char *
tmpl_expand(const char *text, const struct tmpl_vars *v)
{
	const char *val[] = { v->ref, v->partnership, v->child, v->incident };
	struct buf b = BUF_INIT;
	const char *p = text, *e;
	size_t i;

	while (*p) {
		if (*p == '{' && (e = strchr(p, '}')) != NULL) {
			for (i = 0; vars[i] != NULL; i++)
				if ((size_t)(e - p - 1) == strlen(vars[i]) &&
				    strncmp(p + 1, vars[i],
				    (size_t)(e - p - 1)) == 0)
					break;
			if (vars[i] != NULL) {
				buf_puts(&b, val[i] ? val[i] : "");
				p = e + 1;
				continue;
			}
		}
		buf_putc(&b, *p++);
	}
	return buf_detach(&b);
}
