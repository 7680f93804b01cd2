/* cspr: the command line; dispatches to one subcommand. */
#include "cmd/cmd.h"
#include "ingest/limits.h"

#include <string.h>

#define CSPR_VERSION "0.1.0"

static const char usage[] =
    "usage: cspr COMMAND [OPTIONS] ...\n"
    "\n"
    "commands:\n"
    "  check CASE|FILE...   validate case folders or single returns\n"
    "  merge CASE           the integrated chronology as XML\n"
    "  build CASE...        render documents (DOCX and PDF) into OUTDIR\n"
    "  deadlines CASE       the statutory timescales, in working days\n"
    "  dump CASE            text dump of the case, chronology or document tree\n"
    "  sample docx|pdf      render the backends' every-feature sample\n"
    "\n"
    "cspr COMMAND --help for its options; cspr --version; man cspr.\n";

static const struct {
	const char *name;
	int (*fn)(int, char **, struct diag_ctx *);
} cmds[] = {
	{ "check", cmd_check },
	{ "merge", cmd_merge },
	{ "build", cmd_build },
	{ "deadlines", cmd_deadlines },
	{ "dump", cmd_dump },
	{ "sample", cmd_sample },
};

int
main(int argc, char **argv)
{
	struct diag_ctx dg;
	size_t i;

	diag_init(&dg, stderr);
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("cspr " CSPR_VERSION);
		return EXIT_OK;
	}
	if (limits_check(&dg) == -1)
		return EXIT_USAGE;
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1, &dg);
	diag(&dg, DIAG_ERROR, NULL, "unknown command '%s' (valid: check, merge, "
	    "build, dump, sample)", argv[1]);
	return EXIT_USAGE;
}
