/*
 * compdb.h - a compile_commands.json, read into one entry per source
 * file: the file's absolute path, its build directory and its compiler
 * arguments (compiler and source file left out).
 *
 * Reads what the kernel's scripts/clang-tools/gen_compile_commands.py
 * writes ("command" strings) and what bear writes ("arguments" arrays).
 * Nothing in the file is ever executed.
 */
#ifndef RPMCHECK_COMPDB_H
#define RPMCHECK_COMPDB_H

struct compdb_entry {
	char *file;	/* the source file: absolute, "directory" applied if relative, "./" and "x/../" segments removed */
	char *dir;	/* the entry's "directory" */
	char **argv;	/* the arguments after the compiler (argv[0] dropped) with the source-file argument removed; NULL-terminated */
	int argc;
};

struct compdb {
	struct compdb_entry *items;
	int count;
};

/*
 * Read PATH.  On any problem print ONE line to stderr,
 * "rpmcheck: error: PATH: WHAT (line N)" where useful, and return NULL.
 */
struct compdb *compdb_load(const char *path);
void compdb_free(struct compdb *db);

/*
 * The entry for FILE (compared after the same normalisation, relative
 * FILE taken from the current directory), or NULL.
 */
const struct compdb_entry *compdb_find(const struct compdb *db,
				       const char *file);

#endif
