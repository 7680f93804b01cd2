/* Tagged PDF on libharu's object layer: the structure tree, marked content, artifacts, MarkInfo. */
#include "pdf_int.h"
#include "../../util/alloc.h"
#include "../../util/buf.h"
#include "../../util/hash.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/*
 * libharu 2.3 has no tagged-PDF API, but its object layer (dictionaries,
 * arrays, the cross-reference table) and each page's content stream are
 * reachable through its installed headers. The structure tree is built
 * with them as the pages are drawn:
 *
 *   - every block of the document tree that draws something gets a
 *     structure element (Document > Sect > H1-H3, P, L > LI > LBody,
 *     Table > TR > TH/TD, Figure with /Alt, TOC > TOCI), created when its
 *     first content is drawn, so the children's order is reading order;
 *   - each piece of drawn text is a marked-content sequence with an MCID
 *     of its page, referred to from its element's /K;
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
 * PDF 1.7's Annex C gives 8,191 as the array size readers must handle
 * (libharu's own limit is 32,767): a chronology of 50,000 rows puts its
 * rows in TBody groups of at most ROWS_PER_TBODY, and the parent tree
 * in leaves of at most NUMS_PER_LEAF keys.
 */
#define ROWS_PER_TBODY	8000
#define NUMS_PER_LEAF	4000

static uintptr_t
hash_ptr(const void *p)
{
	uintptr_t h = (uintptr_t)p;

	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15u;
	return h ^ (h >> 29);
}

static HPDF_Dict
map_get(const struct pdf_tags *t, const void *key)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = hash_ptr(key) & (t->cap - 1); t->keys[i] != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->keys[i] == key)
			return t->vals[i];
	return NULL;
}

