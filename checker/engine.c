/*
 * engine.c - path-sensitive exploration of one function (see engine.h).
 *
 * A worklist of (block, state) pairs.  Each block keeps the states that
 * already reached it; a state equal to one of them (same delta, flags
 * and facts) is dropped, so loops terminate once nothing new reaches
 * their head.  Facts about variables that are dead at a block's entry
 * are forgotten first, which is what keeps the state sets small.  What
 * one instruction does to a state is engine_calls.c's business.
 *
 * Deliberately ignores: values other than their sign (-, 0, +), and
 * facts beyond MAX_FACTS variables per state (the lowest-numbered one
 * that no return or guard reads is dropped).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "context.h"
#include "engine.h"
#include "engine_internal.h"
#include "rpm_status.h"
#include "summary.h"
#include "util.h"

#define MAX_STATES_PER_BLOCK 96
#define EINPROGRESS_VALUE 115	/* Linux's EINPROGRESS, on every arch */

/* ---- facts ---- */

const struct fact *state_fact(const struct state *st, int var)
{
	int i;

	for (i = 0; i < st->nfacts; i++)
		if (st->facts[i].var == var)
			return &st->facts[i];
	return NULL;
}

uint8_t state_signs(const struct state *st, int var)
{
	const struct fact *f = state_fact(st, var);

	return f ? f->signs : SIGN_ANY;
}

void engine_kill_fact(struct state *st, int var)
{
	int i;

	for (i = 0; i < st->nfacts; i++) {
		if (st->facts[i].var == var) {
			memmove(&st->facts[i], &st->facts[i + 1],
				(st->nfacts - i - 1) * sizeof(struct fact));
			st->nfacts--;
			return;
		}
	}
}

/* When a state is full, forget a fact no guard or return depends on. */
static void evict_fact(const struct engine *e, struct state *st)
{
	int i;

	for (i = 0; i < st->nfacts; i++)
		if (!e->pinned[st->facts[i].var])
			break;
	if (i == st->nfacts)
		i = 0;
	engine_kill_fact(st, st->facts[i].var);
}

/* Store a fact about VAR, which must have none yet. */
struct fact *engine_insert_fact(const struct engine *e, struct state *st,
				int var, uint8_t signs, int origin)
{
	int i;

	if (st->nfacts == MAX_FACTS)
		evict_fact(e, st);
	/* keep facts sorted by variable so equal states compare equal */
	for (i = st->nfacts; i > 0 && st->facts[i - 1].var > var; i--)
		st->facts[i] = st->facts[i - 1];
	memset(&st->facts[i], 0, sizeof(st->facts[i]));
	st->facts[i].var = var;
	st->facts[i].signs = signs;
	st->facts[i].origin = origin;
	st->nfacts++;
	return &st->facts[i];
}

void engine_set_fact(const struct engine *e, struct state *st, int var,
		     uint8_t signs, int origin)
{
	engine_kill_fact(st, var);
	if (signs != SIGN_ANY || origin >= 0)
		engine_insert_fact(e, st, var, signs, origin);
}

/* VAR holds what a call returned (its sign may still be anything). */
void engine_mark_from_call(const struct engine *e, struct state *st, int var)
{
	struct fact *f;

	if (var < 0 || !e->kept[var])
		return;
	f = (struct fact *)state_fact(st, var);
	if (!f)
		f = engine_insert_fact(e, st, var, SIGN_ANY, -1);
	f->from_call = true;
}

/* The exact value of VAR, which must have a fact. */
void engine_set_exact(struct state *st, int var, bool equal, long long k)
{
	struct fact *f = (struct fact *)state_fact(st, var);

	if (!f)
		return;
	if (equal) {
		f->has_eq = true;
		f->eq = k;
		f->has_ne = false;
	} else if (k == 1) {
		f->not_one = true;
	} else if (!f->has_eq) {
		f->has_ne = true;
		f->ne = k;
	}
}

uint8_t engine_signs_of_const(long long n)
{
	return n < 0 ? SIGN_NEG : n == 0 ? SIGN_ZERO : SIGN_POS;
}

