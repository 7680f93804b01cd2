/* Generated parts of the integrated chronology: introduction, agency legend, gaps, and the landscape events table. */
#include "documents.h"
#include "generated.h"
#include "../util/buf.h"

#include <stdlib.h>
#include <string.h>

/* The document's date: the report's own, else the latest of the case's
 * key dates that is known. */
const struct cdate *
gen_doc_date(const struct kase *k)
{
	const struct cdate *d[] = {
		&k->dates.report, &k->dates.decision, &k->dates.meeting,
		&k->dates.notification,
		&k->dates.referral, &k->dates.incident,
	};
	size_t i;

	for (i = 0; i < sizeof(d) / sizeof(d[0]); i++)
		if (d[i]->prec == DATE_DAY)
			return d[i];
	return NULL;
}

int
gen_chron_intro(struct doc_node *sec, const struct docctx *x)
{
	const struct chronology *c = x->ch;
	const struct kase *k = c->k;
	struct buf b = BUF_INIT;
	char from[32], to[32];
	struct doc_node *p;

	p = doc_para(sec);
	gen_text(p, "Case: ", DOC_BOLD);
	if (x->pub)
		gen_text(p, x->name, 0);
	else
		doc_text(p, x->name, 0);
	doc_linebreak(p);
	gen_text(p, "Partnership: ", DOC_BOLD);
	doc_text(p, k->partnership ? k->partnership : "", 0);
	if (k->period_from.prec != DATE_NONE && k->period_to.prec != DATE_NONE) {
		dv_date(&x->dv, &k->period_from, from, sizeof(from));
		dv_date(&x->dv, &k->period_to, to, sizeof(to));
		doc_linebreak(p);
		gen_text(p, "Review period: ", DOC_BOLD);
		buf_printf(&b, "%s to %s", from, to);
		gen_text(p, b.data, 0);
	}
	buf_reset(&b);
	buf_printf(&b, "%zu events from %zu agencies, in date order. %s "
	    "Each row starts with the agency's prefix; the row colour repeats "
	    "it. ", c->nrows, c->nstats, c->opts.key_only ? "Key events "
	    "only." : "Key and background events.");
	if (!x->dv.general)
		buf_puts(&b, "Dates show only what the agency recorded: a month "
		    "or a year where the day is not known, and '?' where the "
		    "date is uncertain. Age is the child's age at the event; "
		    "gap is the number of days since the previous event.");
	else if (dv_day_intervals(&x->dv))
		buf_puts(&b, "Dates are counted in days from the incident "
		    "(Day 0), and '?' marks an uncertain date. Age is the "
		    "child's age at the event; gap is the number of days since "
		    "the previous event.");
	else
		buf_puts(&b, "For publication, dates show the month (or the "
		    "year) only, and '?' marks an uncertain date. Age is the "
		    "child's age at the event, in months under two years and "
		    "in years after.");
	gen_paras(sec, b.data);
	buf_free(&b);
	return 1;
}

int
gen_chron_legend(struct doc_node *sec, const struct docctx *x)
{
	const struct chronology *c = x->ch;
	static const unsigned w[] = { 2, 8, 2, 2, 3, 3, 3 };
	static const char *const head[] = {
		"Prefix", "Agency", "Contacts", "Key", "Child seen",
		"Voice recorded", "Return"
	};
	struct doc_node *t, *r;
	char n[7][32];
	size_t i, j;

	t = doc_table(sec, 7, w, DOC_SMALL);
	r = doc_row(t, DOC_HEADER | DOC_KEEP);
	for (j = 0; j < 7; j++)
		gen_cell(r, head[j], DOC_BOLD, NULL);
	for (i = 0; i < c->nstats; i++) {
		const struct mstat *s = &c->stats[i];

		snprintf(n[2], sizeof(n[2]), "%u", s->contacts);
		snprintf(n[3], sizeof(n[3]), "%u", s->key);
		snprintf(n[4], sizeof(n[4]), "%u of %u", s->seen_yes, s->contacts);
		snprintf(n[5], sizeof(n[5]), "%u of %u", s->voice_yes,
		    s->contacts);
		r = doc_row(t, DOC_KEEP);
		doc_cell(r, s->ag->prefix, DOC_BOLD, s->ag->colour);
		doc_cell(r, s->ag->name, 0, s->ag->colour);
		gen_cell(r, n[2], 0, NULL);
		gen_cell(r, n[3], 0, NULL);
		gen_cell(r, n[4], 0, NULL);
		gen_cell(r, n[5], 0, NULL);
		gen_cell(r, s->has_return ? "received" : "none", 0, NULL);
	}
	return c->nstats > 0;
}

