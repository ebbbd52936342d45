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
#include "util.h"

#define NAME_SLOTS 4096

struct prefilter {
	const struct rules *rules;
	char *names[NAME_SLOTS];	/* extra names, open addressing */
	unsigned char bits[NAME_SLOTS];	/* what each one means */
	int nnames;
};

static unsigned name_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* Lock classes of guard() and scoped_guard(): guard(spinlock)(&l). */
static const char *const guard_classes[] = {
	"spinlock", "spinlock_irq", "spinlock_bh", "spinlock_irqsave",
	"spinlock_nested", "raw_spinlock", "raw_spinlock_irq",
	"raw_spinlock_irqsave", "raw_spinlock_nested", "read_lock_irqsave",
	"write_lock_irqsave", "preempt", "preempt_notrace", "rcu", NULL,
};

struct prefilter *prefilter_new(const struct rules *rules)
{
	struct prefilter *pf = xcalloc(1, sizeof(*pf));
	int i;

	pf->rules = rules;
	for (i = 0; guard_classes[i]; i++)
		prefilter_add_name(pf, guard_classes[i], PF_ATOMIC);
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

/* The slot of name S[0..N-1], or of the empty slot where it would go. */
static unsigned name_slot(const struct prefilter *pf, const char *s, size_t n)
{
	unsigned i = name_hash(s, n) % NAME_SLOTS;

	for (; pf->names[i]; i = (i + 1) % NAME_SLOTS)
		if (strlen(pf->names[i]) == n && !memcmp(pf->names[i], s, n))
			break;
	return i;
}

void prefilter_add_name(struct prefilter *pf, const char *name,
			unsigned what)
{
	unsigned i = name_slot(pf, name, strlen(name));

	if (!pf->names[i]) {
		if (pf->nnames >= NAME_SLOTS / 2)
			return;
		pf->names[i] = xstrdup(name);
		pf->nnames++;
	}
	pf->bits[i] |= what;
}

static unsigned rule_bits(const struct api_rule *r)
{
	unsigned what = 0;

	if (r->count || r->ret == RET_ALREADY_ACTIVE)
		what |= PF_RUNTIME_PM;
	if (r->enter != AK_NONE || r->registers != AK_NONE)
		what |= PF_ATOMIC;
	if (r->sleeps || r->gfp_arg >= 0)
		what |= PF_SLEEPS;
	return what;
}

struct stem {
	const char *part;
	unsigned what;
};

/*
 * Parts of names that touch runtime PM; take locks, disable interrupts,
 * preemption or bottom halves, enter RCU, register IRQ handlers, timers
 * and tasklets; or may sleep, whatever wrapper or macro spells them
 * (raw_spin_lock_irqsave, guard(spinlock_irqsave), wait_event_timeout,
 * readl_poll_timeout, get_user).
 */
static const struct stem stems[] = {
	{ "pm_runtime_", PF_RUNTIME_PM | PF_SLEEPS },
	{ "spin_lock", PF_ATOMIC }, { "spin_trylock", PF_ATOMIC },
	{ "read_lock", PF_ATOMIC },
	{ "write_lock", PF_ATOMIC }, { "local_irq", PF_ATOMIC },
	{ "local_bh", PF_ATOMIC }, { "preempt_disable", PF_ATOMIC },
	{ "rcu_read_lock", PF_ATOMIC }, { "irqsave", PF_ATOMIC },
	{ "irq_save", PF_ATOMIC }, { "request_irq", PF_ATOMIC },
	{ "request_threaded_irq", PF_ATOMIC },
	{ "request_any_context_irq", PF_ATOMIC },
	{ "request_percpu_irq", PF_ATOMIC }, { "timer_setup", PF_ATOMIC },
	{ "hrtimer_", PF_ATOMIC }, { "tasklet_", PF_ATOMIC },
	{ "__must_hold", PF_ATOMIC },
	{ "sleep", PF_SLEEPS }, { "wait_event", PF_SLEEPS },
	{ "wait_for_", PF_SLEEPS }, { "poll_timeout", PF_SLEEPS },
	{ "_user", PF_SLEEPS }, { "mutex_", PF_SLEEPS },
	{ "alloc", PF_SLEEPS }, { "schedule", PF_SLEEPS },
	{ "down_", PF_SLEEPS }, { "flush_", PF_SLEEPS },
	{ "_sync", PF_SLEEPS }, { "firmware", PF_SLEEPS },
	{ NULL, 0 },
};

static unsigned stem_bits(const char *name)
{
	unsigned what = 0;
	int i;

	for (i = 0; stems[i].part; i++)
		if (strstr(name, stems[i].part))
			what |= stems[i].what;
	return what;
}

/* What identifier S[0..N-1] may mean for a finding (PF_ bits). */
static unsigned identifier_bits(const struct prefilter *pf, const char *s,
				size_t n)
{
	const struct api_rule *r;
	unsigned what, slot;
	char name[128];

	if (n >= sizeof(name))
		return 0;
	slot = name_slot(pf, s, n);
	what = pf->names[slot] ? pf->bits[slot] : 0;
	memcpy(name, s, n);
	name[n] = '\0';
	r = rules_find(pf->rules, name);
	return what | (r ? rule_bits(r) : 0) | stem_bits(name);
}

/* Runtime PM alone can give a finding; atomic context needs a sleep. */
static bool enough(unsigned what)
{
	return (what & PF_RUNTIME_PM) ||
	       ((what & PF_ATOMIC) && (what & PF_SLEEPS));
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

/* The PF_ bits of every identifier of text P, or-ed into *WHAT. */
static void scan_text(const struct prefilter *pf, const char *p,
		      unsigned *what)
{
	const char *start;

	while (*p && !enough(*what)) {
		if ((p[0] == '/' && (p[1] == '*' || p[1] == '/')) ||
		    *p == '"' || *p == '\'') {
			p = skip_non_code(p);
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			start = p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			*what |= identifier_bits(pf, start, p - start);
		} else {
			p++;
		}
	}
}

/* Scan the headers PATH includes with quotes, next to it, too. */
static void scan_local_headers(const struct prefilter *pf, const char *path,
			       const char *text, unsigned *what)
{
	const char *slash = strrchr(path, '/'), *p = text, *q;
	int dirlen = slash ? (int)(slash - path) + 1 : 0;

	while (!enough(*what) && (p = strstr(p, "#include \""))) {
		char *name, *header;

		p += 10;
		q = strchr(p, '"');
		if (!q || memchr(p, '\n', q - p))
			continue;
		name = xstrndup(p, q - p);
		header = xasprintf("%.*s%s", dirlen, path, name);
		free(name);
		name = read_text_file(header);
		free(header);
		if (name)
			scan_text(pf, name, what);
		free(name);
	}
}

bool prefilter_wants(const struct prefilter *pf, const char *path)
{
	char *text = read_text_file(path);
	unsigned what = 0;

	if (!text)
		return true;
	scan_text(pf, text, &what);
	scan_local_headers(pf, path, text, &what);
	free(text);
	return enough(what);
}
