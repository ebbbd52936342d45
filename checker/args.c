/*
 * args.c - split the command line into rpmcheck options, rule switches,
 * parser flags and input files (see args.h).
 *
 * Deliberately ignores every gcc flag the parser does not need: code
 * generation, sanitizers, dependency output (-Wp,-MMD,...), warnings.
 * __CHECKER__ is never defined: kernel headers would then use sparse
 * attributes that clang rejects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "diag.h"
#include "util.h"

#define DEFAULT_BUDGET 200000

/* Flags kept, with their argument when given as a separate word. */
static const char *const kept_with_arg[] = {
	"-D", "-U", "-I", "-isystem", "-include", "-imacros", "-idirafter",
	"-iquote", "-x", NULL,
};

/* Flags dropped together with the following word. */
static const char *const dropped_with_arg[] = {
	"--param", "-o", "-MF", "-MT", "-MQ", "-Xassembler", "-Xlinker",
	"-Xpreprocessor", "-aux-info", "-G", NULL,
};

/* Single-word flags kept (exact or, ending in '=', as prefixes). */
static const char *const kept_flags[] = {
	"-nostdinc", "-m32", "-m64", "-std=", "-fshort-wchar",
	"-funsigned-char", "-fsigned-char", "-fms-extensions",
	"-fno-short-wchar", "-ffreestanding", "--target=", NULL,
};

/* Long options of sparse or gcc that are accepted and ignored. */
static const char *const ignored_long[] = {
	"--arch=", "--os=", "--sysroot=", "--gcc-toolchain=", "--param=", NULL,
};

static bool in_list(const char *const *list, const char *arg)
{
	for (; *list; list++) {
		size_t n = strlen(*list);

		if (strcmp(arg, *list) == 0)
			return true;
		if (n && (*list)[n - 1] == '=' && strncmp(arg, *list, n) == 0)
			return true;
	}
	return false;
}

/* "-Dfoo" style: a kept flag with its argument in the same word. */
static bool is_joined_kept(const char *arg)
{
	static const char *const joined[] = { "-D", "-U", "-I", NULL };
	int i;

	for (i = 0; joined[i]; i++)
		if (starts_with(arg, joined[i]) && strlen(arg) > 2)
			return true;
	return false;
}

static void push(const char ***list, int *n, const char *s)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(char *));
	(*list)[(*n)++] = s;
}

static bool parse_warning(struct options *opts, const char *arg)
{
	bool on = !starts_with(arg, "-Wno-");
	const char *name = arg + (on ? 2 : 5);

	(void)opts;
	if (diag_is_rule(name))
		diag_enable(name, on);
	return true;	/* any other -W... is a compiler flag: ignored */
}

static bool parse_budget(struct options *opts, const char *value)
{
	char *end;

	opts->budget = strtol(value, &end, 10);
	if (*value == '\0' || *end || opts->budget <= 0) {
		fprintf(stderr, "rpmcheck: error: --budget wants a positive number, not '%s'\n",
			value);
		return false;
	}
	return true;
}

/* Returns 1 if ARG was an rpmcheck option, 0 if not, -1 on error. */
static int parse_own(struct options *opts, int argc, char **argv, int *i)
{
	const char *arg = argv[*i];

	if (!strcmp(arg, "--help") || !strcmp(arg, "-h"))
		opts->help = true;
	else if (!strcmp(arg, "--version"))
		opts->version = true;
	else if (!strcmp(arg, "--dump-ir"))
		opts->dump_ir = true;
	else if (!strcmp(arg, "--fail-on-warning"))
		opts->fail_on_warning = true;
	else if (starts_with(arg, "--budget="))
		return parse_budget(opts, arg + 9) ? 1 : -1;
	else if (starts_with(arg, "--rules="))
		push(&opts->rules_files, &opts->nrules_files, arg + 8);
	else if (!strcmp(arg, "--rules")) {
		if (*i + 1 >= argc) {
			fprintf(stderr, "rpmcheck: error: --rules needs a file\n");
			return -1;
		}
		push(&opts->rules_files, &opts->nrules_files, argv[++*i]);
	} else
		return 0;
	return 1;
}

static int parse_compiler_flag(struct options *opts, int argc, char **argv,
			       int *i)
{
	const char *arg = argv[*i];

	if (in_list(kept_with_arg, arg)) {
		if (*i + 1 >= argc) {
			fprintf(stderr, "rpmcheck: error: %s needs an argument\n", arg);
			return -1;
		}
		push(&opts->clang_args, &opts->nclang_args, arg);
		push(&opts->clang_args, &opts->nclang_args, argv[++*i]);
	} else if (in_list(dropped_with_arg, arg)) {
		if (*i + 1 < argc)
			++*i;
	} else if (is_joined_kept(arg) || in_list(kept_flags, arg)) {
		push(&opts->clang_args, &opts->nclang_args, arg);
	} else if (starts_with(arg, "-W") && !starts_with(arg, "-Wp,") &&
		   !starts_with(arg, "-Wa,") && !starts_with(arg, "-Wl,")) {
		parse_warning(opts, arg);
	} else if (starts_with(arg, "--") && !in_list(ignored_long, arg)) {
		fprintf(stderr, "rpmcheck: error: unknown option '%s' (see --help)\n",
			arg);
		return -1;
	}
	return 0;
}

bool parse_args(int argc, char **argv, struct options *opts)
{
	int i, r;

	memset(opts, 0, sizeof(*opts));
	opts->budget = DEFAULT_BUDGET;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (arg[0] != '-' || arg[1] == '\0') {
			push(&opts->files, &opts->nfiles, arg);
			continue;
		}
		r = parse_own(opts, argc, argv, &i);
		if (r == 0)
			r = parse_compiler_flag(opts, argc, argv, &i);
		if (r < 0)
			return false;
	}
	return true;
}

void free_options(struct options *opts)
{
	free(opts->clang_args);
	free(opts->files);
	free(opts->rules_files);
}

void print_usage(void)
{
	int i;

	puts("usage: rpmcheck [rpmcheck options] [compiler flags] FILE.c...\n"
	     "\n"
	     "Finds runtime PM usage-count bugs in Linux driver code.\n"
	     "Called by kbuild like sparse: make C=1 CHECK=rpmcheck\n"
	     "\n"
	     "rpmcheck options:\n"
	     "  --rules FILE        also load API facts from FILE (rules/README)\n"
	     "  --dump-ir           print each function's IR instead of checking\n"
	     "  --fail-on-warning   exit with status 1 when anything was found\n"
	     "  --budget=N          block visits per function (default 200000)\n"
	     "  -WRULE, -Wno-RULE   switch a rule on or off\n"
	     "  --help, --version\n"
	     "\n"
	     "Compiler flags the parser needs (-D -U -I -isystem -include\n"
	     "-nostdinc -std= -m32 -m64 ...) are used; the others are ignored.\n"
	     "\n"
	     "Exit status: 0 (also when warnings were printed), 1 with\n"
	     "--fail-on-warning and warnings, 2 when rpmcheck itself failed.\n"
	     "\n"
	     "Rules:");
	for (i = 0; diag_rule_names[i]; i++)
		printf("  %s\n", diag_rule_names[i]);
}
