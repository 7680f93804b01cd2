/* The DOCX body: walks the document tree into word/document.xml, and writes the header and footer parts. */
#include "docx_int.h"
#include "../../util/alloc.h"
#include "../../util/png.h"

#include "../../util/xw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TWIPS_PER_MM	56.6929
#define A4_SHORT	11906
#define A4_LONG		16838

struct dx {
	struct xw		 w;
	unsigned		 nheadings;	/* bookmarks _Toc1, _Toc2, ... */
	unsigned		 shift;		/* 1: the title is the Title style,
						 * its sections Heading 1 */
	const struct doc	*d;
	const struct style	*st;
	struct docx_refs	*refs;
	int			 err;	/* a writer call failed */
};

/* Short names for the writer calls, which remember their failures. */
static void
st_(struct dx *x, const char *name)
{
	xw_start(&x->w, name);
}

static void
end_(struct dx *x)
{
	xw_end(&x->w);
}

static void
at_(struct dx *x, const char *name, const char *v)
{
	xw_attr(&x->w, name, v);
}

static void
atn_(struct dx *x, const char *name, long v)
{
	xw_attrn(&x->w, name, v);
}

/* <name w:val="v"/> */
static void
val_(struct dx *x, const char *name, const char *v)
{
	xw_empty(&x->w, name, NULL, v);
}

/* A literal fragment of markup (xw_raw). */
#define RAW(x, lit)	xw_raw(&(x)->w, (lit), sizeof(lit) - 1)

static void
text_(struct dx *x, const char *s)
{
	xw_text(&x->w, s);
}

/* Whether XML would lose spaces of s without xml:space="preserve". */
static int
needs_preserve(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && (s[0] == ' ' || s[n - 1] == ' ' ||
	    strstr(s, "  ") != NULL || strchr(s, '\t') != NULL);
}

static long
text_width(const struct dx *x, int landscape)
{
	long margin = (long)(x->st->margin_mm * TWIPS_PER_MM + 0.5);

	return (landscape ? A4_LONG : A4_SHORT) - 2 * margin;
}

/* A run's text: w:t elements, with a soft hyphen (U+00AD) as Word's
 * own optional hyphen between them. */
static void
run_text(struct dx *x, const char *text)
{
	const char *shy;
	char *piece = NULL;

	do {
		if ((shy = strstr(text, "\xC2\xAD")) != NULL)
			text = piece = xstrndup(text, (size_t)(shy - text));
		if (*text != '\0' || shy == NULL) {
			if (needs_preserve(text))
				RAW(x, "<w:t xml:space=\"preserve\">");
			else
				RAW(x, "<w:t>");
			xw_esc(&x->w, text, 0);
			RAW(x, "</w:t>");
		}
		if (shy != NULL) {
			RAW(x, "<w:softHyphen/>");
			text = shy + 2;
		}
		free(piece);
		piece = NULL;
	} while (shy != NULL);
}

static void
run(struct dx *x, const char *text, unsigned flags, const char *rstyle)
{
	/* The markup as literals: a run is the most repeated thing in a
	 * chronology's document.xml. */
	st_(x, "w:r");
	if (flags & (DOC_BOLD | DOC_ITALIC) || rstyle) {
		RAW(x, "<w:rPr>");
		if (rstyle) {
			RAW(x, "<w:rStyle w:val=\"");
			xw_esc(&x->w, rstyle, 1);
			RAW(x, "\"/>");
		}
		if (flags & DOC_BOLD)
			RAW(x, "<w:b/>");
		if (flags & DOC_ITALIC)
			RAW(x, "<w:i/>");
		RAW(x, "</w:rPr>");
	}
	run_text(x, text);
	end_(x);
}

