/*
 * diag.c - collect, de-duplicate, sort and print warnings (see diag.h).
 *
 * Deliberately ignores output buffering concerns: everything of one
 * file is printed at once by diag_flush(), so parallel runs of rpmcheck
 * (make -j) do not interleave a warning with its notes.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

const char *const diag_rule_names[] = {
	"rpm-leak",
	"rpm-underflow",
	"rpm-get-sync-ret",
	"sleep-in-atomic",
	"rpm-enable-imbalance",
	"rpm-callback-deadlock",
	"rpm-never-enabled",
	"sleep-in-atomic-if-idle",
	NULL,
};

/* Rules that are off until -WRULE turns them on. */
static const char *const opt_in_rules[] = {
	"sleep-in-atomic-if-idle",
	NULL,
};

#define NRULES (sizeof(diag_rule_names) / sizeof(diag_rule_names[0]) - 1)

static bool rule_off[NRULES];
static bool rule_set[NRULES];	/* switched by -W or -Wno- */
static int rule_total[NRULES];

struct note {
	struct ir_loc loc;
	char *msg;
};

struct diag {
	int rule;
	char *file;
	struct ir_loc loc;
	char *msg;
	struct { struct note *items; int count, alloc; } notes;
	int seq;
};

static struct { struct diag **items; int count, alloc; } pending;

static int rule_index(const char *name)
{
	unsigned i;

	for (i = 0; i < NRULES; i++)
		if (strcmp(diag_rule_names[i], name) == 0)
			return (int)i;
	return -1;
}

bool diag_is_rule(const char *name)
{
	return rule_index(name) >= 0;
}

void diag_enable(const char *name, bool on)
{
	int i = rule_index(name);

	if (i >= 0) {
		rule_off[i] = !on;
		rule_set[i] = true;
	}
}

static bool is_off(int r)
{
	int i;

	if (rule_set[r])
		return rule_off[r];
	for (i = 0; opt_in_rules[i]; i++)
		if (!strcmp(opt_in_rules[i], diag_rule_names[r]))
			return true;
	return false;
}

bool diag_enabled(const char *name)
{
	int i = rule_index(name);

	return i >= 0 && !is_off(i);
}

bool diag_opt_in(const char *name)
{
	int i;

	for (i = 0; opt_in_rules[i]; i++)
		if (!strcmp(opt_in_rules[i], name))
			return true;
	return false;
}

struct diag *diag_warn(const char *rule, const char *file, struct ir_loc loc,
		       const char *fmt, ...)
{
	int r = rule_index(rule), i;
	struct diag *d;
	va_list ap;

	if (r < 0 || is_off(r))
		return NULL;
	for (i = 0; i < pending.count; i++) {
		d = pending.items[i];
		if (d->rule == r && d->loc.line == loc.line &&
		    d->loc.col == loc.col && strcmp(d->file, file) == 0)
			return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->rule = r;
	d->file = xstrdup(file);
	d->loc = loc;
	d->seq = pending.count;
	va_start(ap, fmt);
	d->msg = xvasprintf(fmt, ap);
	va_end(ap);
	ARRAY_PUSH(pending, d);
	return d;
}

void diag_note(struct diag *d, struct ir_loc loc, const char *fmt, ...)
{
	struct note n;
	va_list ap;

	if (!d)
		return;
	n.loc = loc;
	va_start(ap, fmt);
	n.msg = xvasprintf(fmt, ap);
	va_end(ap);
	ARRAY_PUSH(d->notes, n);
}

static int by_position(const void *a, const void *b)
{
	const struct diag *x = *(struct diag *const *)a;
	const struct diag *y = *(struct diag *const *)b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	if (x->loc.col != y->loc.col)
		return x->loc.col < y->loc.col ? -1 : 1;
	return x->seq - y->seq;
}

static void print_diag(FILE *out, const struct diag *d)
{
	int i;

	fprintf(out, "%s:%u:%u: warning: %s [-W%s]\n", d->file, d->loc.line,
		d->loc.col, d->msg, diag_rule_names[d->rule]);
	for (i = 0; i < d->notes.count; i++)
		fprintf(out, "%s:%u:%u: note: %s\n", d->file,
			d->notes.items[i].loc.line, d->notes.items[i].loc.col,
			d->notes.items[i].msg);
}

static void free_diag(struct diag *d)
{
	int i;

	for (i = 0; i < d->notes.count; i++)
		free(d->notes.items[i].msg);
	free(d->notes.items);
	free(d->msg);
	free(d->file);
	free(d);
}

void diag_retract(const char *rule, const char *prefix)
{
	int r = rule_index(rule), i, kept = 0;

	for (i = 0; i < pending.count; i++) {
		struct diag *d = pending.items[i];

		if (d->rule == r && starts_with(d->msg, prefix))
			free_diag(d);
		else
			pending.items[kept++] = d;
	}
	pending.count = kept;
}

static struct diag *pending_at(int rule, const char *file, struct ir_loc loc,
			       int *index)
{
	int i;

	for (i = 0; i < pending.count; i++) {
		struct diag *d = pending.items[i];

		if (d->rule == rule && d->loc.line == loc.line &&
		    d->loc.col == loc.col && strcmp(d->file, file) == 0) {
			*index = i;
			return d;
		}
	}
	return NULL;
}

void diag_move(const char *file, struct ir_loc loc, const char *from,
	       const char *to, struct ir_loc note_loc, const char *note)
{
	int f = rule_index(from), t = rule_index(to), i, j;
	struct diag *d = f < 0 || t < 0 ? NULL : pending_at(f, file, loc, &i);

	if (!d)
		return;
	if (is_off(t) || pending_at(t, file, loc, &j)) {
		free_diag(d);
		pending.items[i] = pending.items[--pending.count];
		return;
	}
	d->rule = t;
	diag_note(d, note_loc, "%s", note);
}

int diag_flush(FILE *out)
{
	int i, n = pending.count;

	qsort(pending.items, n, sizeof(*pending.items), by_position);
	for (i = 0; i < n; i++) {
		print_diag(out, pending.items[i]);
		rule_total[pending.items[i]->rule]++;
		free_diag(pending.items[i]);
	}
	fflush(out);
	pending.count = 0;
	return n;
}

int diag_total(const char *rule)
{
	int r, sum = 0;

	if (rule) {
		r = rule_index(rule);
		return r < 0 ? 0 : rule_total[r];
	}
	for (r = 0; r < (int)NRULES; r++)
		sum += rule_total[r];
	return sum;
}

void diag_remark(const char *file, struct ir_loc loc, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%u:%u: note: ", file, loc.line, loc.col);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
