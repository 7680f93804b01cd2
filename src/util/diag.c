/* Diagnostics: formats, prints and counts every message to the user. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const sevname[] = { "note", "warning", "error" };

void
diag_init(struct diag_ctx *d, FILE *out)
{
	d->out = out;
	d->prog = "cspr";
	d->nerrors = d->nwarnings = 0;
	d->quiet_warnings = 0;
	d->progress = 0;
	d->held = NULL;
	d->heldlen = 0;
}

int
diag_hold(struct diag_ctx *d, const struct diag_ctx *parent)
{
	diag_init(d, NULL);
	if ((d->out = open_memstream(&d->held, &d->heldlen)) == NULL)
		return -1;
	d->prog = parent->prog;
	d->quiet_warnings = parent->quiet_warnings;
	return 0;
}

void
diag_release(struct diag_ctx *d, struct diag_ctx *parent)
{
	fclose(d->out);
	d->out = NULL;
	if (d->heldlen > 0) {
		if (parent->progress) {
			fputs("\r\033[K", parent->out);
			parent->progress = 0;
		}
		fwrite(d->held, 1, d->heldlen, parent->out);
	}
	parent->nerrors += d->nerrors;
	parent->nwarnings += d->nwarnings;
	free(d->held);
	d->held = NULL;
	d->heldlen = 0;
}

void
diag_discard(struct diag_ctx *d)
{
	fclose(d->out);
	d->out = NULL;
	free(d->held);
	d->held = NULL;
	d->heldlen = 0;
}

void
diag_progress(struct diag_ctx *d, const char *fmt, ...)
{
	va_list ap;

	if (d->quiet_warnings || !isatty(fileno(d->out)))
		return;
	fputs("\r\033[K", d->out);
	d->progress = 0;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fflush(d->out);
	d->progress = 1;
}

static void
vdiag(struct diag_ctx *d, enum diag_sev sev, const char *file,
    unsigned line, unsigned col, const char *fmt, va_list ap)
{
	if (sev == DIAG_ERROR)
		d->nerrors++;
	else if (sev == DIAG_WARNING)
		d->nwarnings++;
	if (sev == DIAG_WARNING && d->quiet_warnings)
		return;
	if (d->progress) {
		fputs("\r\033[K", d->out);
		d->progress = 0;
	}
	if (file == NULL)
		fprintf(d->out, "%s: ", d->prog);
	else if (line == 0)
		fprintf(d->out, "%s: ", file);
	else if (col == 0)
		fprintf(d->out, "%s:%u: ", file, line);
	else
		fprintf(d->out, "%s:%u:%u: ", file, line, col);
	fprintf(d->out, "%s: ", sevname[sev]);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
}

void
diag(struct diag_ctx *d, enum diag_sev sev, const struct srcpos *pos,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (pos == NULL)
		vdiag(d, sev, NULL, 0, 0, fmt, ap);
	else
		vdiag(d, sev, pos->file, pos->line, pos->col, fmt, ap);
	va_end(ap);
}

void
diag_at(struct diag_ctx *d, enum diag_sev sev, const char *file,
    unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(d, sev, file, line, col, fmt, ap);
	va_end(ap);
}
