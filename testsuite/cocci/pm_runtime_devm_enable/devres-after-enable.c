// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: probe gets an enabled clock through
 * devres after enabling runtime PM.  With devm_pm_runtime_enable() the
 * clock would be released at unbind while runtime PM is still enabled,
 * and the runtime suspend callback that gates it could run after that.
 * Reported, not changed.  Slice of a platform watchdog driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct twdt_priv {
	void __iomem *base;
	struct clk *clk;
};

extern int twdt_register(struct twdt_priv *priv);
extern void twdt_unregister(struct twdt_priv *priv);

static int twdt_probe(struct platform_device *pdev)
{
	struct twdt_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	platform_set_drvdata(pdev, priv);
	pm_runtime_enable(&pdev->dev);

	priv->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(priv->clk)) {
		pm_runtime_disable(&pdev->dev);
		return PTR_ERR(priv->clk);
	}

	ret = twdt_register(priv);
	if (ret) {
		pm_runtime_disable(&pdev->dev);
		return ret;
	}

	return 0;
}

static void twdt_remove(struct platform_device *pdev)
{
	twdt_unregister(platform_get_drvdata(pdev));
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver twdt_driver = {
	.probe = twdt_probe,
	.remove = twdt_remove,
	.driver = {
		.name = "twdt",
	},
};
module_platform_driver(twdt_driver);
