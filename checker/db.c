/*
 * db.c - the cross-file summary database: facts about functions, kept
 * per source file in an SQLite file that every rpmcheck process of a
 * build shares.
 *
 * Many processes write at once (make -j8 C=2 CHECK="rpmcheck --db F"):
 * the database is in WAL mode so readers never wait for writers, each
 * write replaces one file's facts whole in a BEGIN IMMEDIATE transaction
 * (nothing to upgrade, so no deadlock), and SQLITE_BUSY/SQLITE_LOCKED are
 * waited for (busy timeout) and retried, for a minute in all.  Reads copy
 * their rows out before calling back: no read is held open across a
 * callback, and a callback may use the database again.
 *
 * Deliberately ignores durability across a power cut (synchronous=NORMAL:
 * the database is a cache that checking again rebuilds), files that change
 * while one process runs (their stamps are stat()ed once per process), the
 * meaning of kinds and data, and removing the rows of vanished files
 * (they are stale, so never returned, and replaced when recorded again).
 */
#define _POSIX_C_SOURCE 200809L	/* st_mtim, nanosleep() */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "db.h"
#include "util.h"

/* Bump when the tables change: older databases are then refused. */
#define DB_SCHEMA_VERSION	1
/* How long to wait for other processes: SQLite's busy handler waits
 * this long for a lock, and an operation that still fails busy (SQLite
 * returns some of those at once, to avoid a deadlock) is retried until
 * this long has passed since its first try. */
#define DB_BUSY_TIMEOUT_MS	60000
#define DB_RETRY_PAUSE_MS	20
#define DB_RETRY_PAUSE_MAX_MS	500
#define STAMP_BUCKETS_MIN	64

#define STRINGIFY_(x)		#x
#define STRINGIFY(x)		STRINGIFY_(x)

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS files ("
	" path TEXT PRIMARY KEY NOT NULL,"
	" stamp TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS facts ("
	" file TEXT NOT NULL,"
	" func TEXT NOT NULL,"
	" kind TEXT NOT NULL,"
	" data TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS facts_by_func ON facts(func, kind);"
	"CREATE INDEX IF NOT EXISTS facts_by_file ON facts(file);";

enum db_stmt {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_DROP_FACTS,
	STMT_PUT_FILE,
	STMT_PUT_FACT,
	STMT_LOOKUP,
	STMT_EACH,
	NR_STMTS
};

static const char *const stmt_sql[NR_STMTS] = {
	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_DROP_FACTS] = "DELETE FROM facts WHERE file = ?1",
	[STMT_PUT_FILE] =
		"INSERT OR REPLACE INTO files(path, stamp) VALUES (?1, ?2)",
	[STMT_PUT_FACT] =
		"INSERT INTO facts(file, func, kind, data)"
		" VALUES (?1, ?2, ?3, ?4)",
	[STMT_LOOKUP] =
		"SELECT facts.file, facts.data, files.stamp"
		" FROM facts JOIN files ON files.path = facts.file"
		" WHERE facts.func = ?1 AND facts.kind = ?2"
		" AND (?3 IS NULL OR facts.file <> ?3)"
		" ORDER BY facts.file, facts.rowid",
	[STMT_EACH] =
		"SELECT facts.func, facts.file, facts.data, files.stamp"
		" FROM facts JOIN files ON files.path = facts.file"
		" WHERE facts.kind = ?1"
		" ORDER BY facts.func, facts.file, facts.rowid",
};

/* The stamp a source file has now, stat()ed once per process. */
struct stamp_entry {
	char *file;
	char *stamp;		/* NULL: the file cannot be stat()ed */
	struct stamp_entry *next;
};

struct stamp_cache {
	struct stamp_entry **buckets;
	unsigned nbuckets, count;
};

struct db {
	char *path;
	sqlite3 *conn;
	sqlite3_stmt *stmt[NR_STMTS];
	struct stamp_cache stamps;
	char error[512];	/* why the last operation failed */
};

