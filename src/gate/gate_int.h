/* The gate's state, shared by the search and the readers of each format. */
#ifndef CSPR_GATE_INT_H
#define CSPR_GATE_INT_H

#include "gate.h"
#include "../anon/anon.h"

struct gate {
	const struct anon *a;
	const char	*shown;		/* the output's final path */
	struct diag_ctx	*dg;
	struct anon_hits h;
	int		 hits;
};

#endif