static void
map_put(struct pdf_tags *t, const void *key, HPDF_Dict val)
{
	const void **ok = t->keys;
	HPDF_Dict *ov = t->vals;
	size_t i, ocap = t->cap;

	if (2 * (t->n + 1) > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		/* Handles. NOLINTBEGIN(bugprone-sizeof-expression) */
		t->keys = xcalloc(t->cap, sizeof(*t->keys));
		t->vals = xcalloc(t->cap, sizeof(*t->vals));
		/* NOLINTEND(bugprone-sizeof-expression) */
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

/* Records the first libharu failure; returns st. */
static HPDF_STATUS
chk(struct pdf_ctx *c, HPDF_STATUS st)
{
	if (st != HPDF_OK && !pdf_failed(c))
		pdf_error_low(c, st);
	return st;
}

/* A new indirect structure element of role s under parent (NULL: the
 * tree's root), appended to its parent's kids. */
static HPDF_Dict
new_elem(struct pdf_ctx *c, const char *s, HPDF_Dict parent)
{
	HPDF_Dict e;
	HPDF_Array kids;

	if ((e = HPDF_Dict_New(c->pdf->mmgr)) == NULL ||
	    chk(c, HPDF_Xref_Add(c->pdf->xref, e)) != HPDF_OK ||
	    (kids = HPDF_Array_New(c->pdf->mmgr)) == NULL) {
		chk(c, HPDF_FAILD_TO_ALLOC_MEM);
		return NULL;
	}
	chk(c, HPDF_Dict_AddName(e, "Type", "StructElem"));
	chk(c, HPDF_Dict_AddName(e, "S", s));
	chk(c, HPDF_Dict_Add(e, "P", parent ? parent : c->tags.root));
	chk(c, HPDF_Dict_Add(e, "K", kids));
	kids = parent ? HPDF_Dict_GetItem(parent, "K", HPDF_OCLASS_ARRAY) :
	    c->tags.rootkids;
	if (kids != NULL)
		chk(c, HPDF_Array_Add(kids, e));
	return pdf_failed(c) ? NULL : e;
}

/* Points key, already in the map, at val. */
static void
map_set(struct pdf_tags *t, const void *key, HPDF_Dict val)
{
	size_t i;

	for (i = hash_ptr(key) & (t->cap - 1); t->keys[i] != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->keys[i] == key) {
			t->vals[i] = val;
			return;
		}
}

static HPDF_Dict elem_for(struct pdf_ctx *, const struct doc_node *);

/* The THead or TBody that row n goes in, under its table's element te:
 * a new TBody after every ROWS_PER_TBODY rows. */
static HPDF_Dict
row_group(struct pdf_ctx *c, const struct doc_node *n, HPDF_Dict te)
{
	const char *key = (const char *)n->parent;
	HPDF_Dict g;
	HPDF_Array k;

	key += (n->flags & DOC_HEADER) ? ROLE_THEAD : ROLE_TBODY;
	if ((g = map_get(&c->tags, key)) != NULL) {
		k = HPDF_Dict_GetItem(g, "K", HPDF_OCLASS_ARRAY);
		if ((n->flags & DOC_HEADER) || k == NULL ||
		    HPDF_Array_Items(k) < ROWS_PER_TBODY)
			return g;
		if ((g = new_elem(c, "TBody", te)) != NULL)
			map_set(&c->tags, key, g);
		return g;
	}
	if ((g = new_elem(c, (n->flags & DOC_HEADER) ? "THead" : "TBody",
	    te)) != NULL)
		map_put(&c->tags, key, g);
	return g;
}

/* Whether a row or cell is in a layout table (not data: Div, not TR). */
static int
layout_of(const struct doc_node *n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n->type == DOC_TABLE)
			return (n->flags & DOC_LAYOUT) != 0;
	return 0;
}

/* The element that n's element goes in. */
static HPDF_Dict
parent_elem(struct pdf_ctx *c, const struct doc_node *n)
{
	const struct doc_node *p = n->parent;
	HPDF_Dict pe;

	if (p == NULL || p->type == DOC_ROOT)
		return c->tags.docelem;
	if ((pe = elem_for(c, p)) == NULL)
		return NULL;
	if (p->type == DOC_TABLE && n->type == DOC_ROW && !layout_of(n))
		return row_group(c, n, pe);
	if (p->type != DOC_ITEM)
		return pe;
	/* An item's blocks go in its LBody. */
	if ((pe = map_get(&c->tags, (const char *)p + ROLE_LBODY)) == NULL &&
	    (pe = new_elem(c, "LBody", elem_for(c, p))) != NULL)
		map_put(&c->tags, (const char *)p + ROLE_LBODY, pe);
	return pe;
}

/* The structure element of n, made (with its ancestors') on first use. */
static HPDF_Dict
elem_for(struct pdf_ctx *c, const struct doc_node *n)
{
	HPDF_Dict e, pe, a;
	HPDF_String alt;
	char role[8];

	if (n == NULL || n->type == DOC_ROOT)
		return c->tags.docelem;
	if ((e = map_get(&c->tags, n)) != NULL)
		return e;
	/* A cell's only paragraph is the cell's own content: a chronology
	 * has a hundred thousand of them, and each element costs. */
	if (n->type == DOC_PARA && n->parent != NULL &&
	    n->parent->type == DOC_CELL && n->parent->first == n &&
	    n->parent->last == n)
		return elem_for(c, n->parent);
	if ((pe = parent_elem(c, n)) == NULL)
		return NULL;
	switch (n->type) {
	case DOC_SECTION:	snprintf(role, sizeof(role), "Sect"); break;
	case DOC_HEADING:	snprintf(role, sizeof(role), "H%u", n->level);
				break;
	case DOC_LIST:		snprintf(role, sizeof(role), "L"); break;
	case DOC_ITEM:		snprintf(role, sizeof(role), "LI"); break;
	case DOC_TABLE:
		snprintf(role, sizeof(role), n->flags & DOC_LAYOUT ? "Div" :
		    "Table");
		break;
	case DOC_ROW:
		snprintf(role, sizeof(role), layout_of(n) ? "Div" : "TR");
		break;
	case DOC_CELL:
		snprintf(role, sizeof(role), layout_of(n) ? "Div" :
		    n->parent != NULL && (n->parent->flags & DOC_HEADER) ?
		    "TH" : "TD");
		break;
	case DOC_IMAGE:		snprintf(role, sizeof(role), "Figure"); break;
	case DOC_TOC:		snprintf(role, sizeof(role), "TOC"); break;
	default:		snprintf(role, sizeof(role), "P"); break;
	}
	if ((e = new_elem(c, role, pe)) == NULL)
		return NULL;
	if (n->type == DOC_CELL && role[1] == 'H') {
		/* A header cell says what it heads (PDF/UA). */
		if ((a = HPDF_Dict_New(c->pdf->mmgr)) == NULL)
			return chk(c, HPDF_FAILD_TO_ALLOC_MEM), NULL;
		chk(c, HPDF_Dict_AddName(a, "O", "Table"));
		chk(c, HPDF_Dict_AddName(a, "Scope", "Column"));
		chk(c, HPDF_Dict_Add(e, "A", a));
	}
	if (n->type == DOC_IMAGE) {
		if ((alt = HPDF_String_New(c->pdf->mmgr, n->alt ? n->alt : "",
		    c->enc)) == NULL)
			return chk(c, HPDF_FAILD_TO_ALLOC_MEM), NULL;
		chk(c, HPDF_Dict_Add(e, "Alt", alt));
	}
	map_put(&c->tags, n, e);
	return pdf_failed(c) ? NULL : e;
}

int
pdf_tag_init(struct pdf_ctx *c)
{
	struct pdf_tags *t = &c->tags;
	HPDF_Dict mark;

	if ((t->root = HPDF_Dict_New(c->pdf->mmgr)) == NULL ||
	    chk(c, HPDF_Xref_Add(c->pdf->xref, t->root)) != HPDF_OK ||
	    (t->rootkids = HPDF_Array_New(c->pdf->mmgr)) == NULL ||
	    (mark = HPDF_Dict_New(c->pdf->mmgr)) == NULL)
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), -1;
	chk(c, HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot"));
	chk(c, HPDF_Dict_Add(t->root, "K", t->rootkids));
	chk(c, HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE));
	chk(c, HPDF_Dict_Add(c->pdf->catalog, "MarkInfo", mark));
	chk(c, HPDF_Dict_Add(c->pdf->catalog, "StructTreeRoot", t->root));
	if (pdf_failed(c))
		return -1;
	if ((t->docelem = new_elem(c, "Document", NULL)) == NULL)
		return -1;
	return 0;
}

