/* Outputs written beside their target under a temporary name, then renamed into place. */
#include "outfile.h"
#include "alloc.h"
#include "buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
outfile_begin(struct outfile *of, const char *final, struct diag_ctx *dg)
{
	struct buf b = BUF_INIT;
	const char *slash = strrchr(final, '/');
	struct stat sb;
	mode_t mask;
	int fd;

	of->final = xstrdup(final);
	/* Fail now, not at the rename after other outputs were replaced. */
	if (lstat(final, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		diag_at(dg, DIAG_ERROR, final, 0, 0, "cannot create output: "
		    "a folder or other non-file is in the way");
		free(of->final);
		of->final = NULL;
		return -1;
	}
	if (slash != NULL)
		buf_printf(&b, "%.*s/.%s.XXXXXX", (int)(slash - final), final,
		    slash + 1);
	else
		buf_printf(&b, ".%s.XXXXXX", final);
	of->tmp = buf_detach(&b);
	if ((fd = mkstemp(of->tmp)) == -1) {
		diag_at(dg, DIAG_ERROR, final, 0, 0, "cannot create output: %s",
		    strerror(errno));
		free(of->tmp);
		of->tmp = NULL;
		return -1;
	}
	/* mkstemp makes 0600; give what the user's umask allows. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	close(fd);
	return 0;
}

int
outfile_commit(struct outfile *of, struct diag_ctx *dg)
{
	int fd, rc = -1;

	if ((fd = open(of->tmp, O_RDONLY)) == -1 || fsync(fd) == -1 ||
	    rename(of->tmp, of->final) == -1) {
		diag_at(dg, DIAG_ERROR, of->final, 0, 0,
		    "cannot write output: %s", strerror(errno));
		unlink(of->tmp);
	} else
		rc = 0;
	if (fd != -1)
		close(fd);
	free(of->tmp);
	free(of->final);
	of->tmp = of->final = NULL;
	return rc;
}

void
outfile_abort(struct outfile *of)
{
	if (of->tmp != NULL)
		unlink(of->tmp);
	free(of->tmp);
	free(of->final);
	of->tmp = of->final = NULL;
}

int
mkdirs(const char *path, struct diag_ctx *dg)
{
	char *p = xstrdup(path), *s;
	int rc = -1;

	if (*p == '\0') {
		free(p);
		return 0;
	}
	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			diag_at(dg, DIAG_ERROR, p, 0, 0,
			    "cannot create folder: %s", strerror(errno));
			goto out;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	rc = 0;
out:
	free(p);
	return rc;
}

int
outfile_write(const char *path, const char *data, size_t n,
    struct diag_ctx *dg)
{
	struct outfile of = { NULL, NULL };
	FILE *f = NULL;
	int rc = -1;

	if (outfile_begin(&of, path, dg) == -1)
		return -1;
	if ((f = fopen(of.tmp, "wb")) == NULL || fwrite(data, 1, n, f) != n) {
		diag_at(dg, DIAG_ERROR, path, 0, 0, "cannot write output: %s",
		    strerror(errno));
		goto out;
	}
	if (fclose(f) == EOF) {
		f = NULL;
		diag_at(dg, DIAG_ERROR, path, 0, 0, "cannot write output: %s",
		    strerror(errno));
		goto out;
	}
	f = NULL;
	rc = outfile_commit(&of, dg);
out:
	if (f != NULL)
		fclose(f);
	if (rc == -1)
		outfile_abort(&of);
	return rc;
}
