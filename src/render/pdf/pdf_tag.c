/* Tagged PDF: the structure tree, marked content, artifacts, the parent tree and the XMP metadata. */
#include "pdf_int.h"
#include "../../util/alloc.h"
#include "../../util/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * The structure tree is built as the pages are drawn, in compact arrays
 * (a chronology has half a million elements), and written at the end:
 *
 *   - every block of the document tree that draws something gets a
 *     structure element (Document > Sect > H1-H3, P, L > LI > LBody,
 *     Table > THead/TBody > TR > TH/TD, Figure with /Alt, TOC > TOCI), created when its
 *     first content is drawn, so the children's order is reading order;
 *   - each piece of drawn text is a marked-content sequence with an MCID
 *     of its page, referred to from its element's /K (consecutive
 *     plain lines of one element on a page share one: pdf_draw_line);
 *   - headers, footers, rules, cell shading and repeated table header
 *     rows are /Artifact;
 *   - each page's /StructParents indexes the parent tree, which maps its
 *     MCIDs back to their elements.
 */

#define ROLE_LBODY	((uintptr_t)1)	/* key offsets: an item's LBody */
#define ROLE_LBL	((uintptr_t)2)	/* and its Lbl */
#define ROLE_THEAD	((uintptr_t)3)	/* a table's THead */
#define ROLE_TBODY	((uintptr_t)4)	/* its current TBody */

/*
 * PDF 1.7's Annex C gives 8,191 as the array size readers must handle:
 * a chronology of 50,000 rows puts its
 * rows in TBody groups of at most ROWS_PER_TBODY, and the parent tree
 * in leaves of at most NUMS_PER_LEAF keys.
 */
#define ROWS_PER_TBODY	8000
#define NUMS_PER_LEAF	4000
/* A leaf also ends at this many references, counting each page's
 * marked content: a leaf is written from one buffer, and pages of a
 * long table hold hundreds each. */
#define REFS_PER_LEAF	16000

/* A structure element; kids in kid from kfirst (1-based, 0 none). */
struct pdf_elem {
	uint32_t	 obj;
	uint32_t	 parent;	/* element index, PDF_NONE: the root */
	uint32_t	 pg;		/* 1 + page of its first content, or 0 */
	uint32_t	 kfirst, klast;
	uint32_t	 nkids;
	unsigned char	 role;		/* enum pdf_role */
	unsigned char	 th;		/* a header cell: scope Column */
	unsigned char	 hasalt;	/* its /Alt is in alts */
};

/* An element's alternative text (figures: few). */
struct pdf_alt {
	uint32_t	 e;
	char		*text;
};

/* A kid of a structure element. */
struct pdf_kid {
	uint32_t	 next;		/* 1-based, 0 none */
	unsigned char	 kind;		/* K_* */
	uint32_t	 page;
	uint32_t	 v;		/* MCID, element, or annotation object */
};

#define K_MCID	0
#define K_ELEM	1
#define K_OBJR	2

/* A parent tree entry: a page's MCIDs, or an annotation's element. */
struct pdf_num {
	unsigned char	 page;		/* 1: v is a page, 0: an element */
	uint32_t	 v;
};

/* A page: its object, and each of its MCIDs' element. */
struct pdf_tagpage {
	uint32_t	 obj;
	uint32_t	*e;
	size_t		 n, cap;
};

static const char *const role_name[] = {
	[PDF_ROLE_DOCUMENT] = "Document", [PDF_ROLE_SECT] = "Sect",
	[PDF_ROLE_H1] = "H1", [PDF_ROLE_H2] = "H2", [PDF_ROLE_H3] = "H3",
	[PDF_ROLE_P] = "P", [PDF_ROLE_L] = "L", [PDF_ROLE_LI] = "LI",
	[PDF_ROLE_LBODY] = "LBody", [PDF_ROLE_LBL] = "Lbl",
	[PDF_ROLE_TABLE] = "Table", [PDF_ROLE_THEAD] = "THead",
	[PDF_ROLE_TBODY] = "TBody", [PDF_ROLE_TR] = "TR", [PDF_ROLE_TH] = "TH",
	[PDF_ROLE_TD] = "TD", [PDF_ROLE_DIV] = "Div",
	[PDF_ROLE_FIGURE] = "Figure", [PDF_ROLE_TOC] = "TOC",
	[PDF_ROLE_TOCI] = "TOCI", [PDF_ROLE_LINK] = "Link",
};

