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
#define DEFAULT_TIME_BUDGET 300

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

static bool parse_warning(const char *arg)
{
	bool on = !starts_with(arg, "-Wno-");
	const char *name = arg + (on ? 2 : 5);

	if (diag_is_rule(name))
		diag_enable(name, on);
	return true;	/* any other -W... is a compiler flag: ignored */
}

static bool parse_positive(const char *option, const char *value, long *out)
{
	char *end;

	*out = strtol(value, &end, 10);
	if (*value == '\0' || *end || *out <= 0) {
		fprintf(stderr, "rpmcheck: error: %s wants a positive number, not '%s'\n",
			option, value);
		return false;
	}
	return true;
}

/*
 * An option with a value, given as "NAME VALUE", "NAME=VALUE" or, for a
 * short option, "-jVALUE".  Returns 1 and sets *VALUE when ARGV[*I] is
 * NAME, 0 when it is not, -1 when the value is missing.
 */
static int option_value(int argc, char **argv, int *i, const char *name,
			const char **value)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);

	if (strncmp(arg, name, n))
		return 0;
	/* -pg, -pipe and -pedantic are gcc's: -p takes only "-p DIR" */
	if (arg[n] == '=' || (name[1] != '-' && name[1] != 'p' && arg[n])) {
		*value = arg + n + (arg[n] == '=');
		return 1;
	}
	if (arg[n])
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "rpmcheck: error: %s needs a value\n", name);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

static int parse_number_option(struct options *opts, const char *name,
			       const char *value)
{
	long v;

	if (!parse_positive(name, value, &v))
		return -1;
	if (!strcmp(name, "--budget"))
		opts->budget = v;
	else if (!strcmp(name, "--time-budget"))
		opts->time_budget = v;
	else
		opts->jobs = v > 256 ? 256 : (int)v;
	return 1;
}

/* Options with a value.  Returns 1, 0 (not one of them) or -1. */
static int parse_valued(struct options *opts, int argc, char **argv, int *i)
{
	static const char *const numeric[] = {
		"--budget", "--time-budget", "--jobs", "-j", NULL,
	};
	const char *value;
	int k, r;

	for (k = 0; numeric[k]; k++) {
		r = option_value(argc, argv, i, numeric[k], &value);
		if (r)
			return r < 0 ? r : parse_number_option(opts, numeric[k], value);
	}
	if ((r = option_value(argc, argv, i, "--rules", &value)) > 0)
		push(&opts->rules_files, &opts->nrules_files, value);
	else if (!r && (r = option_value(argc, argv, i, "--compile-commands",
					 &value)) > 0)
		opts->compile_commands = value;
	else if (!r && (r = option_value(argc, argv, i, "-p", &value)) > 0)
		opts->compile_commands = xasprintf("%s/compile_commands.json", value);
	else if (!r && (r = option_value(argc, argv, i, "--db", &value)) > 0)
		opts->db_path = value;
	return r;
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
	else if (!strcmp(arg, "--all-files"))
		opts->all_files = true;
	else if (!strcmp(arg, "--sparse"))
		opts->run_sparse = true;
	else if (!strcmp(arg, "--fix"))
		opts->fix = FIX_APPLY;
	else if (!strcmp(arg, "--fix=diff"))
		opts->fix = FIX_DIFF;
	else if (!strcmp(arg, "--progress"))
		opts->progress = 1;
	else if (!strcmp(arg, "--no-progress"))
		opts->progress = 0;
	else
		return parse_valued(opts, argc, argv, i);
	return 1;
}

/* A compiler flag: kept in *OUT or dropped.  Returns 0, or -1. */
static int parse_compiler_flag(const char ***out, int *nout, int argc,
			       char **argv, int *i)
{
	const char *arg = argv[*i];

	if (in_list(kept_with_arg, arg)) {
		if (*i + 1 >= argc) {
			fprintf(stderr, "rpmcheck: error: %s needs an argument\n", arg);
			return -1;
		}
		push(out, nout, arg);
		push(out, nout, argv[++*i]);
	} else if (in_list(dropped_with_arg, arg)) {
		if (*i + 1 < argc)
			++*i;
	} else if (is_joined_kept(arg) || in_list(kept_flags, arg)) {
		push(out, nout, arg);
	} else if (starts_with(arg, "-W") && !starts_with(arg, "-Wp,") &&
		   !starts_with(arg, "-Wa,") && !starts_with(arg, "-Wl,")) {
		parse_warning(arg);
	} else if (starts_with(arg, "--") && !in_list(ignored_long, arg)) {
		fprintf(stderr, "rpmcheck: error: unknown option '%s' (see --help)\n",
			arg);
		return -1;
	}
	return 0;
}

