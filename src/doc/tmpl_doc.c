/* Builds a document from its template: properties, title page, contents, headings, wording, narratives and generated parts. */
#include "documents.h"
#include "md_doc.h"
#include "../util/buf.h"

#include <stdlib.h>
#include <string.h>

static const char *const box_default[8] = { NULL, "Background",
    "Why it matters", "Information", "Learning", "Reflective questions",
    "Things to remember", "What to do" };

/* The subject child as documents name them: pseudonym, else role. */
static const char *
child_name(const struct kase *k)
{
	const struct person *p = case_person(k, k->child);

	if (p == NULL)
		return "the child";
	return p->pseudonym ? p->pseudonym : p->role ? p->role : "the child";
}

static void
placeholder(struct doc_node *sec, const char *what, const char *where,
    int required, const struct docctx *x, struct strlist *missing)
{
	struct buf b = BUF_INIT;
	struct doc_node *p;

	buf_printf(&b, "%s (%s)", what, where);
	if (required && missing != NULL)
		strlist_add(missing, b.data);
	if (x->draft) {
		p = doc_para(sec);
		gen_text(p, "To be completed: ", DOC_BOLD | DOC_ITALIC);
		gen_text(p, b.data, DOC_ITALIC);
	}
	buf_free(&b);
}

/*
 * Publication: a heading with nothing under it (what it introduced is
 * missing, and publication shows no placeholder) is taken out, and so
 * is one that had only such headings under it: a reader finds no empty
 * section, nor its line in the contents. Passes until one takes out
 * nothing, so an emptied section's heading goes after its sub-headings.
 */
static void
drop_empty_headings(struct doc_node *sec)
{
	struct doc_node *c, *prev, *next;
	int dropped;

	do {
		dropped = 0;
		for (prev = NULL, c = sec->first; c != NULL; c = next) {
			next = c->next;
			if (c->type == DOC_HEADING && !(c->flags & DOC_TITLE) &&
			    (next == NULL || (next->type == DOC_HEADING &&
			    next->level <= c->level))) {
				if (prev != NULL)
					prev->next = next;
				else
					sec->first = next;
				if (sec->last == c)
					sec->last = prev;
				dropped = 1;
				continue;
			}
			prev = c;
		}
	} while (dropped);
}

/* The template logo, if there is one, with its alternative text. */
static void
logo(struct doc_node *sec, const struct docctx *x, double width_mm)
{
	struct buf alt = BUF_INIT;

	if (x->logo == NULL)
		return;
	buf_printf(&alt, "%s logo", x->k->partnership ? x->k->partnership :
	    "Partnership");
	doc_image(sec, x->logo, alt.data, width_mm);
	buf_free(&alt);
}

/* A new section; the document's first (with no title page) opens with
 * the logo and the title. */
static struct doc_node *
open_section(struct doc *d, unsigned flags, const struct docctx *x)
{
	int first = d->root->first == NULL;
	struct doc_node *sec = doc_section(d->root, flags);

	if (first) {
		logo(sec, x, 40);
		doc_heading(sec, 1, d->title)->flags |= DOC_TITLE;
	}
	return sec;
}

struct doc *
tmpl_doc(const struct tmpl *t, const struct docctx *x0,
    struct strlist *missing, struct diag_ctx *dg)
{
	const struct kase *k = x0->k;
	const struct cdate *dd = gen_doc_date(k);
	const struct tmpl_entry *e;
	const struct narrative *nv;
	struct docctx x = *x0;
	struct tmpl_vars vars;
	struct doc *d = doc_new();
	struct doc_node *sec = NULL;
	char incident[32], iso[16], *s, *names;
	const char *heading = "this section";
	unsigned flags = 0;
	char *boxes[8] = { NULL };
	size_t i;
	int rc, bad = 0;
	unsigned tocdepth = 2;

	dv_date(&x.dv, &k->dates.incident, incident, sizeof(incident));
	/* In a publication the case is named by its published name. */
	vars.ref = x.name;
	vars.partnership = k->partnership;
	vars.child = child_name(k);
	vars.incident = incident;
	for (i = 1; i <= 7; i++)
		x.box[i] = box_default[i];

	doc_set(&d->title, x.name);
	doc_set(&d->subject, k->kind == REVIEW_LCSPR ? "Local child "
	    "safeguarding practice review" : "Rapid review");
	doc_set(&d->keywords, "safeguarding; review");
	doc_set(&d->creator, k->partnership ? k->partnership : "cspr");
	doc_set(&d->marking, "OFFICIAL-SENSITIVE");
	if (dd != NULL) {
		date_iso(dd, iso, sizeof(iso));
		doc_set(&d->date, iso);
	}
	d->draft = x.draft;

