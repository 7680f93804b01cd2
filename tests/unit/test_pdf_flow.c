/* Unit tests: the PDF page flow leaves no paragraph's line alone at a page's foot or head. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc/doc.h"
#include "model/style.h"
#include "render/render.h"
#include "util/buf.h"
#include "util/diag.h"

#define NPARA	90
#define MAXPAGE	64

/* Lines of paragraph k on each page: distinct word tops. */
struct seen {
	double	 top[MAXPAGE][16];
	unsigned n[MAXPAGE];
};

static void
add_top(struct seen *s, unsigned page, double top)
{
	unsigned i;

	for (i = 0; i < s->n[page]; i++)
		if (top > s->top[page][i] - 0.5 && top < s->top[page][i] + 0.5)
			return;
	if (s->n[page] < 16)
		s->top[page][s->n[page]++] = top;
}

/* Paragraph k: words "pK" and filler, 1 to 6 lines long. */
static struct doc *
flow_doc(void)
{
	struct doc *d = doc_new();
	struct doc_node *sec = doc_section(d->root, 0);
	struct buf b = BUF_INIT;
	unsigned k, w, nwords;

	doc_set(&d->title, "Flow");
	doc_heading(sec, 1, "Widows and orphans");
	for (k = 0; k < NPARA; k++) {
		buf_reset(&b);
		nwords = 9 + (k * 37) % 70;
		for (w = 0; w < nwords; w++)
			buf_printf(&b, "%sp%u lorem", w ? " " : "", k);
		doc_text(doc_para(sec), b.data, 0);
	}
	buf_free(&b);
	return d;
}

static void
test_no_lonely_lines(void **state)
{
	static struct seen seen[NPARA];
	struct diag_ctx dg;
	struct style st;
	struct doc *d;
	char pdf[] = "/tmp/cspr-flow-XXXXXX", cmd[128], line[512];
	FILE *p;
	unsigned page = 0, k, i, first, last, multi = 0;
	double y;
	int fd;

	(void)state;
	memset(seen, 0, sizeof(seen));
	diag_init(&dg, stderr);
	assert_int_equal(style_load(&st, "templates/style.conf", &dg), 0);
	assert_true((fd = mkstemp(pdf)) != -1);
	close(fd);
	d = flow_doc();
	assert_int_equal(render(pdf_render, d, &st, pdf, &dg), 0);
	snprintf(cmd, sizeof(cmd), "pdftotext -bbox %s -", pdf);
	assert_non_null(p = popen(cmd, "r"));
	while (fgets(line, sizeof(line), p) != NULL) {
		const char *wd;

		if (strstr(line, "<page ") != NULL)
			page++;
		if ((wd = strstr(line, "<word ")) == NULL ||
		    sscanf(strstr(wd, "yMin=\"") + 6, "%lf", &y) != 1 ||
		    (wd = strchr(wd, '>')) == NULL || wd[1] != 'p' ||
		    sscanf(wd + 2, "%u", &k) != 1 || k >= NPARA ||
		    page >= MAXPAGE)
			continue;
		add_top(&seen[k], page, y);
	}
	assert_int_equal(pclose(p), 0);
	unlink(pdf);
	assert_true(page > 3);
	for (k = 0; k < NPARA; k++) {
		first = last = 0;
		for (i = 1; i < MAXPAGE; i++)
			if (seen[k].n[i]) {
				if (!first)
					first = i;
				last = i;
			}
		assert_true(first != 0);
		if (first == last)
			continue;
		multi++;
		if (seen[k].n[first] < 2 || seen[k].n[last] < 2)
			fail_msg("paragraph %u: %u line(s) on page %u, %u on "
			    "page %u", k, seen[k].n[first], first,
			    seen[k].n[last], last);
	}
	assert_true(multi > 0);	/* some paragraphs did cross pages */
	doc_free(d);
	style_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_lonely_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