/* One fact read back, with the stamp its file was recorded with. */
struct fact_row {
	char *func, *file, *data, *stamp;
};

struct fact_rows {
	struct fact_row *items;
	int count, alloc;
};

/* ---- errors ---- */

/* Remember why an operation failed (the first reason only), for the one
 * line the public function prints.  Returns RC. */
static int __attribute__((format(printf, 3, 4)))
note_failure(struct db *db, int rc, const char *fmt, ...)
{
	va_list ap;
	size_t len;

	if (db->error[0])
		return rc;
	va_start(ap, fmt);
	vsnprintf(db->error, sizeof(db->error), fmt, ap);
	va_end(ap);
	len = strlen(db->error);
	snprintf(db->error + len, sizeof(db->error) - len, ": %s",
		 db->conn ? sqlite3_errmsg(db->conn) : sqlite3_errstr(rc));
	return rc;
}

/* A failure SQLite's own message says nothing about. */
static int __attribute__((format(printf, 2, 3)))
note_problem(struct db *db, const char *fmt, ...)
{
	va_list ap;

	if (db->error[0])
		return SQLITE_ERROR;
	va_start(ap, fmt);
	vsnprintf(db->error, sizeof(db->error), fmt, ap);
	va_end(ap);
	return SQLITE_ERROR;
}

static void print_failure(const struct db *db)
{
	fprintf(stderr, "rpmcheck: error: %s: %s\n", db->path,
		db->error[0] ? db->error : "unknown database error");
}

/* ---- retrying what another process holds up ---- */

static bool is_busy(int rc)
{
	rc &= 0xff;		/* the primary code of an extended one */
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

static long long now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		fatal("clock_gettime: no monotonic clock");
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;		/* interrupted by a signal: sleep the rest */
}

/* Run OP until it does not fail busy, or DB_BUSY_TIMEOUT_MS have passed.
 * OP must leave no transaction open when it fails. */
static int retry_while_busy(struct db *db, int (*op)(struct db *, void *),
			    void *arg)
{
	long long start = now_ms();
	long pause = DB_RETRY_PAUSE_MS;
	int rc;

	for (;;) {
		db->error[0] = '\0';
		rc = op(db, arg);
		if (!is_busy(rc) || now_ms() - start >= DB_BUSY_TIMEOUT_MS)
			return rc;
		pause_ms(pause);
		if (pause < DB_RETRY_PAUSE_MAX_MS)
			pause *= 2;
	}
}

/* ---- statements ---- */

/* After the last step of STMT (result RC): make it ready for the next
 * use and drop its bindings, which point at the caller's strings. */
static int finish_stmt(struct db *db, sqlite3_stmt *stmt, int rc)
{
	int reset_rc = sqlite3_reset(stmt);
	int clear_rc = sqlite3_clear_bindings(stmt);

	/* reset repeats a failed step's code: report the step's */
	if (rc == SQLITE_OK && reset_rc != SQLITE_OK)
		rc = note_failure(db, reset_rc, "cannot reset a statement");
	if (rc == SQLITE_OK && clear_rc != SQLITE_OK)
		rc = note_failure(db, clear_rc, "cannot clear a statement");
	return rc;
}

static int bind_text(struct db *db, sqlite3_stmt *stmt, int idx,
		     const char *text)
{
	int rc = sqlite3_bind_text(stmt, idx, text, -1, SQLITE_STATIC);

	if (rc != SQLITE_OK)
		note_failure(db, rc, "cannot bind parameter %d", idx);
	return rc;
}

/* Bind TEXTS[0..N-1] to parameters 1..N of STMT (a NULL text binds NULL). */
static int bind_texts(struct db *db, sqlite3_stmt *stmt,
		      const char *const *texts, int n)
{
	int rc = SQLITE_OK, i;

	for (i = 0; rc == SQLITE_OK && i < n; i++)
		rc = bind_text(db, stmt, i + 1, texts[i]);
	if (rc != SQLITE_OK)
		finish_stmt(db, stmt, rc);
	return rc;
}

