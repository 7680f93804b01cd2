/* Indented text dump of a document tree, for golden tests. */
#include "doc.h"

static const char *const names[] = {
	"root", "section", "heading", "para", "list", "item", "table",
	"row", "cell", "pagebreak", "text", "linebreak", "link", "image", "toc"
};

static void
dump(FILE *out, const struct doc_node *n, unsigned depth)
{
	const struct doc_node *c;
	unsigned i;

	for (i = 0; i < depth; i++)
		fputs("  ", out);
	fputs(names[n->type], out);
	switch (n->type) {
	case DOC_SECTION:
		if (n->flags & DOC_LANDSCAPE)
			fputs(" landscape", out);
		if (n->flags & DOC_TITLEPAGE)
			fputs(" title-page", out);
		break;
	case DOC_HEADING:
		fprintf(out, " %u", n->level);
		if (n->flags & DOC_TITLE)
			fputs(" title", out);
		break;
	case DOC_PARA:
		if (n->flags & DOC_KEEPNEXT)
			fputs(" keep-next", out);
		break;
	case DOC_LIST:
		if (n->flags & DOC_ORDERED)
			fputs(" ordered", out);
		break;
	case DOC_TABLE:
		fprintf(out, " cols=%u widths=", n->ncols);
		for (i = 0; i < n->ncols; i++)
			fprintf(out, "%s%u", i ? "," : "", n->colw[i]);
		if (n->flags & DOC_LAYOUT)
			fputs(" layout", out);
		if (n->flags & DOC_SMALL)
			fputs(" small", out);
		break;
	case DOC_ROW:
		if (n->flags & DOC_HEADER)
			fputs(" header", out);
		if (n->flags & DOC_KEEP)
			fputs(" keep", out);
		break;
	case DOC_CELL:
		if (n->shade[0])
			fprintf(out, " shade=%s", n->shade);
		break;
	case DOC_TEXT:
		if (n->flags & DOC_BOLD)
			fputs(" bold", out);
		if (n->flags & DOC_ITALIC)
			fputs(" italic", out);
		fprintf(out, " \"%s\"", n->text);
		break;
	case DOC_LINK:
		fprintf(out, " <%s>", n->text);
		break;
	case DOC_TOC:
		fprintf(out, " \"%s\" depth=%u", n->text, n->level);
		break;
	case DOC_IMAGE:
		/* Not the path: it depends on where the templates are. */
		fprintf(out, " width=%gmm alt=\"%s\"", n->width_mm, n->alt);
		break;
	default:
		break;
	}
	fputc('\n', out);
	if (depth > 64)
		return;
	for (c = n->first; c != NULL; c = c->next)
		dump(out, c, depth + 1);
}

void
doc_dump(FILE *out, const struct doc *d)
{
	fprintf(out, "doc title=\"%s\" lang=%s date=%s marking=%s draft=%d\n",
	    d->title ? d->title : "", d->lang ? d->lang : "",
	    d->date ? d->date : "-", d->marking ? d->marking : "-", d->draft);
	dump(out, d->root, 0);
}
