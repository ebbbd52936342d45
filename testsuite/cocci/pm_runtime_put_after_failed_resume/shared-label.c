// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_put_after_failed_resume.cocci: the failed
 * pm_runtime_resume_and_get() jumps to a label whose put also serves
 * paths that hold a reference (the success path falling through, a later
 * goto).  Removing the put would leak on those paths: only reported.
 * Slice of an I2C accelerometer driver.
 *
 * keep_*: left alone by the semantic patch (reported), although rpmcheck
 * warns: the failure path needs its own label.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define ACC_REG_CTRL1		0x20
#define ACC_REG_INT_SRC		0x31
#define ACC_CTRL1_ODR_MASK	GENMASK(7, 4)

struct acc_data {
	struct i2c_client *client;
	struct regmap *regmap;
	unsigned int odr;
};

/* The success path falls through to the put. */
static int keep_set_odr(struct acc_data *data, unsigned int odr)
{
	int ret;

	ret = pm_runtime_resume_and_get(&data->client->dev);
	if (ret)
		goto out;

	ret = regmap_update_bits(data->regmap, ACC_REG_CTRL1,
				 ACC_CTRL1_ODR_MASK, odr << 4);
	if (!ret)
		data->odr = odr;
out:
	pm_runtime_mark_last_busy(&data->client->dev);
	pm_runtime_put_autosuspend(&data->client->dev);
	return ret;
}

/* A later failure, with the reference held, jumps to the same label. */
static int keep_clear_interrupt(struct acc_data *data)
{
	unsigned int src;
	int ret;

	ret = pm_runtime_resume_and_get(&data->client->dev);
	if (ret < 0)
		goto err_put;

	ret = regmap_read(data->regmap, ACC_REG_INT_SRC, &src);
	if (ret)
		goto err_put;

	pm_runtime_put(&data->client->dev);
	return src;

err_put:
	pm_runtime_put_sync(&data->client->dev);
	return ret;
}
