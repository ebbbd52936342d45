// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: the only error exit after the enable is
 * "if (ret < 0) pm_runtime_disable(dev);" before the final "return ret":
 * the whole test goes with the disable (no empty branch is left), and
 * remove, which does nothing else, goes too.  Slice of an ASoC codec
 * platform driver that registers its component last.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/pm_runtime.h>

struct tcodec_priv {
	struct device *dev;
	struct clk *mclk;
};

extern int tcodec_register_component(struct device *dev);

static int tcodec_probe(struct platform_device *pdev)
{
	struct tcodec_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	platform_set_drvdata(pdev, priv);

	priv->mclk = devm_clk_get_optional(&pdev->dev, "mclk");
	if (IS_ERR(priv->mclk)) {
		dev_err(&pdev->dev, "Failed to get mclk\n");
		return PTR_ERR(priv->mclk);
	}

	pm_runtime_enable(&pdev->dev);
	pm_runtime_idle(&pdev->dev);

	ret = tcodec_register_component(&pdev->dev);
	if (ret < 0)
		pm_runtime_disable(&pdev->dev);

	return ret;
}

static void tcodec_remove(struct platform_device *pdev)
{
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver tcodec_driver = {
	.driver = {
		.name = "tcodec",
	},
	.probe = tcodec_probe,
	.remove = tcodec_remove,
};
module_platform_driver(tcodec_driver);
