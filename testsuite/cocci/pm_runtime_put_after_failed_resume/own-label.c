// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_put_after_failed_resume.cocci: the failed
 * pm_runtime_resume_and_get() jumps to a label of its own in a goto
 * ladder; only that path reaches the put under it, which goes.  Slice of
 * a platform ADC driver.
 *
 * warn_*: changed by the semantic patch.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define ADC_CTRL		0x00
#define ADC_CTRL_START		BIT(0)
#define ADC_DATA		0x04

struct adc_priv {
	struct device *dev;
	void __iomem *base;
	struct clk *ref_clk;
};

static int warn_read_channel(struct adc_priv *adc, int *val)
{
	int ret;

	ret = clk_prepare_enable(adc->ref_clk);
	if (ret)
		return ret;

	if (!adc->base) {
		ret = -ENODEV;
		goto err_clk;
	}

	ret = pm_runtime_resume_and_get(adc->dev);
	if (ret < 0) {
		dev_err(adc->dev, "resume failed: %d\n", ret);
		goto err_rpm;
	}

	writel(ADC_CTRL_START, adc->base + ADC_CTRL);
	*val = readl(adc->base + ADC_DATA);
	pm_runtime_mark_last_busy(adc->dev);
	pm_runtime_put_autosuspend(adc->dev);
	clk_disable_unprepare(adc->ref_clk);
	return 0;

err_rpm:
	pm_runtime_put_noidle(adc->dev);
err_clk:
	clk_disable_unprepare(adc->ref_clk);
	return ret;
}
