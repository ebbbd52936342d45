/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: allocation flags.  The values are not the
 * kernel's bit layout; only GFP_KERNEL vs GFP_ATOMIC/GFP_NOWAIT matters.
 */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/types.h>

#define __GFP_HIGH		((__force gfp_t)0x20u)
#define __GFP_IO		((__force gfp_t)0x40u)
#define __GFP_FS		((__force gfp_t)0x80u)
#define __GFP_ZERO		((__force gfp_t)0x100u)
#define __GFP_DIRECT_RECLAIM	((__force gfp_t)0x400u)
#define __GFP_KSWAPD_RECLAIM	((__force gfp_t)0x800u)
#define __GFP_NOWARN		((__force gfp_t)0x2000u)
#define __GFP_NOFAIL		((__force gfp_t)0x8000u)
#define __GFP_HARDWALL		((__force gfp_t)0x100000u)
#define __GFP_RECLAIM		((__force gfp_t)(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM))

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO	(__GFP_RECLAIM)
#define GFP_NOFS	(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER	(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA		((__force gfp_t)0x01u)

#endif /* __LINUX_GFP_H */
