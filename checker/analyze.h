/*
 * analyze.h - check one parsed file: order its functions callees first,
 * run the engine on each, record summaries, print the findings.
 *
 * Functions of other files are known only through the cross-file
 * database (xfile.h) when one is given.
 */
#ifndef RPMCHECK_ANALYZE_H
#define RPMCHECK_ANALYZE_H

#include <stdio.h>

#include "frontend.h"
#include "rules.h"

struct db;

struct analyze_opts {
	const struct rules *rules;
	long budget;
	FILE *dump_ir;		/* non-NULL: print IR, do not check */
	struct db *db;		/* the cross-file database, or NULL */
	const char *db_file;	/* the file's name there (absolute) */
	bool db_read_only;	/* use the facts, do not record */
	bool db_record_only;	/* record, do not use (a first pass: what
				 * it records must not depend on the order
				 * files are checked in) */
};

/* Returns the number of warnings printed. */
int analyze_unit(const struct analyze_opts *opts, struct fe_unit *unit);

#endif
