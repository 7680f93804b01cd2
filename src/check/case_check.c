/* Semantic checks of a loaded case: periods, order, register ids, missing returns. */
#include "check.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <limits.h>
#include <string.h>

static long
latest_manifest_day(const struct kase *k)
{
	const struct cdate *d[] = {
		&k->dates.incident, &k->dates.awareness, &k->dates.referral,
		&k->dates.notification, &k->dates.meeting, &k->dates.decision,
	};
	long max = LONG_MIN, x;
	size_t i;

	for (i = 0; i < sizeof(d) / sizeof(d[0]); i++)
		if (d[i]->prec != DATE_NONE && (x = date_last_day(d[i])) > max)
			max = x;
	return max;
}

static void
fmt(const struct cdate *d, char *buf, size_t n)
{
	date_format(d, buf, n);
}

/* Order and dates within one return; shared by both entry points. */
static void
check_events(const struct chron_return *cr, const struct kase *k,
    struct diag_ctx *dg)
{
	const struct event *e, *prev = NULL;
	long from = LONG_MIN, to = LONG_MAX, future = LONG_MAX;
	char a[32], b[32];
	size_t i, j;

	if (k != NULL) {
		if (k->period_from.prec != DATE_NONE)
			from = date_first_day(&k->period_from);
		if (k->period_to.prec != DATE_NONE)
			to = date_last_day(&k->period_to);
		future = latest_manifest_day(k);
	}
	for (i = 0; i < cr->nev; i++) {
		e = &cr->ev[i];
		if (e->start.prec == DATE_NONE) {
			diag(dg, DIAG_ERROR, &e->pos, "missing start date: "
			    "every event needs one (dd/mm/yyyy; 'Month yyyy' "
			    "or '?' when unsure)");
			continue;
		}
		if (e->what == NULL && !e->note)
			diag(dg, DIAG_WARNING, &e->pos, "missing mandatory field "
			    "'what happened'");
		if (e->source == NULL)
			diag(dg, DIAG_WARNING, &e->pos, "missing mandatory field "
			    "'source of information' (the record the event "
			    "comes from)");
		if (e->end.prec != DATE_NONE &&
		    (date_last_day(&e->end) < date_first_day(&e->start) ||
		    (date_first_day(&e->end) == date_first_day(&e->start) &&
		    e->end.prec == DATE_DAY && e->start.prec == DATE_DAY &&
		    e->end_time.set && e->start_time.set &&
		    e->end_time.h * 60 + e->end_time.mi <
		    e->start_time.h * 60 + e->start_time.mi))) {
			fmt(&e->start, a, sizeof(a));
			fmt(&e->end, b, sizeof(b));
			diag(dg, DIAG_WARNING, &e->pos, "event ends (%s) before "
			    "it starts (%s)", b, a);
		}
		if (date_last_day(&e->start) < from ||
		    date_first_day(&e->start) > to) {
			fmt(&e->start, a, sizeof(a));
			diag(dg, DIAG_WARNING, &e->pos, "event on %s is outside "
			    "the review period", a);
		}
		if (future != LONG_MIN && date_first_day(&e->start) > future) {
			fmt(&e->start, a, sizeof(a));
			diag(dg, DIAG_WARNING, &e->pos, "event on %s is after "
			    "every date in the manifest (a date in the future?)",
			    a);
		}
		if (prev != NULL && !prev->note && !e->note &&
		    (date_cmp(&e->start, &prev->start) < 0 ||
		    (date_cmp(&e->start, &prev->start) == 0 &&
		    e->seq && prev->seq && e->seq < prev->seq))) {
			fmt(&e->start, a, sizeof(a));
			fmt(&prev->start, b, sizeof(b));
			diag(dg, DIAG_WARNING, &e->pos, "rows out of order: "
			    "%s (seq %u) comes after %s (seq %u, line %u); list "
			    "events oldest first, and number events of one day "
			    "in order", a, e->seq, b, prev->seq, prev->pos.line);
		}
		if (!e->note)
			prev = e;
		if (k == NULL)
			continue;
		for (j = 0; j < e->people.n; j++)
			if (case_person(k, e->people.v[j]) == NULL)
				diag(dg, DIAG_WARNING, &e->pos, "unknown register "
				    "id '%s': add the person to the register in "
				    "%s", e->people.v[j], k->manifest);
	}
}

void
chron_check_alone(const struct chron_return *cr, struct diag_ctx *dg)
{
	check_events(cr, NULL, dg);
}

