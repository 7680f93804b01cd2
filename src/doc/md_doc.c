/* Markdown as document-tree blocks (cmark-gfm with its table extension): a reviewer's narrative, a return's free-text field. */
#include "md_doc.h"
#include "../util/buf.h"
#include "../util/url.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <string.h>

#define MD_DEPTH	24	/* deeper nesting is flattened to text */

struct mdd {
	unsigned	 hbase;		/* level of a '#' heading */
	int		 top;		/* blocks go in a section */
};

static void blocks(struct mdd *, struct doc_node *, cmark_node *, unsigned);

/* The plain text of a subtree, for link text, alt text and what is
 * nested too deep to lay out: walked with cmark's iterator, so that no
 * depth of input (300 KB of ">") reaches the stack. */
static void
plain(cmark_node *n, struct buf *b)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_node *c;
	const char *lit;

	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
			continue;
		c = cmark_iter_get_node(it);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
			if ((lit = cmark_node_get_literal(c)) != NULL)
				buf_puts(b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, ' ');
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
		case CMARK_NODE_ITEM:
			/* Blocks flattened: a word apart. */
			if (b->len > 0 && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static void
inlines(struct doc_node *p, cmark_node *n, unsigned flags, unsigned depth)
{
	cmark_node *c;
	const char *lit, *url;
	struct buf b = BUF_INIT;

	for (c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			/* Text is text: markup that is not Markdown stays
			 * as written, never interpreted. */
			if ((lit = cmark_node_get_literal(c)) != NULL)
				doc_text(p, lit, flags);
			break;
		case CMARK_NODE_SOFTBREAK:
			doc_text(p, " ", flags);
			break;
		case CMARK_NODE_LINEBREAK:
			doc_linebreak(p);
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
			if (depth < MD_DEPTH) {
				inlines(p, c, flags | (cmark_node_get_type(c) ==
				    CMARK_NODE_EMPH ? DOC_ITALIC : DOC_BOLD),
				    depth + 1);
				break;
			}
			/* Too deep to style: its words all the same. */
			buf_reset(&b);
			plain(c, &b);
			if (b.data != NULL)
				doc_text(p, b.data, flags);
			break;
		case CMARK_NODE_LINK:
			buf_reset(&b);
			plain(c, &b);
			url = cmark_node_get_url(c);
			/* Only web and mail addresses are live: the rest
			 * are their words (cspr check warns). */
			if (url != NULL && *url != '\0' && url_is_web(url))
				doc_link(p, url, b.data ? b.data : url);
			else if (b.data != NULL)
				doc_text(p, b.data, flags);
			break;
		case CMARK_NODE_IMAGE:
			/* No pictures from narratives: their words stay. */
			buf_reset(&b);
			plain(c, &b);
			if (b.data != NULL)
				doc_text(p, b.data, flags);
			break;
		default:
			buf_reset(&b);
			plain(c, &b);
			if (b.data != NULL)
				doc_text(p, b.data, flags);
			break;
		}
	}
	buf_free(&b);
}

/* A code or HTML block: its lines, as written. */
static void
literal_block(struct doc_node *parent, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	struct buf b = BUF_INIT;
	size_t len;

	if (lit == NULL)
		return;
	buf_puts(&b, lit);
	len = b.len;
	while (len > 0 && b.data[len - 1] == '\n')
		b.data[--len] = '\0';
	/* doc_paras would read blank lines as new paragraphs: keep one
	 * paragraph with a line break per line. */
	{
		struct doc_node *p = doc_para(parent);
		char *s = b.data ? b.data : "", *e;

		for (;;) {
			e = strchr(s, '\n');
			if (e != NULL)
				*e = '\0';
			doc_text(p, s, 0);
			if (e == NULL)
				break;
			doc_linebreak(p);
			s = e + 1;
		}
	}
	buf_free(&b);
}