static bool same_values(const struct fact *a, const struct fact *b)
{
	return a->has_eq == b->has_eq && a->has_ne == b->has_ne &&
	       a->not_one == b->not_one && a->from_call == b->from_call &&
	       (!a->has_eq || a->eq == b->eq) && (!a->has_ne || a->ne == b->ne);
}

static bool states_equal(const struct state *a, const struct state *b)
{
	int i;

	if (a->delta != b->delta || a->flags != b->flags ||
	    a->nfacts != b->nfacts || a->count_loop != b->count_loop ||
	    a->gsr_block != b->gsr_block ||
	    a->failed_helper != b->failed_helper ||
	    a->active_stage != b->active_stage ||
	    (a->active_dev != b->active_dev &&
	     (!a->active_dev || !b->active_dev ||
	      strcmp(a->active_dev, b->active_dev))) ||
	    !atomic_states_equal(a, b))
		return false;
	for (i = 0; i < a->nfacts; i++)
		if (a->facts[i].var != b->facts[i].var ||
		    a->facts[i].signs != b->facts[i].signs ||
		    a->facts[i].origin != b->facts[i].origin ||
		    !same_values(&a->facts[i], &b->facts[i]))
			return false;
	return true;
}

/* ---- events ---- */

const struct event *engine_add_event(struct engine *e, const struct event *prev,
				     enum event_kind kind, struct ir_loc loc,
				     const char *what, const char *dev)
{
	struct event *ev;

	if (!e->arena || e->arena->used == EVENT_CHUNK) {
		struct event_chunk *c = xcalloc(1, sizeof(*c));

		c->next = e->arena;
		e->arena = c;
	}
	ev = &e->arena->events[e->arena->used++];
	ev->block = e->cur_block;
	ev->kind = kind;
	ev->loc = loc;
	ev->what = what;
	ev->dev = dev;
	ev->prev = prev;
	return ev;
}

/* ---- conditions ---- */

struct range {
	long long lo, hi;
};

static const struct range sign_ranges[3] = {
	{ LLONG_MIN, -1 }, { 0, 0 }, { 1, LLONG_MAX },
};

static void cmp_possible(struct range r, enum ir_cmp op, long long k,
			 bool *can_true, bool *can_false)
{
	switch (op) {
	case IRC_EQ:
	case IRC_NE:
		*can_true = r.lo <= k && k <= r.hi;
		*can_false = !(r.lo == k && r.hi == k);
		if (op == IRC_NE) {
			bool t = *can_true;

			*can_true = *can_false;
			*can_false = t;
		}
		break;
	case IRC_LT:
		*can_true = r.lo < k;
		*can_false = r.hi >= k;
		break;
	case IRC_LE:
		*can_true = r.lo <= k;
		*can_false = r.hi > k;
		break;
	case IRC_GT:
		*can_true = r.hi > k;
		*can_false = r.lo <= k;
		break;
	default:
		*can_true = r.hi >= k;
		*can_false = r.lo < k;
		break;
	}
}

/* Split SIGNS into the signs for which COND can be true and false. */
void cond_split(const struct ir_cond *cond, uint8_t signs,
		uint8_t *if_true, uint8_t *if_false)
{
	int c;

	*if_true = *if_false = 0;
	for (c = 0; c < 3; c++) {
		bool t, f;

		if (!(signs & (1 << c)))
			continue;
		cmp_possible(sign_ranges[c], cond->op, cond->rhs, &t, &f);
		if (t)
			*if_true |= 1 << c;
		if (f)
			*if_false |= 1 << c;
	}
}

/* ---- worklist ---- */

static void push_work(struct engine *e, int block, const struct state *st)
{
	struct block_states *seen = &e->seen[block];
	struct work w;
	int i;

	for (i = 0; i < seen->count; i++)
		if (states_equal(&seen->items[i], st))
			return;
	if (seen->count >= MAX_STATES_PER_BLOCK) {
		e->res->budget_hit = true;
		return;
	}
	ARRAY_PUSH(*seen, *st);
	w.block = block;
	w.st = *st;
	ARRAY_PUSH(e->work, w);
}

