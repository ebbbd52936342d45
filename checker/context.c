/*
 * context.c - entry contexts, irq-safe devices, may-sleep and lock
 * helper summaries of one file (see context.h).
 *
 * May-sleep summaries are syntactic: a function may sleep when a block
 * reachable from its entry calls something that sleeps.  A function
 * that asks what context it runs in (in_interrupt(), irqs_disabled())
 * chooses for itself and is taken not to sleep.
 *
 * A sleeping call reached only when a parameter passes a test ("if
 * (can_sleep) msleep(1)") keeps that test, so foo_wait(priv, false)
 * does not sleep.  Deliberately ignores arguments that are not
 * constants: such a call may sleep.
 */
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "util.h"
#include "var_defs.h"

/* __GFP_DIRECT_RECLAIM: the allocation may wait for memory reclaim.
 * Its value has been 0x400 since Linux 4.4. */
#define GFP_DIRECT_RECLAIM 0x400

#define MAX_SLEEP_SITES 8

struct fn_info {
	const struct ir_func *fn;
	bool has_entry;
	struct atomic_entry entry;
	struct sleep_site sites[MAX_SLEEP_SITES];	/* calls that sleep */
	int nsites;
	bool sleeps_always;	/* whatever its arguments */
	int lock_effect;
	struct atomic_entry lock;
	struct var_defs vd;	/* when it has sleep sites */
	bool has_vd;
};

struct file_context {
	const struct rules *rules;
	struct fn_info *fns;
	int nfns;
	struct { const char **items; int count, alloc; } irq_safe;
};

static struct fn_info *info_of(const struct file_context *fc, const char *name)
{
	int i;

	for (i = 0; name && i < fc->nfns; i++)
		if (strcmp(fc->fns[i].fn->name, name) == 0)
			return &fc->fns[i];
	return NULL;
}

const char *context_api_name(const struct file_context *fc, const char *name)
{
	const struct api_rule *r = rules_find(fc->rules, name);

	return r && r->as ? r->as : name;
}

/* ---- entry contexts ---- */

static void set_entry(struct file_context *fc, const char *name,
		      enum atomic_kind kind, const char *by, struct ir_loc loc)
{
	struct fn_info *fi = info_of(fc, name);

	if (!fi || fi->has_entry)
		return;
	fi->has_entry = true;
	fi->entry.kind = kind;
	fi->entry.by = by;
	fi->entry.fn = fi->fn->name;
	fi->entry.loc = loc;
}

/* "t->function = cb": an hrtimer (or old-style timer) callback. */
static bool is_timer_function_field(const char *var)
{
	return ends_with(var, ".function") || ends_with(var, "->function");
}

static void scan_insn(struct file_context *fc, const struct ir_func *fn,
		      const struct ir_insn *in)
{
	const struct api_rule *r;

	if (in->kind == IR_ASSIGN) {
		if (in->src_is_function && in->src_name &&
		    is_timer_function_field(fn->vars[in->dst]))
			set_entry(fc, in->src_name, AK_TIMER, "hrtimer", in->loc);
		return;
	}
	r = in->callee ? rules_find(fc->rules, in->callee) : NULL;
	if (!r)
		return;
	if (r->registers && r->handler_arg < in->nargs)
		set_entry(fc, in->args[r->handler_arg].text, r->registers,
			  r->as ? r->as : r->name, in->loc);
	if (r->irq_safe && r->dev_arg >= 0 && r->dev_arg < in->nargs)
		ARRAY_PUSH(fc->irq_safe, in->args[r->dev_arg].text);
}

static void scan_function(struct file_context *fc, const struct ir_func *fn)
{
	int b, i;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++)
			scan_insn(fc, fn, &fn->blocks[b].insns[i]);
}

static void add_must_hold(struct fn_info *fi)
{
	if (fi->has_entry || !fi->fn->must_hold)
		return;
	fi->has_entry = true;
	fi->entry.kind = AK_MUST_HOLD;
	fi->entry.lock = fi->fn->must_hold;
	fi->entry.by = fi->fn->must_hold_rwlock ? "rwlock" : "spinlock";
	fi->entry.fn = fi->fn->name;
	fi->entry.loc = fi->fn->must_hold_loc;
}

const struct atomic_entry *context_entry(const struct file_context *fc,
					 const char *fn)
{
	const struct fn_info *fi = info_of(fc, fn);

	return fi && fi->has_entry ? &fi->entry : NULL;
}

/* ---- irq-safe devices ---- */