static uintptr_t
hash_ptr(const void *p)
{
	uintptr_t h = (uintptr_t)p;

	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15u;
	return h ^ (h >> 29);
}

static uint32_t
map_get(const struct pdf_tags *t, const void *key)
{
	size_t i;

	if (t->cap == 0)
		return PDF_NONE;
	for (i = hash_ptr(key) & (t->cap - 1); t->keys[i] != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->keys[i] == key)
			return t->vals[i];
	return PDF_NONE;
}

static void
map_put(struct pdf_tags *t, const void *key, uint32_t val)
{
	const void **ok = t->keys;
	uint32_t *ov = t->vals;
	size_t i, ocap = t->cap;

	if (2 * (t->n + 1) > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointers */
		t->keys = xcalloc(t->cap, sizeof(*t->keys));
		t->vals = xcalloc(t->cap, sizeof(*t->vals));
		t->n = 0;
		for (i = 0; i < ocap; i++)
			if (ok[i] != NULL)
				map_put(t, ok[i], ov[i]);
		free(ok);
		free(ov);
	}
	for (i = hash_ptr(key) & (t->cap - 1); t->keys[i] != NULL;
	    i = (i + 1) & (t->cap - 1))
		continue;
	t->keys[i] = key;
	t->vals[i] = val;
	t->n++;
}

/* Points key, already in the map, at val. */
static void
map_set(struct pdf_tags *t, const void *key, uint32_t val)
{
	size_t i;

	for (i = hash_ptr(key) & (t->cap - 1); t->keys[i] != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->keys[i] == key) {
			t->vals[i] = val;
			return;
		}
}

/* Whether n is a node of the document drawn (ids are a tree's own: a
 * node of another tree, as the contents' title is, has one too). */
static int
of_doc(const struct pdf_ctx *c, const struct doc_node *n)
{
	while (n->parent != NULL)
		n = n->parent;
	return n == c->d->root;
}

/* The element of node n, or PDF_NONE: by its id, or in the map for a
 * node of another tree. */
static uint32_t
node_get(const struct pdf_ctx *c, const struct doc_node *n)
{
	const struct pdf_tags *t = &c->tags;

	if (n->id < t->nbyid && of_doc(c, n))
		return t->byid[n->id] != 0 ? t->byid[n->id] - 1 : PDF_NONE;
	return map_get(t, n);
}

static void
node_put(struct pdf_ctx *c, const struct doc_node *n, uint32_t e)
{
	struct pdf_tags *t = &c->tags;

	if (n->id < t->nbyid && of_doc(c, n))
		t->byid[n->id] = e + 1;
	else
		map_put(t, n, e);
}

/* Appends a kid to element e. */
static void
kid_add(struct pdf_tags *t, uint32_t e, unsigned kind, size_t page,
    uint32_t v)
{
	struct pdf_elem *el = &t->e[e];
	struct pdf_kid *k;

	if (t->nkid == 0)
		t->nkid = 1;	/* [0] stands for none */
	t->kid = xgrow(t->kid, &t->kidcap, t->nkid, sizeof(*t->kid));
	k = &t->kid[t->nkid];
	k->next = 0;
	k->kind = (unsigned char)kind;
	k->page = (uint32_t)page;
	k->v = v;
	if (el->klast != 0)
		t->kid[el->klast].next = (uint32_t)t->nkid;
	else
		el->kfirst = (uint32_t)t->nkid;
	el->klast = (uint32_t)t->nkid++;
	el->nkids++;
}

