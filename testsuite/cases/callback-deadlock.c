// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-callback-deadlock: a ->runtime_suspend or ->runtime_resume callback
 * that synchronously resumes its own device (or, from ->runtime_suspend,
 * synchronously suspends it) waits for itself.  The device is the
 * callback's parameter, to_platform_device(dev)->dev or the "dev" of its
 * driver data, reached directly or through helpers of the file that get
 * the device pointer (see callback-deadlock-helper-args.c for helpers
 * that get the driver data or "&pdev->dev").  System
 * sleep callbacks (pm_runtime_resume() from ->suspend is the documented
 * idiom), ->runtime_idle, plain pm_runtime_put_sync() and other devices
 * are fine.  The callback is the subject.  Slice of a platform DMA
 * controller driver, one struct platform_driver per SoC variant.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/delay.h>
#include <linux/pm_runtime.h>

#define SDMA_CTRL		0x00
#define SDMA_CTRL_EN		BIT(0)
#define SDMA_STATUS		0x04
#define SDMA_STATUS_BUSY	BIT(0)
#define SDMA_CHAN_CFG(n)	(0x100 + (n) * 0x10)
#define SDMA_NR_CHANS		8

struct sdma {
	struct device *dev;
	struct device *iommu_dev;
	void __iomem *base;
	struct clk *clk;
	u32 saved_cfg[SDMA_NR_CHANS];
	bool tx_ref;
};

static int sdma_probe(struct platform_device *pdev)
{
	struct sdma *sd;

	sd = devm_kzalloc(&pdev->dev, sizeof(*sd), GFP_KERNEL);
	if (!sd)
		return -ENOMEM;
	sd->dev = &pdev->dev;
	sd->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sd->base))
		return PTR_ERR(sd->base);
	sd->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(sd->clk))
		return PTR_ERR(sd->clk);
	platform_set_drvdata(pdev, sd);

	pm_runtime_set_active(&pdev->dev);
	return devm_pm_runtime_enable(&pdev->dev);
}

static void sdma_save(struct sdma *sd)
{
	int i;

	for (i = 0; i < SDMA_NR_CHANS; i++)
		sd->saved_cfg[i] = readl(sd->base + SDMA_CHAN_CFG(i));
}

static void sdma_restore(struct sdma *sd)
{
	int i;

	for (i = 0; i < SDMA_NR_CHANS; i++)
		writel(sd->saved_cfg[i], sd->base + SDMA_CHAN_CFG(i));
}

/* -- variant A: the resume callback takes a reference on itself -- */

static int a_runtime_suspend(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);

	sdma_save(sd);
	clk_disable_unprepare(sd->clk);
	return 0;
}

static int warn_a_runtime_resume(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(sd->clk);
	if (ret)
		return ret;

	/* keep the engine up while the channels are reprogrammed */
	pm_runtime_get_sync(dev);
	sdma_restore(sd);
	pm_runtime_put_noidle(dev);
	return 0;
}

static DEFINE_RUNTIME_DEV_PM_OPS(sdma_a_pm_ops, a_runtime_suspend,
				 warn_a_runtime_resume, NULL);

/* -- variant B: the suspend callback waits for idle through a helper -- */

static int sdma_wait_idle(struct device *dev, void __iomem *base)
{
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret)
		return ret;
	while (readl(base + SDMA_STATUS) & SDMA_STATUS_BUSY)
		udelay(1);
	pm_runtime_put(dev);
	return 0;
}

static int warn_b_runtime_suspend(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);
	int ret;

	ret = sdma_wait_idle(dev, sd->base);
	if (ret)
		return ret;
	sdma_save(sd);
	clk_disable_unprepare(sd->clk);
	return 0;
}

static int good_b_runtime_resume(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(sd->clk);
	if (ret)
		return ret;
	sdma_restore(sd);
	return 0;
}

/* System sleep: resume the device first, the documented idiom. */
static int good_b_suspend(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_resume(dev);
	if (ret < 0)
		return ret;
	writel(0, sd->base + SDMA_CTRL);
	return pm_runtime_force_suspend(dev);
}

static int good_b_resume(struct device *dev)
{
	return pm_runtime_force_resume(dev);
}

static const struct dev_pm_ops sdma_b_pm_ops = {
	SET_SYSTEM_SLEEP_PM_OPS(good_b_suspend, good_b_resume)
	SET_RUNTIME_PM_OPS(warn_b_runtime_suspend, good_b_runtime_resume, NULL)
};

/* -- variant C: a two-level helper, and through to_platform_device() -- */

static int sdma_flush(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);

	writel(0, sd->base + SDMA_CTRL);
	return pm_runtime_suspend(dev);
}

static int sdma_quiesce(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);

	sdma_save(sd);
	return sdma_flush(dev);
}

static int warn_c_runtime_suspend(struct device *dev)
{
	return sdma_quiesce(dev);
}

static int warn_c_runtime_resume(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct sdma *sd = platform_get_drvdata(pdev);
	int ret;

	ret = pm_runtime_resume(&pdev->dev);
	if (ret < 0)
		return ret;
	return clk_prepare_enable(sd->clk);
}

/* ->runtime_idle runs with the device active: it may suspend it. */
static int good_c_runtime_idle(struct device *dev)
{
	pm_runtime_mark_last_busy(dev);
	pm_runtime_autosuspend(dev);
	return -EBUSY;
}