static void
inlines(struct dx *x, const struct doc_node *n)
{
	const struct doc_node *c, *t;
	char rid[32];

	for (c = n->first; c != NULL; c = c->next) {
		switch (c->type) {
		case DOC_TEXT:
			run(x, c->text, c->flags, NULL);
			break;
		case DOC_LINEBREAK:
			st_(x, "w:r");
			val_(x, "w:br", NULL);
			end_(x);
			break;
		case DOC_LINK:
			x->refs->urls = xgrow(x->refs->urls, &x->refs->urlcap,
			    x->refs->nurls, sizeof(char *));
			x->refs->urls[x->refs->nurls] = xstrdup(c->text);
			snprintf(rid, sizeof(rid), "rId%zu",
			    DOCX_RID_LINK0 + x->refs->nurls++);
			st_(x, "w:hyperlink");
			at_(x, "r:id", rid);
			for (t = c->first; t != NULL; t = t->next)
				if (t->type == DOC_TEXT)
					run(x, t->text, t->flags, "Hyperlink");
			end_(x);
			break;
		default:
			break;
		}
	}
}

/* A paragraph of n's inlines with an optional style and numbering. */
static void
para(struct dx *x, const struct doc_node *n, const char *pstyle,
    unsigned numid, unsigned ilvl)
{
	char v[16];

	st_(x, "w:p");
	if (pstyle && !numid) {		/* a table cell's, most often */
		RAW(x, "<w:pPr><w:pStyle w:val=\"");
		xw_esc(&x->w, pstyle, 1);
		RAW(x, "\"/></w:pPr>");
	} else if (pstyle || numid) {
		st_(x, "w:pPr");
		if (pstyle)
			val_(x, "w:pStyle", pstyle);
		if (numid) {
			st_(x, "w:numPr");
			snprintf(v, sizeof(v), "%u", ilvl);
			val_(x, "w:ilvl", v);
			snprintf(v, sizeof(v), "%u", numid);
			val_(x, "w:numId", v);
			end_(x);
		}
		end_(x);
	}
	if (n != NULL)
		inlines(x, n);
	end_(x);
}

static void blocks(struct dx *, const struct doc_node *, int, int, unsigned);

/* Word's level for a heading of the tree: under a title in the Title
 * style, the tree's level 2 is Heading 1, as Word's own documents do. */
static unsigned
word_level(const struct dx *x, unsigned level)
{
	return level > x->shift ? level - x->shift : 1;
}
static void image(struct dx *, const struct doc_node *);

/* A heading, inside bookmark _Toc<n> so the contents can link to it. */
static void
heading(struct dx *x, const struct doc_node *n)
{
	char style[24], name[32];

	if (n->flags & DOC_TITLE)
		snprintf(style, sizeof(style), "Title");
	else
		snprintf(style, sizeof(style), "Heading%u",
		    word_level(x, n->level));
	snprintf(name, sizeof(name), "_Toc%u", ++x->nheadings);
	st_(x, "w:p");
	st_(x, "w:pPr");
	val_(x, "w:pStyle", style);
	end_(x);
	st_(x, "w:bookmarkStart");
	atn_(x, "w:id", x->nheadings);
	at_(x, "w:name", name);
	end_(x);
	inlines(x, n);
	st_(x, "w:bookmarkEnd");
	atn_(x, "w:id", x->nheadings);
	end_(x);
	end_(x);
}

static void
fldchar(struct dx *x, const char *type)
{
	st_(x, "w:r");
	st_(x, "w:fldChar");
	at_(x, "w:fldCharType", type);
	end_(x);
	end_(x);
}

/* Opens the TOC field: its instruction, then the result to come. */
static void
toc_field_begin(struct dx *x, unsigned depth)
{
	char instr[48];

	snprintf(instr, sizeof(instr), " TOC \\o \"1-%u\" \\h \\z \\u ", depth);
	fldchar(x, "begin");
	st_(x, "w:r");
	st_(x, "w:instrText");
	at_(x, "xml:space", "preserve");
	text_(x, instr);
	end_(x);
	end_(x);
	fldchar(x, "separate");
}

/*
 * The contents: a TOC field whose result is filled in already with every
 * heading, linked to its bookmark, so it is not empty before the reader
 * updates fields (which adds the page numbers). Headings are numbered in
 * document order, as heading() numbers their bookmarks.
 */
