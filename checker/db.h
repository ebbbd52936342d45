/*
 * db.h - the cross-file summary database (rpmcheck --db FILE).
 *
 * An SQLite file shared by every rpmcheck process of a build: each run
 * records "facts" about the functions of the file it checked, and looks
 * up the facts other files recorded about the functions it calls.  A
 * fact is (function, kind, data); kind and data are short strings that
 * the modules producing and reading them define, opaque here.
 *
 * A file's facts are recorded with the file's stamp (size and mtime);
 * facts of a file that changed or vanished since are stale and never
 * returned.
 *
 * Deliberately ignores which file is "right" when two files define the
 * same function (static functions, several configurations): every fresh
 * fact is returned and the caller decides.
 */
#ifndef RPMCHECK_DB_H
#define RPMCHECK_DB_H

#include <stdbool.h>

struct db;

struct db_fact {
	const char *func;
	const char *kind;
	const char *data;
};

/* Open or create PATH.  On a problem print ONE line to stderr
 * ("rpmcheck: error: PATH: WHAT") and return NULL. */
struct db *db_open(const char *path);
void db_close(struct db *db);

/* The stamp of a source file as it is now: "SIZE:MTIME_NS", or NULL when
 * it cannot be stat()ed.  Caller frees. */
char *db_stamp_of(const char *file);

/* Replace every fact recorded for FILE by FACTS[0..N-1] (N may be 0),
 * recording STAMP, in one transaction.  False (after one line on stderr)
 * on failure. */
bool db_replace_file(struct db *db, const char *file, const char *stamp,
		     const struct db_fact *facts, int n);

/* Call CB for each fact named FUNC of KIND, skipping facts of EXCEPT_FILE
 * (may be NULL) and facts of files whose current stamp (db_stamp_of)
 * differs from the recorded one (stale: the file changed or vanished
 * since).  Returns how many CB calls were made; CB's strings are valid
 * only during the call. */
int db_lookup(struct db *db, const char *func, const char *kind,
	      const char *except_file,
	      void (*cb)(const char *file, const char *data, void *arg),
	      void *arg);

/* Call CB for every fresh fact of KIND (for building name sets).
 * Returns how many. */
int db_each(struct db *db, const char *kind,
	    void (*cb)(const char *func, const char *file, const char *data,
		       void *arg),
	    void *arg);

#endif
