/*
 * idle_pairs.h - runtime PM sync calls in atomic context that sleep only
 * when the device is idle.
 *
 * "spin_lock(&l); flush_tlb(obj);" where flush_tlb() does
 * pm_runtime_get_sync(); ...; pm_runtime_put_sync(): the pair resumes
 * the device only when nothing else holds it.  When the file also keeps
 * a reference beyond the call that took it (a started channel, an
 * attached domain, a transmission in flight: a callback of the file
 * returns holding one), such pairs usually run while that reference
 * holds the device active, and then they do not sleep.  rpmcheck cannot
 * tell when, so these findings move from sleep-in-atomic to the opt-in
 * rule sleep-in-atomic-if-idle.
 *
 * Deliberately ignores which device the pair and the long-lived
 * reference are on (drivers with two runtime PM devices are rare), and
 * calls that keep or drop a reference (iommu_enable(), iommu_disable()):
 * those are still sleep-in-atomic.
 */
#ifndef RPMCHECK_IDLE_PAIRS_H
#define RPMCHECK_IDLE_PAIRS_H

#include "engine.h"
#include "frontend.h"

struct idle_pairs;

struct idle_pairs *idle_pairs_new(void);
void idle_pairs_free(struct idle_pairs *ip);
/* What RES, the analysis of one function, says: a balanced pair, or a
 * reference kept on a successful return. */
void idle_pairs_note_function(struct idle_pairs *ip,
			      const struct engine_ctx *ctx,
			      const struct function_result *res);
/*
 * A sleep-in-atomic finding at FILE:LOC whose chain of functions
 * (NFNS names, the caller first) ends in a runtime PM get or put:
 * decided by idle_pairs_settle().
 */
void idle_pairs_defer(struct idle_pairs *ip, const char *file,
		      struct ir_loc loc, const char *const *fns, int nfns);
/* Move the deferred findings inside a pair of a file that keeps a
 * reference elsewhere to sleep-in-atomic-if-idle, with a note. */
void idle_pairs_settle(struct idle_pairs *ip, const struct fe_unit *unit);

#endif
