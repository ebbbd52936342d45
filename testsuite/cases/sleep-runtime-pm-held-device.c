// SPDX-License-Identifier: GPL-2.0
/*
 * A runtime PM resume of a device this path already holds active does
 * not sleep: after pm_runtime_resume_and_get(dev) succeeded, another
 * resume of dev returns at once (__pm_runtime_resume() only calls
 * might_sleep() for a device that is not active), also under a
 * spinlock and also inside a helper naming the device the same way.
 * The same after a pm_runtime_get_sync() whose result the path tested
 * non-negative, or a helper of the file that returns success after one.
 * Without the earlier get, after a put, or on another device, it may
 * sleep.  The flush after a put is a get/put pair in a file whose
 * attach keeps a reference: sleep-in-atomic-if-idle (idle-pairs.c has
 * the rule's own cases).  Slice of a DMA controller's channel resume.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/spinlock.h>

struct xdma {
	struct device *dev;
	struct device *phy_dev;
};

struct xdma_desc {
	bool active_xfer;
};

struct xdma_chan {
	struct xdma *xdma;
	spinlock_t lock;
	struct xdma_desc desc[8];
	int ndesc;
	bool paused;
};

static int xdma_resume_descriptors(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	int i, ret;

	for (i = 0; i < chan->ndesc; i++) {
		if (!chan->desc[i].active_xfer)
			continue;
		ret = pm_runtime_resume_and_get(xdma->dev);
		if (ret < 0)
			return ret;
	}
	return 0;
}

static int good_xdma_device_resume(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	unsigned long flags;
	int ret;

	ret = pm_runtime_resume_and_get(xdma->dev);
	if (ret < 0)
		return ret;
	spin_lock_irqsave(&chan->lock, flags);
	if (chan->paused)
		ret = xdma_resume_descriptors(chan);
	chan->paused = false;
	spin_unlock_irqrestore(&chan->lock, flags);
	pm_runtime_put_autosuspend(xdma->dev);
	return ret;
}

static int good_xdma_direct(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	unsigned long flags;
	int ret;

	ret = pm_runtime_resume_and_get(xdma->dev);
	if (ret < 0)
		return ret;
	spin_lock_irqsave(&chan->lock, flags);
	pm_runtime_get_sync(xdma->dev);
	chan->paused = false;
	spin_unlock_irqrestore(&chan->lock, flags);
	return 0;
}

/* get_sync, and the count dropped again when it fails: 0 on success */
static int xdma_enable(struct xdma *xdma)
{
	int ret = pm_runtime_get_sync(xdma->dev);

	if (ret < 0) {
		pm_runtime_put_noidle(xdma->dev);
		return ret;
	}
	return 0;
}

static void xdma_flush(struct xdma *xdma)
{
	pm_runtime_get_sync(xdma->dev);
	pm_runtime_put_sync(xdma->dev);
}

/* The enable under the lock may sleep; the flush after it cannot. */
static int warn_xdma_attach(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	int err;

	spin_lock(&chan->lock);
	err = xdma_enable(xdma);
	if (err)
		goto unlock;
	xdma_flush(xdma);
unlock:
	spin_unlock(&chan->lock);
	return err;
}

static int good_xdma_get_sync_checked(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	unsigned long flags;
	int ret;

	ret = pm_runtime_get_sync(xdma->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(xdma->dev);
		return ret;
	}
	spin_lock_irqsave(&chan->lock, flags);
	xdma_flush(xdma);
	spin_unlock_irqrestore(&chan->lock, flags);
	pm_runtime_put(xdma->dev);
	return 0;
}

/* The put names the device through the local copy: it still ends it. */
static int warn_xdma_flush_after_put(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	int err;

	err = xdma_enable(xdma);
	if (err)
		return err;
	pm_runtime_put(xdma->dev);
	spin_lock(&chan->lock);
	xdma_flush(xdma);
	spin_unlock(&chan->lock);
	return 0;
}

static int warn_xdma_resume_not_held(struct xdma_chan *chan)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&chan->lock, flags);
	ret = xdma_resume_descriptors(chan);
	spin_unlock_irqrestore(&chan->lock, flags);
	return ret;
}

static int warn_xdma_resume_after_put(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	unsigned long flags;
	int ret;

	ret = pm_runtime_resume_and_get(xdma->dev);
	if (ret < 0)
		return ret;
	pm_runtime_put(xdma->dev);
	spin_lock_irqsave(&chan->lock, flags);
	ret = xdma_resume_descriptors(chan);
	spin_unlock_irqrestore(&chan->lock, flags);
	return ret;
}

static int warn_xdma_other_device(struct xdma_chan *chan)
{
	struct xdma *xdma = chan->xdma;
	unsigned long flags;
	int ret;

	ret = pm_runtime_resume_and_get(xdma->dev);
	if (ret < 0)
		return ret;
	spin_lock_irqsave(&chan->lock, flags);
	ret = pm_runtime_resume_and_get(xdma->phy_dev);
	spin_unlock_irqrestore(&chan->lock, flags);
	pm_runtime_put(xdma->dev);
	return ret;
}
/*
 * check-name: a resume of a device the path holds active does not sleep
 * check-command: rpmcheck -Wsleep-in-atomic-if-idle $file
 * check-output-ignore-notes
 *
 * check-output-start
sleep-runtime-pm-held-device.c:110:8: warning: 'xdma_enable' may sleep but 'warn_xdma_attach' holds spinlock '&chan->lock' (taken at line 109) [-Wsleep-in-atomic]
sleep-runtime-pm-held-device.c:148:2: warning: 'xdma_flush' may sleep but 'warn_xdma_flush_after_put' holds spinlock '&chan->lock' (taken at line 147) [-Wsleep-in-atomic-if-idle]
sleep-runtime-pm-held-device.c:159:8: warning: 'xdma_resume_descriptors' may sleep but 'warn_xdma_resume_not_held' holds spinlock '&chan->lock' (taken at line 158) [-Wsleep-in-atomic]
sleep-runtime-pm-held-device.c:175:8: warning: 'xdma_resume_descriptors' may sleep but 'warn_xdma_resume_after_put' holds spinlock '&chan->lock' (taken at line 174) [-Wsleep-in-atomic]
sleep-runtime-pm-held-device.c:190:8: warning: 'pm_runtime_resume_and_get' may sleep but 'warn_xdma_other_device' holds spinlock '&chan->lock' (taken at line 189) [-Wsleep-in-atomic]
 * check-output-end
 */
