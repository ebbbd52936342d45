/*
 * check_rpm_underflow.c - rule rpm-underflow: a put with no reference
 * to drop on this path.
 *
 * Reported only with evidence from the function itself: the put follows
 * a conditional get that failed (pm_runtime_resume_and_get() < 0,
 * pm_runtime_get_if_active() <= 0, a failed foo_pm_get() helper), or
 * the path already took and dropped its own reference.  A failed get
 * helper followed by a put helper is left alone: such pairs often both
 * test something rpmcheck does not follow (pm_runtime_enabled() inside
 * each, an error code the caller tolerates).  Deliberately
 * ignores put-only functions: a remove() or a put helper drops what
 * somebody else took.
 */
#include "checks.h"
#include "rules.h"
#include "util.h"

/*
 * The previous count event was a put, made on the error side of a test,
 * that dropped a reference this path took, and some other path reaches
 * this put without passing it: an error branch that puts, then jumps to
 * a label that puts again.  Two puts in a row on every path, or a first
 * put under a test that is not an error check (radeon's "if we hold the
 * display reference, drop it"), drop someone else's reference on
 * purpose: a remove() dropping probe's.
 */
static bool is_second_put(const struct engine *e, const struct state *st)
{
	const struct event *ev;

	for (ev = st->trail; ev; ev = ev->prev) {
		if (ev->kind == EV_GET)
			return false;
		if (ev->kind == EV_PUT)
			return ev->on_error && trail_last(ev->prev, EV_GET) &&
			       ev->block != e->cur_block &&
			       engine_reaches_avoiding(e, e->cur_block,
						       ev->block);
	}
	return false;
}

static const char *failure_hint(const struct engine *e, const char *callee)
{
	const struct api_rule *r = rules_find(e->ctx->rules, callee);

	if (r && r->when == WHEN_RET_POS && starts_with(callee, "pm_runtime_get_if"))
		return " (it returned 0: the device was not in use)";
	if (r && r->when == WHEN_RET_ZERO)
		return " (it drops its reference itself when it fails)";
	return "";
}

static void explain_failed_get(struct diag *d, const struct engine *e,
			       const struct state *st,
			       const struct event *why)
{
	if (why)
		diag_note(d, why->loc, "'%s' took no reference on this path%s",
			  why->what, failure_hint(e, why->what));
	note_path_after(d, st->trail, why);
}

static void explain_second_put(struct diag *d, const struct state *st)
{
	const struct event *get = trail_last(st->trail, EV_GET);
	const struct event *why = trail_last(st->trail, EV_PUT);

	note_get(d, get);
	if (why)
		diag_note(d, why->loc, "'%s' already dropped it here",
			  why->what);
	note_path_after(d, st->trail, why);
}

void check_underflow_on_put(struct engine *e, const struct state *st,
			    const struct ir_insn *in, const struct effect *ef)
{
	const struct event *why = NULL;
	struct diag *d;
	const char *dev;

	if (st->delta > 0 || (st->flags & ST_TAINTED))
		return;
	if (st->flags & ST_FAILED_GET) {
		why = trail_last(st->trail, EV_NOGET);
		if (why && why->by_helper && ef->dev)
			return;
	} else if (!is_second_put(e, st)) {
		return;
	}
	dev = ef->dev ? ef->dev :
	      ef->dev_arg >= 0 && ef->dev_arg < in->nargs ?
	      in->args[ef->dev_arg].text : "?";
	d = diag_warn("rpm-underflow", e->fn->file, in->loc,
		      "'%s' drops a runtime PM usage count of '%s' that it does not hold",
		      e->fn->name, dev);
	if (!d)
		return;
	if (st->flags & ST_FAILED_GET)
		explain_failed_get(d, e, st, why);
	else
		explain_second_put(d, st);
}
