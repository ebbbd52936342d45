/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: struct device and the driver-model helpers
 * drivers use around it.
 */
#ifndef _DEVICE_H_
#define _DEVICE_H_

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/pm.h>
#include <linux/mutex.h>
#include <linux/ioport.h>
#include <linux/sysfs.h>
#include <linux/dev_printk.h>
#include <linux/device/driver.h>

struct device_node;
struct fwnode_handle;
struct bus_type;
struct class;
struct device_type;
struct device_link;
struct attribute_group;

struct device {
	struct device		*parent;
	const char		*init_name;
	const struct device_type *type;
	const struct bus_type	*bus;
	struct device_driver	*driver;
	void			*platform_data;
	void			*driver_data;
	struct mutex		mutex;
	struct dev_pm_info	power;
	struct device_node	*of_node;
	struct fwnode_handle	*fwnode;
	u64			*dma_mask;
	u64			coherent_dma_mask;
	u32			id;
	const struct class	*class;
	const struct attribute_group **groups;
	void	(*release)(struct device *dev);
};

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

extern const char *dev_driver_string(const struct device *dev);

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

extern struct device *get_device(struct device *dev);
extern void put_device(struct device *dev);
extern int device_add(struct device *dev);
extern void device_initialize(struct device *dev);
extern void device_unregister(struct device *dev);
extern void device_del(struct device *dev);
extern int device_init_wakeup(struct device *dev, bool enable);
extern bool device_may_wakeup(struct device *dev);

static inline void device_lock(struct device *dev)
{
	mutex_lock(&dev->mutex);
}

static inline void device_unlock(struct device *dev)
{
	mutex_unlock(&dev->mutex);
}

/* Managed resources: released automatically when the driver unbinds. */
extern void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __attribute__((__malloc__));
extern void devm_kfree(struct device *dev, const void *p);
extern char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
	__printf(3, 4);

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc(dev, n * size, flags | __GFP_ZERO);
}

extern void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);

extern int __devm_add_action(struct device *dev, void (*action)(void *), void *data,
			     const char *name);
#define devm_add_action(dev, action, data) \
	__devm_add_action(dev, action, data, #action)

static inline int __devm_add_action_or_ireset(struct device *dev, void (*action)(void *),
					      void *data, const char *name)
{
	int ret;

	ret = __devm_add_action(dev, action, data, name);
	if (ret)
		action(data);

	return ret;
}
#define devm_add_action_or_reset(dev, action, data) \
	__devm_add_action_or_ireset(dev, action, data, #action)

struct device_attribute {
	struct attribute	attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

extern int device_create_file(struct device *dev, const struct device_attribute *attr);
extern void device_remove_file(struct device *dev, const struct device_attribute *attr);

#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = { .name = #_name, .mode = (_mode) },			\
	.show	= _show,						\
	.store	= _store,						\
}
#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, 0644, _name##_show, _name##_store)
#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, 0444, _name##_show, NULL)
#define DEVICE_ATTR_WO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, 0200, NULL, _name##_store)

DEFINE_GUARD(device, struct device *, device_lock(_T), device_unlock(_T))

#endif /* _DEVICE_H_ */
