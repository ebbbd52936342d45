/*
 * main.c - rpmcheck's entry point: options, rules, then each file.
 *
 * Files named one by one (kbuild's way) are checked in this process;
 * a directory or compile_commands.json makes a many-file run, each file
 * in a child process, with a summary at the end.
 *
 * Exit status: 0 when it ran (warnings or not), 1 with --fail-on-warning
 * and warnings, 2 when rpmcheck itself failed: a bad option or rules
 * file; in a one-by-one run, a file it could not read or parse; in a
 * many-file run, a crash, a file over its time budget, or no file that
 * parsed (files that do not parse are counted in the summary).
 * Deliberately ignores sparse's findings in the exit status; sparse's
 * own failure status is passed on.
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
#include "db.h"
#include "diag.h"
#include "fix.h"
#include "frontend.h"
#include "jobs.h"
#include "prefilter.h"
#include "rules.h"
#include "runner.h"
#include "sparse.h"
#include "util.h"

#ifndef RPMCHECK_VERSION
#define RPMCHECK_VERSION "0.1"
#endif
#ifndef RPMCHECK_RULES_DIR
#define RPMCHECK_RULES_DIR "rules"
#endif
#ifndef RPMCHECK_COCCI_DIR
#define RPMCHECK_COCCI_DIR "cocci"
#endif

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
	qsort(names.items, names.count, sizeof(char *), compare_strings);
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

static const char *cocci_dir(void)
{
	const char *env = getenv("RPMCHECK_COCCI_DIR");

	return env && *env ? env : RPMCHECK_COCCI_DIR;
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

struct session {
	const struct options *opts;
	const struct rules *rules;
	struct prefilter *prefilter;
	int findings;		/* in-process runs */
	bool record_only;	/* first pass: fill the database, say nothing */
	bool use_only;		/* second pass: the database is read-only */
	bool sparse_each;	/* --sparse in a many-file run: per file */
	struct fixer *fixer;	/* --fix */
};

/* sparse on one file of a many-file run, with the file's own flags. */
static void run_sparse_on(const struct job *job)
{
	const char **args = xcalloc(job->nargs + 2, sizeof(char *));

	memcpy(args, job->args, job->nargs * sizeof(char *));
	args[job->nargs] = job->path;
	sparse_run(job->nargs + 1, args);
	free(args);
}

/* Analyse UNIT, with the cross-file database when there is one. */
static void analyze_with_db(struct session *ss, const struct job *job,
			    struct analyze_opts *aopts, struct fe_unit *unit)
{
	char *key = NULL;

	if (ss->opts->db_path && !ss->opts->dump_ir) {
		aopts->db = db_open(ss->opts->db_path);
		key = realpath(job->path, NULL);
		aopts->db_file = key;
		aopts->db_read_only = ss->use_only;
		aopts->db_record_only = ss->record_only;
		if (!key) {
			db_close(aopts->db);
			aopts->db = NULL;
		}
	}
	ss->findings += analyze_unit(aopts, unit);
	db_close(aopts->db);
	free(key);
}

/*
 * --fix: analyse, apply the semantic patches of the rules found, and
 * when the file changed, check it again to show what is left.
 */
static enum job_status check_and_fix(struct session *ss, const struct job *job,
				     struct analyze_opts *aopts,
				     struct fe_unit *unit)
{
	bool found[RUN_MAX_RULES] = { false }, any = false;
	int before[RUN_MAX_RULES], i;

	for (i = 0; diag_rule_names[i] && i < RUN_MAX_RULES; i++)
		before[i] = diag_total(diag_rule_names[i]);
	analyze_with_db(ss, job, aopts, unit);
	fe_unit_free(unit);
	for (i = 0; diag_rule_names[i] && i < RUN_MAX_RULES; i++) {
		found[i] = diag_total(diag_rule_names[i]) > before[i] &&
			   fixer_has(ss->fixer, diag_rule_names[i]);
		any |= found[i];
	}
	if (!any || fixer_apply(ss->fixer, job, found) <= 0 ||
	    ss->opts->fix == FIX_DIFF)
		return JOB_CHECKED;
	if (frontend_parse(job->path, job->display, job->nargs, job->args,
			   unit) < 0)
		return JOB_FAILED;
	analyze_with_db(ss, job, aopts, unit);
	fe_unit_free(unit);
	return JOB_CHECKED;
}

