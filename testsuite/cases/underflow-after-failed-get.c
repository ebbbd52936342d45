// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_resume_and_get() drops the count itself when it fails, so a
 * put on its failure path is an underflow; after pm_runtime_get_sync()
 * the same put is required.  Slice of an I2C accelerometer driver.
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

static int good_read_axis(struct acc_data *data, int *val)
{
	struct device *dev = &data->client->dev;
	unsigned int raw;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0) {
		dev_err(dev, "failed to power on: %d\n", ret);
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

static int warn_set_odr(struct acc_data *data, unsigned int odr)
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

static int good_set_odr(struct acc_data *data, unsigned int odr)
{
	int ret;

	ret = pm_runtime_resume_and_get(&data->client->dev);
	if (ret)
		return ret;

	ret = regmap_update_bits(data->regmap, ACC_REG_CTRL1,
				 ACC_CTRL1_ODR_MASK, odr << 4);
	if (!ret)
		data->odr = odr;

	pm_runtime_mark_last_busy(&data->client->dev);
	pm_runtime_put_autosuspend(&data->client->dev);
	return ret;
}

static int warn_clear_interrupt(struct acc_data *data)
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
/*
 * check-name: a put after a failed pm_runtime_resume_and_get() underflows
 * check-output-ignore-notes
 *
 * check-output-start
underflow-after-failed-get.c:31:3: warning: 'warn_read_axis' drops a runtime PM usage count of '&data->client->dev' that it does not hold [-Wrpm-underflow]
underflow-after-failed-get.c:104:2: warning: 'warn_set_odr' drops a runtime PM usage count of '&data->client->dev' that it does not hold [-Wrpm-underflow]
underflow-after-failed-get.c:143:2: warning: 'warn_clear_interrupt' drops a runtime PM usage count of '&data->client->dev' that it does not hold [-Wrpm-underflow]
 * check-output-end
 */
