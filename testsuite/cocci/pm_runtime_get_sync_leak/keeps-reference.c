// SPDX-License-Identifier: GPL-2.0
/*
 * Functions that keep the reference on success: whether their failure
 * leaks depends on who drops the count.  A helper whose caller puts after
 * it fails, an ->enable() whose ->disable() puts whatever happened, an
 * exported getter: converting any of them would make that put one too
 * many, so nothing is changed and nothing is reported.  Slice of a
 * display bridge driver.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/bug.h>
#include <linux/pm_runtime.h>

#define BR_REG_CTRL		0x00
#define BR_CTRL_EN		BIT(0)

struct br_priv {
	struct device *dev;
	void __iomem *base;
};

static int good_br_ctrl_init(struct br_priv *br)
{
	int ret;

	writel(0, br->base + BR_REG_CTRL);
	ret = pm_runtime_get_sync(br->dev);
	if (ret < 0) {
		dev_err(br->dev, "failed to power on the bridge\n");
		return ret;
	}

	return 0;
}

static int good_br_probe(struct platform_device *pdev)
{
	struct br_priv *br = platform_get_drvdata(pdev);
	int ret;

	pm_runtime_enable(&pdev->dev);
	ret = good_br_ctrl_init(br);
	if (ret < 0) {
		pm_runtime_put_noidle(&pdev->dev);
		pm_runtime_disable(&pdev->dev);
		return ret;
	}

	return 0;
}

static void good_br_enable(struct br_priv *br)
{
	if (WARN_ON(pm_runtime_get_sync(br->dev) < 0))
		return;

	writel(BR_CTRL_EN, br->base + BR_REG_CTRL);
}

static void good_br_disable(struct br_priv *br)
{
	writel(0, br->base + BR_REG_CTRL);
	pm_runtime_put(br->dev);
}

/*
 * rpmcheck reports this one, but callers in other files may drop the
 * count after a failure: the semantic patch cannot tell, it leaves it.
 */
int warn_br_get(struct br_priv *br)
{
	int ret;

	ret = pm_runtime_get_sync(br->dev);
	if (ret < 0)
		return ret;

	return 0;
}
