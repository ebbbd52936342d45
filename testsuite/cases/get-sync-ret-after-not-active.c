// SPDX-License-Identifier: GPL-2.0
/*
 * "if (!pm_runtime_active(dev))" (or "if (pm_runtime_suspended(dev))")
 * finds the device enabled and not active: pm_runtime_get_sync() there
 * does not return the "already active" 1 (only a concurrent resume
 * could), so "if (ret)" after it is a deliberate test.  The same test
 * after a query of another device, or after finding the device active,
 * still treats the 1 as a failure.  Slice of a display controller's CRTC
 * mode setting.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct lcdc {
	struct device *dev;
	struct device *bridge;
	int mode;
};

static void good_crtc_mode_set(struct lcdc *lcdc, int mode)
{
	int ret;

	if (!pm_runtime_active(lcdc->dev)) {
		ret = pm_runtime_get_sync(lcdc->dev);
		if (ret) {
			dev_err(lcdc->dev, "cannot resume\n");
			pm_runtime_put_noidle(lcdc->dev);
			return;
		}
	}
	lcdc->mode = mode;
}

static void good_crtc_enable(struct lcdc *lcdc)
{
	int ret;

	if (pm_runtime_suspended(lcdc->dev)) {
		ret = pm_runtime_get_sync(lcdc->dev);
		if (ret) {
			pm_runtime_put_noidle(lcdc->dev);
			return;
		}
	}
	lcdc->mode = 1;
}

static void warn_crtc_mode_set_other_device(struct lcdc *lcdc, int mode)
{
	int ret;

	if (!pm_runtime_active(lcdc->bridge)) {
		ret = pm_runtime_get_sync(lcdc->dev);
		if (ret) {
			pm_runtime_put_noidle(lcdc->dev);
			return;
		}
	}
	lcdc->mode = mode;
}

static void warn_crtc_mode_set_active(struct lcdc *lcdc, int mode)
{
	int ret;

	if (pm_runtime_active(lcdc->dev)) {
		ret = pm_runtime_get_sync(lcdc->dev);
		if (ret) {
			pm_runtime_put_noidle(lcdc->dev);
			return;
		}
	}
	lcdc->mode = mode;
}

void lcdc_set(struct lcdc *lcdc, int mode)
{
	good_crtc_mode_set(lcdc, mode);
	good_crtc_enable(lcdc);
	warn_crtc_mode_set_other_device(lcdc, mode);
	warn_crtc_mode_set_active(lcdc, mode);
}

/*
 * check-name: an "if (ret)" after get_sync on a device found not active
 * check-output-ignore-notes
 *
 * check-output-start
get-sync-ret-after-not-active.c:55:7: warning: 'warn_crtc_mode_set_other_device' treats a positive return of 'pm_runtime_get_sync' (device already active) as an error [-Wrpm-get-sync-ret]
get-sync-ret-after-not-active.c:69:7: warning: 'warn_crtc_mode_set_active' treats a positive return of 'pm_runtime_get_sync' (device already active) as an error [-Wrpm-get-sync-ret]
 * check-output-end
 */
