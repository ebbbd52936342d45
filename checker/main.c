/*
 * main.c - rpmcheck's entry point: options, rules, then each file.
 *
 * Exit status: 0 when it ran (warnings or not), 1 with --fail-on-warning
 * and warnings, 2 when rpmcheck itself failed on some input (unreadable
 * file, bad rules file, a file that did not parse, a bad option).
 * Deliberately ignores directories and compile_commands.json: whole-tree
 * runs are driven by kbuild (make C=1) or scripts/.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze.h"
#include "args.h"
#include "frontend.h"
#include "rules.h"
#include "util.h"

#ifndef RPMCHECK_VERSION
#define RPMCHECK_VERSION "0.1"
#endif
#ifndef RPMCHECK_RULES_DIR
#define RPMCHECK_RULES_DIR "rules"
#endif

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load every *.rules file of DIR in name order; false on a bad one. */
static bool load_rules_dir(struct rules *rules, const char *dir)
{
	struct { char **items; int count, alloc; } names = { 0 };
	struct dirent *de;
	DIR *d = opendir(dir);
	bool ok = true;
	int i;

	if (!d) {
		fprintf(stderr, "rpmcheck: error: cannot open rules directory %s: %s\n",
			dir, strerror(errno));
		return false;
	}
	while ((de = readdir(d)))
		if (ends_with(de->d_name, ".rules"))
			ARRAY_PUSH(names, xasprintf("%s/%s", dir, de->d_name));
	closedir(d);
	qsort(names.items, names.count, sizeof(char *), by_name);
	for (i = 0; i < names.count; i++) {
		if (ok)
			ok = rules_load_file(rules, names.items[i]);
		free(names.items[i]);
	}
	free(names.items);
	return ok;
}

static const char *rules_dir(void)
{
	const char *env = getenv("RPMCHECK_RULES_DIR");

	return env && *env ? env : RPMCHECK_RULES_DIR;
}

static struct rules *load_rules(const struct options *opts)
{
	struct rules *rules = rules_new();
	int i;

	if (!load_rules_dir(rules, rules_dir()))
		goto fail;
	for (i = 0; i < opts->nrules_files; i++)
		if (!rules_load_file(rules, opts->rules_files[i]))
			goto fail;
	return rules;
fail:
	rules_free(rules);
	return NULL;
}

static bool rule_is_pure(const char *name, void *rules)
{
	const struct api_rule *r = rules_find(rules, name);

	return r && r->pure;
}

static int rule_gfp_arg(const char *name, void *rules)
{
	const struct api_rule *r = rules_find(rules, name);

	return r ? r->gfp_arg : -1;
}

/* Returns -1 when the file could not be analysed, else its warnings. */
static int check_file(const struct options *opts, const struct rules *rules,
		      const char *file)
{
	struct analyze_opts aopts = { rules, opts->budget,
				      opts->dump_ir ? stdout : NULL };
	struct fe_unit unit = { .is_pure = rule_is_pure,
				.pure_ctx = (void *)rules,
				.const_arg = rule_gfp_arg };
	struct stat st;
	int found;

	if (access(file, R_OK) != 0) {
		fprintf(stderr, "%s: error: cannot read file: %s\n", file,
			strerror(errno));
		return -1;
	}
	if (stat(file, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: error: is a directory; give the .c files to check\n",
			file);
		return -1;
	}
	if (frontend_parse(file, file, opts->nclang_args, opts->clang_args,
			   &unit) < 0)
		return -1;
	found = analyze_unit(&aopts, &unit);
	fe_unit_free(&unit);
	return found;
}

int main(int argc, char **argv)
{
	struct options opts;
	struct rules *rules;
	int i, failed = 0, found = 0, r;

	if (!parse_args(argc, argv, &opts))
		return 2;
	if (opts.help || opts.version) {
		if (opts.help)
			print_usage();
		else
			printf("rpmcheck %s\n", RPMCHECK_VERSION);
		free_options(&opts);
		return 0;
	}
	if (!opts.nfiles) {
		fprintf(stderr, "rpmcheck: error: no input files (see --help)\n");
		free_options(&opts);
		return 2;
	}
	rules = load_rules(&opts);
	if (!rules) {
		free_options(&opts);
		return 2;
	}
	for (i = 0; i < opts.nfiles; i++) {
		r = check_file(&opts, rules, opts.files[i]);
		if (r < 0)
			failed++;
		else
			found += r;
	}
	rules_free(rules);
	free_options(&opts);
	if (failed)
		return 2;
	return opts.fail_on_warning && found ? 1 : 0;
}
