/* `cspr check`: validates case folders, or single returns on their own. */
#include "cmd.h"
#include "../check/check.h"
#include "../ingest/ingest.h"
#include "../model/case.h"

#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: cspr check [-q] [--werror] CASE|FILE...\n"
    "  -q, --quiet   print errors only\n"
    "  --werror      treat warnings as errors (exit 65)\n";

/* One return checked on its own: no manifest to check it against. */
/* Why a file is not a return, as far as its first bytes tell. */
static const char *
unknown_why(const char *file)
{
	unsigned char b[4] = { 0, 0, 0, 0 };
	size_t n, i;
	FILE *f;

	if ((f = fopen(file, "rb")) == NULL)
		return "cannot be read";
	n = fread(b, 1, sizeof(b), f);
	fclose(f);
	if (n == 0)
		return "the file is empty";
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE &&
	    b[1] == 0xFF)))
		return "the file is UTF-16: save it as UTF-8";
	for (i = 0; i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' ||
	    b[i] == '\t'); i++)
		;
	if (i == n)
		return "the file holds nothing but white space";
	return "not a cspr return";
}

static int
check_file(const char *file, struct diag_ctx *dg)
{
	struct kase *k = NULL;
	struct chron_return cr;
	struct scoping_return sr;
	unsigned before = dg->nerrors;

	memset(&cr, 0, sizeof(cr));
	memset(&sr, 0, sizeof(sr));
	switch (ingest_sniff(file)) {
	case RETURN_MANIFEST:
		k = case_new();
		manifest_read_xml(k, file, dg);
		case_free(k);
		break;
	case RETURN_CHRONOLOGY:
		if ((strlen(file) > 3 &&
		    strcmp(file + strlen(file) - 3, ".md") == 0 ?
		    chron_read_md(&cr, file, dg) :
		    chron_read_xml(&cr, file, dg)) == 0)
			chron_check_alone(&cr, dg);
		chron_return_free(&cr);
		break;
	case RETURN_SCOPING:
		if (strlen(file) > 3 &&
		    strcmp(file + strlen(file) - 3, ".md") == 0)
			scoping_read_md(&sr, file, dg);
		else
			scoping_read_xml(&sr, file, dg);
		scoping_return_free(&sr);
		break;
	case RETURN_UNKNOWN:
		diag_at(dg, DIAG_ERROR, file, 0, 0, "%s: expected XML whose "
		    "root is <case>, <chronology> or <scoping>, or a Markdown "
		    "return (.md)", unknown_why(file));
		break;
	}
	return dg->nerrors > before ? EXIT_DATAERR : EXIT_OK;
}

int
cmd_check(int argc, char **argv, struct diag_ctx *dg)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "werror", no_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct kase *k;
	struct stat sb;
	int c, i, rc, worst = EXIT_OK, werror = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': dg->quiet_warnings = 1; break;
		case 'W': werror = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	for (i = optind; i < argc; i++) {
		if (stat(argv[i], &sb) == 0 && S_ISREG(sb.st_mode))
			rc = check_file(argv[i], dg);
		else {
			rc = cmd_load_case(argv[i], &k, dg);
			case_free(k);
		}
		/* Missing input outranks bad data in the exit status. */
		if (rc == EXIT_NOINPUT || (rc != EXIT_OK && worst == EXIT_OK))
			worst = rc;
	}
	if (worst == EXIT_OK && werror && dg->nwarnings)
		worst = EXIT_DATAERR;
	cmd_summary(dg);
	return worst;
}
