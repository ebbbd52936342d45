// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_sync() and pm_runtime_resume() return 1 when the device
 * was already active: "if (ret)" treats that success as a failure, and
 * "return ret" hands 1 to callers that expect 0 or -errno.
 * pm_runtime_resume_and_get() returns only 0 or -errno.  Slice of an SPI
 * flash controller driver.
 */
#include <linux/spi/spi.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define QSPI_CFG		0x00
#define QSPI_CFG_QUAD		BIT(2)
#define QSPI_DIV		0x04
#define QSPI_STATUS		0x08

struct qspi_priv {
	struct device *dev;
	void __iomem *base;
	u32 div;
	bool quad;
	bool suspended;
};

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

static void warn_restore_config(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (!ret) {
		writel(qspi->div, qspi->base + QSPI_DIV);
		writel(qspi->quad ? QSPI_CFG_QUAD : 0, qspi->base + QSPI_CFG);
	}
	pm_runtime_put(qspi->dev);
}

static void good_restore_config(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret >= 0) {
		writel(qspi->div, qspi->base + QSPI_DIV);
		writel(qspi->quad ? QSPI_CFG_QUAD : 0, qspi->base + QSPI_CFG);
	}
	pm_runtime_put(qspi->dev);
}

static int warn_read_status(struct qspi_priv *qspi, u32 *status)
{
	int ret;

	if (qspi->suspended) {
		*status = 0;
		return 0;
	}

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(qspi->dev);
		return ret;
	}

	*status = readl(qspi->base + QSPI_STATUS);
	pm_runtime_put(qspi->dev);
	return ret;
}

static int good_read_status(struct qspi_priv *qspi, u32 *status)
{
	int ret;

	if (qspi->suspended) {
		*status = 0;
		return 0;
	}

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(qspi->dev);
		return ret;
	}

	*status = readl(qspi->base + QSPI_STATUS);
	pm_runtime_put(qspi->dev);
	return 0;
}

static int warn_wake(struct qspi_priv *qspi)
{
	if (!qspi->suspended)
		return 0;

	qspi->suspended = false;
	return pm_runtime_resume(qspi->dev);
}

static void warn_resume_logged(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_resume(qspi->dev);
	if (ret)
		dev_warn(qspi->dev, "resume failed: %d\n", ret);
}

static int good_wake(struct qspi_priv *qspi)
{
	int ret;

	if (!qspi->suspended)
		return 0;

	ret = pm_runtime_resume(qspi->dev);
	if (ret < 0)
		return ret;

	qspi->suspended = false;
	return 0;
}

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

static int good_already_active(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(qspi->dev);
		return ret;
	}
	if (ret) {
		/* Already powered: the configuration survived. */
		dev_dbg(qspi->dev, "already active\n");
	} else {
		writel(qspi->div, qspi->base + QSPI_DIV);
	}

	pm_runtime_put(qspi->dev);
	return 0;
}

static int good_ret_reset(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (ret < 0)
		goto out;

	writel(qspi->div, qspi->base + QSPI_DIV);
	ret = 0;
out:
	pm_runtime_put(qspi->dev);
	return ret;
}
/* 0 and the errors on one side, then told apart: 1 is not an error. */
static int good_pullup_resumed_now(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_get_sync(qspi->dev);
	if (!ret || ret < 0) {
		pm_runtime_put(qspi->dev);
		return ret;
	}
	writel(1, qspi->base + QSPI_CFG);
	pm_runtime_put(qspi->dev);
	return 0;
}

/* ret == 1 handled first: the later truth test cannot see a 1. */
static void good_one_handled_first(struct qspi_priv *qspi)
{
	int ret;

	ret = pm_runtime_get(qspi->dev);
	if (ret == 1 || ret == -EACCES) {
		pm_runtime_put_autosuspend(qspi->dev);
	} else if (ret == 0 || ret == -EINPROGRESS) {
		writel(0, qspi->base + QSPI_CFG);
	} else {
		pm_runtime_put_noidle(qspi->dev);
	}
}

/*
 * check-name: a positive get_sync/resume result treated or returned as an error
 * check-output-ignore-notes
 *
 * check-output-start
get-sync-return-value.c:31:6: warning: 'warn_set_divider' treats a positive return of 'pm_runtime_get_sync' (device already active) as an error [-Wrpm-get-sync-ret]
get-sync-return-value.c:62:6: warning: 'warn_enable_quad' treats a positive return of 'pm_runtime_get_sync' (device already active) as an error [-Wrpm-get-sync-ret]
get-sync-return-value.c:78:7: warning: 'warn_restore_config' treats a positive return of 'pm_runtime_get_sync' (device already active) as an error [-Wrpm-get-sync-ret]
get-sync-return-value.c:114:2: warning: 'warn_read_status' returns the result of 'pm_runtime_get_sync', which is 1 when the device was already active [-Wrpm-get-sync-ret]
get-sync-return-value.c:143:2: warning: 'warn_wake' returns the result of 'pm_runtime_resume', which is 1 when the device was already active [-Wrpm-get-sync-ret]
get-sync-return-value.c:151:6: warning: 'warn_resume_logged' treats a positive return of 'pm_runtime_resume' (device already active) as an error [-Wrpm-get-sync-ret]
 * check-output-end
 */
