/* Reads the reviewer's structured material, review/review.xml: decision, criteria, KLoE, recommendations, action plan. */
#include "ingest.h"
#include "limits.h"
#include "xml_load.h"
#include "../util/alloc.h"

#include <stdlib.h>
#include <string.h>

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static void
read_decision(struct xr *x, struct review *r, const xmlNode *d)
{
	const xmlNode *n;
	char *v, *p;
	unsigned i;

	v = xr_attr(x, d, "lcspr");
	xr_tri(x, d, v, &r->lcspr);
	free(v);
	for (n = d->children; n != NULL; n = n->next) {
		if (!is(n, "vote"))
			continue;
		p = xr_attr(x, n, "partner");
		for (i = 0; i < NPARTNERS; i++)
			if (p != NULL && strcmp(p, partner_id(i)) == 0)
				break;
		free(p);
		if (i == NPARTNERS)
			continue;	/* the schema allows no other */
		if (r->vote[i] != TRI_UNKNOWN) {
			diag(x->dg, DIAG_ERROR, &(struct srcpos){ x->file,
			    (unsigned)xmlGetLineNo(n), 0 }, "a second vote "
			    "for %s: each statutory partner has one",
			    partner_name(i));
			x->bad = 1;
			continue;
		}
		v = xr_attr(x, n, "vote");
		xr_tri(x, n, v, &r->vote[i]);
		free(v);
		r->why[i] = xr_text(x, n);
	}
	r->rationale = xr_text(x, xr_child(d, "rationale"));
	r->disagreement = xr_text(x, xr_child(d, "disagreement"));
}

static void
read_list(struct xr *x, struct strlist *l, const xmlNode *parent,
    const char *item)
{
	const xmlNode *n;
	char *v;

	if (parent == NULL)
		return;
	for (n = parent->children; n != NULL; n = n->next)
		if (is(n, item) && (v = xr_text(x, n)) != NULL) {
			strlist_add(l, v);
			free(v);
		}
}

int
review_read_xml(struct review *r, const char *file, struct diag_ctx *dg)
{
	struct xr x = { file, dg, 0, limits_field() };
	xmlDocPtr doc;
	xmlNodePtr root, n, c;
	char *v;

	if ((doc = xml_load(file, "review", dg)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	r->file = xstrdup(file);
	if ((n = xr_child(root, "decision")) != NULL)
		read_decision(&x, r, n);
	if ((n = xr_child(root, "criteria")) != NULL)
		for (c = n->children; c != NULL; c = c->next)
			if (is(c, "criterion")) {
				struct criterion *cr = review_add_criterion(r);

				cr->met = xr_attr(&x, c, "met");
				cr->name = xr_text(&x, xr_child(c, "name"));
				cr->evidence = xr_text(&x,
				    xr_child(c, "evidence"));
			}
	read_list(&x, &r->kloe, xr_child(root, "lines-of-enquiry"), "line");
	read_list(&x, &r->recs, xr_child(root, "recommendations"),
	    "recommendation");
	if ((n = xr_child(root, "action-plan")) != NULL)
		for (c = n->children; c != NULL; c = c->next)
			if (is(c, "action")) {
				struct action *a = review_add_action(r);

				a->pos = xr_pos(&x, c);
				a->what = xr_text(&x, xr_child(c, "what"));
				a->measure = xr_text(&x, xr_child(c, "measure"));
				a->owner = xr_attr(&x, c, "owner");
				v = xr_attr(&x, c, "by");
				if (v != NULL)
					xr_date(&x, c, "by", v, &a->by);
				free(v);
			}
	xmlFreeDoc(doc);
	return x.bad ? -1 : 0;
}