/* ---- liveness ---- */

static void use_var(struct engine *e, int b, int var, unsigned char *defd)
{
	if (var >= 0 && !defd[var])
		e->live_in[(size_t)b * e->fn->nvars + var] = 1;
}

static void block_uses(struct engine *e, int b, unsigned char *defd)
{
	const struct ir_block *bb = &e->fn->blocks[b];
	int i, a;

	memset(defd, 0, e->fn->nvars);
	for (i = 0; i < bb->ninsns; i++) {
		const struct ir_insn *in = &bb->insns[i];

		if (in->kind == IR_ASSIGN) {
			if (in->src.kind == IRV_VAR)
				use_var(e, b, in->src.var, defd);
			defd[in->dst] = 1;
			continue;
		}
		for (a = 0; a < in->nargs; a++) {
			if (in->args[a].val.kind == IRV_VAR)
				use_var(e, b, in->args[a].val.var, defd);
			use_var(e, b, in->args[a].addr_of, defd);
		}
		/* a pure query "f(x)" reads its earlier answer */
		if (in->result >= 0 && strchr(e->fn->vars[in->result], '('))
			use_var(e, b, in->result, defd);
		if (in->result >= 0)
			defd[in->result] = 1;
	}
	if (bb->term == IRT_BRANCH && bb->cond.lhs.kind == IRV_VAR)
		use_var(e, b, bb->cond.lhs.var, defd);
	if (bb->term == IRT_RETURN && bb->has_retval &&
	    bb->retval.kind == IRV_VAR)
		use_var(e, b, bb->retval.var, defd);
}

static void compute_liveness(struct engine *e)
{
	const struct ir_func *fn = e->fn;
	size_t nv = fn->nvars;
	unsigned char *gen = xcalloc((size_t)fn->nblocks * nv + 1, 1);
	unsigned char *defs = xcalloc((size_t)fn->nblocks * nv + 1, 1);
	bool changed = true;
	int b, s, v;

	e->live_in = gen;
	for (b = 0; b < fn->nblocks; b++)
		block_uses(e, b, defs + b * nv);
	while (changed) {
		changed = false;
		for (b = fn->nblocks - 1; b >= 0; b--) {
			const struct ir_block *bb = &fn->blocks[b];

			for (s = 0; s < 2; s++) {
				int succ = bb->succ[s];

				if (succ < 0 || bb->term == IRT_RETURN ||
				    bb->term == IRT_STOP)
					continue;
				for (v = 0; v < (int)nv; v++) {
					if (gen[succ * nv + v] && !defs[b * nv + v] &&
					    !gen[b * nv + v]) {
						gen[b * nv + v] = 1;
						changed = true;
					}
				}
			}
		}
	}
	free(defs);
}

static void mark_copies(const struct ir_func *fn, unsigned char *set)
{
	bool changed = true;
	int b, i;

	while (changed) {
		changed = false;
		for (b = 0; b < fn->nblocks; b++)
			for (i = 0; i < fn->blocks[b].ninsns; i++) {
				const struct ir_insn *in = &fn->blocks[b].insns[i];

				if (in->kind == IR_ASSIGN && in->src.kind == IRV_VAR &&
				    set[in->dst] && !set[in->src.var]) {
					set[in->src.var] = 1;
					changed = true;
				}
			}
	}
}

/* Uses that read a fact besides branches: returns and known calls. */
static void mark_value_uses(struct engine *e, unsigned char *set)
{
	const struct ir_func *fn = e->fn;
	int b, i, a;

	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];

		if (bb->term == IRT_RETURN && bb->has_retval &&
		    bb->retval.kind == IRV_VAR)
			set[bb->retval.var] = 1;
		for (i = 0; i < bb->ninsns; i++) {
			const struct ir_insn *in = &bb->insns[i];

			if (in->kind != IR_CALL || !in->callee ||
			    !rules_find(e->ctx->rules, in->callee))
				continue;
			for (a = 0; a < in->nargs; a++) {
				if (in->args[a].addr_of >= 0)
					set[in->args[a].addr_of] = 1;
				if (in->args[a].val.kind == IRV_VAR)
					set[in->args[a].val.var] = 1;
			}
		}
	}
}

