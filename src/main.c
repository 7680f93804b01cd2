/* cspr: the command line; dispatches to one subcommand. */
#include "cmd/cmd.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CSPR_VERSION "0.1.0"

#ifndef CSPR_DATADIR
#define CSPR_DATADIR "/usr/local/share/cspr"
#endif

static const char usage[] =
    "usage: cspr COMMAND [OPTIONS] ...\n"
    "\n"
    "commands:\n"
    "  check CASE|FILE...   validate case folders or single returns\n"
    "  merge CASE           the integrated chronology as XML\n"
    "  build CASE...        render documents (DOCX and PDF) into OUTDIR\n"
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
	{ "dump", cmd_dump },
	{ "sample", cmd_sample },
};

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
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1, &dg);
	diag(&dg, DIAG_ERROR, NULL, "unknown command '%s' (valid: check, merge, "
	    "build, dump, sample)", argv[1]);
	return EXIT_USAGE;
}
