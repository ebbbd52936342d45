// SPDX-License-Identifier: GPL-2.0
/*
 * Error branches that return straight away after a failed
 * pm_runtime_get_sync(), and whose result is not read again before it is
 * overwritten: pm_runtime_resume_and_get() is the whole fix.  Slice of an
 * I2C ambient light sensor driver.
 */
#include <linux/i2c.h>
#include <linux/bug.h>
#include <linux/pm_runtime.h>

#define ALS_REG_CTRL		0x80
#define ALS_REG_GAIN		0x81
#define ALS_REG_DATA_LO		0x88
#define ALS_GAIN_MAX		7

struct als_data {
	struct i2c_client *client;
	u8 gain;
};

static int warn_read_lux(struct als_data *data, int *lux)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0)
		return ret;

	ret = i2c_smbus_read_word_data(data->client, ALS_REG_DATA_LO);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	if (ret < 0)
		return ret;

	*lux = ret;
	return 0;
}

static int warn_set_gain(struct als_data *data, u8 gain)
{
	struct device *dev = &data->client->dev;
	int ret;

	if (gain > ALS_GAIN_MAX)
		return -EINVAL;

	ret = pm_runtime_get_sync(dev);
	if (unlikely(ret < 0)) {
		dev_err(dev, "cannot resume: %d\n", ret);
		return -EIO;
	}

	ret = i2c_smbus_write_byte_data(data->client, ALS_REG_GAIN, gain);
	if (!ret)
		data->gain = gain;

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static int warn_read_ctrl(struct i2c_client *client)
{
	int err;

	err = pm_runtime_get_sync(&client->dev);
	if (WARN_ON(err < 0))
		return err;

	err = i2c_smbus_read_byte_data(client, ALS_REG_CTRL);
	pm_runtime_put(&client->dev);
	return err;
}

static int good_read_ctrl(struct i2c_client *client)
{
	int err;

	err = pm_runtime_resume_and_get(&client->dev);
	if (err < 0)
		return err;

	err = i2c_smbus_read_byte_data(client, ALS_REG_CTRL);
	pm_runtime_put(&client->dev);
	return err;
}
