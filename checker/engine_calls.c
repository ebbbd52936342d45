/*
 * engine_calls.c - what executing one instruction does to a state: an
 * assignment, or a call of a rule, of a summarised helper of the file,
 * or of an unknown function (see engine.h).
 *
 * A call may split a state in up to three: the outcomes a rule or a
 * summary distinguishes by the sign of the result (success with the
 * count taken, failure without it, ...).  Deliberately ignores what an
 * unknown function does, except that it may change what its pointer
 * arguments point to; one named like a runtime PM wrapper of another
 * file taints the path instead.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "engine.h"
#include "engine_internal.h"
#include "ownership.h"
#include "rpm_status.h"
#include "sibling.h"
#include "summary.h"
#include "util.h"

#define DELTA_MIN -2
#define DELTA_MAX 3

void engine_exec_assign(struct engine *e, struct state *st,
			const struct ir_insn *in)
{
	const struct fact *f;

	if (st->delta > 0 && owner_recorded_by_store(e, in))
		st->flags |= ST_OWNER_KEPT;
	if (!e->kept[in->dst]) {
		engine_kill_fact(st, in->dst);
		return;
	}
	switch (in->src.kind) {
	case IRV_CONST:
		engine_set_fact(e, st, in->dst, engine_signs_of_const(in->src.num), -1);
		engine_set_exact(st, in->dst, true, in->src.num);
		break;
	case IRV_VAR:
		f = state_fact(st, in->src.var);
		if (f) {
			struct fact copy = *f;

			engine_kill_fact(st, in->dst);
			copy.var = in->dst;
			*engine_insert_fact(e, st, in->dst, copy.signs, copy.origin) = copy;
		} else {
			engine_kill_fact(st, in->dst);
		}
		break;
	default:
		engine_kill_fact(st, in->dst);
	}
}

void engine_forget_escaped(struct state *st, const struct ir_insn *in)
{
	int a;

	/* guard helpers (class_*_lock_ptr) only read their guard */
	for (a = 0; a < in->nargs && !(in->callee &&
				       starts_with(in->callee, "class_")); a++)
		if (in->args[a].addr_of >= 0)
			engine_kill_fact(st, in->args[a].addr_of);
	if (in->result >= 0)
		engine_kill_fact(st, in->result);
}

static const char *dev_text(const struct ir_insn *in, const struct effect *ef)
{
	if (ef->dev_arg >= 0 && ef->dev_arg < in->nargs)
		return in->args[ef->dev_arg].text;
	return "?";
}

/*
 * Counts changed in two different loops on one path (get each domain in
 * one loop, put them back in an unwinding loop) balance in ways signs
 * cannot follow: nothing is reported on such a path, nor on any path
 * changing a count in a loop of a function that gets in one loop and
 * puts in another (the unwinding loop may run zero times).
 */
static void note_loop(const struct engine *e, struct state *st)
{
	int loop = e->loop_of[e->cur_block];

	if (loop < 0)
		return;
	if (e->unwinds)
		st->flags |= ST_TAINTED;
	if (st->count_loop < 0)
		st->count_loop = loop;
	else if (st->count_loop != loop)
		st->flags |= ST_TAINTED;
}

/*
 * Is the path in error handling: did it last take the error side of a
 * test ("if (ret < 0)") or a goto (kernel style jumps to its cleanup
 * labels), with no count change since?
 */
static bool in_error_handling(const struct event *last)
{
	if (!last)
		return false;
	return last->kind == EV_GOTO ||
	       (last->kind == EV_BRANCH && last->error_side);
}

/* Apply a change of COUNT (one outcome of the call) to ST. */
void engine_apply_count(struct engine *e, struct state *st,
			const struct ir_insn *in, const struct effect *ef,
			int count, bool is_failure)
{
	const char *dev = ef->dev ? ef->dev : dev_text(in, ef);
	bool by_helper = ef->dev != NULL, on_error;
	struct event *ev;

	if (count)
		note_loop(e, st);
	if (count > 0) {
		e->res->has_get = true;
		st->flags = (st->flags | ST_TOOK_GET) & ~ST_FAILED_GET;
		ev = (struct event *)engine_add_event(e, st->trail, EV_GET, in->loc,
					      ef->callee, dev);
		ev->may_fail = ef->when == WHEN_ALWAYS &&
			       ef->ret == RET_ALREADY_ACTIVE;
		ev->by_helper = by_helper;
		st->trail = ev;
	} else if (count < 0) {
		e->res->has_put = true;
		if (e->ctx->counter == COUNTER_USAGE)
			check_underflow_on_put(e, st, in, ef);
		if (st->failed_helper >= 0 && e->ctx->sums)
			summary_compensated(e->ctx->sums, st->failed_helper);
		st->failed_helper = -1;
		on_error = in_error_handling(st->trail);
		if (on_error)
			st->flags |= ST_ERROR_PUT;
		ev = (struct event *)engine_add_event(e, st->trail, EV_PUT, in->loc,
					      ef->callee, dev);
		ev->on_error = on_error;
		st->trail = ev;
		st->flags &= ~ST_FAILED_GET;
	} else if (is_failure) {
		st->flags |= ST_FAILED_GET;
		ev = (struct event *)engine_add_event(e, st->trail, EV_NOGET, in->loc,
					      ef->callee, dev);
		ev->by_helper = by_helper;
		st->trail = ev;
	}
	st->delta += count;
	if (st->delta > DELTA_MAX)
		st->delta = DELTA_MAX;
	if (st->delta < DELTA_MIN)
		st->delta = DELTA_MIN;
}

