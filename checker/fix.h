/*
 * fix.h - --fix and --fix=diff: apply the semantic patch of cocci/ that
 * belongs to each rule with findings in a file.
 *
 * spatch writes into a temporary file next to the original; the result
 * must still parse with the file's flags; then one rename() replaces
 * the original.  On any failure the original is left byte for byte as
 * it was and one line says why.  Deliberately ignores rules with no
 * semantic patch (their findings stay findings).
 */
#ifndef RPMCHECK_FIX_H
#define RPMCHECK_FIX_H

#include <stdbool.h>

#include "runner.h"

struct fixer;

/* The semantic patches of directory DIR (their "// rpmcheck-rule:"
 * lines); NULL after one line on stderr when DIR cannot be read. */
struct fixer *fixer_new(const char *dir, bool diff_only);
void fixer_free(struct fixer *fx);
/* Does RULE have a semantic patch? */
bool fixer_has(const struct fixer *fx, const char *rule);
/*
 * Fix JOB's file for each rule I with FOUND[I] (diag_rule_names order).
 * Returns 1 when the file was changed (or a diff printed), 0 when no
 * patch applied, -1 when a patch was refused (the file is untouched).
 */
int fixer_apply(const struct fixer *fx, const struct job *job,
		const bool *found);

#endif
