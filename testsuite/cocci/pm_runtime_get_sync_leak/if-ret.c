// SPDX-License-Identifier: GPL-2.0
/*
 * if (ret) after pm_runtime_get_sync() is also true for 1 ("already
 * active"): the branch is not only the error path, and what to do about
 * that is the business of rpmcheck's get-sync-ret rule, not of this
 * semantic patch.  Nothing is changed and nothing is reported.  Slice of
 * a platform ADC driver.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define ADC_REG_DATA		0x20

struct adc_priv {
	struct device *dev;
	void __iomem *base;
};

static int warn_adc_read(struct adc_priv *adc, u32 *val)
{
	int ret;

	ret = pm_runtime_get_sync(adc->dev);
	if (ret)
		return ret;

	*val = readl(adc->base + ADC_REG_DATA);
	pm_runtime_put(adc->dev);
	return 0;
}

static int warn_adc_read_raw(struct adc_priv *adc, u32 *val)
{
	int ret;

	ret = pm_runtime_get_sync(adc->dev);
	if (ret) {
		dev_err(adc->dev, "cannot resume: %d\n", ret);
		goto out;
	}

	*val = readl(adc->base + ADC_REG_DATA);
	pm_runtime_put(adc->dev);
out:
	return ret;
}
