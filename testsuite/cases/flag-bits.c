// SPDX-License-Identifier: GPL-2.0
/*
 * A mask test of the same flag bit gives the same answer until the flag
 * is written: "if (flags & HOST_NOTIFY) get ... if (flags & HOST_NOTIFY)
 * put" balances, and "flags |= PM_BLOCKED" instead of a put is
 * remembered for the later test.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/pm_runtime.h>

#define CL_HOST_NOTIFY	0x4
#define CL_WAKE		0x8
#define CL_PM_BLOCKED	0x10

struct cl_dev {
	unsigned int flags;
	struct device dev;
	struct device *adapter;
};

int cl_setup_irq(struct cl_dev *c);
bool cl_multi_master(struct cl_dev *c);

static int good_same_bit_tested_twice(struct cl_dev *c)
{
	int status;

	if (c->flags & CL_HOST_NOTIFY)
		pm_runtime_get_sync(c->adapter);
	c->flags |= CL_WAKE;
	status = cl_setup_irq(c);
	if (status)
		goto put_adapter;
	return 0;

put_adapter:
	if (c->flags & CL_HOST_NOTIFY)
		pm_runtime_put_sync(c->adapter);
	return status;
}

static int good_bit_set_instead_of_put(struct cl_dev *c)
{
	int ret;

	pm_runtime_get_sync(&c->dev);
	if (cl_multi_master(c))
		c->flags |= CL_PM_BLOCKED;
	else
		pm_runtime_put(&c->dev);
	ret = cl_setup_irq(c);
	if (ret < 0)
		goto out_pm_put;
	return 0;

out_pm_put:
	if (c->flags & CL_PM_BLOCKED)
		pm_runtime_put(&c->dev);
	return ret;
}

static int warn_bit_cleared_before_put(struct cl_dev *c)
{
	int ret;

	if (c->flags & CL_HOST_NOTIFY)
		pm_runtime_get_sync(c->adapter);
	c->flags &= ~CL_HOST_NOTIFY;
	ret = cl_setup_irq(c);
	if (c->flags & CL_HOST_NOTIFY)
		pm_runtime_put_sync(c->adapter);
	return ret < 0 ? ret : 0;
}

/*
 * check-name: flag bits tested twice agree until written
 * check-output-ignore-notes
 *
 * check-output-start
flag-bits.c:73:2: warning: 'warn_bit_cleared_before_put' returns an error with the runtime PM usage count of 'c->adapter' still raised [-Wrpm-leak]
 * check-output-end
 */
