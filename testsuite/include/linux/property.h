/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PROPERTY_H_
#define _LINUX_PROPERTY_H_

#include <linux/types.h>

struct device;

extern bool device_property_present(const struct device *dev, const char *propname);
extern bool device_property_read_bool(const struct device *dev, const char *propname);
extern int device_property_read_u32_array(const struct device *dev, const char *propname,
					  u32 *val, size_t nval);
extern int device_property_read_string(const struct device *dev, const char *propname,
				       const char **val);
extern const void *device_get_match_data(const struct device *dev);

static inline int device_property_read_u32(const struct device *dev,
					   const char *propname, u32 *val)
{
	return device_property_read_u32_array(dev, propname, val, 1);
}

#endif /* _LINUX_PROPERTY_H_ */