static void
toc_entries(struct dx *x, const struct doc_node *n, unsigned depth,
    unsigned *k, int *first)
{
	const struct doc_node *c;
	char style[24], anchor[32];

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == DOC_SECTION) {
			toc_entries(x, c, depth, k, first);
			continue;
		}
		if (c->type != DOC_HEADING)
			continue;
		/* Every heading has its bookmark; the contents list those
		 * down to their depth, all but the document's title. */
		++*k;
		if (c->level > depth || (c->flags & DOC_TITLE))
			continue;
		snprintf(style, sizeof(style), "TOC%u", word_level(x,
		    c->level));
		snprintf(anchor, sizeof(anchor), "_Toc%u", *k);
		st_(x, "w:p");
		st_(x, "w:pPr");
		val_(x, "w:pStyle", style);
		end_(x);
		if (*first) {
			toc_field_begin(x, word_level(x, depth));
			*first = 0;
		}
		st_(x, "w:hyperlink");
		at_(x, "w:anchor", anchor);
		inlines(x, c);
		end_(x);
		end_(x);
	}
}

static void
toc(struct dx *x, const struct doc_node *n)
{
	unsigned k = 0;
	int first = 1;

	st_(x, "w:p");
	st_(x, "w:pPr");
	val_(x, "w:pStyle", "TOCHeading");
	end_(x);
	run(x, n->text, 0, NULL);
	end_(x);
	toc_entries(x, x->d->root, n->level, &k, &first);
	st_(x, "w:p");
	if (first) {	/* no headings: an empty field all the same */
		toc_field_begin(x, word_level(x, n->level));
	}
	fldchar(x, "end");
	end_(x);
}

static void
list(struct dx *x, const struct doc_node *l, int landscape, int small,
    unsigned depth)
{
	const struct doc_node *it, *c;
	unsigned numid;
	int first;

	x->refs->ordered = xgrow(x->refs->ordered, &x->refs->listcap,
	    x->refs->nlists, sizeof(unsigned));
	x->refs->ordered[x->refs->nlists++] = (l->flags & DOC_ORDERED) != 0;
	numid = (unsigned)x->refs->nlists;
	for (it = l->first; it != NULL; it = it->next) {
		first = 1;
		for (c = it->first; c != NULL; c = c->next) {
			if (c->type == DOC_PARA && first) {
				para(x, c, "ListParagraph", numid,
				    depth > 8 ? 8 : depth);
				first = 0;
			} else if (c->type == DOC_LIST)
				list(x, c, landscape, small, depth + 1);
			else if (c->type == DOC_PARA)
				para(x, c, "ListParagraph", 0, 0);
			else
				blocks(x, c, landscape, small, depth + 1);
		}
	}
}

