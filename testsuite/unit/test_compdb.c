// SPDX-License-Identifier: GPL-2.0
/*
 * test_compdb.c - unit tests of checker/compdb.c, the compile_commands.json
 * reader.
 *
 * Each test writes a compile_commands.json into a temporary directory
 * (mkdtemp), loads it and checks concrete values: the number of entries,
 * each entry's file, directory, argc and every argv string; what
 * compdb_find() returns for relative and absolute names; and for bad
 * input that compdb_load() returns NULL after printing exactly one line
 * "rpmcheck: error: PATH: WHAT (line N)" to stderr (captured).
 *
 * Deliberately ignores the speed of large files and the exact wording
 * of error messages beyond a key phrase and the line number.
 *
 * Output: one "ok NAME" or "FAIL NAME: why" line per test, then
 * "N passed, M failed"; the exit status is 1 when a test failed.
 */
#define _XOPEN_SOURCE 700	/* mkdtemp(), realpath(), dup2() */

#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compdb.h"
#include "util.h"
#include "harness.h"

/* ---- fixtures ---- */

static char *tmpdir;			/* real path of the mkdtemp directory */
static char start_dir[PATH_MAX];

static struct {
	char **items;
	int count, alloc;
} created;				/* files to remove at the end */

#define EXPECT_STR(got, want)						\
	expect_str((got), (want), __LINE__, #got)

static void expect_str(const char *got, const char *want, int line,
		       const char *what)
{
	expect(got && strcmp(got, want) == 0, line, "%s is \"%s\", not \"%s\"",
	       what, got ? got : "(null)", want);
}

/* E's argv is exactly WANT (NULL-terminated), and NULL-terminated too. */
static void expect_argv(const struct compdb_entry *e,
			const char *const *want, int line)
{
	int n, i;

	for (n = 0; want[n]; n++)
		;
	if (e->argc != n) {
		expect(false, line, "argc is %d, not %d", e->argc, n);
		return;
	}
	for (i = 0; i < n; i++)
		expect(e->argv[i] && strcmp(e->argv[i], want[i]) == 0, line,
		       "argv[%d] is \"%s\", not \"%s\"", i,
		       e->argv[i] ? e->argv[i] : "(null)", want[i]);
	expect(e->argv[n] == NULL, line, "argv[%d] is not NULL", n);
}

#define EXPECT_ARGV(e, ...)						\
	do {								\
		static const char *const want_[] = { __VA_ARGS__, NULL }; \
		expect_argv((e), want_, __LINE__);			\
	} while (0)

/* Write TEXT to NAME in the temporary directory; its path. */
static char *write_input(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) == EOF || fclose(f) != 0)
		fatal("cannot write %s", path);
	ARRAY_PUSH(created, xstrdup(path));
	return path;
}

/* compdb_load(PATH) with what it prints on stderr put into ERR. */
static struct compdb *load_capturing(const char *path, char *err,
				     size_t size)
{
	char *err_path = xasprintf("%s/stderr.txt", tmpdir);
	struct compdb *db;
	int saved, fd;
	size_t n = 0;
	FILE *f;

	fflush(stderr);
	saved = dup(2);
	fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0)
		fatal("cannot redirect stderr to %s", err_path);
	dup2(fd, 2);
	close(fd);
	db = compdb_load(path);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	f = fopen(err_path, "r");
	if (f) {
		n = fread(err, 1, size - 1, f);
		fclose(f);
	}
	err[n] = '\0';
	unlink(err_path);
	free(err_path);
	return db;
}

/* Load TEXT, written as NAME; NULL (and a recorded failure) on error. */
static struct compdb *load_text(const char *name, const char *text,
				int line)
{
	char *path = write_input(name, text);
	char err[1024];
	struct compdb *db = load_capturing(path, err, sizeof(err));

	expect(db != NULL, line, "loading %s failed: %s", name, err);
	expect(err[0] == '\0', line, "loading %s printed: %s", name, err);
	free(path);
	return db;
}

/* S as a JSON string, quoted as Python's json.dump() does. */
static char *json_quote(const char *s)
{
	struct {
		char *items;
		int count, alloc;
	} out = { 0 };
	char hex[8];
	int i;

	ARRAY_PUSH(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			ARRAY_PUSH(out, '\\');
			ARRAY_PUSH(out, *s);
		} else if ((unsigned char)*s < 0x20) {
			snprintf(hex, sizeof(hex), "\\u%04x", *s);
			for (i = 0; hex[i]; i++)
				ARRAY_PUSH(out, hex[i]);
		} else {
			ARRAY_PUSH(out, *s);
		}
	}
	ARRAY_PUSH(out, '"');
	ARRAY_PUSH(out, '\0');
	return out.items;
}

