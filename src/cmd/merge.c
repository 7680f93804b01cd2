/* `cspr merge`: the integrated chronology of a case as XML. */
#include "cmd.h"
#include "../model/case.h"
#include "../transform/merge.h"
#include "../util/outfile.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: cspr merge [-q] [--key-only] [--gap-days N] [-o FILE] CASE\n"
    "  -o FILE         write to FILE instead of standard output\n"
    "  --key-only      leave out background events\n"
    "  --gap-days N    report periods over N days with no contact (28)\n";

int
cmd_merge(int argc, char **argv, struct diag_ctx *dg)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "key-only", no_argument, NULL, 'k' },
		{ "gap-days", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct merge_opts mo = { 0, MERGE_GAP_DAYS };
	struct kase *k = NULL;
	struct chronology *ch = NULL;
	const char *outpath = NULL;
	char *xml = NULL;
	int c, rc = EXIT_USAGE;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qo:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': dg->quiet_warnings = 1; break;
		case 'k': mo.key_only = 1; break;
		case 'g':
			if ((mo.gap_days = cmd_gap_days(optarg, dg)) == -1)
				return EXIT_USAGE;
			break;
		case 'o': outpath = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if ((rc = cmd_load_case(argv[optind], &k, dg)) != 0)
		goto out;
	ch = merge_case(k, &mo);
	rc = EXIT_SOFTWARE;
	if ((xml = chronology_xml(ch)) == NULL) {
		diag(dg, DIAG_ERROR, NULL, "cannot write the chronology XML");
		goto out;
	}
	rc = EXIT_CANTCREAT;
	if (outpath == NULL) {
		if (fputs(xml, stdout) == EOF || fflush(stdout) == EOF) {
			diag(dg, DIAG_ERROR, NULL, "cannot write to standard "
			    "output");
			goto out;
		}
	} else {
		if (outfile_write(outpath, xml, strlen(xml), dg) == -1)
			goto out;
	}
	rc = EXIT_OK;
out:
	cmd_summary(dg);
	free(xml);
	chronology_free(ch);
	case_free(k);
	return rc;
}
