/*
 * fix.c - apply cocci/'s semantic patches to a file (see fix.h).
 *
 * A semantic patch is used for --fix when it has "virtual patch" and a
 * "// rpmcheck-rule: RULE" line naming one of rpmcheck's rules; its
 * "// Options:" line gives spatch's options.  spatch runs as
 * "spatch --very-quiet -D patch OPTIONS --sp-file X.cocci FILE -o TMP";
 * several patches for one file are applied one after the other, each on
 * the previous result.  Deliberately ignores spatch's own diagnostics
 * unless it fails: its first line is then quoted.
 */
#define _GNU_SOURCE	/* mkstemps */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "fix.h"
#include "frontend.h"
#include "util.h"

struct cocci {
	char *path;
	char *rule;
	struct strlist options;
};

struct fixer {
	struct { struct cocci *items; int count, alloc; } list;
	bool diff_only;
};

/* The rest of the line after PREFIX in TEXT, or NULL; caller frees. */
static char *header_value(const char *text, const char *prefix)
{
	const char *p = strstr(text, prefix);

	if (!p || (p != text && p[-1] != '\n'))
		return NULL;
	p += strlen(prefix);
	p += strspn(p, " \t");
	return xstrndup(p, strcspn(p, "\n"));
}

static void split_words(const char *s, struct strlist *out)
{
	char *copy = xstrdup(s ? s : ""), *save = NULL, *w;

	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		ARRAY_PUSH(*out, xstrdup(w));
	free(copy);
}

static void load_cocci(struct fixer *fx, const char *path)
{
	char *text = read_text_file(path), *rule, *options;
	struct cocci c = { 0 };

	if (!text)
		return;
	rule = header_value(text, "// rpmcheck-rule:");
	if (!rule || !diag_is_rule(rule) || !strstr(text, "virtual patch")) {
		free(rule);
		free(text);
		return;
	}
	options = header_value(text, "// Options:");
	c.path = xstrdup(path);
	c.rule = rule;
	split_words(options, &c.options);
	ARRAY_PUSH(fx->list, c);
	free(options);
	free(text);
}

struct fixer *fixer_new(const char *dir, bool diff_only)
{
	struct strlist names = { 0 };
	struct fixer *fx;
	struct dirent *de;
	DIR *d = opendir(dir);
	int i;

	if (!d) {
		fprintf(stderr, "rpmcheck: error: cannot open the semantic patches in %s: %s\n",
			dir, strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)))
		if (ends_with(de->d_name, ".cocci"))
			ARRAY_PUSH(names, xasprintf("%s/%s", dir, de->d_name));
	closedir(d);
	qsort(names.items, names.count, sizeof(char *), compare_strings);
	fx = xcalloc(1, sizeof(*fx));
	fx->diff_only = diff_only;
	for (i = 0; i < names.count; i++)
		load_cocci(fx, names.items[i]);
	strlist_free(&names);
	return fx;
}

void fixer_free(struct fixer *fx)
{
	int i;

	if (!fx)
		return;
	for (i = 0; i < fx->list.count; i++) {
		free(fx->list.items[i].path);
		free(fx->list.items[i].rule);
		strlist_free(&fx->list.items[i].options);
	}
	free(fx->list.items);
	free(fx);
}

bool fixer_has(const struct fixer *fx, const char *rule)
{
	int i;

	for (i = 0; i < fx->list.count; i++)
		if (!strcmp(fx->list.items[i].rule, rule))
			return true;
	return false;
}

