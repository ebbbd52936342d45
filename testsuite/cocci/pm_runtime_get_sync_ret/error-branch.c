// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_sync_ret.cocci: truth tests of pm_runtime_get_sync() and
 * pm_runtime_resume() whose branch is error handling become "< 0".  Slice
 * of an SPI flash controller driver.
 *
 * warn_*: changed by the semantic patch; good_*: correct code, left alone.
 */
#include <linux/spi/spi.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define QSPI_CFG		0x00
#define QSPI_CFG_QUAD		BIT(2)
#define QSPI_DIV		0x04

struct qspi_priv {
	struct device *dev;
	void __iomem *base;
	u32 div;
	bool quad;
};

/* The branch logs, drops the count and returns the error. */
static int warn_set_divider(struct qspi_priv *qspi, u32 div)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret) {
		dev_err(qspi->dev, "failed to resume: %d\n", ret);
		pm_runtime_put_noidle(qspi->dev);
		return ret;
	}

	writel(div, qspi->base + QSPI_DIV);
	qspi->div = div;
	pm_runtime_put(qspi->dev);
	return 0;
}

/* The call itself tested, the branch returns a constant error. */
static int warn_enable_quad(struct qspi_priv *qspi)
{
	if (pm_runtime_get_sync(qspi->dev)) {
		pm_runtime_put_noidle(qspi->dev);
		return -EIO;
	}

	writel(readl(qspi->base + QSPI_CFG) | QSPI_CFG_QUAD, qspi->base + QSPI_CFG);
	qspi->quad = true;
	pm_runtime_put(qspi->dev);
	return 0;
}

/* "!= 0" and a goto to the error exit. */
static int warn_disable_quad(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret != 0)
		goto err_put;

	writel(readl(qspi->base + QSPI_CFG) & ~QSPI_CFG_QUAD, qspi->base + QSPI_CFG);
	qspi->quad = false;
	pm_runtime_put(qspi->dev);
	return 0;

err_put:
	pm_runtime_put_noidle(qspi->dev);
	return ret;
}

/* pm_runtime_resume() returns 1 the same way; the branch only logs. */
static void warn_resume_logged(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_resume(qspi->dev);
	if (ret)
		dev_warn(qspi->dev, "resume failed: %d\n", ret);
}

/* A void function bails out. */
static void warn_kick(struct qspi_priv *qspi)
{
	if (pm_runtime_get_sync(qspi->dev) != 0) {
		pm_runtime_put_noidle(qspi->dev);
		return;
	}

	writel(qspi->div, qspi->base + QSPI_DIV);
	pm_runtime_put(qspi->dev);
}

/* Already "< 0": nothing to change. */
static int good_set_divider(struct qspi_priv *qspi, u32 div)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret < 0) {
		dev_err(qspi->dev, "failed to resume: %d\n", ret);
		pm_runtime_put_noidle(qspi->dev);
		return ret;
	}

	writel(div, qspi->base + QSPI_DIV);
	qspi->div = div;
	pm_runtime_put(qspi->dev);
	return 0;
}

/* pm_runtime_resume_and_get() returns 0 or -errno: "if (ret)" is right. */
static int good_resume_and_get(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_resume_and_get(qspi->dev);
	if (ret)
		return ret;

	writel(qspi->div, qspi->base + QSPI_DIV);
	pm_runtime_put(qspi->dev);
	return 0;
}
