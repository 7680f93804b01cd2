/* Loads a case folder: the manifest, then every chronology and scoping return in name order. */
#include "ingest.h"
#include "input.h"
#include "limits.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/url.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *
ext(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : "";
}

/* Interns path in k->files so positions can point at it. */
static const char *
intern(struct kase *k, const char *path)
{
	strlist_add(&k->files, path);
	return k->files.v[k->files.n - 1];
}

/* The sorted regular files of dir; NULL (not an error) if dir is absent. */
static char **
listdir(const char *dir, size_t *n, struct diag_ctx *dg)
{
	DIR *dp;
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if ((dp = opendir(dir)) == NULL) {
		if (errno != ENOENT)
			diag_at(dg, DIAG_ERROR, dir, 0, 0,
			    "cannot read folder: %s", strerror(errno));
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		v = xgrow(v, &cap, *n, sizeof(*v));
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n)
		qsort(v, *n, sizeof(*v), namecmp);
	return v;
}

/*
 * What an entry of a case folder is to cspr. It reads regular files and
 * walks folders inside the case folder, and never follows a symbolic
 * link, which could take it anywhere (review/national.md ->
 * /etc/passwd; a folder linked to /usr); nor reads a device or a pipe.
 */
enum entry { E_OTHER, E_FILE, E_DIR, E_LINK };

static enum entry
entry_kind(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) == -1)
		return E_OTHER;
	return S_ISLNK(sb.st_mode) ? E_LINK : S_ISREG(sb.st_mode) ? E_FILE :
	    S_ISDIR(sb.st_mode) ? E_DIR : E_OTHER;
}

/* 1 if path is a regular file to read; else warns (links, devices) or
 * says nothing (folders). */
static int
entry_file(const char *path, struct diag_ctx *dg)
{
	switch (entry_kind(path)) {
	case E_FILE:
		return 1;
	case E_LINK:
		diag_at(dg, DIAG_WARNING, path, 0, 0, "ignored: a symbolic link "
		    "(cspr reads only the files in the case folder: copy the "
		    "file in)");
		return 0;
	case E_OTHER:
		diag_at(dg, DIAG_WARNING, path, 0, 0, "ignored: not a regular "
		    "file");
		return 0;
	default:
		return 0;
	}
}

/* Reads every chronology return of dir, in name order. */
static void
load_chronologies(struct kase *k, const char *dir, struct diag_ctx *dg)
{
	struct buf path = BUF_INIT;
	struct chron_return cr;
	char **names;
	size_t n, i;
	const char *file, *e;
	int rc;

	names = listdir(dir, &n, dg);
	for (i = 0; i < n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, names[i]);
		e = ext(names[i]);
		if (entry_kind(path.data) == E_LINK ||
		    entry_kind(path.data) == E_OTHER) {
			entry_file(path.data, dg);
			continue;
		}
		if (entry_kind(path.data) != E_FILE ||
		    (strcmp(e, "xml") != 0 && strcmp(e, "md") != 0)) {
			diag_at(dg, DIAG_WARNING, path.data, 0, 0, "ignored: "
			    "a chronology return is a .xml or .md file");
			continue;
		}
		file = intern(k, path.data);
		memset(&cr, 0, sizeof(cr));
		cr.file = xstrdup(file);
		rc = strcmp(e, "xml") == 0 ? chron_read_xml(&cr, file, dg) :
		    chron_read_md(&cr, file, dg);
		if (rc == -1)
			chron_return_free(&cr);
		else {
			if (cr.pos.file == NULL)
				cr.pos.file = file;
			*case_add_chron(k) = cr;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_free(&path);
}

static void
load_scoping(struct kase *k, const char *dir, struct diag_ctx *dg)
{
	struct buf path = BUF_INIT;
	char **names;
	size_t n, i;
	const char *file, *e;
	struct scoping_return *sr;
	int rc;

	names = listdir(dir, &n, dg);
	for (i = 0; i < n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, names[i]);
		e = ext(names[i]);
		if (entry_kind(path.data) != E_FILE &&
		    entry_kind(path.data) != E_DIR) {
			entry_file(path.data, dg);
			continue;
		}
		if (entry_kind(path.data) != E_FILE ||
		    (strcmp(e, "xml") != 0 && strcmp(e, "md") != 0)) {
			diag_at(dg, DIAG_WARNING, path.data, 0, 0,
			    "ignored: a scoping return is a .xml or .md file");
			continue;
		}
		file = intern(k, path.data);
		sr = case_add_scoping(k);
		sr->file = xstrdup(file);
		rc = strcmp(e, "xml") == 0 ? scoping_read_xml(sr, file, dg) :
		    scoping_read_md(sr, file, dg);
		if (rc == -1) {
			scoping_return_free(sr);
			k->nsr--;
		} else if (sr->pos.file == NULL)
			sr->pos.file = file;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_free(&path);
}


static void
valid_sections(struct buf *b)
{
	size_t i;

	for (i = 0; review_sections[i] != NULL; i++)
		buf_printf(b, "%s%s.md", i ? ", " : "", review_sections[i]);
}

/* Warns of each link in a narrative that documents will show as text:
 * one that is not a web or mail address. */
static void
check_links(const struct narrative *nv, const char *file,
    struct diag_ctx *dg)
{
	cmark_parser *p;
	cmark_node *root, *n;
	cmark_iter *it;
	cmark_syntax_extension *ext;
	const char *url;

	cmark_gfm_core_extensions_ensure_registered();
	if ((p = cmark_parser_new(CMARK_OPT_DEFAULT)) == NULL)
		return;
	if ((ext = cmark_find_syntax_extension("table")) != NULL)
		cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, nv->markdown, strlen(nv->markdown));
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	if (root == NULL)
		return;
	it = cmark_iter_new(root);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK ||
		    (url = cmark_node_get_url(n)) == NULL || *url == '\0' ||
		    url_is_web(url))
			continue;
		diag_at(dg, DIAG_WARNING, file, (unsigned)
		    cmark_node_get_start_line(n), (unsigned)
		    cmark_node_get_start_column(n), "%s: documents show its "
		    "words as text, not as a link (links may be web or mail "
		    "addresses: http:, https:, mailto:)", url_kind(url));
	}
	cmark_iter_free(it);
	cmark_node_free(root);
}

