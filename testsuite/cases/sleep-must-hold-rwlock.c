// SPDX-License-Identifier: GPL-2.0
/*
 * __must_hold() of an rwlock_t makes the function atomic like one of a
 * spinlock, and the message says which kind of lock the caller holds:
 * an rwlock.  Slice of a network filter table.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define FLT_ENTRY(n)		(0x100 + (n) * 4)
#define FLT_NR_ENTRIES		64

struct flt_table {
	void __iomem *base;
	rwlock_t lock;
	u32 entries[FLT_NR_ENTRIES];
};

static void warn_flt_sync(struct flt_table *tbl, unsigned int n)
	__must_hold(&tbl->lock)
{
	writel(tbl->entries[n], tbl->base + FLT_ENTRY(n));
	usleep_range(10, 20);
}
/*
 * check-name: __must_hold() of an rwlock_t is reported as holding an rwlock
 *
 * check-output-start
sleep-must-hold-rwlock.c:25:2: warning: 'usleep_range' may sleep but 'warn_flt_sync' is called holding rwlock '&tbl->lock' (__must_hold at line 22) [-Wsleep-in-atomic]
sleep-must-hold-rwlock.c:22:2: note: 'warn_flt_sync' is annotated __must_hold(&tbl->lock) here
 * check-output-end
 */
