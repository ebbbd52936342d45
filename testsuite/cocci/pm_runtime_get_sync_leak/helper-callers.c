// SPDX-License-Identifier: GPL-2.0
/*
 * Static helpers that keep the reference on success: a failure leaks
 * when their callers see it, return and do not put (the conversion fixes
 * the helper), but not when a caller ignores the result, or only warns,
 * and puts anyway (the helper's raised count is what that put drops:
 * left alone).  Slice of a
 * platform camera interface driver.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define CSI_REG_CTRL		0x00
#define CSI_CTRL_EN		BIT(0)

struct csi_priv {
	struct device *dev;
	void __iomem *base;
};

static int warn_csi_power_on(struct csi_priv *csi)
{
	int ret;

	ret = pm_runtime_get_sync(csi->dev);
	if (ret < 0) {
		dev_err(csi->dev, "cannot resume: %d\n", ret);
		return ret;
	}

	writel(0, csi->base + CSI_REG_CTRL);
	return 0;
}

static void csi_power_off(struct csi_priv *csi)
{
	pm_runtime_put(csi->dev);
}

static int csi_stream_on(struct csi_priv *csi)
{
	int ret;

	ret = warn_csi_power_on(csi);
	if (ret)
		return ret;

	writel(CSI_CTRL_EN, csi->base + CSI_REG_CTRL);
	return 0;
}

static void csi_stream_off(struct csi_priv *csi)
{
	writel(0, csi->base + CSI_REG_CTRL);
	csi_power_off(csi);
}

static int good_csi_resume_hw(struct csi_priv *csi)
{
	int ret;

	ret = pm_runtime_get_sync(csi->dev);
	if (ret < 0)
		return ret;

	return 0;
}

static void csi_reset(struct csi_priv *csi)
{
	good_csi_resume_hw(csi);
	writel(0, csi->base + CSI_REG_CTRL);
	pm_runtime_put(csi->dev);
}

static int good_csi_wake(struct csi_priv *csi)
{
	int ret;

	ret = pm_runtime_get_sync(csi->dev);
	if (ret < 0)
		return ret;

	writel(CSI_CTRL_EN, csi->base + CSI_REG_CTRL);
	return 0;
}

static void csi_selftest(struct csi_priv *csi)
{
	if (good_csi_wake(csi))
		dev_warn(csi->dev, "self-test without power\n");

	writel(0, csi->base + CSI_REG_CTRL);
	pm_runtime_put(csi->dev);
}
