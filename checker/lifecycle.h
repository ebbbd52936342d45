/*
 * lifecycle.h - the driver lifecycle rules of one file:
 *
 *   rpm-enable-imbalance   probe errors that leave runtime PM enabled
 *                          (or autosuspend in use), a remove that does
 *                          not undo what probe left, a remove that
 *                          disables what devm_pm_runtime_enable() will
 *   rpm-leak               a usage count probe keeps that remove never
 *                          drops, or one remove takes itself
 *   rpm-callback-deadlock  a runtime PM callback resuming its own device
 *   rpm-never-enabled      a driver using runtime PM that never enables it
 *
 * The usage count comes from the main run of the engine; the enable
 * depth, the autosuspend setting and devm enabling from extra runs over
 * the functions that change them (engine.h, enum rpm_counter).
 */
#ifndef RPMCHECK_LIFECYCLE_H
#define RPMCHECK_LIFECYCLE_H

#include "driver_model.h"
#include "engine.h"
#include "frontend.h"

/* What the main run learnt about each function of the unit (by index). */
struct usage_facts {
	struct function_result **kept;	/* probe and remove results */
	bool *drops;			/* some exit has a negative delta */
};

/* lifecycle.c */
void lifecycle_check(const struct engine_ctx *usage_ctx,
		     const struct fe_unit *unit, const int *order,
		     const struct driver_model *dm,
		     const struct usage_facts *uf);

/* Mark in SET function FROM (an index of UNIT, -1: none) and the
 * functions of the file it calls, directly or not. */
void unit_mark_reachable(const struct fe_unit *unit, int from, bool *set);

/* The results of one driver's probe and remove for every counter. */
struct driver_runs {
	const struct dm_driver *drv;
	const struct ir_func *remove_fn;	/* NULL: not in the file */
	const struct function_result *probe[NCOUNTERS], *remove[NCOUNTERS];
	bool has_remove;		/* remove is a function of the file */
	bool drops_elsewhere;		/* a function outside probe and
					 * remove drops a usage count */
};

/* check_lifecycle.c */
void check_lifecycle_driver(const struct driver_runs *dr);

/* check_callback_deadlock.c */
void check_callback_deadlock(const struct rules *rules,
			     const struct fe_unit *unit,
			     const struct driver_model *dm);

/* check_never_enabled.c */
void check_never_enabled(const struct rules *rules, const struct fe_unit *unit,
			 const struct driver_model *dm);

#endif
