/* Generated parts of the review documents: agencies, family, episodes, timescales, decision, criteria, action plan, scoping, glance, briefing. */
#include "generated.h"
#include "md_doc.h"
#include "../transform/timescales.h"
#include "../util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct doc_node *
gen_text(struct doc_node *para, const char *text, unsigned flags)
{
	return doc_text(para, text, flags | DOC_GEN);
}

struct doc_node *
gen_cell(struct doc_node *row, const char *text, unsigned flags,
    const char *shade)
{
	return doc_cell(row, text, flags | DOC_GEN, shade);
}

struct doc_node *
gen_paras(struct doc_node *parent, const char *text)
{
	return doc_paras(parent, text, DOC_GEN);
}

struct doc_node *
gen_heading(struct doc_node *sec, unsigned level, const char *text)
{
	struct doc_node *h = doc_heading(sec, level, NULL);

	doc_text(h, text, DOC_GEN);
	return h;
}

static struct doc_node *
header_row(struct doc_node *t, const char *const *head, unsigned n)
{
	struct doc_node *r = doc_row(t, DOC_HEADER | DOC_KEEP);
	unsigned i;

	for (i = 0; i < n; i++)
		gen_cell(r, head[i], DOC_BOLD, NULL);
	return r;
}

static const struct scoping_return *
scoping_of(const struct kase *k, const char *agency)
{
	size_t i;

	for (i = 0; i < k->nsr; i++)
		if (k->sr[i].agency != NULL && strcmp(k->sr[i].agency,
		    agency) == 0)
			return &k->sr[i];
	return NULL;
}

static void
range(const struct docctx *c, const struct cdate *a, const struct cdate *b,
    char *buf, size_t n)
{
	char x[32], y[32];

	dv_date(&c->dv, a, x, sizeof(x));
	dv_date(&c->dv, b, y, sizeof(y));
	if (*x && *y)
		snprintf(buf, n, "%s to %s", x, y);
	else
		snprintf(buf, n, "%s%s", x, y);
}

/* Agencies involved: every agency with a return, and what it says. */
static int
gen_agencies(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Agency", "Involved", "Period",
	    "Scoping return", "Chronology" };
	static const unsigned w[] = { 5, 2, 4, 3, 2 };
	const struct kase *k = x->k;
	const struct scoping_return *sr;
	struct doc_node *t, *r;
	char per[80], rec[40];
	size_t i;

	if (k->nag == 0)
		return 0;
	t = doc_table(sec, 5, w, DOC_SMALL);
	header_row(t, head, 5);
	for (i = 0; i < k->nag; i++) {
		sr = scoping_of(k, k->ag[i].id);
		r = doc_row(t, DOC_KEEP);
		doc_cell(r, k->ag[i].name, 0, NULL);
		gen_cell(r, sr ? gen_tri(sr->involved) : "not known", 0, NULL);
		per[0] = '\0';
		if (sr)
			range(x, &sr->involved_from, &sr->involved_to, per,
			    sizeof(per));
		gen_cell(r, per, 0, NULL);
		rec[0] = '\0';
		if (sr != NULL) {
			dv_date(&x->dv, &sr->received, rec, sizeof(rec));
			if (*rec == '\0')
				snprintf(rec, sizeof(rec), "received");
		} else
			snprintf(rec, sizeof(rec), "none");
		gen_cell(r, rec, 0, NULL);
		gen_cell(r, x->ch->stats[i].has_return ? "received" : "none",
		    0, NULL);
	}
	return 1;
}

