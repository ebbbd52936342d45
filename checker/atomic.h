/*
 * atomic.h - what makes a context atomic, as the engine tracks it.
 *
 * A path state holds a small stack of atomic sections: a lock taken, a
 * local_irq_save(), an rcu_read_lock(), or the function's own entry
 * context (a hard IRQ handler, a timer callback, a __must_hold(spinlock)
 * function).  Rules files name the kinds with the words of
 * atomic_kind_word(); entry kinds are found by the file context.
 *
 * Deliberately ignores lock nesting order, lock classes and which CPU
 * runs what: only "is any atomic section open on this path" matters.
 */
#ifndef RPMCHECK_ATOMIC_H
#define RPMCHECK_ATOMIC_H

#include <stdbool.h>

#include "ir.h"

enum atomic_kind {
	AK_NONE,
	AK_SPINLOCK,		/* spin_lock*, raw_spin_lock* */
	AK_RWLOCK,		/* read_lock*, write_lock* */
	AK_BIT_SPINLOCK,	/* bit_spin_lock */
	AK_IRQ,			/* local_irq_disable / local_irq_save */
	AK_BH,			/* local_bh_disable */
	AK_PREEMPT,		/* preempt_disable */
	AK_RCU,			/* rcu_read_lock */
	/* entry contexts: the whole function runs atomic */
	AK_HARDIRQ,		/* hard IRQ handler */
	AK_TIMER,		/* timer_list or hrtimer callback */
	AK_TASKLET,		/* tasklet function */
	AK_MUST_HOLD,		/* __must_hold(spinlock) */
	AK_COUNT,
};

#define MAX_ATOMIC 6

struct atomic_entry {
	enum atomic_kind kind;
	const char *lock;	/* lock text, or NULL */
	const char *by;		/* API that opened it (spin_lock_irqsave);
				 * AK_MUST_HOLD: "spinlock" or "rwlock" */
	const char *fn;		/* entry kinds: the function registered */
	const char *via;	/* a lock helper of the file that opened it */
	struct ir_loc loc;	/* where it was opened / registered */
	const char *where;	/* registered in another file: "FILE:LINE" */
};

/* Kinds a rules file may name ("spinlock", "irq"...); AK_NONE if not. */
enum atomic_kind atomic_kind_of_word(const char *word);
const char *atomic_kind_word(enum atomic_kind kind);
bool atomic_is_entry(enum atomic_kind kind);
/* Locks of one family release each other (spin_unlock of spin_lock). */
bool atomic_same_family(enum atomic_kind a, enum atomic_kind b);
/* An unknown function named like foo_unlock() is taken to release the
 * innermost lock. */
bool atomic_names_unlock(const char *name);

#endif
