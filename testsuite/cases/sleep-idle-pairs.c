// SPDX-License-Identifier: GPL-2.0
/*
 * A runtime PM sync call inside a get/put pair sleeps only when nothing
 * else holds the device.  This driver keeps a reference from
 * xdmac_start() until the completion puts it, and xdmac_issue_pending()
 * (a dmaengine callback, called by nothing in the file) returns holding
 * it: pairs under its channel lock, directly or in a helper, are
 * sleep-in-atomic-if-idle (off unless asked for; this case asks).  The
 * call that takes the long-lived reference under a lock, the put that
 * drops it, a pair's helper called without a pair, and any other
 * sleeping call stay sleep-in-atomic.  xdmac_get_once() gets only for
 * its first caller, decided by the old value xchg() returns through an
 * inline asm operand: the value is unknown, so the get is on a path.
 * Without the long-lived reference
 * (sleep-idle-pairs-none.c) pairs stay sleep-in-atomic.  Slice of a DMA
 * controller driver.
 */
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/spinlock.h>

#define XDMAC_GS	0x0c
#define XDMAC_CC	0x10

struct xdmac {
	struct device *dev;
	void __iomem *regs;
	spinlock_t lock;
	struct tasklet_struct task;
	bool started;
	unsigned long once;
	u32 status;
};

/* Read a register with the controller resumed: a pair. */
static u32 xdmac_read_status(struct xdmac *x)
{
	u32 val;

	pm_runtime_get_sync(x->dev);
	val = readl(x->regs + XDMAC_GS);
	pm_runtime_mark_last_busy(x->dev);
	pm_runtime_put_autosuspend(x->dev);
	return val;
}

/* Takes the reference the completion drops. */
static void xdmac_start(struct xdmac *x)
{
	if (pm_runtime_resume_and_get(x->dev) < 0)
		return;
	writel(1, x->regs + XDMAC_CC);
}

void xdmac_issue_pending(struct xdmac *x)
{
	if (x->started)
		return;
	xdmac_start(x);
}

static void xdmac_complete(struct xdmac *x)
{
	pm_runtime_mark_last_busy(x->dev);
	pm_runtime_put_autosuspend(x->dev);
}

/* The helper pair under the lock: sleeps only if the device is idle. */
static void warn_tasklet(struct tasklet_struct *t)
{
	struct xdmac *x = from_tasklet(x, t, task);

	spin_lock_irq(&x->lock);
	x->status = xdmac_read_status(x);
	spin_unlock_irq(&x->lock);
	xdmac_complete(x);
}

/* A pair written out under the lock: the same. */
static void warn_pause(struct xdmac *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->lock, flags);
	pm_runtime_get_sync(x->dev);
	writel(0, x->regs + XDMAC_CC);
	pm_runtime_put(x->dev);
	spin_unlock_irqrestore(&x->lock, flags);
}

/* Taking the long-lived reference under the lock may always sleep. */
static void warn_start_locked(struct xdmac *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->lock, flags);
	xdmac_start(x);
	spin_unlock_irqrestore(&x->lock, flags);
}

/* So may dropping it with a sync put. */
static void warn_stop_locked(struct xdmac *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->lock, flags);
	writel(0, x->regs + XDMAC_CC);
	pm_runtime_put_sync(x->dev);
	spin_unlock_irqrestore(&x->lock, flags);
}

/* Anything else that sleeps is no runtime PM question. */
static void warn_reset_locked(struct xdmac *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->lock, flags);
	pm_runtime_get_sync(x->dev);
	writel(2, x->regs + XDMAC_CC);
	msleep(1);
	pm_runtime_put(x->dev);
	spin_unlock_irqrestore(&x->lock, flags);
}

/* Only the first caller gets: which one is known only at run time. */
static void xdmac_get_once(struct xdmac *x)
{
	if (xchg(&x->once, 1))
		return;
	pm_runtime_get_sync(x->dev);
}