/* Gaps in involvement: agencies with no return, or no contact. */
static int
gen_involvement_gaps(struct doc_node *sec, const struct docctx *x)
{
	const struct kase *k = x->k;
	struct doc_node *l = NULL, *p;
	const char *what;
	size_t i;

	for (i = 0; i < k->nag; i++) {
		const struct mstat *s = &x->ch->stats[i];
		const struct scoping_return *sr = scoping_of(k, k->ag[i].id);

		if (sr == NULL && !s->has_return)
			what = ": no scoping return and no chronology.";
		else if (sr == NULL)
			what = ": no scoping return.";
		else if (s->has_return && s->contacts == 0)
			what = ": no contact recorded in the review period.";
		else if (sr->involved == TRI_NO)
			what = ": not involved with the family.";
		else
			continue;
		if (l == NULL)
			l = doc_list(sec, 0);
		p = doc_para(doc_item(l));
		doc_text(p, k->ag[i].name, 0);
		gen_text(p, what, 0);
	}
	if (l == NULL)
		gen_paras(sec, "Every agency in the review sent a return and "
		    "recorded contact in the period.");
	return 1;
}

/* Family structure from the register: roles, never real names. */
static int
gen_family(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Person", "Relationship",
	    "Age at the incident", "Sex", "Ethnicity", "Disability" };
	static const unsigned w[] = { 3, 3, 2, 2, 3, 3 };
	const struct kase *k = x->k;
	struct doc_node *t, *r;
	struct buf who = BUF_INIT;
	char age[24];
	size_t i, n = 0;

	for (i = 0; i < k->npp; i++) {
		const struct person *p = &k->pp[i];

		if (p->agency != NULL || (p->relationship != NULL &&
		    strcmp(p->relationship, "practitioner") == 0))
			continue;	/* practitioners are not family */
		if (n++ == 0) {
			t = doc_table(sec, 6, w, DOC_SMALL);
			header_row(t, head, 6);
		}
		/* The register's label for the person: what every
		 * document calls them. */
		buf_reset(&who);
		buf_puts(&who, p->pseudonym ? p->pseudonym : p->role ? p->role :
		    p->id);
		age[0] = '\0';
		if (k->dates.incident.prec != DATE_NONE)
			dv_age(&x->dv, &p->dob, &k->dates.incident, age,
			    sizeof(age));
		r = doc_row(t, DOC_KEEP);
		gen_cell(r, who.data, 0, NULL);
		doc_cell(r, p->relationship ? p->relationship : "", 0, NULL);
		gen_cell(r, *age ? age : "not known", 0, NULL);
		doc_cell(r, p->sex ? p->sex : "not known", 0, NULL);
		doc_cell(r, p->ethnicity ? p->ethnicity : "not known", 0, NULL);
		doc_cell(r, p->disability ? p->disability : "not known", 0,
		    NULL);
	}
	buf_free(&who);
	return n > 0;
}

/* Key practice episodes: the events the agencies marked. */
static int
gen_episodes(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Date", "Agency", "What happened" };
	static const unsigned w[] = { 2, 2, 10 };
	const struct chronology *c = x->ch;
	struct doc_node *t = NULL, *r;
	char d[32];
	size_t i;

	for (i = 0; i < c->nrows; i++) {
		const struct mrow *m = &c->rows[i];

		if (!m->ev->kpe)
			continue;
		if (t == NULL) {
			t = doc_table(sec, 3, w, DOC_SMALL);
			header_row(t, head, 3);
		}
		dv_date(&x->dv, &m->ev->start, d, sizeof(d));
		r = doc_row(t, DOC_KEEP);
		gen_cell(r, d, 0, m->ag->colour);
		doc_cell(r, m->ag->prefix, DOC_BOLD, m->ag->colour);
		doc_cell(r, m->ev->what, 0, m->ag->colour);
	}
	return t != NULL;
}

