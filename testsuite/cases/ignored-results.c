// SPDX-License-Identifier: GPL-2.0
/*
 * A static helper whose every caller ignores its result has no error
 * return: the caller carries on as if it succeeded and its disable path
 * drops the reference.  When a caller checks the result, the helper's
 * error return that keeps the reference is a leak.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct tmr_chan {
	struct device *dev;
	void __iomem *base;
};

int tmr_clk_enable(struct tmr_chan *ch);

static int good_enable_result_ignored(struct tmr_chan *ch)
{
	int ret;

	pm_runtime_get_sync(ch->dev);
	ret = tmr_clk_enable(ch);
	if (ret)
		return ret;
	writel(1, ch->base);
	return 0;
}

static void tmr_set_periodic(struct tmr_chan *ch)
{
	good_enable_result_ignored(ch);
}

static int warn_enable_result_checked(struct tmr_chan *ch)
{
	int ret;

	pm_runtime_get_sync(ch->dev);
	ret = tmr_clk_enable(ch);
	if (ret)
		return ret;
	writel(1, ch->base);
	return 0;
}

static int tmr_start(struct tmr_chan *ch)
{
	return warn_enable_result_checked(ch);
}

/*
 * check-name: a helper whose callers ignore its result
 * check-output-ignore-notes
 *
 * check-output-start
ignored-results.c:44:3: warning: 'warn_enable_result_checked' returns an error with the runtime PM usage count of 'ch->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