int
pdf_tag_page(struct pdf_ctx *c, HPDF_Page page)
{
	struct pdf_tags *t = &c->tags;
	HPDF_Array a;

	/* NOLINTNEXTLINE(bugprone-sizeof-expression): handles */
	t->parr = xgrow(t->parr, &t->parrcap, t->nparr, sizeof(*t->parr));
	if ((a = HPDF_Array_New(c->pdf->mmgr)) == NULL ||
	    chk(c, HPDF_Xref_Add(c->pdf->xref, a)) != HPDF_OK)
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), -1;
	t->parr[t->nparr] = a;
	t->nums = xgrow(t->nums, &t->numscap, t->nnums, sizeof(*t->nums));
	t->nums[t->nnums] = a;
	if (chk(c, HPDF_Dict_AddNumber(page, "StructParents",
	    (HPDF_INT32)t->nnums++)) != HPDF_OK ||
	    chk(c, HPDF_Dict_AddName(page, "Tabs", "S")) != HPDF_OK)
		return -1;
	t->nparr++;
	return 0;
}

/* Writes raw operators to the content stream of page pi. */
static void
put_ops(struct pdf_ctx *c, size_t pi, const char *ops)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)c->pages[pi]->attr;

	chk(c, HPDF_Stream_WriteStr(attr->stream, ops));
}

