/*
 * jobs.h - turn the command line into the list of files to check, each
 * with the parser flags it needs: from compile_commands.json (-p), from
 * the kernel tree the files lie in (tree mode), or from the command
 * line (kbuild and plain use).
 *
 * Deliberately ignores files compile_commands.json does not list when
 * it is given: they are not built in that configuration.
 */
#ifndef RPMCHECK_JOBS_H
#define RPMCHECK_JOBS_H

#include "args.h"
#include "runner.h"

struct job_list {
	struct job *items;
	int count, alloc;
	int bad_inputs;		/* paths reported and left out */
};

/* Returns false after one line on stderr. */
bool jobs_build(const struct options *opts, struct job_list *jobs);
void jobs_free(struct job_list *jobs);
/* Is this a many-file run: a directory, compile_commands.json, or
 * several files with an explicit -j? */
bool jobs_tree_mode(const struct options *opts);

#endif
