// SPDX-License-Identifier: GPL-2.0
/*
 * One get, two puts: a put in an error branch followed by the put at the
 * label it jumps to drops the count twice.  Helpers that only put (the
 * caller took the reference) are not underflows.  Slice of a platform
 * display engine driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define DE_CTRL			0x00
#define DE_CTRL_ENABLE		BIT(0)
#define DE_LAYER_ADDR(n)	(0x40 + (n) * 8)
#define DE_NR_LAYERS		4

struct de_device {
	struct device *dev;
	void __iomem *regs;
	struct clk *pixclk;
	unsigned long rate;
};

static void de_pm_put(struct de_device *de)
{
	pm_runtime_mark_last_busy(de->dev);
	pm_runtime_put_autosuspend(de->dev);
}

static void good_release_layers(struct de_device *de, unsigned int mask)
{
	unsigned int i;

	for (i = 0; i < DE_NR_LAYERS; i++)
		if (mask & BIT(i))
			pm_runtime_put(de->dev);
}

static int warn_enable_output(struct de_device *de, unsigned long rate)
{
	int ret;

	ret = pm_runtime_resume_and_get(de->dev);
	if (ret < 0)
		return ret;

	ret = clk_set_rate(de->pixclk, rate);
	if (ret) {
		dev_err(de->dev, "cannot set pixel clock to %lu\n", rate);
		pm_runtime_put(de->dev);
		goto out;
	}

	writel(DE_CTRL_ENABLE, de->regs + DE_CTRL);
	de->rate = rate;
out:
	pm_runtime_put(de->dev);
	return ret;
}

static int good_enable_output(struct de_device *de, unsigned long rate)
{
	int ret;

	ret = pm_runtime_resume_and_get(de->dev);
	if (ret < 0)
		return ret;

	ret = clk_set_rate(de->pixclk, rate);
	if (ret) {
		dev_err(de->dev, "cannot set pixel clock to %lu\n", rate);
		goto out;
	}

	writel(DE_CTRL_ENABLE, de->regs + DE_CTRL);
	de->rate = rate;
out:
	pm_runtime_put(de->dev);
	return ret;
}

static int good_set_layer(struct de_device *de, unsigned int layer, u32 addr)
{
	int ret;

	if (layer >= DE_NR_LAYERS)
		return -EINVAL;

	ret = pm_runtime_resume_and_get(de->dev);
	if (ret)
		return ret;

	writel(addr, de->regs + DE_LAYER_ADDR(layer));
	de_pm_put(de);
	return 0;
}

/*
 * A put after the function's own get and put on every path may drop a
 * reference enable() kept (as a remove() drops probe's): rpmcheck does
 * not report straight-line second puts.
 */
static void good_disable_output_drops_enable_reference(struct de_device *de)
{
	pm_runtime_get_sync(de->dev);
	writel(0, de->regs + DE_CTRL);
	pm_runtime_put_sync(de->dev);
	clk_disable_unprepare(de->pixclk);
	de_pm_put(de);
}

static void good_disable_output(struct de_device *de)
{
	pm_runtime_get_sync(de->dev);
	writel(0, de->regs + DE_CTRL);
	clk_disable_unprepare(de->pixclk);
	de_pm_put(de);
}

static int good_two_references(struct de_device *de)
{
	int ret;

	ret = pm_runtime_resume_and_get(de->dev);
	if (ret)
		return ret;
	pm_runtime_get_noresume(de->dev);

	writel(DE_CTRL_ENABLE, de->regs + DE_CTRL);

	pm_runtime_put_noidle(de->dev);
	pm_runtime_put(de->dev);
	return 0;
}
/*
 * check-name: a second put of the same reference underflows
 * check-output-ignore-notes
 *
 * check-output-start
underflow-double-put.c:58:2: warning: 'warn_enable_output' drops a runtime PM usage count of 'de->dev' that it does not hold [-Wrpm-underflow]
 * check-output-end
 */
