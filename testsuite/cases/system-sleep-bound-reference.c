// SPDX-License-Identifier: GPL-2.0
/*
 * A driver that holds one runtime PM reference while bound: probe takes
 * it, ->suspend drops it and ->resume takes it back.  ->resume keeps it
 * when it then fails, as on success: the next ->suspend drops it, and
 * dropping it here would make that put underflow.  The same error
 * return from a function that drops its reference on success is a
 * leak, and so is one from a ->resume that drops it on success.  Slice
 * of a hardware RNG driver.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/io.h>

#define TRNG_CTRL	0x20

struct trng_priv {
	struct device *dev;
	void __iomem *base;
	bool needs_fw_init;
};

int trng_fw_init(struct trng_priv *trng);

static int trng_suspend(struct device *dev)
{
	pm_runtime_put_sync(dev);
	return 0;
}

static int good_trng_resume(struct device *dev)
{
	struct trng_priv *trng = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;
	if (trng->needs_fw_init && trng_fw_init(trng))
		return -EIO;
	writel(1, trng->base + TRNG_CTRL);
	return 0;
}

static int warn_trng_restore(struct device *dev)
{
	struct trng_priv *trng = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;
	if (trng_fw_init(trng))
		return -EIO;
	writel(1, trng->base + TRNG_CTRL);
	pm_runtime_put(dev);
	return 0;
}

static int warn_trng_selftest(struct trng_priv *trng)
{
	int ret;

	ret = pm_runtime_resume_and_get(trng->dev);
	if (ret < 0)
		return ret;
	if (trng_fw_init(trng))
		return -EIO;
	return 0;
}

static const struct dev_pm_ops trng_pm_ops = {
	.suspend = trng_suspend,
	.resume = good_trng_resume,
	.restore = warn_trng_restore,
};

int trng_test(struct trng_priv *trng)
{
	return warn_trng_selftest(trng);
}
/*
 * check-name: a system sleep callback holding the bound reference
 *
 * check-output-start
system-sleep-bound-reference.c:54:3: warning: 'warn_trng_restore' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]
system-sleep-bound-reference.c:50:8: note: 'pm_runtime_resume_and_get' raises the usage count here
system-sleep-bound-reference.c:51:6: note: taking the false branch of 'ret < 0'
system-sleep-bound-reference.c:53:6: note: taking the true branch of 'trng_fw_init(trng)'
system-sleep-bound-reference.c:68:3: warning: 'warn_trng_selftest' returns an error with the runtime PM usage count of 'trng->dev' still raised [-Wrpm-leak]
system-sleep-bound-reference.c:64:8: note: 'pm_runtime_resume_and_get' raises the usage count here
system-sleep-bound-reference.c:65:6: note: taking the false branch of 'ret < 0'
system-sleep-bound-reference.c:67:6: note: taking the true branch of 'trng_fw_init(trng)'
 * check-output-end
 */