/* A new structure element of role role under parent (PDF_NONE: the
 * tree's root), appended to its parent's kids. */
static uint32_t
new_elem(struct pdf_ctx *c, enum pdf_role role, uint32_t parent)
{
	struct pdf_tags *t = &c->tags;
	struct pdf_elem *e;
	uint32_t i = (uint32_t)t->ne;

	t->e = xgrow(t->e, &t->ecap, t->ne, sizeof(*t->e));
	e = &t->e[t->ne++];
	memset(e, 0, sizeof(*e));
	e->obj = pdfw_alloc(&c->w);
	e->parent = parent;
	e->role = (unsigned char)role;
	if (parent != PDF_NONE)
		kid_add(t, parent, K_ELEM, 0, i);
	return i;
}

static uint32_t elem_for(struct pdf_ctx *, const struct doc_node *);

/* Whether a row or cell is in a layout table (not data: Div, not TR). */
static int
layout_of(const struct doc_node *n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n->type == DOC_TABLE)
			return (n->flags & DOC_LAYOUT) != 0;
	return 0;
}

/* The THead or TBody that row n goes in, under its table's element te:
 * a new TBody after every ROWS_PER_TBODY rows. */
static uint32_t
row_group(struct pdf_ctx *c, const struct doc_node *n, uint32_t te)
{
	const char *key = (const char *)n->parent;
	uint32_t g;

	key += (n->flags & DOC_HEADER) ? ROLE_THEAD : ROLE_TBODY;
	if ((g = map_get(&c->tags, key)) != PDF_NONE) {
		if ((n->flags & DOC_HEADER) ||
		    c->tags.e[g].nkids < ROWS_PER_TBODY)
			return g;
		g = new_elem(c, PDF_ROLE_TBODY, te);
		map_set(&c->tags, key, g);
		return g;
	}
	g = new_elem(c, (n->flags & DOC_HEADER) ? PDF_ROLE_THEAD :
	    PDF_ROLE_TBODY, te);
	map_put(&c->tags, key, g);
	return g;
}

/* The element that n's element goes in. */
static uint32_t
parent_elem(struct pdf_ctx *c, const struct doc_node *n)
{
	const struct doc_node *p = n->parent;
	uint32_t pe;

	if (p == NULL || p->type == DOC_ROOT)
		return c->tags.docelem;
	pe = elem_for(c, p);
	if (p->type == DOC_TABLE && n->type == DOC_ROW && !layout_of(n))
		return row_group(c, n, pe);
	if (p->type != DOC_ITEM)
		return pe;
	/* An item's blocks go in its LBody. */
	if ((pe = map_get(&c->tags, (const char *)p + ROLE_LBODY)) ==
	    PDF_NONE) {
		pe = new_elem(c, PDF_ROLE_LBODY, elem_for(c, p));
		map_put(&c->tags, (const char *)p + ROLE_LBODY, pe);
	}
	return pe;
}

