// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-leak: a reference the remove function takes on every path and
 * never drops stays raised for good, even when some other function of
 * the file drops usage counts (here the "hold" sysfs attribute, which
 * takes and drops its own reference): nothing of the driver runs after
 * remove.  Only the probe-keeps form of the rule is silenced by such a
 * function, since that reference may be handed to it.  Slice of a
 * platform watchdog driver.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define WDT_CTRL		0x00
#define WDT_CTRL_EN		BIT(0)

struct swdt {
	struct device *dev;
	void __iomem *base;
	bool held;
};

/* Debug knob: keep the watchdog block powered while "hold" is 1. */
static ssize_t hold_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct swdt *wdt = dev_get_drvdata(dev);
	bool hold;
	int ret;

	ret = kstrtobool(buf, &hold);
	if (ret)
		return ret;
	if (hold == wdt->held)
		return count;

	if (hold) {
		ret = pm_runtime_resume_and_get(dev);
		if (ret < 0)
			return ret;
	} else {
		pm_runtime_put(dev);
	}
	wdt->held = hold;
	return count;
}
static DEVICE_ATTR_WO(hold);

static int swdt_probe(struct platform_device *pdev)
{
	struct swdt *wdt;
	int ret;

	wdt = devm_kzalloc(&pdev->dev, sizeof(*wdt), GFP_KERNEL);
	if (!wdt)
		return -ENOMEM;
	wdt->dev = &pdev->dev;
	wdt->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(wdt->base))
		return PTR_ERR(wdt->base);
	platform_set_drvdata(pdev, wdt);

	ret = devm_pm_runtime_enable(&pdev->dev);
	if (ret)
		return ret;
	return device_create_file(&pdev->dev, &dev_attr_hold);
}

/* Resumes to stop the counter, never gives the reference back. */
static void warn_swdt_remove(struct platform_device *pdev)
{
	struct swdt *wdt = platform_get_drvdata(pdev);

	device_remove_file(&pdev->dev, &dev_attr_hold);
	pm_runtime_get_sync(&pdev->dev);
	writel(0, wdt->base + WDT_CTRL);
}

static struct platform_driver swdt_driver = {
	.probe = swdt_probe,
	.remove = warn_swdt_remove,
	.driver = { .name = "swdt" },
};
/*
 * check-name: a reference remove takes is not excused by drops elsewhere
 *
 * check-output-start
lifecycle-remove-get-dropped-elsewhere.c:78:1: warning: 'warn_swdt_remove' returns with the runtime PM usage count of '&pdev->dev' raised: nothing drops it after the driver is unbound [-Wrpm-leak]
lifecycle-remove-get-dropped-elsewhere.c:76:2: note: 'pm_runtime_get_sync' raises the usage count here, even when it fails
 * check-output-end
 */
