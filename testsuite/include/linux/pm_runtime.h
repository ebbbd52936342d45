/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: the runtime PM API.
 *
 * Signatures and inline wrappers are those of Linux 6.12 with CONFIG_PM=y:
 * the get/put family are static inline wrappers around __pm_runtime_resume(),
 * __pm_runtime_idle() and __pm_runtime_suspend() with RPM_* flags, and
 * pm_runtime_get_if_active() takes one argument.  The cleanup guards at the
 * end of the file (and pm_runtime_get_active(), RPM_TRANSPARENT) appeared
 * in 6.18; they are here so that tests can use them.
 */
#ifndef _LINUX_PM_RUNTIME_H
#define _LINUX_PM_RUNTIME_H

#include <linux/device.h>
#include <linux/pm.h>
#include <linux/atomic.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/cleanup.h>

/* Flag bits of the rpmflags argument. */
#define RPM_ASYNC		0x01	/* Asynchronous request */
#define RPM_NOWAIT		0x02	/* Do not wait for a concurrent state change */
#define RPM_GET_PUT		0x04	/* Also change the usage counter */
#define RPM_AUTO		0x08	/* Honour the autosuspend delay */
#define RPM_TRANSPARENT		0x10	/* 6.18+: succeed when runtime PM is disabled */

/*
 * System sleep goes through pm_runtime_force_suspend/resume, runtime PM
 * through the given callbacks.
 */
#define DEFINE_RUNTIME_DEV_PM_OPS(name, suspend_fn, resume_fn, idle_fn) \
	_DEFINE_DEV_PM_OPS(name, pm_runtime_force_suspend, \
			   pm_runtime_force_resume, suspend_fn, \
			   resume_fn, idle_fn)

struct device_link;
struct workqueue_struct;

extern struct workqueue_struct *pm_wq;

extern int pm_generic_runtime_suspend(struct device *dev);
extern int pm_generic_runtime_resume(struct device *dev);
extern bool pm_runtime_need_not_resume(struct device *dev);
extern int pm_runtime_force_suspend(struct device *dev);
extern int pm_runtime_force_resume(struct device *dev);

extern int __pm_runtime_idle(struct device *dev, int rpmflags);
extern int __pm_runtime_suspend(struct device *dev, int rpmflags);
extern int __pm_runtime_resume(struct device *dev, int rpmflags);
extern int pm_runtime_get_if_active(struct device *dev);
extern int pm_runtime_get_if_in_use(struct device *dev);
extern int pm_schedule_suspend(struct device *dev, unsigned int delay);
extern int __pm_runtime_set_status(struct device *dev, unsigned int status);
extern int pm_runtime_barrier(struct device *dev);
extern void pm_runtime_enable(struct device *dev);
extern void __pm_runtime_disable(struct device *dev, bool check_resume);
extern void pm_runtime_allow(struct device *dev);
extern void pm_runtime_forbid(struct device *dev);
extern void pm_runtime_no_callbacks(struct device *dev);
extern void pm_runtime_irq_safe(struct device *dev);
extern void __pm_runtime_use_autosuspend(struct device *dev, bool use);
extern void pm_runtime_set_autosuspend_delay(struct device *dev, int delay);
extern u64 pm_runtime_autosuspend_expiration(struct device *dev);
extern void pm_runtime_set_memalloc_noio(struct device *dev, bool enable);
extern void pm_runtime_get_suppliers(struct device *dev);
extern void pm_runtime_put_suppliers(struct device *dev);
extern void pm_runtime_new_link(struct device *dev);
extern void pm_runtime_drop_link(struct device_link *link);
extern void pm_runtime_release_supplier(struct device_link *link);
extern u64 pm_runtime_suspended_time(struct device *dev);

extern int devm_pm_runtime_set_active_enabled(struct device *dev);
extern int devm_pm_runtime_enable(struct device *dev);
extern int devm_pm_runtime_get_noresume(struct device *dev);

static inline void pm_suspend_ignore_children(struct device *dev, bool enable)
{
	dev->power.ignore_children = enable;
}

/* Usage counter +1, no resume. */
static inline void pm_runtime_get_noresume(struct device *dev)
{
	atomic_inc(&dev->power.usage_count);
}