/* The structure element of n, made (with its ancestors') on first use. */
static uint32_t
elem_make(struct pdf_ctx *c, const struct doc_node *n)
{
	uint32_t e, pe;
	enum pdf_role role;

	if (n == NULL || n->type == DOC_ROOT)
		return c->tags.docelem;
	/* A cell's only paragraph is the cell's own content: a chronology
	 * has a hundred thousand of them, and each element costs. */
	if (n->type == DOC_PARA && n->parent != NULL &&
	    n->parent->type == DOC_CELL && n->parent->first == n &&
	    n->parent->last == n)
		return elem_for(c, n->parent);
	if ((e = node_get(c, n)) != PDF_NONE)
		return e;
	pe = parent_elem(c, n);
	switch (n->type) {
	case DOC_SECTION:	role = PDF_ROLE_SECT; break;
	case DOC_HEADING:	/* levels 1 to 3 (doc.h) */
		role = n->level <= 1 ? PDF_ROLE_H1 : n->level == 2 ?
		    PDF_ROLE_H2 : PDF_ROLE_H3;
		break;
	case DOC_LIST:		role = PDF_ROLE_L; break;
	case DOC_ITEM:		role = PDF_ROLE_LI; break;
	case DOC_TABLE:
		role = n->flags & DOC_LAYOUT ? PDF_ROLE_DIV : PDF_ROLE_TABLE;
		break;
	case DOC_ROW:
		role = layout_of(n) ? PDF_ROLE_DIV : PDF_ROLE_TR;
		break;
	case DOC_CELL:
		role = layout_of(n) ? PDF_ROLE_DIV : n->parent != NULL &&
		    (n->parent->flags & DOC_HEADER) ? PDF_ROLE_TH : PDF_ROLE_TD;
		break;
	case DOC_IMAGE:		role = PDF_ROLE_FIGURE; break;
	case DOC_TOC:		role = PDF_ROLE_TOC; break;
	default:		role = PDF_ROLE_P; break;
	}
	e = new_elem(c, role, pe);
	/* A header cell says what it heads (PDF/UA). */
	if (role == PDF_ROLE_TH)
		c->tags.e[e].th = 1;
	if (n->type == DOC_IMAGE) {
		c->tags.alts = xgrow(c->tags.alts, &c->tags.altcap,
		    c->tags.nalts, sizeof(*c->tags.alts));
		c->tags.alts[c->tags.nalts].e = e;
		c->tags.alts[c->tags.nalts++].text = xstrdup(n->alt ? n->alt :
		    "");
		c->tags.e[e].hasalt = 1;
	}
	node_put(c, n, e);
	return e;
}

/* elem_make, remembering the last node asked about: its lines ask
 * again, one by one, and a chronology's map is too big to stay in the
 * cache. A node's element, once made, stays its element. */
static uint32_t
elem_for(struct pdf_ctx *c, const struct doc_node *n)
{
	struct pdf_tags *t = &c->tags;
	uint32_t e;

	if (n != NULL && n == t->last)
		return t->last_e;
	e = elem_make(c, n);
	if (n != NULL && of_doc(c, n)) {	/* outlives the drawing */
		t->last = n;
		t->last_e = e;
	}
	return e;
}

void
pdf_tag_init(struct pdf_ctx *c)
{
	/* Elements by node id: a chronology's million nodes in 4 MB,
	 * where a map by address took 24 and missed the cache. */
	c->tags.nbyid = doc_node_count(c->d);
	c->tags.byid = xgrow(NULL, &c->tags.bycap, c->tags.nbyid,
	    sizeof(*c->tags.byid));
	memset(c->tags.byid, 0, c->tags.nbyid * sizeof(*c->tags.byid));
	c->tags.root = pdfw_alloc(&c->w);
	c->tags.as = PDF_NONE;
	c->tags.docelem = new_elem(c, PDF_ROLE_DOCUMENT, PDF_NONE);
}

static uint32_t
num_add(struct pdf_tags *t, int page, uint32_t v)
{
	t->nums = xgrow(t->nums, &t->numscap, t->nnums, sizeof(*t->nums));
	t->nums[t->nnums].page = (unsigned char)page;
	t->nums[t->nnums].v = v;
	return (uint32_t)t->nnums++;
}

uint32_t
pdf_tag_page(struct pdf_ctx *c, uint32_t obj)
{
	struct pdf_tags *t = &c->tags;

	t->pg = xgrow(t->pg, &t->pgcap, t->npg, sizeof(*t->pg));
	memset(&t->pg[t->npg], 0, sizeof(*t->pg));
	t->pg[t->npg].obj = obj;
	return num_add(t, 1, (uint32_t)t->npg++);
}