/*
 * A variable's sign is worth remembering only when something later
 * reads it.  Assigned values are kept for variables that are tested,
 * returned or passed to a known call ("kept"); what a branch learns is
 * kept only for variables tested twice or more (if (ok) get ... if (ok)
 * put), returned or passed ("refined").  Facts about the others would
 * only multiply states.
 */
/*
 * A variable tested and then passed to a helper of the file that sleeps
 * only for some values of its parameters ("if (skb) foo_reset(skb)",
 * foo_reset sleeping only without one) is refined too.
 */
static void mark_tested_arguments(struct engine *e, unsigned char *set)
{
	const struct ir_func *fn = e->fn;
	int b, i, a;

	if (!e->ctx->fctx)
		return;
	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &fn->blocks[b].insns[i];

			if (in->kind != IR_CALL || !in->callee ||
			    !context_sleeps_conditionally(e->ctx->fctx,
							  in->callee))
				continue;
			for (a = 0; a < in->nargs; a++)
				if (in->args[a].val.kind == IRV_VAR &&
				    e->kept[in->args[a].val.var])
					set[in->args[a].val.var] = 1;
		}
}

static void compute_relevance(struct engine *e)
{
	const struct ir_func *fn = e->fn;
	int *tests = xcalloc(fn->nvars + 1, sizeof(int));
	int b;

	e->kept = xcalloc(fn->nvars + 1, 1);
	e->refined = xcalloc(fn->nvars + 1, 1);
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = &fn->blocks[b];

		if (bb->term != IRT_BRANCH || bb->cond.lhs.kind != IRV_VAR)
			continue;
		e->kept[bb->cond.lhs.var] = 1;
		if (++tests[bb->cond.lhs.var] >= 2)
			e->refined[bb->cond.lhs.var] = 1;
	}
	mark_tested_arguments(e, e->refined);
	mark_value_uses(e, e->kept);
	mark_value_uses(e, e->refined);
	e->pinned = xcalloc(fn->nvars + 1, 1);
	mark_value_uses(e, e->pinned);
	mark_copies(fn, e->kept);
	mark_copies(fn, e->refined);
	free(tests);
}

static void forget_dead(struct engine *e, int block, struct state *st)
{
	const unsigned char *live = e->live_in + (size_t)block * e->fn->nvars;
	int i = 0;

	while (i < st->nfacts) {
		if (!live[st->facts[i].var])
			engine_kill_fact(st, st->facts[i].var);
		else
			i++;
	}
}

/* ---- loops: strongly connected components of the CFG (Tarjan) ---- */

struct scc_walk {
	const struct ir_func *fn;
	int *index, *low, *stack, *loop_of;
	unsigned char *on_stack;
	int next_index, sp, nloops;
};

static void scc_visit(struct scc_walk *w, int b);

static void scc_edge(struct scc_walk *w, int b, int succ)
{
	if (w->index[succ] < 0) {
		scc_visit(w, succ);
		if (w->low[succ] < w->low[b])
			w->low[b] = w->low[succ];
	} else if (w->on_stack[succ] && w->index[succ] < w->low[b]) {
		w->low[b] = w->index[succ];
	}
}

static void scc_pop(struct scc_walk *w, int b)
{
	const struct ir_block *bb = &w->fn->blocks[b];
	bool self = (bb->term == IRT_JUMP || bb->term == IRT_BRANCH) &&
		    (bb->succ[0] == b || bb->succ[1] == b);
	int top = w->sp, v;

	do {
		v = w->stack[--top];
	} while (v != b);
	if (w->sp - top > 1 || self) {
		for (v = top; v < w->sp; v++)
			w->loop_of[w->stack[v]] = w->nloops;
		w->nloops++;
	}
	for (v = top; v < w->sp; v++)
		w->on_stack[w->stack[v]] = 0;
	w->sp = top;
}

