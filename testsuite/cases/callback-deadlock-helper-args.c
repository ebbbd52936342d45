// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-callback-deadlock through helpers that get the callback's device
 * in another form than the struct device pointer itself: the driver
 * data (whose "dev" field is the device), "&pdev->dev" after
 * to_platform_device(), or "priv->dev".  Each helper resumes (or, from
 * ->runtime_suspend, suspends) the device the callback runs for.  Slice
 * of a platform camera sensor interface (CSI) receiver driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define CSI_CTRL		0x00
#define CSI_CTRL_EN		BIT(0)
#define CSI_PHY_CFG		0x10

struct csi {
	struct device *dev;
	void __iomem *base;
	struct clk *clk;
	u32 phy_cfg;
};

static int csi_probe(struct platform_device *pdev)
{
	struct csi *csi;

	csi = devm_kzalloc(&pdev->dev, sizeof(*csi), GFP_KERNEL);
	if (!csi)
		return -ENOMEM;
	csi->dev = &pdev->dev;
	csi->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(csi->base))
		return PTR_ERR(csi->base);
	csi->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(csi->clk))
		return PTR_ERR(csi->clk);
	platform_set_drvdata(pdev, csi);
	return devm_pm_runtime_enable(&pdev->dev);
}

/* The driver data: the helper resumes csi->dev. */
static int csi_phy_save(struct csi *csi)
{
	int ret;

	ret = pm_runtime_resume_and_get(csi->dev);
	if (ret)
		return ret;
	csi->phy_cfg = readl(csi->base + CSI_PHY_CFG);
	pm_runtime_put_noidle(csi->dev);
	return 0;
}

static int warn_csi_runtime_suspend(struct device *dev)
{
	struct csi *csi = dev_get_drvdata(dev);
	int ret;

	ret = csi_phy_save(csi);
	if (ret)
		return ret;
	clk_disable_unprepare(csi->clk);
	return 0;
}

/* "&pdev->dev": the helper resumes the device it is given. */
static int csi_wake(struct device *dev)
{
	return pm_runtime_resume(dev);
}

static int warn_csi_runtime_resume(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct csi *csi = platform_get_drvdata(pdev);
	int ret;

	ret = clk_prepare_enable(csi->clk);
	if (ret)
		return ret;
	ret = csi_wake(&pdev->dev);
	if (ret < 0)
		return ret;
	writel(csi->phy_cfg, csi->base + CSI_PHY_CFG);
	return 0;
}

static const struct dev_pm_ops csi_pm_ops = {
	SET_RUNTIME_PM_OPS(warn_csi_runtime_suspend, warn_csi_runtime_resume, NULL)
};

/* "csi->dev": the same helper, given the driver data's device. */
static int warn_csi2_runtime_resume(struct device *dev)
{
	struct csi *csi = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(csi->clk);
	if (ret)
		return ret;
	ret = csi_wake(csi->dev);
	if (ret < 0)
		return ret;
	writel(CSI_CTRL_EN, csi->base + CSI_CTRL);
	return 0;
}

static int good_csi2_runtime_suspend(struct device *dev)
{
	struct csi *csi = dev_get_drvdata(dev);

	writel(0, csi->base + CSI_CTRL);
	clk_disable_unprepare(csi->clk);
	return 0;
}

static const struct dev_pm_ops csi2_pm_ops = {
	RUNTIME_PM_OPS(good_csi2_runtime_suspend, warn_csi2_runtime_resume, NULL)
};

static struct platform_driver csi_driver = {
	.probe = csi_probe,
	.driver = {
		.name = "csi",
		.pm = pm_ptr(&csi_pm_ops),
	},
};

static struct platform_driver csi2_driver = {
	.probe = csi_probe,
	.driver = {
		.name = "csi2",
		.pm = pm_ptr(&csi2_pm_ops),
	},
};
/*
 * check-name: runtime PM callbacks that resume their device through a helper given it indirectly
 *
 * check-output-start
callback-deadlock-helper-args.c:62:8: warning: 'warn_csi_runtime_suspend' (the ->runtime_suspend callback) calls 'pm_runtime_resume_and_get' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock-helper-args.c:49:8: note: 'csi_phy_save' calls 'pm_runtime_resume_and_get' on the device here
callback-deadlock-helper-args.c:84:8: warning: 'warn_csi_runtime_resume' (the ->runtime_resume callback) calls 'pm_runtime_resume' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock-helper-args.c:72:9: note: 'csi_wake' calls 'pm_runtime_resume' on the device here
callback-deadlock-helper-args.c:104:8: warning: 'warn_csi2_runtime_resume' (the ->runtime_resume callback) calls 'pm_runtime_resume' on its own device: the call waits for the callback to return, which deadlocks [-Wrpm-callback-deadlock]
callback-deadlock-helper-args.c:72:9: note: 'csi_wake' calls 'pm_runtime_resume' on the device here
 * check-output-end
 */
