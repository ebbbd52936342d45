/*
 * idle_pairs.c - move sleep-in-atomic findings that sleep only on an
 * idle device to sleep-in-atomic-if-idle (see idle_pairs.h).
 *
 * A function is a pair when its first call that changes the count
 * raises it, its last one drops it, and every path returns with the
 * count as it found it.  A function keeps a reference beyond its call
 * when a successful return holds one and it is not a get helper: some
 * function of the file that calls it is no pair, or nothing in the file
 * calls it (a callback: the framework calls it, another callback drops
 * what it kept).  Deliberately ignores paths through helpers whose change
 * depends on their arguments (tainted: the count is unknown there) and
 * functions whose analysis hit the budget.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "engine_internal.h"
#include "idle_pairs.h"
#include "summary.h"
#include "util.h"

struct keeper {
	char *fn;
	struct ir_loc get;	/* the get the kept reference came from */
};

struct deferred {
	char *file;
	struct ir_loc loc;
	char **fns;
	int nfns;
};

struct idle_pairs {
	struct { char **items; int count, alloc; } pairs;
	struct { struct keeper *items; int count, alloc; } keepers;
	struct { struct deferred *items; int count, alloc; } found;
};

struct idle_pairs *idle_pairs_new(void)
{
	return xcalloc(1, sizeof(struct idle_pairs));
}

void idle_pairs_free(struct idle_pairs *ip)
{
	int i, k;

	if (!ip)
		return;
	for (i = 0; i < ip->pairs.count; i++)
		free(ip->pairs.items[i]);
	for (i = 0; i < ip->keepers.count; i++)
		free(ip->keepers.items[i].fn);
	for (i = 0; i < ip->found.count; i++) {
		for (k = 0; k < ip->found.items[i].nfns; k++)
			free(ip->found.items[i].fns[k]);
		free(ip->found.items[i].fns);
		free(ip->found.items[i].file);
	}
	free(ip->pairs.items);
	free(ip->keepers.items);
	free(ip->found.items);
	free(ip);
}

static bool successful(const struct exit_state *x)
{
	return x->kind != RK_ERROR && x->kind != RK_NONZERO &&
	       x->kind != RK_NULL && x->kind != RK_FALSE;
}

static const struct event *last_get(const struct state *st)
{
	const struct event *ev;

	for (ev = st->trail; ev; ev = ev->prev)
		if (ev->kind == EV_GET)
			return ev;
	return NULL;
}

/* The successful exit of RES that keeps a reference, or NULL. */
static const struct exit_state *keeping_exit(const struct function_result *res)
{
	int i;

	for (i = 0; i < res->nexits; i++) {
		const struct exit_state *x = &res->exits[i];

		if (x->st.delta > 0 && !(x->st.flags & ST_TAINTED) &&
		    successful(x) && last_get(&x->st))
			return x;
	}
	return NULL;
}

/* The first and the last call of a function that change the count. */
struct change_scan {
	const struct engine_ctx *ctx;
	const struct ir_insn *first, *last;
	int first_dir, last_dir;
};

/* +1 when IN may raise the count, -1 when it may drop it, else 0. */
static int change_of(const struct engine_ctx *ctx, const struct ir_insn *in)
{
	const struct api_rule *r = rules_find(ctx->rules, in->callee);

	if (r)
		return r->count > 0 ? 1 : r->count < 0 ? -1 : 0;
	if (!ctx->sums || !engine_local_function(ctx, in->callee))
		return 0;
	if (summary_may_change(ctx->sums, in->callee, 1))
		return 1;
	return summary_may_change(ctx->sums, in->callee, -1) ? -1 : 0;
}

static bool before(struct ir_loc a, struct ir_loc b)
{
	return a.line < b.line || (a.line == b.line && a.col < b.col);
}

static bool scan_change(const struct ir_insn *in, void *data)
{
	struct change_scan *cs = data;
	int dir = change_of(cs->ctx, in);

	if (!dir)
		return false;
	if (!cs->first || before(in->loc, cs->first->loc)) {
		cs->first = in;
		cs->first_dir = dir;
	}
	if (!cs->last || before(cs->last->loc, in->loc)) {
		cs->last = in;
		cs->last_dir = dir;
	}
	return false;
}

