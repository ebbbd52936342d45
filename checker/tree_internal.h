/*
 * tree_internal.h - the kernel tree as tree.c finds it, shared with
 * tree_flags.c (the flags of one file).  Not part of tree.h.
 */
#ifndef RPMCHECK_TREE_INTERNAL_H
#define RPMCHECK_TREE_INTERNAL_H

#include "tree.h"

struct arch {
	const char *config;	/* "#define CONFIG_... 1" that selects it */
	const char *srcarch;
	const char *flags[3];	/* parser flags of the arch Makefile */
};

struct dir_flags {
	char *dir;		/* relative to the root, "" for the root */
	struct strlist own;	/* ccflags-y: this directory only */
	struct strlist subdir;	/* subdir-ccflags-y: this one and below */
	struct strlist per_file; /* "base.o<TAB>flag" from CFLAGS_base.o */
	struct strlist objects;	/* right-hand sides naming objects */
};

struct ktree {
	char *root;
	char *autoconf;		/* include/generated/autoconf.h's text */
	const struct arch *arch;
	struct { struct dir_flags *items; int count, alloc; } dirs;
};

/* Fill D (its dir set) from its directory's Kbuild or Makefile. */
void tree_read_makefile(const struct ktree *t, struct dir_flags *d);
/* Is CONFIG (CONFIG_FOO) y or m in the tree's configuration? */
bool tree_config_set(const struct ktree *t, const char *config);

#endif