/* Check one file in this process: the work of one job. */
static enum job_status check_job(const struct job *job, void *data)
{
	struct session *ss = data;
	struct analyze_opts aopts = { .rules = ss->rules,
				      .budget = ss->opts->budget,
				      .dump_ir = ss->opts->dump_ir ? stdout : NULL };
	struct fe_unit unit = { .is_pure = rule_is_pure,
				.pure_ctx = (void *)ss->rules,
				.const_arg = rule_gfp_arg };
	struct stat st;

	if (access(job->path, R_OK) != 0) {
		fprintf(stderr, "%s: error: cannot read file: %s\n", job->display,
			strerror(errno));
		return JOB_FAILED;
	}
	if (stat(job->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: error: is a directory\n", job->display);
		return JOB_FAILED;
	}
	if (ss->sparse_each && !ss->record_only)
		run_sparse_on(job);
	if (ss->prefilter && !prefilter_wants(ss->prefilter, job->path))
		return JOB_SKIPPED;
	if (ss->record_only && !freopen("/dev/null", "w", stderr))
		return JOB_FAILED;
	if (frontend_parse(job->path, job->display, job->nargs, job->args,
			   &unit) < 0)
		return JOB_FAILED;
	if (ss->fixer)
		return check_and_fix(ss, job, &aopts, &unit);
	analyze_with_db(ss, job, &aopts, &unit);
	fe_unit_free(&unit);
	return JOB_CHECKED;
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

struct name_kind {
	struct prefilter *pf;
	unsigned what;
};

static void add_db_name(const char *func, const char *file, const char *data,
			void *arg)
{
	struct name_kind *nk = arg;

	(void)file;
	(void)data;
	prefilter_add_name(nk->pf, func, nk->what);
}

/* Functions other files' facts describe make a file worth parsing. */
static void prefilter_add_db_names(struct prefilter *pf, const char *path)
{
	static const struct { const char *kind; unsigned what; } kinds[] = {
		{ "rpm", PF_RUNTIME_PM }, { "entry", PF_ATOMIC },
		{ "sleep", PF_SLEEPS },
	};
	struct db *db = pf ? db_open(path) : NULL;
	struct name_kind nk = { pf, 0 };
	unsigned i;

	for (i = 0; db && i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		nk.what = kinds[i].what;
		db_each(db, kinds[i].kind, add_db_name, &nk);
	}
	db_close(db);
}

/* Many files: each in a child process (runner.h), then a summary. */
static int run_many(struct session *ss, const struct job_list *jobs)
{
	const struct options *opts = ss->opts;
	struct run_opts ro = { opts->jobs ? opts->jobs : default_jobs(),
			       opts->time_budget, false, NULL };
	struct run_totals tot = { 0 };
	int i, found = 0;

	ro.progress = opts->progress < 0 ? isatty(2) : opts->progress;
	if (opts->db_path) {
		struct run_totals first = { 0 };

		ro.pass = "pass 1/2 (database)";
		ss->record_only = true;
		run_jobs(&ro, jobs->items, jobs->count, check_job, ss, &first);
		ss->record_only = false;
		ss->use_only = true;	/* same facts for every file: -j safe */
		ro.pass = "pass 2/2";
		prefilter_add_db_names(ss->prefilter, opts->db_path);
		tot.seconds = first.seconds;
	}
	run_jobs(&ro, jobs->items, jobs->count, check_job, ss, &tot);
	run_print_summary(stderr, &tot);
	for (i = 0; i < RUN_MAX_RULES; i++)
		found += tot.findings[i];
	if (tot.crashed || tot.timed_out ||
	    (tot.files && tot.failed == tot.files))
		return 2;
	return opts->fail_on_warning && found ? 1 : 0;
}

/*
 * The files kbuild (or a user) named, one after another, with no
 * summary.  One file is checked in this process; several each get a
 * child, so one that crashes or runs over its time does not stop the
 * others.
 */
static int run_each(struct session *ss, const struct job_list *jobs)
{
	struct run_opts ro = { 1, ss->opts->time_budget, false, NULL };
	struct run_totals tot = { 0 };
	enum job_status st;
	int i, found = 0;

	if (jobs->count == 1) {
		run_guard_file(jobs->items[0].display, ss->opts->time_budget);
		st = check_job(&jobs->items[0], ss);
		alarm(0);
		if (st == JOB_FAILED)
			return 2;
		return ss->opts->fail_on_warning && ss->findings ? 1 : 0;
	}
	run_jobs(&ro, jobs->items, jobs->count, check_job, ss, &tot);
	for (i = 0; i < RUN_MAX_RULES; i++)
		found += tot.findings[i];
	if (tot.failed || tot.crashed || tot.timed_out)
		return 2;
	return ss->opts->fail_on_warning && found ? 1 : 0;
}

/*
 * Skip files that cannot produce a finding (prefilter.h) in many-file
 * runs and under kbuild (which exports KBUILD_CHECKSRC), where speed
 * matters and the compiler reports broken files anyway; a file named
 * at the shell is always parsed, so a broken one gets its error.
 */
static bool use_prefilter(const struct options *opts, bool many)
{
	const char *kbuild = getenv("KBUILD_CHECKSRC");

	if (opts->all_files || opts->dump_ir)
		return false;
	return many || (kbuild && *kbuild && strcmp(kbuild, "0"));
}

/* Can the database be opened (created) at all?  Said once, here. */
static bool check_db(const char *path)
{
	struct db *db = db_open(path);

	db_close(db);
	return db != NULL;
}

static int run(const struct options *opts, const struct rules *rules)
{
	struct session ss = { .opts = opts, .rules = rules };
	bool many = jobs_tree_mode(opts);	/* stat()s every path */
	struct job_list jobs;
	int status, sparse = 0;

	ss.sparse_each = opts->run_sparse && many;
	if (opts->run_sparse && !ss.sparse_each)
		sparse = sparse_run(opts->nsparse_args, opts->sparse_args);
	if (sparse < 0)
		return 2;
	if (!jobs_build(opts, &jobs))
		return 2;
	if (opts->db_path && !check_db(opts->db_path)) {
		jobs_free(&jobs);
		return 2;
	}
	if (use_prefilter(opts, many))
		ss.prefilter = prefilter_new(rules);
	if (opts->fix && !(ss.fixer = fixer_new(cocci_dir(), opts->fix == FIX_DIFF))) {
		prefilter_free(ss.prefilter);
		jobs_free(&jobs);
		return 2;
	}
	if (!jobs.count)
		status = 2;	/* every path was reported */
	else if (many)
		status = run_many(&ss, &jobs);
	else
		status = run_each(&ss, &jobs);
	if (jobs.bad_inputs)
		status = 2;
	prefilter_free(ss.prefilter);
	fixer_free(ss.fixer);
	jobs_free(&jobs);
	return status ? status : sparse;
}

int main(int argc, char **argv)
{
	struct options opts;
	struct rules *rules;
	int status;

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
	if (!opts.nfiles && !opts.compile_commands) {
		fprintf(stderr, "rpmcheck: error: no input files (see --help)\n");
		free_options(&opts);
		return 2;
	}
	rules = load_rules(&opts);
	if (!rules) {
		free_options(&opts);
		return 2;
	}
	status = run(&opts, rules);
	rules_free(rules);
	free_options(&opts);
	return status;
}