/* Opens marked content of element e on page pi. */
static int
begin_elem(struct pdf_ctx *c, size_t pi, HPDF_Dict e)
{
	struct pdf_tags *t = &c->tags;
	HPDF_Dict mcr, pg;
	HPDF_Array kids;
	HPDF_Number nr;
	unsigned mcid;
	char ops[HPDF_LIMIT_MAX_NAME_LEN + 48];

	if (e == NULL || pi >= t->nparr)
		return -1;
	mcid = (unsigned)HPDF_Array_Items(t->parr[pi]);
	snprintf(ops, sizeof(ops), "/%s <</MCID %u>> BDC\n",
	    ((HPDF_Name)HPDF_Dict_GetItem(e, "S", HPDF_OCLASS_NAME))->value,
	    mcid);
	put_ops(c, pi, ops);
	chk(c, HPDF_Array_Add(t->parr[pi], e));
	if ((kids = HPDF_Dict_GetItem(e, "K", HPDF_OCLASS_ARRAY)) == NULL)
		return chk(c, HPDF_INVALID_OBJECT), -1;
	pg = HPDF_Dict_GetItem(e, "Pg", HPDF_OCLASS_DICT);
	if (pg == NULL)
		chk(c, HPDF_Dict_Add(e, "Pg", c->pages[pi]));
	if (pg == NULL || pg == c->pages[pi]) {
		/* Content on the element's own page: the MCID alone. */
		chk(c, HPDF_Array_AddNumber(kids, (HPDF_INT32)mcid));
		return pdf_failed(c) ? -1 : 0;
	}
	if ((mcr = HPDF_Dict_New(c->pdf->mmgr)) == NULL ||
	    (nr = HPDF_Number_New(c->pdf->mmgr, (HPDF_INT32)mcid)) == NULL)
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), -1;
	chk(c, HPDF_Dict_AddName(mcr, "Type", "MCR"));
	chk(c, HPDF_Dict_Add(mcr, "Pg", c->pages[pi]));
	chk(c, HPDF_Dict_Add(mcr, "MCID", nr));
	chk(c, HPDF_Array_Add(kids, mcr));
	return pdf_failed(c) ? -1 : 0;
}

int
pdf_tag_begin(struct pdf_ctx *c, size_t pi, const struct doc_node *n)
{
	if (c->tags.artifact) {
		put_ops(c, pi, "/Artifact BMC\n");
		return pdf_failed(c) ? -1 : 0;
	}
	return begin_elem(c, pi, c->tags.override != NULL ? c->tags.override :
	    elem_for(c, n));
}

/* The Link element of url (the link node's own text, so one per link)
 * in paragraph n, made on first use. */
static HPDF_Dict
link_elem(struct pdf_ctx *c, const struct doc_node *n, const char *url)
{
	HPDF_Dict e;

	if ((e = map_get(&c->tags, url)) != NULL)
		return e;
	if ((e = new_elem(c, "Link", elem_for(c, n))) != NULL)
		map_put(&c->tags, url, e);
	return e;
}

int
pdf_tag_link(struct pdf_ctx *c, size_t pi, const struct doc_node *n,
    const char *url)
{
	if (c->tags.artifact || c->tags.override != NULL)
		return pdf_tag_begin(c, pi, n);
	return begin_elem(c, pi, link_elem(c, n, url));
}

