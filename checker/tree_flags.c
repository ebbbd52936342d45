/*
 * tree_flags.c - the flags kbuild gives one file of a configured tree
 * (see tree.h): the top-level and arch Makefiles' parser flags, then the
 * -I and -D words of plain "ccflags-y", "ccflags-$(CONFIG_X)",
 * "subdir-ccflags-y" and "CFLAGS_file.o" assignments in the file's
 * directory and the directories above it, with $(srctree), $(src) and
 * $(obj) expanded.
 *
 * Deliberately ignores words using any other make variable or function,
 * conditionals (ifdef) and Makefiles included by others: files that need
 * them may fail to parse, and compile_commands.json (-p) gives exact
 * flags.  Code-generation flags are not needed to parse and are left out.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tree_internal.h"
#include "util.h"

/* Replace every FROM in S by TO. */
static char *replace_all(const char *s, const char *from, const char *to)
{
	size_t nfrom = strlen(from), nto = strlen(to), n = 0;
	const char *p;
	char *out, *o;

	for (p = s; (p = strstr(p, from)); p += nfrom)
		n++;
	out = o = xmalloc(strlen(s) + n * nto + 1);
	while ((p = strstr(s, from))) {
		memcpy(o, s, p - s);
		o += p - s;
		memcpy(o, to, nto);
		o += nto;
		s = p + nfrom;
	}
	strcpy(o, s);
	return out;
}

/* WORD with make variables expanded; NULL when one is not known. */
static char *expand_word(const struct ktree *t, const char *rel,
			 const char *word)
{
	char *a, *b, *c;

	a = replace_all(word, "$(srctree)", t->root);
	b = replace_all(a, "$(src)", rel);
	c = replace_all(b, "$(obj)", rel);
	free(a);
	free(b);
	if (strstr(c, "$(") || strchr(c, '$')) {
		free(c);
		return NULL;
	}
	return c;
}

/* -Ipath relative to the tree root becomes absolute. */
static char *absolute_include(const struct ktree *t, const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (path[0] == '/')
		return xasprintf("-I%s", path);
	return xasprintf("-I%s/%s", t->root, path);
}

/* Keep the -I and -D words of VALUE (a Makefile right-hand side). */
static void keep_flags(const struct ktree *t, const char *rel,
		       const char *value, struct strlist *out)
{
	char *copy = xstrdup(value), *save = NULL, *w, *x;
	bool want_include = false;

	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		x = expand_word(t, rel, w);
		if (!x) {
			want_include = false;
			continue;
		}
		if (want_include)
			ARRAY_PUSH(*out, absolute_include(t, x));
		else if (starts_with(x, "-I") && x[2])
			ARRAY_PUSH(*out, absolute_include(t, x + 2));
		else if (starts_with(x, "-D") && x[2])
			ARRAY_PUSH(*out, xstrdup(x));
		want_include = !strcmp(x, "-I");
		free(x);
	}
	free(copy);
}

/* "ccflags-$(CONFIG_FOO)" counts when CONFIG_FOO is y or m. */
static bool selected(const struct ktree *t, const char *suffix)
{
	char config[128];
	size_t n;

	if (!strcmp(suffix, "y"))
		return true;
	if (!starts_with(suffix, "$(CONFIG_"))
		return false;
	n = strcspn(suffix + 2, ")");
	if (n >= sizeof(config) || suffix[2 + n] != ')' || suffix[3 + n])
		return false;
	memcpy(config, suffix + 2, n);
	config[n] = '\0';
	return tree_config_set(t, config);
}

/*
 * "obj-$(CONFIG_FOO) += foo.o bar.o" with CONFIG_FOO=m: foo.c and bar.c
 * are built as modules, with -DMODULE.  Objects made of several files
 * (foo-y := a.o b.o) are not followed: their files are seen as built in.
 */
static void note_modules(const struct ktree *t, struct dir_flags *d,
			 const char *config, const char *value)
{
	char name[128], *copy, *save = NULL, *w;
	size_t n = strcspn(config + 2, ")");

	if (n >= sizeof(name) - 8)
		return;
	memcpy(name, config + 2, n);
	strcpy(name + n, "_MODULE");
	if (!tree_config_set(t, name))
		return;
	copy = xstrdup(value);
	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		if (ends_with(w, ".o") && !strchr(w, '$'))
			ARRAY_PUSH(d->per_file, xasprintf("%s\t-DMODULE", w));
	free(copy);
}

/* One assignment "NAME op VALUE" of the Makefile of directory D. */
static void take_assignment(const struct ktree *t, struct dir_flags *d,
			    const char *name, const char *value)
{
	if (starts_with(name, "subdir-ccflags-") && selected(t, name + 15)) {
		keep_flags(t, d->dir, value, &d->subdir);
	} else if (starts_with(name, "ccflags-") && selected(t, name + 8)) {
		keep_flags(t, d->dir, value, &d->own);
	} else if (starts_with(name, "obj-$(CONFIG_")) {
		note_modules(t, d, name + 4, value);
	} else if (starts_with(name, "CFLAGS_") && ends_with(name, ".o")) {
		struct strlist words = { 0 };
		int i;

		keep_flags(t, d->dir, value, &words);
		for (i = 0; i < words.count; i++)
			ARRAY_PUSH(d->per_file,
				   xasprintf("%s\t%s", name + 7, words.items[i]));
		strlist_free(&words);
	}
}

