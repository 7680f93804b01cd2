/* Reading an untrusted input file: size cap, UTF-8 and NUL checks with positions; shared small parsers. */
#include "input.h"
#include "limits.h"
#include "ingest.h"
#include "../util/alloc.h"
#include "../util/utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void
input_linecol(const char *s, size_t off, unsigned *line, unsigned *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80)
			(*col)++;
	}
}

int
input_read(const char *file, const char *what, struct buf *b,
    struct diag_ctx *dg)
{
	const char *nul;
	struct limits lim;
	char max[32];
	size_t bad = 0;
	unsigned line, col;
	int valid;

	limits_get(&lim);
	if (buf_read_regular(b, file, lim.file) == -1) {
		limits_show(lim.file, 1, max, sizeof(max));
		if (errno == EFBIG)
			diag_at(dg, DIAG_ERROR, file, 0, 0, "file is larger than "
			    "%s: split the return or remove embedded material "
			    "(or raise the limit: CSPR_LIMITS=file=N)", max);
		else if (errno == ELOOP)
			diag_at(dg, DIAG_ERROR, file, 0, 0, "not read: a "
			    "symbolic link (cspr reads only the files themselves: "
			    "copy the file into the case folder)");
		else if (errno == EINVAL)
			diag_at(dg, DIAG_ERROR, file, 0, 0, "not read: not a "
			    "regular file");
		else
			diag_at(dg, DIAG_ERROR, file, 0, 0, "%s",
			    strerror(errno));
		return -1;
	}
	nul = memchr(b->data, '\0', b->len);
	valid = utf8_valid(b->data, b->len, &bad);
	if (nul == NULL && valid)
		return 0;
	/* Report whichever problem comes first. */
	if (nul != NULL && (valid || (size_t)(nul - b->data) < bad))
		bad = (size_t)(nul - b->data);
	input_linecol(b->data, bad, &line, &col);
	if (b->data[bad] == '\0')
		diag_at(dg, DIAG_ERROR, file, line, col, "NUL byte: this is a "
		    "binary file, not %s", what);
	else
		diag_at(dg, DIAG_ERROR, file, line, col, "invalid UTF-8 byte "
		    "0x%02X: save the file as UTF-8",
		    (unsigned char)b->data[bad]);
	return -1;
}

void
input_split_ids(struct strlist *l, const char *s)
{
	const char *b;
	char *id;

	while (s != NULL && *s) {
		while (*s == ' ' || *s == ',' || *s == ';' || *s == '\n')
			s++;
		b = s;
		while (*s && *s != ' ' && *s != ',' && *s != ';' && *s != '\n')
			s++;
		if (s > b) {
			id = xstrndup(b, (size_t)(s - b));
			strlist_add(l, id);
			free(id);
		}
	}
}
