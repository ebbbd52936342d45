/*
 * check_rpm_leak.c - rule rpm-leak: a function returns with a runtime
 * PM usage count raised when its own convention says it should not.
 *
 * Two findings, both judged on the function's exit states:
 *  - an error return (negative errno, ERR_PTR, a value that an
 *    "if (ret)" test found non-zero, or NULL / false when other exits
 *    return something else) with the count raised;
 *  - the inconsistent pair: two return statements of the same kind (both
 *    void, both returning 0) where one still holds a reference and the
 *    other took one and dropped it again outside any error handling.
 *    A function that keeps its reference on success and drops it only
 *    on its error paths (an ->enable() paired with a ->disable(), a
 *    worker whose interrupt handler puts) is following a convention,
 *    not leaking.
 *
 * One warning per reference kept, at one of the returns that keep it
 * (the first that passes on a call's error, else the first in the
 * source); the others are notes.
 *
 * Deliberately ignores references the object owns (ownership.c: a
 * flag or bit recording them, a worker or release callback handed
 * them, a device ended on the path),
 * functions that only take references on success
 * (foo_pm_get() helpers: their summary is used by callers instead),
 * error returns of a callback the framework undoes after it fails
 * (mailbox ->startup, then ->shutdown) when the undo puts, restart
 * handlers, tainted paths (a helper with an unknown effect), exits whose value
 * cannot be classified, and system sleep callbacks that keep their
 * reference on success as well as on failure.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "driver_model.h"
#include "util.h"

static bool has_other_exit(const struct function_result *res,
			   enum ret_kind kind)
{
	int i;

	for (i = 0; i < res->nexits; i++)
		if (res->exits[i].kind != kind && res->exits[i].kind != RK_ERROR)
			return true;
	return false;
}

static bool is_error_exit(const struct function_result *res,
			  const struct exit_state *x)
{
	if (x->kind == RK_ERROR)
		return true;
	if (x->kind == RK_NONZERO)
		return true;
	if (x->kind == RK_NULL || x->kind == RK_FALSE)
		return has_other_exit(res, x->kind);
	return false;
}

static bool has_balanced_twin(const struct function_result *res,
			      const struct exit_state *x)
{
	int i;

	if (x->kind != RK_VOID && x->kind != RK_ZERO)
		return false;
	for (i = 0; i < res->nexits; i++) {
		const struct exit_state *y = &res->exits[i];

		if (y->kind == x->kind && y->block != x->block &&
		    y->st.delta == 0 && (y->st.flags & ST_TOOK_GET) &&
		    !(y->st.flags & (ST_TAINTED | ST_ERROR_PUT)))
			return true;
	}
	return false;
}

/*
 * Was the call that took the reference run again later on this path (a
 * loop taking one reference per supplier, whose caller or error label
 * drops those taken so far)?  Such accumulated references are not judged.
 */
static bool taken_in_earlier_iteration(const struct event *trail,
				       const struct event *get)
{
	const struct event *ev;

	for (ev = trail; ev && ev != get; ev = ev->prev)
		if ((ev->kind == EV_GET || ev->kind == EV_NOGET) &&
		    ev->loc.line == get->loc.line && ev->loc.col == get->loc.col)
			return true;
	return false;
}

/* One exit that returns holding a reference it should not. */
struct leak {
	const struct exit_state *x;
	const struct event *get;	/* the reference still held */
	bool error;			/* an error return, not a pair */
	bool done;
};

/* Is the exit worth a warning at all? */
static bool reportable(const struct exit_state *x, const struct event *get)
{
	if (get && taken_in_earlier_iteration(x->st.trail, get))
		return false;
	/* the helper that failed holding it is reported, not its caller */
	return !(get && get->by_helper && x->st.failed_helper >= 0);
}

static bool loc_equal(struct ir_loc a, struct ir_loc b)
{
	return a.line == b.line && a.col == b.col;
}

/* Do A and B keep the same reference (one root cause)? */
static bool same_root(const struct leak *a, const struct leak *b)
{
	if (a->error != b->error || !a->get || !b->get)
		return false;
	return loc_equal(a->get->loc, b->get->loc) &&
	       !strcmp(event_dev(a->get), event_dev(b->get));
}

static struct diag *warn_leak(struct engine *e, const struct leak *l)
{
	const char *dev = event_dev(l->get);
	struct ir_loc loc = l->x->block->loc;

	if (l->error)
		return diag_warn("rpm-leak", e->fn->file, loc,
				 "'%s' returns an error with the runtime PM usage count of '%s' still raised",
				 e->fn->name, dev);
	return diag_warn("rpm-leak", e->fn->file, loc,
			 "'%s' returns with the runtime PM usage count of '%s' raised on this path but not on others",
			 e->fn->name, dev);
}

static int by_exit_position(const void *pa, const void *pb)
{
	const struct leak *a = *(const struct leak *const *)pa;
	const struct leak *b = *(const struct leak *const *)pb;
	struct ir_loc la = a->x->block->loc, lb = b->x->block->loc;

	if (la.line != lb.line)
		return la.line < lb.line ? -1 : 1;
	return la.col < lb.col ? -1 : la.col > lb.col;
}