static void warn_first_get_locked(struct xdmac *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->lock, flags);
	xdmac_get_once(x);
	spin_unlock_irqrestore(&x->lock, flags);
}

static void good_status_unlocked(struct xdmac *x)
{
	x->status = xdmac_read_status(x);
}

static int good_probe(struct platform_device *pdev, struct xdmac *x)
{
	x->dev = &pdev->dev;
	spin_lock_init(&x->lock);
	tasklet_setup(&x->task, warn_tasklet);
	pm_runtime_enable(x->dev);
	return 0;
}
/*
 * check-name: runtime PM pairs in a file that keeps a reference elsewhere
 * check-command: rpmcheck -Wsleep-in-atomic-if-idle $file
 *
 * check-output-start
sleep-idle-pairs.c:78:14: warning: 'xdmac_read_status' may sleep but 'warn_tasklet' holds spinlock '&x->lock' (taken at line 77) [-Wsleep-in-atomic-if-idle]
sleep-idle-pairs.c:77:2: note: 'spin_lock_irq' takes '&x->lock' here
sleep-idle-pairs.c:44:2: note: 'xdmac_read_status' calls 'pm_runtime_get_sync', which may sleep
sleep-idle-pairs.c:54:6: note: 'xdmac_read_status' takes and drops its own reference, and 'xdmac_start' returns keeping one (taken here): while that is held the device is active and this does not sleep
sleep-idle-pairs.c:89:2: warning: 'pm_runtime_get_sync' may sleep but 'warn_pause' holds spinlock '&x->lock' (taken at line 88) [-Wsleep-in-atomic-if-idle]
sleep-idle-pairs.c:88:2: note: 'spin_lock_irqsave' takes '&x->lock' here
sleep-idle-pairs.c:54:6: note: 'warn_pause' takes and drops its own reference, and 'xdmac_start' returns keeping one (taken here): while that is held the device is active and this does not sleep
sleep-idle-pairs.c:101:2: warning: 'xdmac_start' may sleep but 'warn_start_locked' holds spinlock '&x->lock' (taken at line 100) [-Wsleep-in-atomic]
sleep-idle-pairs.c:100:2: note: 'spin_lock_irqsave' takes '&x->lock' here
sleep-idle-pairs.c:54:6: note: 'xdmac_start' calls 'pm_runtime_resume_and_get', which may sleep
sleep-idle-pairs.c:112:2: warning: 'pm_runtime_put_sync' may sleep but 'warn_stop_locked' holds spinlock '&x->lock' (taken at line 110) [-Wsleep-in-atomic]
sleep-idle-pairs.c:110:2: note: 'spin_lock_irqsave' takes '&x->lock' here
sleep-idle-pairs.c:122:2: warning: 'pm_runtime_get_sync' may sleep but 'warn_reset_locked' holds spinlock '&x->lock' (taken at line 121) [-Wsleep-in-atomic-if-idle]
sleep-idle-pairs.c:121:2: note: 'spin_lock_irqsave' takes '&x->lock' here
sleep-idle-pairs.c:54:6: note: 'warn_reset_locked' takes and drops its own reference, and 'xdmac_start' returns keeping one (taken here): while that is held the device is active and this does not sleep
sleep-idle-pairs.c:124:2: warning: 'msleep' may sleep but 'warn_reset_locked' holds spinlock '&x->lock' (taken at line 121) [-Wsleep-in-atomic]
sleep-idle-pairs.c:121:2: note: 'spin_lock_irqsave' takes '&x->lock' here
sleep-idle-pairs.c:142:2: warning: 'xdmac_get_once' may sleep but 'warn_first_get_locked' holds spinlock '&x->lock' (taken at line 141) [-Wsleep-in-atomic]
sleep-idle-pairs.c:141:2: note: 'spin_lock_irqsave' takes '&x->lock' here
sleep-idle-pairs.c:134:2: note: 'xdmac_get_once' calls 'pm_runtime_get_sync', which may sleep
 * check-output-end
 */
