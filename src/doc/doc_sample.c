/* A sample document that uses every feature of the tree: the backends' test input. */
#include "doc_sample.h"

#include <stdio.h>

static const char *const names[] = {
	"Zoë", "Łukasz", "Siân", "Nguyễn Văn An", "O’Brien – “quoted”"
};

struct doc *
doc_sample(const char *logo)
{
	static const unsigned w3[] = { 2, 3, 5 };
	static const unsigned w5[] = { 3, 2, 2, 8, 6 };
	struct doc *d = doc_new();
	struct doc_node *sec, *p, *l, *it, *t, *r;
	unsigned i;
	char buf[256];

	doc_set(&d->title, "Sample document: every feature");
	doc_set(&d->subject, "cspr backend test");
	doc_set(&d->keywords, "cspr; test");
	doc_set(&d->creator, "Example Safeguarding Children Partnership");
	doc_set(&d->marking, "OFFICIAL-SENSITIVE");
	doc_set(&d->date, "2025-04-02");
	d->draft = 1;

	/* A title page, then the contents on a page of their own. */
	sec = doc_section(d->root, DOC_TITLEPAGE);
	if (logo != NULL)
		doc_image(sec, logo, "Example Safeguarding Children Partnership "
		    "logo", 50);
	doc_heading(sec, 1, "Sample document: every feature");
	doc_paras(sec, "Example Safeguarding Children Partnership\n"
	    "2 April 2025", 0);
	sec = doc_section(d->root, 0);
	doc_toc(sec, "Contents");
	p = doc_para(sec);
	doc_text(p, "Plain text, ", 0);
	doc_text(p, "bold text, ", DOC_BOLD);
	doc_text(p, "italic text, ", DOC_ITALIC);
	doc_text(p, "bold italic text", DOC_BOLD | DOC_ITALIC);
	doc_text(p, " and a link: ", 0);
	doc_link(p, "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
	    "Working Together to Safeguard Children");
	doc_text(p, ".", 0);
	doc_linebreak(p);
	doc_text(p, "After a line break: names Zoë, Łukasz, Siân, Nguyễn; "
	    "quotes ‘single’ and “double”; dashes – and —.", 0);
	doc_text(doc_para(sec), "Long words break inside the text box: "
	    "https://www.example.org/safeguarding/partnership/reviews/2025/"
	    "rapid-review-report-for-child-a-final-version-two.pdf and "
	    "LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochLlanfair"
	    "pwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch.", 0);
	doc_heading(sec, 2, "Lists");
	l = doc_list(sec, 0);
	for (i = 0; i < 3; i++) {
		it = doc_item(l);
		snprintf(buf, sizeof(buf), "Bullet item %u", i + 1);
		doc_text(doc_para(it), buf, 0);
	}
	it = doc_list(l->last, DOC_ORDERED);
	doc_text(doc_para(doc_item(it)), "Nested numbered item one", 0);
	doc_text(doc_para(doc_item(it)), "Nested numbered item two", 0);
	l = doc_list(sec, DOC_ORDERED);
	doc_text(doc_para(doc_item(l)), "Numbered item one", 0);
	doc_text(doc_para(doc_item(l)), "Numbered item two", 0);
	doc_heading(sec, 3, "A small table");
	t = doc_table(sec, 3, w3, 0);
	r = doc_row(t, DOC_HEADER);
	doc_cell(r, "Name", DOC_BOLD, NULL);
	doc_cell(r, "Role", DOC_BOLD, NULL);
	doc_cell(r, "Note", DOC_BOLD, NULL);
	for (i = 0; i < 5; i++) {
		r = doc_row(t, DOC_KEEP);
		doc_cell(r, names[i], 0, i % 2 ? "DCE9F5" : NULL);
		doc_cell(r, "Practitioner", 0, NULL);
		doc_cell(r, "First paragraph.\n\nSecond paragraph of the cell.",
		    0, NULL);
	}
	/* No widths given: the PDF sizes the columns from their content. */
	doc_heading(sec, 3, "Column widths from content");
	t = doc_table(sec, 3, NULL, 0);
	r = doc_row(t, DOC_HEADER);
	doc_cell(r, "No.", DOC_BOLD, NULL);
	doc_cell(r, "Seen", DOC_BOLD, NULL);
	doc_cell(r, "What the agency recorded", DOC_BOLD, NULL);
	for (i = 0; i < 3; i++) {
		r = doc_row(t, DOC_KEEP);
		snprintf(buf, sizeof(buf), "%u", i + 1);
		doc_cell(r, buf, 0, NULL);
		doc_cell(r, i % 2 ? "no" : "yes", 0, NULL);
		doc_cell(r, "A longer account of the contact, which takes the "
		    "room the short columns do not need.", 0, NULL);
	}
	doc_pagebreak(sec);
	doc_paras(sec, "After a page break.\n\nA second paragraph.", 0);

	sec = doc_section(d->root, DOC_LANDSCAPE);
	doc_heading(sec, 1, "A landscape section with a long table");
	t = doc_table(sec, 5, w5, DOC_SMALL);
	r = doc_row(t, DOC_HEADER);
	doc_cell(r, "Date", DOC_BOLD, NULL);
	doc_cell(r, "Agency", DOC_BOLD, NULL);
	doc_cell(r, "Age", DOC_BOLD, NULL);
	doc_cell(r, "What happened", DOC_BOLD, NULL);
	doc_cell(r, "Action", DOC_BOLD, NULL);
	for (i = 0; i < 60; i++) {
		r = doc_row(t, DOC_KEEP);
		snprintf(buf, sizeof(buf), "%02u/03/2024", i % 28 + 1);
		doc_cell(r, buf, 0, NULL);
		doc_cell(r, i % 3 == 0 ? "POL" : i % 3 == 1 ? "HV" : "CSC", DOC_BOLD,
		    i % 3 == 0 ? "E2EFDA" : i % 3 == 1 ? "FFF2CC" : "DCE9F5");
		doc_cell(r, "1y 9m", 0, NULL);
		snprintf(buf, sizeof(buf), "Event %u: a home visit to %s; the "
		    "child was seen and spoke about school. A longer sentence "
		    "so that the cell wraps over several lines in the table.",
		    i + 1, names[i % 5]);
		doc_cell(r, buf, 0, NULL);
		doc_cell(r, "Referral to early help; strategy discussion held.",
		    0, NULL);
	}
	return d;
}
