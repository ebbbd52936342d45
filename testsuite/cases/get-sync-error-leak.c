// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_get_sync() and pm_runtime_get() raise the usage count even
 * when they fail: every path that leaves after them must drop it.  Slice
 * of an I2C ambient light sensor driver.
 */
#include <linux/i2c.h>
#include <linux/delay.h>
#include <linux/pm_runtime.h>

#define ALS_REG_CTRL		0x80
#define ALS_REG_GAIN		0x81
#define ALS_REG_DATA_LO		0x88
#define ALS_REG_PS_DATA		0x8d
#define ALS_GAIN_MAX		7

struct als_data {
	struct i2c_client *client;
	struct mutex lock;
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

static int good_read_lux(struct als_data *data, int *lux)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	ret = i2c_smbus_read_word_data(data->client, ALS_REG_DATA_LO);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	if (ret < 0)
		return ret;

	*lux = ret;
	return 0;
}

static int warn_read_proximity(struct als_data *data, int *val)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		dev_err(dev, "failed to resume: %d\n", ret);
		goto err;
	}

	ret = i2c_smbus_read_byte_data(data->client, ALS_REG_PS_DATA);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	if (ret < 0)
		goto err;

	*val = ret;
	return 0;
err:
	return ret;
}

static int warn_set_gain(struct als_data *data, u8 gain)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	if (gain > ALS_GAIN_MAX)
		return -EINVAL;

	ret = i2c_smbus_write_byte_data(data->client, ALS_REG_GAIN, gain);
	if (!ret)
		data->gain = gain;

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static int good_set_gain(struct als_data *data, u8 gain)
{
	struct device *dev = &data->client->dev;
	int ret;

	if (gain > ALS_GAIN_MAX)
		return -EINVAL;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	ret = i2c_smbus_write_byte_data(data->client, ALS_REG_GAIN, gain);
	if (!ret)
		data->gain = gain;

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static int good_read_ctrl_inline(struct als_data *data)
{
	struct device *dev = &data->client->dev;
	int ret;

	if (pm_runtime_get_sync(dev) < 0) {
		pm_runtime_put_noidle(dev);
		return -EIO;
	}

	ret = i2c_smbus_read_byte_data(data->client, ALS_REG_CTRL);
	pm_runtime_put(dev);
	return ret;
}

static int warn_start_async(struct als_data *data)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_get(dev);
	if (ret < 0) {
		dev_err(dev, "cannot queue resume: %d\n", ret);
		return ret;
	}

	return 0;
}

static int good_start_async(struct als_data *data)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_get(dev);
	if (ret < 0) {
		dev_err(dev, "cannot queue resume: %d\n", ret);
		pm_runtime_put_noidle(dev);
		return ret;
	}

	return 0;
}

static int warn_read_raw_client(struct i2c_client *client, u8 reg)
{
	int ret;

	ret = pm_runtime_get_sync(&client->dev);
	if (ret < 0) {
		dev_err(&client->dev, "resume failed\n");
		return -EIO;
	}

	ret = i2c_smbus_read_byte_data(client, reg);
	pm_runtime_put_sync(&client->dev);
	return ret;
}
/*
 * check-name: get_sync/get failure paths that return without a put
 * check-output-ignore-notes
 *
 * check-output-start
get-sync-error-leak.c:30:3: warning: 'warn_read_lux' returns an error with the runtime PM usage count of '&data->client->dev' still raised [-Wrpm-leak]
get-sync-error-leak.c:83:2: warning: 'warn_read_proximity' returns an error with the runtime PM usage count of '&data->client->dev' still raised [-Wrpm-leak]
get-sync-error-leak.c:96:3: warning: 'warn_set_gain' returns an error with the runtime PM usage count of '&data->client->dev' still raised [-Wrpm-leak]
get-sync-error-leak.c:151:3: warning: 'warn_start_async' returns an error with the runtime PM usage count of '&data->client->dev' still raised [-Wrpm-leak]
get-sync-error-leak.c:179:3: warning: 'warn_read_raw_client' returns an error with the runtime PM usage count of '&client->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
