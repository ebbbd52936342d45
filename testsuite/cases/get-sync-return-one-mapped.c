// SPDX-License-Identifier: GPL-2.0
/*
 * Returning pm_runtime_get_sync()'s result is a bug once the function has
 * dropped the reference: its caller gets the stale "already active" 1
 * where it expects 0.  Not reported: a function that maps the 1 to 0
 * before returning ("return rc == 1 ? 0 : rc;", "if (rc == 1) return 0;
 * return rc;"), and a get helper that returns holding the reference, so
 * passing get_sync's contract on with it (callers test "< 0").  Mapping
 * some other value leaves the 1 in.  Slice of a TRNG driver.
 */
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

#define TRNG_CTRL	0x00

struct trng_priv {
	struct device *dev;
	void __iomem *base;
};

static int good_trng_pm_get_ternary(struct device *dev)
{
	int rc = 0;

	rc = pm_runtime_get_sync(dev);

	/* pm_runtime_get_sync() can return 1 as a valid return code */
	return (rc == 1 ? 0 : rc);
}

static int good_trng_start_test(struct trng_priv *trng)
{
	int rc = pm_runtime_get_sync(trng->dev);

	if (rc < 0) {
		pm_runtime_put_noidle(trng->dev);
		return rc;
	}
	writel(1, trng->base + TRNG_CTRL);
	pm_runtime_put(trng->dev);
	if (rc == 1)
		return 0;
	return rc;
}

int good_trng_enable(struct trng_priv *trng)
{
	if (!trng)
		return 0;

	return pm_runtime_get_sync(trng->dev);
}

static int warn_trng_start_wrong_value(struct trng_priv *trng)
{
	int rc;

	if (!trng->base)
		return 0;
	rc = pm_runtime_get_sync(trng->dev);
	if (rc < 0) {
		pm_runtime_put_noidle(trng->dev);
		return rc;
	}
	writel(1, trng->base + TRNG_CTRL);
	pm_runtime_put(trng->dev);
	return (rc == -EACCES ? 0 : rc);
}

static int warn_trng_start_after_test(struct trng_priv *trng)
{
	int rc = pm_runtime_get_sync(trng->dev);

	if (rc == -EACCES)
		return 0;
	if (rc < 0) {
		pm_runtime_put_noidle(trng->dev);
		return rc;
	}
	writel(1, trng->base + TRNG_CTRL);
	pm_runtime_put(trng->dev);
	return rc;
}

int trng_start(struct trng_priv *trng)
{
	return good_trng_pm_get_ternary(trng->dev) ||
	       good_trng_start_test(trng) ||
	       warn_trng_start_wrong_value(trng) ||
	       warn_trng_start_after_test(trng);
}

/*
 * check-name: a get_sync result returned after its 1 was mapped to 0 or with its reference
 * check-output-ignore-notes
 *
 * check-output-start
get-sync-return-one-mapped.c:68:2: warning: 'warn_trng_start_wrong_value' returns the result of 'pm_runtime_get_sync', which is 1 when the device was already active [-Wrpm-get-sync-ret]
get-sync-return-one-mapped.c:83:2: warning: 'warn_trng_start_after_test' returns the result of 'pm_runtime_get_sync', which is 1 when the device was already active [-Wrpm-get-sync-ret]
 * check-output-end
 */
