/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_GPIO_CONSUMER_H
#define __LINUX_GPIO_CONSUMER_H

#include <linux/err.h>
#include <linux/types.h>
#include <linux/bits.h>

struct device;
struct gpio_desc;

#define GPIOD_FLAGS_BIT_DIR_SET		BIT(0)
#define GPIOD_FLAGS_BIT_DIR_OUT		BIT(1)
#define GPIOD_FLAGS_BIT_DIR_VAL		BIT(2)

enum gpiod_flags {
	GPIOD_ASIS	= 0,
	GPIOD_IN	= 1,
	GPIOD_OUT_LOW	= 3,
	GPIOD_OUT_HIGH	= 7,
};

extern struct gpio_desc *__must_check devm_gpiod_get(struct device *dev,
						    const char *con_id,
						    enum gpiod_flags flags);
extern struct gpio_desc *__must_check devm_gpiod_get_optional(struct device *dev,
							     const char *con_id,
							     enum gpiod_flags flags);
extern int gpiod_get_value(const struct gpio_desc *desc);
extern int gpiod_get_value_cansleep(const struct gpio_desc *desc);
extern void gpiod_set_value(struct gpio_desc *desc, int value);
extern void gpiod_set_value_cansleep(struct gpio_desc *desc, int value);
extern int gpiod_to_irq(const struct gpio_desc *desc);

#endif /* __LINUX_GPIO_CONSUMER_H */
