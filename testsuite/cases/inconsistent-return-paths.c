// SPDX-License-Identifier: GPL-2.0
/*
 * A function that puts on some paths but returns with the count raised on
 * another path of the same kind (both void, or both returning 0) leaks on
 * that path, including by falling off the end of a void function.  Slice
 * of an SPI touchscreen controller driver.
 */
#include <linux/spi/spi.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/pm_runtime.h>

#define TSC_CMD_READ_X		0x90
#define TSC_CMD_READ_Y		0xd0
#define TSC_CMD_STATUS		0xe0
#define TSC_STATUS_PEN		BIT(0)
#define TSC_STATUS_FIFO_ERR	BIT(7)

struct tsc_data {
	struct spi_device *spi;
	struct work_struct sample_work;
	bool enabled;
	bool streaming;
	int x, y;
};

static void warn_sample_work(struct work_struct *work)
{
	struct tsc_data *tsc = container_of(work, struct tsc_data, sample_work);
	struct device *dev = &tsc->spi->dev;
	ssize_t val;

	pm_runtime_get_sync(dev);
	if (!tsc->enabled)
		return;

	val = spi_w8r8(tsc->spi, TSC_CMD_READ_X);
	if (val >= 0)
		tsc->x = val;
	val = spi_w8r8(tsc->spi, TSC_CMD_READ_Y);
	if (val >= 0)
		tsc->y = val;

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
}

static void good_sample_work(struct work_struct *work)
{
	struct tsc_data *tsc = container_of(work, struct tsc_data, sample_work);
	struct device *dev = &tsc->spi->dev;
	ssize_t val;

	if (!tsc->enabled)
		return;

	pm_runtime_get_sync(dev);
	val = spi_w8r8(tsc->spi, TSC_CMD_READ_X);
	if (val >= 0)
		tsc->x = val;

	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
}

static void warn_check_status(struct tsc_data *tsc)
{
	ssize_t status;

	pm_runtime_get_sync(&tsc->spi->dev);
	status = spi_w8r8(tsc->spi, TSC_CMD_STATUS);
	if (status < 0 || (status & TSC_STATUS_FIFO_ERR)) {
		dev_warn(&tsc->spi->dev, "FIFO error, status %zd\n", status);
		pm_runtime_put(&tsc->spi->dev);
		return;
	}

	if (status & TSC_STATUS_PEN)
		schedule_work(&tsc->sample_work);
}

static void good_check_status(struct tsc_data *tsc)
{
	ssize_t status;

	pm_runtime_get_sync(&tsc->spi->dev);
	status = spi_w8r8(tsc->spi, TSC_CMD_STATUS);
	if (status < 0 || (status & TSC_STATUS_FIFO_ERR)) {
		dev_warn(&tsc->spi->dev, "FIFO error, status %zd\n", status);
		pm_runtime_put(&tsc->spi->dev);
		return;
	}

	if (status & TSC_STATUS_PEN)
		schedule_work(&tsc->sample_work);
	pm_runtime_put(&tsc->spi->dev);
}

static int warn_start_streaming(struct tsc_data *tsc)
{
	struct device *dev = &tsc->spi->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret)
		return ret;

	if (tsc->streaming)
		return 0;

	ret = spi_write(tsc->spi, "\x01", 1);
	if (!ret)
		tsc->streaming = true;

	pm_runtime_put(dev);
	return 0;
}

static int good_start_streaming(struct tsc_data *tsc)
{
	struct device *dev = &tsc->spi->dev;
	int ret;

	if (tsc->streaming)
		return 0;

	ret = pm_runtime_resume_and_get(dev);
	if (ret)
		return ret;

	ret = spi_write(tsc->spi, "\x01", 1);
	if (!ret)
		tsc->streaming = true;

	pm_runtime_put(dev);
	return 0;
}

static irqreturn_t good_tsc_irq_thread(int irq, void *dev_id)
{
	struct tsc_data *tsc = dev_id;

	if (!tsc->enabled)
		return IRQ_NONE;

	if (pm_runtime_resume_and_get(&tsc->spi->dev) < 0)
		return IRQ_NONE;

	good_check_status(tsc);
	pm_runtime_put(&tsc->spi->dev);
	return IRQ_HANDLED;
}

static void good_tsc_remove(struct spi_device *spi)
{
	struct tsc_data *tsc = spi_get_drvdata(spi);

	pm_runtime_get_sync(&spi->dev);
	cancel_work_sync(&tsc->sample_work);
	pm_runtime_put_noidle(&spi->dev);
	pm_runtime_disable(&spi->dev);
}
/*
 * check-name: a return path that keeps the count while others drop it
 * check-output-ignore-notes
 *
 * check-output-start
inconsistent-return-paths.c:35:3: warning: 'warn_sample_work' returns with the runtime PM usage count of '&tsc->spi->dev' raised on this path but not on others [-Wrpm-leak]
inconsistent-return-paths.c:80:1: warning: 'warn_check_status' returns with the runtime PM usage count of '&tsc->spi->dev' raised on this path but not on others [-Wrpm-leak]
inconsistent-return-paths.c:109:3: warning: 'warn_start_streaming' returns with the runtime PM usage count of '&tsc->spi->dev' raised on this path but not on others [-Wrpm-leak]
 * check-output-end
 */
