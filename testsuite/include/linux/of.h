/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: device tree nodes and properties (CONFIG_OF=y).
 */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/mod_devicetable.h>
#include <linux/cleanup.h>

struct device;
struct property;
struct fwnode_handle;

struct device_node {
	const char		*name;
	const char		*full_name;
	struct property		*properties;
	struct device_node	*parent;
	struct device_node	*child;
	struct device_node	*sibling;
	unsigned long		_flags;
	void			*data;
};

extern struct device_node *of_node_get(struct device_node *node);
extern void of_node_put(struct device_node *node);
extern bool of_property_read_bool(const struct device_node *np, const char *propname);
extern int of_property_read_u32_index(const struct device_node *np,
				      const char *propname, u32 index, u32 *out_value);
extern int of_property_read_variable_u32_array(const struct device_node *np,
					       const char *propname, u32 *out_values,
					       size_t sz_min, size_t sz_max);
extern int of_property_read_string(const struct device_node *np,
				   const char *propname, const char **out_string);
extern const void *of_get_property(const struct device_node *node,
				   const char *name, int *lenp);
extern int of_device_is_compatible(const struct device_node *device,
				   const char *compat);
extern const void *of_device_get_match_data(const struct device *dev);
extern struct device_node *of_get_child_by_name(const struct device_node *node,
						const char *name);

static inline int of_property_read_u32_array(const struct device_node *np,
					     const char *propname,
					     u32 *out_values, size_t sz)
{
	int ret = of_property_read_variable_u32_array(np, propname, out_values,
						      sz, 0);
	if (ret >= 0)
		return 0;
	else
		return ret;
}

static inline int of_property_read_u32(const struct device_node *np,
				       const char *propname,
				       u32 *out_value)
{
	return of_property_read_u32_array(np, propname, out_value, 1);
}

#define of_match_ptr(_ptr)	(_ptr)

DEFINE_FREE(device_node, struct device_node *, if (_T) of_node_put(_T))

#endif /* _LINUX_OF_H */
