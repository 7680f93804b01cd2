/* libFuzzer harness: every XML reader (case, chronology, scoping and review) on arbitrary bytes. */
#include "fuzz.h"
#include "ingest/ingest.h"
#include "model/case.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_ctx dg;
	struct chron_return cr;
	struct scoping_return sr;
	struct kase *k;
	char path[64];
	int fd;

	fuzz_diag(&dg);
	if ((fd = fuzz_file(data, size, path, sizeof(path), ".xml")) == -1)
		return 0;
	memset(&cr, 0, sizeof(cr));
	chron_read_xml(&cr, path, &dg);
	chron_return_free(&cr);
	memset(&sr, 0, sizeof(sr));
	scoping_read_xml(&sr, path, &dg);
	scoping_return_free(&sr);
	k = case_new();
	manifest_read_xml(k, path, &dg);
	review_read_xml(&k->review, path, &dg);
	case_free(k);
	close(fd);
	return 0;
}
