/* The output formats: each backend and the gate's reader of its files. */
#include "format.h"
#include "../util/buf.h"

#include <string.h>

const struct format cmd_formats[CMD_NFORMATS] = {
	{ "docx", "docx", docx_render, gate_read_docx },
	{ "pdf", "pdf", pdf_render, gate_read_pdf },
};

int
format_index(const char *name)
{
	int i;

	for (i = 0; i < CMD_NFORMATS; i++)
		if (strcmp(cmd_formats[i].name, name) == 0)
			return i;
	return -1;
}

char *
format_names(void)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < CMD_NFORMATS; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", cmd_formats[i].name);
	return buf_detach(&b);
}
