/* The documents cspr builds: their templates, the calendar and logo they use, and building one for a case. */
#include "cmd.h"
#include "../doc/documents.h"
#include "../util/buf.h"

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
	size_t i, j;
	int rc = 0;

	for (i = 0; i < t->n; i++) {
		e = &t->v[i];
		if (e->kind == TMPL_GENERATED && !generated_known(e->arg)) {
			diag_at(dg, DIAG_ERROR, t->file, e->line, 0, "no "
			    "generated part '%s' (valid: %s)", e->arg,
			    generated_names());
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
    const struct chronology *ch, struct strlist *missing,
    struct diag_ctx *dg)
{
	const struct cdate *dd;
	struct docctx x;
	memset(&x, 0, sizeof(x));
	x.k = k;
	x.ch = ch;
	x.cal = &ds->cal;
	x.logo = ds->logo;
	x.draft = 1;
	/* Timescales as of the report's date, so the document is the same
	 * whenever it is built: else the latest date the case knows. */
	dd = k->dates.report.prec == DATE_DAY ? &k->dates.report :
	    gen_doc_date(k);
	x.asof = dd != NULL ? date_first_day(dd) : 0;
	return tmpl_doc(&ds->tm[i], &x, missing, dg);
}
