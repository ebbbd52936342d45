/*
 * check_callback_deadlock.c - rule rpm-callback-deadlock: a runtime PM
 * callback (or a function of the file it calls) that synchronously
 * resumes or suspends the device it is called for.  The PM core runs
 * ->runtime_suspend() with the device SUSPENDING and ->runtime_resume()
 * with it RESUMING; a synchronous resume waits for that to end (rules:
 * rpm-sync=resume), and so does a synchronous suspend from
 * ->runtime_suspend() (rpm-sync=suspend).  They wait for themselves.
 *
 * The device is the callback's "struct device *" parameter, a pointer
 * derived from it (to_platform_device(dev), a container_of() copy) or
 * the "dev" field of its driver data (dev_get_drvdata(dev)->dev).
 *
 * Deliberately ignores system sleep callbacks (pm_runtime_resume() from
 * ->suspend() is the documented idiom), ->runtime_idle() (the device is
 * active there), plain pm_runtime_put_sync() (rpm_idle() only returns
 * -EAGAIN while a callback runs) and any other device.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lifecycle.h"
#include "util.h"

#define MAX_DEPTH 3

struct chain {
	const struct ir_func *fn;
	const struct ir_insn *call;	/* the call into the next function */
};

struct walk {
	const struct rules *rules;
	const struct fe_unit *unit;
	const struct dm_callback *cb;
	struct chain chain[MAX_DEPTH];
	bool reported;
};

static bool gets_driver_data(const char *callee)
{
	return callee && (strstr(callee, "get_drvdata") ||
			  strstr(callee, "get_clientdata"));
}

/*
 * What points to the device (or to its driver data) in one function:
 * the parameter ROOT, copies of it (container_of() lowers to one) and
 * results of dev_get_drvdata()-style calls on those.  ROOT need not be a
 * variable of the IR: a parameter used only through its fields
 * ("priv->dev") is not one.
 */
struct own {
	const char *root;
	bool *vars;
};

static bool *own_vars(const struct ir_func *fn, const char *root)
{
	bool *set = xcalloc(fn->nvars + 1, sizeof(bool)), changed = true;
	int b, i, a, v;

	for (v = 0; v < fn->nvars; v++)
		if (strcmp(fn->vars[v], root) == 0)
			set[v] = true;
	while (changed) {
		changed = false;
		for (b = 0; b < fn->nblocks; b++) {
			for (i = 0; i < fn->blocks[b].ninsns; i++) {
				const struct ir_insn *in = &fn->blocks[b].insns[i];
				int to = in->kind == IR_ASSIGN ? in->dst : in->result;
				bool from = false;

				if (to < 0 || set[to])
					continue;
				if (in->kind == IR_ASSIGN)
					from = in->src.kind == IRV_VAR &&
					       set[in->src.var];
				for (a = 0; in->kind == IR_CALL && a < in->nargs &&
					    gets_driver_data(in->callee); a++)
					if (in->args[a].val.kind == IRV_VAR &&
					    set[in->args[a].val.var])
						from = true;
				if (from)
					set[to] = changed = true;
			}
		}
	}
	return set;
}

/* Is TEXT NAME itself, or its device ("&NAME->dev", "NAME->dev")? */
static bool is_or_has_device(const char *text, const char *name)
{
	size_t n = strlen(name);

	if (strcmp(text, name) == 0)
		return true;
	if (*text == '&')
		text++;
	return strncmp(text, name, n) == 0 && strcmp(text + n, "->dev") == 0;
}

/* Is TEXT the device: "dev", "&pdev->dev", "priv->dev" of an own name? */
static bool names_device(const struct ir_func *fn, const struct own *own,
			 const char *text)
{
	int v;

	if (is_or_has_device(text, own->root))
		return true;
	for (v = 0; v < fn->nvars; v++)
		if (own->vars[v] && is_or_has_device(text, fn->vars[v]))
			return true;
	return false;
}

static bool deadlocks_here(const struct walk *w, const struct api_rule *r)
{
	if (!r || r->rpm_sync == SYNC_NONE)
		return false;
	return r->rpm_sync == SYNC_RESUME || w->cb->kind == CB_RUNTIME_SUSPEND;
}

static void report(struct walk *w, int depth, const struct ir_insn *call)
{
	const struct ir_func *top = w->chain[0].fn;
	struct diag *d;
	int i;

	d = diag_warn("rpm-callback-deadlock", top->file,
		      depth ? w->chain[0].call->loc : call->loc,
		      "'%s' (the ->%s callback) calls '%s' on its own device: the call waits for the callback to return, which deadlocks",
		      top->name, w->cb->field, call->callee);
	w->reported = true;
	for (i = 1; d && i <= depth; i++)
		diag_note(d, i < depth ? w->chain[i].call->loc : call->loc,
			  "'%s' calls '%s' on the device here",
			  w->chain[i].fn->name,
			  i < depth ? w->chain[i].call->callee : call->callee);
}

static void walk_function(struct walk *w, const struct ir_func *fn,
			  const char *root, int depth);

static void walk_call(struct walk *w, const struct ir_func *fn,
		      const struct own *own, const struct ir_insn *in, int depth)
{
	const struct api_rule *r = rules_find(w->rules, in->callee);
	int a, f;

	if (deadlocks_here(w, r) && r->dev_arg < in->nargs &&
	    names_device(fn, own, in->args[r->dev_arg].text)) {
		report(w, depth, in);
		return;
	}
	if (r || depth + 1 >= MAX_DEPTH)
		return;
	f = fe_unit_find(w->unit, in->callee);
	if (f < 0)
		return;
	for (a = 0; a < in->nargs && a < w->unit->funcs[f]->nparams; a++) {
		const struct ir_func *callee = w->unit->funcs[f];

		const struct ir_arg *arg = &in->args[a];

		if (!(arg->val.kind == IRV_VAR && own->vars[arg->val.var]) &&
		    !names_device(fn, own, arg->text))
			continue;
		w->chain[depth].call = in;
		walk_function(w, callee, callee->params[a], depth + 1);
		if (w->reported)
			return;
	}
}

struct call_walk {
	struct walk *w;
	const struct ir_func *fn;
	const struct own *own;
	int depth;
};

/* ir_find_call() stops at the first call that leads to a report. */
static bool walk_one_call(const struct ir_insn *call, void *data)
{
	struct call_walk *cw = data;

	if (!call->is_cleanup)
		walk_call(cw->w, cw->fn, cw->own, call, cw->depth);
	return cw->w->reported;
}

static void walk_function(struct walk *w, const struct ir_func *fn,
			  const char *root, int depth)
{
	struct own own = { root, own_vars(fn, root) };
	struct call_walk cw = { w, fn, &own, depth };

	w->chain[depth].fn = fn;
	ir_find_call(fn, walk_one_call, &cw);
	free(own.vars);
}

void check_callback_deadlock(const struct rules *rules,
			     const struct fe_unit *unit,
			     const struct driver_model *dm)
{
	int c, f;

	for (c = 0; c < dm->callbacks.count; c++) {
		const struct dm_callback *cb = &dm->callbacks.items[c];
		struct walk w = { .rules = rules, .unit = unit, .cb = cb };

		if (cb->kind != CB_RUNTIME_SUSPEND && cb->kind != CB_RUNTIME_RESUME)
			continue;
		f = fe_unit_find(unit, cb->fn);
		if (f >= 0 && unit->funcs[f]->nparams > 0)
			walk_function(&w, unit->funcs[f],
				      unit->funcs[f]->params[0], 0);
	}
}
