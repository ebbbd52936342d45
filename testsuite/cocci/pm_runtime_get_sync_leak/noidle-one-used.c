// SPDX-License-Identifier: GPL-2.0
/*
 * The success path reads the 1 ("already active") that
 * pm_runtime_get_sync() returns: pm_runtime_resume_and_get() would
 * change what it sees, so the error branch gets a pm_runtime_put_noidle()
 * instead.  Slice of an I2C codec driver that restores its registers only
 * after a real resume.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define CODEC_REG_POWER		0x02
#define CODEC_POWER_ON		0x01

struct codec_priv {
	struct device *dev;
	struct regmap *regmap;
	bool was_active;
	int active_users;
};

static int warn_codec_power_up(struct codec_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0)
		return ret;

	if (ret == 1) {
		/* already powered: the register cache is still valid */
		ret = 0;
	} else {
		regcache_mark_dirty(priv->regmap);
		ret = regcache_sync(priv->regmap);
	}

	pm_runtime_put(priv->dev);
	return ret;
}

static int warn_codec_mute(struct codec_priv *priv, bool mute)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0) {
		dev_err(priv->dev, "resume failed: %d\n", ret);
		return ret;
	}

	priv->was_active = ret;
	ret = regmap_update_bits(priv->regmap, CODEC_REG_POWER,
				 CODEC_POWER_ON, mute ? 0 : CODEC_POWER_ON);
	pm_runtime_put(priv->dev);
	return ret;
}

static int warn_codec_count_users(struct codec_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0)
		goto out;

	ret += priv->active_users;
	pm_runtime_put(priv->dev);
out:
	return ret;
}