/* ---- bear: "arguments" arrays ---- */

static const char bear_json[] =
	"[\n"
	"  {\n"
	"    \"arguments\": [\"/usr/bin/cc\", \"-c\", \"-DFOO=1\", \"-I\",\n"
	"                  \"include dir\", \"-o\", \"foo.o\", \"foo.c\"],\n"
	"    \"directory\": \"/home/u/proj\",\n"
	"    \"file\": \"/home/u/proj/foo.c\",\n"
	"    \"output\": \"/home/u/proj/foo.o\"\n"
	"  },\n"
	"  {\n"
	"    \"command\": \"cc -DFROM_COMMAND -c sub/bar.c\",\n"
	"    \"arguments\": [\"cc\", \"-c\", \"./sub/bar.c\", \"-DLAST\"],\n"
	"    \"directory\": \"/home/u/proj\",\n"
	"    \"file\": \"sub/bar.c\"\n"
	"  },\n"
	"  {\n"
	"    \"arguments\": [\"cc\", \"-DSECOND\", \"foo.c\"],\n"
	"    \"directory\": \"/home/u/proj/.\",\n"
	"    \"file\": \"./x/../foo.c\"\n"
	"  },\n"
	"  {\n"
	"    \"arguments\": [\"cc\"],\n"
	"    \"directory\": \"/home/u/proj\",\n"
	"    \"file\": \"/home/u/proj//lone.c\"\n"
	"  }\n"
	"]\n";

static void test_bear_arguments(void)
{
	struct compdb *db = load_text("bear.json", bear_json, __LINE__);
	const struct compdb_entry *e;

	if (!db)
		return;
	REQUIRE(db->count == 3, "count is %d, not 3", db->count);
	e = &db->items[0];
	EXPECT_STR(e->file, "/home/u/proj/foo.c");
	EXPECT_STR(e->dir, "/home/u/proj");
	EXPECT_ARGV(e, "-c", "-DFOO=1", "-I", "include dir", "-o", "foo.o");

	/* "arguments" wins over "command"; the source is not last. */
	e = &db->items[1];
	EXPECT_STR(e->file, "/home/u/proj/sub/bar.c");
	EXPECT_STR(e->dir, "/home/u/proj");
	EXPECT_ARGV(e, "-c", "-DLAST");

	/* Only the compiler: no arguments at all. */
	e = &db->items[2];
	EXPECT_STR(e->file, "/home/u/proj/lone.c");
	EXPECT(e->argc == 0 && e->argv && !e->argv[0],
	       "lone.c has %d arguments", e->argc);
	compdb_free(db);
}

static void test_duplicate_keeps_first(void)
{
	struct compdb *db = load_text("dup.json", bear_json, __LINE__);
	const struct compdb_entry *e;

	if (!db)
		return;
	REQUIRE(db->count == 3, "count is %d, not 3", db->count);
	e = compdb_find(db, "/home/u/proj/foo.c");
	REQUIRE(e == &db->items[0], "foo.c is not the first entry");
	EXPECT_ARGV(e, "-c", "-DFOO=1", "-I", "include dir", "-o", "foo.o");
	compdb_free(db);
}

/* ---- the kernel: "command" strings ---- */

/* The shell text, before JSON quoting; the expected words follow. */
static const char kernel_foo_command[] =
	"gcc -Wp,-MMD,drivers/i2c/busses/.i2c-foo.o.d -nostdinc "
	"-I./arch/x86/include -D__KERNEL__ "
	"-DKBUILD_MODFILE='\"drivers/i2c/busses/i2c-foo\"' "
	"-DKBUILD_BASENAME='\"i2c_foo\"' -DKBUILD_MODNAME='\"i2c_foo\"' "
	"-DDQ=\"say \\\"hi\\\" \\\\ \\$HOME \\`x\\` \\n\" "
	"-DBS=a\\ b\\\\c -DEMPTY= ''\t  -c -o drivers/i2c/busses/i2c-foo.o "
	"drivers/i2c/busses/i2c-foo.c";

static const char kernel_bar_command[] =
	"gcc -c -o drivers/spi/spi-bar.o ./drivers/spi/spi-bar.c "
	"-DM=\"a\"'b'c";

