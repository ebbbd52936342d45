/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: sleeping locks.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/cleanup.h>

struct device;

struct mutex {
	atomic_long_t		owner;
	struct list_head	wait_list;
};

extern void __mutex_init(struct mutex *lock, const char *name, void *key);
extern void mutex_lock(struct mutex *lock);
extern int __must_check mutex_lock_interruptible(struct mutex *lock);
extern int __must_check mutex_lock_killable(struct mutex *lock);
extern int mutex_trylock(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);
extern bool mutex_is_locked(struct mutex *lock);
extern void mutex_destroy(struct mutex *lock);
extern int __devm_mutex_init(struct device *dev, struct mutex *lock);

#define mutex_init(mutex)						\
do {									\
	static char __key;						\
									\
	__mutex_init((mutex), #mutex, &__key);				\
} while (0)

#define devm_mutex_init(dev, mutex)	__devm_mutex_init(dev, mutex)

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = { .wait_list = { &(mutexname).wait_list, &(mutexname).wait_list } }

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
DEFINE_GUARD_COND(mutex, _try, mutex_trylock(_T))
DEFINE_GUARD_COND(mutex, _intr, mutex_lock_interruptible(_T), _RET == 0)

#endif /* _LINUX_MUTEX_H */