static void
table(struct doc_node *parent, cmark_node *t, unsigned depth)
{
	cmark_node *r, *c;
	struct doc_node *tn, *rn;
	unsigned ncols = 0, k;
	int head = 1;

	for (r = cmark_node_first_child(t); r; r = cmark_node_next(r)) {
		k = 0;
		for (c = cmark_node_first_child(r); c; c = cmark_node_next(c))
			k++;
		if (k > ncols)
			ncols = k;
	}
	if (ncols == 0)
		return;
	tn = doc_table(parent, ncols, NULL, 0);
	for (r = cmark_node_first_child(t); r; r = cmark_node_next(r)) {
		rn = doc_row(tn, head ? DOC_HEADER : DOC_KEEP);
		k = 0;
		for (c = cmark_node_first_child(r); c; c = cmark_node_next(c),
		    k++)
			inlines(doc_para(doc_cell_blocks(rn, NULL)), c,
			    head ? DOC_BOLD : 0, depth + 1);
		for (; k < ncols; k++)
			doc_cell(rn, NULL, 0, NULL);
		head = 0;
	}
}

static void
block(struct mdd *m, struct doc_node *parent, cmark_node *n, unsigned depth)
{
	struct doc_node *l;
	cmark_node *c;
	unsigned level;
	const char *type;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		inlines(doc_para(parent), n, 0, depth);
		break;
	case CMARK_NODE_HEADING:
		level = m->hbase + (unsigned)cmark_node_get_heading_level(n) - 1;
		if (m->top && depth == 0)
			inlines(doc_heading(parent, level > 3 ? 3 : level,
			    NULL), n, 0, depth);
		else	/* headings only at a section's top: elsewhere bold */
			inlines(doc_para(parent), n, DOC_BOLD, depth);
		break;
	case CMARK_NODE_LIST:
		l = doc_list(parent, cmark_node_get_list_type(n) ==
		    CMARK_ORDERED_LIST ? DOC_ORDERED : 0);
		for (c = cmark_node_first_child(n); c; c = cmark_node_next(c))
			blocks(m, doc_item(l), c, depth + 1);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		blocks(m, parent, n, depth + 1);
		break;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		literal_block(parent, n);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		break;
	default:
		type = cmark_node_get_type_string(n);
		if (type != NULL && strcmp(type, "table") == 0)
			table(parent, n, depth);
		break;
	}
}

static void
blocks(struct mdd *m, struct doc_node *parent, cmark_node *n, unsigned depth)
{
	cmark_node *c;
	struct buf b = BUF_INIT;

	if (depth > MD_DEPTH) {
		/* Too deep to lay out: its words, in one paragraph. */
		plain(n, &b);
		doc_text(doc_para(parent), b.data ? b.data : "", 0);
		buf_free(&b);
		return;
	}
	for (c = cmark_node_first_child(n); c; c = cmark_node_next(c))
		block(m, parent, c, depth);
}

static int
parse(struct doc_node *parent, const char *markdown, unsigned hbase,
    int options)
{
	cmark_syntax_extension *ext;
	cmark_parser *p;
	cmark_node *root;
	struct mdd m;

	m.hbase = hbase < 1 ? 1 : hbase > 3 ? 3 : hbase;
	m.top = parent->type == DOC_SECTION;
	cmark_gfm_core_extensions_ensure_registered();
	if ((p = cmark_parser_new(options)) == NULL)
		return -1;
	if ((ext = cmark_find_syntax_extension("table")) != NULL)
		cmark_parser_attach_syntax_extension(p, ext);
	cmark_parser_feed(p, markdown, strlen(markdown));
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	if (root == NULL)
		return -1;
	blocks(&m, parent, root, 0);
	cmark_node_free(root);
	return 0;
}

int
md_doc(struct doc_node *parent, const char *markdown, unsigned hbase)
{
	return parse(parent, markdown, hbase, CMARK_OPT_DEFAULT);
}

int
md_doc_field(struct doc_node *parent, const char *text)
{
	return parse(parent, text, 3, CMARK_OPT_DEFAULT | CMARK_OPT_HARDBREAKS);
}
