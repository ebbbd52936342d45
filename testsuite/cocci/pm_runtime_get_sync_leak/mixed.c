// SPDX-License-Identifier: GPL-2.0
/*
 * Several error paths of one driver, each fixed in its own way or left
 * alone: the conversion, a put_noidle where 1 is read afterwards or where
 * -EACCES is not an error, an input ->open() that keeps its reference
 * until ->close(), branches that already put, if (ret), and a branch that
 * falls through.  Slice of an I2C accelerometer driver.
 */
#include <linux/i2c.h>
#include <linux/mutex.h>
#include <linux/pm_runtime.h>

#define ACC_REG_MODE		0x0f
#define ACC_REG_X		0x02
#define ACC_REG_RANGE		0x10
#define ACC_MODE_NORMAL		0x00
#define ACC_MODE_SLEEP		0x01

struct acc_data {
	struct i2c_client *client;
	struct mutex lock;
	u8 mode;
	bool powered;
};

static int acc_set_mode(struct acc_data *acc, u8 mode)
{
	int ret;

	ret = i2c_smbus_write_byte_data(acc->client, ACC_REG_MODE, mode);
	if (ret)
		return ret;

	acc->mode = mode;
	return 0;
}

static int warn_acc_read_x(struct acc_data *acc, int *val)
{
	struct device *dev = &acc->client->dev;
	int ret;

	mutex_lock(&acc->lock);
	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		mutex_unlock(&acc->lock);
		return ret;
	}

	ret = i2c_smbus_read_word_data(acc->client, ACC_REG_X);
	pm_runtime_put(dev);
	mutex_unlock(&acc->lock);
	if (ret < 0)
		return ret;

	*val = ret;
	return 0;
}

static int warn_acc_set_range(struct acc_data *acc, u8 range)
{
	struct device *dev = &acc->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0 && ret != -EACCES)
		return ret;

	ret = i2c_smbus_write_byte_data(acc->client, ACC_REG_RANGE, range);
	pm_runtime_put(dev);
	return ret;
}

static int warn_acc_wake(struct acc_data *acc)
{
	struct device *dev = &acc->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0)
		return ret;

	/* Runtime PM did not resume it: wake the chip up ourselves. */
	if (ret == 0 && acc->mode != ACC_MODE_NORMAL)
		ret = acc_set_mode(acc, ACC_MODE_NORMAL);

	pm_runtime_put(dev);
	return ret;
}

static int warn_acc_open(struct acc_data *acc)
{
	if (pm_runtime_get_sync(&acc->client->dev) < 0)
		return -EIO;

	acc->powered = true;
	return 0;
}

static void good_acc_close(struct acc_data *acc)
{
	acc->powered = false;
	pm_runtime_put_sync(&acc->client->dev);
}

static int good_acc_sleep(struct acc_data *acc)
{
	struct device *dev = &acc->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0)
		goto out;

	ret = acc_set_mode(acc, ACC_MODE_SLEEP);
out:
	pm_runtime_put(dev);
	return ret;
}

static int warn_acc_mode(struct acc_data *acc)
{
	struct device *dev = &acc->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret)
		return ret;

	ret = i2c_smbus_read_byte_data(acc->client, ACC_REG_MODE);
	pm_runtime_put(dev);
	return ret;
}

static int good_acc_selftest(struct acc_data *acc)
{
	struct device *dev = &acc->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		dev_warn(dev, "resume failed (%d), testing anyway\n", ret);
		if (ret != -EACCES)
			dev_dbg(dev, "runtime PM is enabled\n");
	}

	ret = acc_set_mode(acc, ACC_MODE_NORMAL);
	pm_runtime_put(dev);
	return ret;
}

static const struct acc_ops {
	int (*open)(struct acc_data *acc);
	void (*close)(struct acc_data *acc);
} acc_input_ops = {
	.open = warn_acc_open,
	.close = good_acc_close,
};