/* Contacts by agency: how often the child was seen and heard. */
static int
gen_contacts(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Agency", "Contacts",
	    "Child seen", "Voice recorded" };
	static const unsigned w[] = { 6, 2, 2, 2 };
	const struct chronology *c = x->ch;
	struct doc_node *t, *r;
	char n[3][32];
	size_t i;

	if (c->nstats == 0)
		return 0;
	t = doc_table(sec, 4, w, DOC_SMALL);
	header_row(t, head, 4);
	for (i = 0; i < c->nstats; i++) {
		const struct mstat *s = &c->stats[i];

		snprintf(n[0], sizeof(n[0]), "%u", s->contacts);
		snprintf(n[1], sizeof(n[1]), "%u of %u", s->seen_yes,
		    s->contacts);
		snprintf(n[2], sizeof(n[2]), "%u of %u", s->voice_yes,
		    s->contacts);
		r = doc_row(t, DOC_KEEP);
		doc_cell(r, s->ag->name, 0, NULL);
		gen_cell(r, n[0], 0, NULL);
		gen_cell(r, n[1], 0, NULL);
		gen_cell(r, n[2], 0, NULL);
	}
	return 1;
}

/*
 * The statutory timescales. A publication shows no dates, which would
 * only say "due March, done March": how long each step took in working
 * days, and whether that met the rule.
 */
static int
gen_timescales(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Step", "Rule", "Due", "Done",
	    "Status" };
	static const char *const phead[] = { "Step", "Rule", "Took",
	    "Status" };
	static const unsigned w[] = { 4, 4, 3, 2, 3 };
	static const unsigned pw[] = { 4, 4, 3, 3 };
	struct timescale ts[TS_MAX];
	struct doc_node *t, *r;
	char a[32], due[72], done[32], st[96];
	size_t i, n;

	if (x->cal == NULL)
		return 0;
	n = timescales(x->k, x->cal, x->asof, ts);
	if (x->pub)
		gen_paras(sec, "In working days: weekdays that are not bank "
		    "holidays.");
	else {
		day_format(x->asof, a, sizeof(a));
		snprintf(due, sizeof(due), "In working days, as of %s.", a);
		gen_paras(sec, due);
	}
	t = doc_table(sec, x->pub ? 4 : 5, x->pub ? pw : w, DOC_SMALL);
	header_row(t, x->pub ? phead : head, x->pub ? 4 : 5);
	for (i = 0; i < n; i++) {
		timescale_status(&ts[i], st, sizeof(st));
		r = doc_row(t, DOC_KEEP);
		gen_cell(r, ts[i].what, 0, NULL);
		gen_cell(r, ts[i].rule, 0, NULL);
		if (x->pub) {
			timescale_taken(&ts[i], x->cal, done, sizeof(done));
			gen_cell(r, done, 0, NULL);
		} else {
			timescale_due(&ts[i], due, sizeof(due));
			timescale_done(&ts[i], done, sizeof(done));
			gen_cell(r, due, 0, NULL);
			gen_cell(r, done, 0, NULL);
		}
		gen_cell(r, st, 0, NULL);
	}
	return 1;
}

static int
gen_decision(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Statutory partner", "Vote",
	    "Rationale" };
	static const unsigned w[] = { 3, 2, 9 };
	const struct review *rv = &x->k->review;
	struct doc_node *t, *r, *p;
	unsigned i;

	if (rv->lcspr == TRI_UNKNOWN)
		return 0;
	p = doc_para(sec);
	gen_text(p, "Decision: ", DOC_BOLD);
	gen_text(p, rv->lcspr == TRI_YES ? "a local child safeguarding "
	    "practice review will be undertaken." : "no local child "
	    "safeguarding practice review.", 0);
	t = doc_table(sec, 3, w, DOC_SMALL);
	header_row(t, head, 3);
	for (i = 0; i < NPARTNERS; i++) {
		r = doc_row(t, DOC_KEEP);
		gen_cell(r, partner_name(i), 0, NULL);
		gen_cell(r, rv->vote[i] == TRI_YES ? "yes: review" :
		    rv->vote[i] == TRI_NO ? "no review" : "no vote recorded",
		    0, NULL);
		doc_cell(r, rv->why[i], 0, NULL);
	}
	if (rv->rationale != NULL)
		doc_paras(sec, rv->rationale, 0);
	if (rv->disagreement != NULL) {
		p = doc_para(sec);
		gen_text(p, "Disagreement: ", DOC_BOLD);
		doc_text(p, rv->disagreement, 0);
	}
	return 1;
}

