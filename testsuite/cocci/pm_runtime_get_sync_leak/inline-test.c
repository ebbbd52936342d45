// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_sync() tested in the if itself: its value is never
 * kept, so pm_runtime_resume_and_get() is always the fix when the error
 * branch does not put.  Slice of an SPI controller driver.
 */
#include <linux/spi/spi.h>
#include <linux/io.h>
#include <linux/bug.h>
#include <linux/pm_runtime.h>

#define SPI_REG_CFG		0x00
#define SPI_REG_STATUS		0x04
#define SPI_CFG_ENABLE		BIT(0)

struct qspi {
	struct device *dev;
	void __iomem *base;
};

static int warn_qspi_setup(struct qspi *qspi)
{
	if (pm_runtime_get_sync(qspi->dev) < 0)
		return -EIO;

	writel(SPI_CFG_ENABLE, qspi->base + SPI_REG_CFG);
	pm_runtime_put(qspi->dev);
	return 0;
}

static int warn_qspi_status(struct qspi *qspi, u32 *status)
{
	int ret = 0;

	if (unlikely(pm_runtime_get_sync(qspi->dev) < 0)) {
		dev_err(qspi->dev, "resume failed\n");
		ret = -EIO;
		goto out;
	}

	*status = readl(qspi->base + SPI_REG_STATUS);
	pm_runtime_put(qspi->dev);
out:
	return ret;
}

static void warn_qspi_reset(struct qspi *qspi)
{
	if (WARN_ON(pm_runtime_get_sync(qspi->dev) < 0))
		return;

	writel(0, qspi->base + SPI_REG_CFG);
	pm_runtime_put_sync(qspi->dev);
}

static int good_qspi_setup(struct qspi *qspi)
{
	if (pm_runtime_get_sync(qspi->dev) < 0) {
		pm_runtime_put_noidle(qspi->dev);
		return -EIO;
	}

	writel(SPI_CFG_ENABLE, qspi->base + SPI_REG_CFG);
	pm_runtime_put(qspi->dev);
	return 0;
}
