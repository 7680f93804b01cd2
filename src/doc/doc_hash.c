/* The content hash of a document tree: everything a backend renders from it. */
#include "doc.h"
#include "../util/hash.h"

#include <string.h>

static void
node(struct hash *h, const struct doc_node *n, unsigned depth)
{
	const struct doc_node *c;
	unsigned i;

	hash_u64(h, (uint64_t)n->type << 32 | (uint64_t)n->level << 16 |
	    n->flags);
	switch (n->type) {
	case DOC_TABLE:
		hash_u64(h, n->ncols);
		for (i = 0; i < n->ncols; i++)
			hash_u64(h, n->colw[i]);
		break;
	case DOC_CELL:
		hash_str(h, n->shade);
		break;
	case DOC_IMAGE:
		hash_str(h, n->text);
		hash_str(h, n->alt);
		hash_put(h, &n->width_mm, sizeof(n->width_mm));
		break;
	case DOC_TEXT:
	case DOC_LINK:
	case DOC_TOC:
		hash_str(h, n->text);
		break;
	default:
		break;
	}
	/* Children between markers: shape as well as content. */
	hash_u64(h, depth);
	for (c = n->first; c != NULL; c = c->next)
		node(h, c, depth + 1);
	hash_u64(h, UINT64_MAX - depth);
}

void
doc_hash(const struct doc *d, struct hash *h)
{
	hash_str(h, d->title);
	hash_str(h, d->subject);
	hash_str(h, d->keywords);
	hash_str(h, d->lang);
	hash_str(h, d->creator);
	hash_str(h, d->marking);
	hash_str(h, d->date);
	hash_u64(h, (uint64_t)d->draft);
	node(h, d->root, 0);
}

_Static_assert(sizeof(((struct doc *)0)->digest) == HASH_HEX,
    "a doc's digest is a hash_hex");

void
doc_digest(const struct doc *d, char out[HASH_HEX])
{
	struct hash h;

	if (d->digest[0] != '\0') {
		memcpy(out, d->digest, HASH_HEX);
		return;
	}
	hash_init(&h);
	doc_hash(d, &h);
	hash_hex(&h, out);
}

void
doc_seal(struct doc *d)
{
	d->digest[0] = '\0';
	doc_digest(d, d->digest);
}