static void scc_visit(struct scc_walk *w, int b)
{
	const struct ir_block *bb = &w->fn->blocks[b];
	int s;

	w->index[b] = w->low[b] = w->next_index++;
	w->stack[w->sp++] = b;
	w->on_stack[b] = 1;
	if (bb->term == IRT_JUMP || bb->term == IRT_BRANCH)
		for (s = 0; s < 2; s++)
			if (bb->succ[s] >= 0)
				scc_edge(w, b, bb->succ[s]);
	if (w->low[b] == w->index[b])
		scc_pop(w, b);
}

/* What the call IN does to the count, as far as loops go: > 0 it may
 * take a reference (an API get, a helper that gets on some path), < 0
 * it drops one (an API put, a helper that puts on every path). */
static int call_count_change(const struct engine *e, const struct ir_insn *in)
{
	const struct api_rule *r;
	int delta;

	if (in->kind != IR_CALL || !in->callee)
		return 0;
	r = rules_find(e->ctx->rules, in->callee);
	if (r)
		return r->count;
	if (!e->ctx->sums || !engine_local_function(e->ctx, in->callee))
		return 0;
	if (summary_uniform_delta(e->ctx->sums, in->callee, &delta))
		return delta;
	return summary_may_take(e->ctx->sums, in->callee) ? 1 : 0;
}

/* Does some loop only get and another loop put (get-all / unwind)? */
static bool has_unwinding_loops(const struct engine *e)
{
	const struct ir_func *fn = e->fn;
	int b, i, change, get_loop = -1, put_loop = -1;

	for (b = 0; b < fn->nblocks; b++) {
		if (e->loop_of[b] < 0)
			continue;
		for (i = 0; i < fn->blocks[b].ninsns; i++) {
			change = call_count_change(e, &fn->blocks[b].insns[i]);
			if (change > 0)
				get_loop = get_loop < 0 ? e->loop_of[b] : get_loop;
			if (change < 0 && e->loop_of[b] != get_loop)
				put_loop = e->loop_of[b];
		}
	}
	return get_loop >= 0 && put_loop >= 0 && get_loop != put_loop;
}

static void compute_loops(struct engine *e)
{
	int n = e->fn->nblocks, b;
	struct scc_walk w = { .fn = e->fn };

	w.index = xmalloc((n + 1) * sizeof(int));
	w.low = xmalloc((n + 1) * sizeof(int));
	w.stack = xmalloc((n + 1) * sizeof(int));
	w.on_stack = xcalloc(n + 1, 1);
	e->loop_of = w.loop_of = xmalloc((n + 1) * sizeof(int));
	for (b = 0; b < n; b++)
		w.index[b] = w.loop_of[b] = -1;
	for (b = 0; b < n; b++)
		if (w.index[b] < 0)
			scc_visit(&w, b);
	free(w.index);
	free(w.low);
	free(w.stack);
	free(w.on_stack);
	e->unwinds = has_unwinding_loops(e);
}

/* ---- terminators ---- */

static bool is_noted_condition(const struct ir_cond *cond)
{
	return cond->text && !starts_with(cond->text, "__");
}

/*
 * Is this side of a test the error side: the tested value is known to
 * be negative, or non-zero for a local such as ret or err?
 */
static bool is_error_side(const struct engine *e, const struct ir_cond *cond,
			  uint8_t signs)
{
	const char *name;

	if (cond->lhs.kind != IRV_VAR || !cond->signed_int ||
	    (signs & SIGN_ZERO) || !(signs & SIGN_NEG))
		return false;
	if (signs == SIGN_NEG)
		return true;
	name = e->fn->vars[cond->lhs.var];
	/* "if (ret)" on a local; not "if (is_foo(x))" nor a flag bit */
	return name[0] != '%' && !strchr(name, '(') && !strchr(name, '>') &&
	       !strchr(name, '.') && !strchr(name, '[') && !strchr(name, '&');
}

