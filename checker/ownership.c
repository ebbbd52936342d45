/*
 * ownership.c - where a reference held on a path goes when the function
 * does not drop it itself (see ownership.h).
 *
 * "if (!priv->usb_enabled) { pm_runtime_get_sync(dev);
 * priv->usb_enabled = 1; }": setting a field the function tests to
 * non-zero while holding a reference records that the object owns it
 * (its disable path tests the field and puts), also through a setter
 * of the file ("dfll_set_mode(td, DFLL_OPEN_LOOP)" storing "td->mode"), or
 * into the object the function returns ("hpriv->got_runtime_pm = true;
 * return hpriv;").  Storing or passing on a
 * function is such a record only when that function drops a count on
 * every path: init code stores other ops while it holds references.
 *
 * Deliberately ignores who later drops what the object owns: the
 * disable path, the worker, the release callback are judged on their
 * own.  A put_device() frees the device only in a function that called
 * device_initialize() on it; a lookup's reference frees nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "ownership.h"
#include "rpm_status.h"
#include "summary.h"
#include "util.h"

static bool is_field(const char *name)
{
	return strstr(name, "->") || strchr(name, '.');
}

/* Is NAME a function of the file that drops a count on every path? */
static bool releases_on_every_path(const struct engine *e, const char *name)
{
	int delta;

	return name && e->ctx->sums && engine_local_function(e->ctx, name) &&
	       summary_uniform_delta(e->ctx->sums, name, &delta) && delta < 0;
}

/*
 * Is FIELD ("hpriv->got_runtime_pm") a field of a pointer the function
 * returns?  A constructor that sets it records the reference in the
 * object it hands out (ahci_platform_get_resources()).
 */
static bool field_of_returned_object(const struct ir_func *fn,
				     const char *field)
{
	const char *arrow = strstr(field, "->");
	int b;

	if (fn->ret_type != IRR_PTR || !arrow)
		return false;
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];
		const char *ret;

		if (bb->term != IRT_RETURN || !bb->has_retval ||
		    bb->retval.kind != IRV_VAR)
			continue;
		ret = fn->vars[bb->retval.var];
		if (strlen(ret) == (size_t)(arrow - field) &&
		    !strncmp(ret, field, arrow - field))
			return true;
	}
	return false;
}

static bool stores_tested_flag(const struct engine *e, const struct ir_insn *in)
{
	const char *name;

	if (in->kind != IR_ASSIGN || in->src.kind != IRV_CONST ||
	    !in->src.num || in->src_is_function)
		return false;
	name = e->fn->vars[in->dst];
	return is_field(name) &&
	       (e->kept[in->dst] || field_of_returned_object(e->fn, name));
}

bool owner_recorded_by_store(const struct engine *e, const struct ir_insn *in)
{
	if (stores_tested_flag(e, in))
		return true;
	return in->src_is_function && releases_on_every_path(e, in->src_name);
}

/*
 * "if (!chan->busy) { chan->busy = true; pm_runtime_get_sync(dev); }":
 * the flag set just before the get records the reference as well as one
 * set just after it.  Is the instruction before IN such a store?
 */
static bool recorded_just_before(const struct engine *e,
				 const struct ir_insn *in)
{
	const struct ir_block *bb = &e->fn->blocks[e->cur_block];

	if (in <= bb->insns || in >= bb->insns + bb->ninsns)
		return false;
	return stores_tested_flag(e, in - 1);
}

/*
 * "if (!test_and_set_bit(port, hub->child_usage_bits)) get": a get made
 * only when it newly set a bit of the object belongs to that bit (the
 * path that clears it puts), like a flag stored next to the get.  Is
 * LAST, the newest event before the get, that branch?
 */
