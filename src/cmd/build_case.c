/* Building one case: each document's tree, anonymised for publication, rendered only if it changed, read back by the gate, committed together. */
#include "build.h"
#include "commit.h"
#include "../doc/documents.h"
#include "../model/case.h"
#include "format.h"
#include "../anon/anon_doc.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/outfile.h"

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>		/* malloc_trim */
#endif

struct job {
	struct outfile	 of;
	char		*shown;		/* final path, for the report */
	int		 fmt;		/* index in cmd_formats */
	size_t		 doc;		/* index in cmd_docnames */
};

struct jobs {
	struct job	*v;
	size_t		 n, cap;
};

static double
since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) +
	    (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The --timings note for a stage that took secs. */
static void
build_note(struct build *b, const char *what, const char *name, double secs,
    struct diag_ctx *dg)
{
	struct rusage ru;

	if (!b->timings)
		return;
	getrusage(RUSAGE_SELF, &ru);
	diag_at(dg, DIAG_NOTE, name, 0, 0, "%s: %.3f s (peak memory so far "
	    "%ld MiB)", what, secs, ru.ru_maxrss / 1024);
}

void
build_lap(struct build *b, const char *what, const char *name,
    struct diag_ctx *dg)
{
	build_note(b, what, name, since(&b->lap), dg);
	clock_gettime(CLOCK_MONOTONIC, &b->lap);
}

/*
 * Frees a case and its merged chronology. glibc keeps most of what is
 * freed for later mallocs, which the renderers' growing arrays do not
 * use: for a big case malloc_trim hands it back, so the biggest render
 * does not pile its memory on top of the case's. (For a small case a
 * trim costs more than it saves.)
 */
static void
release_case(struct kase *k, struct chronology *ch)
{
#ifdef __GLIBC__
	int trim = ch != NULL && ch->nrows >= 4096;
#endif

	chronology_free(ch);
	case_free(k);
#ifdef __GLIBC__
	if (trim)
		malloc_trim(0);
#endif
}

/* The hash a sealed tree is stamped with: the tree, and all it is
 * rendered with. */
static void
doc_stamp(const struct build *b, const struct doc *d, char out[HASH_HEX])
{
	struct hash h;

	hash_init(&h);
	hash_str(&h, b->env);
	hash_str(&h, d->digest);
	hash_hex(&h, out);
}

/* Renders document i in every format asked for, to temporary files. */
static int
render_doc(struct build *b, struct jobs *js, const struct doc *d,
    const char *dir, const char *final, size_t i, struct diag_ctx *dg)
{
	struct buf path = BUF_INIT;
	struct timespec t0;
	struct job *j;
	size_t f;
	int rc = EXIT_CANTCREAT;

	for (f = 0; f < CMD_NFORMATS; f++) {
		if (!(b->fmts & (1u << f)))
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s.%s", dir, cmd_docnames[i],
		    cmd_formats[f].ext);
		js->v = xgrow(js->v, &js->cap, js->n + 1, sizeof(*js->v));
		j = &js->v[js->n];
		memset(j, 0, sizeof(*j));
		if (outfile_begin(&j->of, path.data, dg) == -1)
			goto out;
		js->n++;
		buf_reset(&path);
		buf_printf(&path, "%s/%s.%s", final, cmd_docnames[i],
		    cmd_formats[f].ext);
		j->shown = xstrdup(path.data);
		j->fmt = (int)f;
		j->doc = i;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (render(cmd_formats[f].render, d, &b->st, j->of.tmp,
		    dg) == -1) {
			/* The backend named its temporary file. */
			diag_at(dg, DIAG_ERROR, j->shown, 0, 0,
			    "not written; an earlier version, if any, is as "
			    "it was");
			goto out;
		}
		build_note(b, "rendered", j->shown, since(&t0), dg);
	}
	clock_gettime(CLOCK_MONOTONIC, &b->lap);
	rc = EXIT_OK;
out:
	buf_free(&path);
	return rc;
}

/* A file or folder name from text: what the anonymiser left of it, with
 * anything but letters, digits, spaces, '.', '_' and '-' as '-' (and no
 * leading dot). */
static char *
safe_name(const struct anon *a, const char *text)
{
	char *s = anon_string(a, text), *p;

	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-' || *p == ' ') || (p == s && *p == '.'))
			*p = '-';
	return s;
}

