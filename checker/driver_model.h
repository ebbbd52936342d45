/*
 * driver_model.h - which functions of a file are a driver's probe and
 * remove, which are runtime PM or system sleep callbacks, and what a
 * framework does around the callbacks of its ops structures.
 *
 * Read from the file's static initialisers (struct platform_driver,
 * struct dev_pm_ops, ...) with the meaning of their fields taken from
 * the "struct" lines of the rules files.  Deliberately ignores drivers
 * and PM ops built at run time (ops->probe = foo_probe) and structures
 * of other files.
 */
#ifndef RPMCHECK_DRIVER_MODEL_H
#define RPMCHECK_DRIVER_MODEL_H

#include "frontend.h"
#include "rules.h"

struct dm_driver {
	const char *var;		/* foo_driver */
	const struct struct_rule *rule;	/* its type: platform_driver */
	const char *probe, *remove;	/* NULL when the field is not set */
	const char *pm_ops;		/* the dev_pm_ops variable, or NULL */
	struct ir_loc loc;		/* where probe is set */
};

enum dm_callback_kind {
	CB_RUNTIME_SUSPEND,
	CB_RUNTIME_RESUME,
	CB_RUNTIME_IDLE,
	CB_SYSTEM,			/* any system sleep callback */
};

struct dm_callback {
	const char *ops;		/* the dev_pm_ops variable */
	const char *fn;
	const char *field;		/* runtime_suspend */
	enum dm_callback_kind kind;
	struct ir_loc loc;		/* where the field is set */
};

/* A function a framework ops structure of the file names ("ops" lines). */
struct dm_op {
	const char *var;		/* imx_mu_ops */
	const struct struct_rule *rule;	/* its type: mbox_chan_ops */
	const char *field;		/* startup */
	const char *fn;
};

struct driver_model {
	struct { struct dm_driver *items; int count, alloc; } drivers;
	struct { struct dm_callback *items; int count, alloc; } callbacks;
	struct { struct dm_op *items; int count, alloc; } ops;
};

/* Fill DM from UNIT's initialisers; the strings stay UNIT's. */
void driver_model_build(struct driver_model *dm, const struct rules *rules,
			const struct fe_unit *unit);
void driver_model_free(struct driver_model *dm);
/* Is FN the probe or the remove of some driver of the file? */
bool dm_is_probe_or_remove(const struct driver_model *dm, const char *fn);
/* Is FN a system sleep callback (->suspend, ->resume, ...) of the file? */
bool dm_is_system_sleep_callback(const struct driver_model *dm,
				 const char *fn);

/* The function the framework calls after FN fails (the ->shutdown of
 * the ops structure naming FN as its ->startup), or NULL. */
const char *dm_undone_by(const struct driver_model *dm, const char *fn);
/* Does FN run while the system goes down (a ->restart handler)? */
bool dm_runs_while_going_down(const struct driver_model *dm, const char *fn);

#endif
