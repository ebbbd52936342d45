// SPDX-License-Identifier: GPL-2.0
/*
 * Gets and puts hidden in driver macros (do { } while (0), statement
 * expressions), in "?:" and in comma expressions count like direct calls;
 * a warning about a put that comes from a macro points at the macro name.
 * Slice of an SPI display controller driver.
 */
#include <linux/spi/spi.h>
#include <linux/gpio/consumer.h>
#include <linux/delay.h>
#include <linux/pm_runtime.h>

#define PANEL_CMD_SLEEP_OUT	0x11
#define PANEL_CMD_DISPLAY_ON	0x29
#define PANEL_CMD_DISPLAY_OFF	0x28
#define PANEL_CMD_BRIGHTNESS	0x51

#define PANEL_RPM_GET(dev)	pm_runtime_get_sync(dev)
#define PANEL_RPM_PUT(dev)				\
	do {						\
		pm_runtime_mark_last_busy(dev);		\
		pm_runtime_put_autosuspend(dev);	\
	} while (0)

/* get_sync that undoes its count on failure: 0/1 with a reference, or -errno. */
#define panel_rpm_get_checked(dev)			\
	({						\
		int __ret = pm_runtime_get_sync(dev);	\
		if (__ret < 0)				\
			pm_runtime_put_noidle(dev);	\
		__ret;					\
	})

struct panel {
	struct spi_device *spi;
	struct gpio_desc *reset;
	bool use_rpm;
	u8 brightness;
};

static int panel_cmd(struct panel *p, u8 cmd)
{
	return spi_write(p->spi, &cmd, 1);
}

static int good_display_on(struct panel *p)
{
	int ret;

	PANEL_RPM_GET(&p->spi->dev);
	ret = panel_cmd(p, PANEL_CMD_DISPLAY_ON);
	PANEL_RPM_PUT(&p->spi->dev);
	return ret;
}

static int good_statement_expression(struct panel *p)
{
	int ret;

	ret = panel_rpm_get_checked(&p->spi->dev);
	if (ret < 0)
		return ret;

	ret = panel_cmd(p, PANEL_CMD_SLEEP_OUT);
	msleep(120);
	PANEL_RPM_PUT(&p->spi->dev);
	return ret;
}

static int warn_macro_put_after_failure(struct panel *p, u8 level)
{
	u8 buf[2] = { PANEL_CMD_BRIGHTNESS, level };
	int ret;

	ret = pm_runtime_resume_and_get(&p->spi->dev);
	if (ret < 0) {
		PANEL_RPM_PUT(&p->spi->dev);
		return ret;
	}

	ret = spi_write(p->spi, buf, sizeof(buf));
	if (!ret)
		p->brightness = level;
	PANEL_RPM_PUT(&p->spi->dev);
	return ret;
}

static int warn_macro_get_leak(struct panel *p)
{
	int ret;

	ret = PANEL_RPM_GET(&p->spi->dev);
	if (ret < 0)
		return ret;

	ret = panel_cmd(p, PANEL_CMD_DISPLAY_OFF);
	PANEL_RPM_PUT(&p->spi->dev);
	return ret;
}

static int good_conditional_operator(struct panel *p)
{
	bool rpm = p->use_rpm;
	int ret;

	ret = rpm ? pm_runtime_resume_and_get(&p->spi->dev) : 0;
	if (ret)
		return ret;

	ret = panel_cmd(p, PANEL_CMD_DISPLAY_ON);

	if (rpm)
		pm_runtime_put(&p->spi->dev);
	return ret;
}

static int good_comma_expressions(struct panel *p)
{
	int ret, i;

	for (i = 0, ret = 0; i < 3 && !ret; i++, usleep_range(1000, 2000)) {
		ret = pm_runtime_resume_and_get(&p->spi->dev);
		if (ret)
			break;
		ret = (gpiod_set_value_cansleep(p->reset, 0), panel_cmd(p, PANEL_CMD_SLEEP_OUT));
		pm_runtime_put(&p->spi->dev);
	}

	return ret;
}

static int warn_gnu_conditional(struct panel *p)
{
	int ret;

	ret = pm_runtime_resume_and_get(&p->spi->dev) ?: panel_cmd(p, PANEL_CMD_SLEEP_OUT);
	if (ret)
		return ret;

	pm_runtime_put(&p->spi->dev);
	return 0;
}
/* The name comes from a macro; the body is the driver's own. */
#define PANEL_RESUME_FN warn_macro_named_function

static int PANEL_RESUME_FN(struct panel *p)
{
	int ret = pm_runtime_get_sync(&p->spi->dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(&p->spi->dev);
	return 0;
}
/*
 * check-name: gets and puts inside macros, statement expressions, ?: and commas
 * check-output-ignore-notes
 *
 * check-output-start
macros-and-expressions.c:77:3: warning: 'warn_macro_put_after_failure' drops a runtime PM usage count of '&p->spi->dev' that it does not hold [-Wrpm-underflow]
macros-and-expressions.c:94:3: warning: 'warn_macro_get_leak' returns an error with the runtime PM usage count of '&p->spi->dev' still raised [-Wrpm-leak]
macros-and-expressions.c:138:3: warning: 'warn_gnu_conditional' returns an error with the runtime PM usage count of '&p->spi->dev' still raised [-Wrpm-leak]
macros-and-expressions.c:151:3: warning: 'warn_macro_named_function' returns an error with the runtime PM usage count of '&p->spi->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
