// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_sync_ret.cocci: "if (ret)" whose value is looked at
 * again must stay, since after "< 0" a 1 would reach code that only saw 0
 * (or only non-zero values) before.  Slice of an audio codec driver.
 *
 * keep_*: left alone by the semantic patch although rpmcheck may warn
 * (a human has to decide); good_*: correct code.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define CODEC_PWR		0x02
#define CODEC_PWR_ON		BIT(0)
#define CODEC_VOL		0x10

struct codec_priv {
	struct device *dev;
	struct regmap *regmap;
	unsigned int vol;
};

/* The branch itself tells 1 from the errors. */
static int keep_set_volume(struct codec_priv *codec, unsigned int vol)
{
	int ret;

	ret = pm_runtime_get_sync(codec->dev);
	if (ret) {
		if (ret < 0) {
			dev_err(codec->dev, "resume failed: %d\n", ret);
			pm_runtime_put_noidle(codec->dev);
			return ret;
		}
		/* Already active: the volume register kept its value. */
		if (codec->vol == vol) {
			pm_runtime_put(codec->dev);
			return 0;
		}
	}

	ret = regmap_write(codec->regmap, CODEC_VOL, vol);
	if (!ret)
		codec->vol = vol;
	pm_runtime_put(codec->dev);
	return ret;
}

/* The value is compared to 1 after the test. */
static int keep_power_up(struct codec_priv *codec)
{
	int ret;

	ret = pm_runtime_get_sync(codec->dev);
	if (ret)
		dev_warn(codec->dev, "resume returned %d\n", ret);
	if (ret == 1) {
		/* Nothing to restore. */
		return 0;
	}

	return regmap_write(codec->regmap, CODEC_PWR, CODEC_PWR_ON);
}

/* The value is returned after the test: "< 0" would let 1 through. */
static int keep_restore_volume(struct codec_priv *codec)
{
	int ret;

	ret = pm_runtime_get_sync(codec->dev);
	if (ret) {
		dev_err(codec->dev, "resume failed: %d\n", ret);
		goto out;
	}

	regmap_write(codec->regmap, CODEC_VOL, codec->vol);
out:
	pm_runtime_put(codec->dev);
	return ret;
}
