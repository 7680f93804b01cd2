/* `cspr build`: renders every document of one or more cases into OUTDIR/<case-ref>/. */
#include "cmd.h"
#include "../doc/documents.h"
#include "../model/case.h"
#include "../render/render.h"
#include "../transform/merge.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/outfile.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char usage[] =
    "usage: cspr build [-q] [-o OUTDIR] [--templates DIR] [--format FMT]\n"
    "                  [--key-only] [--gap-days N] [--timings]\n"
    "                  [--audience internal|publication] CASE...\n"
    "  -o OUTDIR        where to write (default out); files go in OUTDIR/<case-ref>/\n"
    "  --templates DIR  style and template folder\n"
    "  --format FMT     docx, pdf or all (default all)\n"
    "  --key-only       leave out background events\n"
    "  --gap-days N     report periods over N days with no contact (28)\n"
    "  --timings        note the time each stage takes, and peak memory\n"
    "  --audience AUD   internal (drafts, the default) or publication\n";

struct job {
	struct outfile	 of;
	char		*shown;		/* final path, for the report */
};

struct build {
	struct kase	**cases;
	size_t		  ncases;
	struct job	 *jobs;
	size_t		  njobs, jobcap;
	int		  timings;	/* --timings */
	struct timespec	  lap;		/* when the last stage ended */
};

/* With --timings, notes how long the stage that just ended took. */
static void
lap(struct build *b, const char *what, const char *name, struct diag_ctx *dg)
{
	struct timespec now;
	struct rusage ru;

	if (!b->timings)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	getrusage(RUSAGE_SELF, &ru);
	diag_at(dg, DIAG_NOTE, name, 0, 0, "%s: %.3f s (peak memory so far "
	    "%ld MiB)", what, (double)(now.tv_sec - b->lap.tv_sec) +
	    (double)(now.tv_nsec - b->lap.tv_nsec) / 1e9, ru.ru_maxrss / 1024);
	b->lap = now;
}

/* Renders one document in every format to temporary files: an exit
 * status (EXIT_CANTCREAT if an output cannot be created). */
static int
render_doc(struct build *b, const struct doc *d, const char *dir,
    const char *name, const unsigned fmts, const struct style *st,
    struct diag_ctx *dg)
{
	static const enum render_format all[] = { FORMAT_DOCX, FORMAT_PDF };
	struct buf path = BUF_INIT;
	struct job *j;
	size_t i;
	int rc = EXIT_CANTCREAT;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		if (!(fmts & (1u << all[i])))
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s.%s", dir, name, render_ext(all[i]));
		b->jobs = xgrow(b->jobs, &b->jobcap, b->njobs, sizeof(*b->jobs));
		j = &b->jobs[b->njobs];
		memset(j, 0, sizeof(*j));
		if (outfile_begin(&j->of, path.data, dg) == -1)
			goto out;
		b->njobs++;
		j->shown = xstrdup(path.data);
		if (render(all[i], d, st, j->of.tmp, dg) == -1) {
			rc = EXIT_SOFTWARE;
			goto out;
		}
		lap(b, "rendered", j->shown, dg);
	}
	rc = EXIT_OK;
out:
	buf_free(&path);
	return rc;
}

/* Every document of case k, each built, rendered and freed in turn. */
static int
render_case(struct build *b, const struct kase *k, const char *outdir,
    unsigned fmts, const struct merge_opts *mo, const struct style *st,
    const struct docset *ds, struct diag_ctx *dg)
{
	struct chronology *ch = NULL;
	struct doc *d = NULL;
	struct buf dir = BUF_INIT, what = BUF_INIT;
	struct strlist missing = { NULL, 0, 0 };
	size_t i, j;
	int rc = EXIT_CANTCREAT;

	buf_printf(&dir, "%s/%s", outdir, k->ref);
	if (mkdirs(dir.data, dg) == -1)
		goto out;
	ch = merge_case(k, mo);
	lap(b, "merged", k->manifest, dg);
	for (i = 0; i < CMD_NDOCS; i++) {
		strlist_free(&missing);
		if ((d = docset_build(ds, i, k, ch, &missing, dg)) == NULL) {
			rc = EXIT_DATAERR;
			goto out;
		}
		for (j = 0; j < missing.n; j++)
			diag(dg, DIAG_NOTE, NULL, "%s: %s: to be completed: %s",
			    k->ref, cmd_docnames[i], missing.v[j]);
		buf_reset(&what);
		buf_printf(&what, "%s built", cmd_docnames[i]);
		lap(b, what.data, k->manifest, dg);
		rc = render_doc(b, d, dir.data, cmd_docnames[i], fmts, st, dg);
		doc_free(d);
		d = NULL;
		if (rc != EXIT_OK)
			goto out;
	}
out:
	doc_free(d);
	chronology_free(ch);
	buf_free(&dir);
	buf_free(&what);
	strlist_free(&missing);
	return rc;
}

/*
 * A publication build: every document of every case must have its
 * required content, and published text must pass the anonymiser. Lists
 * what is missing; EXIT_OK only if a publication can be made.
 */
