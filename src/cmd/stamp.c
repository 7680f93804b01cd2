/* Build stamps in OUTDIR/.cspr/: the input hash of each case and the tree hash of each document last built. */
#define _XOPEN_SOURCE 700	/* realpath */
#include "stamp.h"
#include "../ingest/limits.h"
#include "../model/case.h"
#include "../util/buf.h"
#include "../util/outfile.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *
stamp_path(const char *outdir, const char *casedir, const char *kind)
{
	struct hash h;
	struct buf b = BUF_INIT;
	char real[PATH_MAX], hex[HASH_HEX];

	hash_init(&h);
	hash_str(&h, realpath(casedir, real) != NULL ? real : casedir);
	hash_str(&h, kind);
	hash_hex(&h, hex);
	buf_printf(&b, "%s/.cspr/%s.stamp", outdir, hex);
	return buf_detach(&b);
}

int
stamp_read(const char *path, struct stamp *s)
{
	char line[512], name[64], hash[HASH_HEX], *p, *end;
	long long sz[CMD_NFORMATS];
	FILE *f;
	size_t i, k;
	int rc = -1, at;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < CMD_NDOCS; i++)
		for (k = 0; k < CMD_NFORMATS; k++)
			s->doc[i].size[k] = -1;
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(line, sizeof(line), f) == NULL ||
	    strcmp(line, "cspr-stamp 1\n") != 0)
		goto out;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "input %32s", s->input) == 1)
			continue;
		if (strncmp(line, "folder ", 7) == 0) {
			i = strcspn(line + 7, "\n");
			if (i >= sizeof(s->folder))
				goto out;
			memcpy(s->folder, line + 7, i);
			s->folder[i] = '\0';
			continue;
		}
		/* "doc NAME HASH" and a size for each format. */
		if (sscanf(line, "doc %63s %32s %n", name, hash, &at) != 2)
			goto out;
		for (p = line + at, k = 0; k < CMD_NFORMATS; k++, p = end) {
			sz[k] = strtoll(p, &end, 10);
			if (end == p)
				goto out;
		}
		for (i = 0; i < CMD_NDOCS; i++)
			if (strcmp(cmd_docnames[i], name) == 0) {
				memcpy(s->doc[i].hash, hash, HASH_HEX);
				memcpy(s->doc[i].size, sz, sizeof(sz));
			}
	}
	/* A folder name from a stamp is only ever a plain name. */
	if (strlen(s->input) == 32 && s->folder[0] != '\0' &&
	    s->folder[0] != '.' && strchr(s->folder, '/') == NULL)
		rc = 0;
out:
	fclose(f);
	return rc;
}

int
stamp_write(const char *path, const struct stamp *s, struct diag_ctx *dg)
{
	struct buf b = BUF_INIT, dir = BUF_INIT;
	size_t i, k;
	int rc = -1;

	buf_put(&dir, path, (size_t)(strrchr(path, '/') - path));
	if (mkdirs(dir.data, dg) == -1)
		goto out;
	buf_printf(&b, "cspr-stamp 1\ninput %s\nfolder %s\n", s->input,
	    s->folder);
	for (i = 0; i < CMD_NDOCS; i++) {
		if (s->doc[i].hash[0] == '\0')
			continue;
		buf_printf(&b, "doc %s %s", cmd_docnames[i], s->doc[i].hash);
		for (k = 0; k < CMD_NFORMATS; k++)
			buf_printf(&b, " %lld", s->doc[i].size[k]);
		buf_putc(&b, '\n');
	}
	rc = outfile_write(path, b.data, b.len, dg);
out:
	buf_free(&b);
	buf_free(&dir);
	return rc;
}

static int
skip_dot(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Every regular file under dir, in name order, by its path relative to
 * the top, then its bytes: for the template folder, which is cspr's. */
static int
tree(struct hash *h, const char *dir, const char *rel, int depth)
{
	struct dirent **v = NULL;
	struct buf p = BUF_INIT, r = BUF_INIT;
	struct stat sb;
	int i, n, rc = 0;

	if (depth > 16 || (n = scandir(dir, &v, skip_dot, alphasort)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		buf_reset(&p);
		buf_reset(&r);
		buf_printf(&p, "%s/%s", dir, v[i]->d_name);
		buf_printf(&r, "%s%s", rel, v[i]->d_name);
		if (rc == 0 && stat(p.data, &sb) == 0) {
			if (S_ISDIR(sb.st_mode)) {
				buf_putc(&r, '/');
				rc = tree(h, p.data, r.data, depth + 1);
			} else if (S_ISREG(sb.st_mode)) {
				hash_str(h, r.data);
				hash_u64(h, (uint64_t)sb.st_size);
				if (hash_file(h, p.data) == -1)
					rc = -1;
			}
		}
		free(v[i]);
	}
	free(v);
	buf_free(&p);
	buf_free(&r);
	return rc;
}

int
stamp_tree(struct hash *h, const char *dir)
{
	return tree(h, dir, "", 0);
}

int
stamp_case_input(const char *dir, const char *env, char out[HASH_HEX])
{
	struct strlist files = { NULL, 0, 0 };
	struct limits lim;
	struct stat sb;
	struct hash h;
	size_t i, dl = strlen(dir);
	int rc = -1;

	/* The files the build reads, and only those: an attachment, a
	 * linked folder or a 20 GB file beside them costs nothing. One
	 * over the size limit is an error when read: its size is enough. */
	limits_get(&lim);
	case_input_files(dir, &files);
	hash_init(&h);
	hash_str(&h, env);
	for (i = 0; i < files.n; i++) {
		hash_str(&h, files.v[i] + dl);
		if (lstat(files.v[i], &sb) == -1)
			goto out;
		hash_u64(&h, (uint64_t)sb.st_size);
		if ((size_t)sb.st_size <= lim.file && hash_file(&h,
		    files.v[i]) == -1)
			goto out;
	}
	hash_hex(&h, out);
	rc = 0;
out:
	strlist_free(&files);
	return rc;
}

int
stamp_outputs_ok(const char *outdir, const struct stamp *s)
{
	struct buf p = BUF_INIT;
	struct stat sb;
	size_t i, f;
	int ok = 1, any = 0;

	for (i = 0; ok && i < CMD_NDOCS; i++) {
		if (s->doc[i].hash[0] == '\0') {
			ok = 0;
			break;
		}
		for (f = 0; ok && f < CMD_NFORMATS; f++) {
			if (s->doc[i].size[f] < 0)
				continue;
			buf_reset(&p);
			buf_printf(&p, "%s/%s/%s.%s", outdir, s->folder,
			    cmd_docnames[i], cmd_formats[f].ext);
			ok = stat(p.data, &sb) == 0 &&
			    (long long)sb.st_size == s->doc[i].size[f];
			any = 1;
		}
	}
	buf_free(&p);
	return ok && any;
}
