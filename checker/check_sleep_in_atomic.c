/*
 * check_sleep_in_atomic.c - rule sleep-in-atomic: a call that may sleep
 * made while an atomic section is open on the path, or in a function
 * that runs atomic from its first line.
 *
 * The message names the innermost reason (the lock, local_irq_save,
 * the IRQ handler registration); notes show where it began, the
 * branches taken since, and the chain down to the sleeping call when a
 * helper of the file sleeps (for a helper of another file, the call it
 * sleeps through, from the cross-file database).  Deliberately ignores
 * paths that asked what context they run in (in_interrupt(),
 * irqs_disabled()): their author already chose what to call where; a
 * runtime PM resume of a device the path already holds active; and a
 * sleeping call on the other side of the test that chose the spinlock.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "context.h"
#include "idle_pairs.h"
#include "rpm_status.h"
#include "util.h"

#define MAX_CHAIN 8

static const char *lock_word(enum atomic_kind kind)
{
	switch (kind) {
	case AK_RWLOCK:
		return "rwlock";
	case AK_BIT_SPINLOCK:
		return "bit spinlock";
	default:
		return "spinlock";
	}
}

static const char *entry_word(enum atomic_kind kind)
{
	switch (kind) {
	case AK_HARDIRQ:
		return "hard IRQ handler";
	case AK_TIMER:
		return "timer callback";
	default:
		return "tasklet";
	}
}

/* "holds spinlock '&priv->lock' (taken at line 31)" and the like. */
static char *why_atomic(const char *fn, const struct atomic_entry *a)
{
	switch (a->kind) {
	case AK_SPINLOCK:
	case AK_RWLOCK:
	case AK_BIT_SPINLOCK:
		if (a->lock)
			return xasprintf("'%s' holds %s '%s' (taken at line %u)",
					 fn, lock_word(a->kind), a->lock,
					 a->loc.line);
		return xasprintf("'%s' holds a %s taken by %s at line %u", fn,
				 lock_word(a->kind), a->by, a->loc.line);
	case AK_IRQ:
		return xasprintf("'%s' runs with interrupts disabled by %s (line %u)",
				 fn, a->by, a->loc.line);
	case AK_BH:
		return xasprintf("'%s' runs with bottom halves disabled by %s (line %u)",
				 fn, a->by, a->loc.line);
	case AK_PREEMPT:
		return xasprintf("'%s' runs with preemption disabled by %s (line %u)",
				 fn, a->by, a->loc.line);
	case AK_RCU:
		return xasprintf("'%s' runs inside %s (line %u)", fn, a->by,
				 a->loc.line);
	case AK_MUST_HOLD:
		return xasprintf("'%s' is called holding %s '%s' (__must_hold at line %u)",
				 fn, a->by, a->lock ? a->lock : "?", a->loc.line);
	default:
		if (a->where)
			return xasprintf("it runs in %s '%s' (registered at %s by %s)",
					 entry_word(a->kind), a->fn, a->where,
					 a->by);
		return xasprintf("it runs in %s '%s' (registered at line %u by %s)",
				 entry_word(a->kind), a->fn, a->loc.line, a->by);
	}
}

static void note_start(struct diag *d, const struct atomic_entry *a)
{
	if (a->kind == AK_MUST_HOLD)
		diag_note(d, a->loc, "'%s' is annotated __must_hold(%s) here",
			  a->fn, a->lock ? a->lock : "?");
	else if (atomic_is_entry(a->kind) && a->where)
		diag_note(d, a->loc, "'%s' is registered as a %s at %s",
			  a->fn, entry_word(a->kind), a->where);
	else if (atomic_is_entry(a->kind))
		diag_note(d, a->loc, "'%s' is registered as a %s here",
			  a->fn, entry_word(a->kind));
	else if (a->lock)
		diag_note(d, a->loc, "'%s' takes '%s' here",
			  a->via ? a->via : a->by, a->lock);
	else if (a->via)
		diag_note(d, a->loc, "'%s' enters %s here", a->via, a->by);
	else
		diag_note(d, a->loc, "'%s' is called here", a->by);
}

/* The event that opened A on the path, if the path opened it. */
static const struct event *opening_event(const struct state *st,
					 const struct atomic_entry *a)
{
	const struct event *ev;

	for (ev = st->trail; ev; ev = ev->prev)
		if (ev->kind == EV_ATOMIC && ev->loc.line == a->loc.line &&
		    ev->loc.col == a->loc.col)
			return ev;
	return NULL;
}

/* "'foo_reset' calls 'msleep', which may sleep", down the helpers. */
static void note_chain(struct diag *d, const struct file_context *fc,
		       const struct sleep_site *site)
{
	int depth;

	for (depth = 0; site && depth < MAX_CHAIN; depth++) {
		diag_note(d, site->call->loc, "'%s' calls '%s', which may sleep",
			  site->fn, context_api_name(fc, site->call->callee));
		context_call_sleeps(fc, site->call, &site);
	}
}

/*
 * The calls from IN down the helpers SITE leads to, into CALLS, and the
 * functions making them, into FNS (the analysed function first); returns
 * how many.
 */
