// SPDX-License-Identifier: GPL-2.0
/*
 * Tests against a specific error code are remembered: after
 * "if (status < 0 && status != -EINPROGRESS) put_noidle", a later
 * "status == -EINPROGRESS" is known.  pm_runtime_get()'s -EINPROGRESS
 * means the resume was queued and the reference is held: returning it is
 * not an error return.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/pm_runtime.h>

struct ex_intf {
	struct device dev;
	int mode;
};

static int good_async_get(struct ex_intf *intf)
{
	int status;

	status = pm_runtime_get(&intf->dev);
	if (status < 0 && status != -EINPROGRESS)
		pm_runtime_put_noidle(&intf->dev);
	if (status > 0 || status == -EINPROGRESS)
		status = 0;
	return status;
}

static int good_queued_is_held(struct ex_intf *intf)
{
	int ret;

	ret = pm_runtime_get(&intf->dev);
	if (ret < 0 && ret != -EINPROGRESS)
		pm_runtime_put_noidle(&intf->dev);
	return ret;
}

static int warn_mode_checked_after_get(struct ex_intf *intf)
{
	int ret;

	ret = pm_runtime_resume_and_get(&intf->dev);
	if (ret < 0)
		return ret;
	if (intf->mode == 3)
		return -EINVAL;
	intf->mode = 2;
	pm_runtime_put(&intf->dev);
	return 0;
}

/*
 * check-name: exact error codes tested with == and !=
 * check-output-ignore-notes
 *
 * check-output-start
exact-values.c:48:3: warning: 'warn_mode_checked_after_get' returns an error with the runtime PM usage count of '&intf->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
