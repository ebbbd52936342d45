/*
 * runner.h - check many files: each in its own child process, up to N at
 * once, output printed in the order of the files, a progress line on a
 * terminal, a summary at the end.
 *
 * A child that crashes or runs past its time budget is reported and
 * the run goes on.  Deliberately ignores load balancing beyond "next
 * file to the first free slot".
 */
#ifndef RPMCHECK_RUNNER_H
#define RPMCHECK_RUNNER_H

#include <stdbool.h>
#include <stdio.h>

struct job {
	char *display;		/* the file as messages name it */
	char *path;		/* the file to parse */
	char *cwd;		/* parse from this directory, or NULL */
	const char **args;	/* parser flags */
	int nargs;
};

/* What a check reports about one file (its child's exit status). */
enum job_status {
	JOB_CHECKED = 0,
	JOB_FAILED = 2,		/* unreadable or did not parse */
	JOB_SKIPPED = 3,	/* nothing in it can produce a finding */
	JOB_CRASHED = 4,	/* set by the crash guard */
};

struct run_opts {
	int jobs;
	long time_budget;	/* seconds per file */
	bool progress;
	const char *pass;	/* shown in the progress line, or NULL */
};

#define RUN_MAX_RULES 16

struct run_totals {
	int files, checked, skipped, failed, crashed, timed_out;
	int findings[RUN_MAX_RULES];	/* per diag_rule_names[] */
	double seconds;
};

typedef enum job_status (*check_fn)(const struct job *job, void *data);

/* Run CHECK on every job; totals are added to *TOT. */
void run_jobs(const struct run_opts *ro, const struct job *jobs, int njobs,
	      check_fn check, void *data, struct run_totals *tot);
void run_print_summary(FILE *out, const struct run_totals *tot);
/*
 * In the process that checks FILE: turn a crash or running past
 * SECONDS into one line on stderr and exit status JOB_CRASHED or 2.
 * SECONDS 0: no time limit.
 */
void run_guard_file(const char *file, long seconds);

#endif
