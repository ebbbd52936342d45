/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

extern void __udelay(unsigned long usecs);
extern void __mdelay(unsigned long msecs);
extern void msleep(unsigned int msecs);
extern unsigned long msleep_interruptible(unsigned int msecs);
extern void usleep_range_state(unsigned long min, unsigned long max,
			       unsigned int state);

#define udelay(n)	__udelay(n)
#define mdelay(n)	__mdelay(n)
#define ndelay(n)	__udelay(((n) + 999) / 1000)

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, 0x0002 /* TASK_UNINTERRUPTIBLE */);
}

static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs <= 20000)
		usleep_range(usecs, 2 * usecs);
	else
		msleep((usecs + 999) / 1000);
}

#endif /* _LINUX_DELAY_H */
