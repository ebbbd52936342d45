// SPDX-License-Identifier: GPL-2.0
/*
 * test_db.c - unit tests of the cross-file summary database
 * (checker/db.c), in a temporary directory.
 *
 * Each test records facts for source files it writes, reads them back
 * with db_lookup() and db_each(), and checks exactly what comes back:
 * files, data, how many.  Around that: reopening, replacing a file's
 * facts, skipping one file, stale facts (the file was rewritten,
 * touched or deleted since), the one-line errors for a database of
 * another version and for files that are not rpmcheck databases, and 8
 * processes writing the same new database at once.
 *
 * Deliberately ignores the meaning of kinds and data (opaque to the
 * database), speed, and databases on network file systems.
 *
 * Output: one "ok NAME" or "FAIL NAME: why" line per test, then
 * "N passed, M failed"; the exit status is 1 when a test failed.
 */
#define _POSIX_C_SOURCE 200809L	/* mkdtemp(), utimensat(), dup() */

#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "util.h"
#include "harness.h"

#define NR_WRITERS	8	/* processes writing at once */
#define OWN_FILES	40	/* files only one writer records */
#define SHARED_FILES	4	/* files several writers record */
/* Times each sharer records a shared file: one after each own file. */
#define SHARED_ROUNDS	(2 * OWN_FILES / SHARED_FILES)
#define ALL_FILES	(NR_WRITERS * OWN_FILES + SHARED_FILES)

static char *tmpdir;


/* ---- files ---- */

/* NAME inside the temporary directory; caller frees. */
static char *tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) == EOF || fclose(f) != 0)
		fatal("cannot write %s", path);
}

/* Move PATH's mtime SECONDS away, keeping its size. */
static void shift_mtime(const char *path, int seconds)
{
	struct timespec times[2];
	struct stat st;

	if (stat(path, &st) != 0)
		fatal("cannot stat %s", path);
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	times[1].tv_sec += seconds;
	if (utimensat(AT_FDCWD, path, times, 0) != 0)
		fatal("cannot touch %s", path);
}

static void remove_tmpdir(void)
{
	DIR *dir = opendir(tmpdir);
	struct dirent *de;
	char *path;

	if (!dir)
		return;
	while ((de = readdir(dir))) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		path = tmp_path(de->d_name);
		unlink(path);
		free(path);
	}
	closedir(dir);
	if (rmdir(tmpdir) != 0)
		fprintf(stderr, "test_db: cannot remove %s\n", tmpdir);
}

/* ---- recording and reading back ---- */

/* Record FACTS for the existing source file FILE, with its stamp. */
static bool record(struct db *db, const char *file,
		   const struct db_fact *facts, int n)
{
	char *stamp = db_stamp_of(file);
	bool ok;

	if (!stamp)
		fatal("cannot stat %s", file);
	ok = db_replace_file(db, file, stamp, facts, n);
	free(stamp);
	return ok;
}

/* What callbacks returned, as "FILE|DATA;" or "FUNC|FILE|DATA;" with the
 * temporary directory left out of file names. */
struct seen {
	char text[4096];
	int calls;
};

static const char *short_name(const char *file)
{
	size_t len = strlen(tmpdir);

	if (strncmp(file, tmpdir, len) == 0 && file[len] == '/')
		return file + len + 1;
	return file;
}

static void append(struct seen *seen, const char *fmt, ...)
{
	size_t len = strlen(seen->text);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(seen->text + len, sizeof(seen->text) - len, fmt, ap);
	va_end(ap);
}

static void see_lookup(const char *file, const char *data, void *arg)
{
	struct seen *seen = arg;

	seen->calls++;
	append(seen, "%s|%s;", short_name(file), data);
}

static void see_each(const char *func, const char *file, const char *data,
		     void *arg)
{
	struct seen *seen = arg;

	seen->calls++;
	append(seen, "%s|%s|%s;", func, short_name(file), data);
}

/* Look FUNC up; the returned value counts the callbacks, SEEN holds them. */
static int lookup(struct db *db, const char *func, const char *kind,
		  const char *except_file, struct seen *seen)
{
	memset(seen, 0, sizeof(*seen));
	return db_lookup(db, func, kind, except_file, see_lookup, seen);
}

