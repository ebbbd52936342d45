/*
 * atomic.c - open and close atomic sections along a path.
 *
 * Rules with enter=KIND push a section (a trylock only on its success
 * side), rules with leave=KIND pop the innermost section of the same
 * family, preferring the one with the same lock text.  A function of
 * the file that only takes or only releases a lock acts like the API it
 * wraps; an unknown function named like foo_unlock() closes the
 * innermost lock, so that a lock released by a helper of another file
 * never leaves the rest of the path "atomic".
 *
 * Deliberately ignores a section closed that this function did not open
 * (the caller's lock, __releases): nothing is popped.
 */
#include <string.h>

#include "atomic.h"
#include "context.h"
#include "engine_internal.h"
#include "util.h"

static const char *const kind_words[AK_COUNT] = {
	[AK_SPINLOCK] = "spinlock",
	[AK_RWLOCK] = "rwlock",
	[AK_BIT_SPINLOCK] = "bit-spinlock",
	[AK_IRQ] = "irq",
	[AK_BH] = "bh",
	[AK_PREEMPT] = "preempt",
	[AK_RCU] = "rcu",
	[AK_HARDIRQ] = "hardirq",
	[AK_TIMER] = "timer",
	[AK_TASKLET] = "tasklet",
	[AK_MUST_HOLD] = "must-hold",
};

enum atomic_kind atomic_kind_of_word(const char *word)
{
	int k;

	for (k = AK_NONE + 1; k < AK_COUNT; k++)
		if (strcmp(kind_words[k], word) == 0)
			return k;
	return AK_NONE;
}

const char *atomic_kind_word(enum atomic_kind kind)
{
	return kind > AK_NONE && kind < AK_COUNT ? kind_words[kind] : "none";
}

bool atomic_is_entry(enum atomic_kind kind)
{
	return kind >= AK_HARDIRQ;
}

/* A __must_hold() function that unlocks its caller's lock leaves the
 * atomic context it was entered in. */
static bool is_lock(enum atomic_kind k)
{
	return k == AK_SPINLOCK || k == AK_RWLOCK || k == AK_BIT_SPINLOCK ||
	       k == AK_MUST_HOLD;
}

static bool can_close(enum atomic_kind k)
{
	return !atomic_is_entry(k) || k == AK_MUST_HOLD;
}

