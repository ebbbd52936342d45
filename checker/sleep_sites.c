/*
 * sleep_sites.c - which functions of the file may sleep, through which
 * call, and under which tests of their parameters (see context.h).
 *
 * May-sleep summaries are syntactic: a function may sleep when a block
 * reachable from its entry calls something that sleeps.  A function
 * that asks what context it runs in (in_interrupt(), irqs_disabled())
 * chooses for itself and is taken not to sleep; one that first releases
 * its caller's lock sleeps outside it.  A sleeping call reached only
 * when a parameter passes a test ("if (can_sleep) msleep(1)") keeps
 * that test, and a call with constant arguments follows the helper's
 * tests of them, as does a caller that says what its path knows of a
 * variable argument.  Deliberately ignores other arguments that are not
 * constants: such a call may sleep.
 */
#include <stdlib.h>
#include <string.h>

#include "context_internal.h"
#include "util.h"

/* __GFP_DIRECT_RECLAIM: the allocation may wait for memory reclaim.
 * Its value has been 0x400 since Linux 4.4. */
#define GFP_DIRECT_RECLAIM 0x400


static bool rule_sleeps(const struct file_context *fc,
			const struct api_rule *r, const struct ir_insn *in)
{
	if (r->sleeps) {
		if (r->dev_arg >= 0 && !r->dev_deref && r->dev_arg < in->nargs &&
		    context_irq_safe(fc, in->args[r->dev_arg].text))
			return false;
		return true;
	}
	if (r->gfp_arg >= 0 && r->gfp_arg < in->nargs) {
		const struct ir_val *v = &in->args[r->gfp_arg].val;

		return v->kind == IRV_CONST && (v->num & GFP_DIRECT_RECLAIM);
	}
	return false;
}

/*
 * Can SITE happen with IN's arguments?  Constants rule it out, and so
 * does what the caller's path knows of a variable (ASK, when given):
 * "if (!skb) skb = alloc_skb(..., GFP_KERNEL)" is not reached from a
 * call whose skb was tested non-NULL.
 */
static bool site_allowed(const struct sleep_site *site,
			 const struct ir_insn *in, const struct arg_query *ask)
{
	int i;

	for (i = 0; i < site->nconds; i++) {
		const struct sleep_cond *c = &site->conds[i];
		const struct ir_val *v;

		if (c->param >= in->nargs)
			continue;
		v = &in->args[c->param].val;
		if (v->kind == IRV_CONST && !ir_cmp_holds(v->num, c->op, c->rhs))
			return false;
		if (v->kind == IRV_VAR && ask &&
		    !ask->may_hold(ask->data, v->var, c->op, c->rhs))
			return false;
	}
	return true;
}

/* Which side of BB's test constant arguments of IN decide away (bit). */
static int decided_away(const struct var_defs *vd, const struct ir_block *bb,
			const struct ir_insn *in)
{
	const struct ir_val *v;
	int k;

	if (bb->term != IRT_BRANCH || bb->cond.lhs.kind != IRV_VAR)
		return 0;
	k = var_defs_param(vd, bb->cond.lhs.var);
	if (k < 0 || k >= in->nargs)
		return 0;
	v = &in->args[k].val;
	if (v->kind != IRV_CONST)
		return 0;
	return ir_cmp_holds(v->num, bb->cond.op, bb->cond.rhs) ? 2 : 1;
}

/*
 * Can the helper reach SITE when called as IN?  Its tests of parameters
 * that IN passes as constants go one way only (mwifiex's "if (action
 * == A || action == B) msleep()" called with action C).
 */
struct call_edges {
	const struct var_defs *vd;
	const struct ir_insn *in;
};

static bool call_edge_ok(const struct ir_func *fn, int b, int side, void *data)
{
	const struct call_edges *ce = data;

	return !(decided_away(ce->vd, &fn->blocks[b], ce->in) & (1 << side)) &&
	       !var_defs_dead(ce->vd, b, side);
}

static bool site_reachable(const struct fn_info *fi,
			   const struct sleep_site *site,
			   const struct ir_insn *in)
{
	struct call_edges ce = { &fi->vd, in };
	int n, i, *order = ir_reachable(fi->fn, call_edge_ok, &ce, &n);
	bool found = false;

	for (i = 0; i < n && !found; i++)
		found = order[i] == site->block;
	free(order);
	return found;
}

static bool has_const_arg(const struct ir_insn *in)
{
	int a;

	for (a = 0; a < in->nargs; a++)
		if (in->args[a].val.kind == IRV_CONST)
			return true;
	return false;
}

bool context_call_sleeps(const struct file_context *fc,
			 const struct ir_insn *in,
			 const struct sleep_site **site)
{
	return context_call_sleeps_given(fc, in, NULL, site);
}

