/*
 * summary.h - what a function defined in the checked file does to the
 * runtime PM usage count, seen from its callers.
 *
 * A summary maps each sign of the returned value (negative, zero,
 * positive; a void function has one class) to the usage-count change
 * on the paths that return it.  foo_pm_get() that returns 0 holding a
 * reference and -errno without one summarises as {<0: 0, 0: +1}.
 *
 * Deliberately ignores which argument the device is: callers see the
 * change as a change of their own count, named after the device the
 * helper used, with the helper's parameter replaced by the argument.
 */
#ifndef RPMCHECK_SUMMARY_H
#define RPMCHECK_SUMMARY_H

#include "engine.h"

struct summaries;

struct summaries *summaries_new(void);
void summaries_free(struct summaries *sums);
/* The change FN makes on every path, when it is one; false otherwise. */
bool summary_uniform_delta(const struct summaries *sums, const char *fn,
			   int *delta);
/* Does FN return holding a reference on some path? */
bool summary_may_take(const struct summaries *sums, const char *fn);
/* Does some path of FN raise (DIRECTION > 0) or drop (< 0) the count,
 * even where its exits disagree? */
bool summary_may_change(const struct summaries *sums, const char *fn,
			int direction);
/* A caller puts after helper IDX failed holding a reference. */
void summary_compensated(struct summaries *sums, int idx);
/* Helpers whose callers put after they fail: their error returns keep
 * the reference for the caller to drop.  Calls FN for each. */
void summary_for_compensated(const struct summaries *sums,
			     void (*fn)(const char *name, void *data),
			     void *data);
bool summary_exists(const struct summaries *sums, const char *name);
/*
 * Summaries as text, for the cross-file database: each summary of a
 * function FILTER accepts goes to FN as (name, data); summary_import
 * adds one back (false when DATA is not one).
 */
void summary_export(const struct summaries *sums,
		    bool (*filter)(const char *name, void *data),
		    void (*fn)(const char *name, const char *text, void *data),
		    void *data);
bool summary_import(struct summaries *sums, const char *name,
		    const char *text);
void summary_record(struct summaries *sums, const struct function_result *res);
/*
 * Apply the summary of IN's callee to ST, writing up to 3 states to
 * OUT.  Returns how many, or -1 when the callee has no summary.
 */
int summary_apply(struct summaries *sums, struct engine *e,
		  const struct state *st, const struct ir_insn *in,
		  struct state out[3]);

#endif
