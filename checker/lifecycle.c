/*
 * lifecycle.c - run the driver lifecycle rules of one file (see
 * lifecycle.h): explore the functions that change the enable depth, the
 * autosuspend setting or devm enabling, callees first with their own
 * summaries, keep what probe and remove do, and hand each driver to the
 * checks.
 *
 * Deliberately ignores drivers whose probe is not defined in the file,
 * and removes that call a function of another file named like the
 * driver (foo_core_remove(): it may undo what probe did).
 */
#include <stdlib.h>
#include <string.h>

#include "lifecycle.h"
#include "rules.h"
#include "summary.h"
#include "util.h"

struct counter_query {
	const struct rules *rules;
	enum rpm_counter counter;
	const struct summaries *sums;
};

/* Does the call change the counter: a rule, a summarised helper, or a
 * devm action that is one? */
static bool changes_counter(const struct ir_insn *call, void *data)
{
	const struct counter_query *q = data;
	const struct api_rule *r = rules_find(q->rules, call->callee);

	if (!r)
		return summary_exists(q->sums, call->callee);
	if (rule_counter_change(r, q->counter))
		return true;
	return r->callback >= 0 && r->callback < call->nargs &&
	       summary_exists(q->sums, call->args[r->callback].text);
}

static bool touches_counter(const struct ir_func *fn, const struct rules *rules,
			    enum rpm_counter counter,
			    const struct summaries *sums)
{
	struct counter_query q = { rules, counter, sums };

	return ir_find_call(fn, changes_counter, &q) != NULL;
}

/*
 * Explore the file for COUNTER; KEPT[f] gets the probes' and removes'
 * results, which name devices with strings of the summaries: those are
 * returned, to be freed after the results.
 */
static struct summaries *run_counter(const struct engine_ctx *usage_ctx,
				     const struct fe_unit *unit,
				     const int *order,
				     const struct driver_model *dm,
				     enum rpm_counter counter,
				     struct function_result **kept)
{
	struct engine_ctx ctx = *usage_ctx;
	int i;

	ctx.counter = counter;
	ctx.sums = summaries_new();
	for (i = 0; i < unit->count; i++) {
		const struct ir_func *fn = unit->funcs[order[i]];
		struct function_result *res;

		if (!touches_counter(fn, usage_ctx->rules, counter, ctx.sums))
			continue;
		res = engine_run(&ctx, fn);
		summary_record(ctx.sums, res);
		if (dm_is_probe_or_remove(dm, fn->name))
			kept[order[i]] = res;
		else
			engine_result_free(res);
	}
	return ctx.sums;
}

struct reach {
	const struct fe_unit *unit;
	bool *set;
};

static bool mark_callee(const struct ir_insn *call, void *data)
{
	struct reach *r = data;

	unit_mark_reachable(r->unit, fe_unit_find(r->unit, call->callee), r->set);
	return false;
}

void unit_mark_reachable(const struct fe_unit *unit, int from, bool *set)
{
	struct reach r = { unit, set };

	if (from < 0 || set[from])
		return;
	set[from] = true;
	ir_find_call(unit->funcs[from], mark_callee, &r);
}

/* "foo" of "foo_probe": the word drivers prefix their functions with. */
static char *driver_prefix(const char *probe)
{
	const char *us = strchr(probe, '_');

	return us ? xstrndup(probe, us - probe + 1) : xstrdup(probe);
}

/* Does REMOVE (or a helper of it) call a function of another file that
 * shares the driver's prefix and that no rule describes? */
struct sibling_query {
	const struct fe_unit *unit;
	const struct rules *rules;
	const char *prefix;
};

static bool is_foreign_sibling(const struct ir_insn *call, void *data)
{
	const struct sibling_query *q = data;

	return starts_with(call->callee, q->prefix) &&
	       fe_unit_find(q->unit, call->callee) < 0 &&
	       !rules_find(q->rules, call->callee);
}

static bool calls_foreign_sibling(const struct fe_unit *unit,
				  const struct rules *rules, const bool *set,
				  const char *prefix)
{
	struct sibling_query q = { unit, rules, prefix };
	int f;

	for (f = 0; f < unit->count; f++)
		if (set[f] && ir_find_call(unit->funcs[f], is_foreign_sibling, &q))
			return true;
	return false;
}

static void check_driver(const struct engine_ctx *ctx,
			 const struct fe_unit *unit,
			 const struct dm_driver *drv,
			 struct function_result **kept[NCOUNTERS],
			 const struct usage_facts *uf)
{
	struct driver_runs dr = { .drv = drv };
	int probe = fe_unit_find(unit, drv->probe);
	int remove = fe_unit_find(unit, drv->remove);
	bool *tree = xcalloc(unit->count + 1, sizeof(bool));
	char *prefix = driver_prefix(drv->probe);
	int c, f;

	if (probe < 0)
		goto out;
	unit_mark_reachable(unit, remove, tree);
	dr.has_remove = remove >= 0 &&
		!calls_foreign_sibling(unit, ctx->rules, tree, prefix);
	unit_mark_reachable(unit, probe, tree);
	for (f = 0; f < unit->count; f++)
		if (!tree[f] && uf->drops[f])
			dr.drops_elsewhere = true;
	dr.remove_fn = remove >= 0 ? unit->funcs[remove] : NULL;
	for (c = 0; c < NCOUNTERS; c++) {
		dr.probe[c] = kept[c][probe];
		dr.remove[c] = remove >= 0 ? kept[c][remove] : NULL;
	}
	check_lifecycle_driver(&dr);
out:
	free(prefix);
	free(tree);
}

void lifecycle_check(const struct engine_ctx *usage_ctx,
		     const struct fe_unit *unit, const int *order,
		     const struct driver_model *dm,
		     const struct usage_facts *uf)
{
	struct function_result **kept[NCOUNTERS];
	struct summaries *sums[NCOUNTERS];
	int c, i;

	check_callback_deadlock(usage_ctx->rules, unit, dm);
	check_never_enabled(usage_ctx->rules, unit, dm);
	if (!dm->drivers.count)
		return;
	kept[COUNTER_USAGE] = uf->kept;
	for (c = COUNTER_ENABLE; c <= COUNTER_DEVM; c++) {
		kept[c] = xcalloc(unit->count + 1, sizeof(*kept[c]));
		sums[c] = run_counter(usage_ctx, unit, order, dm, c, kept[c]);
	}
	for (i = 0; i < dm->drivers.count; i++)
		check_driver(usage_ctx, unit, &dm->drivers.items[i], kept, uf);
	for (c = COUNTER_ENABLE; c <= COUNTER_DEVM; c++) {
		for (i = 0; i < unit->count; i++)
			engine_result_free(kept[c][i]);
		free(kept[c]);
		summaries_free(sums[c]);
	}
}
