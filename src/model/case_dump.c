/* Indented text dump of the case model, for golden tests. */
#include "case.h"

#include <string.h>

static const char *
s(const char *v)
{
	return v ? v : "-";
}

/* Prints a text field on one line, newlines shown as \n. */
static void
field(FILE *out, const char *indent, const char *name, const char *v)
{
	if (v == NULL)
		return;
	fprintf(out, "%s%s: ", indent, name);
	for (; *v; v++)
		if (*v == '\n')
			fputs("\\n", out);
		else
			fputc(*v, out);
	fputc('\n', out);
}

static void
date(FILE *out, const char *indent, const char *name, const struct cdate *d)
{
	char iso[32];

	if (d->prec == DATE_NONE && !d->uncertain)
		return;
	date_iso(d, iso, sizeof(iso));
	fprintf(out, "%s%s: %s%s\n", indent, name, d->uncertain ? "?" : "", iso);
}

static void
list(FILE *out, const char *indent, const char *name, const struct strlist *l)
{
	size_t i;

	if (l->n == 0)
		return;
	fprintf(out, "%s%s:", indent, name);
	for (i = 0; i < l->n; i++)
		fprintf(out, " [%s]", l->v[i]);
	fputc('\n', out);
}

static void
dump_event(FILE *out, const struct event *e)
{
	char iso[32], t[16];

	date_iso(&e->start, iso, sizeof(iso));
	time_format(&e->start_time, t, sizeof(t));
	fprintf(out, "    event line=%u seq=%u start=%s%s%s%s sig=%s kpe=%d "
	    "seen=%s voice=%s%s\n", e->pos.line, e->seq,
	    e->start.uncertain ? "?" : "", iso, *t ? " " : "", t,
	    e->sig == SIG_KEY ? "key" : "background", e->kpe,
	    tri_name(e->child_seen), tri_name(e->voice), e->note ? " note" : "");
	if (e->end.prec != DATE_NONE) {
		date_iso(&e->end, iso, sizeof(iso));
		time_format(&e->end_time, t, sizeof(t));
		fprintf(out, "      end: %s%s%s\n", iso, *t ? " " : "", t);
	}
	field(out, "      ", "source", e->source);
	field(out, "      ", "category", e->category);
	list(out, "      ", "people", &e->people);
	field(out, "      ", "practitioner", e->practitioner);
	field(out, "      ", "what", e->what);
	field(out, "      ", "action", e->action);
	field(out, "      ", "analysis", e->analysis);
}

static void
review_dump(FILE *out, const struct review *r)
{
	const char *in = "    ";
	size_t i;
	char by[32];

	if (r->file == NULL && r->nnar == 0)
		return;
	fprintf(out, "  review %s lcspr=%s\n", s(r->file), tri_name(r->lcspr));
	for (i = 0; i < NPARTNERS; i++) {
		if (r->vote[i] == TRI_UNKNOWN && r->why[i] == NULL)
			continue;
		fprintf(out, "%svote %s=%s\n", in, partner_id(i),
		    tri_name(r->vote[i]));
		field(out, "      ", "why", r->why[i]);
	}
	field(out, in, "rationale", r->rationale);
	field(out, in, "disagreement", r->disagreement);
	for (i = 0; i < r->ncrit; i++) {
		fprintf(out, "%scriterion met=%s\n", in, s(r->crit[i].met));
		field(out, "      ", "name", r->crit[i].name);
		field(out, "      ", "evidence", r->crit[i].evidence);
	}
	list(out, in, "kloe", &r->kloe);
	list(out, in, "recommendations", &r->recs);
	for (i = 0; i < r->nact; i++) {
		date_iso(&r->act[i].by, by, sizeof(by));
		fprintf(out, "%saction owner=%s by=%s\n", in,
		    s(r->act[i].owner), *by ? by : "-");
		field(out, "      ", "what", r->act[i].what);
		field(out, "      ", "measure", r->act[i].measure);
	}
	for (i = 0; i < r->nnar; i++)
		fprintf(out, "%snarrative %s %s bytes=%zu\n", in, r->nar[i].key,
		    s(r->nar[i].file), strlen(r->nar[i].markdown));
}

