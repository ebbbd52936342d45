/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: disabling softirqs (bottom halves).
 *
 * As in the kernel with CONFIG_TRACE_IRQFLAGS: local_bh_disable() and
 * local_bh_enable() are inline functions around the extern
 * __local_bh_disable_ip() and __local_bh_enable_ip().
 */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

#include <linux/instruction_pointer.h>
#include <linux/preempt.h>

extern void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);

static inline void local_bh_disable(void)
{
	__local_bh_disable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

extern void _local_bh_enable(void);
extern void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);

static inline void local_bh_enable_ip(unsigned long ip)
{
	__local_bh_enable_ip(ip, SOFTIRQ_DISABLE_OFFSET);
}

static inline void local_bh_enable(void)
{
	__local_bh_enable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

#endif /* _LINUX_BH_H */
