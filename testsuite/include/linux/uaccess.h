/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: copying from and to user space (may fault, so
 * may sleep).  copy_from_user()/copy_to_user() are inline wrappers of the
 * extern _copy_from_user()/_copy_to_user(), as on x86.
 */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__

#include <linux/types.h>
#include <linux/compiler.h>

extern __must_check unsigned long
_copy_from_user(void *, const void __user *, unsigned long);
extern __must_check unsigned long
_copy_to_user(void __user *, const void *, unsigned long);

static __always_inline unsigned long __must_check
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return _copy_from_user(to, from, n);
}

static __always_inline unsigned long __must_check
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return _copy_to_user(to, from, n);
}

#endif /* __LINUX_UACCESS_H__ */