static int
publication_ready(struct build *b, const struct merge_opts *mo,
    const struct docset *ds, struct diag_ctx *dg)
{
	struct strlist missing = { NULL, 0, 0 };
	struct chronology *ch;
	struct doc *d;
	size_t c, i, j;
	int rc = EXIT_OK;

	for (c = 0; c < b->ncases; c++) {
		ch = merge_case(b->cases[c], mo);
		for (i = 0; i < CMD_NDOCS; i++) {
			strlist_free(&missing);
			if ((d = docset_build(ds, i, b->cases[c], ch, &missing,
			    dg)) == NULL) {
				rc = EXIT_DATAERR;
				continue;
			}
			doc_free(d);
			for (j = 0; j < missing.n; j++) {
				diag(dg, DIAG_ERROR, &b->cases[c]->pos, "%s: "
				    "required for publication: %s",
				    cmd_docnames[i], missing.v[j]);
				rc = EXIT_DATAERR;
			}
		}
		chronology_free(ch);
	}
	strlist_free(&missing);
	if (rc != EXIT_OK)
		return rc;
	/* Never publish what has not been anonymised. */
	diag(dg, DIAG_ERROR, NULL, "--audience publication: this version of "
	    "cspr cannot anonymise documents yet, so it writes no "
	    "publication output (use --audience internal for drafts)");
	return EXIT_DATAERR;
}

int
cmd_build(int argc, char **argv, struct diag_ctx *dg)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "templates", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "key-only", no_argument, NULL, 'k' },
		{ "gap-days", required_argument, NULL, 'g' },
		{ "timings", no_argument, NULL, 'T' },
		{ "audience", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct merge_opts mo = { 0, MERGE_GAP_DAYS };
	struct build b;
	struct docset ds;
	struct style st;
	struct buf conf = BUF_INIT;
	const char *outdir = "out", *topt = NULL;
	char *tdir = NULL;
	unsigned fmts = (1u << FORMAT_DOCX) | (1u << FORMAT_PDF);
	size_t i;
	int c, r, rc = EXIT_USAGE, have_style = 0, publication = 0;

	memset(&b, 0, sizeof(b));
	memset(&ds, 0, sizeof(ds));
	optind = 1;
	while ((c = getopt_long(argc, argv, "qo:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': dg->quiet_warnings = 1; break;
		case 'o': outdir = optarg; break;
		case 't': topt = optarg; break;
		case 'k': mo.key_only = 1; break;
		case 'T': b.timings = 1; break;
		case 'a':
			if (strcmp(optarg, "internal") == 0)
				publication = 0;
			else if (strcmp(optarg, "publication") == 0)
				publication = 1;
			else {
				diag(dg, DIAG_ERROR, NULL, "unknown audience "
				    "'%s' (valid: internal, publication)",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		case 'g':
			if ((mo.gap_days = cmd_gap_days(optarg, dg)) == -1)
				return EXIT_USAGE;
			break;
		case 'f':
			if (strcmp(optarg, "docx") == 0)
				fmts = 1u << FORMAT_DOCX;
			else if (strcmp(optarg, "pdf") == 0)
				fmts = 1u << FORMAT_PDF;
			else if (strcmp(optarg, "all") == 0)
				fmts = (1u << FORMAT_DOCX) | (1u << FORMAT_PDF);
			else {
				diag(dg, DIAG_ERROR, NULL, "unknown format '%s' "
				    "(valid: docx, pdf, all)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}

	/* Every case is read and checked before anything is written. */
	rc = EXIT_OK;
	clock_gettime(CLOCK_MONOTONIC, &b.lap);
	b.cases = xcalloc((size_t)(argc - optind), sizeof(*b.cases));
	for (i = 0; i < (size_t)(argc - optind); i++) {
		r = cmd_load_case(argv[optind + (int)i], &b.cases[b.ncases], dg);
		if (r == EXIT_OK) {
			lap(&b, "read and checked", argv[optind + (int)i], dg);
			b.ncases++;
		}
		else if (r == EXIT_NOINPUT || rc == EXIT_OK)
			rc = r;
	}
	if (rc != EXIT_OK)
		goto out;
	/* Two cases with one reference would write over each other. */
	for (i = 0; i < b.ncases; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(b.cases[i]->ref, b.cases[j]->ref) == 0) {
				diag(dg, DIAG_ERROR, &b.cases[i]->pos, "case "
				    "reference '%s' is also the reference of %s: "
				    "each case needs its own", b.cases[i]->ref,
				    b.cases[j]->manifest);
				rc = EXIT_DATAERR;
			}
	if (rc != EXIT_OK)
		goto out;
	tdir = cmd_templates_dir(topt);
	buf_printf(&conf, "%s/style.conf", tdir);
	have_style = 1;
	if (style_load(&st, conf.data, dg) == -1 ||
	    docset_load(&ds, tdir, dg) == -1) {
		rc = EXIT_DATAERR;
		goto out;
	}
	if (publication && (rc = publication_ready(&b, &mo, &ds, dg)) !=
	    EXIT_OK)
		goto out;
	for (i = 0; i < b.ncases; i++)
		if ((rc = render_case(&b, b.cases[i], outdir, fmts, &mo, &st,
		    &ds, dg)) != EXIT_OK)
			goto out;
	/* All rendered: only now replace earlier outputs. */
	for (i = 0; i < b.njobs; i++) {
		if (outfile_commit(&b.jobs[i].of, dg) == -1) {
			rc = EXIT_CANTCREAT;
			goto out;
		}
		printf("%s\n", b.jobs[i].shown);
	}
out:
	for (i = 0; i < b.njobs; i++) {
		outfile_abort(&b.jobs[i].of);
		free(b.jobs[i].shown);
	}
	free(b.jobs);
	for (i = 0; i < b.ncases; i++)
		case_free(b.cases[i]);
	free(b.cases);
	if (have_style)
		style_free(&st);
	buf_free(&conf);
	free(tdir);
	docset_free(&ds);
	cmd_summary(dg);
	return rc;
}
