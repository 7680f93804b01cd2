/* The case model: allocation, lookup and release. */
#include "case.h"
#include "../util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
strlist_add(struct strlist *l, const char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n, sizeof(*l->v));
	l->v[l->n++] = xstrdup(s);
}

void
strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

struct kase *
case_new(void)
{
	struct kase *k = xcalloc(1, sizeof(struct kase));

	k->dates.copy_days = 7;
	return k;
}

#define ADD(arr, n, cap) \
	((arr) = xgrow((arr), &(cap), (n), sizeof(*(arr))), \
	 memset(&(arr)[(n)], 0, sizeof(*(arr))), &(arr)[(n)++])

struct agency *
case_add_agency(struct kase *k)
{
	return ADD(k->ag, k->nag, k->agcap);
}

struct person *
case_add_person(struct kase *k)
{
	return ADD(k->pp, k->npp, k->ppcap);
}

struct place *
case_add_place(struct kase *k)
{
	return ADD(k->pl, k->npl, k->plcap);
}

struct idpattern *
case_add_idpattern(struct kase *k)
{
	return ADD(k->pub.ids, k->pub.nids, k->pub.idcap);
}

struct chron_return *
case_add_chron(struct kase *k)
{
	return ADD(k->cr, k->ncr, k->crcap);
}

struct scoping_return *
case_add_scoping(struct kase *k)
{
	return ADD(k->sr, k->nsr, k->srcap);
}

struct event *
chron_add_event(struct chron_return *cr)
{
	return ADD(cr->ev, cr->nev, cr->cap);
}

static void
event_free(struct event *e)
{
	free(e->source);
	free(e->category);
	free(e->what);
	free(e->action);
	free(e->analysis);
	free(e->practitioner);
	strlist_free(&e->people);
}

void
chron_return_free(struct chron_return *cr)
{
	size_t i;

	for (i = 0; i < cr->nev; i++)
		event_free(&cr->ev[i]);
	free(cr->ev);
	free(cr->file);
	free(cr->agency);
	free(cr->author);
	memset(cr, 0, sizeof(*cr));
}

void
scoping_return_free(struct scoping_return *sr)
{
	free(sr->file);
	free(sr->agency);
	free(sr->author);
	free(sr->services);
	free(sr->summary);
	free(sr->concerns);
	free(sr->actions);
	free(sr->immediate);
	free(sr->learning);
	free(sr->good_practice);
	free(sr->equality);
	memset(sr, 0, sizeof(*sr));
}

static void
person_free(struct person *p)
{
	free(p->id);
	free(p->role);
	free(p->pseudonym);
	strlist_free(&p->names);
	strlist_free(&p->aliases);
	free(p->sex);
	free(p->ethnicity);
	free(p->disability);
	free(p->relationship);
	free(p->agency);
}

struct criterion *
review_add_criterion(struct review *r)
{
	return ADD(r->crit, r->ncrit, r->critcap);
}

struct action *
review_add_action(struct review *r)
{
	return ADD(r->act, r->nact, r->actcap);
}

struct narrative *
review_add_narrative(struct review *r)
{
	return ADD(r->nar, r->nnar, r->narcap);
}

const struct narrative *
review_narrative(const struct review *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nnar; i++)
		if (strcmp(r->nar[i].key, key) == 0)
			return &r->nar[i];
	return NULL;
}

const char *const review_sections[] = {
	"summary", "immediate-actions", "lived-experience", "vulnerabilities",
	"family", "perpetrator", "equality", "practice-episodes", "learning",
	"good-practice", "references", "national", "brief-summary",
	"reflective-questions", "further-reading", "briefing", NULL
};

const char *
partner_id(enum partner p)
{
	static const char *const id[NPARTNERS] = { "local-authority",
	    "police", "icb" };

	return p < NPARTNERS ? id[p] : "";
}

const char *
partner_name(enum partner p)
{
	static const char *const name[NPARTNERS] = { "Local authority",
	    "Police", "Integrated care board" };

	return p < NPARTNERS ? name[p] : "";
}

