// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: probe enables runtime PM, disables it on
 * every error path (in the branch, or at a label) and remove disables it
 * last: pm_runtime_enable() becomes devm_pm_runtime_enable(), checked, and
 * the disables go.  The IRQ requested after the enable is released before
 * devres disables runtime PM, as it should.  Slice of a platform PWM
 * driver.
 */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define TPWM_STATUS		0x00
#define TPWM_CTRL		0x04

struct tpwm_priv {
	struct device *dev;
	void __iomem *base;
	struct clk *clk;
	int irq;
};

/* The PWM core glue lives in another file of the driver. */
extern int tpwm_core_add(struct tpwm_priv *priv);
extern void tpwm_core_remove(struct tpwm_priv *priv);

static irqreturn_t tpwm_irq(int irq, void *data)
{
	struct tpwm_priv *priv = data;

	writel(readl(priv->base + TPWM_STATUS), priv->base + TPWM_STATUS);
	return IRQ_HANDLED;
}

static int tpwm_probe(struct platform_device *pdev)
{
	struct tpwm_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk))
		return dev_err_probe(&pdev->dev, PTR_ERR(priv->clk), "no clock\n");

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;

	platform_set_drvdata(pdev, priv);

	pm_runtime_enable(&pdev->dev);

	ret = devm_request_irq(&pdev->dev, priv->irq, tpwm_irq, 0, "tpwm", priv);
	if (ret) {
		dev_err(&pdev->dev, "cannot request IRQ: %d\n", ret);
		pm_runtime_disable(&pdev->dev);
		return ret;
	}

	ret = tpwm_core_add(priv);
	if (ret)
		goto err_pm;

	return 0;

err_pm:
	pm_runtime_disable(&pdev->dev);
	return ret;
}

static void tpwm_remove(struct platform_device *pdev)
{
	struct tpwm_priv *priv = platform_get_drvdata(pdev);

	tpwm_core_remove(priv);
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver tpwm_driver = {
	.probe = tpwm_probe,
	.remove = tpwm_remove,
	.driver = {
		.name = "tpwm",
	},
};
module_platform_driver(tpwm_driver);
