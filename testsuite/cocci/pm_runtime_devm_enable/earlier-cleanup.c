// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: an error path before the enable turns a
 * clock off again, so a failing devm_pm_runtime_enable() would have to as
 * well; "return ret" there would leak the clock.  Reported, not changed.
 * (remove() leaving the clock on is the driver's own problem.)  Slice of a
 * platform DMA controller driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct tdmac_priv {
	void __iomem *base;
	struct clk *clk;
};

extern int tdmac_register(struct tdmac_priv *priv);

static int tdmac_probe(struct platform_device *pdev)
{
	struct tdmac_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk))
		return PTR_ERR(priv->clk);

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;

	ret = tdmac_register(priv);
	if (ret) {
		dev_err_probe(&pdev->dev, ret, "failed to register controller\n");
		goto err_clk_disable;
	}

	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	pm_runtime_get_noresume(&pdev->dev);
	pm_runtime_put(&pdev->dev);

	return 0;

err_clk_disable:
	clk_disable_unprepare(priv->clk);
	return ret;
}

static void tdmac_remove(struct platform_device *pdev)
{
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver tdmac_driver = {
	.probe = tdmac_probe,
	.remove = tdmac_remove,
	.driver = {
		.name = "tdmac",
	},
};
module_platform_driver(tdmac_driver);