/* Signs of the result when the change does / does not happen. */
static void outcome_signs(const struct effect *ef, uint8_t *when_done,
			  uint8_t *when_not)
{
	switch (ef->when) {
	case WHEN_RET_ZERO:
		*when_done = SIGN_ZERO;
		*when_not = SIGN_NEG;
		break;
	case WHEN_RET_POS:
		*when_done = SIGN_POS;
		*when_not = SIGN_NEG | SIGN_ZERO;
		break;
	default:
		*when_done = SIGN_ANY;
		*when_not = 0;
	}
}

static uint8_t result_signs(const struct effect *ef, const struct state *st,
			    const struct ir_insn *in, uint8_t base, int *origin)
{
	*origin = -1;
	switch (ef->ret) {
	case RET_ALREADY_ACTIVE:
		*origin = in->id;
		return base;
	case RET_ERRPTR:
		*origin = in->id;
		return SIGN_NEG;
	case RET_DEV:
		return SIGN_POS;
	case RET_ARG1:
		if (in->nargs > 1 && in->args[1].val.kind == IRV_VAR)
			return state_signs(st, in->args[1].val.var);
		if (in->nargs > 1 && in->args[1].val.kind == IRV_CONST)
			return engine_signs_of_const(in->args[1].val.num);
		return base;
	default:
		return base;
	}
}

void engine_emit_result(const struct engine *e, struct state *st,
			const struct ir_insn *in, uint8_t signs, int origin)
{
	if (in->result >= 0)
		engine_set_fact(e, st, in->result, signs, origin);
	engine_mark_from_call(e, st, in->result);
}

/* A guard's variable decides the call (destructor, ACQUIRE_ERR). */
static int exec_guard_call(struct engine *e, const struct state *st,
			   const struct ir_insn *in, const struct effect *ef,
			   struct state out[2])
{
	int var = ef->dev_arg < in->nargs ? in->args[ef->dev_arg].addr_of : -1;
	uint8_t signs = var >= 0 ? state_signs(st, var) : SIGN_ANY;
	int n = 0;

	if (signs & SIGN_POS) {
		out[n] = *st;
		if (var >= 0)
			engine_set_fact(e, &out[n], var, SIGN_POS, -1);
		if (ef->when == WHEN_ARG_POS)
			engine_apply_count(e, &out[n], in, ef, ef->count, false);
		engine_emit_result(e, &out[n], in, ef->ret == RET_ERR_OF_ARG ?
			    SIGN_ZERO : SIGN_ANY, -1);
		n++;
	}
	if (signs & (SIGN_NEG | SIGN_ZERO)) {
		out[n] = *st;
		if (var >= 0)
			engine_set_fact(e, &out[n], var, signs & ~SIGN_POS, -1);
		engine_emit_result(e, &out[n], in, ef->ret == RET_ERR_OF_ARG ?
			    SIGN_NEG : SIGN_ANY, -1);
		n++;
	}
	return n;
}

/*
 * pm_runtime_enable(dev) makes pm_runtime_enabled(dev) true; so does a
 * successful pm_runtime_resume_and_get(dev) (it fails with -EACCES on a
 * disabled device).  The query's variable is "pm_runtime_enabled(dev)".
 */
static void answer_query(const struct engine *e, struct state *st,
			 const struct ir_insn *in, const struct effect *ef)
{
	char *name;
	int v;

	if (!ef->implies || ef->dev_arg < 0 || ef->dev_arg >= in->nargs)
		return;
	name = xasprintf("%s(%s)", ef->implies, in->args[ef->dev_arg].text);
	v = ir_find_var(e->fn, name);
	free(name);
	if (v < 0)
		return;
	engine_set_fact(e, st, v, ef->implies_value ? SIGN_POS : SIGN_ZERO, -1);
	engine_set_exact(st, v, true, ef->implies_value);
}