int
gen_chron_gaps(struct doc_node *sec, const struct docctx *x)
{
	const struct chronology *c = x->ch;
	struct buf b = BUF_INIT;
	char from[32], to[32], span[32];
	struct doc_node *l;
	size_t i;

	dv_span(&x->dv, c->opts.gap_days, span, sizeof(span));
	buf_printf(&b, "Periods of more than %s in which no agency recorded "
	    "any contact.", span);
	gen_paras(sec, b.data);
	if (c->ngaps == 0) {
		gen_paras(sec, "None.");
		buf_free(&b);
		return 1;
	}
	l = doc_list(sec, 0);
	for (i = 0; i < c->ngaps; i++) {
		dv_day(&x->dv, c->gaps[i].from, from, sizeof(from));
		dv_day(&x->dv, c->gaps[i].to, to, sizeof(to));
		dv_span(&x->dv, c->gaps[i].to - c->gaps[i].from + 1, span,
		    sizeof(span));
		buf_reset(&b);
		buf_printf(&b, "%s to %s: %s", from, to, span);
		gen_text(doc_para(doc_item(l)), b.data, 0);
	}
	buf_free(&b);
	return 1;
}

/* "yes", "no" or "not recorded", so no cell relies on a symbol. */
const char *
gen_tri(enum tri t)
{
	return t == TRI_YES ? "yes" : t == TRI_NO ? "no" : "not recorded";
}

static void
event_row(struct doc_node *t, const struct mrow *r, size_t n,
    const struct docctx *x)
{
	const struct event *e = r->ev;
	const char *sh = r->ag->colour;
	const struct person *child = case_person(x->k, x->k->child);
	struct buf b = BUF_INIT;
	struct doc_node *cell, *p;
	char d[32], tm[16];
	int times = dv_times(&x->dv);

	dv_date(&x->dv, &e->start, d, sizeof(d));
	time_format(&e->start_time, tm, sizeof(tm));
	/* buf_puts, not buf_printf: ten thousand rows and more. */
	buf_puts(&b, d);
	if (*tm && times) {
		buf_putc(&b, '\n');
		buf_puts(&b, tm);
	}
	if (e->end.prec != DATE_NONE) {
		dv_date(&x->dv, &e->end, d, sizeof(d));
		time_format(&e->end_time, tm, sizeof(tm));
		if (!times)
			tm[0] = '\0';
		buf_printf(&b, "\nto %s%s%s", d, *tm ? " " : "", tm);
	}
	t = doc_row(t, DOC_KEEP);
	snprintf(d, sizeof(d), "%zu", n);
	gen_cell(t, d, 0, sh);
	gen_cell(t, b.data, 0, sh);
	doc_cell(t, r->ag->prefix, DOC_BOLD, sh);
	buf_reset(&b);
	if (!x->dv.general)
		buf_puts(&b, r->age);
	else if (child != NULL) {
		dv_age(&x->dv, &child->dob, &e->start, d, sizeof(d));
		buf_puts(&b, d);
	}
	if (r->interval >= 0 && dv_day_intervals(&x->dv))
		buf_printf(&b, "%s+%ld d", b.len ? "\n" : "", r->interval);
	gen_cell(t, b.data, 0, sh);

	/* What happened, under its category, above its source. */
	cell = doc_cell_blocks(t, sh);
	if (e->category)
		doc_text(doc_para(cell), e->category, DOC_BOLD);
	doc_paras(cell, e->what, 0);
	if (e->source) {
		p = doc_para(cell);
		gen_text(p, "Source: ", DOC_ITALIC);
		doc_text(p, e->source, DOC_ITALIC);
	}
	doc_cell(t, e->action, 0, sh);
	doc_cell(t, e->analysis, 0, sh);
	buf_reset(&b);
	buf_puts(&b, "Seen: ");
	buf_puts(&b, gen_tri(e->child_seen));
	buf_puts(&b, "\nVoice: ");
	buf_puts(&b, gen_tri(e->voice));
	gen_cell(t, b.data, 0, sh);
	buf_reset(&b);
	if (e->kpe)
		buf_puts(&b, "Key practice episode");
	if (r->dup)
		buf_printf(&b, "%sPossible duplicate (D%u)", b.len ? "\n" : "",
		    r->dup);
	if (e->sig == SIG_BACKGROUND)
		buf_puts(&b, b.len ? "\nBackground" : "Background");
	gen_cell(t, b.data, 0, sh);
	buf_free(&b);
}

int
gen_chron_table(struct doc_node *sec, const struct docctx *x)
{
	const struct chronology *c = x->ch;
	/* Relative widths: the narrow columns hold their longest entry on
	 * one line at the table text's size ("No." as many digits as the
	 * last row's, a date, a six-letter prefix), the texts share the
	 * rest. */
	unsigned w[] = { 4, 10, 8, 8, 26, 17, 17, 8, 10 };
	size_t digits;
	static const char *const head[] = {
		"No.", "Date", "Agency", "Age, gap", "What happened",
		"Action or outcome", "Analysis or impact", "Child", "Flags"
	};
	struct doc_node *t, *r;
	size_t i;

	for (digits = 1, i = c->nrows; i >= 10; i /= 10)
		digits++;
	if (digits + 2 > w[0])
		w[0] = (unsigned)digits + 2;
	t = doc_table(sec, 9, w, DOC_SMALL);
	r = doc_row(t, DOC_HEADER | DOC_KEEP);
	for (i = 0; i < 9; i++)
		gen_cell(r, head[i], DOC_BOLD, NULL);
	for (i = 0; i < c->nrows; i++)
		event_row(t, &c->rows[i], i + 1, x);
	return c->nrows > 0;
}
