// SPDX-License-Identifier: GPL-2.0
/*
 * codec-demo: an on-SoC audio codec (DAC + ADC) behind an MMIO regmap.
 *
 * Written for rpmcheck as a sample: the register cache keeps the codec
 * settings while it is runtime suspended (clock off, regmap cache-only),
 * and regcache_sync() restores them on resume.  Four runtime PM bugs are
 * planted, each marked with a BUG comment.
 */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/regmap.h>
#include <linux/spinlock.h>

#define CODEC_CTRL		0x00
#define CODEC_CTRL_DAC_EN	BIT(0)
#define CODEC_CTRL_ADC_EN	BIT(1)
#define CODEC_CTRL_SOFT_RESET	BIT(31)
#define CODEC_RATE		0x04
#define CODEC_RATE_MASK		GENMASK(3, 0)
#define CODEC_DAC_VOL		0x08
#define CODEC_ADC_GAIN		0x0c
#define CODEC_MUTE		0x10
#define CODEC_MUTE_DAC		BIT(0)
#define CODEC_ID		0x7c
#define CODEC_MAX_REGISTER	0x7c

struct codec_demo {
	struct device *dev;
	struct regmap *regmap;
	struct clk *mclk;
	unsigned int rate;
	spinlock_t mute_lock;	/* mute state, also used by the jack IRQ */
	bool muted;
};

static const struct regmap_config codec_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = CODEC_MAX_REGISTER,
	.cache_type = REGCACHE_FLAT,
};

int codec_demo_set_rate(struct codec_demo *codec, unsigned int rate)
{
	unsigned int val;
	int ret;

	ret = pm_runtime_resume_and_get(codec->dev);
	if (ret)
		return ret;

	switch (rate) {
	case 8000:
		val = 0;
		break;
	case 16000:
		val = 1;
		break;
	case 44100:
		val = 2;
		break;
	case 48000:
		val = 3;
		break;
	default:
		dev_err(codec->dev, "unsupported rate %u\n", rate);
		/* BUG: the reference taken above is not dropped */
		return -EINVAL;
	}

	ret = regmap_update_bits(codec->regmap, CODEC_RATE, CODEC_RATE_MASK, val);
	if (!ret)
		codec->rate = rate;

	pm_runtime_mark_last_busy(codec->dev);
	pm_runtime_put_autosuspend(codec->dev);
	return ret;
}
EXPORT_SYMBOL_GPL(codec_demo_set_rate);

/* Route the DAC or ADC; the register cache keeps it across suspend. */
int codec_demo_enable_path(struct codec_demo *codec, bool playback)
{
	unsigned int en = playback ? CODEC_CTRL_DAC_EN : CODEC_CTRL_ADC_EN;
	int ret;

	ret = pm_runtime_resume_and_get(codec->dev);
	if (ret)
		return ret;

	ret = regmap_set_bits(codec->regmap, CODEC_CTRL, en);
	if (ret) {
		dev_err(codec->dev, "cannot enable path: %d\n", ret);
		pm_runtime_put(codec->dev);
		goto out;
	}

	if (playback)
		ret = regmap_clear_bits(codec->regmap, CODEC_MUTE, CODEC_MUTE_DAC);

out:
	/* BUG: the error branch above already dropped the reference */
	pm_runtime_put(codec->dev);
	return ret;
}
EXPORT_SYMBOL_GPL(codec_demo_enable_path);

int codec_demo_set_volume(struct codec_demo *codec, unsigned int vol)
{
	int ret;

	/* BUG: 1 (already active) is taken for a failure */
	if (pm_runtime_get_sync(codec->dev)) {
		pm_runtime_put_noidle(codec->dev);
		return -EIO;
	}

	ret = regmap_write(codec->regmap, CODEC_DAC_VOL, vol);

	pm_runtime_mark_last_busy(codec->dev);
	pm_runtime_put_autosuspend(codec->dev);
	return ret;
}
EXPORT_SYMBOL_GPL(codec_demo_set_volume);

int codec_demo_get_volume(struct codec_demo *codec, unsigned int *vol)
{
	/* Cached register: readable while suspended, no resume needed. */
	return regmap_read(codec->regmap, CODEC_DAC_VOL, vol);
}
EXPORT_SYMBOL_GPL(codec_demo_get_volume);

int codec_demo_set_mute(struct codec_demo *codec, bool mute)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&codec->mute_lock, flags);
	codec->muted = mute;
	/* BUG: pm_runtime_get_sync() may sleep, under a spinlock */
	ret = pm_runtime_get_sync(codec->dev);
	if (ret >= 0)
		ret = regmap_update_bits(codec->regmap, CODEC_MUTE,
					 CODEC_MUTE_DAC, mute ? CODEC_MUTE_DAC : 0);
	pm_runtime_put(codec->dev);
	spin_unlock_irqrestore(&codec->mute_lock, flags);
	return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL_GPL(codec_demo_set_mute);

static int codec_runtime_suspend(struct device *dev)
{
	struct codec_demo *codec = dev_get_drvdata(dev);

	regcache_cache_only(codec->regmap, true);
	regcache_mark_dirty(codec->regmap);
	clk_disable_unprepare(codec->mclk);
	return 0;
}

static int codec_runtime_resume(struct device *dev)
{
	struct codec_demo *codec = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(codec->mclk);
	if (ret)
		return ret;

	regcache_cache_only(codec->regmap, false);
	ret = regcache_sync(codec->regmap);
	if (ret) {
		regcache_cache_only(codec->regmap, true);
		clk_disable_unprepare(codec->mclk);
		return ret;
	}

	return 0;
}

static int codec_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct codec_demo *codec;
	void __iomem *base;
	unsigned int id;
	int ret;

	codec = devm_kzalloc(dev, sizeof(*codec), GFP_KERNEL);
	if (!codec)
		return -ENOMEM;
	codec->dev = dev;
	spin_lock_init(&codec->mute_lock);
	platform_set_drvdata(pdev, codec);

	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);

	codec->regmap = devm_regmap_init_mmio(dev, base, &codec_regmap_config);
	if (IS_ERR(codec->regmap))
		return PTR_ERR(codec->regmap);

	codec->mclk = devm_clk_get(dev, "mclk");
	if (IS_ERR(codec->mclk))
		return dev_err_probe(dev, PTR_ERR(codec->mclk), "no mclk\n");

	pm_runtime_set_autosuspend_delay(dev, 1000);
	pm_runtime_use_autosuspend(dev);
	ret = devm_pm_runtime_enable(dev);
	if (ret)
		return ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot power up\n");

	ret = regmap_read(codec->regmap, CODEC_ID, &id);
	if (ret)
		goto out_put;

	dev_info(dev, "codec id 0x%08x\n", id);
	ret = regmap_write(codec->regmap, CODEC_CTRL, CODEC_CTRL_SOFT_RESET);

out_put:
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static DEFINE_RUNTIME_DEV_PM_OPS(codec_pm_ops, codec_runtime_suspend,
				 codec_runtime_resume, NULL);

static const struct of_device_id codec_of_match[] = {
	{ .compatible = "rpmcheck,codec-demo" },
	{ }
};
MODULE_DEVICE_TABLE(of, codec_of_match);

static struct platform_driver codec_driver = {
	.probe = codec_probe,
	.driver = {
		.name = "codec-demo",
		.of_match_table = codec_of_match,
		.pm = pm_ptr(&codec_pm_ops),
	},
};
module_platform_driver(codec_driver);

MODULE_DESCRIPTION("codec-demo audio codec (rpmcheck sample)");
MODULE_LICENSE("GPL");
