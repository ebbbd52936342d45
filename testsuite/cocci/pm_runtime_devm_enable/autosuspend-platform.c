// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: a platform driver with autosuspend whose
 * remove ends exactly as devres would (dont_use_autosuspend, disable) is
 * still left alone.  With a negative autosuspend delay the device stays
 * active while bound, and pm_runtime_dont_use_autosuspend() suspends it
 * at once: in remove, the PM domain is still attached; from devres it
 * would run after platform_remove() detached it, and the runtime
 * suspend callback would touch registers of a device that may be off.
 * Slice of an MDIO controller driver.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define TMDIO_CONTROL		0x04
#define TMDIO_CONTROL_ENABLE	BIT(30)

struct tmdio_data {
	void __iomem *regs;
};

static int tmdio_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct tmdio_data *data;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(data->regs))
		return PTR_ERR(data->regs);
	platform_set_drvdata(pdev, data);

	pm_runtime_set_autosuspend_delay(dev, -1);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_enable(dev);

	return 0;
}

static void tmdio_remove(struct platform_device *pdev)
{
	pm_runtime_dont_use_autosuspend(&pdev->dev);
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver tmdio_driver = {
	.probe = tmdio_probe,
	.remove = tmdio_remove,
	.driver = {
		.name = "tmdio",
	},
};
module_platform_driver(tmdio_driver);
