// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that fails still holding its get_sync() reference, whose
 * caller drops it on that failure (jumping to its own put), keeps the
 * reference for the caller: the helper is not reported.  A helper whose
 * callers do not drop it is.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct adc_chip {
	struct device *dev;
	void __iomem *base;
};

static int good_adc_prepare(struct adc_chip *adc)
{
	int ret;

	ret = pm_runtime_get_sync(adc->dev);
	if (ret < 0)
		return ret;
	writel(1, adc->base);
	return 0;
}

static int adc_read(struct adc_chip *adc, u32 *val)
{
	int ret;

	ret = good_adc_prepare(adc);
	if (ret)
		goto err;
	*val = readl(adc->base);
err:
	pm_runtime_put(adc->dev);
	return ret;
}

static int warn_adc_prepare_leaks(struct adc_chip *adc)
{
	int ret;

	ret = pm_runtime_get_sync(adc->dev);
	if (ret < 0)
		return ret;
	writel(2, adc->base);
	return 0;
}

static int adc_calibrate(struct adc_chip *adc)
{
	int ret;

	ret = warn_adc_prepare_leaks(adc);
	if (ret)
		return ret;
	writel(3, adc->base);
	pm_runtime_put(adc->dev);
	return 0;
}

/*
 * check-name: a caller that drops the reference its failed helper kept
 * check-output-ignore-notes
 *
 * check-output-start
caller-drops-helper-reference.c:48:3: warning: 'warn_adc_prepare_leaks' returns an error with the runtime PM usage count of 'adc->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
