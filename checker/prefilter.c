/*
 * prefilter.c - the text scan that decides whether a file is worth
 * parsing (see prefilter.h).
 *
 * Identifiers are read with a plain scanner that knows comments and
 * string literals only well enough not to take words from them.
 * Deliberately ignores preprocessor conditionals: a name in a disabled
 * #ifdef branch still makes the file worth parsing.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "tree_internal.h"
#include "util.h"

#define NAME_SLOTS 4096

struct prefilter {
	const struct rules *rules;
	char *names[NAME_SLOTS];	/* extra names, open addressing */
	int nnames;
};

static unsigned name_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct prefilter *prefilter_new(const struct rules *rules)
{
	static const char *const extra[] = {
		"__must_hold", "guard", "scoped_guard", "hrtimer_init",
		"hrtimer_setup", NULL,
	};
	struct prefilter *pf = xcalloc(1, sizeof(*pf));
	int i;

	pf->rules = rules;
	for (i = 0; extra[i]; i++)
		prefilter_add_name(pf, extra[i]);
	return pf;
}

void prefilter_free(struct prefilter *pf)
{
	int i;

	if (!pf)
		return;
	for (i = 0; i < NAME_SLOTS; i++)
		free(pf->names[i]);
	free(pf);
}

static bool has_name(const struct prefilter *pf, const char *s, size_t n)
{
	unsigned i = name_hash(s, n) % NAME_SLOTS;

	for (; pf->names[i]; i = (i + 1) % NAME_SLOTS)
		if (strlen(pf->names[i]) == n && !memcmp(pf->names[i], s, n))
			return true;
	return false;
}

void prefilter_add_name(struct prefilter *pf, const char *name)
{
	unsigned i;

	if (pf->nnames >= NAME_SLOTS / 2 || has_name(pf, name, strlen(name)))
		return;
	i = name_hash(name, strlen(name)) % NAME_SLOTS;
	while (pf->names[i])
		i = (i + 1) % NAME_SLOTS;
	pf->names[i] = xstrdup(name);
	pf->nnames++;
}

static bool rule_interesting(const struct api_rule *r)
{
	return r->count || r->ret == RET_ALREADY_ACTIVE ||
	       r->enter != AK_NONE || r->registers != AK_NONE;
}

/*
 * Parts of names that take locks, disable interrupts, preemption or
 * bottom halves, enter RCU, register IRQ handlers, timers and tasklets,
 * or touch runtime PM, whatever wrapper or macro spells them
 * (raw_spin_lock_irqsave, write_lock_bh, devm_request_threaded_irq).
 */
static const char *const stems[] = {
	"pm_runtime_", "spin_lock", "spin_trylock", "read_lock", "write_lock",
	"local_irq", "local_bh", "preempt_disable", "rcu_read_lock",
	"request_irq", "request_threaded_irq", "request_any_context_irq",
	"timer_setup", "hrtimer_", "tasklet_", "irq_save", NULL,
};

static bool has_stem(const char *name)
{
	int i;

	for (i = 0; stems[i]; i++)
		if (strstr(name, stems[i]))
			return true;
	return false;
}

static bool interesting(const struct prefilter *pf, const char *s, size_t n)
{
	const struct api_rule *r;
	char name[128];

	if (n >= sizeof(name))
		return false;
	if (has_name(pf, s, n))
		return true;
	memcpy(name, s, n);
	name[n] = '\0';
	r = rules_find(pf->rules, name);
	return (r && rule_interesting(r)) || has_stem(name);
}

/* Skip a comment or a string/char literal starting at P. */
static const char *skip_non_code(const char *p)
{
	char quote;

	if (p[0] == '/' && p[1] == '*') {
		p = strstr(p + 2, "*/");
		return p ? p + 2 : p + strlen(p);
	}
	if (p[0] == '/' && p[1] == '/')
		return p + strcspn(p, "\n");
	quote = *p++;
	while (*p && *p != quote && *p != '\n')
		p += (*p == '\\' && p[1]) ? 2 : 1;
	return *p ? p + 1 : p;
}

static bool text_wants(const struct prefilter *pf, const char *p)
{
	const char *start;

	while (*p) {
		if ((p[0] == '/' && (p[1] == '*' || p[1] == '/')) ||
		    *p == '"' || *p == '\'') {
			p = skip_non_code(p);
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			start = p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			if (interesting(pf, start, p - start))
				return true;
		} else {
			p++;
		}
	}
	return false;
}

/* Does a header PATH includes with quotes, next to it, want parsing? */
static bool local_headers_want(const struct prefilter *pf, const char *path,
			       const char *text)
{
	const char *slash = strrchr(path, '/'), *p = text, *q;
	int dirlen = slash ? (int)(slash - path) + 1 : 0;
	bool want = false;

	while (!want && (p = strstr(p, "#include \""))) {
		char *name, *header;

		p += 10;
		q = strchr(p, '"');
		if (!q || memchr(p, '\n', q - p))
			continue;
		name = xstrndup(p, q - p);
		header = xasprintf("%.*s%s", dirlen, path, name);
		free(name);
		name = tree_read_text(header);
		free(header);
		want = name && text_wants(pf, name);
		free(name);
	}
	return want;
}

bool prefilter_wants(const struct prefilter *pf, const char *path)
{
	char *text = tree_read_text(path);
	bool want;

	if (!text)
		return true;
	want = text_wants(pf, text) || local_headers_want(pf, path, text);
	free(text);
	return want;
}
