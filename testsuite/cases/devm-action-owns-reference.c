// SPDX-License-Identifier: GPL-2.0
/*
 * A reference handed to a devm action belongs to the action: it is
 * dropped at unbind, or at once when adding the action fails.
 */
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct dmx_priv {
	struct device *dev;
	void __iomem *base;
};

static void dmx_pm_put(void *data)
{
	pm_runtime_put_noidle(data);
}

static void dmx_log(void *data)
{
	dev_info(data, "unbound\n");
}

static int good_probe_hands_reference_to_devm(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int ret;

	pm_runtime_get_noresume(dev);
	pm_runtime_set_active(dev);
	ret = devm_pm_runtime_enable(dev);
	if (ret) {
		pm_runtime_put_noidle(dev);
		return ret;
	}
	ret = devm_add_action_or_reset(dev, dmx_pm_put, dev);
	if (ret)
		return ret;
	return 0;
}

static int warn_probe_action_does_not_put(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int ret;

	pm_runtime_get_noresume(dev);
	ret = devm_add_action_or_reset(dev, dmx_log, dev);
	if (ret)
		return ret;
	pm_runtime_put_noidle(dev);
	return 0;
}

/*
 * check-name: a devm action that puts owns the reference
 * check-output-ignore-notes
 *
 * check-output-start
devm-action-owns-reference.c:51:3: warning: 'warn_probe_action_does_not_put' returns an error with the runtime PM usage count of '&pdev->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
