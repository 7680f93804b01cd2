/* The subcommands of cspr(1): each takes its own argv and returns an exit status. */
#ifndef CSPR_CMD_H
#define CSPR_CMD_H

#include "../util/diag.h"

int	cmd_check(int argc, char **argv, struct diag_ctx *dg);
int	cmd_merge(int argc, char **argv, struct diag_ctx *dg);
int	cmd_build(int argc, char **argv, struct diag_ctx *dg);
int	cmd_deadlines(int argc, char **argv, struct diag_ctx *dg);
int	cmd_dump(int argc, char **argv, struct diag_ctx *dg);
int	cmd_sample(int argc, char **argv, struct diag_ctx *dg);

/* The templates folder: --templates, $CSPR_TEMPLATES, the folder
 * "templates" beside the binary's parent (a source tree), or DATADIR. */
char	*cmd_templates_dir(const char *opt);
/* *logo = dir/logo.png if there is one (caller frees), else NULL.
 * -1 after reporting a logo.png that is not a readable PNG. */
int	cmd_logo(const char *dir, char **logo, struct diag_ctx *dg);

struct kase;

/*
 * Loads and checks the case folder dir. Returns 0 with *out set, or an
 * exit status (EXIT_NOINPUT, EXIT_DATAERR) with *out NULL; every problem
 * has been reported.
 */
int	cmd_load_case(const char *dir, struct kase **out, struct diag_ctx *dg);

struct calendar;

/* Loads dir/bank-holidays.txt into cal; -1 after reporting. */
int	cmd_calendar(const char *dir, struct calendar *cal,
	    struct diag_ctx *dg);

/* Parses a --gap-days value (1 to 3650); -1 after reporting. */
int	cmd_gap_days(const char *s, struct diag_ctx *dg);

/* Prints "cspr: N errors, M warnings" when there were any. */
void	cmd_summary(struct diag_ctx *dg);

#endif
