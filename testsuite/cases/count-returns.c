// SPDX-License-Identifier: GPL-2.0
/*
 * "if (ret) goto out; ... out: return ret;" returns an error code only
 * when ret is what a call returned; a byte count computed by the
 * function ("return copied;") is a success, even when known non-zero.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/pm_runtime.h>

int hw_copy(struct device *dev, char *buf);
int hw_setup(struct device *dev);

static int good_read_returns_count(struct device *dev, char *buf)
{
	int copied = 0;

	if (pm_runtime_resume_and_get(dev) < 0)
		return -EIO;
	copied += hw_copy(dev, buf);
	if (copied)
		return copied;	/* handed to the completion work */
	pm_runtime_put(dev);
	return 0;
}

static int warn_setup_error_code(struct device *dev)
{
	int ret;

	if (pm_runtime_resume_and_get(dev) < 0)
		return -EIO;
	ret = hw_setup(dev);
	if (ret)
		goto out;
	pm_runtime_put(dev);
out:
	return ret;
}

/*
 * check-name: non-zero call results are errors, computed counts are not
 * check-output-ignore-notes
 *
 * check-output-start
count-returns.c:38:2: warning: 'warn_setup_error_code' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]
 * check-output-end
 */