/* The kernel's compile_commands.json, its directory TMP/linux. */
static struct compdb *load_kernel_db(int line)
{
	char *foo = json_quote(kernel_foo_command);
	char *bar = json_quote(kernel_bar_command);
	char *text = xasprintf(
		"[\n"
		"  {\n"
		"    \"command\": %s,\n"
		"    \"directory\": \"%s/linux\",\n"
		"    \"file\": \"drivers/i2c/busses/i2c-foo.c\"\n"
		"  },\n"
		"  {\n"
		"    \"command\": %s,\n"
		"    \"directory\": \"%s/linux\",\n"
		"    \"file\": \"%s/linux/drivers/spi/../spi/./spi-bar.c\"\n"
		"  }\n"
		"]\n", foo, tmpdir, bar, tmpdir, tmpdir);
	struct compdb *db = load_text("kernel.json", text, line);

	free(foo);
	free(bar);
	free(text);
	return db;
}

static void test_kernel_command(void)
{
	struct compdb *db = load_kernel_db(__LINE__);
	const struct compdb_entry *e;
	char *want;

	if (!db)
		return;
	REQUIRE(db->count == 2, "count is %d, not 2", db->count);
	e = &db->items[0];
	want = xasprintf("%s/linux/drivers/i2c/busses/i2c-foo.c", tmpdir);
	EXPECT_STR(e->file, want);
	free(want);
	want = xasprintf("%s/linux", tmpdir);
	EXPECT_STR(e->dir, want);
	free(want);
	EXPECT_ARGV(e,
		    "-Wp,-MMD,drivers/i2c/busses/.i2c-foo.o.d",
		    "-nostdinc",
		    "-I./arch/x86/include",
		    "-D__KERNEL__",
		    "-DKBUILD_MODFILE=\"drivers/i2c/busses/i2c-foo\"",
		    "-DKBUILD_BASENAME=\"i2c_foo\"",
		    "-DKBUILD_MODNAME=\"i2c_foo\"",
		    "-DDQ=say \"hi\" \\ $HOME `x` \\n",
		    "-DBS=a b\\c",
		    "-DEMPTY=",
		    "",
		    "-c",
		    "-o",
		    "drivers/i2c/busses/i2c-foo.o");

	e = &db->items[1];
	want = xasprintf("%s/linux/drivers/spi/spi-bar.c", tmpdir);
	EXPECT_STR(e->file, want);
	free(want);
	EXPECT_ARGV(e, "-c", "-o", "drivers/spi/spi-bar.o", "-DM=abc");
	compdb_free(db);
}

static void test_find(void)
{
	struct compdb *db = load_kernel_db(__LINE__);
	char *linux_dir = xasprintf("%s/linux", tmpdir);
	char *abs_bar = xasprintf("%s/drivers/spi/spi-bar.c", linux_dir);
	bool moved;

	if (!db) {
		free(linux_dir);
		free(abs_bar);
		return;
	}
	moved = chdir(linux_dir) == 0;
	EXPECT(moved, "cannot chdir to %s", linux_dir);
	if (moved) {
		EXPECT(compdb_find(db, "drivers/i2c/busses/i2c-foo.c") ==
		       &db->items[0], "relative name not found");
		EXPECT(compdb_find(db, "./drivers/i2c/../i2c/busses//i2c-foo.c")
		       == &db->items[0], "relative name with ./ and .. not found");
		EXPECT(compdb_find(db, "../linux/drivers/spi/spi-bar.c") ==
		       &db->items[1], "relative name from ../ not found");
		EXPECT(compdb_find(db, "drivers/spi/missing.c") == NULL,
		       "a file not listed was found");
		EXPECT(compdb_find(db, "spi-bar.c") == NULL,
		       "a bare basename was found");
		if (chdir(start_dir) != 0)
			fatal("cannot chdir back to %s", start_dir);
	}
	EXPECT(compdb_find(db, abs_bar) == &db->items[1],
	       "absolute name not found");
	EXPECT(compdb_find(db, "/home/u/proj/foo.c") == NULL,
	       "a file of another database was found");
	free(linux_dir);
	free(abs_bar);
	compdb_free(db);
}

/* ---- JSON escapes ---- */

