/*
 * util.h - small helpers shared by every stage: checked allocation,
 * string duplication and a growable array macro.
 *
 * Deliberately ignores allocation failure recovery: rpmcheck is a
 * short-lived command-line tool, so running out of memory ends it with
 * a one-line error and exit status 2.
 */
#ifndef RPMCHECK_UTIL_H
#define RPMCHECK_UTIL_H

#include <stddef.h>
#include <stdbool.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
#include <stdarg.h>
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);
bool starts_with(const char *s, const char *prefix);
bool ends_with(const char *s, const char *suffix);
void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* The whole text of file PATH, NUL-terminated, or NULL (errno set). */
char *read_text_file(const char *path);
/* qsort() comparator for an array of strings. */
int compare_strings(const void *a, const void *b);

/* A growable array: struct { T *items; int count, alloc; } */
#define ARRAY_PUSH(arr, item)						\
	do {								\
		if ((arr).count == (arr).alloc) {			\
			(arr).alloc = (arr).alloc ? 2 * (arr).alloc : 8; \
			(arr).items = xrealloc((arr).items,		\
				(arr).alloc * sizeof(*(arr).items));	\
		}							\
		(arr).items[(arr).count++] = (item);			\
	} while (0)

/* A growable list of strings the list owns. */
struct strlist {
	char **items;
	int count, alloc;
};

void strlist_free(struct strlist *l);

#endif
