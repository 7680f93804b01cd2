/* `cspr build`: renders every document of one or more cases into OUTDIR/<case-ref>/. */
#include "cmd.h"
#include "../doc/documents.h"
#include "../model/case.h"
#include "../render/render.h"
#include "../check/gate.h"
#include "../transform/anon_doc.h"
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
    "                  [--audience internal|publication] [--strict]\n"
    "                  [--dictionary FILE] CASE...\n"
    "  -o OUTDIR        where to write (default out); files go in OUTDIR/<case-ref>/\n"
    "  --templates DIR  style and template folder\n"
    "  --format FMT     docx, pdf or all (default all)\n"
    "  --key-only       leave out background events\n"
    "  --gap-days N     report periods over N days with no contact (28)\n"
    "  --timings        note the time each stage takes, and peak memory\n"
    "  --audience AUD   internal (drafts, the default) or publication\n"
    "                   (anonymised, read back by the gate; written to\n"
    "                   OUTDIR/<case-ref>-publication/)\n"
    "  --strict         publication: fail if the residual-risk report\n"
    "                   lists anything undecided\n"
    "  --dictionary F   publication: common words, one a line\n"
    "                   (/usr/share/dict/british-english)\n";

struct job {
	struct outfile	 of;
	char		*shown;		/* final path, for the report */
	int		 pdf;		/* FORMAT_PDF */
};

struct build {
	struct kase	**cases;
	size_t		  ncases;
	struct job	 *jobs;
	size_t		  njobs, jobcap;
	int		  timings;	/* --timings */
	int		  publication;	/* --audience publication */
	int		  strict;	/* --strict */
	const char	 *dict;		/* --dictionary */
	const char	 *tdir;		/* the template folder */
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
		j->pdf = all[i] == FORMAT_PDF;
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

/* A file or folder name from text: what the anonymiser left of it, with
 * anything but letters, digits, '.', '_' and '-' as '-'. */
static char *
safe_name(const struct anon *a, const char *text)
{
	char *s = anon_string(a, text), *p;

	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-'))
			*p = '-';
	return s;
}

/*
 * Every document of case k, each built, rendered and freed in turn. A
 * publication build anonymises each tree, reads back every file it
 * rendered (the gate), and writes the residual-risk report beside the
 * outputs.
 */
static int
render_case(struct build *b, const struct kase *k, const char *outdir,
    unsigned fmts, const struct merge_opts *mo, const struct style *st,
    const struct docset *ds, struct diag_ctx *dg)
{
	struct chronology *ch = NULL;
	struct doc *d = NULL;
	struct anon *a = NULL, *gate = NULL;
	struct residual *r = NULL;
	struct buf dir = BUF_INIT, what = BUF_INIT;
	struct strlist missing = { NULL, 0, 0 };
	char *folder = NULL;
	size_t i, j, first;
	int rc = EXIT_CANTCREAT, hits = 0, n;

	if (b->publication) {
		if ((a = cmd_anon(k, b->tdir, b->dict, 0, dg)) == NULL ||
		    (getenv("CSPR_ANON_OFF") != NULL && (gate = cmd_anon(k,
		    b->tdir, b->dict, 1, dg)) == NULL)) {
			rc = EXIT_DATAERR;
			goto out;
		}
		r = residual_new();
		folder = safe_name(a, k->ref);
		buf_printf(&dir, "%s/%s-publication", outdir, folder);
		lap(b, "anonymiser ready", k->manifest, dg);
	} else
		buf_printf(&dir, "%s/%s", outdir, k->ref);
	if (mkdirs(dir.data, dg) == -1)
		goto out;
	ch = merge_case(k, mo);
	lap(b, "merged", k->manifest, dg);
	for (i = 0; i < CMD_NDOCS; i++) {
		strlist_free(&missing);
		if ((d = docset_build(ds, i, k, ch, !b->publication, &missing,
		    dg)) == NULL) {
			rc = EXIT_DATAERR;
			goto out;
		}
		for (j = 0; j < missing.n; j++)
			diag(dg, DIAG_NOTE, NULL, "%s: %s: to be completed: %s",
			    k->ref, cmd_docnames[i], missing.v[j]);
		buf_reset(&what);
		buf_printf(&what, "%s built", cmd_docnames[i]);
		lap(b, what.data, k->manifest, dg);
		if (b->publication) {
			cmd_publish_doc(a, d, r, cmd_docnames[i]);
			buf_reset(&what);
			buf_printf(&what, "%s anonymised", cmd_docnames[i]);
			lap(b, what.data, k->manifest, dg);
		}
		first = b->njobs;
		rc = render_doc(b, d, dir.data, cmd_docnames[i], fmts, st, dg);
		doc_free(d);
		d = NULL;
		if (rc != EXIT_OK)
			goto out;
		/* The gate: every file read back before any is kept. */
		for (j = first; b->publication && j < b->njobs; j++) {
			if ((n = gate_check(gate ? gate : a, b->jobs[j].of.tmp,
			    b->jobs[j].shown, b->jobs[j].pdf, dg)) != 0)
				hits += n < 0 ? 1 : n;
			lap(b, "read back by the gate", b->jobs[j].shown, dg);
		}
	}
	rc = EXIT_OK;
	if (b->publication) {
		buf_reset(&what);
		buf_printf(&what, "%s/%s-publication.residual-risk.txt", outdir,
		    folder);
		if (residual_write(r, gate ? gate : a, what.data, folder,
		    dg) == -1) {
			rc = EXIT_CANTCREAT;
			goto out;
		}
		diag(dg, DIAG_NOTE, NULL, "%s: residual-risk report (%zu "
		    "undecided): %s", folder, residual_count(r), what.data);
		if (hits > 0) {
			diag(dg, DIAG_ERROR, NULL, "%s: the publication gate found "
			    "%d leak%s: no publication output written", folder,
			    hits, hits == 1 ? "" : "s");
			rc = EXIT_DATAERR;
		} else if (b->strict && residual_count(r) > 0) {
			diag(dg, DIAG_ERROR, NULL, "%s: --strict: %zu undecided "
			    "entr%s in the residual-risk report: no publication "
			    "output written", folder, residual_count(r),
			    residual_count(r) == 1 ? "y" : "ies");
			rc = EXIT_DATAERR;
		}
	}
out:
	doc_free(d);
	chronology_free(ch);
	anon_free(a);
	anon_free(gate);
	residual_free(r);
	free(folder);
	buf_free(&dir);
	buf_free(&what);
	strlist_free(&missing);
	return rc;
}

/*
 * A publication build: every document of every case must have its
 * required content. Lists what is missing; EXIT_OK only if a
 * publication can be made.
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
			if ((d = docset_build(ds, i, b->cases[c], ch, 0,
			    &missing, dg)) == NULL) {
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
	return rc;
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
		{ "strict", no_argument, NULL, 'S' },
		{ "dictionary", required_argument, NULL, 'D' },
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
			if ((publication = cmd_audience(optarg, dg)) == -1)
				return EXIT_USAGE;
			break;
		case 'S': b.strict = 1; break;
		case 'D': b.dict = optarg; break;
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
	b.tdir = tdir;
	b.publication = publication;
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
