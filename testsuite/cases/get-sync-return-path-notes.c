// SPDX-License-Identifier: GPL-2.0
/*
 * A returned get_sync result is explained with the path from the call
 * to the return: the branches and gotos that carry the 1 there.  Slice
 * of a bus controller's transfer function whose "clock not running"
 * error path returns what pm_runtime_get_sync() returned.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct bus_ctrl {
	struct device *dev;
	bool clk_running;
	int (*xfer)(struct bus_ctrl *ctrl, u8 *buf, int len);
};

int warn_bus_do_transfer(struct bus_ctrl *ctrl, u8 *buf, int len)
{
	int ret;

	ret = pm_runtime_get_sync(ctrl->dev);
	if (!ctrl->clk_running) {
		dev_err(ctrl->dev, "clock not running\n");
		goto out_put;
	}

	ret = ctrl->xfer(ctrl, buf, len);
	if (ret < 0)
		goto out_put;
	ret = 0;

out_put:
	pm_runtime_put_autosuspend(ctrl->dev);
	return ret;
}

/*
 * check-name: the path from a get_sync call to the return of its result
 *
 * check-output-start
get-sync-return-path-notes.c:34:2: warning: 'warn_bus_do_transfer' returns the result of 'pm_runtime_get_sync', which is 1 when the device was already active [-Wrpm-get-sync-ret]
get-sync-return-path-notes.c:21:8: note: 'pm_runtime_get_sync' returns 1 here when the device is already active
get-sync-return-path-notes.c:22:13: note: taking the false branch of 'ctrl->clk_running'
get-sync-return-path-notes.c:24:3: note: jumping to 'out_put'
 * check-output-end
 */
