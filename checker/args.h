/*
 * args.h - rpmcheck's command line: its own long options, -W switches
 * for its rules, and the compiler flags to pass to the parser.
 *
 * rpmcheck is called like sparse by kbuild:
 *   rpmcheck [rpmcheck options] [compiler flags] FILE.c...
 * Compiler flags that matter to parsing (-D -U -I -isystem -include
 * -nostdinc -std= -m32/-m64 ...) are kept; gcc-only flags are dropped,
 * including the argument of two-word ones such as "--param X".
 */
#ifndef RPMCHECK_ARGS_H
#define RPMCHECK_ARGS_H

#include <stdbool.h>

enum { FIX_APPLY = 1, FIX_DIFF = 2 };

struct options {
	const char **clang_args;
	int nclang_args;
	const char **files;
	int nfiles;
	const char **rules_files;
	int nrules_files;
	const char **sparse_args;	/* everything but rpmcheck's options */
	int nsparse_args;
	bool dump_ir;
	bool fail_on_warning;
	bool help, version;
	bool all_files;		/* no skipping before parsing */
	bool run_sparse;	/* --sparse */
	int fix;		/* 0, FIX_APPLY (--fix), FIX_DIFF (--fix=diff) */
	int progress;		/* -1 auto (a terminal), 0 off, 1 on */
	long budget;
	long time_budget;	/* seconds per file */
	int jobs;
	const char *compile_commands;
	const char *db_path;
};

/* Returns false after printing one line saying what is wrong. */
bool parse_args(int argc, char **argv, struct options *opts);
/*
 * Keep the parser flags of a compiler command line ARGV[0..ARGC-1]
 * (no compiler name, no source file) in *OUT; false after one line on
 * stderr when a flag is missing its argument.
 */
bool args_filter_compiler(int argc, char **argv, const char ***out, int *nout);
void free_options(struct options *opts);
void print_usage(void);

#endif
