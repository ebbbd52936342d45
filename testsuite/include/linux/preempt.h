/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/cleanup.h>

extern void __preempt_count_add(int val);
extern void __preempt_count_sub(int val);
extern void preempt_schedule(void);

#define preempt_count_inc()	__preempt_count_add(1)
#define preempt_count_dec()	__preempt_count_sub(1)

#define preempt_disable() \
do { \
	preempt_count_inc(); \
	barrier(); \
} while (0)

#define preempt_enable() \
do { \
	barrier(); \
	preempt_count_dec(); \
} while (0)

extern void __local_bh_disable(void);
extern void __local_bh_enable(void);
#define local_bh_disable()	__local_bh_disable()
#define local_bh_enable()	__local_bh_enable()

DEFINE_LOCK_GUARD_0(preempt, preempt_disable(), preempt_enable())

#endif /* _LINUX_PREEMPT_H */
