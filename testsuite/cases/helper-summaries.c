// SPDX-License-Identifier: GPL-2.0
/*
 * Drivers wrap the runtime PM calls in small static helpers.  A helper
 * that returns 0 holding a reference (and drops it itself on failure) is
 * not a leak, nor is a helper that only puts; their callers are checked
 * with what the helpers do.  A helper whose own error path keeps the count
 * leaks.  Slice of an I2C temperature sensor driver.
 */
#include <linux/i2c.h>
#include <linux/regmap.h>
#include <linux/mutex.h>
#include <linux/pm_runtime.h>

#define TMP_REG_TEMP		0x00
#define TMP_REG_CONFIG		0x01
#define TMP_REG_LIMIT		0x03
#define TMP_CONFIG_SHUTDOWN	BIT(8)

struct tmp_data {
	struct device *dev;
	struct regmap *regmap;
	struct mutex lock;
	unsigned int config;
};

/* Returns 0 with a reference held, or -errno with none. */
static int tmp_pm_get(struct tmp_data *data)
{
	int ret;

	ret = pm_runtime_get_sync(data->dev);
	if (ret < 0) {
		dev_err(data->dev, "failed to resume: %d\n", ret);
		pm_runtime_put_noidle(data->dev);
		return ret;
	}

	return 0;
}

static void tmp_pm_put(struct tmp_data *data)
{
	pm_runtime_mark_last_busy(data->dev);
	pm_runtime_put_autosuspend(data->dev);
}

/* Powers the sensor up and configures it; holds a reference on success. */
static int tmp_power_up(struct tmp_data *data)
{
	int ret;

	ret = pm_runtime_resume_and_get(data->dev);
	if (ret)
		return ret;

	ret = regmap_write(data->regmap, TMP_REG_CONFIG, data->config);
	if (ret < 0) {
		pm_runtime_put(data->dev);
		return ret;
	}

	return 0;
}

static int good_read_temp(struct tmp_data *data, int *temp)
{
	unsigned int val;
	int ret;

	ret = tmp_pm_get(data);
	if (ret)
		return ret;

	ret = regmap_read(data->regmap, TMP_REG_TEMP, &val);
	tmp_pm_put(data);
	if (ret < 0)
		return ret;

	*temp = (s16)val >> 4;
	return 0;
}

static int warn_read_temp(struct tmp_data *data, int *temp)
{
	unsigned int val;
	int ret;

	ret = tmp_pm_get(data);
	if (ret)
		return ret;

	ret = regmap_read(data->regmap, TMP_REG_TEMP, &val);
	if (ret < 0)
		return ret;

	tmp_pm_put(data);
	*temp = (s16)val >> 4;
	return 0;
}

static int good_set_limit(struct tmp_data *data, int limit)
{
	int ret;

	ret = tmp_power_up(data);
	if (ret)
		return ret;

	mutex_lock(&data->lock);
	ret = regmap_write(data->regmap, TMP_REG_LIMIT, limit << 4);
	mutex_unlock(&data->lock);

	tmp_pm_put(data);
	return ret;
}

static int warn_set_limit(struct tmp_data *data, int limit)
{
	int ret;

	if (limit > 125)
		return -ERANGE;

	ret = tmp_power_up(data);
	if (ret)
		return ret;

	mutex_lock(&data->lock);
	ret = regmap_write(data->regmap, TMP_REG_LIMIT, limit << 4);
	mutex_unlock(&data->lock);
	if (ret < 0)
		return ret;

	tmp_pm_put(data);
	return 0;
}

static int warn_tmp_shutdown(struct tmp_data *data)
{
	int ret;

	ret = pm_runtime_get_sync(data->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(data->dev);
		return ret;
	}

	ret = regmap_update_bits(data->regmap, TMP_REG_CONFIG,
				 TMP_CONFIG_SHUTDOWN, TMP_CONFIG_SHUTDOWN);
	if (ret < 0) {
		dev_err(data->dev, "cannot shut down: %d\n", ret);
		return ret;
	}

	pm_runtime_put_sync(data->dev);
	return 0;
}

static void good_put_twice_for_two_helpers(struct tmp_data *data)
{
	if (tmp_pm_get(data))
		return;
	if (tmp_power_up(data)) {
		tmp_pm_put(data);
		return;
	}

	regmap_write(data->regmap, TMP_REG_CONFIG, 0);
	tmp_pm_put(data);
	tmp_pm_put(data);
}
/*
 * check-name: helpers that get or put for their callers
 * check-output-ignore-notes
 *
 * check-output-start
helper-summaries.c:94:3: warning: 'warn_read_temp' returns an error with the runtime PM usage count of 'data->dev' still raised [-Wrpm-leak]
helper-summaries.c:132:3: warning: 'warn_set_limit' returns an error with the runtime PM usage count of 'data->dev' still raised [-Wrpm-leak]
helper-summaries.c:152:3: warning: 'warn_tmp_shutdown' returns an error with the runtime PM usage count of 'data->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