/* Split LINE into "NAME [:+?]= VALUE"; false when it is not one. */
static bool split_assignment(char *line, char **name, char **value)
{
	char *eq = strchr(line, '='), *end;

	if (!eq || eq == line)
		return false;
	*value = eq + 1;
	end = eq;
	if (strchr(":+?", end[-1]))
		end--;
	while (end > line && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	*name = line;
	while (isspace((unsigned char)**name))
		(*name)++;
	return **name && !strpbrk(*name, " \t");
}

static void read_makefile(const struct ktree *t, struct dir_flags *d)
{
	char *path = xasprintf("%s/%s%sMakefile", t->root, d->dir,
			       *d->dir ? "/" : "");
	char *text = tree_read_text(path), *line, *save = NULL, *p;
	char *name, *value;

	free(path);
	if (!text)
		return;
	/* join continuation lines */
	for (p = text; (p = strstr(p, "\\\n")); )
		p[0] = p[1] = ' ';
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if ((p = strchr(line, '#')))
			*p = '\0';
		if (split_assignment(line, &name, &value))
			take_assignment(t, d, name, value);
	}
	free(text);
}

static struct dir_flags *dir_flags_of(struct ktree *t, const char *rel)
{
	struct dir_flags d = { 0 };
	int i;

	for (i = 0; i < t->dirs.count; i++)
		if (!strcmp(t->dirs.items[i].dir, rel))
			return &t->dirs.items[i];
	d.dir = xstrdup(rel);
	read_makefile(t, &d);
	ARRAY_PUSH(t->dirs, d);
	return &t->dirs.items[t->dirs.count - 1];
}

static void push_all(struct strlist *args, const struct strlist *from)
{
	int i;

	for (i = 0; i < from->count; i++)
		ARRAY_PUSH(*args, xstrdup(from->items[i]));
}

static void push_base_flags(const struct ktree *t, struct strlist *args)
{
	static const char *const includes[] = {
		"arch/%s/include", "arch/%s/include/generated", "include",
		"arch/%s/include/uapi", "arch/%s/include/generated/uapi",
		"include/uapi", "include/generated/uapi", NULL,
	};
	static const char *const forced[] = {
		"compiler-version.h", "kconfig.h", "compiler_types.h", NULL,
	};
	char *dir;
	int i;

	ARRAY_PUSH(*args, xstrdup("-nostdinc"));
	for (i = 0; includes[i]; i++) {
		dir = xasprintf(includes[i], t->arch->srcarch);
		ARRAY_PUSH(*args, xasprintf("-I%s/%s", t->root, dir));
		free(dir);
	}
	for (i = 0; forced[i]; i++) {
		ARRAY_PUSH(*args, xstrdup("-include"));
		ARRAY_PUSH(*args, xasprintf("%s/include/linux/%s", t->root,
					    forced[i]));
	}
	for (i = 0; t->arch->flags[i]; i++)
		ARRAY_PUSH(*args, xstrdup(t->arch->flags[i]));
	ARRAY_PUSH(*args, xstrdup("-D__KERNEL__"));
	ARRAY_PUSH(*args, xstrdup("-std=gnu11"));
	ARRAY_PUSH(*args, xstrdup("-fshort-wchar"));
	ARRAY_PUSH(*args, xstrdup("-funsigned-char"));
}

/*
 * KBUILD_BASENAME and KBUILD_MODNAME as kbuild spells them for FILE, and
 * KBUILD_MODFILE, which module.h needs for built-in code.
 */
static void push_names(const struct ktree *t, const char *file,
		       struct strlist *args)
{
	size_t nroot = strlen(t->root);
	const char *rel = strncmp(file, t->root, nroot) ? file :
			  file + nroot + 1;

	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	char *name = xstrndup(base, strcspn(base, "."));
	char *p;

	for (p = name; *p; p++)
		if (!isalnum((unsigned char)*p))
			*p = '_';
	ARRAY_PUSH(*args, xasprintf("-DKBUILD_BASENAME=\"%s\"", name));
	ARRAY_PUSH(*args, xasprintf("-DKBUILD_MODNAME=\"%s\"", name));
	ARRAY_PUSH(*args, xasprintf("-D__KBUILD_MODNAME=kmod_%s", name));
	ARRAY_PUSH(*args, xasprintf("-DKBUILD_MODFILE=\"%.*s\"",
				    (int)strcspn(rel, "."), rel));
	free(name);
}

static void push_file_flags(const struct dir_flags *d, const char *file,
			    struct strlist *args)
{
	const char *base = strrchr(file, '/') + 1;
	size_t n = strcspn(base, ".");
	int i;

	for (i = 0; i < d->per_file.count; i++) {
		const char *e = d->per_file.items[i];

		if (!strncmp(e, base, n) && !strncmp(e + n, ".o\t", 3))
			ARRAY_PUSH(*args, xstrdup(e + n + 3));
	}
}

void tree_flags(struct ktree *t, const char *file, struct strlist *args)
{
	size_t nroot = strlen(t->root);
	const char *rel = file + nroot + (file[nroot] == '/');
	char *dir, *slash;
	size_t len;

	push_base_flags(t, args);
	if (strncmp(file, t->root, nroot) || !strrchr(rel, '/')) {
		push_names(t, file, args);
		return;
	}
	dir = xstrndup(rel, strrchr(rel, '/') - rel);
	/* subdir-ccflags-y of every directory from the top down to DIR */
	for (len = 0;; len = slash - dir + 1) {
		slash = strchr(dir + len, '/');
		if (!slash)
			break;
		*slash = '\0';
		push_all(args, &dir_flags_of(t, dir)->subdir);
		*slash = '/';
	}
	push_all(args, &dir_flags_of(t, dir)->subdir);
	push_all(args, &dir_flags_of(t, dir)->own);
	push_file_flags(dir_flags_of(t, dir), file, args);
	push_names(t, file, args);
	free(dir);
}
