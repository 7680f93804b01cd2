/* Reads an agency's chronology return written in XML. */
#include "ingest.h"
#include "input.h"
#include "xml_load.h"
#include "limits.h"
#include "../util/alloc.h"

#include <stdlib.h>
#include <string.h>

static void
read_event(struct xr *x, struct chron_return *cr, const xmlNode *n)
{
	struct event *e;
	struct limits lim;
	struct srcpos p;
	char *v, *people;

	limits_get(&lim);
	if (cr->nev >= lim.events) {
		if (cr->nev == lim.events && !x->bad) {
			p = xr_pos(x, n);
			diag(x->dg, DIAG_ERROR, &p, "more than %zu events in "
			    "one return: split it (or raise the limit: "
			    "CSPR_LIMITS=events=N)", lim.events);
		}
		x->bad = 1;
		return;
	}
	e = chron_add_event(cr);
	e->pos = xr_pos(x, n);
	if ((v = xr_attr(x, n, "seq")) != NULL)
		e->seq = (unsigned)strtoul(v, NULL, 10);	/* schema-checked */
	free(v);
	v = xr_attr(x, n, "start");
	xr_date(x, n, "start", v, &e->start);
	free(v);
	v = xr_attr(x, n, "start-time");
	xr_time(x, n, "start-time", v, &e->start_time);
	free(v);
	v = xr_attr(x, n, "end");
	xr_date(x, n, "end", v, &e->end);
	free(v);
	v = xr_attr(x, n, "end-time");
	xr_time(x, n, "end-time", v, &e->end_time);
	free(v);
	v = xr_attr(x, n, "child-seen");
	xr_tri(x, n, v, &e->child_seen);
	free(v);
	v = xr_attr(x, n, "voice");
	xr_tri(x, n, v, &e->voice);
	free(v);
	v = xr_attr(x, n, "significance");
	e->sig = v && strcmp(v, "background") == 0 ? SIG_BACKGROUND : SIG_KEY;
	free(v);
	v = xr_attr(x, n, "kpe");
	e->kpe = v && strcmp(v, "yes") == 0;
	free(v);
	e->source = xr_line(x, xr_child(n, "source"));
	e->category = xr_line(x, xr_child(n, "category"));
	people = xr_line(x, xr_child(n, "people"));
	input_split_ids(&e->people, people);
	free(people);
	e->practitioner = xr_line(x, xr_child(n, "practitioner"));
	e->what = xr_text(x, xr_child(n, "what"));
	e->action = xr_text(x, xr_child(n, "action"));
	e->analysis = xr_text(x, xr_child(n, "analysis"));
	e->note = e->source != NULL && e->source[0] == '#';
}

int
chron_read_xml(struct chron_return *cr, const char *file, struct diag_ctx *dg)
{
	struct xr x = { file, dg, 0, limits_field() };
	xmlDocPtr doc;
	xmlNodePtr root, c;

	if ((doc = xml_load(file, "chronology", dg)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (cr->file == NULL)
		cr->file = xstrdup(file);
	cr->pos = xr_pos(&x, root);
	cr->agency = xr_attr(&x, root, "agency");
	cr->author = xr_attr(&x, xr_child(root, "author"), "role");
	for (c = root->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "event") == 0)
			read_event(&x, cr, c);
	xmlFreeDoc(doc);
	return x.bad ? -1 : 0;
}
