// SPDX-License-Identifier: GPL-2.0
/*
 * tft-demo: SPI controller of a small TFT panel with its own frame memory.
 *
 * Written for rpmcheck as a sample: the controller sleeps (SLPIN) when
 * runtime suspended and wakes up (SLPOUT, 120 ms) on resume; user space
 * writes the backlight level and pushes frames through sysfs.  Three
 * runtime PM bugs are planted, each marked with a BUG comment.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/kernel.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pm_runtime.h>
#include <linux/spi/spi.h>
#include <linux/sysfs.h>

#define TFT_CMD_SLPIN		0x10
#define TFT_CMD_SLPOUT		0x11
#define TFT_CMD_DISPOFF		0x28
#define TFT_CMD_DISPON		0x29
#define TFT_CMD_CASET		0x2a
#define TFT_CMD_RASET		0x2b
#define TFT_CMD_RAMWR		0x2c
#define TFT_CMD_WRDISBV		0x51

#define TFT_WIDTH		128
#define TFT_HEIGHT		160
#define TFT_AUTOSUSPEND_MS	5000

struct tft_panel {
	struct spi_device *spi;
	struct gpio_desc *reset;
	struct mutex lock;		/* command sequences */
	u8 brightness;
	bool blanked;
};

static int tft_cmd(struct tft_panel *tft, u8 cmd, const u8 *data, size_t len)
{
	int ret;

	ret = spi_write(tft->spi, &cmd, 1);
	if (ret || !len)
		return ret;
	return spi_write(tft->spi, data, len);
}

static int tft_set_window(struct tft_panel *tft)
{
	static const u8 cols[] = { 0, 0, 0, TFT_WIDTH - 1 };
	static const u8 rows[] = { 0, 0, 0, TFT_HEIGHT - 1 };
	int ret;

	ret = tft_cmd(tft, TFT_CMD_CASET, cols, sizeof(cols));
	if (ret)
		return ret;
	return tft_cmd(tft, TFT_CMD_RASET, rows, sizeof(rows));
}

static ssize_t brightness_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	struct tft_panel *tft = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", tft->brightness);
}

static ssize_t brightness_store(struct device *dev, struct device_attribute *attr,
				const char *buf, size_t count)
{
	struct tft_panel *tft = dev_get_drvdata(dev);
	unsigned int level;
	u8 val;
	int ret;

	ret = kstrtouint(buf, 0, &level);
	if (ret)
		return ret;
	if (level > 255)
		return -EINVAL;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0) {
		/* BUG: resume_and_get() already dropped the count */
		pm_runtime_put_noidle(dev);
		return ret;
	}

	val = level;
	mutex_lock(&tft->lock);
	ret = tft_cmd(tft, TFT_CMD_WRDISBV, &val, 1);
	if (!ret)
		tft->brightness = level;
	mutex_unlock(&tft->lock);

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret ? ret : count;
}
static DEVICE_ATTR_RW(brightness);

static ssize_t frame_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct tft_panel *tft = dev_get_drvdata(dev);
	int ret;

	if (count != TFT_WIDTH * TFT_HEIGHT * 2)
		return -EINVAL;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0)
		goto out_noidle;

	mutex_lock(&tft->lock);
	ret = tft_set_window(tft);
	if (ret) {
		mutex_unlock(&tft->lock);
		/* BUG: jumps past the put below */
		goto out;
	}
	ret = tft_cmd(tft, TFT_CMD_RAMWR, (const u8 *)buf, count);
	mutex_unlock(&tft->lock);

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	goto out;

out_noidle:
	pm_runtime_put_noidle(dev);
out:
	if (ret)
		return ret;
	return count;
}
static DEVICE_ATTR_WO(frame);

static struct attribute *tft_attrs[] = {
	&dev_attr_brightness.attr,
	&dev_attr_frame.attr,
	NULL
};
ATTRIBUTE_GROUPS(tft);