static int
gen_criteria(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Criterion", "Met", "Evidence" };
	static const unsigned w[] = { 6, 1, 7 };
	const struct review *rv = &x->k->review;
	struct doc_node *t, *r;
	size_t i;

	if (rv->ncrit == 0)
		return 0;
	t = doc_table(sec, 3, w, DOC_SMALL);
	header_row(t, head, 3);
	for (i = 0; i < rv->ncrit; i++) {
		r = doc_row(t, DOC_KEEP);
		doc_cell(r, rv->crit[i].name, 0, NULL);
		doc_cell(r, rv->crit[i].met, 0, NULL);
		doc_cell(r, rv->crit[i].evidence, 0, NULL);
	}
	return 1;
}

static int
numbered(struct doc_node *sec, const struct strlist *l)
{
	struct doc_node *list;
	size_t i;

	if (l->n == 0)
		return 0;
	list = doc_list(sec, DOC_ORDERED);
	for (i = 0; i < l->n; i++)
		doc_paras(doc_item(list), l->v[i], 0);
	return 1;
}

static int
gen_kloe(struct doc_node *sec, const struct docctx *x)
{
	return numbered(sec, &x->k->review.kloe);
}

static int
gen_recommendations(struct doc_node *sec, const struct docctx *x)
{
	return numbered(sec, &x->k->review.recs);
}

/* The action plan; in drafts a column says what makes a row not SMART. */
static int
gen_action_plan(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "No.", "Action", "Owner", "By",
	    "Measure of success", "SMART check" };
	static const unsigned w[] = { 1, 6, 3, 2, 5, 3 };
	const struct review *rv = &x->k->review;
	const struct agency *ag;
	struct doc_node *t, *r;
	struct buf miss = BUF_INIT;
	char n[24], by[32];
	unsigned cols = x->draft ? 6 : 5;
	size_t i;

	if (rv->nact == 0)
		return 0;
	t = doc_table(sec, cols, w, DOC_SMALL);
	header_row(t, head, cols);
	for (i = 0; i < rv->nact; i++) {
		const struct action *a = &rv->act[i];

		snprintf(n, sizeof(n), "%zu", i + 1);
		dv_date(&x->dv, &a->by, by, sizeof(by));
		ag = case_agency(x->k, a->owner);
		r = doc_row(t, DOC_KEEP);
		gen_cell(r, n, 0, NULL);
		doc_cell(r, a->what, 0, NULL);
		doc_cell(r, ag ? ag->name : a->owner ? a->owner : "", 0, NULL);
		gen_cell(r, by, 0, NULL);
		doc_cell(r, a->measure, 0, NULL);
		if (!x->draft)
			continue;
		buf_reset(&miss);
		if (a->owner == NULL)
			buf_puts(&miss, "no owner");
		if (a->by.prec != DATE_DAY)
			buf_printf(&miss, "%sno date", miss.len ? ", " : "");
		if (a->measure == NULL)
			buf_printf(&miss, "%sno measure", miss.len ? ", " : "");
		if (miss.len) {
			char *m = buf_detach(&miss);

			buf_printf(&miss, "Not SMART: %s", m);
			free(m);
			gen_cell(r, miss.data, DOC_BOLD, "FFF2CC");
		} else
			gen_cell(r, "SMART", 0, NULL);
	}
	buf_free(&miss);
	return 1;
}