/* Opens marked content of element e on page pi. */
static void
begin_elem(struct pdf_ctx *c, size_t pi, uint32_t e)
{
	struct pdf_tagpage *pg = &c->tags.pg[pi];
	struct pdf_elem *el = &c->tags.e[e];
	struct buf *b = pdf_out(c, pi);
	uint32_t mcid = (uint32_t)pg->n;

	buf_putc(b, '/');
	buf_puts(b, role_name[el->role]);
	buf_puts(b, " <</MCID ");
	pdf_uint(b, mcid);
	buf_puts(b, ">> BDC\n");
	pg->e = xgrow(pg->e, &pg->cap, pg->n, sizeof(*pg->e));
	pg->e[pg->n++] = e;
	if (el->pg == 0)
		el->pg = (uint32_t)pi + 1;
	kid_add(&c->tags, e, K_MCID, pi, mcid);
}

void
pdf_tag_begin(struct pdf_ctx *c, size_t pi, const struct doc_node *n)
{
	if (c->tags.as == PDF_ARTIFACT)
		pdf_tag_artifact(c, pi);
	else
		begin_elem(c, pi, pdf_tag_key(c, n));
}

void
pdf_tag_artifact(struct pdf_ctx *c, size_t pi)
{
	pdf_ops(c, pi, "/Artifact BMC\n");
}

void
pdf_tag_as(struct pdf_ctx *c, uint32_t e)
{
	c->tags.as = e;
}

uint32_t
pdf_tag_key(struct pdf_ctx *c, const struct doc_node *n)
{
	return c->tags.as != PDF_NONE ? c->tags.as : elem_for(c, n);
}

/* The Link element of url (the link node's own text, so one per link)
 * in paragraph n, made on first use. */
static uint32_t
link_elem(struct pdf_ctx *c, const struct doc_node *n, const char *url)
{
	uint32_t e;

	if ((e = map_get(&c->tags, url)) != PDF_NONE)
		return e;
	e = new_elem(c, PDF_ROLE_LINK, elem_for(c, n));
	map_put(&c->tags, url, e);
	return e;
}

void
pdf_tag_link(struct pdf_ctx *c, size_t pi, const struct doc_node *n,
    const char *url)
{
	if (c->tags.as != PDF_NONE)
		pdf_tag_begin(c, pi, n);
	else
		begin_elem(c, pi, link_elem(c, n, url));
}

/* Puts the annotation obj on page pi in Link element e; its key. */
static uint32_t
annot_in(struct pdf_ctx *c, uint32_t e, size_t pi, uint32_t obj)
{
	kid_add(&c->tags, e, K_OBJR, pi, obj);
	return num_add(&c->tags, 0, e);
}

uint32_t
pdf_tag_annot(struct pdf_ctx *c, const char *url, size_t pi, uint32_t obj)
{
	uint32_t e;

	if (c->tags.as != PDF_NONE ||
	    (e = map_get(&c->tags, url)) == PDF_NONE)
		return PDF_NONE;
	return annot_in(c, e, pi, obj);
}

uint32_t
pdf_tag_toc_link(struct pdf_ctx *c, uint32_t toci, size_t pi, uint32_t obj)
{
	return annot_in(c, new_elem(c, PDF_ROLE_LINK, toci), pi, obj);
}

void
pdf_tag_label(struct pdf_ctx *c, size_t pi, const struct doc_node *n)
{
	const struct doc_node *item = n;
	uint32_t e;

	while (item != NULL && item->type != DOC_ITEM)
		item = item->parent;
	if (c->tags.as != PDF_NONE || item == NULL) {
		pdf_tag_begin(c, pi, n);
		return;
	}
	/* The Lbl comes first in its LI, before the LBody. */
	if ((e = map_get(&c->tags, (const char *)item + ROLE_LBL)) ==
	    PDF_NONE) {
		e = new_elem(c, PDF_ROLE_LBL, elem_for(c, item));
		map_put(&c->tags, (const char *)item + ROLE_LBL, e);
	}
	begin_elem(c, pi, e);
}