/* review/: review.xml and the narrative sections, review/<key>.md. */
static void
load_review(struct kase *k, const char *dir, struct diag_ctx *dg)
{
	struct buf path = BUF_INIT, text = BUF_INIT, valid = BUF_INIT;
	struct narrative *nv;
	char **names;
	size_t n, i, j, len;
	const char *file;

	names = listdir(dir, &n, dg);
	for (i = 0; i < n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, names[i]);
		len = strlen(names[i]);
		if (!entry_file(path.data, dg))
			continue;
		file = intern(k, path.data);
		if (strcmp(names[i], "review.xml") == 0) {
			/* Errors are reported and counted; build stops. */
			(void)review_read_xml(&k->review, file, dg);
			continue;
		}
		for (j = 0; review_sections[j] != NULL; j++)
			if (len == strlen(review_sections[j]) + 3 &&
			    strncmp(names[i], review_sections[j], len - 3) == 0 &&
			    strcmp(names[i] + len - 3, ".md") == 0)
				break;
		if (review_sections[j] == NULL) {
			buf_reset(&valid);
			valid_sections(&valid);
			diag_at(dg, DIAG_WARNING, file, 0, 0, "ignored: the "
			    "review folder holds review.xml and narrative "
			    "sections (valid: %s)", valid.data);
			continue;
		}
		buf_reset(&text);
		if (input_read(file, "a Markdown narrative", &text, dg) == -1)
			continue;
		nv = review_add_narrative(&k->review);
		nv->key = xstrdup(review_sections[j]);
		nv->file = xstrdup(file);
		nv->markdown = buf_detach(&text);
		check_links(nv, file, dg);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_free(&path);
	buf_free(&text);
	buf_free(&valid);
}

/* Whether a name in review/ is one case_load reads. */
static int
review_file(const char *name)
{
	size_t j, len = strlen(name);

	if (strcmp(name, "review.xml") == 0)
		return 1;
	for (j = 0; review_sections[j] != NULL; j++)
		if (len == strlen(review_sections[j]) + 3 &&
		    strncmp(name, review_sections[j], len - 3) == 0 &&
		    strcmp(name + len - 3, ".md") == 0)
			return 1;
	return 0;
}