/* Run ARGV with stdout and stderr into one string; returns its status. */
static int run_captured(char *const *argv, char **output)
{
	char buf[4096];
	size_t len = 0;
	ssize_t n;
	int fds[2], status = 0;
	pid_t pid;

	*output = xstrdup("");
	if (pipe(fds) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR)) {
		if (n <= 0)
			continue;
		*output = xrealloc(*output, len + n + 1);
		memcpy(*output + len, buf, n);
		len += n;
		(*output)[len] = '\0';
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* spatch C on IN into OUT: 1 changed, 0 nothing to change, -1 failed. */
static int run_spatch(const struct cocci *c, const char *in, const char *out,
		      char **why)
{
	struct strlist argv = { 0 };
	char *output;
	int i, status;

	ARRAY_PUSH(argv, xstrdup("spatch"));
	ARRAY_PUSH(argv, xstrdup("--very-quiet"));
	ARRAY_PUSH(argv, xstrdup("-D"));
	ARRAY_PUSH(argv, xstrdup("patch"));
	for (i = 0; i < c->options.count; i++)
		ARRAY_PUSH(argv, xstrdup(c->options.items[i]));
	ARRAY_PUSH(argv, xstrdup("--sp-file"));
	ARRAY_PUSH(argv, xstrdup(c->path));
	ARRAY_PUSH(argv, xstrdup(in));
	ARRAY_PUSH(argv, xstrdup("-o"));
	ARRAY_PUSH(argv, xstrdup(out));
	ARRAY_PUSH(argv, NULL);
	unlink(out);
	status = run_captured(argv.items, &output);
	argv.count--;
	strlist_free(&argv);
	if (status == 0 && access(out, F_OK) == 0) {
		free(output);
		return 1;
	}
	if (strstr(output, "no modified files")) {
		free(output);
		return 0;
	}
	*why = xstrndup(output, strcspn(output, "\n"));
	free(output);
	return -1;
}

/*
 * A temporary file in FILE's directory, so that rename() is atomic and
 * its quoted #includes still resolve; it ends in ".c" for the parser.
 */
static char *temp_next_to(const char *file)
{
	char *tmp = xasprintf("%s.rpmcheck-fix-XXXXXX.c", file);
	int fd = mkstemps(tmp, 2);

	if (fd < 0) {
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

/* Apply every patch for a FOUND rule, from JOB's file into CURRENT. */
static int apply_chain(const struct fixer *fx, const struct job *job,
		       const bool *found, char **current, char **why)
{
	int i, r, k, changed = 0;

	for (i = 0; i < fx->list.count; i++) {
		const struct cocci *c = &fx->list.items[i];
		char *next;

		for (k = 0; diag_rule_names[k]; k++)
			if (found[k] && !strcmp(diag_rule_names[k], c->rule))
				break;
		if (!diag_rule_names[k])
			continue;
		next = temp_next_to(job->path);
		if (!next) {
			*why = xasprintf("cannot create a file next to it: %s",
					 strerror(errno));
			return -1;
		}
		r = run_spatch(c, *current ? *current : job->path, next, why);
		if (r <= 0) {
			unlink(next);
			free(next);
			if (r < 0)
				return -1;
			continue;
		}
		if (*current) {
			unlink(*current);
			free(*current);
		}
		*current = next;
		changed = 1;
	}
	return changed;
}

/* Print the unified diff from JOB's file to RESULT on stdout. */
static void print_diff(const struct job *job, const char *result)
{
	char *a = xasprintf("a/%s", job->display), *b = xasprintf("b/%s", job->display);
	char *argv[] = { "diff", "-u", "--label", a, "--label", b,
			 job->path, (char *)result, NULL };
	char *output;

	fflush(stdout);
	run_captured(argv, &output);
	fputs(output, stdout);
	fflush(stdout);
	free(output);
	free(a);
	free(b);
}

/* Does the result still parse with the file's own flags? */
static bool still_parses(const struct job *job, const char *result)
{
	struct fe_unit unit = { 0 };
	bool ok = frontend_parse(result, job->display, job->nargs, job->args,
				 &unit) == 0;

	fe_unit_free(&unit);
	return ok;
}

/* Replace JOB's file by RESULT, keeping its permissions. */
static bool replace_file(const struct job *job, const char *result, char **why)
{
	struct stat st;

	if (stat(job->path, &st) == 0 && chmod(result, st.st_mode & 07777) < 0) {
		*why = xasprintf("cannot set the mode: %s", strerror(errno));
		return false;
	}
	if (rename(result, job->path) < 0) {
		*why = xasprintf("cannot replace it: %s", strerror(errno));
		return false;
	}
	return true;
}

int fixer_apply(const struct fixer *fx, const struct job *job,
		const bool *found)
{
	char *result = NULL, *why = NULL;
	int r = apply_chain(fx, job, found, &result, &why);

	if (r > 0 && fx->diff_only) {
		print_diff(job, result);
	} else if (r > 0 && !still_parses(job, result)) {
		why = xstrdup("the patched file does not parse");
		r = -1;
	} else if (r > 0 && !replace_file(job, result, &why)) {
		r = -1;
	} else if (r > 0) {
		fprintf(stderr, "%s: fixed (the findings below are what is left)\n",
			job->display);
		free(result);
		result = NULL;
	}
	if (result) {
		unlink(result);
		free(result);
	}
	if (r < 0) {
		fprintf(stderr, "%s: error: not fixed, the file is unchanged: %s\n",
			job->display, why ? why : "spatch failed");
		free(why);
	}
	return r;
}