static void
review_free(struct review *r)
{
	size_t i;

	free(r->file);
	for (i = 0; i < NPARTNERS; i++)
		free(r->why[i]);
	free(r->rationale);
	free(r->disagreement);
	for (i = 0; i < r->ncrit; i++) {
		free(r->crit[i].name);
		free(r->crit[i].met);
		free(r->crit[i].evidence);
	}
	free(r->crit);
	strlist_free(&r->kloe);
	strlist_free(&r->recs);
	for (i = 0; i < r->nact; i++) {
		free(r->act[i].what);
		free(r->act[i].owner);
		free(r->act[i].measure);
	}
	free(r->act);
	for (i = 0; i < r->nnar; i++) {
		free(r->nar[i].key);
		free(r->nar[i].file);
		free(r->nar[i].markdown);
	}
	free(r->nar);
}

void
case_free(struct kase *k)
{
	size_t i;

	if (k == NULL)
		return;
	review_free(&k->review);
	for (i = 0; i < k->nag; i++) {
		free(k->ag[i].id);
		free(k->ag[i].name);
		free(k->ag[i].prefix);
	}
	for (i = 0; i < k->npp; i++)
		person_free(&k->pp[i]);
	for (i = 0; i < k->npl; i++) {
		free(k->pl[i].id);
		free(k->pl[i].kind);
		free(k->pl[i].replacement);
		strlist_free(&k->pl[i].names);
		strlist_free(&k->pl[i].aliases);
	}
	free(k->pl);
	for (i = 0; i < k->pub.nids; i++) {
		free(k->pub.ids[i].label);
		free(k->pub.ids[i].regex);
	}
	free(k->pub.ids);
	free(k->pub.name);
	strlist_free(&k->pub.allow);
	for (i = 0; i < k->ncr; i++)
		chron_return_free(&k->cr[i]);
	for (i = 0; i < k->nsr; i++)
		scoping_return_free(&k->sr[i]);
	free(k->ag);
	free(k->pp);
	free(k->cr);
	free(k->sr);
	free(k->dir);
	free(k->manifest);
	free(k->ref);
	free(k->partnership);
	free(k->child);
	strlist_free(&k->files);
	free(k);
}

const char *
case_pubname(const struct kase *k)
{
	const struct person *p;

	if (k->pub.name != NULL)
		return k->pub.name;
	if ((p = case_person(k, k->child)) != NULL && p->pseudonym != NULL)
		return p->pseudonym;
	return "the case";
}

const struct agency *
case_agency(const struct kase *k, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < k->nag; i++)
		if (strcmp(k->ag[i].id, id) == 0)
			return &k->ag[i];
	return NULL;
}

const struct place *
case_place(const struct kase *k, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < k->npl; i++)
		if (k->pl[i].id != NULL && strcmp(k->pl[i].id, id) == 0)
			return &k->pl[i];
	return NULL;
}

const struct person *
case_person(const struct kase *k, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < k->npp; i++)
		if (strcmp(k->pp[i].id, id) == 0)
			return &k->pp[i];
	return NULL;
}

int
tri_parse(const char *s, enum tri *out)
{
	static const struct {
		const char *word;
		enum tri val;
	} words[] = {
		{ "yes", TRI_YES }, { "y", TRI_YES }, { "true", TRI_YES },
		{ "no", TRI_NO }, { "n", TRI_NO }, { "false", TRI_NO },
		{ "unknown", TRI_UNKNOWN }, { "n/a", TRI_UNKNOWN },
		{ "not known", TRI_UNKNOWN }, { "", TRI_UNKNOWN },
	};
	size_t i;

	if (s == NULL) {
		*out = TRI_UNKNOWN;
		return 0;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(s, words[i].word) == 0) {
			*out = words[i].val;
			return 0;
		}
	return -1;
}

const char *
tri_name(enum tri t)
{
	return t == TRI_YES ? "yes" : t == TRI_NO ? "no" : "unknown";
}