/* Scoping overview: one row per agency of the manifest. */
static int
gen_scoping_overview(struct doc_node *sec, const struct docctx *x)
{
	static const char *const head[] = { "Agency", "Involved", "Period",
	    "Records secured", "Return received", "On time" };
	static const unsigned w[] = { 5, 2, 4, 2, 2, 3 };
	const struct kase *k = x->k;
	const struct scoping_return *sr;
	struct doc_node *t, *r;
	char per[80], rec[32], ontime[64];
	long due = TS_NODAY, got;
	size_t i;

	if (k->nag == 0)
		return 0;
	if (x->cal != NULL && k->dates.scoping_request.prec == DATE_DAY)
		due = calendar_add(x->cal,
		    date_first_day(&k->dates.scoping_request), 5);
	t = doc_table(sec, 6, w, DOC_SMALL);
	header_row(t, head, 6);
	for (i = 0; i < k->nag; i++) {
		sr = scoping_of(k, k->ag[i].id);
		r = doc_row(t, DOC_KEEP);
		doc_cell(r, k->ag[i].name, 0, NULL);
		if (sr == NULL) {
			gen_cell(r, "not known", 0, NULL);
			gen_cell(r, "", 0, NULL);
			gen_cell(r, "", 0, NULL);
			gen_cell(r, "no", 0, NULL);
			gen_cell(r, due != TS_NODAY && x->asof > due ?
			    "overdue" : "", 0, NULL);
			continue;
		}
		range(x, &sr->involved_from, &sr->involved_to, per, sizeof(per));
		dv_date(&x->dv, &sr->received, rec, sizeof(rec));
		ontime[0] = '\0';
		if (due != TS_NODAY && sr->received.prec == DATE_DAY) {
			got = date_first_day(&sr->received);
			if (got <= due)
				snprintf(ontime, sizeof(ontime), "yes");
			else
				snprintf(ontime, sizeof(ontime), "no: %ld "
				    "working days late",
				    calendar_between(x->cal, due, got));
		}
		gen_cell(r, gen_tri(sr->involved), 0, NULL);
		gen_cell(r, per, 0, NULL);
		gen_cell(r, gen_tri(sr->records_secured), 0, NULL);
		gen_cell(r, *rec ? rec : "yes", 0, NULL);
		gen_cell(r, ontime, 0, NULL);
	}
	return 1;
}

/* A field of a return: its label in bold, then what the agency wrote. */
static void
labelled(struct doc_node *sec, const char *label, const char *text)
{
	struct doc_node *p;

	if (text == NULL)
		return;
	p = doc_para(sec);
	p->flags |= DOC_KEEPNEXT;
	gen_text(p, label, DOC_BOLD);
	if (md_doc_field(sec, text) == -1)
		doc_paras(sec, text, 0);
}

/* Each agency's scoping return, as the agency wrote it. */
static int
gen_scoping_returns(struct doc_node *sec, const struct docctx *x)
{
	const struct kase *k = x->k;
	const struct scoping_return *sr;
	const struct agency *ag;
	struct doc_node *p;
	char per[80];
	size_t i;

	if (k->nsr == 0)
		return 0;
	for (i = 0; i < k->nsr; i++) {
		sr = &k->sr[i];
		ag = case_agency(k, sr->agency);
		/* Each agency's return under the section's heading. */
		doc_heading(sec, 3, ag ? ag->name : sr->agency);
		p = doc_para(sec);
		gen_text(p, "Completed by: ", DOC_BOLD);
		if (sr->author)
			doc_text(p, sr->author, 0);
		else
			gen_text(p, "not given", 0);
		doc_linebreak(p);
		gen_text(p, "Involved: ", DOC_BOLD);
		range(x, &sr->involved_from, &sr->involved_to, per, sizeof(per));
		gen_text(p, gen_tri(sr->involved), 0);
		if (*per) {
			gen_text(p, ", ", 0);
			gen_text(p, per, 0);
		}
		doc_linebreak(p);
		gen_text(p, "Records secured: ", DOC_BOLD);
		gen_text(p, gen_tri(sr->records_secured), 0);
		labelled(sec, "Services provided", sr->services);
		labelled(sec, "Summary of involvement", sr->summary);
		labelled(sec, "Concerns known", sr->concerns);
		labelled(sec, "Actions taken", sr->actions);
		labelled(sec, "Immediate safeguarding actions", sr->immediate);
		labelled(sec, "Learning already identified", sr->learning);
		labelled(sec, "Good practice", sr->good_practice);
		labelled(sec, "Race, culture, faith, disability and identity",
		    sr->equality);
	}
	return 1;
}

