// SPDX-License-Identifier: GPL-2.0
/*
 * Error returns from inside loops and switch arms leak the count taken
 * before them; loops that get and put once per iteration, and switches
 * with fallthrough, break and continue, are balanced.  Slice of a
 * platform DMA controller driver.
 */
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define XDMA_NR_CHANNELS	8
#define XDMA_CH_CFG(n)		(0x100 + (n) * 0x40)
#define XDMA_CH_STATUS(n)	(0x104 + (n) * 0x40)
#define XDMA_CH_STATUS_BUSY	BIT(0)
#define XDMA_CH_STATUS_ERR	BIT(1)
#define XDMA_GLOBAL_MODE	0x000

enum xdma_mode {
	XDMA_MODE_MEM2MEM,
	XDMA_MODE_MEM2DEV,
	XDMA_MODE_DEV2MEM,
	XDMA_MODE_CYCLIC,
};

struct xdma_chan {
	bool enabled;
	u32 cfg;
};

struct xdma_device {
	struct device *dev;
	struct regmap *regmap;
	struct xdma_chan chan[XDMA_NR_CHANNELS];
};

static int warn_load_channel_table(struct xdma_device *xd)
{
	int ret, i;

	ret = pm_runtime_resume_and_get(xd->dev);
	if (ret < 0)
		return ret;

	for (i = 0; i < XDMA_NR_CHANNELS; i++) {
		ret = regmap_write(xd->regmap, XDMA_CH_CFG(i), xd->chan[i].cfg);
		if (ret < 0)
			return ret;
	}

	pm_runtime_put(xd->dev);
	return 0;
}

static int warn_set_mode(struct xdma_device *xd, enum xdma_mode mode)
{
	unsigned int val;
	int ret;

	ret = pm_runtime_resume_and_get(xd->dev);
	if (ret < 0)
		return ret;

	switch (mode) {
	case XDMA_MODE_MEM2MEM:
		val = 0;
		break;
	case XDMA_MODE_MEM2DEV:
	case XDMA_MODE_DEV2MEM:
		val = 1;
		break;
	default:
		dev_err(xd->dev, "unsupported mode %d\n", mode);
		return -EINVAL;
	}

	ret = regmap_write(xd->regmap, XDMA_GLOBAL_MODE, val);
	pm_runtime_put(xd->dev);
	return ret;
}

static int good_set_mode(struct xdma_device *xd, enum xdma_mode mode)
{
	unsigned int val = 0;
	int ret;

	ret = pm_runtime_resume_and_get(xd->dev);
	if (ret < 0)
		return ret;

	switch (mode) {
	case XDMA_MODE_CYCLIC:
		val |= BIT(4);
		fallthrough;
	case XDMA_MODE_DEV2MEM:
	case XDMA_MODE_MEM2DEV:
		val |= 1;
		break;
	case XDMA_MODE_MEM2MEM:
		break;
	default:
		ret = -EINVAL;
		goto out_put;
	}

	ret = regmap_write(xd->regmap, XDMA_GLOBAL_MODE, val);
out_put:
	pm_runtime_put(xd->dev);
	return ret;
}

static int good_poll_channels(struct xdma_device *xd, unsigned int *busy)
{
	unsigned int status;
	int ret = 0, i;

	*busy = 0;
	for (i = 0; i < XDMA_NR_CHANNELS; i++) {
		if (!xd->chan[i].enabled)
			continue;

		ret = pm_runtime_resume_and_get(xd->dev);
		if (ret < 0)
			break;

		ret = regmap_read(xd->regmap, XDMA_CH_STATUS(i), &status);
		pm_runtime_put(xd->dev);
		if (ret < 0)
			break;
		if (status & XDMA_CH_STATUS_ERR)
			continue;
		if (status & XDMA_CH_STATUS_BUSY)
			*busy |= BIT(i);
	}

	return ret;
}

static void good_drain_channels(struct xdma_device *xd)
{
	unsigned int status = XDMA_CH_STATUS_BUSY;
	int i = 0;

	while (i < XDMA_NR_CHANNELS) {
		if (pm_runtime_get_sync(xd->dev) < 0) {
			pm_runtime_put_noidle(xd->dev);
			return;
		}
		regmap_read(xd->regmap, XDMA_CH_STATUS(i), &status);
		pm_runtime_put(xd->dev);
		if (status & XDMA_CH_STATUS_BUSY)
			continue;
		i++;
	}
}

static int good_retry_resume(struct xdma_device *xd)
{
	int ret, tries = 3;

	do {
		ret = pm_runtime_resume_and_get(xd->dev);
		if (ret == -EAGAIN)
			continue;
		if (ret < 0)
			return ret;

		ret = regmap_write(xd->regmap, XDMA_GLOBAL_MODE, 0);
		pm_runtime_put(xd->dev);
	} while (ret == -EAGAIN && --tries);

	return ret;
}

static int warn_reset_channels(struct xdma_device *xd)
{
	int ret, i = 0;

	ret = pm_runtime_get_sync(xd->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(xd->dev);
		return ret;
	}

	do {
		ret = regmap_write(xd->regmap, XDMA_CH_CFG(i), 0);
		if (ret < 0) {
			dev_err(xd->dev, "channel %d reset failed\n", i);
			return -EIO;
		}
	} while (++i < XDMA_NR_CHANNELS);

	pm_runtime_put_sync(xd->dev);
	return 0;
}
/*
 * check-name: error returns inside loops and switch arms leak
 * check-output-ignore-notes
 *
 * check-output-start
leak-in-loops-and-switches.c:48:4: warning: 'warn_load_channel_table' returns an error with the runtime PM usage count of 'xd->dev' still raised [-Wrpm-leak]
leak-in-loops-and-switches.c:74:3: warning: 'warn_set_mode' returns an error with the runtime PM usage count of 'xd->dev' still raised [-Wrpm-leak]
leak-in-loops-and-switches.c:189:4: warning: 'warn_reset_channels' returns an error with the runtime PM usage count of 'xd->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
