/*
 * sibling.h - facts about functions that another .c file of the same
 * directory defines: the part of a module the translation unit under
 * analysis cannot see.
 *
 * Deliberately ignores every other directory and every fact but one:
 * that each return of the function gives the constant 0.
 */
#ifndef RPMCHECK_SIBLING_H
#define RPMCHECK_SIBLING_H

#include <stdbool.h>

/*
 * Does a .c file next to FILE (in its directory, FILE itself excluded)
 * define a non-static "int NAME(...)" whose every return is "return 0;",
 * and is it the only such definition there?  Then a call of NAME from
 * FILE cannot fail.  The directory is read once per run of a directory.
 */
bool sibling_returns_only_zero(const char *file, const char *name);

/*
 * Does TEXT, a body that begins at its opening brace (comments and
 * literals already blanked), return the constant 0 on every return and
 * hide no return in a macro?  For tests and for sibling.c.
 */
bool sibling_body_returns_only_zero(const char *text);

#endif
