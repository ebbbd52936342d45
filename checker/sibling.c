/*
 * sibling.c - which functions of the other .c files of a directory
 * cannot fail (see sibling.h).
 *
 * A module's files call each other's non-static functions, and a
 * translation unit sees only their prototypes: analogix_dp_core.c
 * cannot tell that analogix_dp_reg.c's analogix_dp_init_analog_func()
 * only writes registers and returns 0, so an error branch after it
 * looks feasible.  This file reads the directory's other .c files as
 * text, in kernel style (the definition's name on the line that starts
 * at column 0, its body between braces), and keeps the names of the
 * int functions whose every return is "return 0;".
 *
 * Deliberately ignores the preprocessor: a body under #ifdef counts as
 * written, which can only hide a definition, never invent a return.
 * A body that calls an upper-case macro other than a few well-known
 * ones (which never return from their caller) is not trusted, and a
 * name defined twice in the directory is not trusted either.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "sibling.h"
#include "util.h"

struct defn {
	char *name;
	char *file;		/* the file's name in the directory */
	bool only_zero;
};

static struct {
	char *dir;		/* the directory indexed, or NULL */
	struct { struct defn *items; int count, alloc; } defs;
} index_of_dir;

/* Upper-case macros kernel bodies call that never return for them. */
static const char *const harmless_macros[] = {
	"ALIGN", "ARRAY_SIZE", "BIT", "BIT_ULL", "BUG_ON", "BUILD_BUG_ON",
	"DIV_ROUND_CLOSEST", "DIV_ROUND_UP", "FIELD_GET", "FIELD_PREP",
	"GENMASK", "GENMASK_ULL", "IS_ENABLED", "IS_ERR", "IS_ERR_OR_NULL",
	"PTR_ERR", "READ_ONCE", "WARN", "WARN_ON", "WARN_ON_ONCE",
	"WARN_ONCE", "WRITE_ONCE", NULL,
};

static bool is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Blank comments and string and character literals, keeping newlines. */
static void blank_comments_and_literals(char *s)
{
	char *p = s, quote;

	while (*p) {
		if (p[0] == '/' && p[1] == '*') {
			for (; *p && !(p[0] == '*' && p[1] == '/'); p++)
				if (*p != '\n')
					*p = ' ';
			if (*p)
				p[0] = p[1] = ' ', p += 2;
		} else if (p[0] == '/' && p[1] == '/') {
			for (; *p && *p != '\n'; p++)
				*p = ' ';
		} else if (*p == '"' || *p == '\'') {
			quote = *p++;
			for (; *p && *p != quote && *p != '\n'; p++) {
				if (*p == '\\' && p[1])
					*p++ = ' ';
				*p = ' ';
			}
			if (*p == quote)
				p++;
		} else {
			p++;
		}
	}
}

static bool is_harmless_macro(const char *word, size_t len)
{
	int i;

	for (i = 0; harmless_macros[i]; i++)
		if (strlen(harmless_macros[i]) == len &&
		    !strncmp(harmless_macros[i], word, len))
			return true;
	return false;
}

static bool is_upper_macro(const char *word, size_t len)
{
	bool letter = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (islower((unsigned char)word[i]))
			return false;
		letter |= isupper((unsigned char)word[i]) != 0;
	}
	return letter;
}

