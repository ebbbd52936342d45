/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/cleanup.h>

extern void __rcu_read_lock(void);
extern void __rcu_read_unlock(void);
extern void synchronize_rcu(void);

static __always_inline void rcu_read_lock(void)
{
	__rcu_read_lock();
}

static inline void rcu_read_unlock(void)
{
	__rcu_read_unlock();
}

DEFINE_LOCK_GUARD_0(rcu, rcu_read_lock(), rcu_read_unlock())

#endif /* _LINUX_RCUPDATE_H */
