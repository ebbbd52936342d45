// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping through the file's own helpers: a static function that may
 * sleep is reported where it is called in atomic context, with notes
 * down the chain to the sleeping call, and is not reported itself; a
 * helper that asks irqs_disabled() chooses for itself.  Small wrappers
 * that only take or only release a lock (dsp_lock()/dsp_unlock()) act
 * like the lock calls they wrap, and so does an unknown function named
 * like an unlock.  Slice of an audio DSP driver.
 */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/firmware.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define DSP_CTRL		0x00
#define DSP_CTRL_RUN		BIT(0)
#define DSP_CTRL_RESET		BIT(1)
#define DSP_STATUS		0x04
#define DSP_STATUS_READY	BIT(0)
#define DSP_MBOX		0x10

struct dsp_priv {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;
	struct timer_list watchdog;
	int irq;
	u32 mbox;
};

/* Provided by the IPC layer: releases priv->lock and rings the doorbell. */
extern void dsp_ipc_unlock_and_ring(struct dsp_priv *priv);

static void good_dsp_reset(struct dsp_priv *priv)
{
	writel(DSP_CTRL_RESET, priv->base + DSP_CTRL);
	msleep(10);
	writel(0, priv->base + DSP_CTRL);
}

static int good_dsp_wait_ready(struct dsp_priv *priv)
{
	unsigned int tries;

	for (tries = 0; tries < 10; tries++) {
		if (readl(priv->base + DSP_STATUS) & DSP_STATUS_READY)
			return 0;
		usleep_range(100, 200);
	}

	return -ETIMEDOUT;
}

static int good_dsp_boot(struct dsp_priv *priv)
{
	writel(DSP_CTRL_RUN, priv->base + DSP_CTRL);
	return good_dsp_wait_ready(priv);
}

static int good_dsp_power_up(struct dsp_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(priv->dev);
		return ret;
	}

	return 0;
}

/* Polls when it may not sleep. */
static void good_dsp_settle(struct dsp_priv *priv)
{
	if (irqs_disabled())
		udelay(100);
	else
		usleep_range(100, 200);
}

static void dsp_lock(struct dsp_priv *priv)
{
	spin_lock(&priv->lock);
}

static void dsp_unlock(struct dsp_priv *priv)
{
	spin_unlock(&priv->lock);
}

static void warn_reset_under_lock(struct dsp_priv *priv)
{
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	priv->mbox = 0;
	good_dsp_reset(priv);
	spin_unlock_irqrestore(&priv->lock, flags);
}

static int warn_boot_under_lock(struct dsp_priv *priv)
{
	int ret;

	spin_lock(&priv->lock);
	ret = good_dsp_boot(priv);
	spin_unlock(&priv->lock);

	return ret;
}

static int good_boot_after_unlock(struct dsp_priv *priv)
{
	spin_lock(&priv->lock);
	priv->mbox = 0;
	spin_unlock(&priv->lock);

	good_dsp_reset(priv);
	return good_dsp_boot(priv);
}

static void good_settle_under_lock(struct dsp_priv *priv)
{
	spin_lock(&priv->lock);
	good_dsp_settle(priv);
	spin_unlock(&priv->lock);
}

static void warn_sleep_in_lock_helpers(struct dsp_priv *priv, u32 msg)
{
	dsp_lock(priv);
	writel(msg, priv->base + DSP_MBOX);
	msleep(1);
	dsp_unlock(priv);
}

static void good_sleep_after_lock_helpers(struct dsp_priv *priv, u32 msg)
{
	dsp_lock(priv);
	writel(msg, priv->base + DSP_MBOX);
	dsp_unlock(priv);
	msleep(1);
}

static void good_sleep_after_ipc_unlock(struct dsp_priv *priv, u32 msg)
{
	spin_lock(&priv->lock);
	priv->mbox = msg;
	dsp_ipc_unlock_and_ring(priv);
	msleep(1);
}

static irqreturn_t warn_dsp_irq(int irq, void *dev_id)
{
	struct dsp_priv *priv = dev_id;

	if (good_dsp_power_up(priv))
		return IRQ_NONE;
	priv->mbox = readl(priv->base + DSP_MBOX);
	pm_runtime_put(priv->dev);

	return IRQ_HANDLED;
}

static void warn_watchdog(struct timer_list *t)
{
	struct dsp_priv *priv = from_timer(priv, t, watchdog);

	if (!(readl(priv->base + DSP_STATUS) & DSP_STATUS_READY))
		good_dsp_reset(priv);
}

static int dsp_probe(struct platform_device *pdev)
{
	struct dsp_priv *priv;
	const struct firmware *fw;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	spin_lock_init(&priv->lock);
	timer_setup(&priv->watchdog, warn_watchdog, 0);

	ret = request_firmware(&fw, "dsp.bin", &pdev->dev);
	if (ret)
		return ret;
	release_firmware(fw);

	good_dsp_reset(priv);
	ret = good_dsp_boot(priv);
	if (ret)
		return ret;

	return devm_request_irq(&pdev->dev, priv->irq, warn_dsp_irq, 0,
				"dsp", priv);
}
/*
 * check-name: sleeping helpers reported at the call, lock wrapper helpers
 *
 * check-output-start
sleep-helpers.c:103:2: warning: 'good_dsp_reset' may sleep but 'warn_reset_under_lock' holds spinlock '&priv->lock' (taken at line 101) [-Wsleep-in-atomic]
sleep-helpers.c:101:2: note: 'spin_lock_irqsave' takes '&priv->lock' here
sleep-helpers.c:42:2: note: 'good_dsp_reset' calls 'msleep', which may sleep
sleep-helpers.c:112:8: warning: 'good_dsp_boot' may sleep but 'warn_boot_under_lock' holds spinlock '&priv->lock' (taken at line 111) [-Wsleep-in-atomic]
sleep-helpers.c:111:2: note: 'spin_lock' takes '&priv->lock' here
sleep-helpers.c:62:9: note: 'good_dsp_boot' calls 'good_dsp_wait_ready', which may sleep
sleep-helpers.c:53:3: note: 'good_dsp_wait_ready' calls 'usleep_range', which may sleep
sleep-helpers.c:139:2: warning: 'msleep' may sleep but 'warn_sleep_in_lock_helpers' holds spinlock '&priv->lock' (taken at line 137) [-Wsleep-in-atomic]
sleep-helpers.c:137:2: note: 'dsp_lock' takes '&priv->lock' here
sleep-helpers.c:163:6: warning: 'good_dsp_power_up' may sleep but it runs in hard IRQ handler 'warn_dsp_irq' (registered at line 202 by devm_request_irq) [-Wsleep-in-atomic]
sleep-helpers.c:202:9: note: 'warn_dsp_irq' is registered as a hard IRQ handler here
sleep-helpers.c:69:8: note: 'good_dsp_power_up' calls 'pm_runtime_get_sync', which may sleep
sleep-helpers.c:176:3: warning: 'good_dsp_reset' may sleep but it runs in timer callback 'warn_watchdog' (registered at line 190 by timer_setup) [-Wsleep-in-atomic]
sleep-helpers.c:190:2: note: 'warn_watchdog' is registered as a timer callback here
sleep-helpers.c:175:8: note: taking the false branch of 'readl(priv->base + DSP_STATUS) & DSP_STATUS_READY'
sleep-helpers.c:42:2: note: 'good_dsp_reset' calls 'msleep', which may sleep
 * check-output-end
 */
