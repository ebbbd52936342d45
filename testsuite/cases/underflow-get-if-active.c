// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_if_active() and pm_runtime_get_if_in_use() take a
 * reference only when they return a positive value: a put on the path
 * where they returned 0 (or -EINVAL) drops a count that was never taken.
 * Slice of a platform watchdog/timer block driver.
 */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define WDT_CNT		0x00
#define WDT_CTRL	0x04
#define WDT_IRQ_STATUS	0x08
#define WDT_CTRL_EN	BIT(0)

struct wdt_priv {
	struct device *dev;
	void __iomem *base;
	u32 last_count;
};

static u32 warn_read_counter(struct wdt_priv *wdt)
{
	u32 count = wdt->last_count;

	if (!pm_runtime_get_if_active(wdt->dev))
		goto out;

	count = readl(wdt->base + WDT_CNT);
	wdt->last_count = count;
out:
	pm_runtime_put(wdt->dev);
	return count;
}

static u32 good_read_counter(struct wdt_priv *wdt)
{
	u32 count = wdt->last_count;

	if (pm_runtime_get_if_active(wdt->dev) <= 0)
		return count;

	count = readl(wdt->base + WDT_CNT);
	wdt->last_count = count;
	pm_runtime_put(wdt->dev);
	return count;
}

static void warn_stop_if_running(struct wdt_priv *wdt)
{
	if (pm_runtime_get_if_in_use(wdt->dev) <= 0)
		goto out;

	writel(0, wdt->base + WDT_CTRL);
out:
	pm_runtime_put_autosuspend(wdt->dev);
}

static void good_stop_if_running(struct wdt_priv *wdt)
{
	if (pm_runtime_get_if_in_use(wdt->dev) > 0) {
		writel(0, wdt->base + WDT_CTRL);
		pm_runtime_put_autosuspend(wdt->dev);
	}
}

static irqreturn_t good_wdt_irq(int irq, void *dev_id)
{
	struct wdt_priv *wdt = dev_id;
	u32 status;
	int ret;

	ret = pm_runtime_get_if_active(wdt->dev);
	if (ret <= 0)
		return IRQ_NONE;

	status = readl(wdt->base + WDT_IRQ_STATUS);
	writel(status, wdt->base + WDT_IRQ_STATUS);
	pm_runtime_put(wdt->dev);
	return status ? IRQ_HANDLED : IRQ_NONE;
}

static irqreturn_t warn_wdt_irq(int irq, void *dev_id)
{
	struct wdt_priv *wdt = dev_id;
	u32 status;
	int ret;

	ret = pm_runtime_get_if_active(wdt->dev);
	if (ret <= 0) {
		pm_runtime_put_noidle(wdt->dev);
		return IRQ_NONE;
	}

	status = readl(wdt->base + WDT_IRQ_STATUS);
	writel(status, wdt->base + WDT_IRQ_STATUS);
	pm_runtime_put(wdt->dev);
	return IRQ_HANDLED;
}

static int good_ping(struct wdt_priv *wdt)
{
	int active = pm_runtime_get_if_active(wdt->dev);

	if (active > 0) {
		writel(WDT_CTRL_EN, wdt->base + WDT_CTRL);
		pm_runtime_put(wdt->dev);
	}

	return active < 0 ? active : 0;
}
/*
 * The V4L2 idiom: a negative return (runtime PM disabled, only around
 * probe, remove and system sleep) is let through.  Not reported.
 */
static int good_set_ctrl_if_in_use(struct wdt_priv *wdt, u32 val)
{
	if (!pm_runtime_get_if_in_use(wdt->dev))
		return 0;
	writel(val, wdt->base);
	pm_runtime_put(wdt->dev);
	return 0;
}

/*
 * check-name: a put after get_if_active/get_if_in_use returned 0 underflows
 * check-output-ignore-notes
 *
 * check-output-start
underflow-get-if-active.c:34:2: warning: 'warn_read_counter' drops a runtime PM usage count of 'wdt->dev' that it does not hold [-Wrpm-underflow]
underflow-get-if-active.c:58:2: warning: 'warn_stop_if_running' drops a runtime PM usage count of 'wdt->dev' that it does not hold [-Wrpm-underflow]
underflow-get-if-active.c:93:3: warning: 'warn_wdt_irq' drops a runtime PM usage count of 'wdt->dev' that it does not hold [-Wrpm-underflow]
 * check-output-end
 */
