// SPDX-License-Identifier: GPL-2.0
/*
 * A function of the file whose every return is "return 0;" cannot fail:
 * the error branch after a call to it is not taken, so what that branch
 * would leak is not reported.  A helper that can return an error still
 * counts.  Slice of an Ethernet switch driver's open/stop pair.
 */
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct sw_common {
	struct device *dev;
	int usage_count;
	void __iomem *base;
};

static int sw_common_stop(struct sw_common *c)
{
	if (c->usage_count != 1)
		return 0;

	writel(0, c->base);
	return 0;
}

static int sw_slave_stop(struct sw_common *c)
{
	int ret;

	ret = sw_common_stop(c);
	if (ret)
		return ret;

	c->usage_count--;
	pm_runtime_put(c->dev);
	return 0;
}

int sw_phy_connect(struct sw_common *c);

static int good_slave_open(struct sw_common *c)
{
	int ret;

	ret = pm_runtime_resume_and_get(c->dev);
	if (ret < 0)
		return ret;
	c->usage_count++;

	ret = sw_phy_connect(c);
	if (ret)
		goto error_cleanup;

	return 0;

error_cleanup:
	sw_slave_stop(c);
	return ret;
}

static int sw_common_stop_checked(struct sw_common *c)
{
	if (c->usage_count != 1)
		return 0;
	if (!c->base)
		return -ENODEV;

	writel(0, c->base);
	return 0;
}

static int sw_slave_stop_checked(struct sw_common *c)
{
	int ret;

	ret = sw_common_stop_checked(c);
	if (ret)
		return ret;

	c->usage_count--;
	pm_runtime_put(c->dev);
	return 0;
}

static int warn_slave_open_checked(struct sw_common *c)
{
	int ret;

	ret = pm_runtime_resume_and_get(c->dev);
	if (ret < 0)
		return ret;
	c->usage_count++;

	ret = sw_phy_connect(c);
	if (ret)
		goto error_cleanup;

	return 0;

error_cleanup:
	sw_slave_stop_checked(c);
	return ret;
}
/*
 * check-name: a helper whose every return is 0 cannot fail
 * check-output-ignore-notes
 *
 * check-output-start
helper-returns-only-zero.c:103:2: warning: 'warn_slave_open_checked' returns an error with the runtime PM usage count of 'c->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