#define GLANCE_COLS	12	/* agencies per table */

/* Contacts per agency per month, shaded by how many and with the number
 * written, so the view works without colour. */
static int
gen_chron_glance(struct doc_node *sec, const struct docctx *x)
{
	static const char *const shade[] = { NULL, "E7E6E6", "C9C9C9",
	    "A6A6A6" };
	const struct chronology *c = x->ch;
	const struct kase *k = x->k;
	unsigned *count, w[GLANCE_COLS + 1];
	struct doc_node *t, *r;
	long first, last;
	int y0, m0, y1, m1, y, m, dd, nmonths, mi;
	size_t i, a, from, to;
	char label[32], n[16];
	struct cdate cd;

	if (c->nrows == 0 || k->nag == 0)
		return 0;
	first = k->period_from.prec != DATE_NONE ?
	    date_first_day(&k->period_from) : c->rows[0].day;
	last = k->period_to.prec != DATE_NONE ?
	    date_last_day(&k->period_to) : c->rows[c->nrows - 1].day;
	civil_from_days(first, &y0, &m0, &dd);
	civil_from_days(last, &y1, &m1, &dd);
	nmonths = (y1 - y0) * 12 + (m1 - m0) + 1;
	if (nmonths < 1 || nmonths > 600)
		return 0;
	count = calloc((size_t)nmonths * k->nag, sizeof(*count));
	if (count == NULL)
		return 0;
	for (i = 0; i < c->nrows; i++) {
		const struct mrow *mr = &c->rows[i];

		if (mr->ev->note || mr->ev->start.prec < DATE_MONTH)
			continue;
		mi = (mr->ev->start.y - y0) * 12 + (mr->ev->start.m - m0);
		if (mi >= 0 && mi < nmonths)
			count[(size_t)mi * k->nag + mr->agidx]++;
	}
	gen_paras(sec, "Contacts each agency recorded, month by month: the "
	    "number is written in each cell; shading darkens with it (1, 2 "
	    "to 3, 4 or more). Events dated only by year are left out.");
	memset(&cd, 0, sizeof(cd));
	cd.prec = DATE_MONTH;
	for (from = 0; from < k->nag; from = to) {
		to = from + GLANCE_COLS < k->nag ? from + GLANCE_COLS : k->nag;
		w[0] = 3;
		for (a = from; a < to; a++)
			w[a - from + 1] = 2;
		t = doc_table(sec, (unsigned)(to - from + 1), w, DOC_SMALL);
		r = doc_row(t, DOC_HEADER | DOC_KEEP);
		gen_cell(r, "Month", DOC_BOLD, NULL);
		for (a = from; a < to; a++)
			doc_cell(r, k->ag[a].prefix, DOC_BOLD, k->ag[a].colour);
		for (mi = 0, y = y0, m = m0; mi < nmonths; mi++) {
			cd.y = y;
			cd.m = m;
			dv_date(&x->dv, &cd, label, sizeof(label));
			r = doc_row(t, DOC_KEEP);
			gen_cell(r, label, 0, NULL);
			for (a = from; a < to; a++) {
				unsigned v = count[(size_t)mi * k->nag + a];

				snprintf(n, sizeof(n), "%u", v);
				gen_cell(r, v ? n : "", 0, shade[v == 0 ? 0 :
				    v == 1 ? 1 : v <= 3 ? 2 : 3]);
			}
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	free(count);
	return 1;
}

/* The 7-minute briefing: seven numbered boxes, two to a row, from the
 * seven '##' sections of review/briefing.md; reading order 1 to 7. */
static int
gen_briefing_grid(struct doc_node *sec, const struct docctx *x)
{
	static const unsigned w[] = { 1, 1 };
	const struct narrative *nv = review_narrative(&x->k->review,
	    "briefing");
	struct doc_node *t, *r = NULL, *cell, *p;
	const char *s, *e, *next;
	struct buf part = BUF_INIT, num = BUF_INIT;
	unsigned i;

	t = doc_table(sec, 2, w, DOC_LAYOUT);
	s = nv ? nv->markdown : NULL;
	/* Skip anything before the first "## ". */
	while (s != NULL && strncmp(s, "## ", 3) != 0)
		s = (s = strchr(s, '\n')) ? s + 1 : NULL;
	for (i = 1; i <= 7; i++) {
		if (i % 2 == 1)
			r = doc_row(t, DOC_KEEP);
		cell = doc_cell_blocks(r, "DEEAF6");
		buf_reset(&num);
		buf_printf(&num, "%u  %s", i, x->box[i] ? x->box[i] : "");
		gen_text(doc_para(cell), num.data, DOC_BOLD);
		buf_reset(&part);
		if (s != NULL) {
			/* This box's text: after its heading line, up to the
			 * next "## " at a line start. */
			e = strchr(s, '\n');
			s = e ? e + 1 : s + strlen(s);
			for (next = s; next != NULL && *next &&
			    strncmp(next, "## ", 3) != 0;)
				next = (e = strchr(next, '\n')) ? e + 1 : NULL;
			if (next == NULL)
				next = s + strlen(s);
			buf_put(&part, s, (size_t)(next - s));
			s = *next ? next : NULL;
		}
		if (part.len > 0 && md_doc(cell, part.data, 3) == 0 &&
		    cell->last != cell->first)
			continue;
		p = doc_para(cell);
		gen_text(p, x->draft ? "To be completed." : "", DOC_ITALIC);
	}
	/* The eighth cell: the partnership, so the grid is whole. */
	cell = doc_cell_blocks(r, NULL);
	doc_text(doc_para(cell), x->k->partnership ? x->k->partnership : "",
	    0);
	buf_free(&part);
	buf_free(&num);
	return nv != NULL;
}

static const struct {
	const char *name;
	int (*fn)(struct doc_node *, const struct docctx *);
} parts[] = {
	{ "agencies", gen_agencies },
	{ "involvement-gaps", gen_involvement_gaps },
	{ "family", gen_family },
	{ "episodes", gen_episodes },
	{ "contacts", gen_contacts },
	{ "timescales", gen_timescales },
	{ "decision", gen_decision },
	{ "criteria", gen_criteria },
	{ "kloe", gen_kloe },
	{ "recommendations", gen_recommendations },
	{ "action-plan", gen_action_plan },
	{ "scoping-overview", gen_scoping_overview },
	{ "scoping-returns", gen_scoping_returns },
	{ "chronology-intro", gen_chron_intro },
	{ "chronology-legend", gen_chron_legend },
	{ "chronology-glance", gen_chron_glance },
	{ "chronology-gaps", gen_chron_gaps },
	{ "chronology-table", gen_chron_table },
	{ "briefing-grid", gen_briefing_grid },
};

int
generated(const char *name, struct doc_node *sec, const struct docctx *x)
{
	size_t i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (strcmp(parts[i].name, name) == 0)
			return parts[i].fn(sec, x) ? 1 : 0;
	return -1;
}

int
generated_known(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (strcmp(parts[i].name, name) == 0)
			return 1;
	return 0;
}

char *
generated_names(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		buf_printf(&b, "%s%s", i ? ", " : "", parts[i].name);
	return buf_detach(&b);
}