/* The length of "<document>.<ext>" that name starts with, or 0. */
static size_t
document_prefix(const char *name)
{
	size_t i, f, n, e;

	for (i = 0; i < CMD_NDOCS; i++) {
		n = strlen(cmd_docnames[i]);
		if (strncmp(name, cmd_docnames[i], n) != 0 || name[n] != '.')
			continue;
		for (f = 0; f < CMD_NFORMATS; f++) {
			e = strlen(cmd_formats[f].ext);
			if (strncmp(name + n + 1, cmd_formats[f].ext, e) == 0 &&
			    (name[n + 1 + e] == '\0' || name[n + 1 + e] == '.'))
				return n + 1 + e;
		}
	}
	return 0;
}

/* Whether a name in a case's folder is one of its documents. */
static int
is_document(const char *name)
{
	size_t n = document_prefix(name);

	return n > 0 && name[n] == '\0';
}

/* Whether document i was rendered in format f this time. */
static int
written(const struct jobs *js, size_t i, int f)
{
	size_t j;

	for (j = 0; j < js->n; j++)
		if (js->v[j].doc == i && js->v[j].fmt == f)
			return 1;
	return 0;
}

/* The staged path of a file whose final path is shown. */
static const char *
staged(const struct stage *st, const char *shown, struct buf *b)
{
	const char *slash = strrchr(shown, '/');

	buf_reset(b);
	buf_printf(b, "%s/%s", st->dir, slash ? slash + 1 : shown);
	return b->data;
}

/* Removes what a killed build left in dir: our temporary files,
 * ".<document>.<ext>.XXXXXX" (and libzip's ".XXXXXX" after a DOCX's),
 * and nothing else. */
void
build_sweep(const char *dir)
{
	struct buf p = BUF_INIT;
	struct dirent *e;
	DIR *d;
	size_t n;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] != '.' ||
		    (n = document_prefix(e->d_name + 1)) == 0 ||
		    e->d_name[1 + n] != '.' ||
		    (strlen(e->d_name + 2 + n) != 6 &&
		    strlen(e->d_name + 2 + n) != 13))
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, e->d_name);
		unlink(p.data);
	}
	closedir(d);
	buf_free(&p);
}

/* Whether sig is pending and would stop cspr: not one its parent had
 * it ignore (a job in the background ignores interrupts). */
static int
stops(const sigset_t *pending, int sig)
{
	struct sigaction sa;

	return sigismember(pending, sig) == 1 &&
	    sigaction(sig, NULL, &sa) == 0 && sa.sa_handler != SIG_IGN;
}

int
build_stopping(void)
{
	sigset_t p;

	return sigpending(&p) == 0 && (stops(&p, SIGINT) ||
	    stops(&p, SIGTERM) || stops(&p, SIGHUP));
}

/* 1 if document i of the old stamp is still on disk, as it was built. */
static int
still_there(struct build *b, const struct stamp *s, size_t i)
{
	struct buf p = BUF_INIT;
	struct stat sb;
	size_t f;
	int ok = 1;

	for (f = 0; ok && f < CMD_NFORMATS; f++) {
		if (!(b->fmts & (1u << f)))
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s/%s.%s", b->outdir, s->folder,
		    cmd_docnames[i], cmd_formats[f].ext);
		ok = s->doc[i].size[f] >= 0 && stat(p.data, &sb) == 0 &&
		    (long long)sb.st_size == s->doc[i].size[f];
	}
	buf_free(&p);
	return ok;
}

/* One case's build as it goes: what each stage leaves the next. */
struct run {
	struct build	*b;
	struct bcase	*c;
	const struct kase *k;		/* c->k, until freed before the last
					 * render */
	struct chronology *ch;
	struct anon	*a;		/* publication: the anonymiser */
	struct anon	*gate;		/* its stand-in for the gate, if
					 * CSPR_ANON_OFF weakens it */
	struct residual	*r;
	char		*folder;	/* under OUTDIR */
	struct buf	 dir;		/* OUTDIR/folder */
	struct stage	 st;
	struct jobs	 js;
	struct stamp	 ns;
	int		 hits;		/* the gate's */
	struct bresult	 res;
};

/* The anonymiser (for publication), the folder, the staging folder and
 * the merged chronology. */
