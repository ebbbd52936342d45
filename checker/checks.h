/*
 * checks.h - the rules, called by the engine while it explores.
 *
 * Each check_*.c file implements one rule:
 *   check_rpm_leak.c          rpm-leak          (at the function's end)
 *   check_rpm_underflow.c     rpm-underflow     (at every put)
 *   check_get_sync_ret.c      rpm-get-sync-ret  (branches and the end)
 *   check_sleep_in_atomic.c   sleep-in-atomic   (at every call)
 * path_notes.c turns a state's trail into note: lines.
 */
#ifndef RPMCHECK_CHECKS_H
#define RPMCHECK_CHECKS_H

#include "diag.h"
#include "engine_internal.h"

void check_underflow_on_put(struct engine *e, const struct state *st,
			    const struct ir_insn *in, const struct effect *ef);
/* After a branch: ST is the state entering one side of BB's test. */
void check_get_sync_ret_on_branch(struct engine *e, struct state *st,
				  const struct ir_block *bb);
void check_get_sync_ret_on_exit(struct engine *e, const struct state *st);
void check_get_sync_ret_at_end(struct engine *e,
			       const struct function_result *res);
/* Before every call. */
void check_sleep_at_call(struct engine *e, const struct state *st,
			 const struct ir_insn *in);
void check_leak_at_end(struct engine *e, const struct function_result *res);
void check_function_end(struct engine *e, const struct function_result *res);

/* path_notes.c */
const struct event *trail_unmatched_get(const struct event *trail);
const struct event *trail_unmatched_get_of(const struct event *trail,
					   const char *dev);
/* The device an event names, "?" when none (or no event). */
const char *event_dev(const struct event *ev);
const struct event *trail_last(const struct event *trail, enum event_kind kind);
void note_get(struct diag *d, const struct event *get);
/* Notes for the branches and gotos after FROM (exclusive) on TRAIL. */
void note_path_after(struct diag *d, const struct event *trail,
		     const struct event *from);

#endif
