/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_REGULATOR_CONSUMER_H_
#define __LINUX_REGULATOR_CONSUMER_H_

#include <linux/err.h>

struct device;
struct regulator;

struct regulator_bulk_data {
	const char		*supply;
	struct regulator	*consumer;
	int			init_load_uA;
	int			ret;
};

extern struct regulator *__must_check devm_regulator_get(struct device *dev, const char *id);
extern struct regulator *__must_check devm_regulator_get_optional(struct device *dev,
								   const char *id);
extern int devm_regulator_get_enable(struct device *dev, const char *id);
extern int __must_check devm_regulator_bulk_get(struct device *dev, int num_consumers,
						struct regulator_bulk_data *consumers);
extern int __must_check regulator_enable(struct regulator *regulator);
extern int regulator_disable(struct regulator *regulator);
extern int __must_check regulator_bulk_enable(int num_consumers,
					      struct regulator_bulk_data *consumers);
extern int regulator_bulk_disable(int num_consumers,
				  struct regulator_bulk_data *consumers);

#endif /* __LINUX_REGULATOR_CONSUMER_H_ */
