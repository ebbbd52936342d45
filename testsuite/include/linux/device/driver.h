/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: struct device_driver and module_driver().
 */
#ifndef _DEVICE_DRIVER_H_
#define _DEVICE_DRIVER_H_

#include <linux/module.h>
#include <linux/pm.h>

struct device;
struct of_device_id;
struct acpi_device_id;
struct attribute_group;

enum probe_type {
	PROBE_DEFAULT_STRATEGY,
	PROBE_PREFER_ASYNCHRONOUS,
	PROBE_FORCE_SYNCHRONOUS,
};

struct device_driver {
	const char		*name;
	const struct bus_type	*bus;
	struct module		*owner;
	const char		*mod_name;
	bool			suppress_bind_attrs;
	enum probe_type		probe_type;
	const struct of_device_id	*of_match_table;
	const struct acpi_device_id	*acpi_match_table;
	int (*probe)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	const struct dev_pm_ops	*pm;
};

extern int driver_register(struct device_driver *drv);
extern void driver_unregister(struct device_driver *drv);

/*
 * Register the driver at module init and unregister it at module exit.
 * Each module may use this once; it replaces module_init()/module_exit().
 */
#define module_driver(__driver, __register, __unregister, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver), ##__VA_ARGS__); \
} \
module_init(__driver##_init); \
static void __exit __driver##_exit(void) \
{ \
	__unregister(&(__driver), ##__VA_ARGS__); \
} \
module_exit(__driver##_exit);

#endif /* _DEVICE_DRIVER_H_ */
