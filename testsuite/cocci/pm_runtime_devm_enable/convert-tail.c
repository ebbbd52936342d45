// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: probe ends with pm_runtime_enable() and
 * "return 0", and remove does nothing but disable runtime PM (through a
 * local): probe returns devm_pm_runtime_enable(), and remove goes with
 * its .remove_new initializer.  Slice of a platform PHY driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct tphy_priv {
	struct device *dev;
	void __iomem *base;
	struct clk *ref_clk;
};

static int tphy_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct tphy_priv *priv;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = dev;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->ref_clk = devm_clk_get(dev, "ref");
	if (IS_ERR(priv->ref_clk))
		return dev_err_probe(dev, PTR_ERR(priv->ref_clk), "no reference clock\n");

	platform_set_drvdata(pdev, priv);

	pm_runtime_enable(dev);

	return 0;
}

static void tphy_remove(struct platform_device *pdev)
{
	struct tphy_priv *priv = platform_get_drvdata(pdev);

	pm_runtime_disable(priv->dev);
}

static struct platform_driver tphy_driver = {
	.probe = tphy_probe,
	.remove_new = tphy_remove,
	.driver = {
		.name = "tphy",
	},
};
module_platform_driver(tphy_driver);
