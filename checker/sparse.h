/*
 * sparse.h - --sparse: run sparse with rpmcheck's own command line (less
 * rpmcheck's options) so that CHECK=rpmcheck loses nothing of sparse.
 *
 * Deliberately ignores sparse's output: it goes straight through.
 */
#ifndef RPMCHECK_SPARSE_H
#define RPMCHECK_SPARSE_H

/*
 * Run $SPARSE (default "sparse") with ARGS and wait.  Returns its exit
 * status, or -1 after one line on stderr when it could not be run.
 */
int sparse_run(int nargs, const char *const *args);

#endif