/* The last member named: "dev" of "&pdev->dev", NULL for "dev". */
static const char *last_member(const char *text)
{
	const char *p, *best = NULL;

	for (p = text; *p; p++) {
		if (p[0] == '-' && p[1] == '>')
			best = p + 2;
		else if (p[0] == '.')
			best = p + 1;
	}
	return best;
}

/* The same device, or two names that may be: "&pdev->dev" and
 * "priv->dev", or a parameter "dev". */
static bool may_be_same_device(const char *a, const char *b)
{
	const char *ma, *mb;

	if (*a == '&')
		a++;
	if (*b == '&')
		b++;
	if (strcmp(a, b) == 0)
		return true;
	ma = last_member(a);
	mb = last_member(b);
	return !ma || !mb || strcmp(ma, mb) == 0;
}

static bool is_irq_safe(const struct file_context *fc, const char *dev)
{
	int i;

	for (i = 0; i < fc->irq_safe.count; i++)
		if (may_be_same_device(fc->irq_safe.items[i], dev))
			return true;
	return false;
}

/* ---- sleeping ---- */

static bool rule_sleeps(const struct file_context *fc,
			const struct api_rule *r, const struct ir_insn *in)
{
	if (r->sleeps) {
		if (r->dev_arg >= 0 && !r->dev_deref && r->dev_arg < in->nargs &&
		    is_irq_safe(fc, in->args[r->dev_arg].text))
			return false;
		return true;
	}
	if (r->gfp_arg >= 0 && r->gfp_arg < in->nargs) {
		const struct ir_val *v = &in->args[r->gfp_arg].val;

		return v->kind == IRV_CONST && (v->num & GFP_DIRECT_RECLAIM);
	}
	return false;
}

