/*
 * tree_makefile.c - read what a directory's Kbuild (or Makefile) says
 * about compiler flags, for tree mode (tree_flags.c composes them).
 *
 * Lines are read in order, continuation lines joined.  Plain variable
 * assignments (FULL_AMD_PATH = $(src)/..) are remembered, "include" and
 * "-include" lines read the named file in place, and the right-hand
 * sides of "ccflags-y", "ccflags-$(CONFIG_X)", "subdir-ccflags-y",
 * "CFLAGS_file.o" and "obj-$(CONFIG_X)" are kept; once the whole file
 * is read their -I and -D words are expanded ($(srctree), $(src),
 * $(obj) and the remembered variables) and stored.
 *
 * Deliberately ignores conditionals (ifdef/ifeq: both branches count),
 * make functions ($(call ...), $(addprefix ...)) and words using an
 * unknown variable, which are dropped.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tree_internal.h"
#include "util.h"

#define MAX_INCLUDE_DEPTH 4
#define MAX_EXPANSION_DEPTH 8

struct reading {
	const struct ktree *t;
	struct dir_flags *d;
	struct strlist vars;	/* "NAME=VALUE" */
	struct strlist flags;	/* "NAME=VALUE" of the flag assignments */
	struct strlist modules;	/* "foo.o" built as modules here */
};

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

static void replace_in(char **s, const char *from, const char *to)
{
	char *next = replace_all(*s, from, to);

	free(*s);
	*s = next;
}

