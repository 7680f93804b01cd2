/* libFuzzer harness: a whole build of a small case whose narrative is the fuzzer's bytes, through both backends. */
#include "fuzz.h"
#include "anon/anon.h"
#include "anon/anon_doc.h"
#include "doc/documents.h"
#include "model/case.h"
#include "model/style.h"
#include "render/render.h"
#include "transform/merge.h"
#include "cmd/cmd.h"
#include "util/utf8.h"

#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Built once: the harness's fixture. */
static struct kase *k;
static struct docset ds;
static struct style st;
static struct anon *an;
static char dir[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag_ctx dg;

	(void)argc;
	(void)argv;
	fuzz_diag(&dg);
	snprintf(dir, sizeof(dir), "/tmp/cspr-fuzz-build.%d", (int)getpid());
	if (mkdir(dir, 0700) == -1 ||
	    (k = case_load("fixtures/cases/eastmoor-2026-003", &dg)) == NULL ||
	    style_load(&st, "templates/style.conf", &dg) == -1 ||
	    docset_load(&ds, "templates", &dg) == -1 ||
	    (an = cmd_anon(k, "templates", NULL, 1, &dg)) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_ctx dg;
	struct merge_opts mo = { 0, MERGE_GAP_DAYS };
	struct chronology *ch;
	struct residual *r;
	struct narrative *n;
	struct doc *d;
	char path[128], *text, *keep;
	size_t i, bad;

	/* Up to the size cspr accepts for a narrative (8 MiB): a harness
	 * that stops short cannot find what only long input does. */
	if (size > (8u << 20) || memchr(data, 0, size) != NULL)
		return 0;
	fuzz_diag(&dg);
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (!utf8_valid(text, size, &bad)) {
		free(text);
		return 0;
	}
	/* The bytes stand in for the summary narrative. */
	n = (struct narrative *)review_narrative(&k->review, "summary");
	keep = n->markdown;
	n->markdown = text;
	ch = merge_case(k, &mo);
	r = residual_new();
	for (i = 0; i < CMD_NDOCS; i++) {
		if ((d = docset_build(&ds, i, k, ch, i % 2 == 0, NULL, &dg)) == NULL)
			continue;
		if (i % 2 == 0)
			cmd_publish_doc(an, d, r, cmd_docnames[i]);
		snprintf(path, sizeof(path), "%s/out.docx", dir);
		render(docx_render, d, &st, path, &dg);
		snprintf(path, sizeof(path), "%s/out.pdf", dir);
		render(pdf_render, d, &st, path, &dg);
		doc_free(d);
	}
	residual_free(r);
	chronology_free(ch);
	n->markdown = keep;
	free(text);
	return 0;
}
