/*
 * rpm_status.h - what a path knows about one device's runtime PM status:
 * set active and then enabled, so that a resume on it returns at once.
 *
 *     pm_runtime_set_active(dev);
 *     pm_runtime_enable(dev);
 *     ret = pm_runtime_resume_and_get(dev);   // always 0 here
 *
 * rpm_resume() returns 1 without calling anything for an active device
 * with runtime PM enabled, so the failure branch after it cannot run.
 * A pm_runtime_resume_and_get() that succeeded leaves its device active
 * and held the same way: a resume of it under a spinlock returns at
 * once, it does not sleep (__pm_runtime_resume() only might_sleep()s for
 * a device that is not active).
 * The other way round, "if (!pm_runtime_active(dev))" (or
 * "if (pm_runtime_suspended(dev))") finds the device enabled and not
 * active: a pm_runtime_get_sync() there does not answer "already
 * active" (only a concurrent resume could), so "if (ret)" after it is
 * a deliberate test.  Any call given the device forgets that.
 * Deliberately ignores everything else about status: one device per
 * path, forgotten at the first call that could suspend it.
 */
#ifndef RPMCHECK_RPM_STATUS_H
#define RPMCHECK_RPM_STATUS_H

#include <stdbool.h>

#include "engine.h"

#define RPM_STAGE_NOT_ACTIVE	(-1)

/* Update ST after IN, a call (R its rule, or NULL). */
void rpm_status_after_call(struct state *st, const struct ir_insn *in,
			   const struct api_rule *r);
/* ST is the success outcome of IN, a call of rule R. */
void rpm_status_after_success(struct state *st, const struct ir_insn *in,
			      const struct api_rule *r);
/* ST has learnt that CALL (a pm_runtime_get_sync() or other resume
 * returning "already active" as 1) did not fail: its device is active. */
void rpm_status_resume_succeeded(struct state *st, const struct ir_insn *call,
				 const struct rules *rules);
/* ST is where a helper of the file returned success after making DEV
 * active (its summary says so): DEV, in the caller's terms, is active. */
void rpm_status_set_active(struct state *st, const char *dev);
/* Is DEV, named in a call of function FN, a device ST knows to be
 * active?  (A helper's "priv->dev" is taken for the caller's.) */
bool rpm_status_known_active(const struct state *st, const char *dev);
/* ST took the side TAKEN of COND, a branch of FN: a "pm_runtime_active()"
 * found false or a "pm_runtime_suspended()" found true says its device
 * is not active. */
void rpm_status_after_query(struct state *st, const struct ir_func *fn,
			    const struct ir_cond *cond, bool taken);
/* Is DEV a device ST knows to be enabled and not active? */
bool rpm_status_known_not_active(const struct state *st, const char *dev);
/* Two names of one device: equal up to a leading '&', or one the end of
 * the other after a member access ("xdma->dev", "chan->xdma->dev"). */
bool rpm_status_same_device(const char *a, const char *b);
/* Does IN, a call of rule R, resume a device ST knows to be active? */
bool rpm_status_resumes_at_once(const struct state *st,
				const struct ir_insn *in,
				const struct api_rule *r);

#endif
