/* Semantic checks of a loaded case: what a schema cannot say. */
#ifndef CSPR_CHECK_H
#define CSPR_CHECK_H

#include "../model/case.h"

/* Reports every problem in k through dg (positions from the model). */
void	case_check(const struct kase *k, struct diag_ctx *dg);

/* Warns of agency colours too alike to tell apart, or too dark for
 * black text (check/colour.c). */
void	check_colours(const struct kase *k, struct diag_ctx *dg);

/* Checks of one return on its own (no manifest): order and dates. */
void	chron_check_alone(const struct chron_return *cr, struct diag_ctx *dg);

#endif
