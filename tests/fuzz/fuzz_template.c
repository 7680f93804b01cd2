/* libFuzzer harness: a template file loaded, expanded and built into a document for the shipped case. */
#include "fuzz.h"
#include "doc/documents.h"
#include "model/calendar.h"
#include "model/case.h"
#include "model/tmpl.h"
#include "transform/merge.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kase *k;		/* built once: the harness's fixture */
static struct chronology *ch;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag_ctx dg;
	struct merge_opts mo = { 0, MERGE_GAP_DAYS };

	(void)argc;
	(void)argv;
	fuzz_diag(&dg);
	if ((k = case_load("fixtures/cases/northshire-2025-014", &dg)) == NULL)
		abort();
	ch = merge_case(k, &mo);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_ctx dg;
	struct tmpl t;
	struct docctx x;
	struct strlist missing = { NULL, 0, 0 };
	struct doc *d;
	char path[64];
	int fd;

	fuzz_diag(&dg);
	if ((fd = fuzz_file(data, size, path, sizeof(path), ".txt")) == -1)
		return 0;
	memset(&t, 0, sizeof(t));
	if (tmpl_load(&t, path, &dg) == 0) {
		memset(&x, 0, sizeof(x));
		x.k = k;
		x.ch = ch;
		x.draft = 1;
		if ((d = tmpl_doc(&t, &x, &missing, &dg)) != NULL)
			doc_free(d);
		strlist_free(&missing);
	}
	tmpl_free(&t);
	close(fd);
	return 0;
}
