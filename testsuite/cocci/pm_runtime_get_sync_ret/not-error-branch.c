// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_sync_ret.cocci: tests that are already "< 0", branches
 * that are not error handling, and tests with an else branch stay as they
 * are.  Slice of a display bridge driver.
 *
 * keep_*: left alone by the semantic patch although rpmcheck may warn
 * (a human has to decide); good_*: correct code.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define BRIDGE_CTRL		0x00
#define BRIDGE_CTRL_EN		BIT(0)
#define BRIDGE_MODE		0x04

struct bridge_priv {
	struct device *dev;
	void __iomem *base;
	u32 mode;
	bool cold;
};

static int good_set_mode(struct bridge_priv *br, u32 mode)
{
	int ret;

	ret = pm_runtime_get_sync(br->dev);
	if (ret < 0) {
		dev_err(br->dev, "resume failed: %d\n", ret);
		pm_runtime_put_noidle(br->dev);
		return ret;
	}

	writel(mode, br->base + BRIDGE_MODE);
	br->mode = mode;
	pm_runtime_put(br->dev);
	return 0;
}

/* The branch only notes that the device was resumed just now. */
static void keep_enable(struct bridge_priv *br)
{
	if (!pm_runtime_get_sync(br->dev))
		br->cold = true;

	writel(BRIDGE_CTRL_EN, br->base + BRIDGE_CTRL);
}

/* A debug message is not error handling. */
static void keep_refresh(struct bridge_priv *br)
{
	int ret;

	ret = pm_runtime_resume(br->dev);
	if (ret)
		dev_dbg(br->dev, "resume: %d\n", ret);

	writel(br->mode, br->base + BRIDGE_MODE);
}

/* Already active: nothing to reload, a success exit. */
static int keep_reload(struct bridge_priv *br)
{
	int ret;

	ret = pm_runtime_get_sync(br->dev);
	if (ret) {
		pm_runtime_put(br->dev);
		return 0;
	}

	writel(br->mode, br->base + BRIDGE_MODE);
	pm_runtime_put(br->dev);
	return 0;
}

/* With an else branch: left to a human. */
static int keep_probe_state(struct bridge_priv *br)
{
	int ret;

	ret = pm_runtime_get_sync(br->dev);
	if (ret) {
		dev_err(br->dev, "resume: %d\n", ret);
		pm_runtime_put_noidle(br->dev);
		return -EIO;
	} else {
		br->cold = true;
	}

	writel(br->mode, br->base + BRIDGE_MODE);
	pm_runtime_put(br->dev);
	return 0;
}