static int each(struct db *db, const char *kind, struct seen *seen)
{
	memset(seen, 0, sizeof(*seen));
	return db_each(db, kind, see_each, seen);
}

/* ---- stderr ---- */

struct captured {
	int saved_fd;
	char *path;
};

static void capture_stderr(struct captured *cap)
{
	int fd;

	cap->path = tmp_path("stderr.txt");
	fflush(stderr);
	cap->saved_fd = dup(STDERR_FILENO);
	fd = open(cap->path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (cap->saved_fd < 0 || fd < 0 || dup2(fd, STDERR_FILENO) < 0)
		fatal("cannot redirect stderr");
	close(fd);
}

/* Restore stderr and return what was written to it; caller frees. */
static char *captured_text(struct captured *cap)
{
	char buf[2048];
	size_t len;
	FILE *f;

	fflush(stderr);
	if (dup2(cap->saved_fd, STDERR_FILENO) < 0)
		fatal("cannot restore stderr");
	close(cap->saved_fd);
	f = fopen(cap->path, "r");
	if (!f)
		fatal("cannot read %s", cap->path);
	len = fread(buf, 1, sizeof(buf) - 1, f);
	buf[len] = '\0';
	fclose(f);
	unlink(cap->path);
	free(cap->path);
	return xstrdup(buf);
}

static int count_lines(const char *text)
{
	int lines = 0;

	for (; *text; text++)
		lines += *text == '\n';
	return lines;
}

/* db_open(PATH) must fail with one line "rpmcheck: error: PATH: ..."
 * that contains WANT. */
static void expect_open_fails(const char *path, const char *want, int line)
{
	struct captured cap;
	struct db *db;
	char *text, *prefix;

	capture_stderr(&cap);
	db = db_open(path);
	text = captured_text(&cap);
	prefix = xasprintf("rpmcheck: error: %s: ", path);
	expect(db == NULL, line, "db_open(%s) succeeded", path);
	expect(count_lines(text) == 1 && starts_with(text, prefix), line,
	       "not one \"%s...\" line on stderr: \"%s\"", prefix, text);
	expect(strstr(text, want) != NULL, line,
	       "error \"%s\" does not say \"%s\"", text, want);
	db_close(db);
	free(prefix);
	free(text);
}

/* Run SQL on PATH (created if missing) with SQLite itself; the first
 * column of its first row as an integer, or -1, and into TEXT as text. */
static long long raw_query(const char *path, const char *sql, char *text,
			   size_t text_size)
{
	sqlite3 *conn = NULL;
	sqlite3_stmt *stmt = NULL;
	long long value = -1;

	if (text_size)
		text[0] = '\0';
	if (sqlite3_open(path, &conn) == SQLITE_OK &&
	    sqlite3_busy_timeout(conn, 10000) == SQLITE_OK &&
	    sqlite3_prepare_v2(conn, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW) {
		value = sqlite3_column_int64(stmt, 0);
		if (text_size && sqlite3_column_text(stmt, 0))
			snprintf(text, text_size, "%s",
				 (const char *)sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	sqlite3_close(conn);
	return value;
}

static long long raw_count(const char *path, const char *sql)
{
	return raw_query(path, sql, NULL, 0);
}

/* ---- the tests ---- */

static const struct db_fact a_facts[] = {
	{ "foo_get", "rpm", "dev=&p->dev params=p delta=0,1,0" },
	{ "foo_put", "rpm", "dev=&p->dev params=p delta=-1" },
	{ "foo_get", "sleeps", "yes" },
};

static void test_open_reopen(void)
{
	char *path = tmp_path("open.db"), *src = tmp_path("open.c");
	struct seen seen;
	struct db *db;
	struct stat st;
	int n;

	write_file(src, "int foo_get(void) { return 0; }\n");
	db = db_open(path);
	EXPECT(db != NULL, "cannot create %s", path);
	if (!db)
		goto out;
	EXPECT(stat(path, &st) == 0, "db_open() did not create the file");
	EXPECT(record(db, src, a_facts, 3), "cannot record");
	db_close(db);

	db = db_open(path);
	EXPECT(db != NULL, "cannot reopen %s", path);
	if (!db)
		goto out;
	n = lookup(db, "foo_get", "rpm", NULL, &seen);
	EXPECT(n == 1, "%d facts after reopening", n);
	db_close(db);
	EXPECT(raw_count(path, "PRAGMA user_version") > 0,
	       "no schema version in user_version");
	EXPECT(raw_count(path, "SELECT count(*) FROM sqlite_master WHERE"
			 " type = 'index' AND sql LIKE '%func%kind%'") == 1,
	       "no index on facts(func, kind)");
out:
	free(path);
	free(src);
}

static void test_replace_then_lookup(void)
{
	char *path = tmp_path("lookup.db");
	char *a = tmp_path("a.c"), *b = tmp_path("b.c");
	const struct db_fact b_facts[] = {
		{ "foo_get", "rpm", "dev=x delta=1" },
		{ "bar", "rpm", "" },
	};
	struct seen seen;
	struct db *db;
	int n;

	write_file(a, "a\n");
	write_file(b, "bb\n");
	db = db_open(path);
	EXPECT(db != NULL, "cannot open %s", path);
	if (!db)
		goto out;
	EXPECT(record(db, a, a_facts, 3), "cannot record a.c");
	EXPECT(record(db, b, b_facts, 2), "cannot record b.c");

	n = lookup(db, "foo_put", "rpm", NULL, &seen);
	EXPECT(n == 1 && seen.calls == 1, "foo_put: %d calls, returned %d",
	       seen.calls, n);
	EXPECT(strcmp(seen.text, "a.c|dev=&p->dev params=p delta=-1;") == 0,
	       "foo_put: %s", seen.text);
	n = lookup(db, "foo_get", "rpm", NULL, &seen);
	EXPECT(n == 2, "foo_get rpm: %d", n);
	EXPECT(strcmp(seen.text, "a.c|dev=&p->dev params=p delta=0,1,0;"
				 "b.c|dev=x delta=1;") == 0,
	       "foo_get rpm: %s", seen.text);
	n = lookup(db, "foo_get", "sleeps", NULL, &seen);
	EXPECT(n == 1 && strcmp(seen.text, "a.c|yes;") == 0,
	       "foo_get sleeps: %s", seen.text);
	n = lookup(db, "bar", "rpm", NULL, &seen);
	EXPECT(n == 1 && strcmp(seen.text, "b.c|;") == 0, "bar: %s",
	       seen.text);
	EXPECT(lookup(db, "nothing", "rpm", NULL, &seen) == 0,
	       "a function nobody recorded: %s", seen.text);
	EXPECT(lookup(db, "foo_put", "sleeps", NULL, &seen) == 0,
	       "a kind nobody recorded: %s", seen.text);
	db_close(db);
out:
	free(path);
	free(a);
	free(b);
}

static void test_replace_drops_old_facts(void)
{
	char *path = tmp_path("replace.db");
	char *a = tmp_path("a.c"), *b = tmp_path("b.c");
	const struct db_fact newer[] = { { "baz", "rpm", "new" } };
	struct seen seen;
	struct db *db;

	write_file(a, "a\n");
	write_file(b, "bb\n");
	db = db_open(path);
	EXPECT(db != NULL, "cannot open %s", path);
	if (!db)
		goto out;
	EXPECT(record(db, a, a_facts, 3), "cannot record a.c");
	EXPECT(record(db, b, a_facts, 1), "cannot record b.c");
	EXPECT(record(db, a, newer, 1), "cannot record a.c again");
	EXPECT(lookup(db, "foo_put", "rpm", NULL, &seen) == 0,
	       "old fact kept: %s", seen.text);
	EXPECT(lookup(db, "foo_get", "sleeps", NULL, &seen) == 0,
	       "old fact kept: %s", seen.text);
	EXPECT(lookup(db, "foo_get", "rpm", NULL, &seen) == 1 &&
	       strcmp(seen.text, "b.c|dev=&p->dev params=p delta=0,1,0;") == 0,
	       "another file's fact lost: %s", seen.text);
	EXPECT(lookup(db, "baz", "rpm", NULL, &seen) == 1 &&
	       strcmp(seen.text, "a.c|new;") == 0, "new fact: %s", seen.text);

	EXPECT(record(db, a, NULL, 0), "cannot record a.c with no facts");
	EXPECT(lookup(db, "baz", "rpm", NULL, &seen) == 0,
	       "facts kept after recording none: %s", seen.text);
	db_close(db);
	EXPECT(raw_count(path, "SELECT count(*) FROM facts") == 1,
	       "%lld fact rows, want 1",
	       raw_count(path, "SELECT count(*) FROM facts"));
	EXPECT(raw_count(path, "SELECT count(*) FROM files") == 2,
	       "%lld file rows, want 2",
	       raw_count(path, "SELECT count(*) FROM files"));
out:
	free(path);
	free(a);
	free(b);
}

static void test_except_file(void)
{
	char *path = tmp_path("except.db");
	char *a = tmp_path("a.c"), *b = tmp_path("b.c");
	struct seen seen;
	struct db *db;

	write_file(a, "a\n");
	write_file(b, "bb\n");
	db = db_open(path);
	EXPECT(db != NULL, "cannot open %s", path);
	if (!db)
		goto out;
	EXPECT(record(db, a, a_facts, 1), "cannot record a.c");
	EXPECT(record(db, b, a_facts, 1), "cannot record b.c");
	EXPECT(lookup(db, "foo_get", "rpm", a, &seen) == 1 &&
	       starts_with(seen.text, "b.c|"), "except a.c: %s", seen.text);
	EXPECT(lookup(db, "foo_get", "rpm", b, &seen) == 1 &&
	       starts_with(seen.text, "a.c|"), "except b.c: %s", seen.text);
	EXPECT(lookup(db, "foo_get", "rpm", NULL, &seen) == 2,
	       "except nothing: %s", seen.text);
	EXPECT(lookup(db, "foo_get", "rpm", "elsewhere.c", &seen) == 2,
	       "except a file with no facts: %s", seen.text);
	db_close(db);
out:
	free(path);
	free(a);
	free(b);
}

/* Facts of a.c, looked up by a new process (a new handle: stamps are
 * cached per handle). */
static int fresh_facts(const char *path)
{
	struct db *db = db_open(path);
	struct seen seen;
	int n;

	if (!db)
		return -1;
	n = lookup(db, "foo_get", "rpm", NULL, &seen);
	db_close(db);
	return n;
}

static void test_stale_files(void)
{
	char *path = tmp_path("stale.db"), *a = tmp_path("a.c");
	char *missing = tmp_path("missing.c"), *stamp;
	struct seen seen;
	struct db *db;

	write_file(a, "int x;\n");
	stamp = db_stamp_of(a);
	EXPECT(stamp && starts_with(stamp, "7:"), "stamp of a.c: %s",
	       stamp ? stamp : "NULL");
	free(stamp);
	EXPECT(db_stamp_of(missing) == NULL, "a stamp for a missing file");

	db = db_open(path);
	EXPECT(db != NULL, "cannot open %s", path);
	if (!db)
		goto out;
	EXPECT(record(db, a, a_facts, 1), "cannot record a.c");
	EXPECT(lookup(db, "foo_get", "rpm", NULL, &seen) == 1,
	       "fresh fact skipped");
	EXPECT(fresh_facts(path) == 1, "fresh fact skipped by a new handle");

	write_file(a, "int x, y;\n");		/* rewritten: another size */
	EXPECT(lookup(db, "foo_get", "rpm", NULL, &seen) == 1,
	       "the handle stat()ed a.c again instead of using its cache");
	EXPECT(fresh_facts(path) == 0, "fact of a rewritten file returned");
	EXPECT(record(db, a, a_facts, 1), "cannot record a.c again");
	EXPECT(lookup(db, "foo_get", "rpm", NULL, &seen) == 1,
	       "fact recorded again skipped by the same handle");
	EXPECT(fresh_facts(path) == 1, "fact recorded again skipped");

	shift_mtime(a, 5);			/* touched: same size */
	EXPECT(fresh_facts(path) == 0, "fact of a touched file returned");
	EXPECT(record(db, a, a_facts, 1), "cannot record a.c again");
	EXPECT(fresh_facts(path) == 1, "fact recorded again skipped");

	unlink(a);
	EXPECT(fresh_facts(path) == 0, "fact of a deleted file returned");
	EXPECT(db_replace_file(db, missing, "1:1", a_facts, 1),
	       "cannot record a file that is gone");
	EXPECT(fresh_facts(path) == 0, "fact of a missing file returned");
	db_close(db);
out:
	free(path);
	free(a);
	free(missing);
}

static void test_each(void)
{
	char *path = tmp_path("each.db");
	char *a = tmp_path("a.c"), *b = tmp_path("b.c"), *c = tmp_path("c.c");
	const struct db_fact b_facts[] = {
		{ "zap", "sleeps", "always" },
		{ "bar", "rpm", "" },
	};
	const struct db_fact c_facts[] = { { "gone", "sleeps", "x" } };
	struct seen seen;
	struct db *db;
	int n;

	write_file(a, "a\n");
	write_file(b, "bb\n");
	write_file(c, "ccc\n");
	db = db_open(path);
	EXPECT(db != NULL, "cannot open %s", path);
	if (!db)
		goto out;
	EXPECT(each(db, "sleeps", &seen) == 0, "facts in an empty database");
	EXPECT(record(db, a, a_facts, 3), "cannot record a.c");
	EXPECT(record(db, b, b_facts, 2), "cannot record b.c");
	EXPECT(record(db, c, c_facts, 1), "cannot record c.c");
	db_close(db);
	unlink(c);

	db = db_open(path);
	EXPECT(db != NULL, "cannot reopen %s", path);
	if (!db)
		goto out;
	n = each(db, "sleeps", &seen);
	EXPECT(n == 2 && seen.calls == 2, "sleeps: %d calls, returned %d",
	       seen.calls, n);
	EXPECT(strcmp(seen.text, "foo_get|a.c|yes;zap|b.c|always;") == 0,
	       "sleeps: %s", seen.text);
	n = each(db, "rpm", &seen);
	EXPECT(n == 3, "rpm: %d facts: %s", n, seen.text);
	EXPECT(strstr(seen.text, "bar|b.c|;") &&
	       strstr(seen.text, "foo_put|a.c|dev=&p->dev params=p delta=-1;"),
	       "rpm: %s", seen.text);
	EXPECT(each(db, "unknown", &seen) == 0, "unknown kind: %s", seen.text);
	db_close(db);
out:
	free(path);
	free(a);
	free(b);
	free(c);
}

static void test_wrong_version(void)
{
	char *path = tmp_path("version.db");
	struct db *db = db_open(path);
	char text[64];

	EXPECT(db != NULL, "cannot create %s", path);
	db_close(db);
	raw_query(path, "PRAGMA user_version = 999", text, sizeof(text));
	EXPECT(raw_count(path, "PRAGMA user_version") == 999,
	       "cannot set user_version");
	expect_open_fails(path, "another rpmcheck version", __LINE__);
	EXPECT(raw_count(path, "PRAGMA user_version") == 999,
	       "db_open() changed the version of a database it refused");
	free(path);
}

static void test_not_a_database(void)
{
	char *text_file = tmp_path("notes.txt");
	char *foreign = tmp_path("other.db");
	char *nowhere = tmp_path("no/such/dir/x.db");
	int i;

	write_file(text_file, "");
	for (i = 0; i < 100; i++) {
		FILE *f = fopen(text_file, "a");

		if (!f)
			fatal("cannot write %s", text_file);
		fputs("this is not an SQLite database\n", f);
		fclose(f);
	}
	expect_open_fails(text_file, "not an SQLite database", __LINE__);

	raw_query(foreign, "CREATE TABLE t(x)", NULL, 0);
	EXPECT(raw_count(foreign, "SELECT count(*) FROM t") == 0,
	       "cannot create %s", foreign);
	expect_open_fails(foreign, "did not write", __LINE__);
	expect_open_fails(nowhere, "cannot open", __LINE__);
	free(text_file);
	free(foreign);
	free(nowhere);
}

/* ---- many writers at once ---- */

static char *own_file(int writer, int i)
{
	return xasprintf("%s/w%d_f%02d.c", tmpdir, writer, i);
}

static char *shared_file(int s)
{
	return xasprintf("%s/shared%d.c", tmpdir, s);
}

/* The facts of a writer's own file: a draft first, then the final ones
 * (the draft has a function the final facts do not). */
static bool record_own(struct db *db, int writer, int i, bool final)
{
	char *file = own_file(writer, i);
	char *get = xasprintf("w%d_f%02d_get", writer, i);
	char *other = xasprintf("w%d_f%02d_%s", writer, i,
				final ? "put" : "draft");
	char *data = xasprintf("%s w=%d i=%d", final ? "final" : "draft",
			       writer, i);
	struct db_fact facts[] = {
		{ get, "rpm", data },
		{ other, "rpm", data },
		{ "common", "sleeps", data },
	};
	struct seen seen;
	bool ok = record(db, file, facts, 3);

	/* reading while the others write must work too */
	if (ok && (lookup(db, get, "rpm", NULL, &seen) != 1 ||
		   strstr(seen.text, data) == NULL)) {
		fprintf(stderr, "writer %d: %s not read back: %s\n", writer,
			get, seen.text);
		ok = false;
	}
	free(file);
	free(get);
	free(other);
	free(data);
	return ok;
}

static bool record_shared(struct db *db, int writer, int s, int round)
{
	char *file = shared_file(s);
	char *fa = xasprintf("shared%d_a", s), *fb = xasprintf("shared%d_b", s);
	char *data = xasprintf("w=%d round=%d", writer, round);
	struct db_fact facts[] = {
		{ fa, "rpm", data },
		{ fb, "rpm", data },
		{ "common", "sleeps", data },
	};
	struct seen seen;
	bool ok = record(db, file, facts, 3);

	/* whoever wrote last, every snapshot holds one write's facts */
	if (ok && (lookup(db, fa, "rpm", NULL, &seen) != 1 ||
		   lookup(db, fb, "rpm", NULL, &seen) != 1)) {
		fprintf(stderr, "writer %d: %s read back half written: %s\n",
			writer, file, seen.text);
		ok = false;
	}
	free(file);
	free(fa);
	free(fb);
	free(data);
	return ok;
}

static bool is_sharer(int writer)
{
	return writer % 2 == 0;
}

/* One writer process: waits for the start, opens the database (all
 * create it at once), records its files twice (a draft, then the final
 * facts) and, when it is a sharer, a shared file after each of its own. */
static int run_writer(const char *path, int writer, int start_fd)
{
	char byte;
	struct db *db;
	bool ok = true;
	int i;

	if (read(start_fd, &byte, 1) != 0)
		return 1;
	close(start_fd);
	db = db_open(path);
	if (!db)
		return 1;
	for (i = 0; ok && i < 2 * OWN_FILES; i++) {
		ok = record_own(db, writer, i % OWN_FILES, i >= OWN_FILES);
		if (ok && is_sharer(writer))
			ok = record_shared(db, writer, i % SHARED_FILES,
					   i / SHARED_FILES);
	}
	db_close(db);
	return ok ? 0 : 1;
}

static void create_sources(void)
{
	char *file;
	int w, i, s;

	for (w = 0; w < NR_WRITERS; w++) {
		for (i = 0; i < OWN_FILES; i++) {
			file = own_file(w, i);
			write_file(file, "int f(void) { return 0; }\n");
			free(file);
		}
	}
	for (s = 0; s < SHARED_FILES; s++) {
		file = shared_file(s);
		write_file(file, "int shared(void);\n");
		free(file);
	}
}

/* Start the writers together; false when one could not be started or
 * did not exit 0. */
static bool run_writers(const char *path)
{
	pid_t pids[NR_WRITERS];
	int start[2], w, status, failed = 0;

	if (pipe(start) != 0)
		fatal("pipe");
	fflush(NULL);
	for (w = 0; w < NR_WRITERS; w++) {
		pids[w] = fork();
		if (pids[w] < 0)
			fatal("fork");
		if (pids[w] == 0) {
			close(start[1]);
			_exit(run_writer(path, w, start[0]));
		}
	}
	close(start[0]);
	close(start[1]);	/* EOF: everybody starts */
	for (w = 0; w < NR_WRITERS; w++) {
		if (waitpid(pids[w], &status, 0) != pids[w] ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed++;
	}
	EXPECT(failed == 0, "%d of %d writers failed", failed, NR_WRITERS);
	return failed == 0;
}

static void expect_own_facts(struct db *db, int w, int i)
{
	char *name = xasprintf("w%d_f%02d_get", w, i);
	char *want = xasprintf("w%d_f%02d.c|final w=%d i=%d;", w, i, w, i);
	struct seen seen;

	EXPECT(lookup(db, name, "rpm", NULL, &seen) == 1 &&
	       strcmp(seen.text, want) == 0, "%s: %s", name, seen.text);
	free(name);
	name = xasprintf("w%d_f%02d_put", w, i);
	EXPECT(lookup(db, name, "rpm", NULL, &seen) == 1 &&
	       strcmp(seen.text, want) == 0, "%s: %s", name, seen.text);
	free(name);
	name = xasprintf("w%d_f%02d_draft", w, i);
	EXPECT(lookup(db, name, "rpm", NULL, &seen) == 0,
	       "draft fact kept: %s", seen.text);
	free(name);
	free(want);
}

/* The last writer of a shared file wrote it in its last round; all three
 * facts must come from that one write. */
static void expect_shared_facts(struct db *db, int s)
{
	char *fa = xasprintf("shared%d_a", s), *fb = xasprintf("shared%d_b", s);
	struct seen a, b;
	int writer = -1, round = -1;

	EXPECT(lookup(db, fa, "rpm", NULL, &a) == 1, "%s: %s", fa, a.text);
	EXPECT(lookup(db, fb, "rpm", NULL, &b) == 1, "%s: %s", fb, b.text);
	EXPECT(strcmp(a.text, b.text) == 0,
	       "%s and %s from different writes: %s / %s", fa, fb, a.text,
	       b.text);
	EXPECT(sscanf(a.text, "shared%*d.c|w=%d round=%d", &writer,
		      &round) == 2 &&
	       is_sharer(writer) && round == SHARED_ROUNDS - 1,
	       "%s: not a last round: %s", fa, a.text);
	free(fa);
	free(fb);
}

static void test_concurrent_writers(void)
{
	char *path = tmp_path("concurrent.db");
	char check[64];
	struct seen seen;
	struct db *db;
	int w, i, s, n;

	create_sources();
	if (!run_writers(path))
		goto out;
	db = db_open(path);
	EXPECT(db != NULL, "cannot open %s after the writers", path);
	if (!db)
		goto out;
	for (w = 0; w < NR_WRITERS; w++)
		for (i = 0; i < OWN_FILES; i++)
			expect_own_facts(db, w, i);
	for (s = 0; s < SHARED_FILES; s++)
		expect_shared_facts(db, s);
	n = lookup(db, "common", "sleeps", NULL, &seen);
	EXPECT(n == ALL_FILES, "common: %d facts, want %d", n, ALL_FILES);
	n = each(db, "rpm", &seen);
	EXPECT(n == 2 * ALL_FILES, "%d rpm facts, want %d", n, 2 * ALL_FILES);
	db_close(db);

	n = raw_count(path, "SELECT count(*) FROM facts");
	EXPECT(n == 3 * ALL_FILES, "%d fact rows, want %d", n, 3 * ALL_FILES);
	n = raw_count(path, "SELECT count(*) FROM files");
	EXPECT(n == ALL_FILES, "%d file rows, want %d", n, ALL_FILES);
	n = raw_count(path, "SELECT count(*) FROM (SELECT 1 FROM facts"
			    " GROUP BY file, func, kind HAVING count(*) > 1)");
	EXPECT(n == 0, "%d duplicated facts", n);
	raw_query(path, "PRAGMA integrity_check", check, sizeof(check));
	EXPECT(strcmp(check, "ok") == 0, "integrity_check: %s", check);
	raw_query(path, "PRAGMA journal_mode", check, sizeof(check));
	EXPECT(strcmp(check, "wal") == 0, "journal_mode: %s", check);
out:
	free(path);
}

static const struct unit_test tests[] = {
	{ "open-reopen", test_open_reopen },
	{ "replace-then-lookup", test_replace_then_lookup },
	{ "replace-drops-old-facts", test_replace_drops_old_facts },
	{ "except-file", test_except_file },
	{ "stale-files", test_stale_files },
	{ "each", test_each },
	{ "wrong-version", test_wrong_version },
	{ "not-a-database", test_not_a_database },
	{ "concurrent-writers", test_concurrent_writers },
};

int main(void)
{
	char template[] = "/tmp/test_db.XXXXXX";
	int failed;

	tmpdir = mkdtemp(template);
	if (!tmpdir)
		fatal("cannot create a temporary directory");
	failed = RUN_TESTS(tests, NULL);
	remove_tmpdir();
	return failed ? 1 : 0;
}
