/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init		__section(".init.text") __cold
#define __exit		__section(".exit.text") __cold
#define __initdata	__section(".init.data")

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define __define_initcall(fn, id) \
	static initcall_t __PASTE(__initcall_, __PASTE(fn, id)) __used \
		__section(".initcall" #id ".init") = fn

#define device_initcall(fn)	__define_initcall(fn, 6)
#define __initcall(fn)		device_initcall(fn)
#define __exitcall(fn) \
	static exitcall_t __PASTE(__exitcall_, fn) __used \
		__section(".exitcall.exit") = fn

#endif /* _LINUX_INIT_H */