/*
 * Does RES's function take and drop a reference, ending every path
 * where it started?  Its first call that changes the count raises it,
 * its last one drops it, and no path ends with a changed count.  Paths
 * through a helper whose change depends on its arguments
 * (serial8250_rpm_get(): only for UART_CAP_RPM) are tainted, their
 * count unknown: they do not count against it.
 */
static bool is_pair(const struct engine_ctx *ctx,
		    const struct function_result *res)
{
	struct change_scan cs = { ctx, NULL, NULL, 0, 0 };
	int i;

	if (res->budget_hit || !res->nexits)
		return false;
	for (i = 0; i < res->nexits; i++)
		if (res->exits[i].st.delta != 0 &&
		    !(res->exits[i].st.flags & ST_TAINTED))
			return false;
	ir_find_call(res->fn, scan_change, &cs);
	return cs.first_dir > 0 && cs.last_dir < 0;
}

void idle_pairs_note_function(struct idle_pairs *ip,
			      const struct engine_ctx *ctx,
			      const struct function_result *res)
{
	const struct exit_state *x;
	struct keeper k;

	if (!ip)
		return;
	if (is_pair(ctx, res))
		ARRAY_PUSH(ip->pairs, xstrdup(res->fn->name));
	if (!res->budget_hit && (x = keeping_exit(res))) {
		k.fn = xstrdup(res->fn->name);
		k.get = last_get(&x->st)->loc;
		ARRAY_PUSH(ip->keepers, k);
	}
}

void idle_pairs_defer(struct idle_pairs *ip, const char *file,
		      struct ir_loc loc, const char *const *fns, int nfns)
{
	struct deferred d = { NULL, loc, NULL, nfns };
	int i;

	if (!ip)
		return;
	d.file = xstrdup(file);
	d.fns = xcalloc(nfns + 1, sizeof(char *));
	for (i = 0; i < nfns; i++)
		d.fns[i] = xstrdup(fns[i]);
	ARRAY_PUSH(ip->found, d);
}

static bool listed(char *const *names, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

static bool calls_name(const struct ir_insn *in, void *data)
{
	return !strcmp(in->callee, data);
}

/*
 * A get helper (serial8250_rpm_get()) returns holding a reference for
 * its callers to drop: is every function of the file that calls NAME a
 * pair?  (Then NAME keeps nothing beyond them.)
 */
static bool only_pairs_call(const struct idle_pairs *ip,
			    const struct fe_unit *unit, const char *name)
{
	const struct ir_func *fn;
	bool called = false;
	int f;

	for (f = 0; f < unit->count; f++) {
		fn = unit->funcs[f];
		if (!ir_find_call(fn, calls_name, (void *)name))
			continue;
		if (!listed(ip->pairs.items, ip->pairs.count, fn->name))
			return false;
		called = true;
	}
	return called;
}

/* A function outside D's chain that keeps a reference, or NULL. */
static const struct keeper *keeper_for(const struct idle_pairs *ip,
				       const struct fe_unit *unit,
				       const struct deferred *d)
{
	int i;

	for (i = 0; i < ip->keepers.count; i++) {
		const struct keeper *k = &ip->keepers.items[i];

		if (!listed(d->fns, d->nfns, k->fn) &&
		    !only_pairs_call(ip, unit, k->fn))
			return k;
	}
	return NULL;
}

/* The first function of D's chain that is a pair, or NULL. */
static const char *pair_in_chain(const struct idle_pairs *ip,
				 const struct deferred *d)
{
	int i;

	for (i = 0; i < d->nfns; i++)
		if (listed(ip->pairs.items, ip->pairs.count, d->fns[i]))
			return d->fns[i];
	return NULL;
}

void idle_pairs_settle(struct idle_pairs *ip, const struct fe_unit *unit)
{
	const struct keeper *k;
	const char *pair;
	char *note;
	int i;

	for (i = 0; ip && i < ip->found.count; i++) {
		const struct deferred *d = &ip->found.items[i];

		pair = pair_in_chain(ip, d);
		k = pair ? keeper_for(ip, unit, d) : NULL;
		if (!k)
			continue;
		note = xasprintf("'%s' takes and drops its own reference, and '%s' returns keeping one (taken here): while that is held the device is active and this does not sleep",
				 pair, k->fn);
		diag_move(d->file, d->loc, "sleep-in-atomic",
			  "sleep-in-atomic-if-idle", k->get, note);
		free(note);
	}
}