bool context_call_sleeps_given(const struct file_context *fc,
			       const struct ir_insn *in,
			       const struct arg_query *ask,
			       const struct sleep_site **site)
{
	const struct api_rule *r;
	const struct fn_info *fi;
	int i;

	*site = NULL;
	if (in->kind != IR_CALL || !in->callee)
		return false;
	r = rules_find(fc->rules, in->callee);
	if (r)
		return rule_sleeps(fc, r, in);
	fi = context_info_of(fc, in->callee);
	if (!fi)
		return context_foreign_sleeper(fc, in->callee) != NULL;
	for (i = 0; i < fi->nsites; i++) {
		if (site_allowed(&fi->sites[i], in, ask) &&
		    (!has_const_arg(in) || site_reachable(fi, &fi->sites[i], in))) {
			*site = &fi->sites[i];
			return true;
		}
	}
	return false;
}

bool context_sleeps_conditionally(const struct file_context *fc,
				  const char *fn)
{
	const struct fn_info *fi = context_info_of(fc, fn);

	return fi && fi->nsites && !fi->sleeps_always;
}

static bool asks_context(const struct file_context *fc, const struct ir_func *fn)
{
	int b, i;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];
			const struct api_rule *r = in->callee ?
				rules_find(fc->rules, in->callee) : NULL;

			if (r && r->ctx_query)
				return true;
		}
	return false;
}

/* Blocks reachable from the entry, not through edge SKIP->succ[SIDE]
 * (SKIP < 0: every edge) nor dead ones, in breadth-first order. */
struct skipped_edge {
	const struct var_defs *vd;
	int block, side;
};

static bool live_edge_ok(const struct ir_func *fn, int b, int side, void *data)
{
	const struct skipped_edge *se = data;

	(void)fn;
	return !(b == se->block && side == se->side) &&
	       !var_defs_dead(se->vd, b, side);
}

static int *reachable_blocks(const struct var_defs *vd, int skip, int side,
			     int *count)
{
	struct skipped_edge se = { vd, skip, side };

	return ir_reachable(vd->fn, live_edge_ok, &se, count);
}

static bool reaches(const struct var_defs *vd, int to, int skip, int side)
{
	int n, i, *order = reachable_blocks(vd, skip, side, &n);
	bool found = false;

	for (i = 0; i < n && !found; i++)
		found = order[i] == to;
	free(order);
	return found;
}

static void add_cond(struct sleep_site *site, int param, enum ir_cmp op,
		     long long rhs)
{
	if (site->nconds < MAX_SLEEP_CONDS)
		site->conds[site->nconds++] = (struct sleep_cond){ param, op, rhs };
}

static enum ir_cmp negate(enum ir_cmp op)
{
	static const enum ir_cmp neg[] = {
		[IRC_EQ] = IRC_NE, [IRC_NE] = IRC_EQ, [IRC_LT] = IRC_GE,
		[IRC_LE] = IRC_GT, [IRC_GT] = IRC_LE, [IRC_GE] = IRC_LT,
	};

	return neg[op];
}

/* Tests of FN's parameters that every path to block TO must pass. */
static void add_guards(const struct var_defs *vd, int to,
		       struct sleep_site *site)
{
	const struct ir_func *fn = vd->fn;
	int b, side, k;

	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];

		if (bb->term != IRT_BRANCH || bb->cond.lhs.kind != IRV_VAR ||
		    bb->succ[0] == bb->succ[1])
			continue;
		k = var_defs_param_at(vd, bb->cond.lhs.var, b);
		if (k < 0)
			continue;
		for (side = 0; side < 2; side++)
			if (!reaches(vd, to, b, side))
				add_cond(site, k, side ? negate(bb->cond.op) :
					 bb->cond.op, bb->cond.rhs);
	}
}

/* A helper's conditions, said in terms of the caller's parameters. */
static void translate_conds(const struct var_defs *vd, const struct ir_insn *in,
			    const struct sleep_site *inner,
			    struct sleep_site *site)
{
	int i, k;

	for (i = 0; i < inner->nconds; i++) {
		const struct sleep_cond *c = &inner->conds[i];
		const struct ir_val *v = c->param < in->nargs ?
			&in->args[c->param].val : NULL;

		if (!v || v->kind != IRV_VAR)
			continue;
		k = var_defs_param(vd, v->var);
		if (k >= 0)
			add_cond(site, k, c->op, c->rhs);
	}
}

