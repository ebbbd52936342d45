/*
 * analyze.c - drive the engine over the functions of one file.
 *
 * Functions are analysed callees first (depth-first over calls between
 * functions of the same file), so a helper's summary exists before its
 * callers are explored.  Recursion is cut where the cycle closes.
 *
 * Deliberately ignores indirect calls: a function called only through a
 * pointer is analysed on its own, in file order.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "context.h"
#include "rules.h"
#include "diag.h"
#include "driver_model.h"
#include "engine.h"
#include "idle_pairs.h"
#include "lifecycle.h"
#include "summary.h"
#include "util.h"
#include "xfile.h"

struct order {
	const struct fe_unit *unit;
	unsigned char *state;	/* 0 new, 1 in progress, 2 done */
	int *list;
	int count;
};

static void visit(struct order *o, int f);

/* A function of the file passed as an argument (INIT_WORK(w, foo_work))
 * is summarised before the function handing it on. */
static void visit_function_args(struct order *o, const struct ir_insn *in)
{
	int a, callee;

	for (a = 0; a < in->nargs; a++) {
		callee = fe_unit_find(o->unit, in->args[a].text);
		if (callee >= 0)
			visit(o, callee);
	}
}

static void visit(struct order *o, int f)
{
	const struct ir_func *fn = o->unit->funcs[f];
	int b, i, callee;

	if (o->state[f])
		return;
	o->state[f] = 1;
	for (b = 0; b < fn->nblocks; b++) {
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];
			const char *name = in->kind == IR_CALL ? in->callee :
					   in->src_is_function ? in->src_name :
					   NULL;

			/* a callback stored (job->release = foo_release) is
			 * summarised before the function storing it */
			callee = name ? fe_unit_find(o->unit, name) : -1;
			if (callee >= 0)
				visit(o, callee);
			if (in->kind == IR_CALL)
				visit_function_args(o, in);
		}
	}
	o->state[f] = 2;
	o->list[o->count++] = f;
}

static int *callees_first(const struct fe_unit *unit)
{
	struct order o = { unit, NULL, NULL, 0 };
	int f;

	o.state = xcalloc(unit->count + 1, 1);
	o.list = xcalloc(unit->count + 1, sizeof(int));
	for (f = 0; f < unit->count; f++)
		visit(&o, f);
	free(o.state);
	return o.list;
}

/* Does FN call anything that changes a usage count or returns 1? */
static bool touches_runtime_pm(const struct ir_func *fn,
			       const struct rules *rules,
			       const struct summaries *sums)
{
	const struct api_rule *r;
	int b, i;

	for (b = 0; b < fn->nblocks; b++) {
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];

			if (in->kind != IR_CALL || !in->callee)
				continue;
			r = rules_find(rules, in->callee);
			if (r && (r->count || r->ret == RET_ALREADY_ACTIVE))
				return true;
			if (!r && summary_exists(sums, in->callee))
				return true;
		}
	}
	return false;
}

/*
 * Can FN call something that sleeps while an atomic section is open:
 * it opens one, or runs atomic from its first line, and calls something
 * that may sleep?
 */
static bool may_sleep_in_atomic(const struct ir_func *fn,
				const struct rules *rules,
				const struct file_context *fc)
{
	bool opens = context_entry(fc, fn->name) != NULL, sleeps = false;
	const struct sleep_site *site;
	struct atomic_entry ent;
	char *text;
	int b, i;

	for (b = 0; b < fn->nblocks; b++) {
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];
			const struct api_rule *r;

			if (in->kind != IR_CALL || !in->callee)
				continue;
			r = rules_find(rules, in->callee);
			if ((r && r->enter) ||
			    context_lock_helper(fc, in->callee, NULL, &ent,
						&text) > 0)
				opens = true;
			if (context_call_sleeps(fc, in, &site))
				sleeps = true;
		}
	}
	return opens && sleeps;
}

static bool var_is_used(const struct ir_func *fn, int var)
{
	int b, i, a;

	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];

		if ((bb->term == IRT_BRANCH && bb->cond.lhs.kind == IRV_VAR &&
		     bb->cond.lhs.var == var) ||
		    (bb->term == IRT_RETURN && bb->has_retval &&
		     bb->retval.kind == IRV_VAR && bb->retval.var == var))
			return true;
		for (i = 0; i < bb->ninsns; i++) {
			const struct ir_insn *in = &bb->insns[i];

			if (in->kind == IR_ASSIGN && in->src.kind == IRV_VAR &&
			    in->src.var == var)
				return true;
			for (a = 0; in->kind == IR_CALL && a < in->nargs; a++)
				if (in->args[a].val.kind == IRV_VAR &&
				    in->args[a].val.var == var)
					return true;
		}
	}
	return false;
}

