/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: IS_ENABLED() and the configuration the test
 * headers model (CONFIG_PM=y, CONFIG_PM_SLEEP=y, CONFIG_OF=y).
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#ifndef CONFIG_PM
#define CONFIG_PM 1
#endif
#ifndef CONFIG_PM_SLEEP
#define CONFIG_PM_SLEEP 1
#endif
#ifndef CONFIG_OF
#define CONFIG_OF 1
#endif

#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val

#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)

#define __or(x, y)			(x || y)

#define IS_BUILTIN(option)	__is_defined(option)
#define IS_MODULE(option)	__is_defined(option##_MODULE)
#define IS_ENABLED(option)	__or(IS_BUILTIN(option), IS_MODULE(option))

/* The pointer when cond is true, NULL otherwise (still type-checked). */
#define PTR_IF(cond, ptr)	((cond) ? (ptr) : NULL)

#endif /* _LINUX_KCONFIG_H */
