/* The publication gate: reads back every file written and searches it for register names and identifiers. */
#include "gate_int.h"

#include <string.h>

/*
 * Reports every hit in text that publication must not hold: a register
 * name, or an identifier. Web addresses are the anonymiser's business,
 * not secrets in themselves (a name inside one is still found); in
 * attribute values, the outward code of a postcode is too short to
 * tell from markup and is left to the text.
 */
void
gate_search(struct gate *g, const char *text, size_t len,
    const char *where, int attr)
{
	const struct anon_hit *x;
	size_t i;

	if (len == 0)
		return;
	anon_scan(g->a, text, len, 0, &g->h);
	for (i = 0; i < g->h.n; i++) {
		x = &g->h.v[i];
		if (x->keep || x->kind == AK_URL || (attr &&
		    x->kind == AK_POSTCODE &&
		    strcmp(x->repl, "[postcode area]") == 0))
			continue;
		if (x->weak) {
			/* "Faith" starting a sentence: the word, most
			 * likely; a reader should look. */
			diag_at(g->dg, DIAG_WARNING, g->shown, 0, 0,
			    "publication gate: %s: a common word that is also "
			    "register entry %s's name, at a sentence's start "
			    "or in capitals: read it", where,
			    anon_ent_id(g->a, x->ent));
			continue;
		}
		g->hits++;
		if (x->ent >= 0)
			diag_at(g->dg, DIAG_ERROR, g->shown, 0, 0, "publication "
			    "gate: %s: register entry %s%s%s (%s name) is still "
			    "there", where, anon_ent_id(g->a, x->ent),
			    x->ent2 >= 0 ? "/" : "", x->ent2 >= 0 ?
			    anon_ent_id(g->a, x->ent2) : "",
			    anon_kind_name(x->kind));
		else
			diag_at(g->dg, DIAG_ERROR, g->shown, 0, 0, "publication "
			    "gate: %s: %s %s is still there", where,
			    anon_kind_name(x->kind), x->kind == AK_REFERENCE ?
			    x->repl : "identifier");
	}
}

int
gate_check(const struct anon *a, const char *path, const char *shown,
    gate_reader read, struct diag_ctx *dg)
{
	struct gate g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.a = a;
	g.shown = shown;
	g.dg = dg;
	/* The file's own name and folder. */
	gate_search(&g, shown, strlen(shown), "file name", 0);
	rc = read(&g, path);
	anon_hits_free(&g.h);
	if (rc == -1) {
		diag_at(dg, DIAG_ERROR, shown, 0, 0, "publication gate: cannot "
		    "read the output back, so it cannot be shown to be safe");
		return -1;
	}
	return g.hits;
}
