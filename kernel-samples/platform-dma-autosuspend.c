// SPDX-License-Identifier: GPL-2.0
/*
 * memcpy-demo: a memory-to-memory copy engine on the platform bus.
 *
 * Written for rpmcheck as a sample: probe takes a runtime PM reference
 * with pm_runtime_get_noresume() while it sets the engine up, copies keep
 * the engine resumed from submission to the completion interrupt, and the
 * engine autosuspends 100 ms after the last copy.  Three runtime PM bugs
 * are planted, each marked with a BUG comment.
 */
#include <linux/clk.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

#define MCPY_SRC		0x00
#define MCPY_DST		0x08
#define MCPY_LEN		0x10
#define MCPY_CTRL		0x14
#define MCPY_CTRL_START		BIT(0)
#define MCPY_CTRL_IRQ_EN	BIT(1)
#define MCPY_CTRL_BURST_MASK	GENMASK(7, 4)
#define MCPY_STATUS		0x18
#define MCPY_STATUS_DONE	BIT(0)
#define MCPY_STATUS_ERR		BIT(1)
#define MCPY_VERSION		0x1c

#define MCPY_AUTOSUSPEND_MS	100
#define MCPY_TIMEOUT_MS		500

struct mcpy_device {
	struct device *dev;
	void __iomem *base;
	struct clk *clk;
	struct mutex lock;		/* one copy at a time */
	struct completion done;
	u32 status;
	u32 burst;
};

static irqreturn_t mcpy_irq(int irq, void *dev_id)
{
	struct mcpy_device *mcpy = dev_id;
	u32 status;

	/* The engine cannot interrupt while suspended, but the line is shared. */
	if (pm_runtime_get_if_active(mcpy->dev) <= 0)
		return IRQ_NONE;

	status = readl(mcpy->base + MCPY_STATUS);
	if (!(status & (MCPY_STATUS_DONE | MCPY_STATUS_ERR))) {
		pm_runtime_put(mcpy->dev);
		return IRQ_NONE;
	}

	writel(status, mcpy->base + MCPY_STATUS);
	mcpy->status = status;
	complete(&mcpy->done);

	pm_runtime_mark_last_busy(mcpy->dev);
	pm_runtime_put_autosuspend(mcpy->dev);
	return IRQ_HANDLED;
}

int mcpy_copy(struct mcpy_device *mcpy, dma_addr_t dst, dma_addr_t src, u32 len)
{
	unsigned long left;
	int ret;

	if (!len)
		return 0;

	ret = pm_runtime_resume_and_get(mcpy->dev);
	if (ret < 0)
		return ret;

	mutex_lock(&mcpy->lock);
	reinit_completion(&mcpy->done);
	writel(lower_32_bits(src), mcpy->base + MCPY_SRC);
	writel(lower_32_bits(dst), mcpy->base + MCPY_DST);
	writel(len, mcpy->base + MCPY_LEN);
	writel(MCPY_CTRL_START | MCPY_CTRL_IRQ_EN | (mcpy->burst << 4),
	       mcpy->base + MCPY_CTRL);

	left = wait_for_completion_timeout(&mcpy->done,
					   msecs_to_jiffies(MCPY_TIMEOUT_MS));
	if (!left)
		ret = -ETIMEDOUT;
	else if (mcpy->status & MCPY_STATUS_ERR)
		ret = -EIO;
	mutex_unlock(&mcpy->lock);

	pm_runtime_mark_last_busy(mcpy->dev);
	pm_runtime_put_autosuspend(mcpy->dev);
	return ret;
}
EXPORT_SYMBOL_GPL(mcpy_copy);

int mcpy_set_burst(struct mcpy_device *mcpy, u32 burst)
{
	int ret;

	if (burst > 15)
		return -EINVAL;
	if (burst == mcpy->burst)
		return 0;

	ret = pm_runtime_get_sync(mcpy->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(mcpy->dev);
		return ret;
	}

	mutex_lock(&mcpy->lock);
	mcpy->burst = burst;
	writel(burst << 4, mcpy->base + MCPY_CTRL);
	mutex_unlock(&mcpy->lock);

	pm_runtime_mark_last_busy(mcpy->dev);
	pm_runtime_put_autosuspend(mcpy->dev);
	/* BUG: ret is 1 when the engine was already active */
	return ret;
}
EXPORT_SYMBOL_GPL(mcpy_set_burst);