static void
table(struct dx *x, const struct doc_node *t, int landscape, unsigned depth)
{
	const struct doc_node *r, *c;
	struct buf *tcw;
	long width = text_width(x, landscape), *cw;
	unsigned long total = 0;
	unsigned i;
	int small = (t->flags & DOC_SMALL) != 0;

	cw = xcalloc(t->ncols ? t->ncols : 1, sizeof(*cw));
	for (i = 0; i < t->ncols; i++)
		total += t->colw[i];
	for (i = 0; i < t->ncols; i++)
		cw[i] = total ? (long)((double)width * t->colw[i] / total) : 0;
	tcw = xcalloc(t->ncols ? t->ncols : 1, sizeof(*tcw));
	for (i = 0; i < t->ncols; i++)
		buf_printf(&tcw[i], "<w:tcPr><w:tcW w:w=\"%ld\" "
		    "w:type=\"dxa\"/>", cw[i]);
	st_(x, "w:tbl");
	st_(x, "w:tblPr");
	val_(x, "w:tblStyle", "TableGrid");
	st_(x, "w:tblW");
	at_(x, "w:w", "5000");
	at_(x, "w:type", "pct");
	end_(x);
	st_(x, "w:tblLayout");
	at_(x, "w:type", "fixed");
	end_(x);
	if (t->flags & DOC_LAYOUT)
		/* Says what the table is for (Word shows it as alt text):
		 * boxes read left to right, top to bottom. */
		val_(x, "w:tblCaption", "Layout table: read the boxes left to "
		    "right, top to bottom");
	st_(x, "w:tblLook");
	at_(x, "w:val", "04A0");
	at_(x, "w:firstRow", "1");
	at_(x, "w:lastRow", "0");
	at_(x, "w:firstColumn", "0");
	at_(x, "w:lastColumn", "0");
	at_(x, "w:noHBand", "1");
	at_(x, "w:noVBand", "1");
	end_(x);
	end_(x);
	st_(x, "w:tblGrid");
	for (i = 0; i < t->ncols; i++) {
		st_(x, "w:gridCol");
		atn_(x, "w:w", cw[i]);
		end_(x);
	}
	end_(x);
	for (r = t->first; r != NULL; r = r->next) {
		st_(x, "w:tr");
		if (r->flags & (DOC_HEADER | DOC_KEEP)) {
			st_(x, "w:trPr");
			if (r->flags & DOC_KEEP)
				val_(x, "w:cantSplit", NULL);
			if (r->flags & DOC_HEADER)
				val_(x, "w:tblHeader", NULL);
			end_(x);
		}
		for (c = r->first, i = 0; c != NULL; c = c->next, i++) {
			st_(x, "w:tc");
			/* <w:tcPr><w:tcW w:w="N" w:type="dxa"/>, made once
			 * for each column. */
			if (i < t->ncols)
				xw_raw(&x->w, tcw[i].data, tcw[i].len);
			else
				RAW(x, "<w:tcPr><w:tcW w:w=\"0\" "
				    "w:type=\"dxa\"/>");
			if (c->shade[0]) {
				RAW(x, "<w:shd w:val=\"clear\" w:fill=\"");
				xw_esc(&x->w, c->shade, 1);
				RAW(x, "\"/>");
			}
			RAW(x, "</w:tcPr>");
			blocks(x, c, landscape, small, depth + 1);
			/* Word calls a cell that does not end in a paragraph
			 * damaged. */
			if (c->last == NULL || c->last->type != DOC_PARA)
				para(x, NULL, small ? "TableText" : NULL, 0, 0);
			end_(x);
		}
		end_(x);
	}
	end_(x);
	for (i = 0; i < t->ncols; i++)
		buf_free(&tcw[i]);
	free(tcw);
	free(cw);
}

static void
blocks(struct dx *x, const struct doc_node *n, int landscape, int small,
    unsigned depth)
{
	const struct doc_node *c;
	char style[24];

	if (depth > 32)		/* deeper trees are not built by cspr */
		return;
	for (c = n->first; c != NULL; c = c->next) {
		switch (c->type) {
		case DOC_HEADING:
			/* Only a section's own headings are in the contents
			 * (as in the PDF), so only they are bookmarked. */
			if (depth == 0)
				heading(x, c);
			else {
				snprintf(style, sizeof(style), "Heading%u",
				    word_level(x, c->level));
				para(x, c, style, 0, 0);
			}
			break;
		case DOC_TOC:
			toc(x, c);
			break;
		case DOC_PARA:
			para(x, c, small ? "TableText" : (c->flags &
			    DOC_KEEPNEXT) ? "Label" : NULL, 0, 0);
			break;
		case DOC_LIST:
			list(x, c, landscape, small, 0);
			break;
		case DOC_TABLE:
			table(x, c, landscape, depth);
			break;
		case DOC_IMAGE:
			image(x, c);
			break;
		case DOC_PAGEBREAK:
			st_(x, "w:p");
			st_(x, "w:r");
			st_(x, "w:br");
			at_(x, "w:type", "page");
			end_(x);
			end_(x);
			end_(x);
			break;
		default:
			break;
		}
	}
}

#define EMU_PER_MM	36000

/* An inline picture in a paragraph of its own, with its alternative text
 * in docPr/@descr, where Word's accessibility checker looks. */
