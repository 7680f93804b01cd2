/* Rendering: the checks every backend relies on, then the backend. */
#include "render.h"
#include "../util/png.h"

/*
 * Every image must be a readable PNG before a backend starts. The walk
 * ends at the last of the *left images made (a logo on a chronology's
 * first page, then a million nodes of rows).
 */
static int
check_images(const struct doc_node *n, struct diag_ctx *dg, unsigned depth,
    uint32_t *left)
{
	const struct doc_node *c;
	unsigned w, h;
	int rc = 0;

	if (n->type == DOC_IMAGE) {
		if (png_size(n->text, &w, &h) == -1) {
			diag_at(dg, DIAG_ERROR, n->text, 0, 0, "cannot use this "
			    "image: it must be a readable PNG file");
			rc = -1;
		}
		(*left)--;
	}
	for (c = n->first; c != NULL && depth < 64 && *left != 0; c = c->next)
		if (check_images(c, dg, depth + 1, left) == -1)
			rc = -1;
	return rc;
}

int
render(render_fn fn, const struct doc *d, const struct style *st,
    const char *path, struct diag_ctx *dg)
{
	uint32_t left = d->root->nimages;

	if (left != 0 && check_images(d->root, dg, 0, &left) == -1)
		return -1;
	return fn(d, st, path, dg);
}
