// SPDX-License-Identifier: GPL-2.0
/*
 * hygro-demo: I2C relative humidity and temperature sensor.
 *
 * Written for rpmcheck as a sample: it shows the usual runtime PM idioms
 * of a small I2C sensor (autosuspend around each measurement) and has
 * three planted runtime PM bugs, each marked with a BUG comment.
 *
 * The sensor has a 16-bit temperature result at 0x00, a 16-bit humidity
 * result at 0x01 (both big-endian), a configuration register at 0x02 and
 * a measurement trigger at 0x0f.  Bit 7 of the configuration puts the
 * sensor in sleep mode, bit 5 turns the heater on.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/kernel.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pm_runtime.h>
#include <linux/sysfs.h>

#define HYGRO_REG_TEMP		0x00
#define HYGRO_REG_HUMIDITY	0x01
#define HYGRO_REG_CONFIG	0x02
#define HYGRO_REG_TRIGGER	0x0f
#define HYGRO_REG_DEVICE_ID	0xff

#define HYGRO_CONFIG_SLEEP	BIT(7)
#define HYGRO_CONFIG_HEATER	BIT(5)
#define HYGRO_DEVICE_ID		0x10
#define HYGRO_CONVERSION_MS	15
#define HYGRO_AUTOSUSPEND_MS	2000

struct hygro_data {
	struct i2c_client *client;
	struct mutex lock;	/* serializes trigger + read */
	u8 config;
};

static int hygro_measure(struct hygro_data *data, u8 reg, int *raw)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	mutex_lock(&data->lock);
	ret = i2c_smbus_write_byte(data->client, HYGRO_REG_TRIGGER);
	if (ret < 0)
		goto out_unlock;

	msleep(HYGRO_CONVERSION_MS);
	ret = i2c_smbus_read_word_swapped(data->client, reg);
	if (ret >= 0) {
		*raw = ret;
		ret = 0;
	}

out_unlock:
	mutex_unlock(&data->lock);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static ssize_t temperature_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct hygro_data *data = dev_get_drvdata(dev);
	int raw, ret;

	ret = hygro_measure(data, HYGRO_REG_TEMP, &raw);
	if (ret)
		return ret;

	/* millidegree Celsius: -40 C + 165 C * raw / 2^16 */
	return sysfs_emit(buf, "%d\n", -40000 + (int)((165000LL * raw) >> 16));
}

static ssize_t humidity_show(struct device *dev,
			     struct device_attribute *attr, char *buf)
{
	struct hygro_data *data = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_get_sync(dev);
	/* BUG: get_sync raised the count even though it failed */
	if (ret < 0)
		return ret;

	mutex_lock(&data->lock);
	ret = i2c_smbus_write_byte(data->client, HYGRO_REG_TRIGGER);
	if (ret >= 0) {
		msleep(HYGRO_CONVERSION_MS);
		ret = i2c_smbus_read_word_swapped(data->client, HYGRO_REG_HUMIDITY);
	}
	mutex_unlock(&data->lock);

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	if (ret < 0)
		return ret;

	/* milli-percent relative humidity: 100 % * raw / 2^16 */
	return sysfs_emit(buf, "%d\n", (int)((100000LL * ret) >> 16));
}

static ssize_t heater_show(struct device *dev,
			   struct device_attribute *attr, char *buf)
{
	struct hygro_data *data = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", !!(data->config & HYGRO_CONFIG_HEATER));
}

static ssize_t heater_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	struct hygro_data *data = dev_get_drvdata(dev);
	bool on;
	u8 config;
	int ret;

	ret = kstrtobool(buf, &on);
	if (ret)
		return ret;

	ret = pm_runtime_get_sync(dev);
	/* BUG: 1 (already active) is a success, not an error */
	if (ret) {
		dev_err(dev, "cannot resume: %d\n", ret);
		pm_runtime_put_noidle(dev);
		return -EIO;
	}

	mutex_lock(&data->lock);
	config = on ? data->config | HYGRO_CONFIG_HEATER :
		      data->config & ~HYGRO_CONFIG_HEATER;
	ret = i2c_smbus_write_byte_data(data->client, HYGRO_REG_CONFIG, config);
	if (!ret)
		data->config = config;
	mutex_unlock(&data->lock);

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret ? ret : count;
}

