/* Reads case.xml: the case, its dates and period, the agencies and the register of people. */
#include "ingest.h"
#include "limits.h"
#include "xml_load.h"
#include "../util/alloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void
read_dates(struct xr *x, struct kase *k, const xmlNode *dates)
{
	static const struct {
		const char *name;
		size_t off;
	} d[] = {
		{ "incident", offsetof(struct case_dates, incident) },
		{ "awareness", offsetof(struct case_dates, awareness) },
		{ "referral", offsetof(struct case_dates, referral) },
		{ "notification", offsetof(struct case_dates, notification) },
		{ "meeting", offsetof(struct case_dates, meeting) },
		{ "decision", offsetof(struct case_dates, decision) },
		{ "scoping-request", offsetof(struct case_dates,
		    scoping_request) },
		{ "report", offsetof(struct case_dates, report) },
		{ "lcspr-complete", offsetof(struct case_dates,
		    lcspr_complete) },
		{ "copied", offsetof(struct case_dates, copied) },
		{ "publication", offsetof(struct case_dates, publication) },
	};
	xmlNodePtr n;
	char *v;
	size_t i;

	for (i = 0; i < sizeof(d) / sizeof(d[0]); i++) {
		if ((n = xr_child(dates, d[i].name)) == NULL)
			continue;
		v = xr_line(x, n);
		xr_date(x, n, d[i].name, v, (struct cdate *)(void *)
		    ((char *)&k->dates + d[i].off));
		free(v);
	}
	if ((n = xr_child(dates, "publication")) != NULL &&
	    (v = xr_attr(x, n, "copy-working-days")) != NULL) {
		/* The schema allows 1 to 60 only. */
		k->dates.copy_days = atoi(v);
		free(v);
	}
}

static void
read_agency(struct xr *x, struct kase *k, const xmlNode *n)
{
	struct agency *a = case_add_agency(k);
	struct srcpos p = xr_pos(x, n);
	char *colour;
	size_t i;

	a->pos = p;
	a->id = xr_attr(x, n, "id");
	a->prefix = xr_attr(x, n, "prefix");
	a->name = xr_line(x, n);
	colour = xr_attr(x, n, "colour");
	if (colour != NULL && strlen(colour) == 7)
		for (i = 0; i < 6; i++)
			a->colour[i] = (char)toupper((unsigned char)colour[i + 1]);
	free(colour);
	for (i = 0; i + 1 < k->nag; i++) {
		if (strcmp(k->ag[i].id, a->id) == 0) {
			diag(x->dg, DIAG_ERROR, &p, "duplicate agency id '%s' "
			    "(first at line %u)", a->id, k->ag[i].pos.line);
			x->bad = 1;
		} else if (strcasecmp(k->ag[i].prefix, a->prefix) == 0) {
			diag(x->dg, DIAG_ERROR, &p, "duplicate agency prefix "
			    "'%s' (first at line %u): each agency needs its own "
			    "text cue", a->prefix, k->ag[i].pos.line);
			x->bad = 1;
		}
	}
}

static void
read_person(struct xr *x, struct kase *k, const xmlNode *n)
{
	struct person *pe = case_add_person(k);
	struct srcpos p = xr_pos(x, n);
	xmlNodePtr c;
	char *v;
	size_t i;

	pe->pos = p;
	pe->id = xr_attr(x, n, "id");
	pe->role = xr_attr(x, n, "role");
	pe->pseudonym = xr_attr(x, n, "pseudonym");
	pe->relationship = xr_attr(x, n, "relationship");
	pe->agency = xr_attr(x, n, "agency");
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		v = xr_line(x, c);
		if (v == NULL)
			continue;
		if (strcmp((const char *)c->name, "name") == 0)
			strlist_add(&pe->names, v);
		else if (strcmp((const char *)c->name, "alias") == 0)
			strlist_add(&pe->aliases, v);
		else if (strcmp((const char *)c->name, "dob") == 0)
			xr_date(x, c, "date of birth", v, &pe->dob);
		else if (strcmp((const char *)c->name, "sex") == 0) {
			pe->sex = v;
			v = NULL;
		} else if (strcmp((const char *)c->name, "ethnicity") == 0) {
			pe->ethnicity = v;
			v = NULL;
		} else if (strcmp((const char *)c->name, "disability") == 0) {
			pe->disability = v;
			v = NULL;
		}
		free(v);
	}
	for (i = 0; i + 1 < k->npp; i++)
		if (strcmp(k->pp[i].id, pe->id) == 0) {
			diag(x->dg, DIAG_ERROR, &p, "duplicate register id '%s' "
			    "(first at line %u)", pe->id, k->pp[i].pos.line);
			x->bad = 1;
		}
}

