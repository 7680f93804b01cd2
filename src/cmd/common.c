/* What several subcommands share: loading and checking a case, option values, the summary line. */
#include "cmd.h"
#include "../check/check.h"
#include "../ingest/ingest.h"
#include "../util/buf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
