/* The subcommands of cspr(1): each takes its own argv and returns an exit status. */
#ifndef CSPR_CMD_H
#define CSPR_CMD_H

#include "../util/diag.h"

int	cmd_check(int argc, char **argv, struct diag_ctx *dg);
int	cmd_merge(int argc, char **argv, struct diag_ctx *dg);
int	cmd_build(int argc, char **argv, struct diag_ctx *dg);
int	cmd_dump(int argc, char **argv, struct diag_ctx *dg);
int	cmd_sample(int argc, char **argv, struct diag_ctx *dg);

/* The templates folder: --templates, $CSPR_TEMPLATES, the folder
 * "templates" beside the binary's parent (a source tree), or DATADIR. */
char	*cmd_templates_dir(const char *opt);

#endif