static DEVICE_ATTR_RO(temperature);
static DEVICE_ATTR_RO(humidity);
static DEVICE_ATTR_RW(heater);

static struct attribute *hygro_attrs[] = {
	&dev_attr_temperature.attr,
	&dev_attr_humidity.attr,
	&dev_attr_heater.attr,
	NULL
};
ATTRIBUTE_GROUPS(hygro);

static int hygro_runtime_suspend(struct device *dev)
{
	struct hygro_data *data = dev_get_drvdata(dev);

	return i2c_smbus_write_byte_data(data->client, HYGRO_REG_CONFIG,
					 data->config | HYGRO_CONFIG_SLEEP);
}

static int hygro_runtime_resume(struct device *dev)
{
	struct hygro_data *data = dev_get_drvdata(dev);
	int ret;

	ret = i2c_smbus_write_byte_data(data->client, HYGRO_REG_CONFIG,
					data->config);
	if (ret)
		return ret;

	usleep_range(1000, 2000);
	return 0;
}

static DEFINE_RUNTIME_DEV_PM_OPS(hygro_pm_ops, hygro_runtime_suspend,
				 hygro_runtime_resume, NULL);

static int hygro_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct hygro_data *data;
	int ret;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	data->client = client;
	mutex_init(&data->lock);
	i2c_set_clientdata(client, data);

	ret = i2c_smbus_read_byte_data(client, HYGRO_REG_DEVICE_ID);
	if (ret < 0)
		return dev_err_probe(dev, ret, "cannot read device id\n");
	if (ret != HYGRO_DEVICE_ID)
		return dev_err_probe(dev, -ENODEV, "unknown device id 0x%02x\n", ret);

	ret = i2c_smbus_read_byte_data(client, HYGRO_REG_CONFIG);
	if (ret < 0)
		return ret;
	data->config = ret & ~HYGRO_CONFIG_SLEEP;

	/* The sensor is awake after power-on: start active, suspend later. */
	ret = pm_runtime_set_active(dev);
	if (ret)
		return ret;
	pm_runtime_set_autosuspend_delay(dev, HYGRO_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	ret = devm_pm_runtime_enable(dev);
	if (ret)
		return ret;

	return 0;
}

static void hygro_remove(struct i2c_client *client)
{
	struct hygro_data *data = i2c_get_clientdata(client);
	struct device *dev = &client->dev;

	/* Leave the sensor asleep; runtime PM is disabled by devm. */
	if (pm_runtime_resume_and_get(dev))
		return;

	i2c_smbus_write_byte_data(client, HYGRO_REG_CONFIG,
				  data->config | HYGRO_CONFIG_SLEEP);
	/* BUG: this return skips the put_noidle() below */
	if (data->config & HYGRO_CONFIG_HEATER)
		return;

	pm_runtime_put_noidle(dev);
}

static const struct i2c_device_id hygro_id[] = {
	{ "hygro-demo" },
	{ }
};
MODULE_DEVICE_TABLE(i2c, hygro_id);

static const struct of_device_id hygro_of_match[] = {
	{ .compatible = "rpmcheck,hygro-demo" },
	{ }
};
MODULE_DEVICE_TABLE(of, hygro_of_match);

static struct i2c_driver hygro_driver = {
	.driver = {
		.name = "hygro-demo",
		.of_match_table = hygro_of_match,
		.dev_groups = hygro_groups,
		.pm = pm_ptr(&hygro_pm_ops),
	},
	.probe = hygro_probe,
	.remove = hygro_remove,
	.id_table = hygro_id,
};
module_i2c_driver(hygro_driver);

MODULE_DESCRIPTION("hygro-demo humidity sensor (rpmcheck sample)");
MODULE_LICENSE("GPL");
