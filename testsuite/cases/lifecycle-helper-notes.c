// SPDX-License-Identifier: GPL-2.0
/*
 * The driver lifecycle rules through helpers of the file: probe enables
 * runtime PM, turns autosuspend on or keeps a usage count in a setup
 * helper, and the warnings' notes name the helper at its call.  Slice
 * of an I2C touchscreen controller driver, one struct i2c_driver per
 * firmware flavour.
 */
#include <linux/i2c.h>
#include <linux/pm_runtime.h>

#define TSC_REG_CMD		0x04
#define TSC_CMD_RESET		0x01
#define TSC_CMD_SLEEP		0x02

struct tsc_data {
	struct i2c_client *client;
	struct device *dev;
};

static struct tsc_data *tsc_alloc(struct i2c_client *client)
{
	struct tsc_data *ts;

	ts = devm_kzalloc(&client->dev, sizeof(*ts), GFP_KERNEL);
	if (!ts)
		return NULL;
	ts->client = client;
	ts->dev = &client->dev;
	i2c_set_clientdata(client, ts);
	return ts;
}

static int tsc_reset(struct tsc_data *ts)
{
	return i2c_smbus_write_byte_data(ts->client, TSC_REG_CMD, TSC_CMD_RESET);
}

/* Enables runtime PM, then fails without disabling it. */
static int tsc_pm_setup(struct tsc_data *ts)
{
	pm_runtime_set_active(ts->dev);
	pm_runtime_enable(ts->dev);
	return tsc_reset(ts);
}

static int warn_tsc_probe(struct i2c_client *client)
{
	struct tsc_data *ts = tsc_alloc(client);

	if (!ts)
		return -ENOMEM;

	return tsc_pm_setup(ts);
}

static void tsc_remove(struct i2c_client *client)
{
	struct tsc_data *ts = i2c_get_clientdata(client);

	i2c_smbus_write_byte_data(ts->client, TSC_REG_CMD, TSC_CMD_SLEEP);
	pm_runtime_disable(&client->dev);
}

/* Enables runtime PM with autosuspend and cannot fail. */
static void tsc_pm_init(struct tsc_data *ts)
{
	pm_runtime_set_autosuspend_delay(ts->dev, 1000);
	pm_runtime_use_autosuspend(ts->dev);
	pm_runtime_set_active(ts->dev);
	pm_runtime_enable(ts->dev);
}

static int tsc_probe_autosuspend(struct i2c_client *client)
{
	struct tsc_data *ts = tsc_alloc(client);
	int ret;

	if (!ts)
		return -ENOMEM;

	ret = tsc_reset(ts);
	if (ret)
		return ret;
	tsc_pm_init(ts);
	return 0;
}

static void warn_tsc_remove_autosuspend(struct i2c_client *client)
{
	struct tsc_data *ts = i2c_get_clientdata(client);

	i2c_smbus_write_byte_data(ts->client, TSC_REG_CMD, TSC_CMD_SLEEP);
}

/* devm_pm_runtime_enable() in a helper, pm_runtime_disable() in remove. */
static int tsc_pm_devm_init(struct tsc_data *ts)
{
	pm_runtime_set_active(ts->dev);
	return devm_pm_runtime_enable(ts->dev);
}

static int tsc_probe_devm(struct i2c_client *client)
{
	struct tsc_data *ts = tsc_alloc(client);
	int ret;

	if (!ts)
		return -ENOMEM;

	ret = tsc_reset(ts);
	if (ret)
		return ret;
	return tsc_pm_devm_init(ts);
}

static void warn_tsc_remove_devm(struct i2c_client *client)
{
	struct tsc_data *ts = i2c_get_clientdata(client);

	i2c_smbus_write_byte_data(ts->client, TSC_REG_CMD, TSC_CMD_SLEEP);
	pm_runtime_disable(&client->dev);
}

/* A usage count kept in a helper: the device stays powered while bound. */
static void tsc_pm_hold(struct tsc_data *ts)
{
	pm_runtime_get_noresume(ts->dev);
	pm_runtime_set_active(ts->dev);
	pm_runtime_enable(ts->dev);
}

static int tsc_probe_hold(struct i2c_client *client)
{
	struct tsc_data *ts = tsc_alloc(client);
	int ret;

	if (!ts)
		return -ENOMEM;

	ret = tsc_reset(ts);
	if (ret)
		return ret;
	tsc_pm_hold(ts);
	return 0;
}

static void warn_tsc_remove_hold(struct i2c_client *client)
{
	struct tsc_data *ts = i2c_get_clientdata(client);

	i2c_smbus_write_byte_data(ts->client, TSC_REG_CMD, TSC_CMD_SLEEP);
	pm_runtime_disable(&client->dev);
}

static struct i2c_driver tsc_driver = {
	.driver = { .name = "tsc" },
	.probe = warn_tsc_probe,
	.remove = tsc_remove,
};

static struct i2c_driver tsc_autosuspend_driver = {
	.driver = { .name = "tsc-autosuspend" },
	.probe = tsc_probe_autosuspend,
	.remove = warn_tsc_remove_autosuspend,
};

static struct i2c_driver tsc_devm_driver = {
	.driver = { .name = "tsc-devm" },
	.probe = tsc_probe_devm,
	.remove = warn_tsc_remove_devm,
};

static struct i2c_driver tsc_hold_driver = {
	.driver = { .name = "tsc-hold" },
	.probe = tsc_probe_hold,
	.remove = warn_tsc_remove_hold,
};
/*
 * check-name: lifecycle warnings through setup helpers name the helper
 *
 * check-output-start
lifecycle-helper-notes.c:54:2: warning: 'warn_tsc_probe' returns an error with runtime PM of 'ts->dev' still enabled [-Wrpm-enable-imbalance]
lifecycle-helper-notes.c:54:9: note: 'tsc_pm_setup' enables runtime PM here
lifecycle-helper-notes.c:89:13: warning: 'warn_tsc_remove_autosuspend' never calls pm_runtime_disable() nor pm_runtime_dont_use_autosuspend() for 'ts->dev': 'tsc_probe_autosuspend' left it enabled with autosuspend in use [-Wrpm-enable-imbalance]
lifecycle-helper-notes.c:85:2: note: 'tsc_pm_init' enables runtime PM here
lifecycle-helper-notes.c:85:2: note: 'tsc_pm_init' turns autosuspend on here
lifecycle-helper-notes.c:122:2: warning: 'warn_tsc_remove_devm' disables runtime PM of '&client->dev' that 'tsc_probe_devm' enabled with devm_pm_runtime_enable(): it is disabled twice at unbind [-Wrpm-enable-imbalance]
lifecycle-helper-notes.c:114:9: note: 'tsc_pm_devm_init' enables runtime PM until unbind here
lifecycle-helper-notes.c:148:13: warning: 'warn_tsc_remove_hold' never drops the runtime PM usage count of 'ts->dev' that 'tsc_probe_hold' keeps on success [-Wrpm-leak]
lifecycle-helper-notes.c:144:2: note: 'tsc_pm_hold' raises the usage count here
 * check-output-end
 */
