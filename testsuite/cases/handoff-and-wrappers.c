// SPDX-License-Identifier: GPL-2.0
/*
 * Conventions that keep a reference on purpose, and facts the analysis
 * must know to stay silent:
 *  - an ->enable() that keeps its reference on success and drops it on
 *    the error paths it jumps to (the ->disable() puts);
 *  - "return pm_runtime_get_if_in_use(dev) == 1;" (only 1 is success);
 *  - a successful pm_runtime_resume_and_get() means runtime PM is
 *    enabled, so the "!pm_runtime_enabled()" fallback is not taken;
 *  - a wrapper of another file named like a put (sst_pm_runtime_put()).
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct hw_priv {
	struct device *dev;
	void __iomem *base;
};

int hw_map_buffers(struct hw_priv *hw);
int hw_resume_by_hand(struct device *dev);
void hw_pm_runtime_put(struct device *dev);

static void good_enable_keeps_reference(struct hw_priv *hw)
{
	if (pm_runtime_resume_and_get(hw->dev) < 0)
		return;
	if (!hw_map_buffers(hw))
		goto err_put;
	writel(1, hw->base);
	return;

err_put:
	pm_runtime_put(hw->dev);
}

static bool good_begin_if_in_use(struct hw_priv *hw)
{
	return pm_runtime_get_if_in_use(hw->dev) == 1;
}

static int good_fallback_only_when_disabled(struct hw_priv *hw)
{
	int ret;

	ret = pm_runtime_resume_and_get(hw->dev);
	if (ret < 0)
		pm_runtime_disable(hw->dev);
	if (!pm_runtime_enabled(hw->dev)) {
		ret = hw_resume_by_hand(hw->dev);
		if (ret)
			return ret;
	}
	writel(1, hw->base);
	if (pm_runtime_enabled(hw->dev))
		pm_runtime_put(hw->dev);
	return 0;
}

static int good_external_put_wrapper(struct hw_priv *hw)
{
	int ret;

	ret = pm_runtime_resume_and_get(hw->dev);
	if (ret < 0)
		return ret;
	if (readl(hw->base) & 1) {
		hw_pm_runtime_put(hw->dev);
		return -EBUSY;
	}
	pm_runtime_put(hw->dev);
	return 0;
}

static int warn_enable_early_return(struct hw_priv *hw)
{
	int ret;

	ret = pm_runtime_resume_and_get(hw->dev);
	if (ret < 0)
		return ret;
	if (readl(hw->base) & 1)
		return -EBUSY;
	pm_runtime_put(hw->dev);
	return 0;
}

/*
 * check-name: deliberate conventions and the facts they rely on
 * check-output-ignore-notes
 *
 * check-output-start
handoff-and-wrappers.c:85:3: warning: 'warn_enable_early_return' returns an error with the runtime PM usage count of 'hw->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
