/*
 * check_lifecycle.c - rules rpm-enable-imbalance and the probe/remove
 * part of rpm-leak, judged on one driver's probe and remove (the exit
 * states of every counter, lifecycle.h).
 *
 *  - probe returns an error with runtime PM still enabled, or with
 *    autosuspend still in use (not when devm_pm_runtime_enable() is used:
 *    its unbind action undoes autosuspend too);
 *  - probe succeeds with runtime PM enabled (autosuspend in use) on every
 *    success path and remove never disables it (never stops using it);
 *  - probe enabled it with devm_pm_runtime_enable() and remove disables
 *    it again: it is disabled twice at unbind;
 *  - probe keeps a usage count on every success path and remove never
 *    drops it, or remove takes one on every path and never drops it.
 *
 * Deliberately ignores drivers without a remove function (built-in
 * drivers that cannot be unbound often have none), probes whose success
 * paths disagree, tainted paths (a helper with an unknown effect), and,
 * for the usage count, files where some other function drops a count
 * (the reference probe keeps may be dropped by a worker or callback).
 */
#include <stdbool.h>
#include <stdlib.h>

#include "checks.h"
#include "lifecycle.h"

static bool is_error(const struct exit_state *x)
{
	return x->kind == RK_ERROR || x->kind == RK_NONZERO;
}

/* A return of 0, or of a value not known to be an error ("return
 * devm_foo_register(...)" at the end of probe). */
static bool is_success(const struct exit_state *x)
{
	return x->kind == RK_ZERO || x->kind == RK_VOID || x->kind == RK_OTHER;
}

/*
 * The change every success exit of RES makes (no result: the function
 * never changes the counter).  False when two disagree, one is tainted
 * or the exploration was cut short.
 */
static bool success_delta(const struct function_result *res, int *delta)
{
	bool seen = false;
	int i;

	*delta = 0;
	if (!res)
		return true;
	if (res->budget_hit)
		return false;
	for (i = 0; i < res->nexits; i++) {
		const struct exit_state *x = &res->exits[i];

		if (!is_success(x))
			continue;
		if (x->st.flags & (ST_TAINTED | ST_OWNER_KEPT))
			return false;
		if (seen && x->st.delta != *delta)
			return false;
		*delta = x->st.delta;
		seen = true;
	}
	return seen;
}

/* The same over every exit (a remove function). */
static bool every_exit_delta(const struct function_result *res, int *delta)
{
	int i;

	*delta = 0;
	if (!res)
		return true;
	if (res->budget_hit || !res->nexits)
		return false;
	for (i = 0; i < res->nexits; i++) {
		const struct exit_state *x = &res->exits[i];

		if ((x->st.flags & ST_TAINTED) ||
		    (i && x->st.delta != *delta))
			return false;
		*delta = x->st.delta;
	}
	return true;
}

static const struct event *first_success_change(const struct function_result *res)
{
	int i;

	for (i = 0; res && i < res->nexits; i++)
		if (is_success(&res->exits[i]))
			return trail_unmatched_get(res->exits[i].st.trail);
	return NULL;
}

static void note_change(struct diag *d, const struct event *ev,
			const char *what)
{
	if (ev)
		diag_note(d, ev->loc, "'%s' %s here", ev->what, what);
}

/*
 * Probe error exits that leave COUNTER raised, except at the DONE
 * blocks (already reported); returns the new number of DONE blocks.
 */
static int probe_error_paths(const struct driver_runs *dr, int counter,
			      const char *state, const char *what,
			      const struct ir_block **done, int ndone)
{
	const struct function_result *res = dr->probe[counter];
	int i, j;

	for (i = 0; res && i < res->nexits; i++) {
		const struct exit_state *x = &res->exits[i];
		const struct event *ev;
		struct diag *d;

		if (!is_error(x) || x->st.delta <= 0 ||
		    (x->st.flags & (ST_TAINTED | ST_OWNER_KEPT)))
			continue;
		for (j = 0; j < ndone && done[j] != x->block; j++)
			;
		if (j < ndone)
			continue;
		ev = trail_unmatched_get(x->st.trail);
		d = diag_warn("rpm-enable-imbalance", res->fn->file,
			      x->block->loc,
			      "'%s' returns an error with %s of '%s' still %s",
			      res->fn->name, state, event_dev(ev),
			      counter == COUNTER_ENABLE ? "enabled" : "in use");
		if (!d)
			continue;
		note_change(d, ev, what);
		note_path_after(d, x->st.trail, ev);
		if (ndone < 64)
			done[ndone++] = x->block;
	}
	return ndone;
}

/* Does probe leave COUNTER raised on success, and remove never lower
 * it?  *EV gets the probe's change. */
