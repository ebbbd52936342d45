// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_put_after_failed_resume.cocci: puts on the failure path that
 * are right: an unwinding loop dropping the references of earlier
 * iterations, and the put of another device resumed before.  Slice of a
 * multi-PHY USB controller driver.
 *
 * good_*: correct code, left alone.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define USB_NUM_PHYS		4
#define USB_CTRL		0x00
#define USB_CTRL_RUN		BIT(0)

struct usb_ctrl {
	struct device *dev;
	struct device *phys[USB_NUM_PHYS];
	void __iomem *base;
};

static int good_power_up_phys(struct usb_ctrl *uc)
{
	int i, ret;

	for (i = 0; i < USB_NUM_PHYS; i++) {
		ret = pm_runtime_resume_and_get(uc->phys[i]);
		if (ret < 0)
			goto err_unwind;
	}

	return 0;

err_unwind:
	while (--i >= 0)
		pm_runtime_put(uc->phys[i]);
	return ret;
}

static int good_start(struct usb_ctrl *uc)
{
	int ret;

	ret = pm_runtime_resume_and_get(uc->phys[0]);
	if (ret < 0)
		return ret;

	ret = pm_runtime_resume_and_get(uc->dev);
	if (ret < 0)
		goto err_phy;

	writel(USB_CTRL_RUN, uc->base + USB_CTRL);
	return 0;

err_phy:
	pm_runtime_put(uc->phys[0]);
	return ret;
}
