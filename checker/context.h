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
 * What other files say comes in as struct xfacts (the cross-file
 * database, xfile.h): functions of other files that may sleep, and
 * functions of this file that other files register as entries.
 * Deliberately ignores registrations in static initialisers
 * (DECLARE_TASKLET, struct initialisers): such functions are checked
 * as ordinary ones.
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

/* Facts about other files, from the cross-file database. */
struct xfacts {
	struct { char **items; int count, alloc; } sleeper, sleeper_note;
	struct { struct atomic_entry *items; int count, alloc; } entry;
	/* functions that only release a lock, and the API they use */
	struct { char **items; int count, alloc; } unlocker, unlocker_api;
};

struct file_context *context_build(const struct rules *rules,
				   struct ir_func *const *funcs, int nfuncs,
				   const int *callees_first,
				   const struct xfacts *xf);
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
/* Does FN, a function of the file, sleep only for some arguments? */
bool context_sleeps_conditionally(const struct file_context *fc,
				  const char *fn);
/* What a caller's path knows: can variable VAR OP RHS hold there? */
struct arg_query {
	bool (*may_hold)(const void *data, int var, enum ir_cmp op,
			 long long rhs);
	const void *data;
};
/* context_call_sleeps(), with a helper's tests of its parameters also
 * decided by what ASK knows of IN's variable arguments. */
bool context_call_sleeps_given(const struct file_context *fc,
			       const struct ir_insn *in,
			       const struct arg_query *ask,
			       const struct sleep_site **site);
/*
 * A lock helper: +1 takes ENT's lock, -1 releases the latest, 0 neither.
 * With CALL, the lock is named in the caller's terms; *TEXT is then a
 * string the caller frees (or NULL).
 */
int context_lock_helper(const struct file_context *fc, const char *name,
			const struct ir_insn *call, struct atomic_entry *ent,
			char **text);
/* The unlock API through which NAME, a function of the file or of
 * another file, only releases a lock (foo_unlock(): spin_unlock_bh),
 * or NULL. */
const struct api_rule *context_unlock_rule(const struct file_context *fc,
					   const char *name);
/* What the database says about NAME, a sleeping function of another
 * file ("'foo_wait' (foo.c:12) may sleep: it calls 'msleep'"), or NULL. */
const char *context_foreign_sleeper(const struct file_context *fc,
				    const char *name);
/* Functions of other files this file registers as entries (for the
 * database): FN is called with each. */
void context_foreign_entries(const struct file_context *fc,
			     void (*fn)(const struct atomic_entry *e, void *data),
			     void *data);
/* The first call through which FN (of the file) may sleep whatever its
 * arguments, or NULL. */
const struct ir_insn *context_sleeps_always_via(const struct file_context *fc,
						const char *fn);
/* The file's name of the display API for callee NAME (rules "as="). */
const char *context_api_name(const struct file_context *fc, const char *name);

#endif
