/*
 * tree.h - tree mode: find the configured kernel tree a path lies in,
 * list the .c files below the path, and give each file the flags kbuild
 * would give it for the configured architecture.
 *
 * Deliberately ignores what only code generation needs (-O2, -mcmodel,
 * sanitizers) and Makefile logic beyond plain ccflags assignments (see
 * tree.c).
 */
#ifndef RPMCHECK_TREE_H
#define RPMCHECK_TREE_H

#include <stdbool.h>

#include "util.h"

struct ktree;

/*
 * The kernel tree PATH lies in.  Returns NULL with *ERROR false when
 * PATH is in no kernel tree, NULL with *ERROR true (after one line on
 * stderr) when the tree is not configured or not supported.
 */
struct ktree *tree_find(const char *path, bool *error);
void tree_free(struct ktree *t);
const char *tree_root(const struct ktree *t);
/* Append to ARGS the flags kbuild gives FILE (an absolute path). */
void tree_flags(struct ktree *t, const char *file, struct strlist *args);
/*
 * Append every .c file below PATH (PATH itself when it is a file),
 * sorted, skipping tools/, scripts/, Documentation/ and samples/ at the
 * top of a kernel tree (host programs, not kernel code).  False after
 * one line on stderr when PATH cannot be read.
 */
bool tree_collect(const char *path, const struct ktree *t,
		  struct strlist *files);

#endif