static int walk_chain(const struct engine *e, const struct ir_insn *in,
		      const struct sleep_site *site,
		      const struct ir_insn *calls[MAX_CHAIN + 1],
		      const char *fns[MAX_CHAIN + 1])
{
	int n = 0;

	calls[n] = in;
	fns[n++] = e->fn->name;
	while (site && n <= MAX_CHAIN) {
		calls[n] = site->call;
		fns[n++] = site->fn;
		context_call_sleeps(e->ctx->fctx, site->call, &site);
	}
	return n;
}

/*
 * The device a runtime PM resume at the end of the chain (IN, or the
 * call inside the helpers SITE leads to) works on, said in the terms of
 * the function calling IN; NULL when that call is no resume.  The caller
 * frees it.
 */
static char *resumed_device(const struct engine *e, const struct ir_insn *in,
			    const struct sleep_site *site)
{
	const struct ir_insn *calls[MAX_CHAIN + 1];
	const char *fns[MAX_CHAIN + 1];
	const struct api_rule *r;
	const struct ir_func *fn;
	char *text, *outer;
	int n = walk_chain(e, in, site, calls, fns), k;

	r = calls[n - 1]->callee ?
		rules_find(e->ctx->rules, calls[n - 1]->callee) : NULL;
	if (!r || r->rpm_sync != SYNC_RESUME || r->dev_arg < 0 ||
	    r->dev_arg >= calls[n - 1]->nargs)
		return NULL;
	text = xstrdup(calls[n - 1]->args[r->dev_arg].text);
	for (k = n - 2; k >= 0; k--) {
		fn = engine_local_function(e->ctx, calls[k]->callee);
		outer = fn ? ir_text_in_caller(fn, text, calls[k]) : NULL;
		if (outer) {
			free(text);
			text = outer;
		}
	}
	return text;
}

/*
 * A chain ending in a runtime PM get or put sleeps only when the device
 * is idle; whether that is likely is decided once the whole file is
 * analysed (idle_pairs.c).
 */
static void defer_rpm_chain(const struct engine *e, const struct ir_insn *in,
			    const struct sleep_site *site)
{
	const struct ir_insn *calls[MAX_CHAIN + 1];
	const char *fns[MAX_CHAIN + 1];
	const struct api_rule *r;
	int n = walk_chain(e, in, site, calls, fns);

	r = calls[n - 1]->callee ?
		rules_find(e->ctx->rules, calls[n - 1]->callee) : NULL;
	if (r && r->count != 0)
		idle_pairs_defer(e->ctx->idle, e->fn->file, in->loc, fns, n);
}

/* A runtime PM resume of a device the path holds active returns at once
 * (pm_runtime_resume_and_get() succeeded on it earlier). */
static bool resumes_held_device(const struct engine *e, const struct state *st,
				const struct ir_insn *in,
				const struct sleep_site *site)
{
	char *dev = resumed_device(e, in, site);
	bool held = dev && rpm_status_known_active(st, dev);

	free(dev);
	return held;
}

/*
 * "if (s->pcm->nonatomic) mutex_lock(m); else spin_lock(l);" in a loop
 * over linked objects: the path took the spinlock on one side of a test
 * and reaches the sleeping call on the other side of the same test.  The
 * code picks the lock by a property of each object, and the path needs
 * two objects that disagree: not reported.
 */
static bool lock_chosen_by_same_test(const struct state *st,
				     const struct event *open)
{
	const struct event *ev, *before = NULL, *after = NULL;

	if (!open)
		return false;
	for (ev = st->trail; ev && ev != open && !after; ev = ev->prev)
		if (ev->kind == EV_BRANCH)
			after = ev;
	for (ev = open->prev; ev && !before; ev = ev->prev)
		if (ev->kind == EV_BRANCH)
			before = ev;
	return before && after && before->what && after->what &&
	       strcmp(before->what, after->what) == 0 &&
	       before->taken != after->taken;
}

/* Can VAR OP 0 hold on the path?  Only tests against 0 are answered. */
static bool path_may_hold(const void *data, int var, enum ir_cmp op,
			  long long rhs)
{
	const struct fact *f = state_fact(data, var);

	return !f || rhs != 0 || (f->signs & ir_cmp_zero_signs(op));
}

void check_sleep_at_call(struct engine *e, const struct state *st,
			 const struct ir_insn *in)
{
	const struct arg_query ask = { path_may_hold, st };
	const struct file_context *fc = e->ctx->fctx;
	const struct atomic_entry *top;
	const struct sleep_site *site;
	struct diag *d;
	char *why;

	if (!fc || !st->natomic || (st->flags & ST_CTX_AWARE) ||
	    !context_call_sleeps_given(fc, in, &ask, &site) ||
	    resumes_held_device(e, st, in, site))
		return;
	top = &st->atomic[st->natomic - 1];
	if (lock_chosen_by_same_test(st, opening_event(st, top)))
		return;
	why = why_atomic(e->fn->name, top);
	d = diag_warn("sleep-in-atomic", e->fn->file, in->loc,
		      "'%s' may sleep but %s", context_api_name(fc, in->callee),
		      why);
	free(why);
	if (!d)
		return;
	note_start(d, top);
	note_path_after(d, st->trail, opening_event(st, top));
	note_chain(d, fc, site);
	if (!site && context_foreign_sleeper(fc, in->callee))
		diag_note(d, in->loc, "%s",
			  context_foreign_sleeper(fc, in->callee));
	defer_rpm_chain(e, in, site);
}