	/* Properties and box titles first: they apply wherever they are. */
	for (i = 0; i < t->n; i++) {
		e = &t->v[i];
		s = e->arg ? tmpl_expand(e->arg, &vars) : NULL;
		switch (e->kind) {
		case TMPL_TITLE:
			doc_set(&d->title, s);
			break;
		case TMPL_SUBJECT:
			doc_set(&d->subject, s);
			break;
		case TMPL_MARKING:
			if (strcmp(s, "none") == 0) {
				free(d->marking);
				d->marking = NULL;
			} else
				doc_set(&d->marking, s);
			break;
		case TMPL_BOX:
			free(boxes[e->n]);
			x.box[e->n] = boxes[e->n] = s;
			s = NULL;
			break;
		case TMPL_CONTENTS3:
			tocdepth = 3;
			break;
		default:
			break;
		}
		free(s);
	}

	for (i = 0; i < t->n; i++) {
		e = &t->v[i];
		if (e->kind == TMPL_TITLE || e->kind == TMPL_SUBJECT ||
		    e->kind == TMPL_MARKING || e->kind == TMPL_BOX ||
		    e->kind == TMPL_CONTENTS3)
			continue;	/* applied above */
		if (e->kind == TMPL_LANDSCAPE || e->kind == TMPL_PORTRAIT) {
			flags = e->kind == TMPL_LANDSCAPE ? DOC_LANDSCAPE : 0;
			sec = open_section(d, flags, &x);
			continue;
		}
		if (e->kind == TMPL_TITLEPAGE) {
			struct doc_node *ts = doc_section(d->root,
			    flags | DOC_TITLEPAGE);
			struct buf b = BUF_INIT;
			char date[32] = "";

			logo(ts, &x, 50);
			doc_heading(ts, 1, d->title)->flags |= DOC_TITLE;
			if (dd != NULL)
				dv_date(&x.dv, dd, date, sizeof(date));
			{
				struct doc_node *p = doc_para(ts);

				doc_text(p, k->partnership ? k->partnership :
				    "", 0);
				doc_linebreak(p);
				gen_text(p, date, 0);
				doc_linebreak(p);
				buf_printf(&b, "Case %s", x.name);
				gen_text(p, b.data, 0);
			}
			buf_free(&b);
			sec = NULL;	/* what follows starts a new page */
			continue;
		}
		if (sec == NULL)
			sec = open_section(d, flags, &x);
		s = e->arg ? tmpl_expand(e->arg, &vars) : NULL;
		switch (e->kind) {
		case TMPL_CONTENTS:
			/* Sections (and subsections, where the template
			 * says): a document's own sub-headings would make
			 * the list too long. */
			doc_toc(sec, s)->level = tocdepth;
			doc_pagebreak(sec);
			break;
		case TMPL_SECTION:
		case TMPL_SUBSECTION:
			gen_heading(sec, e->kind == TMPL_SECTION ? 2 : 3, s);
			heading = e->arg;
			break;
		case TMPL_TEXT:
			/* The partnership's own wording, with the
			 * audience's values: not the case's text. */
			gen_paras(sec, s);
			break;
		case TMPL_NARRATIVE:
			/* Its key was checked when the template was loaded. */
			nv = review_narrative(&k->review, e->arg);
			if (nv != NULL) {
				/* Under a level-2 section, '#' is level 3. */
				if (md_doc(sec, nv->markdown, 3) == -1) {
					diag(dg, DIAG_ERROR, NULL, "cannot read "
					    "%s as Markdown", nv->file);
					bad = 1;
				}
			} else {
				struct buf where = BUF_INIT;

				buf_printf(&where, "review/%s.md", e->arg);
				placeholder(sec, heading, where.data,
				    e->required, &x, missing);
				buf_free(&where);
			}
			break;
		case TMPL_GENERATED:
			rc = generated(e->arg, sec, &x);
			if (rc == -1) {
				names = generated_names();
				diag_at(dg, DIAG_ERROR, t->file, e->line, 0,
				    "no generated part '%s' (valid: %s)",
				    e->arg, names);
				free(names);
				bad = 1;
			} else if (rc == 0)
				placeholder(sec, heading, "nothing in the case "
				    "for it yet", e->required, &x, missing);
			break;
		default:
			break;
		}
		free(s);
	}
	if (d->root->first == NULL)
		open_section(d, flags, &x);
	for (sec = d->root->first; !x.draft && sec != NULL; sec = sec->next)
		drop_empty_headings(sec);
	for (i = 0; i < 8; i++)
		free(boxes[i]);
	if (bad) {
		doc_free(d);
		return NULL;
	}
	return d;
}