/*
 * pm_runtime_get_if_active() / _in_use() also return -EINVAL when runtime
 * PM is disabled.  That outcome takes no reference either, but a put
 * after it is not reported: "if (!pm_runtime_get_if_in_use(dev)) return
 * 0;" is the documented idiom (most V4L2 sensors use it) and the device
 * is only disabled around probe, remove and system sleep.
 */
static int exec_disabled_outcome(struct engine *e, const struct state *st,
				 const struct ir_insn *in,
				 const struct effect *ef, struct state *out)
{
	if (ef->when != WHEN_RET_POS || ef->count <= 0 ||
	    !starts_with(ef->callee, "pm_runtime_get_if_"))
		return 0;
	*out = *st;
	engine_emit_result(e, out, in, SIGN_NEG, -1);
	return 1;
}

static int exec_effect(struct engine *e, const struct state *st,
		       const struct ir_insn *in, const struct effect *ef,
		       struct state out[3])
{
	uint8_t done, not_done, signs;
	int origin, n = 0;

	if (ef->when == WHEN_ARG_POS || ef->ret == RET_ERR_OF_ARG)
		return exec_guard_call(e, st, in, ef, out);
	outcome_signs(ef, &done, &not_done);
	out[n] = *st;
	signs = result_signs(ef, st, in, done, &origin);
	engine_apply_count(e, &out[n], in, ef, ef->count, false);
	engine_emit_result(e, &out[n], in, signs, origin);
	answer_query(e, &out[n], in, ef);
	if (ef->ret == RET_ALREADY_ACTIVE && in->result >= 0 &&
	    rpm_status_known_not_active(st, dev_text(in, ef)))
		engine_set_exact(&out[n], in->result, false, 1);
	if (ef->when == WHEN_RET_POS && in->result >= 0 &&
	    starts_with(ef->callee, "pm_runtime_get_if_"))
		engine_set_exact(&out[n], in->result, true, 1);	/* only 1 */
	n++;
	n += exec_disabled_outcome(e, st, in, ef, &out[n]);
	if (n == 2)
		not_done &= ~SIGN_NEG;
	if (not_done) {
		out[n] = *st;
		engine_apply_count(e, &out[n], in, ef, 0, ef->count > 0);
		engine_emit_result(e, &out[n], in, not_done, -1);
		n++;
	}
	return n;
}

/* A resume of a device known active returns at once: 1 (0 from
 * pm_runtime_resume_and_get()), with the count taken. */
static int exec_resume_at_once(struct engine *e, const struct state *st,
			       const struct ir_insn *in,
			       const struct effect *ef, struct state out[3])
{
	out[0] = *st;
	engine_apply_count(e, &out[0], in, ef, ef->count, false);
	engine_emit_result(e, &out[0], in,
			   ef->when == WHEN_RET_ZERO ? SIGN_ZERO : SIGN_POS, -1);
	if (in->result >= 0 && ef->when != WHEN_RET_ZERO)
		engine_set_exact(&out[0], in->result, true, 1);
	answer_query(e, &out[0], in, ef);
	return 1;
}

int rule_counter_change(const struct api_rule *r, enum rpm_counter counter)
{
	switch (counter) {
	case COUNTER_USAGE:
		return r->count;
	case COUNTER_ENABLE:
		return r->lifecycle == LC_ENABLE ? 1 :
		       r->lifecycle == LC_DISABLE ? -1 : 0;
	case COUNTER_AUTOSUSPEND:
		return r->lifecycle == LC_AUTOSUSPEND ? 1 :
		       r->lifecycle == LC_NO_AUTOSUSPEND ? -1 : 0;
	case COUNTER_DEVM:
		return r->lifecycle == LC_DEVM_ENABLE;
	}
	return 0;
}

/* When the lifecycle change happens: devm_pm_runtime_enable() enables
 * only when it returns 0; guards keep their own condition. */
static enum rule_when counter_when(const struct api_rule *r,
				   enum rpm_counter counter)
{
	if (counter == COUNTER_USAGE || r->when == WHEN_ARG_POS)
		return r->when;
	if (counter == COUNTER_DEVM && r->lifecycle == LC_DEVM_ENABLE)
		return WHEN_RET_ZERO;
	return WHEN_ALWAYS;
}

static bool effect_from_rule(const struct engine *e, const struct api_rule *r,
			     struct effect *ef)
{
	memset(ef, 0, sizeof(*ef));
	ef->callee = r->name;
	ef->count = rule_counter_change(r, e->ctx->counter);
	ef->when = counter_when(r, e->ctx->counter);
	ef->ret = r->ret;
	ef->dev_arg = r->dev_arg;
	ef->dev_deref = r->dev_deref;
	ef->noreturn = r->noreturn;
	ef->implies = r->implies;
	ef->implies_value = r->implies_value;
	return true;
}

/*
 * devm_add_action_or_reset(dev, foo_pm_put, data): the action owns the
 * reference from now on (it runs at unbind, or at once if adding it
 * fails), so its effect counts at the call.
 */
