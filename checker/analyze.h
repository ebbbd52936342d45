/*
 * analyze.h - check one parsed file: order its functions callees first,
 * run the engine on each, record summaries, print the findings.
 *
 * Deliberately ignores functions in other files (see summary.h).
 */
#ifndef RPMCHECK_ANALYZE_H
#define RPMCHECK_ANALYZE_H

#include <stdio.h>

#include "frontend.h"
#include "rules.h"

struct analyze_opts {
	const struct rules *rules;
	long budget;
	FILE *dump_ir;		/* non-NULL: print IR, do not check */
};

/* Returns the number of warnings printed. */
int analyze_unit(const struct analyze_opts *opts, struct fe_unit *unit);

#endif
