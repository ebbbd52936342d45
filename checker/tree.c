/*
 * tree.c - tree mode (see tree.h): the tree root, its configuration and
 * architecture, and the .c files below a path.
 *
 * The flags themselves are tree_flags.c's.  Deliberately ignores
 * architectures other than the ones in the table below.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tree_internal.h"
#include "util.h"

/* Most specific first: X86_64 before X86, ARM64 before ARM. */
static const struct arch arches[] = {
	{ "CONFIG_X86_64", "x86", { "-m64", NULL } },
	{ "CONFIG_X86_32", "x86", { "-m32", NULL } },
	{ "CONFIG_ARM64", "arm64", { "--target=aarch64-linux-gnu", NULL } },
	{ "CONFIG_ARM", "arm", { "--target=arm-linux-gnueabi", NULL } },
	{ "CONFIG_RISCV", "riscv", { "--target=riscv64-linux-gnu", NULL } },
	{ "CONFIG_PPC64", "powerpc", { "--target=powerpc64le-linux-gnu", NULL } },
	{ "CONFIG_S390", "s390", { "--target=s390x-linux-gnu", NULL } },
	{ NULL, NULL, { NULL } },
};

static bool exists(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool ok = stat(p, &st) == 0;

	free(p);
	return ok;
}

bool tree_config_set(const struct ktree *t, const char *config)
{
	char *y = xasprintf("#define %s 1\n", config);
	char *m = xasprintf("#define %s_MODULE 1\n", config);
	bool set = strstr(t->autoconf, y) || strstr(t->autoconf, m);

	free(y);
	free(m);
	return set;
}

/* The nearest directory at or above PATH that looks like a kernel tree. */
static char *find_root(const char *path)
{
	char *dir = realpath(path, NULL);
	char *slash;
	struct stat st;

	if (!dir)
		return NULL;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
		*strrchr(dir, '/') = '\0';
	for (;;) {
		if (exists(dir, "Makefile") && exists(dir, "Kconfig") &&
		    exists(dir, "include/linux/kernel.h"))
			return dir;
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return NULL;
}

static const struct arch *configured_arch(const struct ktree *t)
{
	const struct arch *a;

	for (a = arches; a->config; a++)
		if (tree_config_set(t, a->config))
			return a;
	return NULL;
}

struct ktree *tree_find(const char *path, bool *error)
{
	struct ktree *t;
	char *root = find_root(path), *conf;

	*error = false;
	if (!root)
		return NULL;
	conf = xasprintf("%s/include/generated/autoconf.h", root);
	t = xcalloc(1, sizeof(*t));
	t->root = root;
	t->autoconf = read_text_file(conf);
	free(conf);
	if (!t->autoconf) {
		fprintf(stderr, "rpmcheck: error: the kernel tree %s is not configured: run 'make defconfig prepare' (or allmodconfig) there first\n",
			root);
		goto fail;
	}
	t->arch = configured_arch(t);
	if (!t->arch) {
		fprintf(stderr, "rpmcheck: error: %s: tree mode knows x86, arm64, arm, riscv, powerpc64 and s390 only; use -p with a compile_commands.json\n",
			root);
		goto fail;
	}
	return t;
fail:
	*error = true;
	tree_free(t);
	return NULL;
}

void tree_free(struct ktree *t)
{
	int i;

	if (!t)
		return;
	for (i = 0; i < t->dirs.count; i++) {
		free(t->dirs.items[i].dir);
		strlist_free(&t->dirs.items[i].own);
		strlist_free(&t->dirs.items[i].subdir);
		strlist_free(&t->dirs.items[i].per_file);
		strlist_free(&t->dirs.items[i].objects);
	}
	free(t->dirs.items);
	free(t->autoconf);
	free(t->root);
	free(t);
}

const char *tree_root(const struct ktree *t)
{
	return t->root;
}

/* Top-level directories of a kernel tree that hold no kernel code. */
static bool host_code_dir(const struct ktree *t, const char *dir)
{
	static const char *const skipped[] = {
		"tools", "scripts", "Documentation", "samples", "usr", NULL,
	};
	char *abs;
	size_t n;
	bool skip = false;
	int i;

	if (!t || !(abs = realpath(dir, NULL)))
		return false;
	n = strlen(t->root);
	if (!strncmp(abs, t->root, n) && abs[n] == '/')
		for (i = 0; skipped[i]; i++)
			if (!strcmp(abs + n + 1, skipped[i]))
				skip = true;
	free(abs);
	return skip;
}

static bool collect_dir(const char *dir, const struct ktree *t,
			struct strlist *files)
{
	struct strlist names = { 0 };
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(dir);
	bool ok = true;
	int i;

	if (!d) {
		fprintf(stderr, "rpmcheck: error: cannot read directory %s: %s\n",
			dir, strerror(errno));
		return false;
	}
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && !strcmp(dir, "."))
			ARRAY_PUSH(names, xstrdup(de->d_name));
		else if (de->d_name[0] != '.')
			ARRAY_PUSH(names, xasprintf("%s/%s", dir, de->d_name));
	closedir(d);
	qsort(names.items, names.count, sizeof(char *), compare_strings);
	for (i = 0; i < names.count; i++) {
		const char *p = names.items[i];

		if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))
			continue;
		if (S_ISDIR(st.st_mode) && !host_code_dir(t, p))
			ok = collect_dir(p, t, files) && ok;
		else if (S_ISREG(st.st_mode) && ends_with(p, ".c"))
			ARRAY_PUSH(*files, xstrdup(p));
	}
	strlist_free(&names);
	return ok;
}

bool tree_collect(const char *path, const struct ktree *t,
		  struct strlist *files)
{
	char *dir;
	struct stat st;
	bool ok;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "rpmcheck: error: cannot read %s: %s\n", path,
			strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		ARRAY_PUSH(*files, xstrdup(path));
		return true;
	}
	dir = xstrdup(path);
	while (strlen(dir) > 1 && dir[strlen(dir) - 1] == '/')
		dir[strlen(dir) - 1] = '\0';
	ok = collect_dir(dir, t, files);
	free(dir);
	return ok;
}
