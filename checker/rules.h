/*
 * rules.h - API facts loaded from rules files.
 *
 * One line per function: its name followed by attributes, e.g.
 *
 *   pm_runtime_get_sync  dev=0 count=+1 ret=already-active sleeps
 *
 * See rules/README for the attribute list.  Deliberately ignores
 * overloading by argument count: a name has exactly one fact; a later
 * line for the same name (e.g. from --rules) replaces the earlier one.
 */
#ifndef RPMCHECK_RULES_H
#define RPMCHECK_RULES_H

#include <stdbool.h>

#include "atomic.h"
#include "util.h"

enum rule_when {
	WHEN_ALWAYS,		/* the count changes whatever happens */
	WHEN_RET_ZERO,		/* only when the call returns 0 */
	WHEN_RET_POS,		/* only when the call returns > 0 / non-NULL */
	WHEN_ARG_POS,		/* only when the variable the argument points
				 * to holds a live reference (guard exit) */
};

enum rule_ret {
	RET_ANY,
	RET_ALREADY_ACTIVE,	/* 1 = already active, 0 = done, <0 error */
	RET_ERRPTR,		/* an ERR_PTR(): an error value */
	RET_DEV,		/* returns its device argument (non-NULL) */
	RET_ERR_OF_ARG,		/* 0 when the argument's guard holds, else <0 */
	RET_ARG1,		/* returns its second argument (dev_err_probe) */
	RET_ARG0,		/* returns its first argument (spinlock_check) */
};

/* What a call does to the driver lifecycle state of its device. */
enum lifecycle_effect {
	LC_NONE,
	LC_ENABLE,		/* pm_runtime_enable: enable depth +1 */
	LC_DISABLE,		/* pm_runtime_disable: -1 */
	LC_AUTOSUSPEND,		/* pm_runtime_use_autosuspend */
	LC_NO_AUTOSUSPEND,	/* pm_runtime_dont_use_autosuspend */
	LC_DEVM_ENABLE,		/* devm_pm_runtime_enable: both undone at
				 * unbind, when it returns 0 */
};

/* When a call ends its device (and with it the device's usage count). */
enum dev_free {
	FREE_NONE,
	FREE_ALWAYS,		/* device_del, device_unregister */
	FREE_IF_INITIALISED,	/* put_device: the last reference only
				 * when this function initialised it */
};

/* Runtime PM callbacks a synchronous call deadlocks in, on its device. */
enum rpm_sync {
	SYNC_NONE,
	SYNC_RESUME,		/* resumes: waits while suspending or
				 * resuming (runtime_suspend and _resume) */
	SYNC_SUSPEND,		/* suspends: waits while suspending */
};

struct api_rule {
	char *name;
	int dev_arg;		/* argument naming the device, -1: none */
	bool dev_deref;		/* that argument points to a guard variable */
	int count;		/* usage-count change: -1, 0 or +1 */
	enum rule_when when;
	enum rule_ret ret;
	bool sleeps;
	bool noreturn;
	bool pure;		/* a query: same arguments, same answer */
	char *implies;		/* when it takes effect, QUERY(dev) is ... */
	int implies_value;	/* ... this (pm_runtime_enabled(dev) is 1) */
	int callback;		/* argument that is a function run on
				 * cleanup (devm actions), -1: none */
	/* atomic context */
	enum atomic_kind enter;	/* opens an atomic section of this kind */
	enum atomic_kind leave;	/* closes the latest one of this kind */
	enum atomic_kind or_leave;	/* ... or, when none is open, one of
					 * this kind (spin_unlock_bh: bh) */
	int lock_arg;		/* argument naming the lock, -1: none */
	char *as;		/* the API name to show (local_irq_save) */
	int gfp_arg;		/* a gfp mask: sleeps when it allows direct
				 * reclaim, -1: none */
	bool ctx_query;		/* asks what the context is (in_atomic) */
	bool irq_safe;		/* pm_runtime_irq_safe(dev) */
	enum atomic_kind registers;	/* registers a function that will
					 * run in this context ... */
	int handler_arg;	/* ... given as this argument */
	enum lifecycle_effect lifecycle;
	bool sets_active;	/* pm_runtime_set_active(dev) */
	enum dev_free frees_dev;	/* the device, and the references
					 * to its usage count, go */
	bool inits_dev;		/* device_initialize(dev) */
	enum rpm_sync rpm_sync;	/* waits for the device's runtime PM state
				 * to settle: deadlocks in that device's
				 * own runtime PM callbacks */
};

/*
 * A struct type the file may define variables of ("struct X driver ..."
 * lines): a bus driver structure, whose fields name the probe, remove
 * and PM ops, or dev_pm_ops, whose fields name runtime PM and system
 * sleep callbacks.  Field names are paths: "driver.pm".
 */
struct struct_rule {
	char *name;		/* platform_driver, dev_pm_ops */
	bool is_pm_ops;
	bool is_ops;		/* framework ops: what the framework does
				 * around the callbacks */
	struct strlist probe, remove;	/* a driver's fields */
	char *pm;
	bool bus_enables_rpm;	/* the bus core enables runtime PM (PCI) */
	struct strlist runtime_suspend, runtime_resume, runtime_idle, system;
					/* dev_pm_ops fields */
	struct strlist undone_from, undone_by;	/* ops: after a failed
						 * FROM[i] the framework
						 * calls BY[i] */
	struct strlist final;		/* ops: run while the system goes
					 * down (a restart handler) */
};

struct rules;

struct rules *rules_new(void);
void rules_free(struct rules *rules);
/* Returns false after printing "FILE:LINE: error: ..." for a bad file. */
bool rules_load_file(struct rules *rules, const char *path);
bool rules_load_string(struct rules *rules, const char *origin,
		       const char *text);
const struct api_rule *rules_find(const struct rules *rules, const char *name);
int rules_count(const struct rules *rules);
/* The "struct NAME" line for NAME ("platform_driver"), or NULL. */
const struct struct_rule *rules_find_struct(const struct rules *rules,
					    const char *name);
/* rules_struct.c: parse the words after "struct" (NULL: fine, else why
 * not); free what struct_rule_parse filled. */
const char *struct_rule_parse(struct struct_rule *sr, char *name, char **save);
void struct_rule_free(struct struct_rule *sr);

#endif
