/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: a minimal register map API.
 */
#ifndef __LINUX_REGMAP_H
#define __LINUX_REGMAP_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/bits.h>

struct device;
struct i2c_client;
struct spi_device;
struct regmap;

enum regcache_type {
	REGCACHE_NONE,
	REGCACHE_RBTREE,
	REGCACHE_FLAT,
	REGCACHE_MAPLE,
};

struct reg_default {
	unsigned int reg;
	unsigned int def;
};

struct regmap_config {
	const char *name;

	int reg_bits;
	int reg_stride;
	int pad_bits;
	int val_bits;

	bool (*writeable_reg)(struct device *dev, unsigned int reg);
	bool (*readable_reg)(struct device *dev, unsigned int reg);
	bool (*volatile_reg)(struct device *dev, unsigned int reg);
	bool (*precious_reg)(struct device *dev, unsigned int reg);

	bool fast_io;
	unsigned int max_register;
	const struct reg_default *reg_defaults;
	unsigned int num_reg_defaults;
	enum regcache_type cache_type;
};

extern struct regmap *__devm_regmap_init_i2c(struct i2c_client *i2c,
					     const struct regmap_config *config);
extern struct regmap *__devm_regmap_init_spi(struct spi_device *spi,
					     const struct regmap_config *config);
extern struct regmap *__devm_regmap_init_mmio_clk(struct device *dev,
						  const char *clk_id,
						  void __iomem *regs,
						  const struct regmap_config *config);

#define devm_regmap_init_i2c(i2c, config)	__devm_regmap_init_i2c(i2c, config)
#define devm_regmap_init_spi(spi, config)	__devm_regmap_init_spi(spi, config)
#define devm_regmap_init_mmio_clk(dev, clk_id, regs, config) \
	__devm_regmap_init_mmio_clk(dev, clk_id, regs, config)
#define devm_regmap_init_mmio(dev, regs, config) \
	devm_regmap_init_mmio_clk(dev, NULL, regs, config)

extern struct regmap *dev_get_regmap(struct device *dev, const char *name);

extern int regmap_write(struct regmap *map, unsigned int reg, unsigned int val);
extern int regmap_read(struct regmap *map, unsigned int reg, unsigned int *val);
extern int regmap_raw_read(struct regmap *map, unsigned int reg,
			   void *val, size_t val_len);
extern int regmap_bulk_read(struct regmap *map, unsigned int reg, void *val,
			    size_t val_count);
extern int regmap_bulk_write(struct regmap *map, unsigned int reg, const void *val,
			     size_t val_count);
extern int regmap_update_bits_base(struct regmap *map, unsigned int reg,
				   unsigned int mask, unsigned int val,
				   bool *change, bool async, bool force);
extern int regmap_set_bits(struct regmap *map, unsigned int reg, unsigned int bits);
extern int regmap_clear_bits(struct regmap *map, unsigned int reg, unsigned int bits);

static inline int regmap_update_bits(struct regmap *map, unsigned int reg,
				     unsigned int mask, unsigned int val)
{
	return regmap_update_bits_base(map, reg, mask, val, NULL, false, false);
}

static inline int regmap_write_bits(struct regmap *map, unsigned int reg,
				    unsigned int mask, unsigned int val)
{
	return regmap_update_bits_base(map, reg, mask, val, NULL, false, true);
}

extern int regcache_sync(struct regmap *map);
extern void regcache_cache_only(struct regmap *map, bool enable);
extern void regcache_cache_bypass(struct regmap *map, bool enable);
extern void regcache_mark_dirty(struct regmap *map);

#endif /* __LINUX_REGMAP_H */
