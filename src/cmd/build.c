/* `cspr build`: renders every document of one or more cases into OUTDIR, redoing only what changed. */
#include "build.h"
#include "commit.h"
#include "../doc/documents.h"
#include "../model/case.h"
#include "format.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/hash.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

static const char usage[] =
    "usage: cspr build [-q] [-o OUTDIR] [--templates DIR] [--style FILE]\n"
    "                  [--format FMT]\n"
    "                  [--key-only] [--gap-days N] [--timings]\n"
    "                  [--audience internal|publication] [--document NAME]\n"
    "                  [--accept-residual] [--strict]\n"
    "                  [--dictionary FILE] [--jobs N] [--force] CASE...\n"
    "       cspr build --list-documents\n"
    "  -o OUTDIR        where to write (default out); files go in OUTDIR/<case-ref>/\n"
    "  --templates DIR  style and template folder\n"
    "  --style FILE     style settings instead of DIR/style.conf (as\n"
    "                   templates/style-large-print.conf, for large print)\n"
    "  --format FMT     docx, pdf or all (default all)\n"
    "  --key-only       leave out background events\n"
    "  --gap-days N     report periods over N days with no contact (28)\n"
    "  --timings        note the time each stage takes, and peak memory\n"
    "  --audience AUD   internal (drafts, the default) or publication\n"
    "                   (anonymised, read back by the gate; written to\n"
    "                   OUTDIR/<published name> (publication)/)\n"
    "  --document NAME  only this document (again for more; 'all' for\n"
    "                   every one): a publication builds only the\n"
    "                   documents its templates say are for the public\n"
    "                   unless they are named\n"
    "  --accept-residual publication: publish although the residual-risk\n"
    "                   report has entries that must be decided\n"
    "  --strict         publication: fail if the residual-risk report\n"
    "                   lists anything undecided at all\n"
    "  --dictionary F   publication: common words, one a line\n"
    "                   (/usr/share/dict/british-english)\n"
    "  -j, --jobs N     build N cases at a time (default 1)\n"
    "  --force          rebuild every document, changed or not\n"
    "  --list-documents print the documents' names, one a line, in order\n";

/* What one case's build sends back from a worker process. */
struct record {
	size_t		 idx;
	struct bresult	 res;
	unsigned	 nerrors, nwarnings;
};

/*
 * Everything an output depends on besides its case: this binary, the
 * options that change output, the template folder, the dictionary and
 * the mutation switch. A change in any of them rebuilds everything.
 */
static int
env_hash(struct build *b, struct diag_ctx *dg)
{
	struct hash h;
	const char *off = getenv("CSPR_ANON_OFF");

	hash_init(&h);
	hash_str(&h, "cspr-build 1");
	if (hash_file(&h, "/proc/self/exe") == -1)
		hash_str(&h, "binary unknown");
	hash_u64(&h, b->fmts);
	hash_u64(&h, (uint64_t)b->mo.key_only);
	hash_u64(&h, (uint64_t)b->mo.gap_days);
	hash_u64(&h, (uint64_t)b->publication);
	hash_u64(&h, (uint64_t)b->named);
	hash_u64(&h, (uint64_t)b->strict);
	hash_u64(&h, (uint64_t)b->accept);
	hash_str(&h, off);
	hash_str(&h, b->style);
	if (b->style != NULL && hash_file(&h, b->style) == -1)
		hash_str(&h, "style unreadable");
	if (stamp_tree(&h, b->tdir) == -1) {
		diag_at(dg, DIAG_ERROR, b->tdir, 0, 0, "cannot read the template "
		    "folder: %s", strerror(errno));
		return -1;
	}
	if (b->publication) {
		hash_str(&h, b->dict);
		if (hash_file(&h, b->dict != NULL ? b->dict :
		    "/usr/share/dict/british-english") == -1)
			hash_str(&h, "no dictionary");
	}
	hash_hex(&h, b->env);
	return 0;
}

/*
 * A publication build: every document of every case to build must have
 * its required content. Lists what is missing; EXIT_OK only if a
 * publication can be made.
 */
