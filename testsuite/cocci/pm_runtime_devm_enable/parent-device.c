// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: probe enables runtime PM of the device
 * its shared core returns, which is the parent (priv->dev), not the
 * probed one.  devm_pm_runtime_enable(priv->dev) would hang the devres
 * action on the parent, where it outlives this driver's unbind, so the
 * change is only reported.  Slice of an SPI controller on a shared
 * flash interface core.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct tqspi_priv {
	struct device *dev;	/* the interface core: our parent */
};

static int tqspi_probe(struct platform_device *pdev)
{
	struct tqspi_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = pdev->dev.parent;
	platform_set_drvdata(pdev, priv);

	pm_runtime_enable(priv->dev);

	return 0;
}

static void tqspi_remove(struct platform_device *pdev)
{
	struct tqspi_priv *priv = platform_get_drvdata(pdev);

	pm_runtime_disable(priv->dev);
}

static struct platform_driver tqspi_driver = {
	.probe = tqspi_probe,
	.remove_new = tqspi_remove,
	.driver = {
		.name = "tqspi",
	},
};
module_platform_driver(tqspi_driver);
