/* The one switch over backends. */
#include "render.h"

int
render(enum render_format fmt, const struct doc *d, const struct style *st,
    const char *path, struct diag_ctx *dg)
{
	switch (fmt) {
	case FORMAT_DOCX:
		return docx_render(d, st, path, dg);
	case FORMAT_PDF:
		return pdf_render(d, st, path, dg);
	}
	return -1;
}

const char *
render_ext(enum render_format fmt)
{
	return fmt == FORMAT_DOCX ? "docx" : "pdf";
}
