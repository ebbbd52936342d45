// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-leak across probe and remove, the silent side: the usage count
 * probe keeps while the device is bound is dropped by remove, directly
 * or through a cleanup helper of the file.  One driver only: a function
 * outside a driver's probe and remove that drops a count silences the
 * rule for that driver (lifecycle-usage-dropped-elsewhere.c), so a
 * second driver here would make this one silent for the wrong reason.
 * Slice of an SPI ADC driver.
 */
#include <linux/spi/spi.h>
#include <linux/property.h>
#include <linux/pm_runtime.h>

#define SADC_CMD_RESET		0x06
#define SADC_CMD_PWRDN		0x02
#define SADC_CMD_START		0x08

struct sadc_state {
	struct spi_device *spi;
	bool started;
	u8 tx[4];
};

static int sadc_cmd(struct sadc_state *st, u8 cmd)
{
	st->tx[0] = cmd;
	return spi_write(st->spi, st->tx, 1);
}

static struct sadc_state *sadc_alloc(struct spi_device *spi)
{
	struct sadc_state *st;

	st = devm_kzalloc(&spi->dev, sizeof(*st), GFP_KERNEL);
	if (!st)
		return NULL;
	st->spi = spi;
	spi_set_drvdata(spi, st);
	return st;
}

/*
 * Continuous conversion: the converter stays powered while bound, with
 * the reference taken before runtime PM is enabled.
 */
static int sadc_probe(struct spi_device *spi)
{
	struct sadc_state *st = sadc_alloc(spi);
	int ret;

	if (!st)
		return -ENOMEM;

	pm_runtime_get_noresume(&spi->dev);
	pm_runtime_set_active(&spi->dev);
	pm_runtime_enable(&spi->dev);

	ret = sadc_cmd(st, SADC_CMD_RESET);
	if (ret)
		goto err_pm;
	if (device_property_read_bool(&spi->dev, "adi,start-on-probe")) {
		ret = sadc_cmd(st, SADC_CMD_START);
		if (ret)
			goto err_pm;
		st->started = true;
	}
	return 0;

err_pm:
	pm_runtime_disable(&spi->dev);
	pm_runtime_set_suspended(&spi->dev);
	pm_runtime_put_noidle(&spi->dev);
	return ret;
}

/* The reference is dropped by a cleanup helper of the file... */
static void sadc_pm_release(struct device *dev)
{
	pm_runtime_disable(dev);
	pm_runtime_set_suspended(dev);
	pm_runtime_put_noidle(dev);
}

/* ...when the conversion never started, directly otherwise. */
static void good_sadc_remove(struct spi_device *spi)
{
	struct sadc_state *st = spi_get_drvdata(spi);

	if (!st->started) {
		sadc_pm_release(&spi->dev);
		return;
	}

	sadc_cmd(st, SADC_CMD_PWRDN);
	pm_runtime_disable(&spi->dev);
	pm_runtime_set_suspended(&spi->dev);
	pm_runtime_put_noidle(&spi->dev);
}

static struct spi_driver sadc_driver = {
	.driver = { .name = "sadc" },
	.probe = sadc_probe,
	.remove = good_sadc_remove,
};
/*
 * check-name: remove drops the usage count probe kept
 *
 * check-output-start
 * check-output-end
 */
