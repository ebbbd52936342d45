// SPDX-License-Identifier: GPL-2.0
/*
 * The value of pm_runtime_get_sync() is returned on the success path
 * (1 when the device was already active), or kept where the rest of the
 * driver can read it: the conversion would change what the callers see,
 * so the error branch gets a pm_runtime_put_noidle().  Slice of a
 * platform thermal sensor driver.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define TS_REG_TEMP		0x10
#define TS_REG_CTRL		0x00

struct ts_priv {
	struct device *dev;
	void __iomem *base;
	int last_pm_status;
	u32 temp;
};

static int warn_ts_sample(struct ts_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0) {
		dev_err(priv->dev, "cannot resume sensor: %d\n", ret);
		return ret;
	}

	priv->temp = readl(priv->base + TS_REG_TEMP);
	pm_runtime_mark_last_busy(priv->dev);
	pm_runtime_put_autosuspend(priv->dev);
	return ret;
}

static int warn_ts_enable(struct ts_priv *priv)
{
	priv->last_pm_status = pm_runtime_get_sync(priv->dev);
	if (priv->last_pm_status < 0)
		return priv->last_pm_status;

	writel(1, priv->base + TS_REG_CTRL);
	pm_runtime_put(priv->dev);
	return 0;
}
