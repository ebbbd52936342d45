/*
 * rpm_status.c - a device known to be active on this path (see
 * rpm_status.h).
 *
 * Stage 1: pm_runtime_set_active(dev) was called; stage 2: then
 * pm_runtime_enable(dev) (devm_pm_runtime_set_active_enabled() does
 * both), or a resume that took a reference succeeded.
 * pm_runtime_set_active() on an enabled device fails, so enable before
 * set_active is not stage 2.  A put, a disable, a suspend or an unknown
 * function given the device ends it.  The other way round, a branch that
 * found "pm_runtime_active(dev)" false or "pm_runtime_suspended(dev)"
 * true marks the device not active, until any call given it.  Device
 * names are compared as texts; "xdma->dev" and "chan->xdma->dev" (a
 * local copy of a member) are taken for the same device.
 */
#include <string.h>

#include "rpm_status.h"

static const char *device_of(const struct ir_insn *in, const struct api_rule *r)
{
	if (!r || r->dev_arg < 0 || r->dev_arg >= in->nargs ||
	    !in->args[r->dev_arg].text[0])
		return NULL;
	return in->args[r->dev_arg].text;
}

/* Is B the end of A after a member access: "xdma->dev" of
 * "chan->xdma->dev" (a local copy "xdma = chan->xdma" named either way)? */
static bool ends_with_member_path(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la <= lb || strcmp(a + la - lb, b) != 0)
		return false;
	return a[la - lb - 1] == '.' ||
	       (la - lb >= 2 && a[la - lb - 2] == '-' && a[la - lb - 1] == '>');
}

bool rpm_status_same_device(const char *a, const char *b)
{
	a += *a == '&';
	b += *b == '&';
	return strcmp(a, b) == 0 || ends_with_member_path(a, b) ||
	       ends_with_member_path(b, a);
}

static bool mentions(const struct ir_insn *in, const char *dev)
{
	int a;

	for (a = 0; a < in->nargs; a++)
		if (strstr(in->args[a].text, dev) ||
		    rpm_status_same_device(in->args[a].text, dev))
			return true;
	return false;
}

static bool may_suspend(const struct api_rule *r)
{
	return !r || r->count < 0 || r->lifecycle == LC_DISABLE ||
	       r->rpm_sync == SYNC_SUSPEND;
}

static bool is_same(const struct state *st, const char *dev)
{
	return st->active_dev && dev && strcmp(st->active_dev, dev) == 0;
}

void rpm_status_after_call(struct state *st, const struct ir_insn *in,
			   const struct api_rule *r)
{
	const char *dev = device_of(in, r);

	if (r && r->sets_active && dev) {
		st->active_dev = dev;
		st->active_stage = r->lifecycle ? 2 : 1;
	} else if (r && r->lifecycle == LC_ENABLE && is_same(st, dev) &&
		   st->active_stage > 0) {
		st->active_stage = 2;
	} else if (st->active_dev &&
		   (may_suspend(r) || st->active_stage == RPM_STAGE_NOT_ACTIVE) &&
		   mentions(in, st->active_dev)) {
		st->active_dev = NULL;
		st->active_stage = 0;
	}
}

void rpm_status_after_success(struct state *st, const struct ir_insn *in,
			      const struct api_rule *r)
{
	const char *dev = device_of(in, r);

	if (dev && r->rpm_sync == SYNC_RESUME && r->count > 0 &&
	    r->when == WHEN_RET_ZERO)
		rpm_status_set_active(st, dev);
}

void rpm_status_resume_succeeded(struct state *st, const struct ir_insn *call,
				 const struct rules *rules)
{
	const struct api_rule *r = call && call->callee ?
		rules_find(rules, call->callee) : NULL;
	const char *dev = r ? device_of(call, r) : NULL;

	if (dev && r->rpm_sync == SYNC_RESUME && r->ret == RET_ALREADY_ACTIVE &&
	    r->count > 0)
		rpm_status_set_active(st, dev);
}

void rpm_status_set_active(struct state *st, const char *dev)
{
	st->active_dev = dev;
	st->active_stage = 2;
}

bool rpm_status_known_active(const struct state *st, const char *dev)
{
	return st->active_stage == 2 && st->active_dev && dev &&
	       rpm_status_same_device(st->active_dev, dev);
}

bool rpm_status_resumes_at_once(const struct state *st,
				const struct ir_insn *in,
				const struct api_rule *r)
{
	return r->rpm_sync == SYNC_RESUME &&
	       rpm_status_known_active(st, device_of(in, r));
}

/* The call of FN that produced VAR, if it is a call of CALLEE. */
static const struct ir_insn *query_call(const struct ir_func *fn, int var,
					const char *callee)
{
	int b, i;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];

			if (in->kind == IR_CALL && in->result == var)
				return in->callee && !strcmp(in->callee, callee) &&
				       in->nargs > 0 ? in : NULL;
		}
	return NULL;
}

/* Does the side TAKEN of COND ("q", "!q", "q == 0") find q zero? */
static bool finds_zero(const struct ir_cond *cond, bool taken)
{
	if (cond->rhs != 0)
		return false;
	return (cond->op == IRC_NE && !taken) || (cond->op == IRC_EQ && taken);
}

static bool finds_nonzero(const struct ir_cond *cond, bool taken)
{
	return finds_zero(cond, !taken);
}

void rpm_status_after_query(struct state *st, const struct ir_func *fn,
			    const struct ir_cond *cond, bool taken)
{
	const struct ir_insn *q = NULL;
	int var = cond->lhs.var;

	/* a pure query's result is the variable "pm_runtime_active(dev)" */
	if (cond->lhs.kind != IRV_VAR ||
	    strncmp(fn->vars[var], "pm_runtime_", 11) != 0)
		return;
	if (finds_zero(cond, taken))
		q = query_call(fn, var, "pm_runtime_active");
	else if (finds_nonzero(cond, taken))
		q = query_call(fn, var, "pm_runtime_suspended");
	if (!q || !q->args[0].text[0])
		return;
	st->active_dev = q->args[0].text;
	st->active_stage = RPM_STAGE_NOT_ACTIVE;
}

bool rpm_status_known_not_active(const struct state *st, const char *dev)
{
	return st->active_stage == RPM_STAGE_NOT_ACTIVE && st->active_dev &&
	       dev && rpm_status_same_device(st->active_dev, dev);
}
