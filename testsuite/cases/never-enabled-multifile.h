/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private header of never-enabled-multifile.c: the core of the driver
 * lives in another file (mcodec-core.c) that enables runtime PM.
 */
#ifndef NEVER_ENABLED_MULTIFILE_H
#define NEVER_ENABLED_MULTIFILE_H

#include <linux/device.h>
#include <linux/regmap.h>

struct mcodec {
	struct device *dev;
	struct regmap *regmap;
};

int mcodec_core_probe(struct device *dev, struct regmap *regmap);
void mcodec_core_remove(struct device *dev);

#endif /* NEVER_ENABLED_MULTIFILE_H */
