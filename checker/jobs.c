/*
 * jobs.c - the files to check and their flags (see jobs.h).
 *
 * Flags come, in order of precedence, from compile_commands.json, from
 * the command line when it has any parser flag (kbuild's case), and
 * from the configured kernel tree a file lies in.  A file in no kernel
 * tree and with no flags is parsed with none.  Deliberately ignores
 * compile_commands.json's "output" and compiler name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compdb.h"
#include "jobs.h"
#include "tree.h"
#include "util.h"

bool jobs_tree_mode(const struct options *opts)
{
	struct stat st;
	int i;

	if (opts->compile_commands || (opts->jobs && opts->nfiles > 1))
		return true;
	for (i = 0; i < opts->nfiles; i++)
		if (stat(opts->files[i], &st) == 0 && S_ISDIR(st.st_mode))
			return true;
	return false;
}

static const char **copy_args(const struct strlist *extra,
			      const char *const *given, int ngiven, int *n)
{
	const char **args = xcalloc(extra->count + ngiven + 1, sizeof(char *));
	int i;

	for (i = 0; i < extra->count; i++)
		args[i] = xstrdup(extra->items[i]);
	for (i = 0; i < ngiven; i++)
		args[extra->count + i] = xstrdup(given[i]);
	*n = extra->count + ngiven;
	return args;
}

static void add_job(struct job_list *jobs, const char *display,
		    const char *path, const char *cwd,
		    const struct strlist *flags, const char *const *given,
		    int ngiven)
{
	struct job job = { 0 };

	job.display = xstrdup(display);
	job.path = xstrdup(path);
	job.cwd = cwd ? xstrdup(cwd) : NULL;
	job.args = copy_args(flags, given, ngiven, &job.nargs);
	ARRAY_PUSH(*jobs, job);
}

/* The flags a file given by path needs, when the command line has none. */
static void tree_flags_for(struct ktree **tree, const char *file,
			   struct strlist *flags)
{
	char *abs = realpath(file, NULL);

	if (*tree && abs)
		tree_flags(*tree, abs, flags);
	free(abs);
}

/* The .c files below directory DIR, or the path itself, in FILES. */
static bool files_of(const char *path, const struct ktree *tree,
		     struct strlist *files)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		ARRAY_PUSH(*files, xstrdup(path));	/* check_job says why */
		return true;
	}
	if (!tree_collect(path, tree, files))
		return false;
	if (!files->count)
		fprintf(stderr, "rpmcheck: error: %s: no .c file to check there\n",
			path);
	return files->count > 0;
}

static bool jobs_from_paths(const struct options *opts, struct job_list *jobs)
{
	bool given_flags = opts->nclang_args > 0, error = false;
	int i, k;

	for (i = 0; i < opts->nfiles; i++) {
		struct ktree *tree = NULL;
		struct strlist files = { 0 };

		if (!given_flags)
			tree = tree_find(opts->files[i], &error);
		if (error)
			return false;	/* an unconfigured tree: nothing works */
		if (!files_of(opts->files[i], tree, &files))
			jobs->bad_inputs++;
		for (k = 0; k < files.count; k++) {
			struct strlist flags = { 0 };

			if (!given_flags)
				tree_flags_for(&tree, files.items[k], &flags);
			add_job(jobs, files.items[k], files.items[k], NULL,
				&flags, opts->clang_args, opts->nclang_args);
			strlist_free(&flags);
		}
		strlist_free(&files);
		tree_free(tree);
	}
	return true;
}

/* Is FILE (absolute) at or below one of the paths given, if any? */
static bool selected_by_paths(const struct options *opts, const char *file)
{
	bool selected = opts->nfiles == 0;
	int i;

	char *real = realpath(file, NULL);	/* through symlinks */

	if (real)
		file = real;
	for (i = 0; i < opts->nfiles && !selected; i++) {
		char *abs = realpath(opts->files[i], NULL);
		size_t n = abs ? strlen(abs) : 0;

		selected = abs && !strncmp(file, abs, n) &&
			   (file[n] == '\0' || file[n] == '/');
		free(abs);
	}
	free(real);
	return selected;
}

/* FILE relative to the current directory when it lies below it. */
static char *display_name(const char *file)
{
	char *cwd = realpath(".", NULL);
	size_t n = cwd ? strlen(cwd) : 0;
	char *name;

	if (cwd && !strncmp(file, cwd, n) && file[n] == '/')
		name = xstrdup(file + n + 1);
	else
		name = xstrdup(file);
	free(cwd);
	return name;
}

static bool jobs_from_compdb(const struct options *opts, struct job_list *jobs)
{
	struct compdb *db = compdb_load(opts->compile_commands);
	struct strlist none = { 0 };
	int i;

	if (!db)
		return false;
	for (i = 0; i < db->count; i++) {
		const struct compdb_entry *e = &db->items[i];
		const char **args;
		char *name;
		int nargs;

		if (!ends_with(e->file, ".c") || !selected_by_paths(opts, e->file))
			continue;
		if (!args_filter_compiler(e->argc, e->argv, &args, &nargs))
			continue;
		name = display_name(e->file);
		add_job(jobs, name, e->file, e->dir, &none, args, nargs);
		free(name);
		free(args);
	}
	compdb_free(db);
	if (!jobs->count)
		fprintf(stderr, "rpmcheck: error: %s: no C file %s\n",
			opts->compile_commands,
			opts->nfiles ? "below the paths given" : "listed");
	return true;
}

bool jobs_build(const struct options *opts, struct job_list *jobs)
{
	memset(jobs, 0, sizeof(*jobs));
	if (opts->compile_commands)
		return jobs_from_compdb(opts, jobs);
	return jobs_from_paths(opts, jobs);
}

void jobs_free(struct job_list *jobs)
{
	int i, k;

	for (i = 0; i < jobs->count; i++) {
		struct job *j = &jobs->items[i];

		free(j->display);
		free(j->path);
		free(j->cwd);
		for (k = 0; k < j->nargs; k++)
			free((char *)j->args[k]);
		free(j->args);
	}
	free(jobs->items);
	memset(jobs, 0, sizeof(*jobs));
}