bool atomic_same_family(enum atomic_kind a, enum atomic_kind b)
{
	return a == b || (is_lock(a) && is_lock(b));
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

bool atomic_states_equal(const struct state *a, const struct state *b)
{
	int i;

	if (a->natomic != b->natomic)
		return false;
	for (i = 0; i < a->natomic; i++)
		if (a->atomic[i].kind != b->atomic[i].kind ||
		    !same_text(a->atomic[i].lock, b->atomic[i].lock))
			return false;
	return true;
}

void atomic_init_state(const struct engine *e, struct state *st)
{
	const struct atomic_entry *ent = e->ctx->fctx ?
		context_entry(e->ctx->fctx, e->fn->name) : NULL;

	if (ent)
		st->atomic[st->natomic++] = *ent;
}

/* spinlock_check(lock): returns its argument, the lock itself. */
static bool is_wrapper_call(const struct engine *e, const struct ir_insn *def)
{
	const struct api_rule *r = def && def->callee ?
		rules_find(e->ctx->rules, def->callee) : NULL;

	return r && r->ret == RET_ARG0 && def->nargs > 0;
}

const char *atomic_lock_text(const struct engine *e, const struct ir_insn *in,
			     int arg)
{
	const struct ir_insn *def;
	int depth;

	if (arg < 0 || arg >= in->nargs)
		return NULL;
	for (depth = 0; depth < 4; depth++) {
		const struct ir_arg *a = &in->args[arg];

		def = a->val.kind == IRV_VAR ? e->def_call[a->val.var] : NULL;
		if (!is_wrapper_call(e, def))
			return a->text[0] ? a->text : NULL;
		in = def;
		arg = 0;
	}
	return NULL;
}

static bool through_wrapper(const struct engine *e, const struct ir_insn *in,
			    int arg)
{
	const struct ir_val *v = arg < in->nargs ? &in->args[arg].val : NULL;

	return v && v->kind == IRV_VAR && is_wrapper_call(e, e->def_call[v->var]);
}

static void push(struct engine *e, struct state *st,
		 const struct atomic_entry *ent)
{
	if (st->natomic == MAX_ATOMIC)
		return;		/* deep enough: atomic all the same */
	st->atomic[st->natomic++] = *ent;
	st->trail = engine_add_event(e, st->trail, EV_ATOMIC, ent->loc,
				     ent->by, ent->lock);
}

static bool same_loc(struct ir_loc a, struct ir_loc b)
{
	return a.line == b.line && a.col == b.col;
}

static void remove_at(struct state *st, int i)
{
	memmove(&st->atomic[i], &st->atomic[i + 1],
		(st->natomic - i - 1) * sizeof(st->atomic[0]));
	st->natomic--;
}

/* Close the innermost section of KIND's family; false when none is open. */
static bool pop(struct state *st, enum atomic_kind kind, const char *lock)
{
	struct atomic_entry closed;
	int i, found = -1;

	for (i = st->natomic - 1; i >= 0 && found < 0; i--)
		if (can_close(st->atomic[i].kind) && lock &&
		    atomic_same_family(st->atomic[i].kind, kind) &&
		    same_text(st->atomic[i].lock, lock))
			found = i;
	for (i = st->natomic - 1; i >= 0 && found < 0; i--)
		if (can_close(st->atomic[i].kind) &&
		    atomic_same_family(st->atomic[i].kind, kind))
			found = i;
	if (found < 0)
		return false;
	closed = st->atomic[found];
	remove_at(st, found);
	/* spin_trylock_irqsave() opened two sections in one expansion:
	 * spin_unlock_irqrestore() closes both */
	if (found > 0 && !atomic_is_entry(st->atomic[found - 1].kind) &&
	    same_loc(st->atomic[found - 1].loc, closed.loc))
		remove_at(st, found - 1);
	return true;
}

/*
 * What an unlock rule closes: its own kind, or, when no such section is
 * open (a helper of another file took the lock), the section its suffix
 * reopens: spin_unlock_bh() enables bottom halves all the same.
 */
static void pop_rule(struct state *st, const struct api_rule *r,
		     const char *lock)
{
	if (!pop(st, r->leave, lock) && r->or_leave)
		pop(st, r->or_leave, NULL);
}

static void entry_of_call(const struct engine *e, const struct ir_insn *in,
			  const struct api_rule *r, struct atomic_entry *ent)
{
	memset(ent, 0, sizeof(*ent));
	ent->kind = r->enter;
	ent->lock = r->lock_arg >= 0 ? atomic_lock_text(e, in, r->lock_arg) :
		    NULL;
	ent->by = r->as ? r->as : r->name;
	/* raw_spin_lock*(l) is _raw_spin_lock*(l); spin_lock_irqsave(l)
	 * is _raw_spin_lock_irqsave(spinlock_check(l)) */
	if (starts_with(r->name, "_raw_spin_") && r->lock_arg >= 0 &&
	    !through_wrapper(e, in, r->lock_arg))
		ent->by = r->name + 1;
	ent->loc = in->loc;
}

int atomic_exec_call(struct engine *e, const struct state *st,
		     const struct ir_insn *in, const struct api_rule *r,
		     struct state out[3])
{
	struct atomic_entry ent;

	out[0] = *st;
	engine_forget_escaped(&out[0], in);
	if (r->leave) {
		pop_rule(&out[0], r, r->lock_arg >= 0 ?
			 atomic_lock_text(e, in, r->lock_arg) : NULL);
		engine_emit_result(e, &out[0], in, SIGN_ANY, -1);
		return 1;
	}
	entry_of_call(e, in, r, &ent);
	if (r->when != WHEN_RET_POS) {
		push(e, &out[0], &ent);
		engine_emit_result(e, &out[0], in, SIGN_ANY, -1);
		return 1;
	}
	/* a trylock: the section is open only when it returned non-zero;
	 * spin_trylock_irqsave() disabled interrupts in the same expansion */
	if (st->natomic && st->atomic[st->natomic - 1].kind == AK_IRQ &&
	    same_loc(st->atomic[st->natomic - 1].loc, in->loc))
		ent.by = engine_intern(e, xasprintf("%s_irqsave", ent.by));
	push(e, &out[0], &ent);
	engine_emit_result(e, &out[0], in, SIGN_POS, -1);
	out[1] = *st;
	engine_forget_escaped(&out[1], in);
	engine_emit_result(e, &out[1], in, SIGN_ZERO, -1);
	return 2;
}

bool atomic_names_unlock(const char *name)
{
	return strstr(name, "unlock") != NULL;
}

void atomic_after_call(struct engine *e, struct state *st,
		       const struct ir_insn *in)
{
	const struct api_rule *unlock;
	struct atomic_entry ent;
	char *text;
	int effect;

	if (!in->callee || !e->ctx->fctx)
		return;
	effect = context_lock_helper(e->ctx->fctx, in->callee, in, &ent, &text);
	if (text)
		engine_intern(e, text);
	unlock = context_unlock_rule(e->ctx->fctx, in->callee);
	if (effect > 0) {
		ent.loc = in->loc;
		push(e, st, &ent);
	} else if (unlock) {
		pop_rule(st, unlock, NULL);
	} else if (effect < 0) {
		pop(st, ent.kind, NULL);
	} else if (atomic_names_unlock(in->callee)) {
		pop(st, AK_SPINLOCK, NULL);
	}
}
