/* Style settings: defaults, overridden by "key = value" lines from templates/style.conf. */
#include "style.h"
#include "../util/alloc.h"
#include "../util/buf.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FONTDIR "/usr/share/fonts/truetype/liberation2/"

static void
setstr(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

static void
defaults(struct style *st)
{
	memset(st, 0, sizeof(*st));
	setstr(&st->font_family, "Liberation Sans");
	setstr(&st->font_regular, FONTDIR "LiberationSans-Regular.ttf");
	setstr(&st->font_bold, FONTDIR "LiberationSans-Bold.ttf");
	setstr(&st->font_italic, FONTDIR "LiberationSans-Italic.ttf");
	setstr(&st->font_bolditalic, FONTDIR "LiberationSans-BoldItalic.ttf");
	st->body_pt = 12;
	st->table_pt = 10;
	st->h1_pt = 20;
	st->h2_pt = 16;
	st->h3_pt = 13;
	memcpy(st->heading_rgb, "1F3864", 7);
	memcpy(st->draft_rgb, "BF0000", 7);
	st->margin_mm = 20;
	st->line_spacing = 1.2;
	st->para_space = 0.5;
}

/* A font path relative to the style file's folder. */
static void
setpath(char **field, const char *dir, const char *v)
{
	struct buf b = BUF_INIT;

	if (v[0] == '/' || dir == NULL) {
		setstr(field, v);
		return;
	}
	buf_printf(&b, "%s/%s", dir, v);
	free(*field);
	*field = buf_detach(&b);
}

static int
setnum(double *field, const char *v, double lo, double hi)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(v, &end);
	if (errno || end == v || *end != '\0' || x < lo || x > hi)
		return -1;
	*field = x;
	return 0;
}

static int
sethex(char *field, const char *v)
{
	size_t i;

	if (v[0] == '#')
		v++;
	if (strlen(v) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		if (!isxdigit((unsigned char)v[i]))
			return -1;
	for (i = 0; i < 6; i++)
		field[i] = (char)toupper((unsigned char)v[i]);
	field[6] = '\0';
	return 0;
}

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int
style_load(struct style *st, const char *path, struct diag_ctx *dg)
{
	struct buf file = BUF_INIT;
	char *dir = NULL, *line, *next, *key, *val, *eq, *slash, **fontp;
	unsigned lineno = 0;
	int bad = 0, rc = -1;

	defaults(st);
	if (path == NULL)
		return 0;
	if (buf_read_file(&file, path, 1 << 20) == -1) {
		diag_at(dg, DIAG_ERROR, path, 0, 0, "cannot read style file: %s",
		    strerror(errno));
		goto out;
	}
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	else {
		free(dir);
		dir = xstrdup(".");
	}
	for (line = file.data; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		key = trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			diag_at(dg, DIAG_ERROR, path, lineno, 1,
			    "expected 'key = value'");
			bad = 1;
			continue;
		}
		*eq = '\0';
		key = trim(key);
		val = trim(eq + 1);
		if (strcmp(key, "font.family") == 0)
			setstr(&st->font_family, val);
		else if (strncmp(key, "font.", 5) == 0 && (fontp =
		    strcmp(key, "font.regular") == 0 ? &st->font_regular :
		    strcmp(key, "font.bold") == 0 ? &st->font_bold :
		    strcmp(key, "font.italic") == 0 ? &st->font_italic :
		    strcmp(key, "font.bolditalic") == 0 ? &st->font_bolditalic :
		    NULL) != NULL) {
			setpath(fontp, dir, val);
			/* Found now, not when the PDF needs it. */
			if (access(*fontp, R_OK) == -1) {
				diag_at(dg, DIAG_ERROR, path, lineno,
				    (unsigned)(val - line) + 1, "cannot read "
				    "font file '%s': %s", *fontp,
				    strerror(errno));
				bad = 1;
			}
		}
		else if ((strcmp(key, "size.body") == 0 &&
		    setnum(&st->body_pt, val, 6, 72) == 0) ||
		    (strcmp(key, "size.table") == 0 &&
		    setnum(&st->table_pt, val, 5, 72) == 0) ||
		    (strcmp(key, "size.h1") == 0 &&
		    setnum(&st->h1_pt, val, 6, 96) == 0) ||
		    (strcmp(key, "size.h2") == 0 &&
		    setnum(&st->h2_pt, val, 6, 96) == 0) ||
		    (strcmp(key, "size.h3") == 0 &&
		    setnum(&st->h3_pt, val, 6, 96) == 0) ||
		    (strcmp(key, "page.margin") == 0 &&
		    setnum(&st->margin_mm, val, 5, 60) == 0) ||
		    (strcmp(key, "spacing.line") == 0 &&
		    setnum(&st->line_spacing, val, 1, 3) == 0) ||
		    (strcmp(key, "spacing.paragraph") == 0 &&
		    setnum(&st->para_space, val, 0, 3) == 0) ||
		    (strcmp(key, "colour.heading") == 0 &&
		    sethex(st->heading_rgb, val) == 0) ||
		    (strcmp(key, "colour.draft") == 0 &&
		    sethex(st->draft_rgb, val) == 0))
			continue;
		else if (strncmp(key, "size.", 5) == 0 ||
		    strncmp(key, "spacing.", 8) == 0 ||
		    strcmp(key, "page.margin") == 0 ||
		    strncmp(key, "colour.", 7) == 0) {
			diag_at(dg, DIAG_ERROR, path, lineno,
			    (unsigned)(val - line) + 1,
			    "bad value '%s' for %s (sizes are points, "
			    "margin millimetres, spacing.line a multiple of "
			    "the font size from 1 to 3, spacing.paragraph a "
			    "multiple from 0 to 3, colours #RRGGBB)", val, key);
			bad = 1;
		} else {
			diag_at(dg, DIAG_ERROR, path, lineno, 1,
			    "unknown setting '%s' (valid: font.family, "
			    "font.regular, font.bold, font.italic, "
			    "font.bolditalic, size.body, size.table, size.h1, "
			    "size.h2, size.h3, page.margin, spacing.line, "
			    "spacing.paragraph, colour.heading, colour.draft)", key);
			bad = 1;
		}
	}
	/* Smaller than accessible documents want (GOV.UK asks for 12 pt
	 * body text): allowed, said. */
	if (!bad && st->body_pt < 11)
		diag_at(dg, DIAG_WARNING, path, 0, 0, "size.body %g is below "
		    "11 pt, hard for many readers (12 or more is the GOV.UK "
		    "guidance)", st->body_pt);
	if (!bad && st->table_pt < 10)
		diag_at(dg, DIAG_WARNING, path, 0, 0, "size.table %g is below "
		    "10 pt, hard for many readers in tables, headers and "
		    "footers", st->table_pt);
	if (!bad)
		rc = 0;
out:
	free(dir);
	buf_free(&file);
	return rc;
}

void
style_free(struct style *st)
{
	free(st->font_family);
	free(st->font_regular);
	free(st->font_bold);
	free(st->font_italic);
	free(st->font_bolditalic);
	memset(st, 0, sizeof(*st));
}
