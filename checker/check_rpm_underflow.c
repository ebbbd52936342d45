/*
 * check_rpm_underflow.c - rule rpm-underflow: a put with no reference
 * to drop on this path.
 *
 * Reported only with evidence from the function itself: the put follows
 * a conditional get that failed (pm_runtime_resume_and_get() < 0,
 * pm_runtime_get_if_active() <= 0, a failed foo_pm_get() helper), or
 * the path already took and dropped its own reference.  Deliberately
 * ignores put-only functions: a remove() or a put helper drops what
 * somebody else took.
 */
#include "checks.h"

/* The previous count event was a put that matched a get of this path. */
static bool is_second_put(const struct state *st)
{
	const struct event *ev;

	for (ev = st->trail; ev; ev = ev->prev) {
		if (ev->kind == EV_GET)
			return false;
		if (ev->kind == EV_PUT)
			return trail_last(ev->prev, EV_GET) != NULL;
	}
	return false;
}

void check_underflow_on_put(struct engine *e, const struct state *st,
			    const struct ir_insn *in, const struct effect *ef)
{
	const struct event *why, *get;
	struct diag *d;
	const char *dev;

	if (st->delta > 0 || (st->flags & ST_TAINTED))
		return;
	if (!(st->flags & ST_FAILED_GET) && !is_second_put(st))
		return;
	dev = ef->dev ? ef->dev :
	      ef->dev_arg >= 0 && ef->dev_arg < in->nargs ?
	      in->args[ef->dev_arg].text : "?";
	d = diag_warn("rpm-underflow", e->fn->file, in->loc,
		      "'%s' drops a runtime PM usage count of '%s' that it does not hold",
		      e->fn->name, dev);
	if (!d)
		return;
	if (st->flags & ST_FAILED_GET) {
		why = trail_last(st->trail, EV_NOGET);
		if (why)
			diag_note(d, why->loc,
				  "'%s' took no reference on this path",
				  why->what);
		note_path_after(d, st->trail, why);
		return;
	}
	get = trail_last(st->trail, EV_GET);
	why = trail_last(st->trail, EV_PUT);
	note_get(d, get);
	if (why)
		diag_note(d, why->loc, "'%s' already dropped it here",
			  why->what);
	note_path_after(d, st->trail, why);
}
