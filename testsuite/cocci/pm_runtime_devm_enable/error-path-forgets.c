// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: one error path of probe returns with
 * runtime PM still enabled.  devm_pm_runtime_enable() would fix that, but
 * it is a change of behaviour, not a like-for-like conversion: reported,
 * not changed.  Slice of a platform GPIO controller driver.
 */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define GPIO_IRQ_STATUS		0x10

struct tgpio_priv {
	void __iomem *base;
	int irq;
};

extern int tgpio_chip_add(struct tgpio_priv *priv);
extern void tgpio_chip_remove(struct tgpio_priv *priv);

static irqreturn_t tgpio_irq(int irq, void *data)
{
	struct tgpio_priv *priv = data;

	writel(readl(priv->base + GPIO_IRQ_STATUS), priv->base + GPIO_IRQ_STATUS);
	return IRQ_HANDLED;
}

static int tgpio_probe(struct platform_device *pdev)
{
	struct tgpio_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;

	platform_set_drvdata(pdev, priv);
	pm_runtime_enable(&pdev->dev);

	ret = devm_request_irq(&pdev->dev, priv->irq, tgpio_irq, 0, "tgpio", priv);
	if (ret)
		return ret;

	ret = tgpio_chip_add(priv);
	if (ret) {
		pm_runtime_disable(&pdev->dev);
		return ret;
	}

	return 0;
}

static void tgpio_remove(struct platform_device *pdev)
{
	struct tgpio_priv *priv = platform_get_drvdata(pdev);

	tgpio_chip_remove(priv);
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver tgpio_driver = {
	.probe = tgpio_probe,
	.remove = tgpio_remove,
	.driver = {
		.name = "tgpio",
	},
};
module_platform_driver(tgpio_driver);
