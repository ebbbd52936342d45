/*
 * xfile.c - cross-file facts to and from the database (see xfile.h).
 *
 * Fact data formats:
 *   rpm    summary_export()'s text
 *   sleep  "LINE CALLEE DISPLAY": it may sleep through CALLEE at LINE of
 *          DISPLAY, the file as its run named it
 *   entry  "KIND LINE BY DISPLAY": registered by BY at LINE of DISPLAY
 *   unlock "API": it only releases a lock, through API (spin_unlock_bh)
 * Deliberately ignores indirect calls and registrations of anything but
 * a plain function name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xfile.h"
#include "util.h"

struct candidates {
	const char *file;	/* the importing file */
	char *same_dir;		/* data from a file in its directory */
	char *only;		/* data all other files agree on */
	bool disagree;
};

static bool same_directory(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');

	return sa && sb && sa - a == sb - b && !strncmp(a, b, sa - a);
}

static void take_candidate(const char *file, const char *data, void *arg)
{
	struct candidates *c = arg;

	if (same_directory(file, c->file) && !c->same_dir)
		c->same_dir = xstrdup(data);
	if (!c->only)
		c->only = xstrdup(data);
	else if (strcmp(c->only, data))
		c->disagree = true;
}

/* The one believable fact of KIND about FUNC, or NULL; caller frees. */
static char *believed_fact(struct db *db, const char *file, const char *func,
			   const char *kind)
{
	struct candidates c = { .file = file };
	char *data;

	db_lookup(db, func, kind, file, take_candidate, &c);
	if (c.same_dir) {
		free(c.only);
		return c.same_dir;
	}
	data = c.disagree ? NULL : c.only;
	if (!data)
		free(c.only);
	return data;
}

static void import_sleeper(struct xfacts *xf, const char *name, const char *data)
{
	unsigned line;
	char callee[128], display[1024];

	if (sscanf(data, "%u %127s %1023s", &line, callee, display) != 3)
		return;
	ARRAY_PUSH(xf->sleeper, xstrdup(name));
	ARRAY_PUSH(xf->sleeper_note,
		   xasprintf("'%s' may sleep: it calls '%s' at %s:%u", name,
			     callee, display, line));
}

struct asked {
	const char **items;
	int count, alloc;
};

/* Has NAME been looked up already?  Marks it when not. */
static bool already_asked(struct asked *a, const char *name)
{
	int i;

	for (i = 0; i < a->count; i++)
		if (!strcmp(a->items[i], name))
			return true;
	ARRAY_PUSH(*a, name);
	return false;
}

static void import_callee(struct db *db, const char *file,
			  struct summaries *sums, struct xfacts *xf,
			  const char *name)
{
	char *data;

	if (summary_exists(sums, name))
		return;
	if ((data = believed_fact(db, file, name, "rpm"))) {
		summary_import(sums, name, data);
		free(data);
	}
	if ((data = believed_fact(db, file, name, "sleep"))) {
		import_sleeper(xf, name, data);
		free(data);
	}
	if ((data = believed_fact(db, file, name, "unlock"))) {
		ARRAY_PUSH(xf->unlocker, xstrdup(name));
		ARRAY_PUSH(xf->unlocker_api, data);
	}
}

static void import_entry(struct xfacts *xf, const char *name, const char *data)
{
	struct atomic_entry e = { 0 };
	unsigned line;
	char kind[32], by[128], display[1024];

	if (sscanf(data, "%31s %u %127s %1023s", kind, &line, by, display) != 4)
		return;
	e.kind = atomic_kind_of_word(kind);
	if (!atomic_is_entry(e.kind))
		return;
	e.fn = xstrdup(name);
	e.by = xstrdup(by);
	e.where = xasprintf("%s:%u", display, line);
	ARRAY_PUSH(xf->entry, e);
}

void xfile_import(struct db *db, const char *file, const struct fe_unit *unit,
		  const struct rules *rules, struct summaries *sums,
		  struct xfacts *xf)
{
	struct asked asked = { 0 };
	int f, b, i;
	char *data;

