// SPDX-License-Identifier: GPL-2.0
/*
 * A GPIO controller whose PM ops come from DEFINE_RUNTIME_DEV_PM_OPS()
 * but which never enables runtime PM and takes no reference: its
 * runtime PM callbacks never run (and pm_runtime_force_suspend(), the
 * system sleep callback that macro installs, skips them too, since the
 * device stays runtime-suspended).  The wake-IRQ setup in them is dead.
 */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/pm.h>
#include <linux/pm_runtime.h>

struct tgpio {
	void __iomem *regs;
	int irq;
};

static int tgpio_suspend(struct device *dev)
{
	struct tgpio *gc = dev_get_drvdata(dev);

	if (gc->irq > 0)
		enable_irq_wake(gc->irq);
	return 0;
}

static int tgpio_resume(struct device *dev)
{
	struct tgpio *gc = dev_get_drvdata(dev);

	if (gc->irq > 0)
		disable_irq_wake(gc->irq);
	return 0;
}

static DEFINE_RUNTIME_DEV_PM_OPS(tgpio_pm_ops, tgpio_suspend, tgpio_resume,
				 NULL);

static int warn_tgpio_probe(struct platform_device *pdev)
{
	struct tgpio *gc;

	gc = devm_kzalloc(&pdev->dev, sizeof(*gc), GFP_KERNEL);
	if (!gc)
		return -ENOMEM;
	gc->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(gc->regs))
		return PTR_ERR(gc->regs);
	gc->irq = platform_get_irq_optional(pdev, 0);
	platform_set_drvdata(pdev, gc);
	return 0;
}

static struct platform_driver tgpio_driver = {
	.probe = warn_tgpio_probe,
	.driver = {
		.name = "tgpio",
		.pm = pm_ptr(&tgpio_pm_ops),
	},
};
module_platform_driver(tgpio_driver);

/*
 * check-name: a driver with runtime PM callbacks that never enables runtime PM
 *
 * check-output-start
never-enabled-callbacks.c:40:12: warning: 'warn_tgpio_probe' never enables runtime PM, yet driver 'tgpio_driver' has runtime PM callbacks: they never run [-Wrpm-never-enabled]
never-enabled-callbacks.c:37:8: note: 'tgpio_suspend' is its ->runtime_suspend callback
 * check-output-end
 */
