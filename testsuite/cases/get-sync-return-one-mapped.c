// SPDX-License-Identifier: GPL-2.0
/*
 * A get helper that maps pm_runtime_get_sync()'s "already active" 1 to 0
 * before returning its result ("return rc == 1 ? 0 : rc;", or "if (rc ==
 * 1) return 0; return rc;") returns 0 or -errno: nothing to report.
 * Mapping some other value leaves the 1 in.  Slice of a TRNG driver.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

static int good_trng_pm_get_ternary(struct device *dev)
{
	int rc = 0;

	rc = pm_runtime_get_sync(dev);

	/* pm_runtime_get_sync() can return 1 as a valid return code */
	return (rc == 1 ? 0 : rc);
}

static int good_trng_pm_get_test(struct device *dev)
{
	int rc = pm_runtime_get_sync(dev);

	if (rc == 1)
		return 0;
	return rc;
}

static int warn_trng_pm_get_wrong_value(struct device *dev)
{
	int rc = pm_runtime_get_sync(dev);

	return (rc == -EACCES ? 0 : rc);
}

static int warn_trng_pm_get_after_test(struct device *dev)
{
	int rc = pm_runtime_get_sync(dev);

	if (rc == -EACCES)
		return 0;
	return rc;
}

int trng_start(struct platform_device *pdev)
{
	return good_trng_pm_get_ternary(&pdev->dev) ||
	       good_trng_pm_get_test(&pdev->dev) ||
	       warn_trng_pm_get_wrong_value(&pdev->dev) ||
	       warn_trng_pm_get_after_test(&pdev->dev);
}

/*
 * check-name: a get_sync result whose 1 was mapped to 0 before it is returned
 * check-output-ignore-notes
 *
 * check-output-start
get-sync-return-one-mapped.c:34:2: warning: 'warn_trng_pm_get_wrong_value' returns the result of 'pm_runtime_get_sync', which is 1 when the device was already active [-Wrpm-get-sync-ret]
get-sync-return-one-mapped.c:43:2: warning: 'warn_trng_pm_get_after_test' returns the result of 'pm_runtime_get_sync', which is 1 when the device was already active [-Wrpm-get-sync-ret]
 * check-output-end
 */
