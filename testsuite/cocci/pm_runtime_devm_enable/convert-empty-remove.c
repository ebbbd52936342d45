// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: probe uses autosuspend, and remove does
 * just what devres would do (pm_runtime_dont_use_autosuspend(), then
 * pm_runtime_disable()): the enable becomes devm_pm_runtime_enable(), the
 * error path's undo goes, and remove, left empty, goes with its
 * initializer.  Slice of an I2C ambient light sensor driver.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define ALS_REG_CTRL		0x00
#define ALS_CTRL_ON		BIT(0)

struct als_data {
	struct i2c_client *client;
	struct regmap *regmap;
};

static const struct regmap_config als_regmap_config = {
	.reg_bits = 8,
	.val_bits = 8,
	.max_register = 0x1f,
};

static int als_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct als_data *data;
	int ret;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->client = client;

	data->regmap = devm_regmap_init_i2c(client, &als_regmap_config);
	if (IS_ERR(data->regmap))
		return PTR_ERR(data->regmap);
	i2c_set_clientdata(client, data);

	pm_runtime_set_autosuspend_delay(dev, 2000);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_enable(dev);

	ret = regmap_write(data->regmap, ALS_REG_CTRL, ALS_CTRL_ON);
	if (ret) {
		pm_runtime_dont_use_autosuspend(dev);
		pm_runtime_disable(dev);
		return ret;
	}

	return 0;
}

static void als_remove(struct i2c_client *client)
{
	pm_runtime_dont_use_autosuspend(&client->dev);
	pm_runtime_disable(&client->dev);
}

static struct i2c_driver als_driver = {
	.driver = {
		.name = "als",
	},
	.probe = als_probe,
	.remove = als_remove,
};
module_i2c_driver(als_driver);
