// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_sleep_in_atomic.cocci: a driver that calls
 * pm_runtime_irq_safe() on its device may make the runtime PM sync calls
 * on it under its spinlock ("dma->dev" and "&pdev->dev" name the same
 * member); a sync call on another device under the lock is still
 * reported.  Slice of a DMA controller driver.
 *
 * warn_*: reported; good_*: correct code, not reported.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define DMA_CH_CTRL(ch)		(0x100 + (ch) * 0x40)
#define DMA_CH_CTRL_EN		BIT(0)

struct dma_priv {
	struct device *dev;
	struct device *mux_dev;		/* the request mux: not irq-safe */
	void __iomem *base;
	spinlock_t lock;
	u32 active;
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

static int dma_probe(struct platform_device *pdev)
{
	struct dma_priv *dma;

	dma = devm_kzalloc(&pdev->dev, sizeof(*dma), GFP_KERNEL);
	if (!dma)
		return -ENOMEM;
	dma->dev = &pdev->dev;
	spin_lock_init(&dma->lock);
	platform_set_drvdata(pdev, dma);

	pm_runtime_irq_safe(&pdev->dev);
	return devm_pm_runtime_enable(&pdev->dev);
}

static struct platform_driver dma_driver = {
	.probe = dma_probe,
	.driver = {
		.name = "dma-irqsafe",
	},
};
module_platform_driver(dma_driver);