static const struct dev_pm_ops sdma_c_pm_ops = {
	RUNTIME_PM_OPS(warn_c_runtime_suspend, warn_c_runtime_resume,
		       good_c_runtime_idle)
};

/* -- variant D: the suspend callback suspends itself synchronously -- */

static int warn_d_runtime_suspend(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);

	sdma_save(sd);
	if (sd->tx_ref) {
		sd->tx_ref = false;
		pm_runtime_put_sync_suspend(sd->dev);
	}
	clk_disable_unprepare(sd->clk);
	return 0;
}

/* plain pm_runtime_put_sync() only queues an idle check: fine */
static int good_d_runtime_suspend(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);

	sdma_save(sd);
	if (sd->tx_ref) {
		sd->tx_ref = false;
		pm_runtime_put_sync(dev);
	}
	clk_disable_unprepare(sd->clk);
	return 0;
}

/* a resume of another device (the parent, the IOMMU) is fine */
static int good_d_runtime_resume(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_resume_and_get(sd->iommu_dev);
	if (ret)
		return ret;
	ret = pm_runtime_get_sync(dev->parent);
	if (ret < 0) {
		pm_runtime_put_noidle(dev->parent);
		pm_runtime_put(sd->iommu_dev);
		return ret;
	}
	ret = clk_prepare_enable(sd->clk);
	pm_runtime_put(dev->parent);
	pm_runtime_put(sd->iommu_dev);
	return ret;
}

static const struct dev_pm_ops sdma_d_pm_ops = {
	.runtime_suspend = warn_d_runtime_suspend,
	.runtime_resume = good_d_runtime_resume,
};

static const struct dev_pm_ops sdma_d2_pm_ops = {
	.runtime_suspend = good_d_runtime_suspend,
	.runtime_resume = good_d_runtime_resume,
};

/*
 * -- variant E: one function for system and runtime suspend: the
 * system sleep idiom deadlocks when it runs as ->runtime_suspend --
 */

static int warn_e_suspend(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_resume(dev);
	if (ret < 0)
		return ret;
	sdma_save(sd);
	clk_disable_unprepare(sd->clk);
	return 0;
}

static int good_e_resume(struct device *dev)
{
	struct sdma *sd = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(sd->clk);
	if (ret)
		return ret;
	sdma_restore(sd);
	return 0;
}

static UNIVERSAL_DEV_PM_OPS(sdma_e_pm_ops, warn_e_suspend, good_e_resume, NULL);

/* -- a resume outside any callback is ordinary runtime PM use -- */

static int good_sdma_start(struct sdma *sd)
{
	int ret;

	ret = pm_runtime_resume_and_get(sd->dev);
	if (ret)
		return ret;
	writel(SDMA_CTRL_EN, sd->base + SDMA_CTRL);
	return 0;
}

static void good_sdma_stop(struct sdma *sd)
{
	writel(0, sd->base + SDMA_CTRL);
	pm_runtime_put(sd->dev);
}

static struct platform_driver sdma_a_driver = {
	.probe = sdma_probe,
	.driver = {
		.name = "sdma-a",
		.pm = pm_ptr(&sdma_a_pm_ops),
	},
};

static struct platform_driver sdma_b_driver = {
	.probe = sdma_probe,
	.driver = {
		.name = "sdma-b",
		.pm = &sdma_b_pm_ops,
	},
};

static struct platform_driver sdma_c_driver = {
	.probe = sdma_probe,
	.driver = {
		.name = "sdma-c",
		.pm = pm_ptr(&sdma_c_pm_ops),
	},
};

static struct platform_driver sdma_d_driver = {
	.probe = sdma_probe,
	.driver = {
		.name = "sdma-d",
		.pm = &sdma_d_pm_ops,
	},
};

static struct platform_driver sdma_d2_driver = {
	.probe = sdma_probe,
	.driver = {
		.name = "sdma-d2",
		.pm = &sdma_d2_pm_ops,
	},
};
static struct platform_driver sdma_e_driver = {
	.probe = sdma_probe,
	.driver = {
		.name = "sdma-e",
		.pm = &sdma_e_pm_ops,
	},
};
/*
 * check-name: runtime PM callbacks that resume or suspend their own device
 *
 * check-output-start
callback-deadlock.c:94:2: warning: 'warn_a_runtime_resume' (the ->runtime_resume callback) calls 'pm_runtime_get_sync' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock.c:123:8: warning: 'warn_b_runtime_suspend' (the ->runtime_suspend callback) calls 'pm_runtime_resume_and_get' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock.c:109:8: note: 'sdma_wait_idle' calls 'pm_runtime_resume_and_get' on the device here
callback-deadlock.c:186:9: warning: 'warn_c_runtime_suspend' (the ->runtime_suspend callback) calls 'pm_runtime_suspend' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock.c:181:9: note: 'sdma_quiesce' calls 'sdma_flush' on the device here
callback-deadlock.c:173:9: note: 'sdma_flush' calls 'pm_runtime_suspend' on the device here
callback-deadlock.c:195:8: warning: 'warn_c_runtime_resume' (the ->runtime_resume callback) calls 'pm_runtime_resume' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock.c:223:3: warning: 'warn_d_runtime_suspend' (the ->runtime_suspend callback) calls 'pm_runtime_put_sync_suspend' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock.c:284:8: warning: 'warn_e_suspend' (the ->runtime_suspend callback) calls 'pm_runtime_resume' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
 * check-output-end
 */