/* Keep what was known exactly, and learn "x == K" / "x != K" tests. */
static void learn_value(struct state *st, const struct ir_cond *cond,
			bool taken, const struct fact *old)
{
	int var = cond->lhs.var;

	if (old->has_eq)
		engine_set_exact(st, var, true, old->eq);
	else if (old->has_ne)
		engine_set_exact(st, var, false, old->ne);
	if (old->not_one)
		engine_set_exact(st, var, false, 1);
	if (old->from_call) {
		struct fact *f = (struct fact *)state_fact(st, var);

		if (f)
			f->from_call = true;
	}
	if (cond->rhs == 0 || (cond->op != IRC_EQ && cond->op != IRC_NE))
		return;
	engine_set_exact(st, var, taken == (cond->op == IRC_EQ), cond->rhs);
}

static void take_branch(struct engine *e, const struct state *st,
			const struct ir_block *bb, int side, uint8_t signs)
{
	struct state next = *st;
	bool error_side = is_error_side(e, &bb->cond, signs);
	bool to_default = side == 1 && bb->cond.false_is_default;

	if (bb->cond.lhs.kind == IRV_VAR &&
	    (e->refined[bb->cond.lhs.var] || state_fact(st, bb->cond.lhs.var))) {
		const struct fact *f = state_fact(st, bb->cond.lhs.var);
		struct fact old = f ? *f : (struct fact){ .origin = -1 };

		engine_set_fact(e, &next, bb->cond.lhs.var, signs, old.origin);
		learn_value(&next, &bb->cond, side == 0, &old);
		if (old.origin >= 0 && !(signs & SIGN_NEG))
			rpm_status_resume_succeeded(&next,
				engine_call_by_id(e, old.origin),
				e->ctx->rules);
		if (e->ctx->counter == COUNTER_USAGE)
			check_get_sync_ret_on_branch(e, &next, bb);
	}
	rpm_status_after_query(&next, e->fn, &bb->cond, side == 0);
	if ((is_noted_condition(&bb->cond) &&
	     (side == 0 || !bb->cond.only_true)) || error_side || to_default) {
		struct event *ev = (struct event *)engine_add_event(e, next.trail,
				EV_BRANCH, bb->cond.loc,
				to_default ? "default:" : bb->cond.text, NULL);

		ev->taken = side == 0;
		ev->error_side = error_side;
		ev->quiet = !is_noted_condition(&bb->cond) && !to_default;
		next.trail = ev;
	}
	push_work(e, bb->succ[side], &next);
}

/* What the exact value, or the one excluded value, decides. */
static void exact_split(const struct fact *f, const struct ir_cond *cond,
			uint8_t *t, uint8_t *fl)
{
	if (!f)
		return;
	if (f->has_eq) {
		if (ir_cmp_holds(f->eq, cond->op, cond->rhs))
			*fl = 0;
		else
			*t = 0;
	} else if ((f->has_ne && f->ne == cond->rhs) ||
		   (f->not_one && cond->rhs == 1)) {
		if (cond->op == IRC_EQ)
			*t = 0;
		else if (cond->op == IRC_NE)
			*fl = 0;
	}
}

static void exec_branch(struct engine *e, const struct state *st,
			const struct ir_block *bb)
{
	uint8_t t = SIGN_ANY, f = SIGN_ANY;

	if (bb->cond.lhs.kind == IRV_VAR)
		cond_split(&bb->cond, state_signs(st, bb->cond.lhs.var), &t, &f);
	if (bb->cond.lhs.kind == IRV_VAR)
		exact_split(state_fact(st, bb->cond.lhs.var), &bb->cond, &t, &f);
	if (t)
		take_branch(e, st, bb, 0, t);
	if (f)
		take_branch(e, st, bb, 1, f);
}

static enum ret_kind classify_int(long long num, bool known, uint8_t signs,
				  const struct ir_insn *origin,
				  const struct engine *e)
{
	const struct api_rule *r;

	if (known)
		return num < 0 ? RK_ERROR : num == 0 ? RK_ZERO : RK_POS;
	if (origin && origin->callee &&
	    (r = rules_find(e->ctx->rules, origin->callee)) &&
	    r->ret == RET_ERRPTR)
		return RK_ERROR;
	if (signs == SIGN_NEG)
		return RK_ERROR;
	if (signs == SIGN_ZERO)
		return RK_ZERO;
	if (signs == SIGN_POS)
		return RK_POS;
	if (signs == (SIGN_NEG | SIGN_POS))
		return RK_NONZERO;	/* "if (ret) goto out; ... out: return ret;" */
	return RK_OTHER;
}