static const char *skip_space(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

/* At P, just after "return": is it "return 0;"? */
static bool returns_zero_here(const char *p)
{
	p = skip_space(p);
	if (*p != '0' || is_ident_char(p[1]))
		return false;
	return *skip_space(p + 1) == ';';
}

bool sibling_body_returns_only_zero(const char *text)
{
	const char *p = text;
	int returns = 0;

	while (*p) {
		const char *word = p;
		size_t len;

		if (!is_ident_char(*p)) {
			p++;
			continue;
		}
		while (is_ident_char(*p))
			p++;
		len = p - word;
		if (word > text && is_ident_char(word[-1]))
			continue;
		if (len == 6 && !strncmp(word, "return", 6)) {
			if (!returns_zero_here(p))
				return false;
			returns++;
		} else if (*skip_space(p) == '(' && is_upper_macro(word, len) &&
			   !is_harmless_macro(word, len)) {
			return false;
		}
	}
	return returns > 0;
}

/* The end of the bracketed group that opens at P, or NULL. */
static const char *matching_close(const char *p, char open, char close)
{
	int depth = 0;

	for (; *p; p++) {
		if (*p == open)
			depth++;
		else if (*p == close && --depth == 0)
			return p;
	}
	return NULL;
}

/*
 * LINE starts at column 0: "int [__init ...] NAME(" with no storage
 * class?  Returns the name's length and sets *NAME, or 0.
 */
static size_t int_definition_name(const char *line, const char **name)
{
	const char *p = line, *last = NULL;
	size_t last_len = 0;
	bool is_int = false;

	while (is_ident_char(*p)) {
		const char *word = p;

		while (is_ident_char(*p))
			p++;
		if (last && last_len == 3 && !strncmp(last, "int", 3))
			is_int = true;
		if ((p - word == 6 && (!strncmp(word, "static", 6) ||
				       !strncmp(word, "extern", 6))) ||
		    (p - word == 7 && !strncmp(word, "typedef", 7)))
			return 0;
		last = word;
		last_len = p - word;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	if (*p != '(' || !is_int || !last)
		return 0;
	*name = last;
	return last_len;
}

static void add_definition(const char *file, const char *name, size_t len,
			   bool only_zero)
{
	struct defn d = { xstrndup(name, len), xstrdup(file), only_zero };

	ARRAY_PUSH(index_of_dir.defs, d);
}

/* Every "int NAME(...) { ... }" of TEXT (FILE's, already blanked). */
static void index_text(const char *file, const char *text)
{
	const char *line = text;

	for (; line && *line; line = strchr(line, '\n'), line += !!line) {
		const char *name, *close, *body, *end;
		size_t len = int_definition_name(line, &name);
		char *copy;

		if (!len || !(close = matching_close(name + len, '(', ')')))
			continue;
		body = skip_space(close + 1);
		if (*body != '{' || !(end = matching_close(body, '{', '}')))
			continue;
		copy = xstrndup(body, end - body + 1);
		add_definition(file, name, len,
			       sibling_body_returns_only_zero(copy));
		free(copy);
		line = end;
	}
}

static int compare_defs(const void *a, const void *b)
{
	return strcmp(((const struct defn *)a)->name,
		      ((const struct defn *)b)->name);
}

static void forget_index(void)
{
	int i;

	for (i = 0; i < index_of_dir.defs.count; i++) {
		free(index_of_dir.defs.items[i].name);
		free(index_of_dir.defs.items[i].file);
	}
	free(index_of_dir.defs.items);
	free(index_of_dir.dir);
	memset(&index_of_dir, 0, sizeof(index_of_dir));
}

static void index_file(const char *dir, const char *base)
{
	char *path = xasprintf("%s/%s", dir, base);
	char *text = read_text_file(path);

	if (text) {
		blank_comments_and_literals(text);
		index_text(base, text);
	}
	free(text);
	free(path);
}

static void index_directory(const char *dir)
{
	DIR *d = opendir(*dir ? dir : "/");
	struct dirent *ent;

	forget_index();
	index_of_dir.dir = xstrdup(dir);
	if (!d)
		return;
	while ((ent = readdir(d))) {
		if (!ends_with(ent->d_name, ".c") ||
		    ends_with(ent->d_name, ".mod.c"))
			continue;
		index_file(dir, ent->d_name);
	}
	closedir(d);
	qsort(index_of_dir.defs.items, index_of_dir.defs.count,
	      sizeof(struct defn), compare_defs);
}

/* The one definition of NAME outside the file BASE, or NULL. */
static const struct defn *only_definition(const char *name, const char *base)
{
	const struct defn *found = NULL;
	struct defn key = { (char *)name, NULL, false }, *d;
	int i, n = index_of_dir.defs.count;

	d = bsearch(&key, index_of_dir.defs.items, n, sizeof(struct defn),
		    compare_defs);
	if (!d)
		return NULL;
	for (i = d - index_of_dir.defs.items; i > 0; i--)
		if (strcmp(index_of_dir.defs.items[i - 1].name, name))
			break;
	for (; i < n && !strcmp(index_of_dir.defs.items[i].name, name); i++) {
		if (!strcmp(index_of_dir.defs.items[i].file, base))
			continue;
		if (found)
			return NULL;	/* defined twice: which one links? */
		found = &index_of_dir.defs.items[i];
	}
	return found;
}

bool sibling_returns_only_zero(const char *file, const char *name)
{
	const char *slash = strrchr(file, '/');
	char *dir = slash ? xstrndup(file, slash - file) : xstrdup(".");
	const struct defn *d;

	if (!index_of_dir.dir || strcmp(index_of_dir.dir, dir))
		index_directory(dir);
	free(dir);
	d = only_definition(name, slash ? slash + 1 : file);
	return d && d->only_zero;
}