/* Can SITE happen with IN's arguments?  Only constants rule it out. */
static bool site_allowed(const struct sleep_site *site,
			 const struct ir_insn *in)
{
	int i;

	for (i = 0; i < site->nconds; i++) {
		const struct sleep_cond *c = &site->conds[i];
		const struct ir_val *v;

		if (c->param >= in->nargs)
			continue;
		v = &in->args[c->param].val;
		if (v->kind == IRV_CONST && !cmp_holds(v->num, c->op, c->rhs))
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
	return cmp_holds(v->num, bb->cond.op, bb->cond.rhs) ? 2 : 1;
}

/*
 * Can the helper reach SITE when called as IN?  Its tests of parameters
 * that IN passes as constants go one way only (mwifiex's "if (action
 * == A || action == B) msleep()" called with action C).
 */
static bool site_reachable(const struct fn_info *fi,
			   const struct sleep_site *site,
			   const struct ir_insn *in)
{
	const struct ir_func *fn = fi->fn;
	int *stack = xcalloc(fn->nblocks + 1, sizeof(int));
	unsigned char *seen = xcalloc(fn->nblocks + 1, 1);
	int n = 0, b, s, away;
	bool found = false;

	stack[n++] = fn->entry;
	seen[fn->entry] = 1;
	while (n && !found) {
		const struct ir_block *bb = &fn->blocks[b = stack[--n]];
		int nsucc = bb->term == IRT_JUMP ? 1 :
			    bb->term == IRT_BRANCH ? 2 : 0;

		found = b == site->block;
		away = decided_away(&fi->vd, bb, in);
		for (s = 0; s < nsucc; s++)
			if (bb->succ[s] >= 0 && !seen[bb->succ[s]] &&
			    !(away & (1 << s)) && !var_defs_dead(&fi->vd, b, s)) {
				seen[bb->succ[s]] = 1;
				stack[n++] = bb->succ[s];
			}
	}
	free(stack);
	free(seen);
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
	const struct api_rule *r;
	const struct fn_info *fi;
	int i;

	*site = NULL;
	if (in->kind != IR_CALL || !in->callee)
		return false;
	r = rules_find(fc->rules, in->callee);
	if (r)
		return rule_sleeps(fc, r, in);
	fi = info_of(fc, in->callee);
	for (i = 0; fi && i < fi->nsites; i++) {
		if (site_allowed(&fi->sites[i], in) &&
		    (!has_const_arg(in) || site_reachable(fi, &fi->sites[i], in))) {
			*site = &fi->sites[i];
			return true;
		}
	}
	return false;
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
static int *reachable_blocks(const struct var_defs *vd, int skip, int side,
			     int *count)
{
	const struct ir_func *fn = vd->fn;
	int *queue = xcalloc(fn->nblocks + 1, sizeof(int));
	unsigned char *seen = xcalloc(fn->nblocks + 1, 1);
	int head = 0, n = 0, s, b;

	queue[n++] = fn->entry;
	seen[fn->entry] = 1;
	while (head < n) {
		const struct ir_block *bb = &fn->blocks[b = queue[head++]];
		int nsucc = bb->term == IRT_JUMP ? 1 :
			    bb->term == IRT_BRANCH ? 2 : 0;

		for (s = 0; s < nsucc; s++)
			if (bb->succ[s] >= 0 && !seen[bb->succ[s]] &&
			    !(b == skip && s == side) && !var_defs_dead(vd, b, s)) {
				seen[bb->succ[s]] = 1;
				queue[n++] = bb->succ[s];
			}
	}
	free(seen);
	*count = n;
	return queue;
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
		k = var_defs_param(vd, bb->cond.lhs.var);
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

static void sleep_sites_of_call(const struct file_context *fc,
				const struct var_defs *vd, struct fn_info *fi,
				int block, const struct ir_insn *in)
{
	const struct sleep_site *inner;
	struct sleep_site site = { fi->fn->name, in, block, 0, { { 0 } } };

	if (!context_call_sleeps(fc, in, &inner))
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
	       strstr(in->callee, "unlock") ? -1 : 0;
}

/*
 * Does FN close a section it did not open: a lock release reachable
 * from its entry before any lock is taken?  Such a function
 * (__releases(lock), "unlock; msleep; lock") drops its caller's lock
 * before it sleeps.
 */
static bool drops_callers_section(const struct file_context *fc,
				  const struct ir_func *fn)
{
	int *stack = xcalloc(fn->nblocks + 1, sizeof(int));
	unsigned char *seen = xcalloc(fn->nblocks + 1, 1);
	int n = 0, b, i, s, effect = 0;

	stack[n++] = fn->entry;
	seen[fn->entry] = 1;
	while (n && effect >= 0) {
		const struct ir_block *bb = &fn->blocks[b = stack[--n]];

		for (i = 0, effect = 0; i < bb->ninsns && !effect; i++)
			effect = section_effect(fc, &bb->insns[i]);
		if (effect || (bb->term != IRT_JUMP && bb->term != IRT_BRANCH))
			continue;
		for (s = 0; s < (bb->term == IRT_BRANCH ? 2 : 1); s++)
			if (bb->succ[s] >= 0 && !seen[bb->succ[s]]) {
				seen[bb->succ[s]] = 1;
				stack[n++] = bb->succ[s];
			}
	}
	free(stack);
	free(seen);
	return effect < 0;
}

static void find_sleep(const struct file_context *fc, struct fn_info *fi)
{
	const struct ir_func *fn = fi->fn;
	int n, k, i, *order;

	if (asks_context(fc, fn) || drops_callers_section(fc, fn))
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

/* ---- lock helpers ---- */

/* The text of argument ARG of IN, through spinlock_check(lock). */
static const char *unwrapped_lock(const struct file_context *fc,
				  const struct ir_func *fn,
				  const struct ir_insn *in, int arg)
{
	const struct ir_arg *a;
	int b, i;

	if (arg >= in->nargs)
		return NULL;
	a = &in->args[arg];
	if (a->text[0] || a->val.kind != IRV_VAR)
		return a->text[0] ? a->text : NULL;
	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *def = &fn->blocks[b].insns[i];
			const struct api_rule *r;

			if (def->kind != IR_CALL || def->result != a->val.var ||
			    !def->callee)
				continue;
			r = rules_find(fc->rules, def->callee);
			return r && r->ret == RET_ARG0 && def->nargs &&
			       def->args[0].text[0] ? def->args[0].text : NULL;
		}
	return NULL;
}

/* Can FN return without passing block B? */
static bool returns_avoiding(const struct ir_func *fn, int avoid)
{
	int *stack = xcalloc(fn->nblocks + 1, sizeof(int));
	unsigned char *seen = xcalloc(fn->nblocks + 1, 1);
	int n = 0, s;
	bool found = false;

	if (fn->entry != avoid)
		stack[n++] = fn->entry;
	seen[fn->entry] = 1;
	while (n && !found) {
		const struct ir_block *bb = &fn->blocks[stack[--n]];

		found = bb->term == IRT_RETURN;
		for (s = 0; s < 2 && (bb->term == IRT_JUMP ||
				      bb->term == IRT_BRANCH); s++) {
			int next = bb->succ[s];

			if (next >= 0 && next != avoid && !seen[next]) {
				seen[next] = 1;
				stack[n++] = next;
			}
			if (bb->term == IRT_JUMP)
				break;
		}
	}
	free(stack);
	free(seen);
	return found;
}

/*
 * A lock helper takes one lock on every path and releases none
 * (foo_lock()), or releases without taking: one release, or a release
 * of the caller's lock before anything else (__releases()).  A helper
 * that takes a spinlock on one path and a mutex on another is neither.
 */
static void find_lock_effect(const struct file_context *fc, struct fn_info *fi)
{
	const struct ir_func *fn = fi->fn;
	const struct ir_insn *taken = NULL;
	const struct api_rule *tr = NULL;
	enum atomic_kind left = AK_NONE;
	int b, i, taken_block = -1, enters = 0, leaves = 0;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];
			const struct api_rule *r = in->callee ?
				rules_find(fc->rules, in->callee) : NULL;

			if (!r) {
				leaves += in->callee && strstr(in->callee, "unlock");
				continue;
			}
			if (r->enter && r->when == WHEN_ALWAYS && !taken) {
				taken = in;
				tr = r;
				taken_block = b;
			}
			if (r->leave && !left)
				left = r->leave;
			enters += r->enter != AK_NONE;
			leaves += r->leave != AK_NONE;
		}
	if (fi->has_entry)
		return;
	if (enters == 1 && !leaves && taken &&
	    !returns_avoiding(fn, taken_block)) {
		fi->lock_effect = 1;
		fi->lock.kind = tr->enter;
		fi->lock.by = tr->as ? tr->as : tr->name;
		fi->lock.via = fn->name;
		fi->lock.lock = tr->lock_arg >= 0 ?
				unwrapped_lock(fc, fn, taken, tr->lock_arg) : NULL;
	} else if (!enters && (leaves == 1 || drops_callers_section(fc, fn))) {
		fi->lock_effect = -1;
		fi->lock.kind = left ? left : AK_SPINLOCK;
	}
}

/* "&hw->lock" of foo_lock(hw) called as foo_lock(priv): "&priv->lock". */
static char *lock_in_caller(const struct ir_func *fn, const char *lock,
			    const struct ir_insn *call)
{
	const char *rest = lock + (*lock == '&');
	size_t len;
	int k;

	for (k = 0; k < fn->nparams && k < call->nargs; k++) {
		len = strlen(fn->params[k]);
		if (strncmp(rest, fn->params[k], len) || !strchr("-.", rest[len]) ||
		    !call->args[k].text[0] || strpbrk(call->args[k].text, " (&"))
			continue;
		return xasprintf("%.*s%s%s", (int)(rest - lock), lock,
				 call->args[k].text, rest + len);
	}
	return NULL;
}

int context_lock_helper(const struct file_context *fc, const char *name,
			const struct ir_insn *call, struct atomic_entry *ent,
			char **text)
{
	const struct fn_info *fi = info_of(fc, name);

	*text = NULL;
	if (!fi || !fi->lock_effect)
		return 0;
	*ent = fi->lock;
	if (call && ent->lock) {
		*text = lock_in_caller(fi->fn, ent->lock, call);
		if (*text)
			ent->lock = *text;
	}
	return fi->lock_effect;
}

/* ---- building ---- */

struct file_context *context_build(const struct rules *rules,
				   struct ir_func *const *funcs, int nfuncs,
				   const int *callees_first)
{
	struct file_context *fc = xcalloc(1, sizeof(*fc));
	int i;

	fc->rules = rules;
	fc->nfns = nfuncs;
	fc->fns = xcalloc(nfuncs + 1, sizeof(*fc->fns));
	for (i = 0; i < nfuncs; i++)
		fc->fns[i].fn = funcs[i];
	for (i = 0; i < nfuncs; i++)
		scan_function(fc, funcs[i]);
	for (i = 0; i < nfuncs; i++) {
		add_must_hold(&fc->fns[i]);
		find_lock_effect(fc, &fc->fns[i]);
	}
	for (i = 0; i < nfuncs; i++)
		find_sleep(fc, &fc->fns[callees_first[i]]);
	return fc;
}

void context_free(struct file_context *fc)
{
	int i;

	if (!fc)
		return;
	for (i = 0; i < fc->nfns; i++)
		if (fc->fns[i].has_vd)
			var_defs_free(&fc->fns[i].vd);
	free(fc->irq_safe.items);
	free(fc->fns);
	free(fc);
}
