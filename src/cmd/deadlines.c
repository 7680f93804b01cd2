/* `cspr deadlines`: the statutory timescales of a case as a table, with their status. */
#include "cmd.h"
#include "../model/calendar.h"
#include "../model/case.h"
#include "../model/date.h"
#include "../transform/timescales.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: cspr deadlines [-q] [--as-of DATE] [--templates DIR] CASE\n"
    "  --as-of DATE     the day to measure from (default today)\n"
    "  --templates DIR  where bank-holidays.txt is\n";

/* Today in local time, as the office sees it. */
static long
today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return 0;
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void
print(const struct kase *k, const struct timescale *ts, size_t n, long asof)
{
	char due[72], a[32], done[32], st[96];
	size_t i;

	day_format(asof, a, sizeof(a));
	printf("%s: statutory timescales as of %s (working days: Monday to "
	    "Friday, not bank holidays in England and Wales)\n\n", k->ref, a);
	printf("%-42s  %-36s  %-25s  %-11s  %s\n", "Step", "Rule", "Due",
	    "Done", "Status");
	for (i = 0; i < n; i++) {
		timescale_due(&ts[i], due, sizeof(due));
		timescale_done(&ts[i], done, sizeof(done));
		timescale_status(&ts[i], st, sizeof(st));
		printf("%-42s  %-36s  %-25s  %-11s  %s\n", ts[i].what,
		    ts[i].rule, *due ? due : "-", *done ? done : "-", st);
	}
}

int
cmd_deadlines(int argc, char **argv, struct diag_ctx *dg)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "templates", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct timescale ts[TS_MAX];
	struct calendar cal;
	struct kase *k = NULL;
	struct cdate d;
	const char *topt = NULL;
	char *tdir = NULL, err[128];
	long asof = today();
	size_t n, i;
	int c, rc = EXIT_USAGE, have_cal = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': dg->quiet_warnings = 1; break;
		case 'a':
			if (date_parse(optarg, &d, err, sizeof(err)) == -1 ||
			    d.prec != DATE_DAY || d.uncertain) {
				diag(dg, DIAG_ERROR, NULL, "--as-of '%s': %s",
				    optarg, d.prec != DATE_DAY ? "a whole date "
				    "is needed, such as 2025-03-14" : err);
				return EXIT_USAGE;
			}
			asof = date_first_day(&d);
			break;
		case 't': topt = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if ((rc = cmd_load_case(argv[optind], &k, dg)) != EXIT_OK)
		goto out;
	tdir = cmd_templates_dir(topt);
	if (cmd_calendar(tdir, &cal, dg) == -1) {
		rc = EXIT_DATAERR;
		goto out;
	}
	have_cal = 1;
	n = timescales(k, &cal, asof, ts);
	for (i = 0; i < n; i++)
		if (ts[i].beyond)
			diag(dg, DIAG_WARNING, NULL, "%s: past the last year of "
			    "%s/bank-holidays.txt; weekends are counted there "
			    "but bank holidays are not known", ts[i].what, tdir);
	print(k, ts, n, asof);
	rc = EXIT_OK;
out:
	if (have_cal)
		calendar_free(&cal);
	case_free(k);
	free(tdir);
	cmd_summary(dg);
	return rc;
}