static void
read_place(struct xr *x, struct kase *k, const xmlNode *n)
{
	struct place *pl = case_add_place(k);
	xmlNodePtr c;
	char *v;
	size_t i;

	pl->pos = xr_pos(x, n);
	pl->id = xr_attr(x, n, "id");
	pl->kind = xr_attr(x, n, "kind");
	pl->replacement = xr_attr(x, n, "replacement");
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    (v = xr_line(x, c)) == NULL)
			continue;
		strlist_add(strcmp((const char *)c->name, "name") == 0 ?
		    &pl->names : &pl->aliases, v);
		free(v);
	}
	for (i = 0; i < k->npp; i++)
		if (strcmp(k->pp[i].id, pl->id) == 0)
			break;
	if (i < k->npp || (case_place(k, pl->id) != pl)) {
		diag(x->dg, DIAG_ERROR, &pl->pos, "duplicate register id '%s'",
		    pl->id);
		x->bad = 1;
	}
}

/* <publication>: date generalisation, the allow-list, reference patterns. */
static void
read_publication(struct xr *x, struct kase *k, const xmlNode *n)
{
	struct idpattern *ip;
	xmlNodePtr c;
	char *v;

	if (n == NULL)
		return;
	k->pub.pos = xr_pos(x, n);
	if ((v = xr_attr(x, n, "dates")) != NULL)
		k->pub.dates = strcmp(v, "year") == 0 ? DATES_YEAR :
		    strcmp(v, "relative") == 0 ? DATES_RELATIVE :
		    DATES_MONTH_YEAR;
	free(v);
	k->pub.name = xr_attr(x, n, "name");
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    (v = xr_line(x, c)) == NULL)
			continue;
		if (strcmp((const char *)c->name, "allow") == 0) {
			strlist_add(&k->pub.allow, v);
			free(v);
			continue;
		}
		ip = case_add_idpattern(k);
		ip->pos = xr_pos(x, c);
		ip->label = xr_attr(x, c, "label");
		ip->regex = v;
	}
}

int
manifest_read_xml(struct kase *k, const char *file, struct diag_ctx *dg)
{
	struct xr x = { file, dg, 0, limits_field() };
	xmlDocPtr doc;
	xmlNodePtr root, n, c;
	struct srcpos p;
	char *kind = NULL, *from = NULL, *to = NULL;
	int rc = -1;

	if ((doc = xml_load(file, "case", dg)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	k->pos = xr_pos(&x, root);
	k->ref = xr_attr(&x, root, "ref");
	kind = xr_attr(&x, root, "kind");
	k->kind = kind && strcmp(kind, "lcspr") == 0 ? REVIEW_LCSPR :
	    REVIEW_RAPID;
	k->partnership = xr_line(&x, xr_child(root, "partnership"));
	k->child = xr_attr(&x, xr_child(root, "child"), "person");
	read_dates(&x, k, xr_child(root, "dates"));
	if ((n = xr_child(root, "period")) != NULL) {
		from = xr_attr(&x, n, "from");
		to = xr_attr(&x, n, "to");
		xr_date(&x, n, "period from", from, &k->period_from);
		xr_date(&x, n, "period to", to, &k->period_to);
		if (k->period_from.prec && k->period_to.prec &&
		    date_first_day(&k->period_to) <
		    date_first_day(&k->period_from)) {
			p = xr_pos(&x, n);
			diag(dg, DIAG_ERROR, &p, "the review period ends before "
			    "it starts");
			x.bad = 1;
		}
	}
	for (c = xr_child(root, "agencies")->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			read_agency(&x, k, c);
	for (c = xr_child(root, "register")->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "place") == 0)
			read_place(&x, k, c);
		else if (c->type == XML_ELEMENT_NODE)
			read_person(&x, k, c);
	read_publication(&x, k, xr_child(root, "publication"));
	if (case_person(k, k->child) == NULL) {
		p = xr_pos(&x, xr_child(root, "child"));
		diag(dg, DIAG_ERROR, &p, "the child '%s' is not in the register",
		    k->child ? k->child : "");
		x.bad = 1;
	}
	if (!x.bad)
		rc = 0;
	free(kind);
	free(from);
	free(to);
	xmlFreeDoc(doc);
	return rc;
}