static int
publication_ready(struct build *b, struct bcase *cs, size_t n,
    struct diag_ctx *dg)
{
	struct strlist missing = { NULL, 0, 0 };
	struct chronology *ch;
	struct doc *d;
	size_t c, i, j;
	int rc = EXIT_OK;

	for (c = 0; c < n; c++) {
		if (cs[c].k == NULL)
			continue;
		ch = merge_case(cs[c].k, &b->mo);
		for (i = 0; i < CMD_NDOCS; i++) {
			if (!(b->docs & (1u << i)))
				continue;
			strlist_free(&missing);
			if ((d = docset_build(&b->ds, i, cs[c].k, ch, 1,
			    &missing, dg)) == NULL) {
				rc = EXIT_DATAERR;
				continue;
			}
			doc_free(d);
			for (j = 0; j < missing.n; j++) {
				diag(dg, DIAG_ERROR, &cs[c].k->pos, "%s: "
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

/* Two cases of one publication batch with one published name would
 * share a folder: an error before anything is written. */
static int
same_pubnames(struct bcase *cs, size_t n, struct diag_ctx *dg)
{
	size_t i, j;
	int rc = EXIT_OK;

	for (i = 0; i < n; i++)
		for (j = 0; cs[i].k != NULL && j < i; j++)
			if (cs[j].k != NULL && strcasecmp(case_pubname(cs[i].k),
			    case_pubname(cs[j].k)) == 0) {
				diag(dg, DIAG_ERROR, &cs[i].k->pos, "its "
				    "published name is also %s's: give each "
				    "case its own <publication name=\"...\">",
				    cs[j].k->manifest);
				rc = EXIT_DATAERR;
			}
	return rc;
}

struct tally {
	size_t		 total, done;
	size_t		 cases_rebuilt, cases_unchanged, cases_failed;
	unsigned	 docs_rebuilt, docs_unchanged;
	int		 rc;
};

static void
tally(struct tally *t, const struct bcase *c, const struct bresult *r,
    struct diag_ctx *dg)
{
	t->done++;
	if (r->rc != EXIT_OK) {
		t->cases_failed++;
		if (t->rc == EXIT_OK)
			t->rc = r->rc;
	} else if (r->rebuilt == 0)
		t->cases_unchanged++;
	else {
		t->cases_rebuilt++;
		/* By the folder the user named: a publication's messages
		 * never repeat what the case holds. */
		diag(dg, DIAG_NOTE, NULL, "%s: %u document%s rebuilt, %u "
		    "unchanged", c->dir,
		    r->rebuilt, r->rebuilt == 1 ? "" : "s", r->unchanged);
	}
	t->docs_rebuilt += r->rebuilt;
	t->docs_unchanged += r->unchanged;
	if (t->total > 1)
		diag_progress(dg, "cspr: [%zu/%zu] %s", t->done, t->total,
		    c->dir);
}

/* Builds the cases to build, N at a time in worker processes: each
 * case is committed by the worker that built it. */
static void
run_workers(struct build *b, struct bcase *cs, size_t n, struct tally *t,
    struct diag_ctx *dg)
{
	pid_t *pids;
	struct record rec;
	size_t i, w, nw = (size_t)b->jobs;
	int fd[2], status;
	char *seen;

	if (pipe(fd) == -1) {
		diag(dg, DIAG_ERROR, NULL, "cannot start workers: %s",
		    strerror(errno));
		t->rc = EXIT_SOFTWARE;
		return;
	}
	pids = xcalloc(nw, sizeof(*pids));
	seen = xcalloc(n, 1);
	fflush(stdout);
	fflush(dg->out);
	for (w = 0; w < nw; w++) {
		if ((pids[w] = fork()) == -1) {
			diag(dg, DIAG_ERROR, NULL, "cannot start worker: %s",
			    strerror(errno));
			t->rc = EXIT_SOFTWARE;
			break;
		}
		if (pids[w] != 0)
			continue;
		close(fd[0]);
		for (i = w; i < n; i += nw) {
			unsigned e = dg->nerrors, v = dg->nwarnings;

			if (cs[i].unchanged || cs[i].k == NULL)
				continue;
			memset(&rec, 0, sizeof(rec));
			rec.idx = i;
			rec.res = build_case(b, &cs[i], dg);
			rec.nerrors = dg->nerrors - e;
			rec.nwarnings = dg->nwarnings - v;
			fflush(stdout);
			fflush(dg->out);
			if (write(fd[1], &rec, sizeof(rec)) != (ssize_t)sizeof(rec))
				_exit(EXIT_SOFTWARE);
		}
		fflush(stdout);
		_exit(0);
	}
	close(fd[1]);
	while (read(fd[0], &rec, sizeof(rec)) == (ssize_t)sizeof(rec) &&
	    rec.idx < n) {
		seen[rec.idx] = 1;
		dg->nerrors += rec.nerrors;
		dg->nwarnings += rec.nwarnings;
		tally(t, &cs[rec.idx], &rec.res, dg);
	}
	close(fd[0]);
	for (w = 0; w < nw; w++)
		if (pids[w] > 0)
			waitpid(pids[w], &status, 0);
	for (i = 0; i < n; i++)
		if (!cs[i].unchanged && cs[i].k != NULL && !seen[i]) {
			struct bresult r = { EXIT_SOFTWARE, 0, 0 };

			diag_at(dg, DIAG_ERROR, cs[i].dir, 0, 0, "its worker "
			    "stopped before finishing it; earlier outputs are "
			    "as they were");
			tally(t, &cs[i], &r, dg);
		}
	free(pids);
	free(seen);
}

static int
options(struct build *b, int argc, char **argv, const char **topt,
    struct diag_ctx *dg)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "templates", required_argument, NULL, 't' },
		{ "style", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "key-only", no_argument, NULL, 'k' },
		{ "gap-days", required_argument, NULL, 'g' },
		{ "timings", no_argument, NULL, 'T' },
		{ "audience", required_argument, NULL, 'a' },
		{ "strict", no_argument, NULL, 'S' },
		{ "document", required_argument, NULL, 'd' },
		{ "accept-residual", no_argument, NULL, 'A' },
		{ "dictionary", required_argument, NULL, 'D' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "force", no_argument, NULL, 'F' },
		{ "list-documents", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end, *names;
	int c, f;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qo:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': dg->quiet_warnings = 1; break;
		case 'o': b->outdir = optarg; break;
		case 't': *topt = optarg; break;
		case 'y': b->style = optarg; break;
		case 'k': b->mo.key_only = 1; break;
		case 'T': b->timings = 1; break;
		case 'S': b->strict = 1; break;
		case 'A': b->accept = 1; break;
		case 'd':
			if (strcmp(optarg, "all") == 0)
				b->named = (1u << CMD_NDOCS) - 1;
			else if ((c = docset_index(optarg)) >= 0)
				b->named |= 1u << c;
			else {
				char *l = cmd_docnames_list();

				diag(dg, DIAG_ERROR, NULL, "unknown document "
				    "'%s' (valid: %s, all)", optarg, l);
				free(l);
				return EXIT_USAGE;
			}
			break;
		case 'D': b->dict = optarg; break;
		case 'F': b->force = 1; break;
		case 'a':
			if ((b->publication = cmd_audience(optarg, dg)) == -1)
				return EXIT_USAGE;
			break;
		case 'j':
			errno = 0;
			b->jobs = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || b->jobs < 1 ||
			    b->jobs > 256) {
				diag(dg, DIAG_ERROR, NULL, "--jobs '%s': give a "
				    "number from 1 to 256", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'g':
			if ((b->mo.gap_days = cmd_gap_days(optarg, dg)) == -1)
				return EXIT_USAGE;
			break;
		case 'f':
			if (strcmp(optarg, "all") == 0)
				b->fmts = (1u << CMD_NFORMATS) - 1;
			else if ((f = format_index(optarg)) >= 0)
				b->fmts = 1u << f;
			else {
				names = format_names();
				diag(dg, DIAG_ERROR, NULL, "unknown format '%s' "
				    "(valid: %s, all)", optarg, names);
				free(names);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage, stdout); return -1;
		case 'L':
			for (f = 0; f < CMD_NDOCS; f++)
				puts(cmd_docnames[f]);
			return -1;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int
cmd_build(int argc, char **argv, struct diag_ctx *dg)
{
	struct build b;
	struct bcase *cs = NULL;
	struct tally t;
	struct buf conf = BUF_INIT, kind = BUF_INIT;
	const char *topt = NULL;
	sigset_t stops, oldmask;
	size_t i, j, n = 0, nbuild = 0;
	int r, rc, have_style = 0;

	memset(&b, 0, sizeof(b));
	memset(&t, 0, sizeof(t));
	b.outdir = "out";
	b.fmts = (1u << CMD_NFORMATS) - 1;
	b.mo.gap_days = MERGE_GAP_DAYS;
	b.jobs = 1;
	if ((rc = options(&b, argc, argv, &topt, dg)) != EXIT_OK)
		return rc == -1 ? EXIT_OK : rc;
	/*
	 * An interrupt or a termination waits for a point where nothing is
	 * half written (build_stopping): the case being built is dropped,
	 * its staged files removed, and cspr then dies of the signal, as
	 * the shell expects. No handler, so nothing to keep in a global.
	 */
	sigemptyset(&stops);
	sigaddset(&stops, SIGINT);
	sigaddset(&stops, SIGTERM);
	sigaddset(&stops, SIGHUP);
	sigprocmask(SIG_BLOCK, &stops, &oldmask);
	clock_gettime(CLOCK_MONOTONIC, &b.lap);
	b.tdir = cmd_templates_dir(topt);
	if (env_hash(&b, dg) == -1) {
		rc = EXIT_NOINPUT;
		goto out;
	}
	buf_printf(&kind, "%s %u %u", b.publication ? "publication" :
	    "internal", b.fmts, b.named);

	/* Which cases changed since their stamps; the others are not even
	 * read. Every case to build is read and checked before anything is
	 * written. */
	n = (size_t)(argc - optind);
	cs = xcalloc(n, sizeof(*cs));
	for (i = 0; i < n; i++) {
		struct bcase *c = &cs[i];

		c->dir = argv[optind + (int)i];
		c->stamp = stamp_path(b.outdir, c->dir, kind.data);
		c->have_old = stamp_read(c->stamp, &c->old) == 0;
		/* Unreadable: an empty hash, which no stamp matches; the
		 * load below reports what cannot be read. */
		if (stamp_case_input(c->dir, b.env, c->input) == -1)
			memset(c->input, 0, sizeof(c->input));
		if (!b.force && c->have_old && c->input[0] != '\0' &&
		    strcmp(c->input, c->old.input) == 0 &&
		    stamp_outputs_ok(b.outdir, &c->old)) {
			c->unchanged = 1;
			continue;
		}
		r = cmd_load_case(c->dir, &c->k, dg);
		if (r == EXIT_OK) {
			char after[HASH_HEX];

			/* The stamp must say what was read: if the files
			 * changed while they were, it says nothing, and the
			 * next build builds again. */
			if (c->input[0] != '\0' && (stamp_case_input(c->dir,
			    b.env, after) == -1 || strcmp(after, c->input) !=
			    0)) {
				diag_at(dg, DIAG_WARNING, c->dir, 0, 0, "its files "
				    "changed while cspr read them: built from "
				    "what was read, and built again next time");
				memset(c->input, 0, sizeof(c->input));
			}
			build_lap(&b, "read and checked", c->dir, dg);
			nbuild++;
		} else if (r == EXIT_NOINPUT || rc == EXIT_OK)
			rc = r;
	}
	if (rc != EXIT_OK)
		goto out;
	/* Two cases with one reference would write over each other. */
	for (i = 0; i < n; i++)
		for (j = 0; cs[i].k != NULL && j < i; j++)
			if (cs[j].k != NULL && strcmp(cs[i].k->ref,
			    cs[j].k->ref) == 0) {
				diag(dg, DIAG_ERROR, &cs[i].k->pos, "case "
				    "reference '%s' is also the reference of %s: "
				    "each case needs its own", cs[i].k->ref,
				    cs[j].k->manifest);
				rc = EXIT_DATAERR;
			}
	if (rc != EXIT_OK)
		goto out;
	t.total = n;
	t.cases_unchanged = 0;
	if (nbuild > 0) {
		if (b.style != NULL)
			buf_puts(&conf, b.style);
		else
			buf_printf(&conf, "%s/style.conf", b.tdir);
		have_style = 1;
		if (style_load(&b.st, conf.data, dg) == -1 ||
		    docset_load(&b.ds, b.tdir, dg) == -1) {
			rc = EXIT_DATAERR;
			goto out;
		}
		b.docs = b.named != 0 ? b.named : docset_audience(&b.ds,
		    b.publication);
		if (b.docs == 0) {
			diag_at(dg, DIAG_ERROR, b.tdir, 0, 0, "no template says "
			    "its document is for %s: add 'audience %s' to one, "
			    "or name documents with --document",
			    b.publication ? "publication" : "internal use",
			    b.publication ? "internal publication" : "internal");
			rc = EXIT_DATAERR;
			goto out;
		}
		if (b.publication && (rc = same_pubnames(cs, n, dg)) != EXIT_OK)
			goto out;
		if (b.publication && (rc = publication_ready(&b, cs, n, dg)) !=
		    EXIT_OK)
			goto out;
	}
	/* From here on files are written: one build at a time in the
	 * folder, which then holds no other build's leftovers. */
	if ((nbuild > 0 || access(b.outdir, F_OK) == 0) &&
	    outdir_lock(b.outdir, dg) == -1) {
		rc = EXIT_CANTCREAT;
		goto out;
	}
	stage_sweep(b.outdir);
	for (i = 0; i < n; i++)
		if (cs[i].unchanged) {
			struct bresult same = { EXIT_OK, 0, CMD_NDOCS };
			struct buf dir = BUF_INIT;

			buf_printf(&dir, "%s/%s", b.outdir, cs[i].old.folder);
			build_sweep(dir.data);
			buf_free(&dir);
			tally(&t, &cs[i], &same, dg);
		}
	if (b.jobs > 1 && nbuild > 1)
		run_workers(&b, cs, n, &t, dg);
	else
		for (i = 0; i < n; i++) {
			struct bresult res;

			if (cs[i].unchanged || cs[i].k == NULL)
				continue;
			if (build_stopping())
				break;
			res = build_case(&b, &cs[i], dg);
			tally(&t, &cs[i], &res, dg);
		}
	diag_progress(dg, NULL);
	rc = t.rc;
	if (n > 1 || t.docs_rebuilt == 0)
		diag(dg, DIAG_NOTE, NULL, "%zu case%s: %zu rebuilt (%u "
		    "document%s), %zu unchanged%s", n, n == 1 ? "" : "s",
		    t.cases_rebuilt, t.docs_rebuilt, t.docs_rebuilt == 1 ? "" :
		    "s", t.cases_unchanged, t.cases_failed ? ", some failed" :
		    "");
out:
	for (i = 0; i < n; i++) {
		case_free(cs[i].k);
		free(cs[i].stamp);
	}
	free(cs);
	if (have_style)
		style_free(&b.st);
	buf_free(&conf);
	buf_free(&kind);
	free(b.tdir);
	docset_free(&b.ds);
	if (build_stopping()) {
		diag(dg, DIAG_ERROR, NULL, "stopped by a signal: the case it was "
		    "building is as it was before");
		fflush(stdout);
		fflush(dg->out);
	}
	cmd_summary(dg);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);	/* a pending one kills */
	return rc;
}