/* Puts annotation a (on page pi) in Link element e. */
static void
annot_in(struct pdf_ctx *c, size_t pi, HPDF_Dict e, HPDF_Annotation a,
    const char *what)
{
	struct pdf_tags *t = &c->tags;
	HPDF_Dict objr;
	HPDF_Array kids;

	if ((objr = HPDF_Dict_New(c->pdf->mmgr)) == NULL) {
		chk(c, HPDF_FAILD_TO_ALLOC_MEM);
		return;
	}
	chk(c, HPDF_Dict_AddName(objr, "Type", "OBJR"));
	chk(c, HPDF_Dict_Add(objr, "Obj", a));
	chk(c, HPDF_Dict_Add(objr, "Pg", c->pages[pi]));
	if ((kids = HPDF_Dict_GetItem(e, "K", HPDF_OCLASS_ARRAY)) != NULL)
		chk(c, HPDF_Array_Add(kids, objr));
	t->nums = xgrow(t->nums, &t->numscap, t->nnums, sizeof(*t->nums));
	t->nums[t->nnums] = e;
	chk(c, HPDF_Dict_AddNumber(a, "StructParent",
	    (HPDF_INT32)t->nnums++));
	/* PDF/UA: an annotation says what it is for. */
	chk(c, HPDF_Dict_Add(a, "Contents", HPDF_String_New(c->pdf->mmgr,
	    what, c->enc)));
}

void
pdf_tag_annot(struct pdf_ctx *c, size_t pi, const char *url,
    HPDF_Annotation a)
{
	HPDF_Dict e;

	if (c->tags.artifact || c->tags.override != NULL ||
	    (e = map_get(&c->tags, url)) == NULL)
		return;
	annot_in(c, pi, e, a, url);
}

void
pdf_tag_toc_link(struct pdf_ctx *c, size_t pi, HPDF_Dict toci,
    HPDF_Annotation a, const char *what)
{
	HPDF_Dict e;

	if (toci != NULL && (e = new_elem(c, "Link", toci)) != NULL)
		annot_in(c, pi, e, a, what);
}

int
pdf_tag_label(struct pdf_ctx *c, size_t pi, const struct doc_node *n)
{
	const struct doc_node *item = n;
	HPDF_Dict e;

	if (c->tags.artifact || c->tags.override != NULL)
		return pdf_tag_begin(c, pi, n);
	while (item != NULL && item->type != DOC_ITEM)
		item = item->parent;
	if (item == NULL)
		return pdf_tag_begin(c, pi, n);
	/* The Lbl comes first in its LI, before the LBody. */
	if ((e = map_get(&c->tags, (const char *)item + ROLE_LBL)) == NULL) {
		if ((e = new_elem(c, "Lbl", elem_for(c, item))) == NULL)
			return -1;
		map_put(&c->tags, (const char *)item + ROLE_LBL, e);
	}
	return begin_elem(c, pi, e);
}

void
pdf_tag_end(struct pdf_ctx *c, size_t pi)
{
	put_ops(c, pi, "EMC\n");
}

void
pdf_tag_touch(struct pdf_ctx *c, const struct doc_node *n)
{
	if (!c->tags.artifact)
		(void)elem_for(c, n);
}

HPDF_Dict
pdf_tag_new(struct pdf_ctx *c, const struct doc_node *n, const char *role)
{
	HPDF_Dict pe = elem_for(c, n);

	return pe == NULL ? NULL : new_elem(c, role, pe);
}

/* The XMP metadata PDF/UA asks for: the title and the PDF/UA part. */
static int
metadata(struct pdf_ctx *c)
{
	HPDF_Dict md;
	struct buf x = BUF_INIT;
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
	if ((md = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref)) == NULL) {
		buf_free(&x);
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), -1;
	}
	md->filter = HPDF_STREAM_FILTER_NONE;	/* readable as XML */
	chk(c, HPDF_Dict_AddName(md, "Type", "Metadata"));
	chk(c, HPDF_Dict_AddName(md, "Subtype", "XML"));
	chk(c, HPDF_Stream_Write(md->stream, (const HPDF_BYTE *)x.data,
	    (HPDF_UINT)x.len));
	chk(c, HPDF_Dict_Add(c->pdf->catalog, "Metadata", md));
	buf_free(&x);
	return pdf_failed(c) ? -1 : 0;
}

/*
 * The file identifier (the trailer's /ID), from the document's content,
 * so the same document always has the same one. Without it, tools that
 * rewrite the file (qpdf) invent a random one. Its bytes are hex digits,
 * so that a reader decoding every string finds no stray word in it.
 */
