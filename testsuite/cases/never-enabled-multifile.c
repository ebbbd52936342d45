// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-never-enabled stays silent for a file that includes a header of
 * its own with quotes: the driver spans several files, and another one
 * (here the codec core, behind never-enabled-multifile.h) may enable
 * runtime PM.  This file has runtime PM callbacks and takes references
 * all the same.  Slice of the I2C front-end of an audio codec driver.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#include "never-enabled-multifile.h"

#define MCODEC_REG_PWR		0x02

static const struct regmap_config mcodec_i2c_regmap = {
	.reg_bits = 8,
	.val_bits = 8,
};

static int mcodec_i2c_runtime_suspend(struct device *dev)
{
	struct mcodec *codec = dev_get_drvdata(dev);

	return regmap_write(codec->regmap, MCODEC_REG_PWR, 0);
}

static int mcodec_i2c_runtime_resume(struct device *dev)
{
	struct mcodec *codec = dev_get_drvdata(dev);

	return regmap_write(codec->regmap, MCODEC_REG_PWR, 1);
}

static const struct dev_pm_ops mcodec_i2c_pm_ops = {
	SET_RUNTIME_PM_OPS(mcodec_i2c_runtime_suspend,
			   mcodec_i2c_runtime_resume, NULL)
};

static int good_mcodec_i2c_probe(struct i2c_client *client)
{
	struct regmap *regmap;
	int ret;

	regmap = devm_regmap_init_i2c(client, &mcodec_i2c_regmap);
	if (IS_ERR(regmap))
		return PTR_ERR(regmap);

	ret = mcodec_core_probe(&client->dev, regmap);
	if (ret)
		return ret;

	/* check that the core left the codec powered */
	ret = pm_runtime_resume_and_get(&client->dev);
	if (ret)
		return ret;
	pm_runtime_put_autosuspend(&client->dev);
	return 0;
}

static void mcodec_i2c_remove(struct i2c_client *client)
{
	mcodec_core_remove(&client->dev);
}

static struct i2c_driver mcodec_i2c_driver = {
	.driver = {
		.name = "mcodec",
		.pm = &mcodec_i2c_pm_ops,
	},
	.probe = good_mcodec_i2c_probe,
	.remove = mcodec_i2c_remove,
};
/*
 * check-name: a driver spread over several files may enable runtime PM elsewhere
 *
 * check-output-start
 * check-output-end
 */