static void add_site(struct fn_info *fi, const struct sleep_site *site)
{
	if (!site->nconds || fi->nsites == MAX_SLEEP_SITES) {
		fi->sites[0] = *site;
		fi->sites[0].nconds = 0;	/* sleeps whatever the args */
		fi->nsites = 1;
		fi->sleeps_always = true;
		return;
	}
	fi->sites[fi->nsites++] = *site;
}

/* Where a call sits in a helper: what the tests on the way there say. */
struct guard_query {
	const struct var_defs *vd;
	int block;
};

/*
 * Can VAR OP 0 hold at the call's block, given the tests of VAR against
 * 0 that every path to it passes ("if (abort_skb) foo_reset(abort_skb)":
 * abort_skb != 0 there)?
 */
static bool guarded_may_hold(const void *data, int var, enum ir_cmp op,
			     long long rhs)
{
	const struct guard_query *g = data;
	const struct ir_func *fn = g->vd->fn;
	int b, side;

	if (rhs != 0)
		return true;
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];

		if (bb->term != IRT_BRANCH || bb->cond.lhs.kind != IRV_VAR ||
		    bb->cond.lhs.var != var || bb->cond.rhs != 0 ||
		    bb->succ[0] == bb->succ[1])
			continue;
		for (side = 0; side < 2; side++) {
			enum ir_cmp known = side ? negate(bb->cond.op) :
					    bb->cond.op;

			if (!reaches(g->vd, g->block, b, side) &&
			    !(ir_cmp_zero_signs(known) & ir_cmp_zero_signs(op)))
				return false;
		}
	}
	return true;
}

static void sleep_sites_of_call(const struct file_context *fc,
				const struct var_defs *vd, struct fn_info *fi,
				int block, const struct ir_insn *in)
{
	const struct sleep_site *inner;
	struct sleep_site site = { fi->fn->name, in, block, 0, { { 0 } } };
	struct guard_query g = { vd, block };
	const struct arg_query ask = { guarded_may_hold, &g };

	if (!context_call_sleeps_given(fc, in, &ask, &inner))
		return;
	if (inner)
		translate_conds(vd, in, inner, &site);
	add_guards(vd, block, &site);
	add_site(fi, &site);
}

/* Is CALL an API call that opens (1) or closes (-1) a section? */
static int section_effect(const struct file_context *fc,
			  const struct ir_insn *in)
{
	const struct api_rule *r = in->kind == IR_CALL && in->callee ?
		rules_find(fc->rules, in->callee) : NULL;

	if (r)
		return r->enter ? 1 : r->leave ? -1 : 0;
	return in->kind == IR_CALL && in->callee &&
	       atomic_names_unlock(in->callee) ? -1 : 0;
}

/*
 * Does FN close a section it did not open: a lock release reachable
 * from its entry before any lock is taken?  Such a function
 * (__releases(lock), "unlock; msleep; lock") drops its caller's lock
 * before it sleeps.
 */
/* The first section a block opens (1) or closes (-1), or 0. */
static int block_effect(const struct file_context *fc,
			const struct ir_block *bb)
{
	int i, effect = 0;

	for (i = 0; i < bb->ninsns && !effect; i++)
		effect = section_effect(fc, &bb->insns[i]);
	return effect;
}

static bool no_section_yet(const struct ir_func *fn, int b, int side,
			   void *fc)
{
	(void)side;
	return block_effect(fc, &fn->blocks[b]) == 0;
}

bool sleep_drops_callers_section(const struct file_context *fc,
				 const struct ir_func *fn)
{
	int n, i, *order = ir_reachable(fn, no_section_yet, (void *)fc, &n);
	bool drops = false;

	for (i = 0; i < n && !drops; i++)
		drops = block_effect(fc, &fn->blocks[order[i]]) < 0;
	free(order);
	return drops;
}

void sleep_find(const struct file_context *fc, struct fn_info *fi)
{
	const struct ir_func *fn = fi->fn;
	int n, k, i, *order;

	if (asks_context(fc, fn) || sleep_drops_callers_section(fc, fn))
		return;
	var_defs_init(&fi->vd, fn);
	fi->has_vd = true;
	order = reachable_blocks(&fi->vd, -1, 0, &n);
	for (k = 0; k < n && !fi->sleeps_always; k++) {
		const struct ir_block *bb = &fn->blocks[order[k]];

		for (i = 0; i < bb->ninsns && !fi->sleeps_always; i++)
			sleep_sites_of_call(fc, &fi->vd, fi, order[k],
					    &bb->insns[i]);
	}
	free(order);
}


const struct ir_insn *context_sleeps_always_via(const struct file_context *fc,
						const char *fn)
{
	const struct fn_info *fi = context_info_of(fc, fn);

	return fi && fi->sleeps_always ? fi->sites[0].call : NULL;
}
