/*
 * tree_flags.c - the flags kbuild gives one file of a configured tree
 * (see tree.h): the top-level and arch Makefiles' parser flags, then
 * what the Makefiles say (tree_makefile.c): the subdir-ccflags-y of
 * every directory down to the one whose Makefile builds the file (its
 * own, or one above that names "sub/file.o"), that one's ccflags-y and
 * CFLAGS_file.o, and -DMODULE for a module.
 *
 * Deliberately ignores objects a Makefile builds through make functions
 * (amdgpu's $(addprefix ...) lists): such files get their own
 * directory's flags and may fail to parse; compile_commands.json (-p)
 * gives exact flags.  Code-generation flags are not needed to parse and
 * are left out.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tree_internal.h"
#include "util.h"

static struct dir_flags *dir_flags_of(struct ktree *t, const char *rel)
{
	struct dir_flags d = { 0 };
	int i;

	for (i = 0; i < t->dirs.count; i++)
		if (!strcmp(t->dirs.items[i].dir, rel))
			return &t->dirs.items[i];
	d.dir = xstrdup(rel);
	tree_read_makefile(t, &d);
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
	/* the top Makefile's CC_FLAGS_USING (asm/ftrace.h checks it) */
	if (tree_config_set(t, "CONFIG_FUNCTION_TRACER") &&
	    tree_config_set(t, "CONFIG_HAVE_FENTRY"))
		ARRAY_PUSH(*args, xstrdup("-DCC_USING_FENTRY"));
	if (tree_config_set(t, "CONFIG_FUNCTION_TRACER") &&
	    tree_config_set(t, "CONFIG_FTRACE_MCOUNT_USE_OBJTOOL") &&
	    tree_config_set(t, "CONFIG_HAVE_OBJTOOL_NOP_MCOUNT"))
		ARRAY_PUSH(*args, xstrdup("-DCC_USING_NOP_MCOUNT"));
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

/* Does a line of D's Makefile name object OBJ ("sub/foo.o")? */
static bool names_object(const struct dir_flags *d, const char *obj)
{
	size_t n = strlen(obj);
	int i;

	for (i = 0; i < d->objects.count; i++) {
		const char *p = d->objects.items[i];

		while ((p = strstr(p, obj))) {
			bool start = p == d->objects.items[i] || isspace((unsigned char)p[-1]);

			if (start && (!p[n] || isspace((unsigned char)p[n])))
				return true;
			p += n;
		}
	}
	return false;
}

/*
 * The directory whose Makefile builds the object of REL/BASE.c: REL's
 * own, or the nearest directory above that names "sub/dir/BASE.o"
 * (msm's Makefile builds adreno/adreno_gpu.o).  Returns its length in
 * REL; *OBJ is the object as that Makefile names it (caller frees).
 */
static size_t owner_of(struct ktree *t, const char *rel, const char *base,
		       char **obj)
{
	size_t len = strlen(rel);
	char *dir;

	*obj = xasprintf("%s.o", base);
	if (names_object(dir_flags_of(t, rel), *obj))
		return len;
	while (len > 0) {
		while (len > 0 && rel[len - 1] != '/')
			len--;
		if (!len)
			break;
		len--;
		dir = xstrndup(rel, len);
		free(*obj);
		*obj = xasprintf("%s/%s.o", rel + len + 1, base);
		if (names_object(dir_flags_of(t, dir), *obj)) {
			free(dir);
			return len;
		}
		free(dir);
	}
	free(*obj);
	*obj = xasprintf("%s.o", base);
	return strlen(rel);
}

static void push_file_flags(const struct dir_flags *d, const char *obj,
			    struct strlist *args)
{
	size_t n = strlen(obj);
	int i;

	for (i = 0; i < d->per_file.count; i++) {
		const char *e = d->per_file.items[i];

		if (!strncmp(e, obj, n) && e[n] == '\t')
			ARRAY_PUSH(*args, xstrdup(e + n + 1));
	}
}

void tree_flags(struct ktree *t, const char *file, struct strlist *args)
{
	size_t nroot = strlen(t->root), len, owner;
	const char *rel = file + nroot + (file[nroot] == '/');
	char *dir, *base, *obj, *slash;

	push_base_flags(t, args);
	if (strncmp(file, t->root, nroot) || !strrchr(rel, '/')) {
		push_names(t, file, args);
		return;
	}
	dir = xstrndup(rel, strrchr(rel, '/') - rel);
	base = xstrndup(strrchr(rel, '/') + 1,
			strcspn(strrchr(rel, '/') + 1, "."));
	owner = owner_of(t, dir, base, &obj);
	dir[owner] = '\0';
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
	push_file_flags(dir_flags_of(t, dir), obj, args);
	push_names(t, file, args);
	free(obj);
	free(base);
	free(dir);
}
