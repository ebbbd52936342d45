// SPDX-License-Identifier: GPL-2.0
/*
 * Error branches that drop the count themselves, with any put or with a
 * driver's wrapper named like one: nothing to change, nothing to report.
 * Slice of an I2C touchscreen driver.
 */
#include <linux/i2c.h>
#include <linux/pm_runtime.h>

#define TS_REG_STATUS		0x10
#define TS_REG_MODE		0x11

struct ts_data {
	struct i2c_client *client;
};

/* Defined in the driver's core file. */
extern void ts_rpm_put(struct ts_data *ts);

static int good_ts_read_status(struct ts_data *ts)
{
	struct device *dev = &ts->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	ret = i2c_smbus_read_byte_data(ts->client, TS_REG_STATUS);
	pm_runtime_put(dev);
	return ret;
}

static int good_ts_set_mode(struct ts_data *ts, u8 mode)
{
	struct device *dev = &ts->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		dev_err(dev, "resume failed: %d\n", ret);
		pm_runtime_put_sync(dev);
		return ret;
	}

	ret = i2c_smbus_write_byte_data(ts->client, TS_REG_MODE, mode);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static int good_ts_wake(struct ts_data *ts)
{
	if (pm_runtime_get_sync(&ts->client->dev) < 0) {
		pm_runtime_mark_last_busy(&ts->client->dev);
		pm_runtime_put_autosuspend(&ts->client->dev);
		return -EIO;
	}

	pm_runtime_put(&ts->client->dev);
	return 0;
}

static int good_ts_probe_mode(struct ts_data *ts)
{
	int ret;

	ret = pm_runtime_get_sync(&ts->client->dev);
	if (ret < 0) {
		ts_rpm_put(ts);
		return ret;
	}

	ret = i2c_smbus_read_byte_data(ts->client, TS_REG_MODE);
	ts_rpm_put(ts);
	return ret;
}
