/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/*
 * Unlike the kernel (which relies on the optimizer), a condition that is
 * not an integer constant expression is not diagnosed here: it turns into
 * a harmless run-time sizeof.
 */
#define BUILD_BUG_ON(condition)	((void)sizeof(char[1 - 2 * !!(condition)]))
#define BUILD_BUG_ON_MSG(cond, msg)	BUILD_BUG_ON(cond)
#define static_assert(expr, ...)	_Static_assert(expr, "" __VA_ARGS__)

#endif /* _LINUX_BUILD_BUG_H */
