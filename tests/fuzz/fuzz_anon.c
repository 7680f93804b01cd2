/* libFuzzer harness: the anonymiser on arbitrary text, with the register of the hard fixture case. */
#include "fuzz.h"
#include "anon/anon.h"
#include "ingest/ingest.h"
#include "model/case.h"
#include "util/utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Built once: the harness's fixture (the anonymiser keeps pointers
 * into the register, so the case stays too). */
static struct kase *k;
static struct anon *an;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag_ctx dg;

	(void)argc;
	(void)argv;
	fuzz_diag(&dg);
	k = case_load("fixtures/cases/eastmoor-2026-003", &dg);
	if (k == NULL || (an = anon_new(k, AK_ALL,
	    "/usr/share/dict/british-english", "templates/publication-allow.txt",
	    &dg)) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct anon_hits h = { NULL, 0, 0 };
	char *s, *t;
	size_t i;

	if (size > (64u << 10))
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	t = utf8_sanitize(s);	/* the doc tree only ever holds this */
	free(s);
	anon_scan(an, t, strlen(t), 1, &h);
	for (i = 0; i < h.n; i++)
		if (h.v[i].start > h.v[i].end || h.v[i].end > strlen(t) ||
		    (i > 0 && h.v[i].start < h.v[i - 1].end))
			abort();	/* hits sorted, inside, apart */
	s = anon_apply(t, strlen(t), &h);
	anon_hits_free(&h);
	free(s);
	free(t);
	return 0;
}
