// SPDX-License-Identifier: GPL-2.0
/*
 * Error branches whose goto reaches a put (at the label, behind a
 * condition, or in a helper of the file that puts): the count is already
 * dropped, or may be, so nothing is changed and nothing is reported.
 * Slice of a platform MMC host driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define MMC_REG_CTRL		0x00
#define MMC_CTRL_RESET		BIT(0)

struct mmc_host_priv {
	struct device *dev;
	struct clk *clk;
	void __iomem *base;
	bool rpm_held;
};

static void mmc_host_power_off(struct mmc_host_priv *host)
{
	clk_disable_unprepare(host->clk);
	pm_runtime_put_sync(host->dev);
}

static int good_mmc_reset(struct mmc_host_priv *host)
{
	int ret;

	ret = pm_runtime_get_sync(host->dev);
	if (ret < 0) {
		dev_err(host->dev, "resume failed: %d\n", ret);
		goto out_put;
	}

	writel(MMC_CTRL_RESET, host->base + MMC_REG_CTRL);
	ret = 0;
out_put:
	pm_runtime_put(host->dev);
	return ret;
}

static int good_mmc_power_on(struct mmc_host_priv *host)
{
	int ret;

	ret = pm_runtime_get_sync(host->dev);
	if (ret < 0)
		goto err_power;

	ret = clk_prepare_enable(host->clk);
	if (ret)
		goto err_power;

	return 0;

err_power:
	mmc_host_power_off(host);
	return ret;
}

/*
 * The label puts only on some paths (rpmcheck warns about the others): a
 * put_noidle in the branch would be one too many on the paths that put.
 */
static int warn_mmc_claim(struct mmc_host_priv *host)
{
	int ret;

	ret = pm_runtime_get_sync(host->dev);
	if (ret < 0)
		goto err;

	host->rpm_held = true;
	writel(0, host->base + MMC_REG_CTRL);
	return 0;

err:
	if (!host->rpm_held)
		pm_runtime_put_noidle(host->dev);
	return ret;
}

static int good_mmc_read_ctrl(struct mmc_host_priv *host, u32 *val)
{
	int ret;

	ret = pm_runtime_get_sync(host->dev);
	if (ret < 0)
		goto err_put;

	*val = readl(host->base + MMC_REG_CTRL);
	pm_runtime_mark_last_busy(host->dev);
	pm_runtime_put_autosuspend(host->dev);
	return 0;

err_put:
	pm_runtime_put_noidle(host->dev);
	dev_err(host->dev, "cannot read ctrl: %d\n", ret);
	return ret;
}
