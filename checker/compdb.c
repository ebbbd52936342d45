/*
 * compdb.c - read a compile_commands.json (see compdb.h).
 *
 * A small JSON parser turns the file into a tree; each object of the
 * top-level array then becomes an entry: "directory", "file" made
 * absolute and normalised, and the compiler's words from "arguments"
 * (bear) or from "command" split as a POSIX shell splits words
 * (gen_compile_commands.py), minus the compiler and the source file.
 * A file listed twice keeps its first entry.
 *
 * Deliberately ignores: everything a shell would do to "command" beyond
 * quoting and splitting (no $ expansion, globbing, ~, ;, | or
 * redirection: those stay literal words), because nothing is ever run;
 * symbolic links (paths are normalised as text, "x/.." just removes x);
 * keys it does not need ("output", ...); the values of JSON numbers
 * (checked, then dropped); and whether strings are valid UTF-8.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compdb.h"
#include "util.h"

#define JSON_MAX_DEPTH	256

/* ---- reporting: the first problem met, printed once ---- */

struct problem {
	char *what;	/* NULL while all is well */
	int line;	/* 0 when no line is useful */
};

static bool vset_problem(struct problem *pr, int line, const char *fmt,
			 va_list ap)
{
	if (!pr->what) {
		pr->what = xvasprintf(fmt, ap);
		pr->line = line;
	}
	return false;
}

__attribute__((format(printf, 3, 4)))
static bool set_problem(struct problem *pr, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset_problem(pr, line, fmt, ap);
	va_end(ap);
	return false;
}

static void report_problem(const char *path, struct problem *pr)
{
	if (pr->line > 0)
		fprintf(stderr, "rpmcheck: error: %s: %s (line %d)\n",
			path, pr->what, pr->line);
	else
		fprintf(stderr, "rpmcheck: error: %s: %s\n", path, pr->what);
	free(pr->what);
	pr->what = NULL;
}

/* ---- the JSON tree ---- */

enum json_type {
	JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT,
};

struct json_member;

struct json {
	enum json_type type;
	int line;			/* where the value starts */
	char *string;			/* JSON_STRING */
	struct {
		struct json *items;
		int count, alloc;
	} elems;			/* JSON_ARRAY */
	struct {
		struct json_member *items;
		int count, alloc;
	} members;			/* JSON_OBJECT, in file order */
};

struct json_member {
	char *key;
	struct json value;
};

static void json_free(struct json *v)
{
	int i;

	free(v->string);
	for (i = 0; i < v->elems.count; i++)
		json_free(&v->elems.items[i]);
	free(v->elems.items);
	for (i = 0; i < v->members.count; i++) {
		free(v->members.items[i].key);
		json_free(&v->members.items[i].value);
	}
	free(v->members.items);
	memset(v, 0, sizeof(*v));
}

/* The first member KEY of OBJ, or NULL. */
static const struct json *json_get(const struct json *obj, const char *key)
{
	int i;

	for (i = 0; i < obj->members.count; i++)
		if (strcmp(obj->members.items[i].key, key) == 0)
			return &obj->members.items[i].value;
	return NULL;
}

/* ---- the JSON parser ---- */

struct parser {
	const char *pos, *end;
	int line;
	struct problem *problem;
};

/*
 * Every parse_* function returns false after recording the problem
 * ("invalid JSON: ..."); the value it was filling then owns nothing.
 */
__attribute__((format(printf, 2, 3)))
static bool parse_fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	set_problem(p->problem, p->line, "invalid JSON: %s", what);
	free(what);
	return false;
}

static bool at_end(const struct parser *p)
{
	return p->pos >= p->end;
}

static bool next_is(const struct parser *p, char c)
{
	return !at_end(p) && *p->pos == c;
}

static bool fail_expecting(struct parser *p, const char *what)
{
	unsigned char c;

	if (at_end(p))
		return parse_fail(p, "unexpected end of file");
	c = *p->pos;
	if (c > ' ' && c < 0x7f)
		return parse_fail(p, "expected %s, found '%c'", what, c);
	return parse_fail(p, "expected %s, found byte 0x%02x",
			  what, c);
}