/* Usage counter -1 (never below 0), no idle check. */
static inline void pm_runtime_put_noidle(struct device *dev)
{
	atomic_add_unless(&dev->power.usage_count, -1, 0);
}

static inline bool pm_runtime_suspended(struct device *dev)
{
	return dev->power.runtime_status == RPM_SUSPENDED
		&& !dev->power.disable_depth;
}

static inline bool pm_runtime_active(struct device *dev)
{
	return dev->power.runtime_status == RPM_ACTIVE
		|| dev->power.disable_depth;
}

static inline bool pm_runtime_status_suspended(struct device *dev)
{
	return dev->power.runtime_status == RPM_SUSPENDED;
}

static inline bool pm_runtime_enabled(struct device *dev)
{
	return !dev->power.disable_depth;
}

static inline bool pm_runtime_has_no_callbacks(struct device *dev)
{
	return dev->power.no_callbacks;
}

static inline void pm_runtime_mark_last_busy(struct device *dev)
{
	WRITE_ONCE(dev->power.last_busy, ktime_get_mono_fast_ns());
}

static inline bool pm_runtime_is_irq_safe(struct device *dev)
{
	return dev->power.irq_safe;
}

/* Synchronous idle check; the usage counter is not touched. */
static inline int pm_runtime_idle(struct device *dev)
{
	return __pm_runtime_idle(dev, 0);
}

static inline int pm_runtime_suspend(struct device *dev)
{
	return __pm_runtime_suspend(dev, 0);
}

static inline int pm_runtime_autosuspend(struct device *dev)
{
	return __pm_runtime_suspend(dev, RPM_AUTO);
}

/* Synchronous resume: 1 if already active, 0 if resumed, or -errno. */
static inline int pm_runtime_resume(struct device *dev)
{
	return __pm_runtime_resume(dev, 0);
}

static inline int pm_request_idle(struct device *dev)
{
	return __pm_runtime_idle(dev, RPM_ASYNC);
}

static inline int pm_request_resume(struct device *dev)
{
	return __pm_runtime_resume(dev, RPM_ASYNC);
}

static inline int pm_request_autosuspend(struct device *dev)
{
	return __pm_runtime_suspend(dev, RPM_ASYNC | RPM_AUTO);
}

/* Usage counter +1 (always) and an asynchronous resume request. */
static inline int pm_runtime_get(struct device *dev)
{
	return __pm_runtime_resume(dev, RPM_GET_PUT | RPM_ASYNC);
}

/*
 * Usage counter +1 (always, even when the resume fails) and a synchronous
 * resume: 1 if already active, 0 if resumed, or -errno.
 */
static inline int pm_runtime_get_sync(struct device *dev)
{
	return __pm_runtime_resume(dev, RPM_GET_PUT);
}

/* Usage counter +1 and a synchronous resume, undone on failure: 0 or -errno. */
static inline int pm_runtime_resume_and_get(struct device *dev)
{
	int ret;

	ret = __pm_runtime_resume(dev, RPM_GET_PUT);
	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	return 0;
}

/* Usage counter -1 and an asynchronous idle check. */
static inline int pm_runtime_put(struct device *dev)
{
	return __pm_runtime_idle(dev, RPM_GET_PUT | RPM_ASYNC);
}

/* Usage counter -1 and an asynchronous autosuspend request. */
static inline int __pm_runtime_put_autosuspend(struct device *dev)
{
	return __pm_runtime_suspend(dev, RPM_GET_PUT | RPM_ASYNC | RPM_AUTO);
}

static inline int pm_runtime_put_autosuspend(struct device *dev)
{
	return __pm_runtime_suspend(dev,
				    RPM_GET_PUT | RPM_ASYNC | RPM_AUTO);
}

/* Usage counter -1 (always) and a synchronous idle check. */
static inline int pm_runtime_put_sync(struct device *dev)
{
	return __pm_runtime_idle(dev, RPM_GET_PUT);
}

static inline int pm_runtime_put_sync_suspend(struct device *dev)
{
	return __pm_runtime_suspend(dev, RPM_GET_PUT);
}

