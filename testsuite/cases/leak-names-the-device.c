// SPDX-License-Identifier: GPL-2.0
/*
 * The warning names the device whose count is still raised: a put of
 * one device does not hide a leak of another taken after it.  Slice of a
 * power-domain driver that wakes its bus domain, then the peripheral's.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct blk_domain {
	struct device *power_dev;
	struct device *bus_power_dev;
};

static int warn_power_on(struct blk_domain *d)
{
	int ret;

	ret = pm_runtime_get_sync(d->bus_power_dev);
	if (ret < 0) {
		pm_runtime_put_noidle(d->bus_power_dev);
		return ret;
	}

	ret = pm_runtime_get_sync(d->power_dev);
	if (ret < 0)
		goto bus_put;

	return 0;

bus_put:
	pm_runtime_put(d->bus_power_dev);
	return ret;
}

static int good_power_on(struct blk_domain *d)
{
	int ret;

	ret = pm_runtime_get_sync(d->bus_power_dev);
	if (ret < 0) {
		pm_runtime_put_noidle(d->bus_power_dev);
		return ret;
	}

	ret = pm_runtime_get_sync(d->power_dev);
	if (ret < 0) {
		pm_runtime_put_noidle(d->power_dev);
		goto bus_put;
	}

	return 0;

bus_put:
	pm_runtime_put(d->bus_power_dev);
	return ret;
}
/*
 * check-name: a leak names its own device, not the one a put dropped
 *
 * check-output-start
leak-names-the-device.c:33:2: warning: 'warn_power_on' returns an error with the runtime PM usage count of 'd->power_dev' still raised [-Wrpm-leak]
leak-names-the-device.c:25:8: note: 'pm_runtime_get_sync' raises the usage count here, even when it fails
leak-names-the-device.c:26:6: note: taking the true branch of 'ret < 0'
leak-names-the-device.c:27:3: note: jumping to 'bus_put'
 * check-output-end
 */
