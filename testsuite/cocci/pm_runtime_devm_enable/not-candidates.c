// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: nothing to convert or report: runtime PM
 * enabled only under a condition, an enable outside probe (system resume),
 * a driver without remove, and a probe already using
 * devm_pm_runtime_enable().  Slice of platform clock controller drivers.
 */
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct tclk_priv {
	struct device *dev;
	void __iomem *base;
	bool has_pm;
};

extern int tclk_register(struct tclk_priv *priv);
extern void tclk_unregister(struct tclk_priv *priv);

static int tclk_probe(struct platform_device *pdev)
{
	struct tclk_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	priv->has_pm = device_property_read_bool(&pdev->dev, "power-domains");
	platform_set_drvdata(pdev, priv);

	if (priv->has_pm)
		pm_runtime_enable(&pdev->dev);

	ret = tclk_register(priv);
	if (ret) {
		if (priv->has_pm)
			pm_runtime_disable(&pdev->dev);
		return ret;
	}

	return 0;
}

static void tclk_remove(struct platform_device *pdev)
{
	struct tclk_priv *priv = platform_get_drvdata(pdev);

	tclk_unregister(priv);
	if (priv->has_pm)
		pm_runtime_disable(&pdev->dev);
}

/* System sleep: runtime PM is turned off around it. */
static int tclk_suspend(struct device *dev)
{
	pm_runtime_disable(dev);
	return 0;
}

static int tclk_resume(struct device *dev)
{
	pm_runtime_enable(dev);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(tclk_pm_ops, tclk_suspend, tclk_resume);

static struct platform_driver tclk_driver = {
	.probe = tclk_probe,
	.remove = tclk_remove,
	.driver = {
		.name = "tclk",
		.pm = pm_sleep_ptr(&tclk_pm_ops),
	},
};
/* Built in, never unbound: no remove. */
static int tclk_aon_probe(struct platform_device *pdev)
{
	struct tclk_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	pm_runtime_enable(&pdev->dev);
	return tclk_register(priv);
}

static struct platform_driver tclk_aon_driver = {
	.probe = tclk_aon_probe,
	.driver = {
		.name = "tclk-aon",
		.suppress_bind_attrs = true,
	},
};
/* Already converted. */
static int tclk_sub_probe(struct platform_device *pdev)
{
	struct tclk_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;

	ret = devm_pm_runtime_enable(&pdev->dev);
	if (ret)
		return ret;

	return tclk_register(priv);
}

static void tclk_sub_remove(struct platform_device *pdev)
{
	tclk_unregister(platform_get_drvdata(pdev));
}

static struct platform_driver tclk_sub_driver = {
	.probe = tclk_sub_probe,
	.remove = tclk_sub_remove,
	.driver = {
		.name = "tclk-sub",
	},
};

static int __init tclk_init(void)
{
	int ret;

	ret = platform_driver_register(&tclk_aon_driver);
	if (ret)
		return ret;
	ret = platform_driver_register(&tclk_sub_driver);
	if (ret)
		return ret;
	return platform_driver_register(&tclk_driver);
}
module_init(tclk_init);