static enum ret_kind classify_return(const struct engine *e,
				     const struct state *st,
				     const struct ir_block *bb,
				     uint8_t *signs, int *origin)
{
	enum ir_ret_type rt = e->fn->ret_type;
	const struct fact *f = NULL;
	bool known = false;
	long long num = 0;
	enum ret_kind k;

	*signs = SIGN_ANY;
	*origin = -1;
	if (rt == IRR_VOID || !bb->has_retval)
		return RK_VOID;
	if (bb->retval.kind == IRV_CONST) {
		known = true;
		num = bb->retval.num;
		*signs = engine_signs_of_const(num);
	} else if (bb->retval.kind == IRV_VAR &&
		   (f = state_fact(st, bb->retval.var))) {
		*signs = f->signs;
		*origin = f->origin;
		known = f->has_eq;
		num = f->eq;
	}
	/* pm_runtime_get()'s -EINPROGRESS: queued, the reference is held */
	if (known && num == -EINPROGRESS_VALUE)
		return RK_OTHER;
	k = classify_int(num, known, *signs,
			 engine_call_by_id(e, *origin), e);
	/* a non-zero count ("return copied;") is no error code */
	if (k == RK_NONZERO && !(f && f->from_call))
		return RK_OTHER;
	if (rt == IRR_UINT && !known && (k == RK_ERROR || k == RK_NONZERO) &&
	    *origin < 0)
		return RK_OTHER;	/* "negative" only through our signs */
	if (rt == IRR_PTR && k == RK_ZERO)
		return RK_NULL;
	if (rt == IRR_PTR && k != RK_ERROR)
		return RK_OTHER;
	if (rt == IRR_BOOL)
		return k == RK_ZERO ? RK_FALSE : RK_OTHER;
	if (rt == IRR_OTHER)
		return RK_OTHER;
	return k;
}

static void exec_return(struct engine *e, const struct state *st,
			const struct ir_block *bb)
{
	const struct fact *f;
	struct exit_state x;

	if (e->ctx->counter == COUNTER_USAGE)
		check_get_sync_ret_on_exit(e, st);
	x.st = *st;
	x.block = bb;
	x.kind = classify_return(e, st, bb, &x.ret_signs, &x.ret_origin);
	f = bb->has_retval && bb->retval.kind == IRV_VAR ?
		state_fact(st, bb->retval.var) : NULL;
	x.ret_from_call = f && f->from_call;
	x.ret_not_one = f && f->not_one;
	ARRAY_PUSH(e->exits, x);
}

/* ---- driver ---- */

static void run_block(struct engine *e, int b, const struct state *in_st)
{
	const struct ir_block *bb = &e->fn->blocks[b];
	struct state *cur = xmalloc(sizeof(struct state) * 4), *next;
	int ncur = 1, i, k, nnext;

	e->cur_block = b;
	cur[0] = *in_st;
	forget_dead(e, b, &cur[0]);
	for (i = 0; i < bb->ninsns && ncur; i++) {
		const struct ir_insn *in = &bb->insns[i];

		next = xmalloc(sizeof(struct state) * (ncur * 3 + 1));
		nnext = 0;
		for (k = 0; k < ncur; k++) {
			if (in->kind == IR_ASSIGN) {
				next[nnext] = cur[k];
				engine_exec_assign(e, &next[nnext++], in);
			} else {
				nnext += engine_exec_call(e, &cur[k], in, &next[nnext]);
			}
		}
		free(cur);
		cur = next;
		ncur = nnext;
	}
	for (k = 0; k < ncur; k++) {
		switch (bb->term) {
		case IRT_JUMP:
			if (bb->label)
				cur[k].trail = engine_add_event(e, cur[k].trail, EV_GOTO,
							 bb->loc, bb->label, NULL);
			push_work(e, bb->succ[0], &cur[k]);
			break;
		case IRT_BRANCH:
			exec_branch(e, &cur[k], bb);
			break;
		case IRT_RETURN:
			exec_return(e, &cur[k], bb);
			break;
		default:
			break;
		}
	}
	free(cur);
}

