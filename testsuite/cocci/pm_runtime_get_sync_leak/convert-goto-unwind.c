// SPDX-License-Identifier: GPL-2.0
/*
 * An error branch that jumps to an unwind label whose code does not put
 * (the label that puts comes earlier): nothing else reads the result, so
 * pm_runtime_resume_and_get() fixes it.  Jumping to the label that puts
 * is already right.  Slice of a platform PWM/timer driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define TMR_CTRL		0x00
#define TMR_CTRL_EN		BIT(0)
#define TMR_IRQ_MASK		0x04
#define TMR_PERIOD		0x08

static DEFINE_MUTEX(chip_lock);

struct tmr_chip {
	struct device *dev;
	struct clk *clk;
	struct regmap *regmap;
};

static int warn_chip_init(struct tmr_chip *chip)
{
	int ret;

	ret = clk_prepare_enable(chip->clk);
	if (ret)
		return ret;

	ret = pm_runtime_get_sync(chip->dev);
	if (ret < 0) {
		dev_err(chip->dev, "failed to resume: %d\n", ret);
		goto err_clk;
	}

	ret = regmap_write(chip->regmap, TMR_CTRL, TMR_CTRL_EN);
	if (ret)
		goto err_put;

	ret = regmap_write(chip->regmap, TMR_IRQ_MASK, 0);
	if (ret)
		goto err_put;

	pm_runtime_put(chip->dev);
	return 0;

err_put:
	pm_runtime_put(chip->dev);
err_clk:
	clk_disable_unprepare(chip->clk);
	return ret;
}

static int good_set_period(struct tmr_chip *chip, u32 period)
{
	int ret;

	ret = clk_prepare_enable(chip->clk);
	if (ret)
		return ret;

	ret = pm_runtime_get_sync(chip->dev);
	if (ret < 0)
		goto err_put;

	ret = regmap_write(chip->regmap, TMR_PERIOD, period);

err_put:
	pm_runtime_put(chip->dev);
	clk_disable_unprepare(chip->clk);
	return ret;
}

static int warn_chip_stop(struct tmr_chip *chip)
{
	int ret;

	mutex_lock(&chip_lock);
	ret = pm_runtime_get_sync(chip->dev);
	if (ret < 0)
		goto out_unlock;

	ret = regmap_write(chip->regmap, TMR_CTRL, 0);
	pm_runtime_put(chip->dev);

out_unlock:
	mutex_unlock(&chip_lock);
	return ret;
}

int tmr_chip_setup(struct tmr_chip *chip)
{
	int ret;

	ret = warn_chip_init(chip);
	if (ret)
		return ret;

	return good_set_period(chip, 1000);
}
