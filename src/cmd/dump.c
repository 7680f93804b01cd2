/* `cspr dump`: the case model, the merged chronology or the document tree as indented text. */
#include "cmd.h"
#include "../anon/anon_doc.h"
#include "../doc/documents.h"
#include "../model/case.h"
#include "../transform/merge.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: cspr dump [-q] [--stage case|merge|doc] [--document NAME]\n"
    "                 [--templates DIR] [--key-only] [--gap-days N]\n"
    "                 [--audience internal|publication] CASE\n"
    "  --document NAME  with --stage doc: rapid-review-report, learning-brief,\n"
    "                   seven-minute-briefing, scoping-composite or\n"
    "                   integrated-chronology (the default)\n"
    "  --audience AUD   with --stage doc: the tree as that audience gets it\n"
    "                   (publication: anonymised)\n";

int
cmd_dump(int argc, char **argv, struct diag_ctx *dg)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "stage", required_argument, NULL, 's' },
		{ "key-only", no_argument, NULL, 'k' },
		{ "gap-days", required_argument, NULL, 'g' },
		{ "document", required_argument, NULL, 'd' },
		{ "templates", required_argument, NULL, 't' },
		{ "audience", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct merge_opts mo = { 0, MERGE_GAP_DAYS };
	struct kase *k = NULL;
	struct chronology *ch = NULL;
	struct doc *d = NULL;
	const char *stage = "case", *docname = "integrated-chronology";
	const char *topt = NULL;
	struct docset ds;
	struct anon *an = NULL;
	struct residual *r = NULL;
	int c, rc, di, publication = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': dg->quiet_warnings = 1; break;
		case 's': stage = optarg; break;
		case 'd': docname = optarg; break;
		case 't': topt = optarg; break;
		case 'a':
			if ((publication = cmd_audience(optarg, dg)) == -1)
				return EXIT_USAGE;
			break;
		case 'k': mo.key_only = 1; break;
		case 'g':
			if ((mo.gap_days = cmd_gap_days(optarg, dg)) == -1)
				return EXIT_USAGE;
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || (strcmp(stage, "case") != 0 &&
	    strcmp(stage, "merge") != 0 && strcmp(stage, "doc") != 0) ||
	    (di = docset_index(docname)) == -1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	memset(&ds, 0, sizeof(ds));
	if ((rc = cmd_load_case(argv[optind], &k, dg)) != 0)
		return rc;
	if (strcmp(stage, "case") == 0)
		case_dump(stdout, k);
	else {
		ch = merge_case(k, &mo);
		if (strcmp(stage, "merge") == 0)
			chronology_dump(stdout, ch);
		else {
			/* The tree as cspr build makes it, logo and all. */
			char *tdir = cmd_templates_dir(topt);

			if (docset_load(&ds, tdir, dg) == 0 &&
			    (!publication || (an = cmd_anon(k, tdir, NULL, 0,
			    dg)) != NULL) &&
			    (d = docset_build(&ds, (size_t)di, k, ch,
			    publication, NULL, dg)) != NULL) {
				if (publication) {
					r = residual_new();
					cmd_publish_doc(an, d, r, docname);
				}
				doc_dump(stdout, d);
			} else
				rc = EXIT_DATAERR;
			free(tdir);
		}
	}
	docset_free(&ds);
	anon_free(an);
	residual_free(r);
	doc_free(d);
	chronology_free(ch);
	case_free(k);
	return rc;
}
