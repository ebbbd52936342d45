/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ		250

extern volatile unsigned long jiffies;

extern unsigned long __msecs_to_jiffies(const unsigned int m);
extern unsigned int jiffies_to_msecs(const unsigned long j);

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return __msecs_to_jiffies(m);
}

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

#endif /* _LINUX_JIFFIES_H */