static int
run_open(struct run *u, struct diag_ctx *dg)
{
	struct build *b = u->b;
	struct buf name = BUF_INIT;

	if (b->publication) {
		if ((u->a = cmd_anon(u->k, b->tdir, b->dict, 0, dg)) == NULL ||
		    (getenv("CSPR_ANON_OFF") != NULL && (u->gate =
		    cmd_anon(u->k, b->tdir, b->dict, 1, dg)) == NULL))
			return EXIT_DATAERR;
		u->r = residual_new();
		/* Named by what the case publishes as, never by its
		 * reference, which may carry a family name; with a space,
		 * which no reference has, so that no draft's folder is ever
		 * a publication's. */
		u->folder = safe_name(u->a, case_pubname(u->k));
		buf_printf(&name, "%s (publication)", u->folder);
		free(u->folder);
		u->folder = buf_detach(&name);
		build_lap(b, "anonymiser ready", u->k->manifest, dg);
	} else
		u->folder = xstrdup(u->k->ref);
	snprintf(u->ns.folder, sizeof(u->ns.folder), "%s", u->folder);
	memcpy(u->ns.input, u->c->input, HASH_HEX);
	buf_printf(&u->dir, "%s/%s", b->outdir, u->folder);
	if (stage_begin(&u->st, b->outdir, u->folder, u->c->dir,
	    b->publication ? "publication" : "internal", dg) == -1)
		return EXIT_CANTCREAT;
	u->ch = merge_case(u->k, &b->mo);
	build_lap(b, "merged", u->k->manifest, dg);
	return EXIT_OK;
}

/* The tree of document i, anonymised for publication, with the
 * case's missing content noted; NULL after reporting a bad template. */
static struct doc *
run_tree(struct run *u, size_t i, struct diag_ctx *dg)
{
	struct build *b = u->b;
	struct strlist missing = { NULL, 0, 0 };
	struct buf what = BUF_INIT;
	struct doc *d;
	size_t j;

	d = docset_build(&b->ds, i, u->k, u->ch, b->publication, &missing,
	    dg);
	for (j = 0; d != NULL && j < missing.n; j++)
		diag(dg, DIAG_NOTE, NULL, "%s: %s: to be completed: %s",
		    u->k->ref, cmd_docnames[i], missing.v[j]);
	buf_printf(&what, "%s built", cmd_docnames[i]);
	if (d != NULL)
		build_lap(b, what.data, u->k->manifest, dg);
	if (d != NULL && b->publication) {
		cmd_publish_doc(u->a, d, u->r, cmd_docnames[i]);
		buf_reset(&what);
		buf_printf(&what, "%s anonymised", cmd_docnames[i]);
		build_lap(b, what.data, u->k->manifest, dg);
	}
	strlist_free(&missing);
	buf_free(&what);
	return d;
}

/* Document i: its tree, then, unless the last build made the same,
 * its files rendered and (publication) read back by the gate. */
static int
run_document(struct run *u, size_t i, struct diag_ctx *dg)
{
	struct build *b = u->b;
	struct bcase *c = u->c;
	struct doc *d;
	size_t j, first;
	int n, rc;

	for (j = 0; j < CMD_NFORMATS; j++)
		u->ns.doc[i].size[j] = -1;
	if (!(b->docs & (1u << i)))
		return EXIT_OK;
	if (build_stopping())
		return EXIT_CANTCREAT;
	if ((d = run_tree(u, i, dg)) == NULL)
		return EXIT_DATAERR;
	/* The tree, and all it is rendered with, decide. */
	doc_seal(d);
	doc_stamp(b, d, u->ns.doc[i].hash);
	if (!b->force && c->have_old &&
	    strcmp(c->old.folder, u->folder) == 0 &&
	    strcmp(c->old.doc[i].hash, u->ns.doc[i].hash) == 0 &&
	    still_there(b, &c->old, i)) {
		u->ns.doc[i] = c->old.doc[i];
		u->res.unchanged++;
		doc_free(d);
		return EXIT_OK;
	}
	/* The last tree is built, and the renderers read nothing else:
	 * the case and its merged chronology go before the biggest
	 * document is rendered, not after. (A publication's anonymiser
	 * still needs the case.) */
	if ((b->docs >> (i + 1)) == 0 && !b->publication) {
		release_case(c->k, u->ch);
		u->ch = NULL;
		c->k = NULL;
		u->k = NULL;
	}
	first = u->js.n;
	rc = render_doc(b, &u->js, d, u->st.dir, u->dir.data, i, dg);
	doc_free(d);
	if (rc != EXIT_OK)
		return rc;
	u->res.rebuilt++;
	/* The gate: every file read back before any is kept. */
	for (j = first; b->publication && j < u->js.n; j++) {
		if ((n = gate_check(u->gate ? u->gate : u->a,
		    u->js.v[j].of.tmp, u->js.v[j].shown,
		    cmd_formats[u->js.v[j].fmt].read_back, dg)) != 0)
			u->hits += n < 0 ? 1 : n;
		build_lap(b, "read back by the gate", u->js.v[j].shown, dg);
	}
	return EXIT_OK;
}

