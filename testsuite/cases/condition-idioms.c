// SPDX-License-Identifier: GPL-2.0
/*
 * The failure test of a get comes in many spellings: WARN_ON(),
 * unlikely(), IS_ERR_VALUE(), an inline comparison, or a flag that guards
 * both the get and the put.  All must be understood as the same test.
 * Slice of an I2C PMIC/charger driver.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/bug.h>
#include <linux/pm_runtime.h>

#define CHG_REG_STATUS		0x01
#define CHG_REG_ICHG		0x04
#define CHG_REG_VBUS		0x0a
#define CHG_ICHG_MASK		GENMASK(5, 0)

struct chg_device {
	struct i2c_client *client;
	struct regmap *regmap;
	bool runtime_pm;
	unsigned int ichg;
};

static int good_warn_on(struct chg_device *chg, unsigned int *status)
{
	struct device *dev = &chg->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (WARN_ON(ret < 0)) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	ret = regmap_read(chg->regmap, CHG_REG_STATUS, status);
	pm_runtime_put(dev);
	return ret;
}

static int warn_warn_on(struct chg_device *chg, unsigned int *status)
{
	struct device *dev = &chg->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (WARN_ON(ret < 0))
		return ret;

	ret = regmap_read(chg->regmap, CHG_REG_STATUS, status);
	pm_runtime_put(dev);
	return ret;
}

static int good_unlikely(struct chg_device *chg, unsigned int ichg)
{
	struct device *dev = &chg->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (unlikely(ret < 0)) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	ret = regmap_update_bits(chg->regmap, CHG_REG_ICHG, CHG_ICHG_MASK, ichg);
	pm_runtime_put(dev);
	return ret;
}

static int warn_unlikely(struct chg_device *chg, unsigned int ichg)
{
	struct device *dev = &chg->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (unlikely(ret < 0))
		return ret;

	ret = regmap_update_bits(chg->regmap, CHG_REG_ICHG, CHG_ICHG_MASK, ichg);
	pm_runtime_put(dev);
	return ret;
}

static long good_is_err_value(struct chg_device *chg)
{
	struct device *dev = &chg->client->dev;
	unsigned int vbus;
	long ret;

	ret = pm_runtime_get_sync(dev);
	if (IS_ERR_VALUE(ret)) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	ret = regmap_read(chg->regmap, CHG_REG_VBUS, &vbus);
	pm_runtime_put(dev);
	return ret ? ret : (long)vbus;
}

static int good_inline_compare(struct chg_device *chg)
{
	struct device *dev = &chg->client->dev;
	int ret;

	if (pm_runtime_get_sync(dev) < 0) {
		pm_runtime_put_noidle(dev);
		return -ENODEV;
	}

	ret = regmap_write(chg->regmap, CHG_REG_ICHG, chg->ichg);
	pm_runtime_put(dev);
	return ret;
}

static int warn_inline_compare(struct chg_device *chg)
{
	struct device *dev = &chg->client->dev;
	int ret;

	if (pm_runtime_get_sync(dev) < 0)
		return -ENODEV;

	ret = regmap_write(chg->regmap, CHG_REG_ICHG, chg->ichg);
	pm_runtime_put(dev);
	return ret;
}

static int good_same_flag(struct chg_device *chg, unsigned int *status)
{
	bool rpm = chg->runtime_pm;
	int ret;

	if (rpm) {
		ret = pm_runtime_resume_and_get(&chg->client->dev);
		if (ret)
			return ret;
	}

	ret = regmap_read(chg->regmap, CHG_REG_STATUS, status);

	if (rpm)
		pm_runtime_put(&chg->client->dev);
	return ret;
}

static int good_negated_test(struct chg_device *chg)
{
	struct device *dev = &chg->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (!(ret >= 0))
		return ret;

	ret = regmap_write(chg->regmap, CHG_REG_ICHG, 0);
	pm_runtime_put(dev);
	return ret;
}

static int good_reversed_compare(struct chg_device *chg)
{
	struct device *dev = &chg->client->dev;
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (0 > ret)
		goto err_noidle;

	ret = regmap_write(chg->regmap, CHG_REG_ICHG, 0);
	pm_runtime_put(dev);
	return ret;

err_noidle:
	pm_runtime_put_noidle(dev);
	return ret;
}
/*
 * check-name: failure tests spelled with WARN_ON, unlikely, IS_ERR_VALUE and flags
 * check-output-ignore-notes
 *
 * check-output-start
condition-idioms.c:48:3: warning: 'warn_warn_on' returns an error with the runtime PM usage count of '&chg->client->dev' still raised [-Wrpm-leak]
condition-idioms.c:78:3: warning: 'warn_unlikely' returns an error with the runtime PM usage count of '&chg->client->dev' still raised [-Wrpm-leak]
condition-idioms.c:123:3: warning: 'warn_inline_compare' returns an error with the runtime PM usage count of '&chg->client->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
