// SPDX-License-Identifier: GPL-2.0
/*
 * A driver that calls pm_runtime_irq_safe() on its device may use the
 * runtime PM sync calls on that device in atomic context: under its
 * spinlock and in its hard IRQ handler.  The device is matched by text
 * (priv->dev and &pdev->dev name the same member) or as a bare
 * parameter.  Everything else still sleeps: msleep(), mutex_lock(),
 * clk_prepare_enable(), and the sync calls on another device.  Slice of
 * a DMA controller driver.
 */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/clk.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define DMA_CH_CTRL(ch)		(0x100 + (ch) * 0x40)
#define DMA_CH_CTRL_EN		BIT(0)
#define DMA_IRQ_STATUS		0x10
#define DMA_NR_CHANNELS		8

struct dma_priv {
	struct device *dev;
	struct device *mux_dev;		/* the request mux: not irq-safe */
	void __iomem *base;
	struct clk *clk;
	spinlock_t lock;
	struct mutex desc_lock;
	u32 active;
	int irq;
};

static int good_get_sync_under_lock(struct dma_priv *dma, unsigned int ch)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&dma->lock, flags);
	ret = pm_runtime_get_sync(dma->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(dma->dev);
		spin_unlock_irqrestore(&dma->lock, flags);
		return ret;
	}
	writel(DMA_CH_CTRL_EN, dma->base + DMA_CH_CTRL(ch));
	dma->active |= BIT(ch);
	pm_runtime_put_sync(dma->dev);
	spin_unlock_irqrestore(&dma->lock, flags);

	return 0;
}

static int good_resume_and_get_param(struct device *dev, struct dma_priv *dma)
{
	int ret;

	spin_lock(&dma->lock);
	ret = pm_runtime_resume_and_get(dev);
	if (!ret) {
		dma->active = 0;
		pm_runtime_put_sync_autosuspend(dev);
	}
	spin_unlock(&dma->lock);

	return ret;
}

static irqreturn_t good_dma_irq(int irq, void *dev_id)
{
	struct dma_priv *dma = dev_id;
	u32 status;

	if (pm_runtime_resume_and_get(dma->dev))
		return IRQ_NONE;
	status = readl(dma->base + DMA_IRQ_STATUS);
	writel(status, dma->base + DMA_IRQ_STATUS);
	pm_runtime_put_sync(dma->dev);

	return status ? IRQ_HANDLED : IRQ_NONE;
}

static void warn_msleep_under_lock(struct dma_priv *dma, unsigned int ch)
{
	unsigned long flags;

	spin_lock_irqsave(&dma->lock, flags);
	writel(0, dma->base + DMA_CH_CTRL(ch));
	msleep(1);
	dma->active &= ~BIT(ch);
	spin_unlock_irqrestore(&dma->lock, flags);
}

static int warn_clk_under_lock(struct dma_priv *dma)
{
	int ret;

	spin_lock(&dma->lock);
	ret = clk_prepare_enable(dma->clk);
	spin_unlock(&dma->lock);

	return ret;
}

static int warn_other_device_under_lock(struct dma_priv *dma)
{
	int ret;

	spin_lock(&dma->lock);
	ret = pm_runtime_resume_and_get(dma->mux_dev);
	if (!ret)
		pm_runtime_put(dma->mux_dev);
	spin_unlock(&dma->lock);

	return ret;
}

static irqreturn_t warn_dma_err_irq(int irq, void *dev_id)
{
	struct dma_priv *dma = dev_id;

	mutex_lock(&dma->desc_lock);
	dma->active = 0;
	mutex_unlock(&dma->desc_lock);

	return IRQ_HANDLED;
}

static int dma_probe(struct platform_device *pdev)
{
	struct dma_priv *dma;
	int ret;

	dma = devm_kzalloc(&pdev->dev, sizeof(*dma), GFP_KERNEL);
	if (!dma)
		return -ENOMEM;
	dma->dev = &pdev->dev;
	spin_lock_init(&dma->lock);
	mutex_init(&dma->desc_lock);

	pm_runtime_irq_safe(&pdev->dev);
	ret = devm_pm_runtime_enable(&pdev->dev);
	if (ret)
		return ret;

	ret = devm_request_irq(&pdev->dev, dma->irq, good_dma_irq, 0,
			       dev_name(&pdev->dev), dma);
	if (ret)
		return ret;

	return devm_request_irq(&pdev->dev, dma->irq + 1, warn_dma_err_irq, 0,
				"dma-err", dma);
}
/*
 * check-name: pm_runtime_irq_safe() devices may resume in atomic context
 *
 * check-output-start
sleep-irq-safe-device.c:91:2: warning: 'msleep' may sleep but 'warn_msleep_under_lock' holds spinlock '&dma->lock' (taken at line 89) [-Wsleep-in-atomic]
sleep-irq-safe-device.c:89:2: note: 'spin_lock_irqsave' takes '&dma->lock' here
sleep-irq-safe-device.c:101:8: warning: 'clk_prepare_enable' may sleep but 'warn_clk_under_lock' holds spinlock '&dma->lock' (taken at line 100) [-Wsleep-in-atomic]
sleep-irq-safe-device.c:100:2: note: 'spin_lock' takes '&dma->lock' here
sleep-irq-safe-device.c:112:8: warning: 'pm_runtime_resume_and_get' may sleep but 'warn_other_device_under_lock' holds spinlock '&dma->lock' (taken at line 111) [-Wsleep-in-atomic]
sleep-irq-safe-device.c:111:2: note: 'spin_lock' takes '&dma->lock' here
sleep-irq-safe-device.c:124:2: warning: 'mutex_lock' may sleep but it runs in hard IRQ handler 'warn_dma_err_irq' (registered at line 153 by devm_request_irq) [-Wsleep-in-atomic]
sleep-irq-safe-device.c:153:9: note: 'warn_dma_err_irq' is registered as a hard IRQ handler here
 * check-output-end
 */