static int exec_callback_owner(struct engine *e, const struct state *st,
			       const struct ir_insn *in,
			       const struct api_rule *r, struct state out[3])
{
	struct effect ef = { 0 };
	int delta;

	out[0] = *st;
	engine_forget_escaped(&out[0], in);
	engine_mark_from_call(e, &out[0], in->result);
	if (r->callback >= in->nargs || !e->ctx->sums ||
	    !summary_uniform_delta(e->ctx->sums, in->args[r->callback].text,
				   &delta) || !delta)
		return 1;
	ef.callee = in->args[r->callback].text;
	ef.dev_arg = in->nargs > 2 ? 2 : -1;
	engine_apply_count(e, &out[0], in, &ef, delta, false);
	return 1;
}

/*
 * A function of another file named like a runtime PM get or put wrapper
 * (sst_pm_runtime_put(), usb_autopm_get_interface()): what it does to
 * the count is unknown but likely, so nothing is judged after it.
 */
static bool looks_like_count_helper(const char *name)
{
	static const char *const words[] = {
		"runtime_get", "runtime_put", "runtime_resume", "pm_get",
		"pm_put", "rpm_get", "rpm_put", "autopm_get", "autopm_put",
		"power_get", "power_put", NULL,
	};
	int i;

	for (i = 0; words[i]; i++)
		if (strstr(name, words[i]))
			return true;
	return false;
}

/*
 * A function that only returns 0: one of the file's, or one that another
 * .c file of the directory defines (sibling.c).
 */
static bool cannot_fail(const struct engine *e, const char *callee)
{
	const struct ir_func *fn = engine_local_function(e->ctx, callee);

	if (fn)
		return fn->returns_only_zero;
	return sibling_returns_only_zero(e->fn->file, callee);
}

/* What the call does to the usage count and the result's facts. */
static int exec_call_effects(struct engine *e, const struct state *st,
			     const struct ir_insn *in,
			     const struct api_rule *r, struct state out[3])
{
	struct effect ef;
	int n;

	if (r && r->callback >= 0)
		return exec_callback_owner(e, st, in, r, out);
	if (in->result >= 0 && strchr(e->fn->vars[in->result], '(') &&
	    state_fact(st, in->result)) {
		out[0] = *st;	/* a pure query asked before: same answer */
		return 1;
	}
	if (r) {
		effect_from_rule(e, r, &ef);
		if (ef.noreturn)
			return 0;
		if (rpm_status_resumes_at_once(st, in, r))
			n = exec_resume_at_once(e, st, in, &ef, out);
		else
			n = exec_effect(e, st, in, &ef, out);
		if (n > 0)	/* the first outcome is the success */
			rpm_status_after_success(&out[0], in, r);
		return n;
	}
	if (in->callee && e->ctx->sums) {
		n = summary_apply(e->ctx->sums, e, st, in, out);
		if (n >= 0)
			return n;
	}
	out[0] = *st;
	engine_forget_escaped(&out[0], in);
	if (in->callee && cannot_fail(e, in->callee))
		engine_emit_result(e, &out[0], in, SIGN_ZERO, -1);
	else
		engine_mark_from_call(e, &out[0], in->result);
	if (in->callee && looks_like_count_helper(in->callee) &&
	    !engine_local_function(e->ctx, in->callee))
		out[0].flags |= ST_TAINTED;
	return 1;
}

/* Returns the number of states that continue after the call. */
int engine_exec_call(struct engine *e, const struct state *st,
		     const struct ir_insn *in, struct state out[3])
{
	const struct api_rule *r = in->callee ?
		rules_find(e->ctx->rules, in->callee) : NULL;
	int n, i;

	if (e->ctx->counter == COUNTER_USAGE)
		check_sleep_at_call(e, st, in);
	if (r && (r->enter || r->leave))
		return atomic_exec_call(e, st, in, r, out);
	n = exec_call_effects(e, st, in, r, out);
	for (i = 0; i < n; i++) {
		rpm_status_after_call(&out[i], in, r);
		if (r && r->count > 0 && out[i].delta > st->delta &&
		    owner_recorded_at_get(e, st, in))
			out[i].flags |= ST_OWNER_KEPT;
		if (r && r->ctx_query)
			out[i].flags |= ST_CTX_AWARE;
		if (st->delta > 0 && !(r && r->callback >= 0) &&
		    (owner_handed_to_callback(e, in) ||
		     owner_recorded_by_setter(e, in)))
			out[i].flags |= ST_OWNER_KEPT;
		if (r && r->frees_dev && e->ctx->counter == COUNTER_USAGE)
			owner_end_device(e, &out[i], in, r);
		if (!r)
			atomic_after_call(e, &out[i], in);
	}
	return n;
}

