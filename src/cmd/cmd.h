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
struct chronology;
struct strlist;
struct doc;

/* Loads dir/bank-holidays.txt into cal; -1 after reporting. */
int	cmd_calendar(const char *dir, struct calendar *cal,
	    struct diag_ctx *dg);

/* Parses a --gap-days value (1 to 3650); -1 after reporting. */
int	cmd_gap_days(const char *s, struct diag_ctx *dg);

/* Prints "cspr: N errors, M warnings" when there were any. */
void	cmd_summary(struct diag_ctx *dg);

/* The documents cspr builds, in order, each from templates/<name>.txt. */
#define CMD_NDOCS	5
extern const char *const cmd_docnames[CMD_NDOCS];

#include "../model/calendar.h"
#include "../model/tmpl.h"

struct docset {
	struct tmpl	 tm[CMD_NDOCS];
	struct calendar	 cal;
	char		*logo;
	int		 loaded;
};

/* Templates, bank holidays and logo from the template folder tdir; -1
 * after reporting every problem. docset_free in every case. */
int	docset_load(struct docset *ds, const char *tdir, struct diag_ctx *dg);
void	docset_free(struct docset *ds);
/* The index of a document name, or -1. */
int	docset_index(const char *name);
/* The documents, comma-separated, for messages (caller frees). */
char	*cmd_docnames_list(void);
/* The documents whose templates are for the audience (publication, or
 * internal), as 1 << index. */
unsigned docset_audience(const struct docset *ds, int publication);
/* Document i of case k, a draft or (pub) for publication: the
 * published name, dates as publication shows them, no placeholders
 * (anonymise it with cmd_publish_doc). What required content is still
 * missing is added to missing (may be NULL). NULL after reporting a bad
 * template. */
struct doc *docset_build(const struct docset *ds, size_t i,
	    const struct kase *k, const struct chronology *ch, int pub,
	    struct strlist *missing, struct diag_ctx *dg);

struct anon;
struct residual;
struct doc;
/* "internal" 0, "publication" 1, else -1 reported. */
int	cmd_audience(const char *s, struct diag_ctx *dg);
/* Makes d a publication: no draft marks, no marking, no creation date,
 * then anonymised. */
void	cmd_publish_doc(const struct anon *a, struct doc *d,
	    struct residual *r, const char *docname);
/* The anonymiser for a publication build of k: the dictionary (dict, or
 * the system's British English word list), the allow-list of the
 * template folder, every detector on except those CSPR_ANON_OFF names
 * (the tests' mutation check) unless full is set: the gate's is always
 * whole. NULL after reporting an error. */
struct anon *cmd_anon(const struct kase *k, const char *tdir,
	    const char *dict, int full, struct diag_ctx *dg);

#endif