static void skip_whitespace(struct parser *p)
{
	for (; !at_end(p); p->pos++) {
		if (*p->pos == '\n')
			p->line++;
		else if (*p->pos != ' ' && *p->pos != '\t' && *p->pos != '\r')
			break;
	}
}

static bool parse_word(struct parser *p, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(p->end - p->pos) < n || memcmp(p->pos, word, n) != 0)
		return fail_expecting(p, "a value");
	p->pos += n;
	return true;
}

static bool skip_digits(struct parser *p)
{
	const char *start = p->pos;

	while (!at_end(p) && *p->pos >= '0' && *p->pos <= '9')
		p->pos++;
	return p->pos > start;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool parse_number(struct parser *p)
{
	if (next_is(p, '-'))
		p->pos++;
	if (next_is(p, '0'))
		p->pos++;
	else if (!skip_digits(p))
		return fail_expecting(p, "a digit");
	if (next_is(p, '.')) {
		p->pos++;
		if (!skip_digits(p))
			return fail_expecting(p, "a digit");
	}
	if (next_is(p, 'e') || next_is(p, 'E')) {
		p->pos++;
		if (next_is(p, '+') || next_is(p, '-'))
			p->pos++;
		if (!skip_digits(p))
			return fail_expecting(p, "a digit");
	}
	return true;
}

struct char_buf {
	char *items;
	int count, alloc;
};

static void put_utf8(struct char_buf *buf, unsigned long cp)
{
	static const unsigned char lead[] = { 0x00, 0xc0, 0xe0, 0xf0 };
	int extra = cp < 0x80 ? 0 : cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
	int shift = 6 * extra;

	ARRAY_PUSH(*buf, (char)(lead[extra] | (cp >> shift)));
	while (shift > 0) {
		shift -= 6;
		ARRAY_PUSH(*buf, (char)(0x80 | ((cp >> shift) & 0x3f)));
	}
}

static int hex_digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool read_hex4(struct parser *p, unsigned long *out)
{
	int i, digit;

	*out = 0;
	for (i = 0; i < 4; i++, p->pos++) {
		digit = at_end(p) ? -1 : hex_digit_value(*p->pos);
		if (digit < 0)
			return parse_fail(p, "bad \\u escape");
		*out = *out << 4 | (unsigned long)digit;
	}
	return true;
}

static bool is_high_surrogate(unsigned long u)
{
	return u >= 0xd800 && u <= 0xdbff;
}

static bool is_low_surrogate(unsigned long u)
{
	return u >= 0xdc00 && u <= 0xdfff;
}

/* At "\u": skip it; false if something else comes. */
static bool skip_unicode_escape_start(struct parser *p)
{
	if (p->end - p->pos < 2 || p->pos[0] != '\\' || p->pos[1] != 'u')
		return false;
	p->pos += 2;
	return true;
}

/* After "\u": one code point, two escapes for a surrogate pair. */
static bool parse_unicode_escape(struct parser *p, struct char_buf *buf)
{
	unsigned long cp, low;

	if (!read_hex4(p, &cp))
		return false;
	if (is_high_surrogate(cp)) {
		if (!skip_unicode_escape_start(p))
			return parse_fail(p, "unpaired surrogate");
		if (!read_hex4(p, &low))
			return false;
		if (!is_low_surrogate(low))
			return parse_fail(p, "unpaired surrogate");
		cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
	} else if (is_low_surrogate(cp)) {
		return parse_fail(p, "unpaired surrogate");
	}
	if (cp == 0)
		return parse_fail(p, "\\u0000 in a string");
	put_utf8(buf, cp);
	return true;
}

/* After a backslash in a string. */
static bool parse_escape(struct parser *p, struct char_buf *buf)
{
	static const char from[] = "\"\\/bfnrt";
	static const char to[] = "\"\\/\b\f\n\r\t";
	const char *hit;
	char c;

	if (at_end(p))
		return parse_fail(p, "unterminated string");
	c = *p->pos++;
	if (c == 'u')
		return parse_unicode_escape(p, buf);
	hit = c ? strchr(from, c) : NULL;
	if (!hit)
		return parse_fail(p, "bad escape in a string");
	ARRAY_PUSH(*buf, to[hit - from]);
	return true;
}

/* At a '"': the string, unescaped, into *OUT. */
static bool parse_string(struct parser *p, char **out)
{
	struct char_buf buf = { 0 };
	unsigned char c;

	for (p->pos++;; ) {
		if (at_end(p)) {
			free(buf.items);
			return parse_fail(p, "unterminated string");
		}
		c = *p->pos++;
		if (c == '"')
			break;
		if (c == '\n') {
			free(buf.items);
			return parse_fail(p, "unterminated string");
		}
		if (c < 0x20) {
			free(buf.items);
			return parse_fail(p, "control character in a string");
		}
		if (c != '\\')
			ARRAY_PUSH(buf, (char)c);
		else if (!parse_escape(p, &buf)) {
			free(buf.items);
			return false;
		}
	}
	ARRAY_PUSH(buf, '\0');
	*out = buf.items;
	return true;
}

static bool parse_value(struct parser *p, struct json *out, int depth);

static bool parse_array(struct parser *p, struct json *out, int depth)
{
	struct json elem;

	out->type = JSON_ARRAY;
	p->pos++;
	skip_whitespace(p);
	if (next_is(p, ']')) {
		p->pos++;
		return true;
	}
	for (;;) {
		if (!parse_value(p, &elem, depth + 1))
			break;
		ARRAY_PUSH(out->elems, elem);
		skip_whitespace(p);
		if (next_is(p, ']')) {
			p->pos++;
			return true;
		}
		if (!next_is(p, ',')) {
			fail_expecting(p, "',' or ']'");
			break;
		}
		p->pos++;
	}
	json_free(out);
	return false;
}

static bool parse_member(struct parser *p, struct json *obj, int depth)
{
	struct json_member m = { 0 };

	skip_whitespace(p);
	if (!next_is(p, '"'))
		return fail_expecting(p, "a string key");
	if (!parse_string(p, &m.key))
		return false;
	skip_whitespace(p);
	if (!next_is(p, ':')) {
		free(m.key);
		return fail_expecting(p, "':'");
	}
	p->pos++;
	if (!parse_value(p, &m.value, depth + 1)) {
		free(m.key);
		return false;
	}
	ARRAY_PUSH(obj->members, m);
	return true;
}

static bool parse_object(struct parser *p, struct json *out, int depth)
{
	out->type = JSON_OBJECT;
	p->pos++;
	skip_whitespace(p);
	if (next_is(p, '}')) {
		p->pos++;
		return true;
	}
	for (;;) {
		if (!parse_member(p, out, depth))
			break;
		skip_whitespace(p);
		if (next_is(p, '}')) {
			p->pos++;
			return true;
		}
		if (!next_is(p, ',')) {
			fail_expecting(p, "',' or '}'");
			break;
		}
		p->pos++;
	}
	json_free(out);
	return false;
}

static bool parse_value(struct parser *p, struct json *out, int depth)
{
	char c;

	memset(out, 0, sizeof(*out));
	skip_whitespace(p);
	out->line = p->line;
	if (depth > JSON_MAX_DEPTH)
		return parse_fail(p, "nested too deeply");
	c = at_end(p) ? '\0' : *p->pos;
	if (c == '[')
		return parse_array(p, out, depth);
	if (c == '{')
		return parse_object(p, out, depth);
	if (c == '"') {
		out->type = JSON_STRING;
		return parse_string(p, &out->string);
	}
	if (c == 't' || c == 'f') {
		out->type = JSON_BOOL;
		return parse_word(p, c == 't' ? "true" : "false");
	}
	if (c == 'n')
		return parse_word(p, "null");
	if (c == '-' || (c >= '0' && c <= '9')) {
		out->type = JSON_NUMBER;
		return parse_number(p);
	}
	return fail_expecting(p, "a value");
}

/* TEXT holds exactly one JSON value, and whitespace. */
static bool parse_json(const char *text, size_t len, struct json *out,
		       struct problem *pr)
{
	struct parser p = { text, text + len, 1, pr };

	if (!parse_value(&p, out, 0))
		return false;
	skip_whitespace(&p);
	if (!at_end(&p)) {
		json_free(out);
		return parse_fail(&p, "more after the top-level value");
	}
	return true;
}

/* ---- paths ---- */

static char *join_path(const char *dir, const char *name)
{
	if (name[0] == '/' || !dir[0])
		return xstrdup(name);
	return xasprintf("%s/%s", dir, name);
}

/* The current directory, or NULL when it cannot be known. */
static char *current_dir(void)
{
	size_t size = 256;
	char *buf;

	for (;;) {
		buf = xmalloc(size);
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}

/*
 * Remove empty, "." and "x/.." segments of PATH in place, as text.
 * ".." is kept at the start of a relative path and dropped after "/".
 */
static void normalise_path(char *path)
{
	bool absolute = path[0] == '/';
	size_t *seg_start = xcalloc(strlen(path) / 2 + 1, sizeof(*seg_start));
	int nseg = 0, ndotdot = 0;
	size_t r = 0, w = absolute ? 1 : 0, start, n;

	while (path[r]) {
		while (path[r] == '/')
			r++;
		start = r;
		while (path[r] && path[r] != '/')
			r++;
		n = r - start;
		if (n == 0 || (n == 1 && path[start] == '.'))
			continue;
		if (n == 2 && path[start] == '.' && path[start + 1] == '.') {
			if (nseg > ndotdot) {
				w = seg_start[--nseg];
				continue;
			}
			if (absolute)
				continue;
			ndotdot++;
		}
		seg_start[nseg] = w;
		if (nseg++ > 0)
			path[w++] = '/';
		memmove(path + w, path + start, n);
		w += n;
	}
	free(seg_start);
	if (w == 0)
		path[w++] = '.';
	path[w] = '\0';
}

/* NAME, taken from DIR if relative (and DIR from the current directory). */
static char *absolute_path(const char *dir, const char *name)
{
	char *path = join_path(dir, name);
	char *cwd, *full;

	if (path[0] != '/') {
		cwd = current_dir();
		if (cwd) {
			full = join_path(cwd, path);
			free(cwd);
			free(path);
			path = full;
		}
	}
	normalise_path(path);
	return path;
}

/* ---- "command": POSIX shell word splitting ---- */

struct string_list {
	char **items;
	int count, alloc;
};

static void free_strings(struct string_list *list)
{
	int i;

	for (i = 0; i < list->count; i++)
		free(list->items[i]);
	free(list->items);
	memset(list, 0, sizeof(*list));
}

static void end_word(struct char_buf *word, struct string_list *words)
{
	ARRAY_PUSH(*word, '\0');
	ARRAY_PUSH(*words, word->items);
	memset(word, 0, sizeof(*word));
}

/* S is after an opening '; return the closing one, or NULL. */
static const char *copy_single_quoted(const char *s, struct char_buf *word)
{
	for (; *s != '\''; s++) {
		if (!*s)
			return NULL;
		ARRAY_PUSH(*word, *s);
	}
	return s;
}

/*
 * S is after an opening "; return the closing one, or NULL.  A
 * backslash escapes only $ ` " \ and newline (a newline it removes).
 */
static const char *copy_double_quoted(const char *s, struct char_buf *word)
{
	for (; *s != '"'; s++) {
		if (!*s)
			return NULL;
		if (*s == '\\' && s[1] && strchr("$`\"\\\n", s[1])) {
			s++;
			if (*s == '\n')
				continue;
		}
		ARRAY_PUSH(*word, *s);
	}
	return s;
}

static bool is_shell_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Split S into WORDS at unquoted blanks, removing quotes and escaping
 * backslashes (a final backslash stays); NULL, or what is wrong with S.
 */
static const char *split_shell_words(const char *s, struct string_list *words)
{
	struct char_buf word = { 0 };
	bool in_word = false;

	for (; *s; s++) {
		if (is_shell_blank(*s)) {
			if (in_word)
				end_word(&word, words);
			in_word = false;
			continue;
		}
		if (*s == '\\' && s[1] == '\n') {	/* line continuation */
			s++;
			continue;
		}
		in_word = true;
		if (*s == '\'')
			s = copy_single_quoted(s + 1, &word);
		else if (*s == '"')
			s = copy_double_quoted(s + 1, &word);
		else if (*s == '\\' && s[1])
			ARRAY_PUSH(word, *++s);
		else				/* a final backslash stays */
			ARRAY_PUSH(word, *s);
		if (!s) {
			free(word.items);
			return "has an unterminated quote";
		}
	}
	if (in_word)
		end_word(&word, words);
	return NULL;
}

/* ---- entries ---- */

/* The string KEY of entry N (OBJ), or NULL after setting a problem. */
static const char *entry_string(const struct json *obj, const char *key,
				int n, struct problem *pr)
{
	const struct json *v = json_get(obj, key);

	if (!v)
		set_problem(pr, obj->line, "entry %d has no \"%s\"", n, key);
	else if (v->type != JSON_STRING)
		set_problem(pr, v->line, "entry %d: \"%s\" is not a string",
			    n, key);
	else
		return v->string;
	return NULL;
}

static bool words_from_arguments(const struct json *args, int n,
				 struct string_list *words, struct problem *pr)
{
	const struct json *arg;
	int i;

	if (args->type != JSON_ARRAY)
		return set_problem(pr, args->line,
				   "entry %d: \"arguments\" is not an array", n);
	for (i = 0; i < args->elems.count; i++) {
		arg = &args->elems.items[i];
		if (arg->type != JSON_STRING)
			return set_problem(pr, arg->line,
					   "entry %d: \"arguments\" holds a non-string",
					   n);
		ARRAY_PUSH(*words, xstrdup(arg->string));
	}
	return true;
}

static bool words_from_command(const struct json *cmd, int n,
			       struct string_list *words, struct problem *pr)
{
	const char *bad;

	if (cmd->type != JSON_STRING)
		return set_problem(pr, cmd->line,
				   "entry %d: \"command\" is not a string", n);
	bad = split_shell_words(cmd->string, words);
	if (bad)
		return set_problem(pr, cmd->line, "entry %d: \"command\" %s",
				   n, bad);
	return true;
}

/* The compiler's words of entry N: "arguments" if present, else "command". */
static bool entry_words(const struct json *obj, int n,
			struct string_list *words, struct problem *pr)
{
	const struct json *args = json_get(obj, "arguments");
	const struct json *cmd = json_get(obj, "command");

	if (args) {
		if (!words_from_arguments(args, n, words, pr))
			return false;
	} else if (cmd) {
		if (!words_from_command(cmd, n, words, pr))
			return false;
	} else {
		return set_problem(pr, obj->line,
				   "entry %d has neither \"arguments\" nor \"command\"",
				   n);
	}
	if (words->count == 0)
		return set_problem(pr, (args ? args : cmd)->line,
				   "entry %d: \"%s\" is empty", n,
				   args ? "arguments" : "command");
	return true;
}

/* The last word after the compiler naming SOURCE from DIR, or -1. */
static int find_source_word(const struct string_list *words, const char *dir,
			    const char *source)
{
	char *path;
	bool same;
	int i;

	for (i = words->count - 1; i >= 1; i--) {
		if (words->items[i][0] == '-' || !words->items[i][0])
			continue;
		path = absolute_path(dir, words->items[i]);
		same = strcmp(path, source) == 0;
		free(path);
		if (same)
			return i;
	}
	return -1;
}

/* Move WORDS, minus the compiler and the source file, into E's argv. */
static void take_arguments(struct compdb_entry *e, struct string_list *words)
{
	int source = find_source_word(words, e->dir, e->file);
	int i;

	e->argv = xmalloc(words->count * sizeof(*e->argv));
	e->argc = 0;
	for (i = 1; i < words->count; i++) {
		if (i == source)
			free(words->items[i]);
		else
			e->argv[e->argc++] = words->items[i];
	}
	e->argv[e->argc] = NULL;
	free(words->items[0]);
	free(words->items);
	memset(words, 0, sizeof(*words));
}

static bool build_entry(const struct json *obj, int n, struct compdb_entry *e,
			struct problem *pr)
{
	struct string_list words = { 0 };
	const char *dir, *file;

	if (obj->type != JSON_OBJECT)
		return set_problem(pr, obj->line, "entry %d is not an object", n);
	dir = entry_string(obj, "directory", n, pr);
	file = dir ? entry_string(obj, "file", n, pr) : NULL;
	if (!file)
		return false;
	if (!entry_words(obj, n, &words, pr)) {
		free_strings(&words);
		return false;
	}
	e->dir = xstrdup(dir);
	e->file = absolute_path(dir, file);
	take_arguments(e, &words);
	return true;
}

static void free_entry(struct compdb_entry *e)
{
	int i;

	for (i = 0; i < e->argc; i++)
		free(e->argv[i]);
	free(e->argv);
	free(e->file);
	free(e->dir);
}

/* The files seen so far, to keep the first entry of each. */
struct file_set {
	const char **slots;
	size_t mask;
};

static void file_set_init(struct file_set *set, int most)
{
	size_t size = 16;

	while (size < 2 * (size_t)most)
		size *= 2;
	set->slots = xcalloc(size, sizeof(*set->slots));
	set->mask = size - 1;
}

/* Add NAME (kept, not copied); false if it was there already. */
static bool file_set_add(struct file_set *set, const char *name)
{
	unsigned long h = 5381;
	const char *s;
	size_t i;

	for (s = name; *s; s++)
		h = h * 33 + (unsigned char)*s;
	for (i = h & set->mask; set->slots[i]; i = (i + 1) & set->mask)
		if (strcmp(set->slots[i], name) == 0)
			return false;
	set->slots[i] = name;
	return true;
}

static bool entries_from_json(const struct json *top, struct compdb *db,
			      struct problem *pr)
{
	struct file_set seen;
	struct compdb_entry e;
	int i;

	if (top->type != JSON_ARRAY)
		return set_problem(pr, top->line,
				   "the top level is not an array");
	db->items = xcalloc(top->elems.count, sizeof(*db->items));
	file_set_init(&seen, top->elems.count);
	for (i = 0; i < top->elems.count; i++) {
		if (!build_entry(&top->elems.items[i], i + 1, &e, pr))
			break;
		if (file_set_add(&seen, e.file))
			db->items[db->count++] = e;
		else
			free_entry(&e);
	}
	free(seen.slots);
	return !pr->what;
}

/* ---- reading the file ---- */

static char *read_whole_file(const char *path, size_t *len,
			     struct problem *pr)
{
	FILE *f = fopen(path, "rb");
	size_t size = 65536, got;
	char *buf;

	if (!f) {
		set_problem(pr, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	buf = xmalloc(size);
	*len = 0;
	while ((got = fread(buf + *len, 1, size - *len, f)) > 0) {
		*len += got;
		if (*len == size) {
			size *= 2;
			buf = xrealloc(buf, size);
		}
	}
	if (ferror(f)) {
		set_problem(pr, 0, "cannot read: %s", strerror(errno));
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* ---- the interface ---- */

struct compdb *compdb_load(const char *path)
{
	struct problem pr = { NULL, 0 };
	struct compdb *db = NULL;
	struct json top;
	size_t len;
	char *text;

	text = read_whole_file(path, &len, &pr);
	if (text && parse_json(text, len, &top, &pr)) {
		db = xcalloc(1, sizeof(*db));
		if (!entries_from_json(&top, db, &pr)) {
			compdb_free(db);
			db = NULL;
		}
		json_free(&top);
	}
	free(text);
	if (pr.what)
		report_problem(path, &pr);
	return db;
}

void compdb_free(struct compdb *db)
{
	int i;

	if (!db)
		return;
	for (i = 0; i < db->count; i++)
		free_entry(&db->items[i]);
	free(db->items);
	free(db);
}

const struct compdb_entry *compdb_find(const struct compdb *db,
				       const char *file)
{
	char *want = absolute_path("", file);
	const struct compdb_entry *found = NULL;
	int i;

	for (i = 0; i < db->count && !found; i++)
		if (strcmp(db->items[i].file, want) == 0)
			found = &db->items[i];
	free(want);
	return found;
}