/* -Wrpm-leak, -Wno-sleep-in-atomic: rpmcheck's, not sparse's. */
static bool is_rule_switch(const char *arg)
{
	if (starts_with(arg, "-Wno-"))
		return diag_is_rule(arg + 5);
	return starts_with(arg, "-W") && diag_is_rule(arg + 2);
}

/* Keep the words of a compiler flag for --sparse, from FIRST to LAST. */
static void keep_for_sparse(struct options *opts, char **argv, int first,
			    int last)
{
	for (; first <= last; first++)
		push(&opts->sparse_args, &opts->nsparse_args, argv[first]);
}

bool parse_args(int argc, char **argv, struct options *opts)
{
	int i, r, first;

	memset(opts, 0, sizeof(*opts));
	opts->budget = DEFAULT_BUDGET;
	opts->time_budget = DEFAULT_TIME_BUDGET;
	opts->progress = -1;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (arg[0] != '-' || arg[1] == '\0') {
			push(&opts->files, &opts->nfiles, arg);
			keep_for_sparse(opts, argv, i, i);
			continue;
		}
		first = i;
		r = parse_own(opts, argc, argv, &i);
		if (r == 0) {
			r = parse_compiler_flag(&opts->clang_args,
						&opts->nclang_args, argc, argv, &i);
			if (r == 0 && !is_rule_switch(arg))
				keep_for_sparse(opts, argv, first, i);
		}
		if (r < 0)
			return false;
	}
	return true;
}

bool args_filter_compiler(int argc, char **argv, const char ***out, int *nout)
{
	int i;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < argc; i++) {
		if (argv[i][0] != '-')
			continue;	/* a stray input: not a flag */
		if (parse_compiler_flag(out, nout, argc, argv, &i) < 0)
			return false;
	}
	return true;
}

void free_options(struct options *opts)
{
	free(opts->clang_args);
	free(opts->sparse_args);
	free(opts->files);
	free(opts->rules_files);
}

void print_usage(void)
{
	int i;

	puts("usage: rpmcheck [rpmcheck options] [compiler flags] FILE.c|DIR...\n"
	     "\n"
	     "Finds runtime PM usage-count bugs and sleeping calls in atomic\n"
	     "context in Linux driver code.\n"
	     "Called by kbuild like sparse: make C=1 CHECK=rpmcheck\n"
	     "In a configured kernel tree: rpmcheck drivers/i2c/ (flags derived)\n"
	     "\n"
	     "rpmcheck options:\n"
	     "  -p DIR, --compile-commands FILE\n"
	     "                      check the files of DIR/compile_commands.json\n"
	     "                      (those below the paths given, if any)\n"
	     "  -j N, --jobs N      files at once in a many-file run (default: cores)\n"
	     "  --db FILE           cross-file summary database (SQLite)\n"
	     "  --all-files         parse even files that cannot produce a finding\n"
	     "  --sparse            also run sparse with the same arguments\n"
	     "  --fix               apply cocci/'s semantic patch for each finding's\n"
	     "                      rule (the file is replaced only if it still parses)\n"
	     "  --fix=diff          print those fixes as a unified diff instead\n"
	     "  --progress, --no-progress   progress line (default: on a terminal)\n"
	     "  --time-budget=SEC   give up on a file after SEC seconds (default 300)\n"
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
	     "A many-file run prints a summary; files that do not parse are\n"
	     "counted there, and only a crash, a time-out or no file parsing\n"
	     "gives 2.\n"
	     "\n"
	     "Rules (opt-in ones are off until -WRULE):");
	for (i = 0; diag_rule_names[i]; i++)
		printf("  %s%s\n", diag_rule_names[i],
		       diag_opt_in(diag_rule_names[i]) ? " (opt-in)" : "");
}
