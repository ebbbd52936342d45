/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: compiler attributes and annotations.
 *
 * The sparse-only annotations (__force, __iomem, __must_hold, ...) expand
 * to nothing, exactly as they do in a kernel build without __CHECKER__.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __nocast
#define __bitwise
#define __safe
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)		(void)0
#define __release(x)		(void)0
#define __cond_lock(x, c)	(c)

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __cold			__attribute__((__cold__))
#define __noreturn		__attribute__((__noreturn__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(s)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __cleanup(func)		__attribute__((__cleanup__(func)))
#define __weak			__attribute__((__weak__))

/* A statement attribute, as in "case 1: foo(); fallthrough;". */
#define fallthrough		__attribute__((__fallthrough__))

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)

/* Unique identifier per expansion, used by guard() and friends. */
#define __UNIQUE_ID(prefix)	__PASTE(__UNIQUE_ID_, __PASTE(prefix, __COUNTER__))

#define barrier()		__asm__ __volatile__("" : : : "memory")

#endif /* _LINUX_COMPILER_TYPES_H */
