/* A case's output folder replaced whole: the new set staged in a sibling folder, then switched in with one rename. */
#define _GNU_SOURCE		/* renameat2's RENAME_EXCHANGE (Linux 3.15) */
#include "commit.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/hash.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define OWNER_FILE	".cspr-folder"
#define STAGE_MARK	".cspr-stage."	/* the staging folders' prefix */

/* Removes folder dir and the files in it (a staging folder holds no
 * folders): what cspr made, and only that. */
static void
remove_folder(const char *dir)
{
	struct buf p = BUF_INIT;
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			buf_reset(&p);
			buf_printf(&p, "%s/%s", dir, e->d_name);
			unlink(p.data);
		}
		closedir(d);
	}
	rmdir(dir);
	buf_free(&p);
}

static mode_t
current_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

/* The owner line a folder's marker holds: the case's folder as a
 * hash, since its name may be a child's and the marker goes out with
 * the documents. */
static char *
owner_text(const char *casedir, const char *audience)
{
	struct buf b = BUF_INIT;
	char *real = realpath(casedir, NULL), hex[HASH_HEX];
	struct hash h;

	hash_init(&h);
	hash_str(&h, real != NULL ? real : casedir);
	hash_hex(&h, hex);
	buf_printf(&b, "cspr-folder 1\ncase %s\naudience %s\n", hex,
	    audience);
	free(real);
	return buf_detach(&b);
}

int
stage_begin(struct stage *s, const char *outdir, const char *folder,
    const char *casedir, const char *audience, struct diag_ctx *dg)
{
	struct buf p = BUF_INIT, old = BUF_INIT;
	struct stat sb;
	int rc = -1;

	memset(s, 0, sizeof(*s));
	buf_printf(&p, "%s/%s", outdir, folder);
	s->final = buf_detach(&p);
	s->owner = owner_text(casedir, audience);
	if (lstat(s->final, &sb) == 0) {
		if (S_ISLNK(sb.st_mode) || !S_ISDIR(sb.st_mode)) {
			diag_at(dg, DIAG_ERROR, s->final, 0, 0, "cannot write "
			    "there: %s is in the way (cspr writes only into "
			    "folders it made)", S_ISLNK(sb.st_mode) ?
			    "a symbolic link" : "a file");
			goto out;
		}
		/* Another case's, or another audience's: never replaced. */
		buf_printf(&p, "%s/%s", s->final, OWNER_FILE);
		if (buf_read_regular(&old, p.data, 4096) == 0 &&
		    strcmp(old.data, s->owner) != 0) {
			diag_at(dg, DIAG_ERROR, s->final, 0, 0, "cannot write "
			    "there: it holds the documents of another case or "
			    "audience (%s); give each case its own reference "
			    "and published name, or write elsewhere with -o",
			    strncmp(old.data, "cspr-folder 1\ncase ", 19) == 0 ?
			    "see its " OWNER_FILE : "not cspr's");
			goto out;
		}
		s->exists = 1;
	}
	buf_reset(&p);
	buf_printf(&p, "%s/" STAGE_MARK "XXXXXX", outdir);
	s->dir = buf_detach(&p);
	if (mkdtemp(s->dir) == NULL) {
		diag_at(dg, DIAG_ERROR, s->final, 0, 0, "cannot create output: "
		    "%s", strerror(errno));
		free(s->dir);
		s->dir = NULL;
		goto out;
	}
	chmod(s->dir, 0755 & ~current_umask());
	rc = 0;
out:
	buf_free(&p);
	buf_free(&old);
	return rc;
}

int
stage_keep(struct stage *s, const char *name, struct diag_ctx *dg)
{
	struct buf from = BUF_INIT, to = BUF_INIT, data = BUF_INIT;
	int rc = -1;

	buf_printf(&from, "%s/%s", s->final, name);
	buf_printf(&to, "%s/%s", s->dir, name);
	/* A second name for the same bytes; a copy where the file system
	 * has no hard links. */
	if (link(from.data, to.data) == 0)
		rc = 0;
	else if (buf_read_regular(&data, from.data, (size_t)1 << 40) == 0)
		rc = outfile_write(to.data, data.data, data.len, dg);
	if (rc == -1)
		diag_at(dg, DIAG_ERROR, from.data, 0, 0, "cannot keep it in the "
		    "new set: %s", strerror(errno));
	buf_free(&from);
	buf_free(&to);
	buf_free(&data);
	return rc;
}

/* Files of the old folder cspr did not write, carried into the new:
 * anything but its documents, its marker and its temporaries. */
