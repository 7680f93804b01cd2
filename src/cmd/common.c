/* What several subcommands share: loading and checking a case, option values, the summary line. */
#include "cmd.h"
#include "../model/calendar.h"
#include "../check/check.h"
#include "../ingest/ingest.h"
#include "../util/buf.h"

#include "../util/alloc.h"
#include "../util/png.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CSPR_DATADIR
#define CSPR_DATADIR "/usr/local/share/cspr"
#endif

int
cmd_load_case(const char *dir, struct kase **out, struct diag_ctx *dg)
{
	struct kase *k;
	struct stat sb;
	struct buf manifest = BUF_INIT;
	unsigned before = dg->nerrors;
	int missing;

	*out = NULL;
	buf_printf(&manifest, "%s/case.xml", dir);
	missing = stat(manifest.data, &sb) == -1;
	buf_free(&manifest);
	if (missing) {
		diag_at(dg, DIAG_ERROR, dir, 0, 0, "%s", stat(dir, &sb) == -1 ?
		    "no such case folder or file" : "not a case folder: it "
		    "has no case.xml (see docs/case-format.md)");
		return EXIT_NOINPUT;
	}
	if ((k = case_load(dir, dg)) == NULL)
		return EXIT_DATAERR;
	case_check(k, dg);
	if (dg->nerrors > before) {
		case_free(k);
		return EXIT_DATAERR;
	}
	*out = k;
	return 0;
}

int
cmd_gap_days(const char *s, struct diag_ctx *dg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < 1 || v > 3650) {
		diag(dg, DIAG_ERROR, NULL, "--gap-days takes a number of days "
		    "from 1 to 3650, not '%s'", s);
		return -1;
	}
	return (int)v;
}

void
cmd_summary(struct diag_ctx *dg)
{
	if (dg->nerrors || dg->nwarnings)
		fprintf(dg->out, "cspr: %u error%s, %u warning%s\n",
		    dg->nerrors, dg->nerrors == 1 ? "" : "s", dg->nwarnings,
		    dg->nwarnings == 1 ? "" : "s");
}

static int
isdir(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

char *
cmd_templates_dir(const char *opt)
{
	struct buf b = BUF_INIT;
	char exe[PATH_MAX], *slash;
	const char *env;
	ssize_t n;

	if (opt != NULL)
		return xstrdup(opt);
	if ((env = getenv("CSPR_TEMPLATES")) != NULL && *env != '\0')
		return xstrdup(env);
	/* Run from a build tree (BUILD/cspr): use the source tree's. */
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 2; up++)
			if ((slash = strrchr(exe, '/')) != NULL)
				*slash = '\0';
		buf_printf(&b, "%s/templates", exe);
		if (isdir(b.data))
			return buf_detach(&b);
		buf_free(&b);
	}
	return xstrdup(CSPR_DATADIR "/templates");
}

int
cmd_logo(const char *dir, char **logo, struct diag_ctx *dg)
{
	struct buf b = BUF_INIT;
	struct stat sb;
	unsigned w, h;

	*logo = NULL;
	buf_printf(&b, "%s/logo.png", dir);
	if (stat(b.data, &sb) == -1) {
		buf_free(&b);
		return 0;	/* a logo is optional */
	}
	if (!S_ISREG(sb.st_mode) || png_size(b.data, &w, &h) == -1) {
		diag_at(dg, DIAG_ERROR, b.data, 0, 0, "not a PNG image: the "
		    "template logo must be a PNG file (or remove it)");
		buf_free(&b);
		return -1;
	}
	*logo = buf_detach(&b);
	return 0;
}

int
cmd_calendar(const char *dir, struct calendar *cal, struct diag_ctx *dg)
{
	struct buf path = BUF_INIT;
	int rc;

	buf_printf(&path, "%s/bank-holidays.txt", dir);
	rc = calendar_load(cal, path.data, dg);
	buf_free(&path);
	return rc;
}
