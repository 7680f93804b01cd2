/* `cspr sample`: renders the every-feature sample document, for testing the backends. */
#include "cmd.h"
#include "../doc/doc_sample.h"
#include "format.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/outfile.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: cspr sample [--templates DIR] [--dump] docx|pdf -o FILE\n";

int
cmd_sample(int argc, char **argv, struct diag_ctx *dg)
{
	static const struct option longopts[] = {
		{ "templates", required_argument, NULL, 't' },
		{ "dump", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct style st;
	struct outfile of = { NULL, NULL };
	struct doc *d = NULL;
	struct buf conf = BUF_INIT;
	const char *outpath = NULL, *topt = NULL;
	char *tdir = NULL, *logo = NULL;
	char *names;
	int fmt;
	int c, dump = 0, rc = EXIT_USAGE, haveSt = 0;

	memset(&st, 0, sizeof(st));
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': outpath = optarg; break;
		case 't': topt = optarg; break;
		case 'd': dump = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	tdir = cmd_templates_dir(topt);
	if (cmd_logo(tdir, &logo, dg) == -1) {
		rc = EXIT_DATAERR;
		goto out;
	}
	d = doc_sample(logo);
	if (dump) {
		doc_dump(stdout, d);
		rc = EXIT_OK;
		goto out;
	}
	if (optind != argc - 1 || outpath == NULL) {
		fputs(usage, stderr);
		goto out;
	}
	if ((fmt = format_index(argv[optind])) == -1) {
		names = format_names();
		diag(dg, DIAG_ERROR, NULL, "unknown format '%s' (valid: %s)",
		    argv[optind], names);
		free(names);
		goto out;
	}
	buf_printf(&conf, "%s/style.conf", tdir);
	rc = EXIT_DATAERR;
	haveSt = 1;
	if (style_load(&st, conf.data, dg) == -1)
		goto out;
	rc = EXIT_CANTCREAT;
	if (outfile_begin(&of, outpath, dg) == -1)
		goto out;
	if (render(cmd_formats[fmt].render, d, &st, of.tmp, dg) == -1) {
		outfile_abort(&of);
		rc = EXIT_SOFTWARE;
		goto out;
	}
	if (outfile_commit(&of, dg) == -1)
		goto out;
	rc = EXIT_OK;
out:
	if (haveSt)
		style_free(&st);
	buf_free(&conf);
	free(tdir);
	free(logo);
	doc_free(d);
	return rc;
}
