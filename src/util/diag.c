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
}

void
diag_progress(struct diag_ctx *d, const char *fmt, ...)
{
	va_list ap;

	if (d->quiet_warnings || d->out == NULL || !isatty(fileno(d->out)))
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

/*
 * Writes s as a terminal shows it safely: what a return or a file name
 * brings into a message (an ESC starting a terminal command, a carriage
 * return that hides the line, a bidi control that reorders it) as
 * \xNN or \uNNNN, so that a message shows what is there and does
 * nothing else.
 */
static void
put_safe(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7F)
			fprintf(out, "\\x%02X", *p);
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			fprintf(out, "\\u%04X", p[1]);	/* C1 */
			p++;
		} else if (*p == 0xE2 && ((p[1] == 0x80 && ((p[2] >= 0xAA &&
		    p[2] <= 0xAE) || p[2] == 0x8E || p[2] == 0x8F)) ||
		    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
			fprintf(out, "\\u%04X", 0x2000 + ((p[1] & 0x3F) << 6) +
			    (p[2] & 0x3F));
			p += 2;
		} else
			fputc(*p, out);
	}
}

static void
vdiag(struct diag_ctx *d, enum diag_sev sev, const char *file,
    unsigned line, unsigned col, const char *fmt, va_list ap)
{
	char msg[4096];

	if (sev == DIAG_ERROR)
		d->nerrors++;
	else if (sev == DIAG_WARNING)
		d->nwarnings++;
	if ((sev == DIAG_WARNING && d->quiet_warnings) || d->out == NULL)
		return;
	if (d->progress) {
		fputs("\r\033[K", d->out);
		d->progress = 0;
	}
	if (file == NULL)
		fprintf(d->out, "%s: ", d->prog);
	else {
		put_safe(d->out, file);
		if (line == 0)
			fputs(": ", d->out);
		else if (col == 0)
			fprintf(d->out, ":%u: ", line);
		else
			fprintf(d->out, ":%u:%u: ", line, col);
	}
	fprintf(d->out, "%s: ", sevname[sev]);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	put_safe(d->out, msg);
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
