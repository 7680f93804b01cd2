/* Reads an agency's initial scoping return written in XML. */
#include "ingest.h"
#include "limits.h"
#include "xml_load.h"
#include "../util/alloc.h"

#include <stdlib.h>

static void
read_range(struct xr *x, const xmlNode *n, const char *what,
    struct cdate *from, struct cdate *to)
{
	char *a = xr_attr(x, n, "from"), *b = xr_attr(x, n, "to");

	xr_date(x, n, what, a, from);
	xr_date(x, n, what, b, to);
	free(a);
	free(b);
}

int
scoping_read_xml(struct scoping_return *sr, const char *file,
    struct diag_ctx *dg)
{
	struct xr x = { file, dg, 0, limits_field() };
	xmlDocPtr doc;
	xmlNodePtr root, n;
	char *v;

	if ((doc = xml_load(file, "scoping", dg)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (sr->file == NULL)
		sr->file = xstrdup(file);
	sr->pos = xr_pos(&x, root);
	sr->agency = xr_attr(&x, root, "agency");
	sr->author = xr_attr(&x, xr_child(root, "author"), "role");
	if ((n = xr_child(root, "received")) != NULL) {
		v = xr_line(&x, n);
		xr_date(&x, n, "received", v, &sr->received);
		free(v);
	}
	read_range(&x, xr_child(root, "period"), "period", &sr->period_from,
	    &sr->period_to);
	n = xr_child(root, "involved");
	v = xr_line(&x, n);
	xr_tri(&x, n, v, &sr->involved);
	free(v);
	read_range(&x, n, "involved", &sr->involved_from, &sr->involved_to);
	sr->services = xr_text(&x, xr_child(root, "services"));
	sr->summary = xr_text(&x, xr_child(root, "summary"));
	sr->concerns = xr_text(&x, xr_child(root, "concerns"));
	sr->actions = xr_text(&x, xr_child(root, "actions"));
	sr->immediate = xr_text(&x, xr_child(root, "immediate-actions"));
	sr->learning = xr_text(&x, xr_child(root, "learning"));
	sr->good_practice = xr_text(&x, xr_child(root, "good-practice"));
	if ((n = xr_child(root, "records-secured")) != NULL) {
		v = xr_line(&x, n);
		xr_tri(&x, n, v, &sr->records_secured);
		free(v);
	}
	sr->equality = xr_text(&x, xr_child(root, "equality"));
	xmlFreeDoc(doc);
	return x.bad ? -1 : 0;
}