/* Run statement WHICH, which returns no rows, with TEXTS bound. */
static int run_stmt(struct db *db, enum db_stmt which,
		    const char *const *texts, int n)
{
	sqlite3_stmt *stmt = db->stmt[which];
	int rc = bind_texts(db, stmt, texts, n);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	else
		note_failure(db, rc, "cannot run \"%.40s\"", stmt_sql[which]);
	return finish_stmt(db, stmt, rc);
}

/* Run SQL (several statements, no rows wanted) outside the prepared set. */
static int exec_sql(struct db *db, const char *sql)
{
	int rc = sqlite3_exec(db->conn, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		note_failure(db, rc, "cannot run \"%.40s\"", sql);
	return rc;
}

/* The integer the one-row query SQL returns; WHAT says what it is for
 * when it fails. */
static int query_int(struct db *db, const char *sql, int *value,
		     const char *what)
{
	sqlite3_stmt *stmt;
	int rc, final_rc;

	rc = sqlite3_prepare_v2(db->conn, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return note_failure(db, rc, "%s", what);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int(stmt, 0);
		rc = SQLITE_OK;
	} else {
		note_failure(db, rc, "%s", what);
	}
	final_rc = sqlite3_finalize(stmt);
	if (rc == SQLITE_OK && final_rc != SQLITE_OK)
		rc = note_failure(db, final_rc, "%s", what);
	return rc;
}

/* The text of column COL of the current row; NOT NULL columns, so only
 * running out of memory yields none. */
static const char *column_text(struct db *db, sqlite3_stmt *stmt, int col)
{
	const char *text = (const char *)sqlite3_column_text(stmt, col);

	if (!text) {
		if (sqlite3_errcode(db->conn) == SQLITE_NOMEM)
			fatal("out of memory");
		text = "";
	}
	return text;
}

/* ---- transactions ---- */

/* Leave the write transaction a failure interrupted, unless SQLite has
 * already rolled it back.  The failure that led here is the one reported
 * (note_failure() keeps the first); a failed rollback leaves the
 * transaction open, so the next BEGIN fails and is not retried. */
static void roll_back(struct db *db)
{
	if (!sqlite3_get_autocommit(db->conn))
		exec_sql(db, "ROLLBACK");
}

/* Commit, or roll back when RC says the transaction failed. */
static int end_write(struct db *db, int rc)
{
	if (rc == SQLITE_OK)
		rc = run_stmt(db, STMT_COMMIT, NULL, 0);
	if (rc != SQLITE_OK)
		roll_back(db);
	return rc;
}

/* ---- the schema ---- */

static int wrong_version(struct db *db, int version)
{
	return note_problem(db,
		"was written by another rpmcheck version (database version %d, this rpmcheck uses %d); delete it",
		version, DB_SCHEMA_VERSION);
}

/* In a write transaction: create the tables, unless a process did so
 * since we looked or the file holds someone else's tables. */
static int create_schema_locked(struct db *db)
{
	int version, objects, rc;

	rc = query_int(db, "PRAGMA user_version", &version,
		       "cannot read the database version");
	if (rc != SQLITE_OK)
		return rc;
	if (version == DB_SCHEMA_VERSION)
		return SQLITE_OK;
	if (version != 0)
		return wrong_version(db, version);
	rc = query_int(db, "SELECT count(*) FROM sqlite_master", &objects,
		       "cannot read the tables");
	if (rc != SQLITE_OK)
		return rc;
	if (objects != 0)
		return note_problem(db,
			"an SQLite database that rpmcheck did not write; delete it or use another file");
	rc = exec_sql(db, schema_sql);
	if (rc != SQLITE_OK)
		return rc;
	return exec_sql(db, "PRAGMA user_version = "
			    STRINGIFY(DB_SCHEMA_VERSION));
}

/* Check the schema version, creating the tables in a new database.
 * Reading first leaves a database of another version untouched. */
static int check_schema(struct db *db, void *unused)
{
	int version, rc;

	rc = query_int(db, "PRAGMA user_version", &version,
		       "cannot read the database version");
	if (rc == SQLITE_NOTADB) {
		db->error[0] = '\0';
		return note_problem(db, "not an SQLite database");
	}
	if (rc != SQLITE_OK)
		return rc;
	if (version == DB_SCHEMA_VERSION)
		return SQLITE_OK;
	if (version != 0)
		return wrong_version(db, version);
	/* not the prepared statements: they need the tables */
	rc = exec_sql(db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return rc;
	rc = create_schema_locked(db);
	if (rc == SQLITE_OK)
		rc = exec_sql(db, "COMMIT");
	if (rc != SQLITE_OK)
		roll_back(db);
	return rc;
}

/* WAL: readers do not wait for the writer, nor it for them.  The mode
 * is stored in the file, so only the first process really switches.  A
 * file system without the shared memory WAL needs keeps the rollback
 * journal: slower under contention (readers wait for a commit, within
 * the busy timeout), still correct. */
static int use_wal(struct db *db, void *unused)
{
	sqlite3_stmt *stmt;
	int rc, final_rc;

	rc = sqlite3_prepare_v2(db->conn, "PRAGMA journal_mode = WAL", -1,
				&stmt, NULL);
	if (rc != SQLITE_OK)
		return note_failure(db, rc, "cannot prepare WAL mode");
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		rc = SQLITE_OK;
	else
		note_failure(db, rc, "cannot switch to WAL mode");
	final_rc = sqlite3_finalize(stmt);
	if (rc == SQLITE_OK && final_rc != SQLITE_OK)
		rc = note_failure(db, final_rc, "cannot switch to WAL mode");
	return rc;
}

static int prepare_statements(struct db *db)
{
	int rc, i;

	for (i = 0; i < NR_STMTS; i++) {
		rc = sqlite3_prepare_v3(db->conn, stmt_sql[i], -1,
					SQLITE_PREPARE_PERSISTENT,
					&db->stmt[i], NULL);
		if (rc != SQLITE_OK)
			return note_failure(db, rc, "cannot prepare \"%.40s\"",
					    stmt_sql[i]);
	}
	return SQLITE_OK;
}

/* ---- opening and closing ---- */

static int open_connection(struct db *db)
{
	int rc;

	rc = sqlite3_open_v2(db->path, &db->conn,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		return note_failure(db, rc, "cannot open");
	rc = sqlite3_busy_timeout(db->conn, DB_BUSY_TIMEOUT_MS);
	if (rc != SQLITE_OK)
		return note_failure(db, rc, "cannot set the busy timeout");
	rc = retry_while_busy(db, check_schema, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = retry_while_busy(db, use_wal, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = exec_sql(db, "PRAGMA synchronous = NORMAL");
	if (rc != SQLITE_OK)
		return rc;
	return prepare_statements(db);
}

struct db *db_open(const char *path)
{
	struct db *db = xcalloc(1, sizeof(*db));

	db->path = xstrdup(path);
	if (open_connection(db) != SQLITE_OK) {
		print_failure(db);
		db_close(db);
		return NULL;
	}
	return db;
}

static void free_stamp_cache(struct stamp_cache *cache)
{
	struct stamp_entry *e, *next;
	unsigned b;

	for (b = 0; b < cache->nbuckets; b++) {
		for (e = cache->buckets[b]; e; e = next) {
			next = e->next;
			free(e->file);
			free(e->stamp);
			free(e);
		}
	}
	free(cache->buckets);
}

void db_close(struct db *db)
{
	int i;

	if (!db)
		return;
	/* finalize repeats the last step's failure, reported then */
	for (i = 0; i < NR_STMTS; i++)
		sqlite3_finalize(db->stmt[i]);
	if (sqlite3_close(db->conn) != SQLITE_OK)
		fprintf(stderr, "rpmcheck: error: %s: cannot close: %s\n",
			db->path, sqlite3_errmsg(db->conn));
	free_stamp_cache(&db->stamps);
	free(db->path);
	free(db);
}

/* ---- stamps ---- */

char *db_stamp_of(const char *file)
{
	struct stat st;
	long long mtime_ns;

	if (stat(file, &st) != 0)
		return NULL;
	mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
		   st.st_mtim.tv_nsec;
	return xasprintf("%lld:%lld", (long long)st.st_size, mtime_ns);
}

static unsigned hash_path(const char *s)
{
	unsigned h = 2166136261u;	/* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static struct stamp_entry **stamp_slot(struct stamp_cache *cache,
				       const char *file)
{
	struct stamp_entry **slot;

	slot = &cache->buckets[hash_path(file) & (cache->nbuckets - 1)];
	while (*slot && strcmp((*slot)->file, file) != 0)
		slot = &(*slot)->next;
	return slot;
}

/* Keep chains short: double the buckets when there are more entries. */
static void grow_stamp_cache(struct stamp_cache *cache)
{
	struct stamp_cache bigger;
	struct stamp_entry *e, *next, **slot;
	unsigned b;

	if (cache->count < cache->nbuckets)
		return;
	bigger.nbuckets = cache->nbuckets ? 2 * cache->nbuckets :
			  STAMP_BUCKETS_MIN;
	bigger.buckets = xcalloc(bigger.nbuckets, sizeof(*bigger.buckets));
	bigger.count = cache->count;
	for (b = 0; b < cache->nbuckets; b++) {
		for (e = cache->buckets[b]; e; e = next) {
			next = e->next;
			slot = stamp_slot(&bigger, e->file);
			e->next = NULL;
			*slot = e;
		}
	}
	free(cache->buckets);
	*cache = bigger;
}

/* FILE's stamp as this process first saw it, or NULL when it is gone. */
static const char *current_stamp(struct db *db, const char *file)
{
	struct stamp_entry **slot, *e;

	if (db->stamps.nbuckets) {
		slot = stamp_slot(&db->stamps, file);
		if (*slot)
			return (*slot)->stamp;
	}
	grow_stamp_cache(&db->stamps);
	e = xcalloc(1, sizeof(*e));
	e->file = xstrdup(file);
	e->stamp = db_stamp_of(file);
	*stamp_slot(&db->stamps, file) = e;
	db->stamps.count++;
	return e->stamp;
}

/* FILE was just recorded: stat() it again when next asked. */
static void forget_stamp(struct db *db, const char *file)
{
	struct stamp_entry **slot, *e;

	if (!db->stamps.nbuckets)
		return;
	slot = stamp_slot(&db->stamps, file);
	e = *slot;
	if (!e)
		return;
	*slot = e->next;
	free(e->file);
	free(e->stamp);
	free(e);
	db->stamps.count--;
}

static bool is_fresh(struct db *db, const char *file,
		     const char *recorded_stamp)
{
	const char *now = current_stamp(db, file);

	return now && strcmp(now, recorded_stamp) == 0;
}

/* ---- writing ---- */

struct replace_job {
	const char *file, *stamp;
	const struct db_fact *facts;
	int n;
};

static int put_fact(struct db *db, const char *file,
		    const struct db_fact *fact)
{
	const char *texts[] = { file, fact->func, fact->kind, fact->data };

	return run_stmt(db, STMT_PUT_FACT, texts, 4);
}

static int replace_file_once(struct db *db, void *arg)
{
	const struct replace_job *job = arg;
	const char *file_texts[] = { job->file, job->stamp };
	int rc, i;

	rc = run_stmt(db, STMT_BEGIN, NULL, 0);
	if (rc != SQLITE_OK)
		return rc;
	rc = run_stmt(db, STMT_DROP_FACTS, file_texts, 1);
	if (rc == SQLITE_OK)
		rc = run_stmt(db, STMT_PUT_FILE, file_texts, 2);
	for (i = 0; rc == SQLITE_OK && i < job->n; i++)
		rc = put_fact(db, job->file, &job->facts[i]);
	return end_write(db, rc);
}

bool db_replace_file(struct db *db, const char *file, const char *stamp,
		     const struct db_fact *facts, int n)
{
	struct replace_job job = { file, stamp, facts, n };
	size_t len;

	if (retry_while_busy(db, replace_file_once, &job) != SQLITE_OK) {
		len = strlen(db->error);
		snprintf(db->error + len, sizeof(db->error) - len,
			 " (recording %s)", file);
		print_failure(db);
		return false;
	}
	forget_stamp(db, file);
	return true;
}

/* ---- reading ---- */

struct read_job {
	enum db_stmt which;
	const char *texts[3];
	int ntexts;
	struct fact_rows rows;
};

static void free_rows(struct fact_rows *rows)
{
	int i;

	for (i = 0; i < rows->count; i++) {
		free(rows->items[i].func);
		free(rows->items[i].file);
		free(rows->items[i].data);
		free(rows->items[i].stamp);
	}
	free(rows->items);
	memset(rows, 0, sizeof(*rows));
}

/* The current row of a lookup (file, data, stamp) or of an each
 * (func, file, data, stamp). */
static struct fact_row copy_row(struct db *db, sqlite3_stmt *stmt,
				bool has_func)
{
	struct fact_row row = { NULL };
	int col = 0;

	if (has_func)
		row.func = xstrdup(column_text(db, stmt, col++));
	row.file = xstrdup(column_text(db, stmt, col++));
	row.data = xstrdup(column_text(db, stmt, col++));
	row.stamp = xstrdup(column_text(db, stmt, col));
	return row;
}

/* One snapshot's rows of the job's query; none kept when it fails. */
static int read_rows_once(struct db *db, void *arg)
{
	struct read_job *job = arg;
	sqlite3_stmt *stmt = db->stmt[job->which];
	int rc;

	free_rows(&job->rows);
	rc = bind_texts(db, stmt, job->texts, job->ntexts);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		ARRAY_PUSH(job->rows,
			   copy_row(db, stmt, job->which == STMT_EACH));
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	else
		note_failure(db, rc, "cannot read facts");
	rc = finish_stmt(db, stmt, rc);
	if (rc != SQLITE_OK)
		free_rows(&job->rows);
	return rc;
}

/* Run JOB; false (after one line on stderr) when it failed. */
static bool read_rows(struct db *db, struct read_job *job, const char *what)
{
	size_t len;

	if (retry_while_busy(db, read_rows_once, job) == SQLITE_OK)
		return true;
	len = strlen(db->error);
	snprintf(db->error + len, sizeof(db->error) - len, " (%s)", what);
	print_failure(db);
	return false;
}

int db_lookup(struct db *db, const char *func, const char *kind,
	      const char *except_file,
	      void (*cb)(const char *file, const char *data, void *arg),
	      void *arg)
{
	struct read_job job = {
		.which = STMT_LOOKUP,
		.texts = { func, kind, except_file },
		.ntexts = 3,
	};
	char what[160];
	int calls = 0, i;

	snprintf(what, sizeof(what), "looking up %s %s", kind, func);
	if (!read_rows(db, &job, what))
		return 0;
	for (i = 0; i < job.rows.count; i++) {
		const struct fact_row *row = &job.rows.items[i];

		if (!is_fresh(db, row->file, row->stamp))
			continue;
		cb(row->file, row->data, arg);
		calls++;
	}
	free_rows(&job.rows);
	return calls;
}

int db_each(struct db *db, const char *kind,
	    void (*cb)(const char *func, const char *file, const char *data,
		       void *arg),
	    void *arg)
{
	struct read_job job = {
		.which = STMT_EACH,
		.texts = { kind },
		.ntexts = 1,
	};
	char what[160];
	int calls = 0, i;

	snprintf(what, sizeof(what), "reading every %s fact", kind);
	if (!read_rows(db, &job, what))
		return 0;
	for (i = 0; i < job.rows.count; i++) {
		const struct fact_row *row = &job.rows.items[i];

		if (!is_fresh(db, row->file, row->stamp))
			continue;
		cb(row->func, row->file, row->data, arg);
		calls++;
	}
	free_rows(&job.rows);
	return calls;
}