/* TEXT with the remembered variables and the kbuild ones expanded. */
static char *expand(const struct reading *r, const char *text)
{
	char *s = xstrdup(text), *ref;
	int depth, i;

	for (depth = 0; depth < MAX_EXPANSION_DEPTH && strstr(s, "$("); depth++)
		for (i = r->vars.count - 1; i >= 0; i--) {
			const char *v = r->vars.items[i];
			size_t n = strcspn(v, "=");

			ref = xasprintf("$(%.*s)", (int)n, v);
			replace_in(&s, ref, v + n + 1);
			free(ref);
		}
	replace_in(&s, "$(srctree)/", "");
	replace_in(&s, "$(srctree)", ".");
	replace_in(&s, "$(src)", r->d->dir);
	replace_in(&s, "$(obj)", r->d->dir);
	return s;
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

/* Keep the -I and -D words of VALUE (expanded) in OUT. */
static void keep_flags(const struct reading *r, const char *value,
		       struct strlist *out)
{
	char *copy = expand(r, value), *save = NULL, *w;
	bool want_include = false;

	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (strchr(w, '$')) {
			want_include = false;
			continue;
		}
		if (want_include)
			ARRAY_PUSH(*out, absolute_include(r->t, w));
		else if (starts_with(w, "-I") && w[2])
			ARRAY_PUSH(*out, absolute_include(r->t, w + 2));
		else if (starts_with(w, "-D") && w[2])
			ARRAY_PUSH(*out, xstrdup(w));
		want_include = !strcmp(w, "-I");
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

/* Every "x.o" word of VALUE gets -DMODULE. */
static void objects_are_modules(const struct reading *r, const char *value)
{
	char *copy = xstrdup(value), *save = NULL, *w;

	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		if (ends_with(w, ".o") && !strchr(w, '$'))
			ARRAY_PUSH(r->d->per_file, xasprintf("%s\t-DMODULE", w));
	free(copy);
}

/*
 * "obj-$(CONFIG_FOO) += foo.o bar.o" with CONFIG_FOO=m: foo.c and bar.c
 * are built as modules, with -DMODULE, and so are the parts of a module
 * made of several files ("foo-y += a.o b.o"; see composite_modules()).
 */
static void note_modules(struct reading *r, const char *config,
			 const char *value)
{
	char name[128], *copy, *save = NULL, *w;
	size_t n = strcspn(config + 2, ")");

	if (n >= sizeof(name) - 8)
		return;
	memcpy(name, config + 2, n);
	strcpy(name + n, "_MODULE");
	if (!tree_config_set(r->t, name))
		return;
	objects_are_modules(r, value);
	copy = xstrdup(value);
	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		if (ends_with(w, ".o") && !strchr(w, '$'))
			ARRAY_PUSH(r->modules, xstrdup(w));
	free(copy);
}

/* "foo-y", "foo-objs", "foo-$(CONFIG_X)" of a module foo.o. */
static void composite_modules(const struct reading *r, const char *name,
			      const char *value)
{
	size_t n;
	int i;

	for (i = 0; i < r->modules.count; i++) {
		n = strlen(r->modules.items[i]) - 2;	/* without ".o" */
		if (strncmp(name, r->modules.items[i], n) || name[n] != '-')
			continue;
		if (!strcmp(name + n + 1, "objs") || selected(r->t, name + n + 1))
			objects_are_modules(r, value);
	}
}

/* A flag assignment NAME = VALUE, once every variable is known. */
static void take_flags(struct reading *r, const char *name,
		       const char *value)
{
	struct dir_flags *d = r->d;

	if (starts_with(name, "subdir-ccflags-") && selected(r->t, name + 15)) {
		keep_flags(r, value, &d->subdir);
	} else if (starts_with(name, "ccflags-") && selected(r->t, name + 8)) {
		keep_flags(r, value, &d->own);
	} else if (starts_with(name, "obj-$(CONFIG_")) {
		note_modules(r, name + 4, value);
	} else if (starts_with(name, "CFLAGS_") && ends_with(name, ".o")) {
		struct strlist words = { 0 };
		int i;

		keep_flags(r, value, &words);
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
	*value = eq + 1 + strspn(eq + 1, " \t");
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

static bool is_variable_name(const char *name)
{
	for (; *name; name++)
		if (!isalnum((unsigned char)*name) && *name != '_')
			return false;
	return true;
}

static void read_text(struct reading *r, const char *path, int depth);

/* "include $(src)/nvkm/Kbuild": read that file here. */
static void read_include(struct reading *r, const char *target, int depth)
{
	char *file = expand(r, target), *path;

	file[strcspn(file, " \t")] = '\0';
	if (!strchr(file, '$') && depth < MAX_INCLUDE_DEPTH) {
		path = file[0] == '/' ? xstrdup(file) :
		       xasprintf("%s/%s", r->t->root, file);
		read_text(r, path, depth + 1);
		free(path);
	}
	free(file);
}

static void read_line(struct reading *r, char *line, int depth)
{
	char *name, *value, *hash = strchr(line, '#');

	if (hash)
		*hash = '\0';
	line += strspn(line, " \t");
	if (starts_with(line, "include ") || starts_with(line, "-include ")) {
		read_include(r, line + strcspn(line, " ") + 1, depth);
		return;
	}
	if (!split_assignment(line, &name, &value))
		return;
	if (is_variable_name(name))
		ARRAY_PUSH(r->vars, xasprintf("%s=%s", name, value));
	else
		ARRAY_PUSH(r->flags, xasprintf("%s=%s", name, value));
	if (strstr(value, ".o"))
		ARRAY_PUSH(r->d->objects, xstrdup(value));
}

static void read_text(struct reading *r, const char *path, int depth)
{
	char *text = read_text_file(path), *line, *save = NULL, *p;

	if (!text)
		return;
	for (p = text; (p = strstr(p, "\\\n")); )
		p[0] = p[1] = ' ';
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		read_line(r, line, depth);
	free(text);
}

void tree_read_makefile(const struct ktree *t, struct dir_flags *d)
{
	struct reading r = { .t = t, .d = d };
	char *kbuild = xasprintf("%s/%s/Kbuild", t->root, d->dir);
	char *makefile = xasprintf("%s/%s/Makefile", t->root, d->dir);
	int i;

	read_text(&r, kbuild, 0);
	if (!r.vars.count && !r.flags.count)
		read_text(&r, makefile, 0);
	for (i = 0; i < r.flags.count; i++) {
		char *eq = strchr(r.flags.items[i], '=');

		*eq = '\0';
		take_flags(&r, r.flags.items[i], eq + 1);
	}
	for (i = 0; i < r.flags.count; i++)	/* the modules are known now */
		composite_modules(&r, r.flags.items[i],
				  r.flags.items[i] + strlen(r.flags.items[i]) + 1);
	strlist_free(&r.vars);
	strlist_free(&r.flags);
	strlist_free(&r.modules);
	free(kbuild);
	free(makefile);
}
