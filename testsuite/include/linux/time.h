/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: clock ids (the kernel's uapi/linux/time.h values).
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_BOOTTIME		7

#endif /* _LINUX_TIME_H */
