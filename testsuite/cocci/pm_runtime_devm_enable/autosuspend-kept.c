// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: probe turns autosuspend on and remove
 * leaves it on.  devm_pm_runtime_enable() would also call
 * pm_runtime_dont_use_autosuspend() at unbind, which may suspend the
 * device there: not the same, reported only.  Slice of an SPI display
 * panel driver.
 */
#include <linux/spi/spi.h>
#include <linux/pm_runtime.h>

struct tpanel {
	struct spi_device *spi;
	bool on;
};

extern int tpanel_add(struct tpanel *panel);
extern void tpanel_remove_panel(struct tpanel *panel);

static int tpanel_probe(struct spi_device *spi)
{
	struct tpanel *panel;
	int ret;

	panel = devm_kzalloc(&spi->dev, sizeof(*panel), GFP_KERNEL);
	if (!panel)
		return -ENOMEM;
	panel->spi = spi;
	spi_set_drvdata(spi, panel);

	pm_runtime_set_autosuspend_delay(&spi->dev, 1000);
	pm_runtime_use_autosuspend(&spi->dev);
	pm_runtime_enable(&spi->dev);

	ret = tpanel_add(panel);
	if (ret < 0)
		goto err_pm;

	return 0;

err_pm:
	pm_runtime_disable(&spi->dev);
	return ret;
}

static void tpanel_remove(struct spi_device *spi)
{
	tpanel_remove_panel(spi_get_drvdata(spi));
	pm_runtime_disable(&spi->dev);
}

static struct spi_driver tpanel_driver = {
	.probe = tpanel_probe,
	.remove = tpanel_remove,
	.driver = {
		.name = "tpanel",
	},
};
module_spi_driver(tpanel_driver);
