// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_put_after_failed_resume.cocci: a put in the branch that
 * tests a failed pm_runtime_resume_and_get() goes (with the
 * pm_runtime_mark_last_busy() right before it).  Slice of an I2C
 * accelerometer driver.
 *
 * warn_*: changed by the semantic patch; good_*: correct code, left alone.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define ACC_REG_CTRL1		0x20
#define ACC_REG_OUT_X		0x28
#define ACC_REG_INT_SRC		0x31
#define ACC_CTRL1_ODR_MASK	GENMASK(7, 4)

struct acc_data {
	struct i2c_client *client;
	struct device *hub;
	struct regmap *regmap;
	unsigned int odr;
};

static int warn_read_axis(struct acc_data *data, int *val)
{
	struct device *dev = &data->client->dev;
	unsigned int raw;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0) {
		dev_err(dev, "failed to power on: %d\n", ret);
		pm_runtime_put_noidle(dev);
		return ret;
	}

	ret = regmap_read(data->regmap, ACC_REG_OUT_X, &raw);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	if (ret)
		return ret;

	*val = (s16)raw;
	return 0;
}

static int warn_set_odr(struct acc_data *data, unsigned int odr)
{
	int ret;

	if (pm_runtime_resume_and_get(&data->client->dev)) {
		pm_runtime_mark_last_busy(&data->client->dev);
		pm_runtime_put_autosuspend(&data->client->dev);
		return -EIO;
	}

	ret = regmap_update_bits(data->regmap, ACC_REG_CTRL1,
				 ACC_CTRL1_ODR_MASK, odr << 4);
	if (!ret)
		data->odr = odr;

	pm_runtime_mark_last_busy(&data->client->dev);
	pm_runtime_put_autosuspend(&data->client->dev);
	return ret;
}

static int warn_clear_interrupt(struct acc_data *data, unsigned int *src)
{
	int ret;

	ret = pm_runtime_resume_and_get(&data->client->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(&data->client->dev);
		goto out;
	}

	ret = regmap_read(data->regmap, ACC_REG_INT_SRC, src);
	pm_runtime_put(&data->client->dev);
out:
	if (ret)
		*src = 0;
	return ret;
}

/* pm_runtime_get_sync() keeps the count on failure: the put is needed. */
static int good_read_axis_get_sync(struct acc_data *data, int *val)
{
	struct device *dev = &data->client->dev;
	unsigned int raw;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		dev_err(dev, "failed to power on: %d\n", ret);
		pm_runtime_put_noidle(dev);
		return ret;
	}

	ret = regmap_read(data->regmap, ACC_REG_OUT_X, &raw);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	if (ret)
		return ret;

	*val = (s16)raw;
	return 0;
}

/* The put in the failure branch is for the hub, resumed before. */
static int good_read_int_source(struct acc_data *data, unsigned int *src)
{
	int ret;

	ret = pm_runtime_resume_and_get(data->hub);
	if (ret < 0)
		return ret;

	ret = pm_runtime_resume_and_get(&data->client->dev);
	if (ret < 0) {
		pm_runtime_put(data->hub);
		return ret;
	}

	ret = regmap_read(data->regmap, ACC_REG_INT_SRC, src);
	pm_runtime_put(&data->client->dev);
	pm_runtime_put(data->hub);
	return ret;
}
