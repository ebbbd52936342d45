// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: remove disables runtime PM and only then
 * turns the clock off and drops the suspended state: devres would
 * disable runtime PM after all that, when the runtime suspend callback
 * could run on a stopped clock.  Reported, not changed.  Slice of a
 * platform RNG driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define RNG_CTRL		0x00
#define RNG_CTRL_EN		BIT(0)

struct rng_priv {
	void __iomem *base;
	struct clk *clk;
};

static int rng_probe(struct platform_device *pdev)
{
	struct rng_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->clk = devm_clk_get(&pdev->dev, "core");
	if (IS_ERR(priv->clk))
		return PTR_ERR(priv->clk);

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, priv);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);

	writel(RNG_CTRL_EN, priv->base + RNG_CTRL);
	return 0;
}

static void rng_remove(struct platform_device *pdev)
{
	struct rng_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base + RNG_CTRL);
	pm_runtime_disable(&pdev->dev);
	pm_runtime_set_suspended(&pdev->dev);
	clk_disable_unprepare(priv->clk);
}

static struct platform_driver rng_driver = {
	.probe = rng_probe,
	.remove = rng_remove,
	.driver = {
		.name = "rng",
	},
};
module_platform_driver(rng_driver);