/*
 * An error return that passes on what a call returned ("if (ret) return
 * ret;") shows a call that can fail; one that makes up its own errno
 * after testing plain data (an unknown mode, a switch default) is more
 * often a case that cannot happen.  The first makes the better example:
 * the first such return of GROUP (in source order), else its first.
 */
static int example_of(struct leak *const *group, int count)
{
	int i;

	for (i = 0; i < count; i++)
		if (group[i]->error && group[i]->x->ret_from_call)
			return i;
	return 0;
}

/*
 * One warning per reference kept: at the first return (in the source)
 * that passes on a call's error, or else the first return, with the
 * path there, and a note for every other return that keeps the same
 * reference.
 */
static void report_group(struct engine *e, struct leak *leaks, int n, int first)
{
	struct leak **group = xcalloc(n, sizeof(*group));
	struct diag *d;
	int i, ex, count = 0;

	for (i = first; i < n; i++)
		if (i == first || (!leaks[i].done && same_root(&leaks[i], &leaks[first]))) {
			leaks[i].done = true;
			group[count++] = &leaks[i];
		}
	qsort(group, count, sizeof(*group), by_exit_position);
	ex = example_of(group, count);
	d = warn_leak(e, group[ex]);
	if (d) {
		note_get(d, group[ex]->get);
		note_path_after(d, group[ex]->x->st.trail, group[ex]->get);
		for (i = 0; i < count; i++) {
			struct ir_loc loc = group[i]->x->block->loc;

			if (loc_equal(loc, group[ex]->x->block->loc) ||
			    (i > 0 && loc_equal(loc, group[i - 1]->x->block->loc)))
				continue;
			diag_note(d, loc,
				  "'%s' also returns here with it still raised",
				  e->fn->name);
		}
	}
	free(group);
}

/*
 * A static function whose callers all ignore what it returns has no
 * error return to speak of: a caller that carries on as if it succeeded
 * (and later calls the matching disable) owns the reference.
 */
static bool errors_ignored_by_callers(const struct engine *e)
{
	return e->fn->is_static && e->ctx->result_ignored &&
	       e->ctx->result_ignored(e->fn->name, e->ctx->result_data);
}

/*
 * A system sleep callback that keeps its reference on success holds it
 * while the device is bound: ->resume retakes what ->suspend dropped.
 * Keeping it when resuming fails follows the same convention (the PM
 * core drops nothing, and the next ->suspend puts it), so that is no
 * leak.
 */
static bool keeps_bound_reference(const struct engine *e,
				  const struct function_result *res,
				  const struct exit_state *x)
{
	int i;

	if (!e->ctx->dm || !dm_is_system_sleep_callback(e->ctx->dm, e->fn->name))
		return false;
	for (i = 0; i < res->nexits; i++) {
		const struct exit_state *y = &res->exits[i];

		if (!is_error_exit(res, y) && y->st.delta == x->st.delta &&
		    (y->kind == RK_ZERO || y->kind == RK_VOID))
			return true;
	}
	return false;
}

static bool is_api_put(const struct ir_insn *call, void *data)
{
	const struct api_rule *r = rules_find(data, call->callee);

	return r && r->count < 0;
}

/*
 * The mailbox core calls ->shutdown after a failed ->startup (an "ops"
 * line of rules/driver.rules says so): when that ->shutdown puts, what
 * the failed ->startup keeps is dropped by design.
 */
static bool undone_by_framework(const struct engine *e)
{
	const struct ir_func *undo;
	const char *by;

	if (!e->ctx->dm)
		return false;
	by = dm_undone_by(e->ctx->dm, e->fn->name);
	undo = by ? engine_local_function(e->ctx, by) : NULL;
	return undo && ir_find_call(undo, is_api_put, (void *)e->ctx->rules);
}

void check_leak_at_end(struct engine *e, const struct function_result *res)
{
	int ignored = -1;	/* computed when first needed: it scans the file */
	struct leak *leaks;
	int i, n = 0;

	/* a restart handler keeps what it likes: the system goes down */
	if (e->ctx->dm && dm_runs_while_going_down(e->ctx->dm, e->fn->name))
		return;
	leaks = xcalloc(res->nexits + 1, sizeof(*leaks));

	for (i = 0; i < res->nexits; i++) {
		const struct exit_state *x = &res->exits[i];
		struct leak l = { .x = x };

		if (x->st.delta <= 0 ||
		    (x->st.flags & (ST_TAINTED | ST_OWNER_KEPT)))
			continue;
		l.get = trail_unmatched_get(x->st.trail);
		l.error = is_error_exit(res, x);
		if (l.error) {
			if (ignored < 0)
				ignored = errors_ignored_by_callers(e) ||
					  undone_by_framework(e);
			if (ignored || keeps_bound_reference(e, res, x))
				continue;
		} else if (!has_balanced_twin(res, x)) {
			continue;
		}
		if (reportable(x, l.get))
			leaks[n++] = l;
	}
	for (i = 0; i < n; i++)
		if (!leaks[i].done)
			report_group(e, leaks, n, i);
	free(leaks);
}
