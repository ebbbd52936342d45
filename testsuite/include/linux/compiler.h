/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: branch hints, READ_ONCE/WRITE_ONCE and friends.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do {								\
		*(volatile __typeof__(x) *)&(x) = (val);		\
	} while (0)

#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))

/* Zero-sized expression that fails to build when e is true. */
#define __BUILD_BUG_ON_ZERO_MSG(e, msg)	((int)sizeof(struct { _Static_assert(!(e), msg); }))
#define BUILD_BUG_ON_ZERO(e)		__BUILD_BUG_ON_ZERO_MSG(e, "BUILD_BUG_ON_ZERO: " #e)

#endif /* _LINUX_COMPILER_H */
