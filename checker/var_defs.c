/*
 * var_defs.c - definitions of variables and dead branch sides (see
 * var_defs.h).
 *
 * A call's result and a variable whose address is passed count as
 * unknown definitions.  Deliberately ignores stores through pointers:
 * locals of kernel macros (read_poll_timeout()'s __sleep_us) are never
 * written through one.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "var_defs.h"

#define UNKNOWN_DEF 2	/* counts as two definitions: never "once" */

static void count_defs(struct var_defs *vd, const struct ir_insn *in)
{
	int a;

	if (in->kind == IR_ASSIGN) {
		const struct ir_insn *prev = vd->def[in->dst];

		if (in->src.kind != IRV_CONST ||
		    (prev && prev->src.num != in->src.num))
			vd->mixed[in->dst] = 1;
		vd->ndefs[in->dst]++;
		vd->def[in->dst] = in;
		return;
	}
	if (in->result >= 0) {
		vd->ndefs[in->result] += UNKNOWN_DEF;
		vd->mixed[in->result] = 1;
	}
	for (a = 0; a < in->nargs; a++)
		if (in->args[a].addr_of >= 0) {
			vd->ndefs[in->args[a].addr_of] += UNKNOWN_DEF;
			vd->mixed[in->args[a].addr_of] = 1;
		}
}

static int param_index(const struct ir_func *fn, int var)
{
	int k;

	for (k = 0; k < fn->nparams; k++)
		if (strcmp(fn->params[k], fn->vars[var]) == 0)
			return k;
	return -1;
}

/* A test of a local only ever assigned one constant decides one way. */
static void mark_dead(struct var_defs *vd, int b)
{
	const struct ir_block *bb = &vd->fn->blocks[b];
	const struct ir_insn *def;
	int var;

	if (bb->term != IRT_BRANCH || bb->cond.lhs.kind != IRV_VAR)
		return;
	var = bb->cond.lhs.var;
	def = vd->def[var];
	if (!def || vd->mixed[var] || param_index(vd->fn, var) >= 0)
		return;
	vd->dead[b] = ir_cmp_holds(def->src.num, bb->cond.op, bb->cond.rhs) ?
		      2 : 1;
}

void var_defs_init(struct var_defs *vd, const struct ir_func *fn)
{
	int b, i;

	vd->fn = fn;
	vd->ndefs = xcalloc(fn->nvars + 1, sizeof(int));
	vd->def = xcalloc(fn->nvars + 1, sizeof(*vd->def));
	vd->mixed = xcalloc(fn->nvars + 1, 1);
	vd->dead = xcalloc(fn->nblocks + 1, 1);
	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++)
			count_defs(vd, &fn->blocks[b].insns[i]);
	for (b = 0; b < fn->nblocks; b++)
		mark_dead(vd, b);
}

void var_defs_free(struct var_defs *vd)
{
	free(vd->ndefs);
	free(vd->def);
	free(vd->mixed);
	free(vd->dead);
}

int var_defs_param(const struct var_defs *vd, int var)
{
	const struct ir_insn *def;
	int k = param_index(vd->fn, var);

	if (k >= 0)
		return vd->ndefs[var] ? -1 : k;
	def = vd->def[var];
	if (vd->ndefs[var] != 1 || def->src.kind != IRV_VAR)
		return -1;
	k = param_index(vd->fn, def->src.var);
	return k >= 0 && !vd->ndefs[def->src.var] ? k : -1;
}

static bool defines(const struct ir_insn *in, int var)
{
	int a;

	if (in->kind == IR_ASSIGN)
		return in->dst == var;
	if (in->result == var)
		return true;
	for (a = 0; a < in->nargs; a++)
		if (in->args[a].addr_of == var)
			return true;
	return false;
}

/* Blocks that define VAR, or that a block defining it leads to. */
static unsigned char *after_defs(const struct ir_func *fn, int var)
{
	unsigned char *mark = xcalloc(fn->nblocks + 1, 1);
	int *queue = xcalloc(fn->nblocks + 1, sizeof(int));
	int head = 0, n = 0, b, i, s;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns && !mark[b]; i++)
			if (defines(&fn->blocks[b].insns[i], var)) {
				mark[b] = 1;
				queue[n++] = b;
			}
	while (head < n) {
		const struct ir_block *bb = &fn->blocks[queue[head++]];
		int nsucc = bb->term == IRT_JUMP ? 1 :
			    bb->term == IRT_BRANCH ? 2 : 0;

		for (s = 0; s < nsucc; s++)
			if (bb->succ[s] >= 0 && !mark[bb->succ[s]]) {
				mark[bb->succ[s]] = 1;
				queue[n++] = bb->succ[s];
			}
	}
	free(queue);
	return mark;
}

int var_defs_param_at(const struct var_defs *vd, int var, int b)
{
	int k = param_index(vd->fn, var);
	unsigned char *mark;

	if (k < 0 || !vd->ndefs[var])
		return var_defs_param(vd, var);
	mark = after_defs(vd->fn, var);
	if (mark[b])
		k = -1;
	free(mark);
	return k;
}

bool var_defs_dead(const struct var_defs *vd, int b, int side)
{
	return vd->dead[b] & (1 << side);
}