static bool guarded_by_new_bit(const struct event *last)
{
	static const char *const setters[] = {
		"test_and_set_bit(", "__test_and_set_bit(",
		"test_and_set_bit_lock(", NULL,
	};
	const char *cond;
	bool negated;
	int i;

	if (!last || last->kind != EV_BRANCH || !last->what)
		return false;
	cond = last->what;
	negated = cond[0] == '!';
	if (negated)
		cond++;
	if (negated != last->taken)
		return false;
	for (i = 0; setters[i]; i++)
		if (starts_with(cond, setters[i]))
			return true;
	return false;
}

bool owner_recorded_at_get(const struct engine *e, const struct state *st,
			   const struct ir_insn *in)
{
	return recorded_just_before(e, in) || guarded_by_new_bit(st->trail);
}

/*
 * "INIT_SAS_EVENT(ev, foo_event_worker, ...)" with a reference held: the
 * reference goes with the work it is handed to, as with a stored
 * release callback.
 */
bool owner_handed_to_callback(const struct engine *e, const struct ir_insn *in)
{
	int a;

	for (a = 0; a < in->nargs; a++)
		if (releases_on_every_path(e, in->args[a].text))
			return true;
	return false;
}

/* Is parameter P of FN's call IN a non-zero constant? */
static bool const_nonzero_arg(const struct ir_func *fn,
			      const struct ir_insn *in, const char *name)
{
	int p;

	for (p = 0; p < fn->nparams && p < in->nargs; p++)
		if (!strcmp(fn->params[p], name))
			return in->args[p].val.kind == IRV_CONST &&
			       in->args[p].val.num != 0;
	return false;
}

/*
 * "dfll_set_mode(td, DFLL_OPEN_LOOP)" where the file's dfll_set_mode()
 * does "td->mode = mode": a store of that constant to the caller's
 * td->mode.  Is IN such a call, storing to a field the caller tests?
 */
bool owner_recorded_by_setter(const struct engine *e, const struct ir_insn *in)
{
	const struct ir_func *fn = in->callee ?
		engine_local_function(e->ctx, in->callee) : NULL;
	const struct ir_insn *as;
	char *text;
	int b, i, v;

	for (b = 0; fn && b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			as = &fn->blocks[b].insns[i];
			if (as->kind != IR_ASSIGN || as->src.kind != IRV_VAR ||
			    !is_field(fn->vars[as->dst]) ||
			    !const_nonzero_arg(fn, in, fn->vars[as->src.var]))
				continue;
			text = ir_text_in_caller(fn, fn->vars[as->dst], in);
			v = text ? ir_find_var(e->fn, text) : -1;
			free(text);
			if (v >= 0 && e->kept[v])
				return true;
		}
	return false;
}

struct init_query {
	const struct rules *rules;
	const char *dev;
};

static bool initialises(const struct ir_insn *call, void *data)
{
	const struct init_query *q = data;
	const struct api_rule *r = rules_find(q->rules, call->callee);

	return r && r->inits_dev && r->dev_arg < call->nargs &&
	       rpm_status_same_device(call->args[r->dev_arg].text, q->dev);
}

/* Does the function call device_initialize() on DEV somewhere? */
static bool function_initialises(const struct engine *e, const char *dev)
{
	struct init_query q = { e->ctx->rules, dev };

	return ir_find_call(e->fn, initialises, &q) != NULL;
}

/*
 * device_unregister(dev), or put_device(dev) of a device the function
 * initialised (its error path frees it), on a path that still holds a
 * reference to dev's usage count: the count goes with the device, so
 * the path is not judged for leaks.  The count itself is not dropped: a
 * pm_runtime_put_noidle() after device_del() is still the right put.
 */
void owner_end_device(struct engine *e, struct state *st,
		      const struct ir_insn *in, const struct api_rule *r)
{
	const char *dev;

	if (r->dev_arg < 0 || r->dev_arg >= in->nargs || st->delta <= 0)
		return;
	dev = in->args[r->dev_arg].text;
	if (r->frees_dev == FREE_IF_INITIALISED &&
	    !function_initialises(e, dev))
		return;
	if (trail_unmatched_get_of(st->trail, dev))
		st->flags |= ST_OWNER_KEPT;
}
