/* libFuzzer harness: the Markdown readers (chronology, scoping) and narratives into a document tree. */
#include "fuzz.h"
#include "doc/doc.h"
#include "doc/md_doc.h"
#include "ingest/ingest.h"
#include "model/case.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_ctx dg;
	struct chron_return cr;
	struct scoping_return sr;
	struct doc *d;
	char path[64], *text;
	size_t bad;
	int fd;

	fuzz_diag(&dg);
	if ((fd = fuzz_file(data, size, path, sizeof(path), ".md")) == -1)
		return 0;
	memset(&cr, 0, sizeof(cr));
	chron_read_md(&cr, path, &dg);
	chron_return_free(&cr);
	memset(&sr, 0, sizeof(sr));
	scoping_read_md(&sr, path, &dg);
	scoping_return_free(&sr);
	close(fd);
	/* A narrative: text already UTF-8-checked by its reader, so only
	 * valid UTF-8 without NUL goes on. */
	if (size < (1u << 20) && memchr(data, 0, size) == NULL &&
	    (text = malloc(size + 1)) != NULL) {
		memcpy(text, data, size);
		text[size] = '\0';
		d = doc_new();
		if (utf8_valid(text, size, &bad))
			md_doc(doc_section(d->root, 0), text, 1);
		doc_free(d);
		free(text);
	}
	return 0;
}