void
case_input_files(const char *dir, struct strlist *out)
{
	static const char *const sub[] = { "chronology", "scoping", "review" };
	struct diag_ctx quiet;
	struct buf p = BUF_INIT, d = BUF_INIT;
	char **names;
	size_t i, j, n;
	const char *e;

	diag_init(&quiet, NULL);
	buf_printf(&p, "%s/case.xml", dir);
	if (entry_kind(p.data) == E_FILE)
		strlist_add(out, p.data);
	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		buf_reset(&d);
		buf_printf(&d, "%s/%s", dir, sub[i]);
		if (entry_kind(d.data) != E_DIR)
			continue;
		names = listdir(d.data, &n, &quiet);
		for (j = 0; j < n; j++) {
			buf_reset(&p);
			buf_printf(&p, "%s/%s", d.data, names[j]);
			e = ext(names[j]);
			if (entry_kind(p.data) == E_FILE && (i == 2 ?
			    review_file(names[j]) : strcmp(e, "xml") == 0 ||
			    strcmp(e, "md") == 0))
				strlist_add(out, p.data);
			free(names[j]);
		}
		free(names);
	}
	buf_free(&p);
	buf_free(&d);
}

/* 1 (reported) if the files a case's build reads come to more than the
 * limit for one case: a case is refused before it is read, not when
 * its parse has taken gigabytes. */
static int
too_big(const char *dir, struct diag_ctx *dg)
{
	struct strlist files = { NULL, 0, 0 };
	struct limits lim;
	struct stat sb;
	unsigned long long total = 0;
	char have[32], max[32];
	size_t i;

	limits_get(&lim);
	case_input_files(dir, &files);
	for (i = 0; i < files.n; i++)
		if (lstat(files.v[i], &sb) == 0)
			total += (unsigned long long)sb.st_size;
	strlist_free(&files);
	if (total <= lim.total)
		return 0;
	snprintf(have, sizeof(have), "%.1f MiB", (double)total / (1 << 20));
	limits_show(lim.total, 1, max, sizeof(max));
	diag_at(dg, DIAG_ERROR, dir, 0, 0, "its files come to %s, more than "
	    "%s for one case: split the returns into cases, or remove "
	    "embedded material (or raise the limit: CSPR_LIMITS=total=N)",
	    have, max);
	return 1;
}

/* 1 if the case's folder path is to be read: absent (nothing to read)
 * or a folder; a link to one is warned of and not followed. */
static int
folder_ok(const char *path, struct diag_ctx *dg)
{
	if (entry_kind(path) != E_LINK)
		return 1;
	diag_at(dg, DIAG_WARNING, path, 0, 0, "ignored: a symbolic link to a "
	    "folder (cspr reads only what is in the case folder)");
	return 0;
}

struct kase *
case_load(const char *dir, struct diag_ctx *dg)
{
	struct kase *k = case_new(), *res = NULL;
	struct buf path = BUF_INIT;
	size_t len = strlen(dir);

	while (len > 1 && dir[len - 1] == '/')
		len--;
	k->dir = xstrndup(dir, len);
	if (too_big(k->dir, dg))
		goto out;
	buf_printf(&path, "%s/case.xml", k->dir);
	k->manifest = xstrdup(intern(k, path.data));
	if (entry_kind(path.data) == E_LINK) {
		diag_at(dg, DIAG_ERROR, path.data, 0, 0, "not read: a symbolic "
		    "link (cspr reads only the files in the case folder)");
		goto out;
	}
	if (entry_kind(path.data) != E_FILE) {
		diag_at(dg, DIAG_ERROR, path.data, 0, 0, "cannot read the case "
		    "manifest (a case folder holds case.xml, chronology/ and "
		    "scoping/)");
		goto out;
	}
	if (manifest_read_xml(k, k->files.v[0], dg) == -1)
		goto out;
	buf_reset(&path);
	buf_printf(&path, "%s/chronology", k->dir);
	if (folder_ok(path.data, dg))
		load_chronologies(k, path.data, dg);
	buf_reset(&path);
	buf_printf(&path, "%s/scoping", k->dir);
	if (folder_ok(path.data, dg))
		load_scoping(k, path.data, dg);
	buf_reset(&path);
	buf_printf(&path, "%s/review", k->dir);
	if (folder_ok(path.data, dg))
		load_review(k, path.data, dg);
	res = k;
	k = NULL;
out:
	case_free(k);
	buf_free(&path);
	return res;
}
