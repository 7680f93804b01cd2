/* The output formats: one row per backend, the only list of them. */
#ifndef CSPR_FORMAT_H
#define CSPR_FORMAT_H

#include "../gate/gate.h"
#include "../render/render.h"

/*
 * A format: its name (--format), the file extension, the backend that
 * renders a document tree to a file, and the gate's reader of such a
 * file. Adding a format is its backend's folder and a row here.
 */
struct format {
	const char	*name;
	const char	*ext;
	render_fn	 render;
	gate_reader	 read_back;
};

#define CMD_NFORMATS	2
extern const struct format cmd_formats[CMD_NFORMATS];

/* The index of a format by name, or -1. */
int	 format_index(const char *name);
/* The names, comma-separated, for messages (caller frees). */
char	*format_names(void);

#endif