static void
image(struct dx *x, const struct doc_node *n)
{
	unsigned w, h;
	long cx, cy;
	size_t id;
	char rid[32], name[32];

	if (png_size(n->text, &w, &h) == -1) {
		x->err = 1;	/* render() checked it; the file changed since */
		return;
	}
	x->refs->images = xgrow(x->refs->images, &x->refs->imagecap,
	    x->refs->nimages, sizeof(char *));
	x->refs->images[x->refs->nimages++] = n->text;
	id = x->refs->nimages;
	snprintf(rid, sizeof(rid), "rId%zu", DOCX_RID_IMAGE0 + id - 1);
	snprintf(name, sizeof(name), "image%zu.png", id);
	cx = (long)(n->width_mm * EMU_PER_MM);
	cy = (long)((double)cx * h / w);
	st_(x, "w:p");
	st_(x, "w:r");
	st_(x, "w:drawing");
	st_(x, "wp:inline");
	st_(x, "wp:extent");
	atn_(x, "cx", cx);
	atn_(x, "cy", cy);
	end_(x);
	st_(x, "wp:docPr");
	atn_(x, "id", (long)id);
	at_(x, "name", name);
	at_(x, "descr", n->alt);
	end_(x);
	st_(x, "a:graphic");
	st_(x, "a:graphicData");
	at_(x, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
	st_(x, "pic:pic");
	st_(x, "pic:nvPicPr");
	st_(x, "pic:cNvPr");
	atn_(x, "id", (long)id);
	at_(x, "name", name);
	at_(x, "descr", n->alt);
	end_(x);
	val_(x, "pic:cNvPicPr", NULL);
	end_(x);
	st_(x, "pic:blipFill");
	st_(x, "a:blip");
	at_(x, "r:embed", rid);
	end_(x);
	st_(x, "a:stretch");
	val_(x, "a:fillRect", NULL);
	end_(x);
	end_(x);
	st_(x, "pic:spPr");
	st_(x, "a:xfrm");
	st_(x, "a:off");
	at_(x, "x", "0");
	at_(x, "y", "0");
	end_(x);
	st_(x, "a:ext");
	atn_(x, "cx", cx);
	atn_(x, "cy", cy);
	end_(x);
	end_(x);
	st_(x, "a:prstGeom");
	at_(x, "prst", "rect");
	val_(x, "a:avLst", NULL);
	end_(x);
	end_(x);
	end_(x);	/* pic:pic */
	end_(x);	/* a:graphicData */
	end_(x);	/* a:graphic */
	end_(x);	/* wp:inline */
	end_(x);	/* w:drawing */
	end_(x);	/* w:r */
	end_(x);	/* w:p */
}

static void
sectpr(struct dx *x, int landscape)
{
	long margin = (long)(x->st->margin_mm * TWIPS_PER_MM + 0.5);

	st_(x, "w:sectPr");
	st_(x, "w:headerReference");
	at_(x, "w:type", "default");
	at_(x, "r:id", DOCX_RID_HEADER);
	end_(x);
	st_(x, "w:footerReference");
	at_(x, "w:type", "default");
	at_(x, "r:id", DOCX_RID_FOOTER);
	end_(x);
	st_(x, "w:pgSz");
	atn_(x, "w:w", landscape ? A4_LONG : A4_SHORT);
	atn_(x, "w:h", landscape ? A4_SHORT : A4_LONG);
	if (landscape)
		at_(x, "w:orient", "landscape");
	end_(x);
	st_(x, "w:pgMar");
	atn_(x, "w:top", margin);
	atn_(x, "w:right", margin);
	atn_(x, "w:bottom", margin);
	atn_(x, "w:left", margin);
	atn_(x, "w:header", margin / 2);
	atn_(x, "w:footer", margin / 2);
	atn_(x, "w:gutter", 0);
	end_(x);
	end_(x);
}

/*
 * A title page's blocks start a third of the way down: an empty
 * paragraph of that exact height (Word and LibreOffice both honour it;
 * LibreOffice ignores a section's vertical alignment).
 */
static void
title_drop(struct dx *x, int landscape)
{
	long margin = (long)(x->st->margin_mm * TWIPS_PER_MM + 0.5);
	long body = (landscape ? A4_SHORT : A4_LONG) - 2 * margin;

	st_(x, "w:p");
	st_(x, "w:pPr");
	st_(x, "w:spacing");
	at_(x, "w:before", "0");
	at_(x, "w:after", "0");
	atn_(x, "w:line", (long)(body * DOC_TITLEDROP));
	at_(x, "w:lineRule", "exact");
	end_(x);
	end_(x);
	end_(x);
}

/* Starts a part: XML declaration and the root with both namespaces. */
static void
part_begin(struct dx *x, const char *root,
    int (*sink)(void *, const char *, size_t), void *arg)
{
	xw_init(&x->w, sink, arg);
	xw_raw(&x->w, DOCX_PART_HEAD, sizeof(DOCX_PART_HEAD) - 1);
	st_(x, root);
	at_(x, "xmlns:w", DOCX_NS_W);
	at_(x, "xmlns:r", DOCX_NS_R);
}

/* Ends the part and moves what is left of its text into out. */
static int
part_end(struct dx *x, struct buf *out)
{
	int rc = -1;

	if (xw_finish(&x->w) == 0 && !x->err) {
		if (out != NULL) {
			buf_free(out);
			*out = x->w.buf;
			memset(&x->w.buf, 0, sizeof(x->w.buf));
		}
		rc = 0;
	}
	xw_free(&x->w);
	return rc;
}

int
docx_body(const struct doc *d, const struct style *st,
    struct docx_refs *refs, int (*sink)(void *, const char *, size_t),
    void *arg)
{
	struct dx x;
	const struct doc_node *sec;

	memset(&x, 0, sizeof(x));
	x.d = d;
	x.st = st;
	x.refs = refs;
	/* The title, if any, is on the first page. */
	for (sec = d->root->first ? d->root->first->first : NULL; sec != NULL;
	    sec = sec->next)
		if (sec->type == DOC_HEADING && (sec->flags & DOC_TITLE))
			x.shift = 1;
	part_begin(&x, "w:document", sink, arg);
	at_(&x, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/"
	    "wordprocessingDrawing");
	at_(&x, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
	at_(&x, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/"
	    "picture");
	st_(&x, "w:body");
	for (sec = d->root->first; sec != NULL; sec = sec->next) {
		int landscape = (sec->flags & DOC_LANDSCAPE) != 0;

		if (sec->flags & DOC_TITLEPAGE)
			title_drop(&x, landscape);
		blocks(&x, sec, landscape, 0, 0);
		if (sec->next != NULL) {
			/* A section ends with a paragraph holding its sectPr. */
			st_(&x, "w:p");
			st_(&x, "w:pPr");
			sectpr(&x, landscape);
			end_(&x);
			end_(&x);
		} else
			sectpr(&x, landscape);
	}
	if (d->root->first == NULL) {
		para(&x, NULL, NULL, 0, 0);
		sectpr(&x, 0);
	}
	return part_end(&x, NULL);
}

/* The protective marking, centred and bold. */
static void
marking(struct dx *x)
{
	if (x->d->marking == NULL)
		return;
	st_(x, "w:p");
	st_(x, "w:pPr");
	val_(x, "w:jc", "center");
	end_(x);
	run(x, x->d->marking, DOC_BOLD, NULL);
	end_(x);
}

/*
 * A line with a left and a right part, as a borderless table of the full
 * text width: a tab stop would sit mid-page in a landscape section, and
 * LibreOffice ignores margin-relative tabs (w:ptab).
 */
static void
cell_begin(struct dx *x, const char *style, const char *jc)
{
	st_(x, "w:tc");
	st_(x, "w:tcPr");
	st_(x, "w:tcW");
	at_(x, "w:w", "2500");
	at_(x, "w:type", "pct");
	end_(x);
	end_(x);
	st_(x, "w:p");
	st_(x, "w:pPr");
	val_(x, "w:pStyle", style);
	val_(x, "w:jc", jc);
	end_(x);
}

static void
line_begin(struct dx *x, const char *style)
{
	st_(x, "w:tbl");
	st_(x, "w:tblPr");
	st_(x, "w:tblW");
	at_(x, "w:w", "5000");
	at_(x, "w:type", "pct");
	end_(x);
	st_(x, "w:tblBorders");
	val_(x, "w:top", "nil");
	val_(x, "w:left", "nil");
	val_(x, "w:bottom", "nil");
	val_(x, "w:right", "nil");
	val_(x, "w:insideH", "nil");
	val_(x, "w:insideV", "nil");
	end_(x);
	st_(x, "w:tblLayout");
	at_(x, "w:type", "fixed");
	end_(x);
	end_(x);
	st_(x, "w:tblGrid");
	st_(x, "w:gridCol");
	at_(x, "w:w", "4500");
	end_(x);
	st_(x, "w:gridCol");
	at_(x, "w:w", "4500");
	end_(x);
	end_(x);
	st_(x, "w:tr");
	cell_begin(x, style, "left");
}

/* Closes the left cell's paragraph and cell; opens the right one. */
static void
line_middle(struct dx *x, const char *style)
{
	end_(x);
	end_(x);
	cell_begin(x, style, "right");
}

static void
line_end(struct dx *x)
{
	end_(x);	/* w:p */
	end_(x);	/* w:tc */
	end_(x);	/* w:tr */
	end_(x);	/* w:tbl */
}

static void
styled_para_begin(struct dx *x, const char *style)
{
	st_(x, "w:p");
	st_(x, "w:pPr");
	val_(x, "w:pStyle", style);
	end_(x);
}

int
docx_header(const struct doc *d, struct buf *out)
{
	struct dx x;

	memset(&x, 0, sizeof(x));
	x.d = d;
	part_begin(&x, "w:hdr", NULL, NULL);
	marking(&x);
	line_begin(&x, "Header");
	if (d->title)
		run(&x, d->title, 0, NULL);
	line_middle(&x, "Header");
	if (d->draft)
		run(&x, "DRAFT", 0, "Draft");
	line_end(&x);
	/* A header ends with a paragraph, as a table cell does. */
	styled_para_begin(&x, "Header");
	end_(&x);
	end_(&x);
	return part_end(&x, out);
}

static void
field(struct dx *x, const char *instr)
{
	st_(x, "w:fldSimple");
	at_(x, "w:instr", instr);
	run(x, "1", 0, NULL);
	end_(x);
}

int
docx_footer(const struct doc *d, struct buf *out)
{
	struct dx x;

	memset(&x, 0, sizeof(x));
	x.d = d;
	part_begin(&x, "w:ftr", NULL, NULL);
	/* The marking before the line, not after it: LibreOffice clips a
	 * footer paragraph that follows a table. */
	marking(&x);
	line_begin(&x, "Footer");
	if (d->draft)
		run(&x, "DRAFT", 0, "Draft");
	line_middle(&x, "Footer");
	run(&x, "Page ", 0, NULL);
	field(&x, " PAGE ");
	run(&x, " of ", 0, NULL);
	field(&x, " NUMPAGES ");
	line_end(&x);
	/* A footer ends with a paragraph: a hairline one, as nothing
	 * after the table can show. */
	st_(&x, "w:p");
	st_(&x, "w:pPr");
	st_(&x, "w:spacing");
	at_(&x, "w:before", "0");
	at_(&x, "w:after", "0");
	at_(&x, "w:line", "20");
	at_(&x, "w:lineRule", "exact");
	end_(&x);
	st_(&x, "w:rPr");
	val_(&x, "w:sz", "2");
	end_(&x);
	end_(&x);
	end_(&x);
	end_(&x);
	return part_end(&x, out);
}

void
docx_refs_free(struct docx_refs *refs)
{
	size_t i;

	for (i = 0; i < refs->nurls; i++)
		free(refs->urls[i]);
	free(refs->urls);
	free(refs->images);
	free(refs->ordered);
	memset(refs, 0, sizeof(*refs));
}