	for (f = 0; f < unit->count; f++) {
		const struct ir_func *fn = unit->funcs[f];

		if (!fn->is_static &&
		    (data = believed_fact(db, file, fn->name, "entry"))) {
			import_entry(xf, fn->name, data);
			free(data);
		}
		for (b = 0; b < fn->nblocks; b++)
			for (i = 0; i < fn->blocks[b].ninsns; i++) {
				const struct ir_insn *in = &fn->blocks[b].insns[i];

				if (in->kind == IR_CALL && in->callee &&
				    !rules_find(rules, in->callee) &&
				    fe_unit_find(unit, in->callee) < 0 &&
				    !already_asked(&asked, in->callee))
					import_callee(db, file, sums, xf,
						      in->callee);
			}
	}
	free(asked.items);
}

void xfacts_free(struct xfacts *xf)
{
	int i;

	for (i = 0; i < xf->sleeper.count; i++) {
		free(xf->sleeper.items[i]);
		free(xf->sleeper_note.items[i]);
	}
	for (i = 0; i < xf->entry.count; i++) {
		free((char *)xf->entry.items[i].fn);
		free((char *)xf->entry.items[i].by);
		free((char *)xf->entry.items[i].where);
	}
	for (i = 0; i < xf->unlocker.count; i++) {
		free(xf->unlocker.items[i]);
		free(xf->unlocker_api.items[i]);
	}
	free(xf->sleeper.items);
	free(xf->sleeper_note.items);
	free(xf->entry.items);
	free(xf->unlocker.items);
	free(xf->unlocker_api.items);
	memset(xf, 0, sizeof(*xf));
}

/* ---- export ---- */

struct export {
	const struct fe_unit *unit;
	const struct file_context *fc;
	const char *display;
	struct { struct db_fact *items; int count, alloc; } facts;
};

static void add_fact(struct export *x, const char *func, const char *kind,
		     char *data)
{
	struct db_fact f = { xstrdup(func), kind, data };

	ARRAY_PUSH(x->facts, f);
}

static bool exported(const char *name, void *data)
{
	const struct export *x = data;
	int f = fe_unit_find(x->unit, name);

	return f >= 0 && !x->unit->funcs[f]->is_static;
}

static void add_summary(const char *name, const char *text, void *data)
{
	add_fact(data, name, "rpm", xstrdup(text));
}

static void add_entry(const struct atomic_entry *e, void *data)
{
	struct export *x = data;

	add_fact(x, e->fn, "entry",
		 xasprintf("%s %u %s %s", atomic_kind_word(e->kind),
			   e->loc.line, e->by, x->display));
}

static void add_sleepers(struct export *x)
{
	const struct ir_insn *via;
	int i;

	for (i = 0; i < x->unit->count; i++) {
		const struct ir_func *fn = x->unit->funcs[i];

		if (fn->is_static ||
		    !(via = context_sleeps_always_via(x->fc, fn->name)))
			continue;
		add_fact(x, fn->name, "sleep",
			 xasprintf("%u %s %s", via->loc.line,
				   context_api_name(x->fc, via->callee),
				   x->display));
	}
}

static void add_unlockers(struct export *x)
{
	const struct api_rule *r;
	int i;

	for (i = 0; i < x->unit->count; i++) {
		const struct ir_func *fn = x->unit->funcs[i];

		if (!fn->is_static &&
		    (r = context_unlock_rule(x->fc, fn->name)))
			add_fact(x, fn->name, "unlock", xstrdup(r->name));
	}
}

bool xfile_export(struct db *db, const char *file, const char *display,
		  const struct fe_unit *unit, const struct summaries *sums,
		  const struct file_context *fc)
{
	struct export x = { .unit = unit, .fc = fc, .display = display };
	char *stamp = db_stamp_of(file);
	bool ok;
	int i;

	summary_export(sums, exported, add_summary, &x);
	add_sleepers(&x);
	add_unlockers(&x);
	context_foreign_entries(fc, add_entry, &x);
	ok = stamp && db_replace_file(db, file, stamp, x.facts.items,
				      x.facts.count);
	for (i = 0; i < x.facts.count; i++) {
		free((char *)x.facts.items[i].func);
		free((char *)x.facts.items[i].data);
	}
	free(x.facts.items);
	free(stamp);
	return ok;
}
