/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: BUG() and WARN*().
 *
 * WARN_ON() and friends are statement expressions whose value is the
 * (unlikely()) truth of the condition, so "if (WARN_ON(ret < 0))" tests
 * the condition itself, as in the kernel's generic implementation.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/types.h>

extern __printf(1, 2) void __warn_printk(const char *fmt, ...);

#define BUG() do {							\
	__warn_printk("BUG: failure at %s:%d/%s()!\n",			\
		      __FILE__, __LINE__, __func__);			\
	barrier();							\
	__builtin_unreachable();					\
} while (0)

#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__warn_printk("WARNING: at %s:%d %s()\n",		\
			      __FILE__, __LINE__, __func__);		\
	unlikely(__ret_warn_on);					\
})

#define WARN(condition, format...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__warn_printk(format);					\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition) ({					\
	static bool __section(".data.once") __already_warned;		\
	int __ret_warn_once = !!(condition);				\
									\
	if (unlikely(__ret_warn_once && !__already_warned)) {		\
		__already_warned = true;				\
		WARN_ON(1);						\
	}								\
	unlikely(__ret_warn_once);					\
})

#define WARN_ONCE(condition, format...) ({				\
	static bool __section(".data.once") __already_warned;		\
	int __ret_warn_once = !!(condition);				\
									\
	if (unlikely(__ret_warn_once && !__already_warned)) {		\
		__already_warned = true;				\
		WARN(1, format);					\
	}								\
	unlikely(__ret_warn_once);					\
})

#endif /* _LINUX_BUG_H */
