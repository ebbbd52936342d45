/*
 * context.h - what one file says about the contexts its functions run
 * in, gathered before the engine runs:
 *
 *   - entry contexts: functions the file registers as hard IRQ handlers,
 *     timer or hrtimer callbacks, tasklets, and __must_hold(spinlock)
 *     functions, which run atomic from their first line;
 *   - devices the file marks pm_runtime_irq_safe();
 *   - which of its functions may sleep, and through which call;
 *   - lock helpers: a function that only takes a lock (foo_lock()) or
 *     only releases one (foo_unlock()).
 *
 * Deliberately ignores registrations in other files and in static
 * initialisers (DECLARE_TASKLET, struct initialisers): such functions
 * are checked as ordinary ones.
 */
#ifndef RPMCHECK_CONTEXT_H
#define RPMCHECK_CONTEXT_H

#include "atomic.h"
#include "ir.h"
#include "rules.h"

#define MAX_SLEEP_CONDS 4

/* The sleeping call happens only when parameter PARAM OP RHS holds. */
struct sleep_cond {
	int param;
	enum ir_cmp op;
	long long rhs;
};

/* A call inside function FN of the file that sleeps, and when. */
struct sleep_site {
	const char *fn;
	const struct ir_insn *call;
	int block;			/* the call's block in FN */
	int nconds;
	struct sleep_cond conds[MAX_SLEEP_CONDS];
};

struct file_context;

struct file_context *context_build(const struct rules *rules,
				   struct ir_func *const *funcs, int nfuncs,
				   const int *callees_first);
void context_free(struct file_context *fc);

/* The context FN runs in from its first line, or NULL. */
const struct atomic_entry *context_entry(const struct file_context *fc,
					 const char *fn);
/*
 * Does calling IN sleep?  When IN calls a function of the file, *SITE
 * is set to the sleeping call inside it that the arguments allow
 * (foo_wait(priv, false) does not reach "if (can_sleep) msleep()");
 * for an API call it is NULL.
 */
bool context_call_sleeps(const struct file_context *fc,
			 const struct ir_insn *in,
			 const struct sleep_site **site);
/*
 * A lock helper: +1 takes ENT's lock, -1 releases the latest, 0 neither.
 * With CALL, the lock is named in the caller's terms; *TEXT is then a
 * string the caller frees (or NULL).
 */
int context_lock_helper(const struct file_context *fc, const char *name,
			const struct ir_insn *call, struct atomic_entry *ent,
			char **text);
/* The file's name of the display API for callee NAME (rules "as="). */
const char *context_api_name(const struct file_context *fc, const char *name);

#endif
