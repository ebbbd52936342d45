// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-never-enabled stays silent when the file calls a function of
 * another file named like a runtime PM enable wrapper: the glue module
 * of the SoC enables runtime PM for its sub-devices.  Slice of a
 * platform USB PHY driver.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define UPHY_CTRL		0x00
#define UPHY_CTRL_PWR		BIT(0)

/* exported by the SoC's high-speed I/O glue driver */
extern int hsio_subdev_runtime_enable(struct device *dev);

struct uphy {
	struct device *dev;
	void __iomem *base;
};

static int uphy_power_on(struct uphy *phy)
{
	int ret;

	ret = pm_runtime_resume_and_get(phy->dev);
	if (ret)
		return ret;
	writel(UPHY_CTRL_PWR, phy->base + UPHY_CTRL);
	return 0;
}

static void uphy_power_off(struct uphy *phy)
{
	writel(0, phy->base + UPHY_CTRL);
	pm_runtime_put(phy->dev);
}

static int uphy_runtime_suspend(struct device *dev)
{
	return 0;
}

static int uphy_runtime_resume(struct device *dev)
{
	return 0;
}

static DEFINE_RUNTIME_DEV_PM_OPS(uphy_pm_ops, uphy_runtime_suspend,
				 uphy_runtime_resume, NULL);

static int good_uphy_probe(struct platform_device *pdev)
{
	struct uphy *phy;

	phy = devm_kzalloc(&pdev->dev, sizeof(*phy), GFP_KERNEL);
	if (!phy)
		return -ENOMEM;
	phy->dev = &pdev->dev;
	phy->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(phy->base))
		return PTR_ERR(phy->base);
	platform_set_drvdata(pdev, phy);

	return hsio_subdev_runtime_enable(&pdev->dev);
}

static struct platform_driver uphy_driver = {
	.probe = good_uphy_probe,
	.driver = {
		.name = "uphy",
		.pm = pm_ptr(&uphy_pm_ops),
	},
};
/*
 * check-name: runtime PM enabled through another file's wrapper
 *
 * check-output-start
 * check-output-end
 */
