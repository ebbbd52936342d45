/*
 * check_get_sync_ret.c - rule rpm-get-sync-ret: the 1 that
 * pm_runtime_get_sync() / pm_runtime_resume() return for "already
 * active" treated as a failure.
 *
 * Reported when a truth test (if (ret), if (!ret), if (call(...))) puts
 * the positive result on the same side as the negative ones and the
 * path then leaves the function without telling them apart, and when
 * the function returns that result while its other exits return 0.
 * Deliberately ignores tests after the negative case (or ret == 1) was
 * handled, tests followed by "if (ret < 0)" on that side, returns of a
 * value a test found is not 1 ("if (ret == 1) return 0; return ret;",
 * "return ret == 1 ? 0 : ret;"), returns that hand the caller the
 * reference along with the result (a get helper), and returns from
 * functions that never return 0 themselves.
 */
#include "checks.h"
#include "rules.h"
#include "util.h"

static const struct ir_insn *already_active_call(struct engine *e,
						 const struct fact *f)
{
	const struct ir_insn *in;
	const struct api_rule *r;

	if (!f || f->origin < 0)
		return NULL;
	in = engine_call_by_id(e, f->origin);
	if (!in || !in->callee)
		return NULL;
	r = rules_find(e->ctx->rules, in->callee);
	return r && r->ret == RET_ALREADY_ACTIVE ? in : NULL;
}

static bool mixes_errors_and_one(const struct fact *f)
{
	if (!f || f->has_eq || f->not_one)
		return false;	/* "ret == 1" was handled before */
	return (f->signs & (SIGN_NEG | SIGN_POS)) == (SIGN_NEG | SIGN_POS);
}

/*
 * A truth test (if (ret), if (!ret), if (call(...))) whose side ST
 * holds both the errors and the 1 of an "already active" result marks
 * the path; a later test of the same value that tells them apart
 * (if (ret < 0) inside) clears the mark.
 */
void check_get_sync_ret_on_branch(struct engine *e, struct state *st,
				  const struct ir_block *bb)
{
	const struct ir_cond *cond = &bb->cond;
	const struct fact *f = state_fact(st, cond->lhs.var);

	if (st->gsr_block >= 0 && st->gsr_var == cond->lhs.var &&
	    !mixes_errors_and_one(f)) {
		st->gsr_block = -1;
		return;
	}
	if (st->gsr_block >= 0 || cond->rhs != 0 ||
	    (cond->op != IRC_NE && cond->op != IRC_EQ) ||
	    !already_active_call(e, f) || !mixes_errors_and_one(f))
		return;
	st->gsr_block = bb->id;
	st->gsr_var = cond->lhs.var;
	st->gsr_call = f->origin;
}

/* The path left the function without telling the 1 from the errors. */
void check_get_sync_ret_on_exit(struct engine *e, const struct state *st)
{
	const struct ir_block *bb;
	const struct ir_insn *call;
	struct diag *d;

	if (st->gsr_block < 0)
		return;
	bb = &e->fn->blocks[st->gsr_block];
	call = engine_call_by_id(e, st->gsr_call);
	if (!call)
		return;
	ARRAY_PUSH(e->gsr_calls, call->id);
	d = diag_warn("rpm-get-sync-ret", e->fn->file, bb->cond.loc,
		      "'%s' treats a positive return of '%s' (device already active) as an error",
		      e->fn->name, call->callee);
	diag_note(d, call->loc,
		  "'%s' returns 1 here when the device is already active",
		  call->callee);
}

/* One warning per call: a test already reported covers its return. */
static bool already_reported(const struct engine *e, int call_id)
{
	int i;

	for (i = 0; i < e->gsr_calls.count; i++)
		if (e->gsr_calls.items[i] == call_id)
			return true;
	return false;
}

/* The event CALL left on TRAIL (its get), or NULL when it left none. */
static const struct event *event_of_call(const struct event *trail,
					 const struct ir_insn *call)
{
	for (; trail; trail = trail->prev)
		if ((trail->kind == EV_GET || trail->kind == EV_NOGET) &&
		    trail->loc.line == call->loc.line &&
		    trail->loc.col == call->loc.col)
			return trail;
	return NULL;
}

/*
 * A get helper that returns holding the reference GET took passes
 * get_sync's contract on with it (phy_pm_runtime_get_sync()): its
 * callers test "< 0".  The 1 is a bug only once the reference is gone.
 */
static bool hands_on_reference(const struct exit_state *x,
			       const struct event *get)
{
	return get && get->kind == EV_GET &&
	       trail_unmatched_get_of(x->st.trail, event_dev(get)) == get;
}

static bool returns_zero_elsewhere(const struct function_result *res)
{
	int i;

	for (i = 0; i < res->nexits; i++)
		if (res->exits[i].kind == RK_ZERO)
			return true;
	return false;
}

void check_get_sync_ret_at_end(struct engine *e,
			       const struct function_result *res)
{
	int i;

	if (e->fn->ret_type != IRR_INT || !returns_zero_elsewhere(res))
		return;
	for (i = 0; i < res->nexits; i++) {
		const struct exit_state *x = &res->exits[i];
		struct fact f = { .var = -1, .signs = x->ret_signs,
				  .origin = x->ret_origin };
		const struct ir_insn *call = already_active_call(e, &f);
		const struct event *get;
		struct diag *d;

		if (!call || !(x->ret_signs & SIGN_POS) || x->ret_not_one ||
		    already_reported(e, call->id))
			continue;
		get = event_of_call(x->st.trail, call);
		if (hands_on_reference(x, get))
			continue;
		d = diag_warn("rpm-get-sync-ret", e->fn->file, x->block->loc,
			      "'%s' returns the result of '%s', which is 1 when the device was already active",
			      e->fn->name, call->callee);
		diag_note(d, call->loc,
			  "'%s' returns 1 here when the device is already active",
			  call->callee);
		if (get)
			note_path_after(d, x->st.trail, get);
	}
}

void check_function_end(struct engine *e, const struct function_result *res)
{
	check_leak_at_end(e, res);
	check_get_sync_ret_at_end(e, res);
}
