// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_put_after_failed_resume.cocci: the put after the failed
 * pm_runtime_resume_and_get() names the device another way (through the
 * channel rather than the controller): probably the same device, but
 * that is not certain from the text, so it is reported, not removed.
 * Slice of a DMA controller driver.
 *
 * keep_*: left alone by the semantic patch (reported); rpmcheck, which
 * does not tell devices apart, warns.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define TDMA_CH_CTRL		0x00

struct tdma_dev {
	struct device *dev;
	void __iomem *base;
};

struct tdma_chan {
	struct tdma_dev *tdev;
	unsigned int id;
};

struct tdma_ctrl {
	struct tdma_dev ddev;
	struct tdma_chan chan[4];
};

static int keep_alloc_chan_resources(struct tdma_ctrl *tc, struct tdma_chan *chan)
{
	int ret;

	ret = pm_runtime_resume_and_get(tc->ddev.dev);
	if (ret < 0) {
		pm_runtime_put_noidle(chan->tdev->dev);
		return ret;
	}

	writel(0, tc->ddev.base + TDMA_CH_CTRL);
	pm_runtime_put(tc->ddev.dev);
	return 0;
}
