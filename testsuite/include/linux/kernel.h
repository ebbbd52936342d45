/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: the grab bag most drivers include.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/kconfig.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/bits.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/container_of.h>
#include <linux/printk.h>
#include <linux/args.h>

/*
 * might_sleep() as with CONFIG_DEBUG_ATOMIC_SLEEP (and no voluntary
 * preemption): it reports its own file and line to __might_sleep().
 */
extern void __might_resched(const char *file, int line, unsigned int offsets);
extern void __might_sleep(const char *file, int line);
# define might_resched() do { } while (0)
# define might_sleep() \
	do { __might_sleep(__FILE__, __LINE__); might_resched(); } while (0)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#define min(x, y) ({							\
	typeof(x) __min1 = (x);						\
	typeof(y) __min2 = (y);						\
	__min1 < __min2 ? __min1 : __min2; })

#define max(x, y) ({							\
	typeof(x) __max1 = (x);						\
	typeof(y) __max2 = (y);						\
	__max1 > __max2 ? __max1 : __max2; })

#define min_t(type, x, y)	min((type)(x), (type)(y))
#define max_t(type, x, y)	max((type)(x), (type)(y))
#define clamp(val, lo, hi)	min(max(val, lo), hi)
#define clamp_val(val, lo, hi)	clamp((typeof(val))(val), (typeof(val))(lo), (typeof(val))(hi))

#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define swap(a, b) \
	do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#define U8_MAX		((u8)~0U)
#define U16_MAX		((u16)~0U)
#define U32_MAX		((u32)~0U)
#define INT_MAX		((int)(~0U >> 1))
#define UINT_MAX	(~0U)
#define LONG_MAX	((long)(~0UL >> 1))

extern __printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
extern __printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
extern __printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
extern int kstrtouint(const char *s, unsigned int base, unsigned int *res);
extern int kstrtoint(const char *s, unsigned int base, int *res);
extern int kstrtobool(const char *s, bool *res);
extern void *memset(void *s, int c, size_t n);
extern void *memcpy(void *dest, const void *src, size_t n);

#endif /* _LINUX_KERNEL_H */