static inline int pm_runtime_put_sync_autosuspend(struct device *dev)
{
	return __pm_runtime_suspend(dev, RPM_GET_PUT | RPM_AUTO);
}

static inline int pm_runtime_set_active(struct device *dev)
{
	return __pm_runtime_set_status(dev, RPM_ACTIVE);
}

static inline int pm_runtime_set_suspended(struct device *dev)
{
	return __pm_runtime_set_status(dev, RPM_SUSPENDED);
}

static inline void pm_runtime_disable(struct device *dev)
{
	__pm_runtime_disable(dev, true);
}

static inline void pm_runtime_use_autosuspend(struct device *dev)
{
	__pm_runtime_use_autosuspend(dev, true);
}

static inline void pm_runtime_dont_use_autosuspend(struct device *dev)
{
	__pm_runtime_use_autosuspend(dev, false);
}

/*
 * 6.18+: usage counter +1 and a synchronous resume, undone on failure;
 * with RPM_TRANSPARENT a device with runtime PM disabled counts as resumed.
 */
static inline int pm_runtime_get_active(struct device *dev, int rpmflags)
{
	int ret;

	ret = __pm_runtime_resume(dev, RPM_GET_PUT | rpmflags);
	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	return 0;
}

/*
 * 6.18+ cleanup guards.
 *
 *	guard(pm_runtime_noresume)(dev);	get_noresume, put_noidle at scope exit
 *	guard(pm_runtime_active)(dev);		get_sync, put at scope exit
 *	guard(pm_runtime_active_auto)(dev);	get_sync, put_autosuspend at scope exit
 *
 * The conditional variants hold the reference only when
 * ACQUIRE_ERR(<guard>, &var) is 0:
 *
 *	ACQUIRE(pm_runtime_active_try, pm)(dev);
 *	ret = ACQUIRE_ERR(pm_runtime_active_try, &pm);
 *	if (ret)
 *		return ret;
 *
 * _try succeeds when runtime PM is disabled, _try_enabled does not.
 */
DEFINE_GUARD(pm_runtime_noresume, struct device *,
	     pm_runtime_get_noresume(_T), pm_runtime_put_noidle(_T));

DEFINE_GUARD(pm_runtime_active, struct device *,
	     pm_runtime_get_sync(_T), pm_runtime_put(_T));
DEFINE_GUARD(pm_runtime_active_auto, struct device *,
	     pm_runtime_get_sync(_T), pm_runtime_put_autosuspend(_T));

DEFINE_GUARD_COND(pm_runtime_active, _try,
		  pm_runtime_get_active(_T, RPM_TRANSPARENT), _RET == 0)
DEFINE_GUARD_COND(pm_runtime_active, _try_enabled,
		  pm_runtime_resume_and_get(_T), _RET == 0)
DEFINE_GUARD_COND(pm_runtime_active_auto, _try,
		  pm_runtime_get_active(_T, RPM_TRANSPARENT), _RET == 0)
DEFINE_GUARD_COND(pm_runtime_active_auto, _try_enabled,
		  pm_runtime_resume_and_get(_T), _RET == 0)

#define PM_RUNTIME_ACQUIRE(_dev, _var) \
	ACQUIRE(pm_runtime_active_try, _var)(_dev)
#define PM_RUNTIME_ACQUIRE_AUTOSUSPEND(_dev, _var) \
	ACQUIRE(pm_runtime_active_auto_try, _var)(_dev)
#define PM_RUNTIME_ACQUIRE_IF_ENABLED(_dev, _var) \
	ACQUIRE(pm_runtime_active_try_enabled, _var)(_dev)
#define PM_RUNTIME_ACQUIRE_IF_ENABLED_AUTOSUSPEND(_dev, _var) \
	ACQUIRE(pm_runtime_active_auto_try_enabled, _var)(_dev)

/* Works with every PM_RUNTIME_ACQUIRE*() variant: they share one type. */
#define PM_RUNTIME_ACQUIRE_ERR(_var_ptr) \
	ACQUIRE_ERR(pm_runtime_active, _var_ptr)

#endif /* _LINUX_PM_RUNTIME_H */
