/* The documents cspr builds: their templates, the calendar and logo they use, and building one for a case. */
#include "cmd.h"
#include "../anon/anon_doc.h"
#include "../doc/documents.h"
#include "../util/buf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

const char *const cmd_docnames[CMD_NDOCS] = {
	"rapid-review-report", "learning-brief", "seven-minute-briefing",
	"scoping-composite", "integrated-chronology",
};

/* Every part and narrative a template names exists: checked before
 * anything is built, so a bad template writes nothing. */
static int
check_names(const struct tmpl *t, struct diag_ctx *dg)
{
	const struct tmpl_entry *e;
	char *names;
	size_t i, j;
	int rc = 0;

	for (i = 0; i < t->n; i++) {
		e = &t->v[i];
		if (e->kind == TMPL_GENERATED && !generated_known(e->arg)) {
			names = generated_names();
			diag_at(dg, DIAG_ERROR, t->file, e->line, 0, "no "
			    "generated part '%s' (valid: %s)", e->arg, names);
			free(names);
			rc = -1;
		}
		if (e->kind != TMPL_NARRATIVE)
			continue;
		for (j = 0; review_sections[j] != NULL; j++)
			if (strcmp(review_sections[j], e->arg) == 0)
				break;
		if (review_sections[j] == NULL) {
			diag_at(dg, DIAG_ERROR, t->file, e->line, 0, "no "
			    "narrative section '%s' (docs/review-format.md "
			    "lists them)", e->arg);
			rc = -1;
		}
	}
	return rc;
}

int
docset_load(struct docset *ds, const char *tdir, struct diag_ctx *dg)
{
	struct buf path = BUF_INIT;
	size_t i;
	int rc = 0;

	memset(ds, 0, sizeof(*ds));
	for (i = 0; i < CMD_NDOCS; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s.txt", tdir, cmd_docnames[i]);
		if (tmpl_load(&ds->tm[i], path.data, dg) == -1 ||
		    check_names(&ds->tm[i], dg) == -1)
			rc = -1;
	}
	if (cmd_calendar(tdir, &ds->cal, dg) == -1 ||
	    cmd_logo(tdir, &ds->logo, dg) == -1)
		rc = -1;
	buf_free(&path);
	ds->loaded = 1;
	return rc;
}

void
docset_free(struct docset *ds)
{
	size_t i;

	if (!ds->loaded)
		return;
	for (i = 0; i < CMD_NDOCS; i++)
		tmpl_free(&ds->tm[i]);
	calendar_free(&ds->cal);
	free(ds->logo);
	memset(ds, 0, sizeof(*ds));
}

char *
cmd_docnames_list(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < CMD_NDOCS; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", cmd_docnames[i]);
	return buf_detach(&b);
}

unsigned
docset_audience(const struct docset *ds, int publication)
{
	unsigned m = 0, want = publication ? TMPL_PUBLIC : TMPL_INTERNAL;
	size_t i;

	for (i = 0; i < CMD_NDOCS; i++)
		if (ds->tm[i].audience & want)
			m |= 1u << i;
	return m;
}

int
docset_index(const char *name)
{
	size_t i;

	for (i = 0; i < CMD_NDOCS; i++)
		if (strcmp(cmd_docnames[i], name) == 0)
			return (int)i;
	return -1;
}

struct doc *
docset_build(const struct docset *ds, size_t i, const struct kase *k,
    const struct chronology *ch, int pub, struct strlist *missing,
    struct diag_ctx *dg)
{
	const struct cdate *dd;
	struct docctx x;

	memset(&x, 0, sizeof(x));
	x.k = k;
	x.ch = ch;
	x.cal = &ds->cal;
	x.logo = ds->logo;
	x.draft = !pub;
	x.pub = pub;
	dv_draft(&x.dv);
	x.name = k->ref;
	if (pub) {
		x.dv.general = 1;
		x.dv.mode = k->pub.dates;
		x.dv.incident = k->dates.incident.prec == DATE_DAY ?
		    date_first_day(&k->dates.incident) : LONG_MIN;
		x.name = case_pubname(k);
	}
	/* Timescales as of the report's date, so the document is the same
	 * whenever it is built: else the latest date the case knows. */
	dd = k->dates.report.prec == DATE_DAY ? &k->dates.report :
	    gen_doc_date(k);
	x.asof = dd != NULL ? date_first_day(dd) : 0;
	return tmpl_doc(&ds->tm[i], &x, missing, dg);
}

struct anon *
cmd_anon(const struct kase *k, const char *tdir, const char *dict, int full,
    struct diag_ctx *dg)
{
	struct buf allow = BUF_INIT;
	const char *off = full ? NULL : getenv("CSPR_ANON_OFF");
	long bits = 0;
	struct anon *a;

	if (off != NULL && (bits = anon_kinds_parse(off)) < 0) {
		struct buf valid = BUF_INIT;
		unsigned bit;

		for (bit = 1; bit & AK_ALL; bit <<= 1)
			buf_printf(&valid, "%s%s", valid.len ? ", " : "",
			    anon_kind_name(bit));
		diag(dg, DIAG_ERROR, NULL, "CSPR_ANON_OFF: unknown kind in "
		    "'%s' (valid: %s)", off, valid.data);
		buf_free(&valid);
		return NULL;
	}
	if (off != NULL && *off != '\0')
		diag(dg, DIAG_WARNING, NULL, "CSPR_ANON_OFF is set: detectors "
		    "switched off for testing (%s)", off);
	buf_printf(&allow, "%s/publication-allow.txt", tdir);
	a = anon_new(k, AK_ALL & ~(unsigned)bits, dict != NULL ? dict :
	    "/usr/share/dict/british-english", allow.data, dg);
	buf_free(&allow);
	return a;
}

int
cmd_audience(const char *s, struct diag_ctx *dg)
{
	if (strcmp(s, "internal") == 0)
		return 0;
	if (strcmp(s, "publication") == 0)
		return 1;
	diag(dg, DIAG_ERROR, NULL, "unknown audience '%s' (valid: internal, "
	    "publication)", s);
	return -1;
}

void
cmd_publish_doc(const struct anon *a, struct doc *d, struct residual *r,
    const char *docname)
{
	d->draft = 0;
	free(d->marking);
	d->marking = NULL;
	free(d->date);
	d->date = NULL;
	anon_doc(a, d, r, docname);
}