static void
check_agencies(const struct kase *k, struct diag_ctx *dg)
{
	size_t i, j, nchron, nscope;

	for (i = 0; i < k->ncr; i++) {
		if (case_agency(k, k->cr[i].agency) == NULL) {
			diag(dg, DIAG_ERROR, &k->cr[i].pos, "unknown agency '%s' "
			    "(the manifest's agencies are listed in %s)",
			    k->cr[i].agency ? k->cr[i].agency : "",
			    k->manifest);
			continue;
		}
		for (j = 0; j < i; j++)
			if (k->cr[j].agency && strcmp(k->cr[j].agency,
			    k->cr[i].agency) == 0)
				diag(dg, DIAG_WARNING, &k->cr[i].pos, "a second "
				    "chronology return for agency '%s' (the "
				    "first is %s); both are merged",
				    k->cr[i].agency, k->cr[j].file);
	}
	for (i = 0; i < k->nsr; i++) {
		if (case_agency(k, k->sr[i].agency) == NULL) {
			diag(dg, DIAG_ERROR, &k->sr[i].pos, "unknown agency '%s' "
			    "(the manifest's agencies are listed in %s)",
			    k->sr[i].agency ? k->sr[i].agency : "",
			    k->manifest);
			continue;
		}
		for (j = 0; j < i; j++)
			if (k->sr[j].agency && strcmp(k->sr[j].agency,
			    k->sr[i].agency) == 0)
				diag(dg, DIAG_WARNING, &k->sr[i].pos, "a second "
				    "scoping return for agency '%s' (the first "
				    "is %s)", k->sr[i].agency, k->sr[j].file);
	}
	for (i = 0; i < k->nag; i++) {
		nchron = nscope = 0;
		for (j = 0; j < k->ncr; j++)
			nchron += k->cr[j].agency &&
			    strcmp(k->cr[j].agency, k->ag[i].id) == 0;
		for (j = 0; j < k->nsr; j++)
			nscope += k->sr[j].agency &&
			    strcmp(k->sr[j].agency, k->ag[i].id) == 0;
		if (nchron == 0)
			diag(dg, DIAG_WARNING, &k->ag[i].pos, "agency '%s' has "
			    "no chronology return in %s/chronology/",
			    k->ag[i].id, k->dir);
		if (nscope == 0)
			diag(dg, DIAG_WARNING, &k->ag[i].pos, "agency '%s' has "
			    "no scoping return in %s/scoping/", k->ag[i].id,
			    k->dir);
	}
	for (i = 0; i < k->npp; i++)
		if (k->pp[i].agency && case_agency(k, k->pp[i].agency) == NULL)
			diag(dg, DIAG_WARNING, &k->pp[i].pos, "person '%s' names "
			    "unknown agency '%s'", k->pp[i].id, k->pp[i].agency);
}

/* The decision's votes, and action-plan rows that are not SMART. */
static void
check_review(const struct kase *k, struct diag_ctx *dg)
{
	const struct review *r = &k->review;
	struct srcpos p = { r->file, 0, 0 };
	const struct action *a;
	unsigned i, yes = 0, no = 0;

	if (r->file == NULL)
		return;
	if (r->lcspr != TRI_UNKNOWN) {
		for (i = 0; i < NPARTNERS; i++) {
			if (r->vote[i] == TRI_UNKNOWN)
				diag(dg, DIAG_WARNING, &p, "the decision has no "
				    "vote from the %s partner (<vote partner="
				    "\"%s\">)", partner_name(i), partner_id(i));
			yes += r->vote[i] == TRI_YES;
			no += r->vote[i] == TRI_NO;
		}
		if (yes > 0 && no > 0 && r->disagreement == NULL)
			diag(dg, DIAG_WARNING, &p, "the partners' votes differ "
			    "but no <disagreement> is recorded");
	}
	for (i = 0; i < r->nact; i++) {
		a = &r->act[i];
		if (a->owner == NULL || a->by.prec != DATE_DAY ||
		    a->measure == NULL)
			diag(dg, DIAG_WARNING, &a->pos, "action %u is not SMART: "
			    "it has no %s", i + 1, a->owner == NULL ? "owner "
			    "(owner=\"agency id\")" : a->by.prec != DATE_DAY ?
			    "date to be done by (by=\"DD/MM/YYYY\")" :
			    "measure of success (<measure>)");
		else if (case_agency(k, a->owner) == NULL)
			diag(dg, DIAG_WARNING, &a->pos, "action %u: owner '%s' "
			    "is not an agency of case.xml", i + 1, a->owner);
	}
}

/* The partnership's reference patterns compile (PCRE2): a bad one is an
 * error of case.xml, found by cspr check, before a publication starts. */
static void
check_patterns(const struct kase *k, struct diag_ctx *dg)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE at;
	pcre2_code *re;
	size_t i;
	int err;

	for (i = 0; i < k->pub.nids; i++) {
		if ((re = pcre2_compile((PCRE2_SPTR)k->pub.ids[i].regex,
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err, &at,
		    NULL)) != NULL) {
			pcre2_code_free(re);
			continue;
		}
		pcre2_get_error_message(err, msg, sizeof(msg));
		diag(dg, DIAG_ERROR, &k->pub.ids[i].pos, "identifier pattern "
		    "'%s' is not a valid regular expression (PCRE2 syntax): %s "
		    "at offset %zu", k->pub.ids[i].label ? k->pub.ids[i].label :
		    "", (char *)msg, (size_t)at);
	}
}

void
case_check(const struct kase *k, struct diag_ctx *dg)
{
	size_t i;

	check_agencies(k, dg);
	check_colours(k, dg);
	check_review(k, dg);
	check_patterns(k, dg);
	for (i = 0; i < k->ncr; i++)
		check_events(&k->cr[i], k, dg);
}
