// SPDX-License-Identifier: GPL-2.0
/*
 * Scope-based runtime PM (Linux 6.18+): guard(pm_runtime_active) and
 * scoped_guard() put at every scope exit, ACQUIRE(pm_runtime_active_try)
 * holds a reference only when ACQUIRE_ERR() is 0, and a variable with
 * __attribute__((cleanup(fn))) runs a file-local put helper.  None of
 * these leak; a manual put after a failed ACQUIRE underflows, and a
 * manual get next to a guard still leaks.  Slice of a platform ADC
 * driver.
 */
#include <linux/platform_device.h>
#include <linux/mutex.h>
#include <linux/io.h>
#include <linux/cleanup.h>
#include <linux/pm_runtime.h>

#define ADC_CTRL		0x00
#define ADC_CTRL_START		BIT(0)
#define ADC_STATUS		0x04
#define ADC_STATUS_DONE		BIT(0)
#define ADC_DATA(ch)		(0x10 + (ch) * 4)
#define ADC_NR_CHANNELS		8

struct adc_priv {
	struct device *dev;
	void __iomem *base;
	struct mutex lock;
	u32 cache[ADC_NR_CHANNELS];
};

static int good_guard_read(struct adc_priv *adc, unsigned int ch, u32 *val)
{
	if (ch >= ADC_NR_CHANNELS)
		return -EINVAL;

	guard(pm_runtime_active)(adc->dev);

	writel(ADC_CTRL_START, adc->base + ADC_CTRL);
	if (!(readl(adc->base + ADC_STATUS) & ADC_STATUS_DONE))
		return -ETIMEDOUT;

	*val = readl(adc->base + ADC_DATA(ch));
	return 0;
}

static int good_guard_autosuspend(struct adc_priv *adc)
{
	guard(mutex)(&adc->lock);
	guard(pm_runtime_active_auto)(adc->dev);

	if (readl(adc->base + ADC_STATUS) & ADC_STATUS_DONE)
		return -EBUSY;

	writel(ADC_CTRL_START, adc->base + ADC_CTRL);
	return 0;
}

static void good_scoped_guard(struct adc_priv *adc)
{
	unsigned int ch;

	for (ch = 0; ch < ADC_NR_CHANNELS; ch++) {
		scoped_guard(pm_runtime_active, adc->dev) {
			if (!(readl(adc->base + ADC_STATUS) & ADC_STATUS_DONE))
				continue;
			adc->cache[ch] = readl(adc->base + ADC_DATA(ch));
		}
	}
}

static int good_acquire_try(struct adc_priv *adc, u32 *val)
{
	int ret;

	ACQUIRE(pm_runtime_active_try, pm)(adc->dev);
	ret = ACQUIRE_ERR(pm_runtime_active_try, &pm);
	if (ret)
		return ret;

	*val = readl(adc->base + ADC_DATA(0));
	return 0;
}

static int good_pm_runtime_acquire(struct adc_priv *adc)
{
	PM_RUNTIME_ACQUIRE_AUTOSUSPEND(adc->dev, pm);
	if (PM_RUNTIME_ACQUIRE_ERR(&pm))
		return -ENXIO;

	writel(ADC_CTRL_START, adc->base + ADC_CTRL);
	return 0;
}

static int good_acquire_try_enabled(struct adc_priv *adc)
{
	int ret;

	PM_RUNTIME_ACQUIRE_IF_ENABLED(adc->dev, pm);
	ret = PM_RUNTIME_ACQUIRE_ERR(&pm);
	if (ret < 0)
		return ret;

	writel(0, adc->base + ADC_CTRL);
	return 0;
}

static void good_noresume_guard(struct platform_device *pdev)
{
	struct adc_priv *adc = platform_get_drvdata(pdev);

	guard(pm_runtime_noresume)(&pdev->dev);
	writel(0, adc->base + ADC_CTRL);
}

static int warn_acquire_then_put(struct adc_priv *adc)
{
	int ret;

	ACQUIRE(pm_runtime_active_try, pm)(adc->dev);
	ret = ACQUIRE_ERR(pm_runtime_active_try, &pm);
	if (ret) {
		pm_runtime_put_noidle(adc->dev);
		return ret;
	}

	writel(ADC_CTRL_START, adc->base + ADC_CTRL);
	return 0;
}

static int warn_get_beside_guard(struct adc_priv *adc, u32 *val)
{
	int ret;

	guard(mutex)(&adc->lock);

	ret = pm_runtime_get_sync(adc->dev);
	if (ret < 0)
		return ret;

	*val = readl(adc->base + ADC_DATA(0));
	pm_runtime_put(adc->dev);
	return 0;
}

/* The cleanup handler of an "rpm_held" variable. */
static void adc_rpm_release(struct device **dev)
{
	pm_runtime_put_autosuspend(*dev);
}

static int good_cleanup_attribute(struct adc_priv *adc, unsigned int ch, u32 *val)
{
	int ret;

	if (ch >= ADC_NR_CHANNELS)
		return -EINVAL;

	ret = pm_runtime_resume_and_get(adc->dev);
	if (ret < 0)
		return ret;

	struct device *rpm_held __attribute__((cleanup(adc_rpm_release))) = adc->dev;

	writel(ADC_CTRL_START, adc->base + ADC_CTRL);
	if (!(readl(adc->base + ADC_STATUS) & ADC_STATUS_DONE))
		return -ETIMEDOUT;

	*val = readl(adc->base + ADC_DATA(ch));
	return 0;
}
/*
 * check-name: cleanup guards and cleanup attributes put at scope exit
 * check-output-ignore-notes
 *
 * check-output-start
cleanup-guards.c:122:3: warning: 'warn_acquire_then_put' drops a runtime PM usage count of 'adc->dev' that it does not hold [-Wrpm-underflow]
cleanup-guards.c:138:3: warning: 'warn_get_beside_guard' returns an error with the runtime PM usage count of 'adc->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
