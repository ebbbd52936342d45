// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_sync() in a loop over the channels of a DMA controller.
 * Returning from the loop on a failure is fixed like anywhere else (the
 * conversion when the result is overwritten before the next read, the
 * put_noidle when it is added up); a break leads to code after the loop
 * that this semantic patch does not follow, so it is left alone.
 */
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define DMA_NR_CHANS		4
#define DMA_CH_CTRL		0x00
#define DMA_CH_CTRL_RESET	0x01

struct dma_chan_hw {
	struct device *dev;
	void __iomem *regs;
};

struct dma_ctrl {
	struct dma_chan_hw chans[DMA_NR_CHANS];
	int nr_chans;
};

static int warn_reset_channels(struct dma_ctrl *dc)
{
	int i, ret;

	for (i = 0; i < dc->nr_chans; i++) {
		struct dma_chan_hw *ch = &dc->chans[i];

		ret = pm_runtime_get_sync(ch->dev);
		if (ret < 0)
			return ret;

		writel(DMA_CH_CTRL_RESET, ch->regs + DMA_CH_CTRL);
		pm_runtime_put(ch->dev);
	}

	return 0;
}

static int warn_count_active(struct dma_ctrl *dc)
{
	int i, ret, active = 0;

	for (i = 0; i < dc->nr_chans; i++) {
		ret = pm_runtime_get_sync(dc->chans[i].dev);
		if (ret < 0) {
			dev_err(dc->chans[i].dev, "resume failed: %d\n", ret);
			return ret;
		}

		active += ret;
		pm_runtime_put(dc->chans[i].dev);
	}

	return active;
}

static int warn_reset_until_error(struct dma_ctrl *dc)
{
	int i, ret = 0;

	for (i = 0; i < dc->nr_chans; i++) {
		ret = pm_runtime_get_sync(dc->chans[i].dev);
		if (ret < 0)
			break;

		writel(DMA_CH_CTRL_RESET, dc->chans[i].regs + DMA_CH_CTRL);
		pm_runtime_put(dc->chans[i].dev);
	}

	return ret < 0 ? ret : 0;
}
