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

struct options {
	const char **clang_args;
	int nclang_args;
	const char **files;
	int nfiles;
	const char **rules_files;
	int nrules_files;
	bool dump_ir;
	bool fail_on_warning;
	bool help, version;
	long budget;
};

/* Returns false after printing one line saying what is wrong. */
bool parse_args(int argc, char **argv, struct options *opts);
void free_options(struct options *opts);
void print_usage(void);

#endif