static void index_insns(struct engine *e)
{
	int b, i;

	e->insn_by_id = xcalloc(e->fn->ninsn_ids + 1, sizeof(*e->insn_by_id));
	e->def_call = xcalloc(e->fn->nvars + 1, sizeof(*e->def_call));
	for (b = 0; b < e->fn->nblocks; b++)
		for (i = 0; i < e->fn->blocks[b].ninsns; i++) {
			const struct ir_insn *in = &e->fn->blocks[b].insns[i];

			e->insn_by_id[in->id] = in;
			if (in->kind == IR_CALL && in->result >= 0)
				e->def_call[in->result] = in;
		}
}

bool engine_reaches_avoiding(const struct engine *e, int to, int avoid)
{
	int n, i, *order;
	bool found = false;

	if (e->fn->entry == avoid)
		return false;
	order = ir_reachable(e->fn, ir_edge_not_into, &avoid, &n);
	for (i = 0; i < n && !found; i++)
		found = order[i] == to;
	free(order);
	return found;
}

const struct ir_func *engine_local_function(const struct engine_ctx *ctx,
					    const char *name)
{
	int i;

	for (i = 0; i < ctx->nlocals; i++)
		if (strcmp(ctx->locals[i]->name, name) == 0)
			return ctx->locals[i];
	return NULL;
}

const char *engine_intern(struct engine *e, char *s)
{
	ARRAY_PUSH(e->res->strings, s);
	return s;
}

const struct ir_insn *engine_call_by_id(const struct engine *e, int id)
{
	return id >= 0 && id < e->fn->ninsn_ids ? e->insn_by_id[id] : NULL;
}

static void engine_free(struct engine *e)
{
	int b;

	for (b = 0; b < e->fn->nblocks; b++)
		free(e->seen[b].items);
	free(e->seen);
	free(e->work.items);
	free(e->live_in);
	free(e->loop_of);
	free(e->kept);
	free(e->pinned);
	free(e->refined);
	free(e->insn_by_id);
	free(e->def_call);
	free(e->gsr_calls.items);
}

struct function_result *engine_run(const struct engine_ctx *ctx,
				   const struct ir_func *fn)
{
	struct engine e = { 0 };
	struct function_result *res = xcalloc(1, sizeof(*res));
	struct state init = { 0 };

	e.ctx = ctx;
	e.fn = fn;
	e.res = res;
	res->fn = fn;
	e.seen = xcalloc(fn->nblocks, sizeof(*e.seen));
	compute_liveness(&e);
	compute_relevance(&e);
	compute_loops(&e);
	init.count_loop = -1;
	init.gsr_block = -1;
	init.failed_helper = -1;
	index_insns(&e);
	atomic_init_state(&e, &init);
	push_work(&e, fn->entry, &init);
	while (e.head < e.work.count) {
		struct work w = e.work.items[e.head++];

		if (e.head > 4096 && e.head * 2 > e.work.count) {
			memmove(e.work.items, e.work.items + e.head,
				(e.work.count - e.head) * sizeof(w));
			e.work.count -= e.head;
			e.head = 0;
		}
		if (++res->steps > ctx->budget) {
			res->budget_hit = true;
			break;
		}
		run_block(&e, w.block, &w.st);
	}
	res->exits = e.exits.items;
	res->nexits = e.exits.count;
	res->arena = e.arena;
	if (ctx->counter == COUNTER_USAGE)
		check_function_end(&e, res);
	engine_free(&e);
	return res;
}

void engine_result_free(struct function_result *res)
{
	struct event_chunk *c, *next;
	int i;

	if (!res)
		return;
	for (c = res->arena; c; c = next) {
		next = c->next;
		free(c);
	}
	for (i = 0; i < res->strings.count; i++)
		free(res->strings.items[i]);
	free(res->strings.items);
	free(res->exits);
	free(res);
}