/* Is NAME called in the unit, and is every call's result thrown away? */
static bool result_ignored(const char *name, void *data)
{
	const struct fe_unit *unit = data;
	int f, b, i, calls = 0;

	for (f = 0; f < unit->count; f++) {
		const struct ir_func *fn = unit->funcs[f];

		for (b = 0; b < fn->nblocks; b++)
			for (i = 0; i < fn->blocks[b].ninsns; i++) {
				const struct ir_insn *in = &fn->blocks[b].insns[i];

				if (in->kind != IR_CALL || !in->callee ||
				    strcmp(in->callee, name))
					continue;
				if (in->result >= 0 && var_is_used(fn, in->result))
					return false;
				calls++;
			}
	}
	return calls > 0;
}

/* A helper whose caller drops the reference after it fails keeps it
 * for that caller on its error returns: not a leak of the helper. */
static void retract_helper_leaks(const char *name, void *data)
{
	char *prefix = xasprintf("'%s' returns an error", name);

	(void)data;
	diag_retract("rpm-leak", prefix);
	free(prefix);
}

/* --dump-ir also shows the static initialisers the driver model reads. */
static void dump_inits(FILE *out, const struct fe_unit *unit)
{
	int i;

	for (i = 0; i < unit->inits.count; i++) {
		const struct fe_init *in = &unit->inits.items[i];

		fprintf(out, "init %s (struct %s) .%s = %s  @%u\n", in->var,
			in->type, in->field, in->value, in->loc.line);
	}
}

/* Keep what the main run found about FN (index F) for the lifecycle
 * rules; returns whether RES is kept (not to be freed). */
static bool keep_usage_facts(struct usage_facts *uf,
			     const struct driver_model *dm, int f,
			     struct function_result *res)
{
	int i;

	for (i = 0; i < res->nexits; i++)
		if (res->exits[i].st.delta < 0 &&
		    !(res->exits[i].st.flags & ST_TAINTED))
			uf->drops[f] = true;
	if (!dm_is_probe_or_remove(dm, res->fn->name))
		return false;
	uf->kept[f] = res;
	return true;
}

int analyze_unit(const struct analyze_opts *opts, struct fe_unit *unit)
{
	struct engine_ctx ctx = {
		.rules = opts->rules, .sums = summaries_new(),
		.budget = opts->budget, .locals = unit->funcs,
		.nlocals = unit->count, .result_ignored = result_ignored,
		.result_data = unit, .counter = COUNTER_USAGE,
		.idle = idle_pairs_new(),
	};
	struct xfacts xf = { 0 };
	struct driver_model dm = { 0 };
	struct usage_facts uf;
	int *order, i;

	if (opts->dump_ir) {
		for (i = 0; i < unit->count; i++)
			ir_dump(opts->dump_ir, unit->funcs[i]);
		dump_inits(opts->dump_ir, unit);
		summaries_free(ctx.sums);
		idle_pairs_free(ctx.idle);
		return 0;
	}
	order = callees_first(unit);
	if (opts->db && !opts->db_record_only)
		xfile_import(opts->db, opts->db_file, unit, opts->rules,
			     ctx.sums, &xf);
	ctx.fctx = context_build(opts->rules, unit->funcs, unit->count, order,
				 &xf);
	driver_model_build(&dm, opts->rules, unit);
	ctx.dm = &dm;
	uf.kept = xcalloc(unit->count + 1, sizeof(*uf.kept));
	uf.drops = xcalloc(unit->count + 1, sizeof(*uf.drops));
	for (i = 0; i < unit->count; i++) {
		const struct ir_func *fn = unit->funcs[order[i]];
		struct function_result *res;

		if (!touches_runtime_pm(fn, opts->rules, ctx.sums) &&
		    !may_sleep_in_atomic(fn, opts->rules, ctx.fctx))
			continue;
		res = engine_run(&ctx, fn);

		if (res->budget_hit)
			diag_remark(fn->file, fn->loc,
				    "'%s' is too complex: rpmcheck explored only part of its paths",
				    fn->name);
		summary_record(ctx.sums, res);
		idle_pairs_note_function(ctx.idle, &ctx, res);
		if (!keep_usage_facts(&uf, &dm, order[i], res))
			engine_result_free(res);
	}
	idle_pairs_settle(ctx.idle, unit);
	idle_pairs_free(ctx.idle);
	ctx.idle = NULL;
	lifecycle_check(&ctx, unit, order, &dm, &uf);
	for (i = 0; i < unit->count; i++)
		engine_result_free(uf.kept[i]);
	free(uf.kept);
	free(uf.drops);
	driver_model_free(&dm);
	free(order);
	if (opts->db && !opts->db_read_only && unit->count)
		xfile_export(opts->db, opts->db_file, unit->funcs[0]->file,
			     unit, ctx.sums, ctx.fctx);
	context_free((struct file_context *)ctx.fctx);
	xfacts_free(&xf);
	summary_for_compensated(ctx.sums, retract_helper_leaks, NULL);
	summaries_free(ctx.sums);
	return diag_flush(stderr);
}
