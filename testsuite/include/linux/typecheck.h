/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

/*
 * typecheck(type, x): 1, and a compiler warning when x is not of the
 * given type (comparing pointers to the two types).
 */
#define typecheck(type, x) \
({	type __dummy; \
	typeof(x) __dummy2; \
	(void)(&__dummy == &__dummy2); \
	1; \
})

#endif /* _LINUX_TYPECHECK_H */