void
pdf_tag_end(struct pdf_ctx *c, size_t pi)
{
	pdf_ops(c, pi, "EMC\n");
}

void
pdf_tag_touch(struct pdf_ctx *c, const struct doc_node *n)
{
	if (c->tags.as != PDF_ARTIFACT)
		(void)elem_for(c, n);
}

uint32_t
pdf_tag_new(struct pdf_ctx *c, const struct doc_node *n, enum pdf_role role)
{
	return new_elem(c, role, elem_for(c, n));
}

/* The XMP metadata PDF/UA asks for: the title and the PDF/UA part. */
static uint32_t
metadata(struct pdf_ctx *c)
{
	struct buf x = BUF_INIT;
	uint32_t md = pdfw_alloc(&c->w);
	const char *p;

	buf_puts(&x, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	for (p = c->d->title ? c->d->title : ""; *p; p++)
		switch (*p) {
		case '&': buf_puts(&x, "&amp;"); break;
		case '<': buf_puts(&x, "&lt;"); break;
		case '>': buf_puts(&x, "&gt;"); break;
		default: buf_putc(&x, *p); break;
		}
	buf_puts(&x, "</rdf:li></rdf:Alt></dc:title>\n"
	    "<pdfuaid:part>1</pdfuaid:part>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>\n");
	/* Not deflated: readable as XML. */
	pdfw_stream(&c->w, md, "/Type /Metadata /Subtype /XML", x.data, x.len,
	    0);
	buf_free(&x);
	return md;
}

static void
write_elem(struct pdf_ctx *c, const struct pdf_elem *e, struct buf *b)
{
	const struct pdf_tags *t = &c->tags;
	const struct pdf_kid *k;
	uint32_t i;

	buf_reset(b);
	/* Half a million of these in a chronology: no space a delimiter
	 * makes needless, no /Type (optional, ISO 32000-1 table 323), and
	 * a lone kid not in an array. */
	buf_puts(b, "<</S/");
	buf_puts(b, role_name[e->role]);
	buf_puts(b, "/P ");
	pdf_ref(b, e->parent == PDF_NONE ? t->root : t->e[e->parent].obj);
	if (e->pg != 0) {
		buf_puts(b, "/Pg ");
		pdf_ref(b, t->pg[e->pg - 1].obj);
	}
	buf_puts(b, e->nkids == 1 ? "/K " : "/K[");
	for (i = e->kfirst; i != 0; i = k->next) {
		k = &t->kid[i];
		if (i != e->kfirst)
			buf_putc(b, ' ');
		switch (k->kind) {
		case K_ELEM:
			pdf_ref(b, t->e[k->v].obj);
			break;
		case K_MCID:
			if (k->page + 1 == e->pg) {
				pdf_uint(b, k->v);
				break;
			}
			buf_puts(b, "<</Type/MCR/Pg ");
			pdf_ref(b, t->pg[k->page].obj);
			buf_puts(b, "/MCID ");
			pdf_uint(b, k->v);
			buf_puts(b, ">>");
			break;
		default:
			buf_puts(b, "<</Type/OBJR/Obj ");
			pdf_ref(b, k->v);
			buf_puts(b, "/Pg ");
			pdf_ref(b, t->pg[k->page].obj);
			buf_puts(b, ">>");
			break;
		}
	}
	if (e->nkids != 1)
		buf_putc(b, ']');
	if (e->th)
		buf_puts(b, "/A<</O/Table/Scope/Column>>");
	for (i = 0; e->hasalt && i < t->nalts; i++)
		if (&t->e[t->alts[i].e] == e) {
			buf_puts(b, "/Alt");
			pdf_textstr(b, t->alts[i].text);
		}
	buf_puts(b, ">>");
	pdfw_obj(&c->w, e->obj, b);
}

/* The parent tree's entries from to to (exclusive), as a Nums array. */
static void
nums(struct pdf_ctx *c, size_t from, size_t to, struct buf *b)
{
	const struct pdf_tags *t = &c->tags;
	size_t i, j;

	buf_puts(b, "/Nums [");
	for (i = from; i < to; i++) {
		const struct pdf_num *n = &t->nums[i];

		if (i > from)
			buf_putc(b, ' ');
		pdf_uint(b, i);
		buf_putc(b, ' ');
		if (!n->page) {
			pdf_ref(b, t->e[n->v].obj);
			continue;
		}
		buf_putc(b, '[');
		for (j = 0; j < t->pg[n->v].n; j++) {
			if (j)
				buf_putc(b, ' ');
			pdf_ref(b, t->e[t->pg[n->v].e[j]].obj);
		}
		buf_putc(b, ']');
	}
	buf_putc(b, ']');
}

/* Where the parent tree's leaf that starts at key from ends. */
static size_t
leaf_end(const struct pdf_ctx *c, size_t from)
{
	const struct pdf_tags *t = &c->tags;
	size_t to = from, refs = 0;

	while (to < t->nnums && to - from < NUMS_PER_LEAF) {
		refs += t->nums[to].page ? t->pg[t->nums[to].v].n : 1;
		/* Always one key, however many references it has. */
		if (refs > REFS_PER_LEAF && to > from)
			break;
		to++;
	}
	return to;
}

void
pdf_tag_write(struct pdf_ctx *c, struct buf *cat)
{
	struct pdf_tags *t = &c->tags;
	struct buf b = BUF_INIT, tree = BUF_INIT;
	size_t i, to;
	uint32_t leaf;

	for (i = 0; i < t->ne; i++)
		write_elem(c, &t->e[i], &b);
	/* The parent tree: in the root's dictionary, or two levels of
	 * leaves of NUMS_PER_LEAF keys. */
	if (leaf_end(c, 0) == t->nnums)
		nums(c, 0, t->nnums, &tree);
	else {
		buf_puts(&tree, "/Kids [");
		for (i = 0; i < t->nnums; i = to) {
			to = leaf_end(c, i);
			leaf = pdfw_alloc(&c->w);
			buf_reset(&b);
			buf_puts(&b, "<< /Limits [");
			pdf_uint(&b, i);
			buf_putc(&b, ' ');
			pdf_uint(&b, to - 1);
			buf_puts(&b, "] ");
			nums(c, i, to, &b);
			buf_puts(&b, " >>");
			pdfw_obj(&c->w, leaf, &b);
			if (i > 0)
				buf_putc(&tree, ' ');
			pdf_ref(&tree, leaf);
		}
		buf_putc(&tree, ']');
	}
	buf_reset(&b);
	buf_puts(&b, "<< /Type /StructTreeRoot /K [");
	pdf_ref(&b, t->e[t->docelem].obj);
	buf_puts(&b, "] /ParentTree << ");
	buf_put(&b, tree.data, tree.len);
	buf_puts(&b, " >> /ParentTreeNextKey ");
	pdf_uint(&b, t->nnums);
	buf_puts(&b, " >>");
	pdfw_obj(&c->w, t->root, &b);
	buf_free(&b);
	buf_free(&tree);
	buf_printf(cat, " /StructTreeRoot %u 0 R /MarkInfo << /Marked true >> "
	    "/Metadata %u 0 R", (unsigned)t->root, (unsigned)metadata(c));
}

void
pdf_tags_free(struct pdf_ctx *c)
{
	struct pdf_tags *t = &c->tags;
	size_t i;

	for (i = 0; i < t->nalts; i++)
		free(t->alts[i].text);
	for (i = 0; i < t->npg; i++)
		free(t->pg[i].e);
	free(t->alts);
	free(t->e);
	free(t->kid);
	free(t->keys);
	free(t->vals);
	free(t->byid);
	free(t->nums);
	free(t->pg);
	memset(t, 0, sizeof(*t));
}