static void test_escapes(void)
{
	static const char text[] =
		"[{\"directory\": \"\\/srv\\/esc\\/dir\",\n"
		"  \"file\": \"caf\\u00e9 \\ud83d\\ude00.c\",\n"
		"  \"arguments\": [\"cc\", \"-DQ=\\\"q\\\"\", \"-DB=a\\\\b\",\n"
		"    \"-DU=\\u0041\\u00DF\\u20ac\", \"-DC=\\b\\f\\n\\r\\t\",\n"
		"    \"caf\\u00e9 \\ud83d\\ude00.c\"],\n"
		"  \"output\": \"x.o\",\n"
		"  \"extra\": {\"n\": [0, -1.5e+3, 2E-2, 10, true, false, null,\n"
		"                    {}, [], {\"deep\": [[[]]]}]}\n"
		"}]\n";
	struct compdb *db = load_text("escapes.json", text, __LINE__);
	const struct compdb_entry *e;

	if (!db)
		return;
	REQUIRE(db->count == 1, "count is %d, not 1", db->count);
	e = &db->items[0];
	EXPECT_STR(e->dir, "/srv/esc/dir");
	EXPECT_STR(e->file, "/srv/esc/dir/caf\xc3\xa9 \xf0\x9f\x98\x80.c");
	EXPECT_ARGV(e, "-DQ=\"q\"", "-DB=a\\b", "-DU=A\xc3\x9f\xe2\x82\xac",
		    "-DC=\b\f\n\r\t");
	compdb_free(db);
}

static void test_empty_array(void)
{
	struct compdb *db = load_text("empty.json", " [ \n ] \n", __LINE__);

	if (!db)
		return;
	EXPECT(db->count == 0, "count is %d, not 0", db->count);
	EXPECT(compdb_find(db, "/a.c") == NULL, "found a file in nothing");
	compdb_free(db);
}

/* ---- errors ---- */

/* Loading PATH fails with one line naming it, WHAT and LINE (0: none). */
static void expect_load_error(const char *path, const char *what,
			      int line, int src_line)
{
	struct compdb *db;
	char err[1024], *prefix, *suffix;
	size_t len;

	db = load_capturing(path, err, sizeof(err));
	expect(db == NULL, src_line, "%s loaded", path);
	compdb_free(db);
	len = strlen(err);
	expect(len > 0 && err[len - 1] == '\n' &&
	       strchr(err, '\n') == err + len - 1, src_line,
	       "not exactly one line on stderr: \"%s\"", err);
	prefix = xasprintf("rpmcheck: error: %s: ", path);
	expect(starts_with(err, prefix), src_line,
	       "stderr does not start with \"%s\": %s", prefix, err);
	expect(strstr(err, what) != NULL, src_line,
	       "stderr does not say \"%s\": %s", what, err);
	if (line > 0) {
		suffix = xasprintf("(line %d)\n", line);
		expect(ends_with(err, suffix), src_line,
		       "stderr does not end with \"%s\": %s", suffix, err);
		free(suffix);
	} else {
		expect(!strstr(err, "(line"), src_line,
		       "stderr gives a line: %s", err);
	}
	free(prefix);
}

static void bad_input(const char *text, const char *what, int line,
		      int src_line)
{
	char *path = write_input("bad.json", text);

	expect_load_error(path, what, line, src_line);
	free(path);
}

#define BAD_INPUT(text, what, line) bad_input((text), (what), (line), __LINE__)

static void test_not_json(void)
{
	BAD_INPUT("this is not json\n", "invalid JSON", 1);
	BAD_INPUT("", "end of file", 1);
	BAD_INPUT("[\n]\n]\n", "more after", 3);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  " \"command\": \"cc a.c\"},\n]\n", "invalid JSON", 3);
	BAD_INPUT("[01]", "invalid JSON", 1);
	BAD_INPUT("[1.]", "invalid JSON", 1);
	BAD_INPUT("[tru]", "invalid JSON", 1);
	BAD_INPUT("[{\"a\" 1}]", "invalid JSON", 1);
	BAD_INPUT("[{1: 1}]", "invalid JSON", 1);
}

static void test_not_an_array(void)
{
	BAD_INPUT("\n{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  " \"command\": \"cc a.c\"}\n", "not an array", 2);
	BAD_INPUT("[1]", "entry 1 is not an object", 1);
}