int
pdf_file_id(struct pdf_ctx *c)
{
	struct hash h;
	char hex[HASH_HEX];
	HPDF_Array id;

	hash_init(&h);
	hash_str(&h, "cspr pdf id");
	doc_hash(c->d, &h);
	hash_hex(&h, hex);
	if ((id = HPDF_Array_New(c->pdf->mmgr)) == NULL)
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), -1;
	chk(c, HPDF_Array_Add(id, HPDF_Binary_New(c->pdf->mmgr,
	    (HPDF_BYTE *)hex, 16)));
	chk(c, HPDF_Array_Add(id, HPDF_Binary_New(c->pdf->mmgr,
	    (HPDF_BYTE *)hex, 16)));
	chk(c, HPDF_Dict_Add(c->pdf->trailer, "ID", id));
	return pdf_failed(c) ? -1 : 0;
}

/* A leaf of the parent tree: keys from to to (exclusive). */
static HPDF_Dict
nums_leaf(struct pdf_ctx *c, size_t from, size_t to)
{
	struct pdf_tags *t = &c->tags;
	HPDF_Dict leaf;
	HPDF_Array nums, lim;
	size_t i;

	if ((leaf = HPDF_Dict_New(c->pdf->mmgr)) == NULL ||
	    (nums = HPDF_Array_New(c->pdf->mmgr)) == NULL)
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), NULL;
	for (i = from; i < to; i++) {
		chk(c, HPDF_Array_AddNumber(nums, (HPDF_INT32)i));
		chk(c, HPDF_Array_Add(nums, t->nums[i]));
	}
	chk(c, HPDF_Dict_Add(leaf, "Nums", nums));
	if (from == 0 && to == t->nnums)
		return leaf;	/* the whole tree in its root */
	if ((lim = HPDF_Array_New(c->pdf->mmgr)) == NULL ||
	    chk(c, HPDF_Xref_Add(c->pdf->xref, leaf)) != HPDF_OK)
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), NULL;
	chk(c, HPDF_Array_AddNumber(lim, (HPDF_INT32)from));
	chk(c, HPDF_Array_AddNumber(lim, (HPDF_INT32)(to - 1)));
	chk(c, HPDF_Dict_Add(leaf, "Limits", lim));
	return pdf_failed(c) ? NULL : leaf;
}

int
pdf_tag_finish(struct pdf_ctx *c)
{
	struct pdf_tags *t = &c->tags;
	HPDF_Dict tree, leaf;
	HPDF_Array kids;
	size_t i, to;

	if (t->nnums <= NUMS_PER_LEAF)
		tree = nums_leaf(c, 0, t->nnums);
	else if ((tree = HPDF_Dict_New(c->pdf->mmgr)) == NULL ||
	    (kids = HPDF_Array_New(c->pdf->mmgr)) == NULL)
		return chk(c, HPDF_FAILD_TO_ALLOC_MEM), -1;
	else {
		/* A number tree of two levels: 8,191 leaves of 4,000 keys
		 * is more than a PDF's pages and links can need. */
		for (i = 0; i < t->nnums; i = to) {
			to = i + NUMS_PER_LEAF < t->nnums ? i + NUMS_PER_LEAF :
			    t->nnums;
			if ((leaf = nums_leaf(c, i, to)) == NULL)
				return -1;
			chk(c, HPDF_Array_Add(kids, leaf));
		}
		chk(c, HPDF_Dict_Add(tree, "Kids", kids));
	}
	if (tree == NULL)
		return -1;
	chk(c, HPDF_Dict_Add(t->root, "ParentTree", tree));
	chk(c, HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey",
	    (HPDF_INT32)t->nnums));
	if (pdf_failed(c))
		return -1;
	return metadata(c);
}

void
pdf_tags_free(struct pdf_tags *t)
{
	free(t->keys);
	free(t->vals);
	free(t->parr);
	free(t->nums);
	memset(t, 0, sizeof(*t));
}