static bool left_by_remove(const struct driver_runs *dr, int counter,
			   const struct event **ev)
{
	int kept, undone;

	*ev = first_success_change(dr->probe[counter]);
	return dr->has_remove && *ev &&
	       success_delta(dr->probe[counter], &kept) && kept > 0 &&
	       every_exit_delta(dr->remove[counter], &undone) && undone == 0;
}

/* One warning for what remove leaves of probe's enable and autosuspend. */
static void remove_not_undoing(const struct driver_runs *dr)
{
	const struct event *en, *as;
	bool no_disable = left_by_remove(dr, COUNTER_ENABLE, &en);
	bool no_autosuspend = !dr->probe[COUNTER_DEVM] &&
			      left_by_remove(dr, COUNTER_AUTOSUSPEND, &as);
	struct diag *d;

	if (!no_disable && !no_autosuspend)
		return;
	d = diag_warn("rpm-enable-imbalance", dr->remove_fn->file,
		      dr->remove_fn->loc,
		      "'%s' never calls %s%s%s for '%s': '%s' left it %s",
		      dr->remove_fn->name,
		      no_disable ? "pm_runtime_disable()" : "",
		      no_disable && no_autosuspend ? " nor " : "",
		      no_autosuspend ? "pm_runtime_dont_use_autosuspend()" : "",
		      event_dev(no_disable ? en : as), dr->drv->probe,
		      no_disable && no_autosuspend ?
		      "enabled with autosuspend in use" :
		      no_disable ? "enabled" : "using autosuspend");
	if (no_disable)
		note_change(d, en, "enables runtime PM");
	if (no_autosuspend)
		note_change(d, as, "turns autosuspend on");
}

/* devm_pm_runtime_enable() in probe, pm_runtime_disable() in remove. */
static void disabled_twice(const struct driver_runs *dr)
{
	const struct function_result *remove = dr->remove[COUNTER_ENABLE];
	const struct event *devm = first_success_change(dr->probe[COUNTER_DEVM]);
	int kept, i;

	if (!success_delta(dr->probe[COUNTER_DEVM], &kept) || kept <= 0 ||
	    !remove)
		return;
	for (i = 0; i < remove->nexits; i++) {
		const struct exit_state *x = &remove->exits[i];
		const struct event *put = trail_last(x->st.trail, EV_PUT);
		struct diag *d;

		if (x->st.delta >= 0 || !put || (x->st.flags & ST_TAINTED))
			continue;
		d = diag_warn("rpm-enable-imbalance", remove->fn->file, put->loc,
			      "'%s' disables runtime PM of '%s' that '%s' enabled with devm_pm_runtime_enable(): it is disabled twice at unbind",
			      remove->fn->name, event_dev(put), dr->drv->probe);
		note_change(d, devm, "enables runtime PM until unbind");
		return;
	}
}

/* The usage count: what probe keeps plus what remove does must be 0. */
static void usage_across_probe_remove(const struct driver_runs *dr)
{
	const struct function_result *probe = dr->probe[COUNTER_USAGE];
	const struct function_result *remove = dr->remove[COUNTER_USAGE];
	const struct event *ev;
	int kept, undone;
	struct diag *d;

	if (!dr->has_remove || !success_delta(probe, &kept) || kept < 0 ||
	    !every_exit_delta(remove, &undone) || kept + undone <= 0)
		return;
	if (kept > 0 && undone == 0 && !dr->drops_elsewhere) {
		ev = first_success_change(probe);
		d = diag_warn("rpm-leak", dr->remove_fn->file,
			      dr->remove_fn->loc,
			      "'%s' never drops the runtime PM usage count of '%s' that '%s' keeps on success",
			      dr->remove_fn->name, event_dev(ev), probe->fn->name);
		note_get(d, ev);
		return;
	}
	if (kept == 0 && undone > 0 && remove->nexits) {
		const struct exit_state *x = &remove->exits[0];

		ev = trail_unmatched_get(x->st.trail);
		d = diag_warn("rpm-leak", remove->fn->file, x->block->loc,
			      "'%s' returns with the runtime PM usage count of '%s' raised: nothing drops it after the driver is unbound",
			      remove->fn->name, event_dev(ev));
		note_get(d, ev);
		note_path_after(d, x->st.trail, ev);
	}
}

void check_lifecycle_driver(const struct driver_runs *dr)
{
	const struct ir_block *done[64];
	int ndone;

	ndone = probe_error_paths(dr, COUNTER_ENABLE, "runtime PM",
				  "enables runtime PM", done, 0);
	remove_not_undoing(dr);
	disabled_twice(dr);
	if (!dr->probe[COUNTER_DEVM])
		probe_error_paths(dr, COUNTER_AUTOSUSPEND, "autosuspend",
				  "turns autosuspend on", done, ndone);
	usage_across_probe_remove(dr);
}