static int
carry_others(struct stage *s, int (*ours)(const char *),
    struct diag_ctx *dg)
{
	struct buf p = BUF_INIT;
	struct dirent *e;
	struct stat sb;
	DIR *d;
	int rc = 0;

	if (!s->exists || (d = opendir(s->final)) == NULL)
		return 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || ours(e->d_name))
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s", s->dir, e->d_name);
		if (lstat(p.data, &sb) == 0)
			continue;	/* written this time */
		buf_reset(&p);
		buf_printf(&p, "%s/%s", s->final, e->d_name);
		if (lstat(p.data, &sb) == 0 && S_ISREG(sb.st_mode))
			rc = stage_keep(s, e->d_name, dg);
	}
	closedir(d);
	buf_free(&p);
	return rc;
}

static int
sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC), rc;

	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
stage_commit(struct stage *s, int (*ours)(const char *), struct diag_ctx *dg)
{
	struct buf p = BUF_INIT;
	int rc = -1;

	if (carry_others(s, ours, dg) == -1)
		goto out;
	buf_printf(&p, "%s/%s", s->dir, OWNER_FILE);
	if (outfile_write(p.data, s->owner, strlen(s->owner), dg) == -1)
		goto out;
	if (sync_path(s->dir, O_RDONLY | O_DIRECTORY) == -1)
		goto fail;
	/*
	 * One rename switches the whole set: the folder holds the old set
	 * or the new, never some of each, whenever cspr stops. Where the
	 * file system cannot exchange two names, the old goes aside first
	 * (a build killed between the two renames leaves no folder; the
	 * next build makes it).
	 */
	if (!s->exists) {
		if (rename(s->dir, s->final) == -1)
			goto fail;
	} else if (syscall(SYS_renameat2, AT_FDCWD, s->dir, AT_FDCWD,
	    s->final, RENAME_EXCHANGE) == -1) {
		if (errno != EINVAL && errno != ENOSYS)
			goto fail;
		buf_reset(&p);
		buf_printf(&p, "%s.old", s->dir);
		if (rename(s->final, p.data) == -1)
			goto fail;
		if (rename(s->dir, s->final) == -1) {
			rename(p.data, s->final);
			goto fail;
		}
		free(s->dir);
		s->dir = buf_detach(&p);
	}
	/* What is in the staging name now is the old set. */
	remove_folder(s->dir);
	free(s->dir);
	s->dir = NULL;
	rc = 0;
	goto out;
fail:
	diag_at(dg, DIAG_ERROR, s->final, 0, 0, "cannot put the new documents "
	    "in place: %s; the earlier ones, if any, are as they were",
	    strerror(errno));
out:
	buf_free(&p);
	return rc;
}

void
stage_abort(struct stage *s)
{
	if (s->dir != NULL)
		remove_folder(s->dir);
	free(s->dir);
	free(s->final);
	free(s->owner);
	memset(s, 0, sizeof(*s));
}

void
stage_sweep(const char *outdir)
{
	struct buf p = BUF_INIT;
	struct dirent *e;
	DIR *d;

	if ((d = opendir(outdir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		buf_reset(&p);
		buf_printf(&p, "%s/%s", outdir, e->d_name);
		if (strncmp(e->d_name, STAGE_MARK, strlen(STAGE_MARK)) == 0)
			remove_folder(p.data);
		/* A residual-risk report's temporary file (outfile.c's
		 * ".<name>.XXXXXX"). */
		else if (e->d_name[0] == '.' && n > 7 && e->d_name[n - 7] ==
		    '.' && strstr(e->d_name, ".residual-risk.txt.") != NULL)
			unlink(p.data);
	}
	closedir(d);
	buf_free(&p);
}

int
outdir_lock(const char *outdir, struct diag_ctx *dg)
{
	int fd;

	if (mkdirs(outdir, dg) == -1)
		return -1;
	/* Left open: the lock lasts as long as the process. */
	if ((fd = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_at(dg, DIAG_ERROR, outdir, 0, 0, "cannot open the output "
		    "folder: %s", strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno == EWOULDBLOCK) {
		diag_at(dg, DIAG_NOTE, outdir, 0, 0, "another cspr build is "
		    "writing here: waiting for it to finish");
		if (flock(fd, LOCK_EX) == 0)
			return 0;
	}
	diag_at(dg, DIAG_ERROR, outdir, 0, 0, "cannot lock the output folder: "
	    "%s", strerror(errno));
	close(fd);
	return -1;
}