void
case_dump(FILE *out, const struct kase *k)
{
	size_t i, j;
	const char *in = "    ";

	fprintf(out, "case ref=%s kind=%s\n", s(k->ref),
	    k->kind == REVIEW_LCSPR ? "lcspr" : "rapid-review");
	field(out, "  ", "partnership", k->partnership);
	field(out, "  ", "child", k->child);
	date(out, "  ", "incident", &k->dates.incident);
	date(out, "  ", "awareness", &k->dates.awareness);
	date(out, "  ", "referral", &k->dates.referral);
	date(out, "  ", "notification", &k->dates.notification);
	date(out, "  ", "meeting", &k->dates.meeting);
	date(out, "  ", "decision", &k->dates.decision);
	date(out, "  ", "scoping-request", &k->dates.scoping_request);
	date(out, "  ", "report", &k->dates.report);
	date(out, "  ", "lcspr-complete", &k->dates.lcspr_complete);
	date(out, "  ", "copied", &k->dates.copied);
	date(out, "  ", "publication", &k->dates.publication);
	date(out, "  ", "period-from", &k->period_from);
	date(out, "  ", "period-to", &k->period_to);
	for (i = 0; i < k->nag; i++)
		fprintf(out, "  agency %s prefix=%s colour=%s name=%s\n",
		    k->ag[i].id, s(k->ag[i].prefix), k->ag[i].colour,
		    s(k->ag[i].name));
	for (i = 0; i < k->npp; i++) {
		const struct person *p = &k->pp[i];

		fprintf(out, "  person %s role=[%s] pseudonym=[%s]\n", p->id,
		    s(p->role), s(p->pseudonym));
		list(out, in, "names", &p->names);
		list(out, in, "aliases", &p->aliases);
		date(out, in, "dob", &p->dob);
		field(out, in, "sex", p->sex);
		field(out, in, "ethnicity", p->ethnicity);
		field(out, in, "disability", p->disability);
		field(out, in, "relationship", p->relationship);
		field(out, in, "agency", p->agency);
	}
	for (i = 0; i < k->npl; i++) {
		fprintf(out, "  place %s kind=[%s] replacement=[%s]\n",
		    k->pl[i].id, s(k->pl[i].kind), s(k->pl[i].replacement));
		list(out, in, "names", &k->pl[i].names);
		list(out, in, "aliases", &k->pl[i].aliases);
	}
	if (k->pub.pos.line != 0) {
		fprintf(out, "  publication dates=%s\n", k->pub.dates ==
		    DATES_YEAR ? "year" : k->pub.dates == DATES_RELATIVE ?
		    "relative" : "month-year");
		if (k->pub.name != NULL)
			fprintf(out, "    name [%s]\n", k->pub.name);
		list(out, in, "allow", &k->pub.allow);
		for (i = 0; i < k->pub.nids; i++)
			fprintf(out, "    identifier [%s] /%s/\n",
			    s(k->pub.ids[i].label), s(k->pub.ids[i].regex));
	}
	for (i = 0; i < k->ncr; i++) {
		const struct chron_return *cr = &k->cr[i];

		fprintf(out, "  chronology %s agency=%s events=%zu\n",
		    s(cr->file), s(cr->agency), cr->nev);
		field(out, in, "author", cr->author);
		for (j = 0; j < cr->nev; j++)
			dump_event(out, &cr->ev[j]);
	}
	for (i = 0; i < k->nsr; i++) {
		const struct scoping_return *sr = &k->sr[i];

		fprintf(out, "  scoping %s agency=%s involved=%s "
		    "records-secured=%s\n", s(sr->file), s(sr->agency),
		    tri_name(sr->involved), tri_name(sr->records_secured));
		field(out, in, "author", sr->author);
		date(out, in, "received", &sr->received);
		date(out, in, "period-from", &sr->period_from);
		date(out, in, "period-to", &sr->period_to);
		date(out, in, "involved-from", &sr->involved_from);
		date(out, in, "involved-to", &sr->involved_to);
		field(out, in, "services", sr->services);
		field(out, in, "summary", sr->summary);
		field(out, in, "concerns", sr->concerns);
		field(out, in, "actions", sr->actions);
		field(out, in, "immediate", sr->immediate);
		field(out, in, "learning", sr->learning);
		field(out, in, "good-practice", sr->good_practice);
		field(out, in, "equality", sr->equality);
	}
	review_dump(out, &k->review);
}