/* Abort a copy in flight, if the engine is powered at all. */
void mcpy_abort(struct mcpy_device *mcpy)
{
	if (!pm_runtime_get_if_active(mcpy->dev))
		goto out;

	writel(0, mcpy->base + MCPY_CTRL);
	writel(MCPY_STATUS_DONE | MCPY_STATUS_ERR, mcpy->base + MCPY_STATUS);
out:
	/* BUG: nothing to drop when get_if_active() returned 0 */
	pm_runtime_put_autosuspend(mcpy->dev);
}
EXPORT_SYMBOL_GPL(mcpy_abort);

static int mcpy_runtime_suspend(struct device *dev)
{
	struct mcpy_device *mcpy = dev_get_drvdata(dev);

	clk_disable_unprepare(mcpy->clk);
	return 0;
}

static int mcpy_runtime_resume(struct device *dev)
{
	struct mcpy_device *mcpy = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(mcpy->clk);
	if (ret)
		return ret;

	/* The burst setting is lost while the clock is off. */
	writel(mcpy->burst << 4, mcpy->base + MCPY_CTRL);
	return 0;
}

static int mcpy_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct mcpy_device *mcpy;
	int irq, ret;

	mcpy = devm_kzalloc(dev, sizeof(*mcpy), GFP_KERNEL);
	if (!mcpy)
		return -ENOMEM;

	mcpy->dev = dev;
	mutex_init(&mcpy->lock);
	init_completion(&mcpy->done);
	platform_set_drvdata(pdev, mcpy);

	mcpy->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mcpy->base))
		return PTR_ERR(mcpy->base);

	mcpy->clk = devm_clk_get(dev, NULL);
	if (IS_ERR(mcpy->clk))
		return dev_err_probe(dev, PTR_ERR(mcpy->clk), "no clock\n");

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;

	ret = clk_prepare_enable(mcpy->clk);
	if (ret)
		return ret;

	/* Keep the engine powered until probe is done. */
	pm_runtime_get_noresume(dev);
	pm_runtime_set_active(dev);
	pm_runtime_set_autosuspend_delay(dev, MCPY_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_enable(dev);

	ret = devm_request_irq(dev, irq, mcpy_irq, IRQF_SHARED,
			       dev_name(dev), mcpy);
	if (ret) {
		dev_err(dev, "cannot request irq %d: %d\n", irq, ret);
		goto err_rpm_disable;
	}

	if (readl(mcpy->base + MCPY_VERSION) == 0) {
		dev_err(dev, "engine not present\n");
		ret = -ENODEV;
		goto err_rpm_put;
	}

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return 0;

err_rpm_put:
	pm_runtime_put_noidle(dev);
err_rpm_disable:
	pm_runtime_disable(dev);
	pm_runtime_dont_use_autosuspend(dev);
	pm_runtime_set_suspended(dev);
	clk_disable_unprepare(mcpy->clk);
	/* BUG: the request_irq failure jumps past err_rpm_put */
	return ret;
}

static void mcpy_remove(struct platform_device *pdev)
{
	struct mcpy_device *mcpy = platform_get_drvdata(pdev);

	pm_runtime_get_sync(&pdev->dev);
	writel(0, mcpy->base + MCPY_CTRL);
	pm_runtime_disable(&pdev->dev);
	pm_runtime_dont_use_autosuspend(&pdev->dev);
	pm_runtime_put_noidle(&pdev->dev);
	pm_runtime_set_suspended(&pdev->dev);
	clk_disable_unprepare(mcpy->clk);
}

static const struct dev_pm_ops mcpy_pm_ops = {
	SET_SYSTEM_SLEEP_PM_OPS(pm_runtime_force_suspend, pm_runtime_force_resume)
	SET_RUNTIME_PM_OPS(mcpy_runtime_suspend, mcpy_runtime_resume, NULL)
};

static const struct of_device_id mcpy_of_match[] = {
	{ .compatible = "rpmcheck,memcpy-demo" },
	{ }
};
MODULE_DEVICE_TABLE(of, mcpy_of_match);

static struct platform_driver mcpy_driver = {
	.probe = mcpy_probe,
	.remove = mcpy_remove,
	.driver = {
		.name = "memcpy-demo",
		.of_match_table = mcpy_of_match,
		.pm = &mcpy_pm_ops,
	},
};
module_platform_driver(mcpy_driver);

MODULE_DESCRIPTION("memcpy-demo copy engine (rpmcheck sample)");
MODULE_LICENSE("GPL");