/* Publication: the residual-risk report, then whether the gate, the
 * undecided and --strict let the case be published. */
static int
run_verdict(struct run *u, struct diag_ctx *dg)
{
	struct build *b = u->b;
	struct buf path = BUF_INIT;
	size_t high = residual_high(u->r), count = residual_count(u->r);
	int rc = EXIT_DATAERR;

	buf_printf(&path, "%s/%s.residual-risk.txt", b->outdir, u->folder);
	if (residual_write(u->r, u->gate ? u->gate : u->a, u->k, path.data,
	    u->folder, b->accept, dg) == -1) {
		rc = EXIT_CANTCREAT;
		goto out;
	}
	diag(dg, DIAG_NOTE, NULL, "%s: residual-risk report (%zu undecided, "
	    "%zu to decide before publication): %s", u->folder, count, high,
	    path.data);
	if (u->hits > 0)
		diag(dg, DIAG_ERROR, NULL, "%s: the publication gate found "
		    "%d leak%s: no publication output written", u->folder,
		    u->hits, u->hits == 1 ? "" : "s");
	else if (high > 0 && !b->accept)
		diag(dg, DIAG_ERROR, NULL, "%s: %zu thing%s the anonymiser "
		    "could not decide (listed above and in the residual-risk "
		    "report): no publication output written; decide each in "
		    "case.xml, or build with --accept-residual once they are "
		    "read and safe", u->folder, high, high == 1 ? "" : "s");
	else if (b->strict && count > 0)
		diag(dg, DIAG_ERROR, NULL, "%s: --strict: %zu undecided "
		    "entr%s in the residual-risk report: no publication output "
		    "written", u->folder, count, count == 1 ? "y" : "ies");
	else
		rc = EXIT_OK;
out:
	buf_free(&path);
	return rc;
}

/* All of the case rendered and passed: the new set, what was rebuilt
 * and what was not, replaces the earlier whole; then the stamp records
 * what it was built from. */
static int
run_commit(struct run *u, struct diag_ctx *dg)
{
	struct buf path = BUF_INIT;
	struct stat sb;
	size_t i, j, f;
	int rc = EXIT_CANTCREAT;

	for (j = 0; j < u->js.n; j++) {
		if (outfile_commit(&u->js.v[j].of, dg) == -1)
			goto out;
		if (stat(staged(&u->st, u->js.v[j].shown, &path), &sb) == 0)
			u->ns.doc[u->js.v[j].doc].size[u->js.v[j].fmt] =
			    (long long)sb.st_size;
	}
	for (i = 0; i < CMD_NDOCS; i++)
		for (f = 0; f < CMD_NFORMATS; f++)
			if (u->ns.doc[i].size[f] >= 0 &&
			    !written(&u->js, i, (int)f)) {
				buf_reset(&path);
				buf_printf(&path, "%s.%s", cmd_docnames[i],
				    cmd_formats[f].ext);
				if (stage_keep(&u->st, path.data, dg) == -1)
					goto out;
			}
	if (build_stopping() || stage_commit(&u->st, is_document, dg) == -1)
		goto out;
	for (j = 0; j < u->js.n; j++)
		printf("%s\n", u->js.v[j].shown);
	if (stamp_write(u->c->stamp, &u->ns, dg) == 0)
		rc = EXIT_OK;
out:
	buf_free(&path);
	return rc;
}

struct bresult
build_case(struct build *b, struct bcase *c, struct diag_ctx *dg)
{
	struct run u;
	size_t i;
	int rc;

	memset(&u, 0, sizeof(u));
	u.b = b;
	u.c = c;
	u.k = c->k;
	rc = run_open(&u, dg);
	for (i = 0; rc == EXIT_OK && i < CMD_NDOCS; i++)
		rc = run_document(&u, i, dg);
	if (rc == EXIT_OK && b->publication)
		rc = run_verdict(&u, dg);
	if (rc == EXIT_OK)
		rc = run_commit(&u, dg);
	for (i = 0; i < u.js.n; i++) {
		outfile_abort(&u.js.v[i].of);
		free(u.js.v[i].shown);
	}
	free(u.js.v);
	/* A refused build leaves nothing: no folder, no staged file. */
	stage_abort(&u.st);
	chronology_free(u.ch);
	anon_free(u.a);
	anon_free(u.gate);
	residual_free(u.r);
	free(u.folder);
	buf_free(&u.dir);
	u.res.rc = rc;
	if (rc != EXIT_OK)
		u.res.rebuilt = u.res.unchanged = 0;
	return u.res;
}