static void test_missing_fields(void)
{
	BAD_INPUT("[\n"
		  " {\"directory\": \"/\", \"file\": \"a.c\", \"command\": \"cc a.c\"},\n"
		  " {\"directory\": \"/\",\n"
		  "  \"command\": \"cc b.c\"}\n"
		  "]\n", "entry 2 has no \"file\"", 3);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  "  \"output\": \"a.o\"}]\n",
		  "neither \"arguments\" nor \"command\"", 1);
	BAD_INPUT("[{\"file\": \"a.c\", \"command\": \"cc a.c\"}]",
		  "has no \"directory\"", 1);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": 7, \"command\": \"cc\"}]",
		  "\"file\" is not a string", 1);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  "  \"arguments\": [\"cc\", 1]}]", "non-string", 2);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  "  \"arguments\": \"cc a.c\"}]", "not an array", 2);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  "  \"arguments\": []}]", "is empty", 2);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  "  \"command\": \" \\t \"}]", "is empty", 2);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  "  \"command\": \"cc '-DX=1 a.c\"}]", "unterminated quote", 2);
	BAD_INPUT("[{\"directory\": \"/\", \"file\": \"a.c\",\n"
		  "  \"command\": \"cc \\\"-DX=1 a.c\"}]", "unterminated quote",
		  2);
}

static void test_bad_strings(void)
{
	BAD_INPUT("[\n {\"directory\": \"/\",\n  \"file\": \"a.c",
		  "unterminated string", 3);
	BAD_INPUT("[\n {\"directory\": \"/\",\n  \"file\": \"a.c\n\"}]",
		  "unterminated string", 3);
	BAD_INPUT("[\"a\\qb\"]", "bad escape", 1);
	BAD_INPUT("[\"a\\u12G4\"]", "bad \\u escape", 1);
	BAD_INPUT("[\"a\\u12\"]", "bad \\u escape", 1);
	BAD_INPUT("[\"a\\ud800x\"]", "unpaired surrogate", 1);
	BAD_INPUT("[\"a\\ud800\\u0041\"]", "unpaired surrogate", 1);
	BAD_INPUT("[\"a\\udc00\"]", "unpaired surrogate", 1);
	BAD_INPUT("[\"a\\u0000\"]", "\\u0000", 1);
	BAD_INPUT("[\"a\tb\"]", "control character", 1);
}

static void test_too_deep(void)
{
	char text[2048];

	memset(text, '[', 1000);
	memset(text + 1000, ']', 1000);
	text[2000] = '\0';
	BAD_INPUT(text, "nested too deeply", 1);
}

static void test_unreadable_path(void)
{
	char *path = xasprintf("%s/no-such.json", tmpdir);

	expect_load_error(path, "cannot open", 0, __LINE__);
	free(path);
	expect_load_error(tmpdir, "cannot", 0, __LINE__);
}

/* ---- main ---- */

static const struct unit_test tests[] = {
	{ "bear-arguments", test_bear_arguments },
	{ "duplicate-keeps-first", test_duplicate_keeps_first },
	{ "kernel-command", test_kernel_command },
	{ "find", test_find },
	{ "escapes", test_escapes },
	{ "empty-array", test_empty_array },
	{ "not-json", test_not_json },
	{ "not-an-array", test_not_an_array },
	{ "missing-fields", test_missing_fields },
	{ "bad-strings", test_bad_strings },
	{ "too-deep", test_too_deep },
	{ "unreadable-path", test_unreadable_path },
};

static void make_tmpdir(void)
{
	char template[] = "/tmp/test_compdb.XXXXXX";
	char *linux_dir;

	if (!getcwd(start_dir, sizeof(start_dir)))
		fatal("cannot get the current directory");
	if (!mkdtemp(template))
		fatal("mkdtemp failed");
	tmpdir = realpath(template, NULL);
	if (!tmpdir)
		fatal("realpath %s failed", template);
	linux_dir = xasprintf("%s/linux", tmpdir);
	if (mkdir(linux_dir, 0700) != 0)
		fatal("cannot create %s", linux_dir);
	free(linux_dir);
}

static void remove_tmpdir(void)
{
	char *linux_dir = xasprintf("%s/linux", tmpdir);
	int i;

	for (i = 0; i < created.count; i++) {
		unlink(created.items[i]);
		free(created.items[i]);
	}
	free(created.items);
	rmdir(linux_dir);
	free(linux_dir);
	if (rmdir(tmpdir) != 0)
		fprintf(stderr, "test_compdb: cannot remove %s\n", tmpdir);
	free(tmpdir);
}

int main(void)
{
	int failed;

	make_tmpdir();
	failed = RUN_TESTS(tests, NULL);
	remove_tmpdir();
	return failed ? 1 : 0;
}