void tft_blank(struct tft_panel *tft, bool blank)
{
	struct device *dev = &tft->spi->dev;

	if (tft->blanked == blank)
		return;

	pm_runtime_get_sync(dev);
	mutex_lock(&tft->lock);
	if (tft_cmd(tft, blank ? TFT_CMD_DISPOFF : TFT_CMD_DISPON, NULL, 0)) {
		mutex_unlock(&tft->lock);
		dev_warn(dev, "cannot %s the display\n", blank ? "blank" : "unblank");
		/* BUG: this path keeps the reference, the other one drops it */
		return;
	}
	tft->blanked = blank;
	mutex_unlock(&tft->lock);

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
}
EXPORT_SYMBOL_GPL(tft_blank);

static int tft_runtime_suspend(struct device *dev)
{
	struct tft_panel *tft = dev_get_drvdata(dev);
	int ret;

	ret = tft_cmd(tft, TFT_CMD_SLPIN, NULL, 0);
	if (ret)
		return ret;

	msleep(5);
	return 0;
}

static int tft_runtime_resume(struct device *dev)
{
	struct tft_panel *tft = dev_get_drvdata(dev);
	int ret;

	ret = tft_cmd(tft, TFT_CMD_SLPOUT, NULL, 0);
	if (ret)
		return ret;

	msleep(120);
	return 0;
}

static const struct dev_pm_ops tft_pm_ops = {
	SET_SYSTEM_SLEEP_PM_OPS(pm_runtime_force_suspend, pm_runtime_force_resume)
	SET_RUNTIME_PM_OPS(tft_runtime_suspend, tft_runtime_resume, NULL)
};

static int tft_probe(struct spi_device *spi)
{
	struct device *dev = &spi->dev;
	struct tft_panel *tft;
	int ret;

	tft = devm_kzalloc(dev, sizeof(*tft), GFP_KERNEL);
	if (!tft)
		return -ENOMEM;

	tft->spi = spi;
	tft->brightness = 255;
	mutex_init(&tft->lock);
	spi_set_drvdata(spi, tft);

	tft->reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_HIGH);
	if (IS_ERR(tft->reset))
		return dev_err_probe(dev, PTR_ERR(tft->reset), "reset gpio\n");

	spi->mode = SPI_MODE_0;
	ret = spi_setup(spi);
	if (ret)
		return ret;

	if (tft->reset) {
		usleep_range(20, 100);
		gpiod_set_value_cansleep(tft->reset, 0);
		msleep(120);
	}

	ret = tft_cmd(tft, TFT_CMD_SLPOUT, NULL, 0);
	if (ret)
		return dev_err_probe(dev, ret, "panel does not answer\n");
	msleep(120);

	pm_runtime_set_active(dev);
	pm_runtime_set_autosuspend_delay(dev, TFT_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_enable(dev);
	return 0;
}

static void tft_remove(struct spi_device *spi)
{
	struct tft_panel *tft = spi_get_drvdata(spi);

	if (pm_runtime_resume_and_get(&spi->dev) == 0) {
		tft_cmd(tft, TFT_CMD_DISPOFF, NULL, 0);
		pm_runtime_put_noidle(&spi->dev);
	}
	pm_runtime_disable(&spi->dev);
	pm_runtime_dont_use_autosuspend(&spi->dev);
	pm_runtime_set_suspended(&spi->dev);
}

static const struct spi_device_id tft_spi_id[] = {
	{ "tft-demo" },
	{ }
};
MODULE_DEVICE_TABLE(spi, tft_spi_id);

static const struct of_device_id tft_of_match[] = {
	{ .compatible = "rpmcheck,tft-demo" },
	{ }
};
MODULE_DEVICE_TABLE(of, tft_of_match);

static struct spi_driver tft_driver = {
	.driver = {
		.name = "tft-demo",
		.of_match_table = tft_of_match,
		.dev_groups = tft_groups,
		.pm = &tft_pm_ops,
	},
	.id_table = tft_spi_id,
	.probe = tft_probe,
	.remove = tft_remove,
};
module_spi_driver(tft_driver);

MODULE_DESCRIPTION("tft-demo SPI panel controller (rpmcheck sample)");
MODULE_LICENSE("GPL");
