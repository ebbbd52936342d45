// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_devm_enable.cocci: the LED controller is registered before
 * the enable and unregistered by remove; no error path after the enable
 * shows what a failing devm_pm_runtime_enable() would have to undo (here:
 * the registration).  Reported, not changed.  Slice of an I2C LED driver.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

struct tled {
	struct i2c_client *client;
	struct regmap *regmap;
};

extern int tled_add(struct tled *led);
extern void tled_del(struct tled *led);

static const struct regmap_config tled_regmap_config = {
	.reg_bits = 8,
	.val_bits = 8,
	.max_register = 0x3f,
};

static int tled_probe(struct i2c_client *client)
{
	struct tled *led;
	int ret;

	led = devm_kzalloc(&client->dev, sizeof(*led), GFP_KERNEL);
	if (!led)
		return -ENOMEM;
	led->client = client;

	led->regmap = devm_regmap_init_i2c(client, &tled_regmap_config);
	if (IS_ERR(led->regmap))
		return PTR_ERR(led->regmap);
	i2c_set_clientdata(client, led);

	ret = tled_add(led);
	if (ret < 0)
		return ret;

	pm_runtime_enable(&client->dev);

	return 0;
}

static void tled_remove(struct i2c_client *client)
{
	tled_del(i2c_get_clientdata(client));
	pm_runtime_disable(&client->dev);
}

static struct i2c_driver tled_driver = {
	.driver = {
		.name = "tled",
	},
	.probe = tled_probe,
	.remove = tled_remove,
};
module_i2c_driver(tled_driver);
