/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: the kernel's basic types (x86_64 sizes).
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/compiler_types.h>
#include <linux/stddef.h>

typedef signed char		__s8;
typedef unsigned char		__u8;
typedef signed short		__s16;
typedef unsigned short		__u16;
typedef signed int		__s32;
typedef unsigned int		__u32;
typedef signed long long	__s64;
typedef unsigned long long	__u64;

typedef __s8			s8;
typedef __u8			u8;
typedef __s16			s16;
typedef __u16			u16;
typedef __s32			s32;
typedef __u32			u32;
typedef __s64			s64;
typedef __u64			u64;

typedef __u16 __bitwise		__le16;
typedef __u16 __bitwise		__be16;
typedef __u32 __bitwise		__le32;
typedef __u32 __bitwise		__be32;

typedef _Bool			bool;

typedef __SIZE_TYPE__		size_t;
typedef long			ssize_t;
typedef long			ptrdiff_t;
typedef unsigned long		uintptr_t;
typedef long long		loff_t;
typedef int			clockid_t;
typedef unsigned long		kernel_ulong_t;

typedef u64			dma_addr_t;
typedef u64			phys_addr_t;
typedef phys_addr_t		resource_size_t;

typedef unsigned int __bitwise	gfp_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

typedef atomic64_t		atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _LINUX_TYPES_H */
