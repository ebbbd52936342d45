/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: platform bus devices and drivers (6.12: .remove
 * returns void).
 */
#ifndef _PLATFORM_DEVICE_H_
#define _PLATFORM_DEVICE_H_

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct platform_device {
	const char		*name;
	int			id;
	bool			id_auto;
	struct device		dev;
	u64			platform_dma_mask;
	u32			num_resources;
	struct resource		*resource;
	const struct platform_device_id	*id_entry;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

extern struct resource *platform_get_resource(struct platform_device *dev,
					      unsigned int type, unsigned int num);
extern struct resource *platform_get_resource_byname(struct platform_device *dev,
						     unsigned int type, const char *name);
extern int platform_get_irq(struct platform_device *dev, unsigned int num);
extern int platform_get_irq_optional(struct platform_device *dev, unsigned int num);
extern int platform_get_irq_byname(struct platform_device *dev, const char *name);
extern void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev,
						    unsigned int index);
extern void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev,
							    unsigned int index,
							    struct resource **res);

struct platform_driver {
	int (*probe)(struct platform_device *);
	union {
		void (*remove)(struct platform_device *);
		void (*remove_new)(struct platform_device *);
	};
	void (*shutdown)(struct platform_device *);
	int (*suspend)(struct platform_device *, pm_message_t state);
	int (*resume)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};

#define to_platform_driver(drv)	(container_of((drv), struct platform_driver, driver))

extern int __platform_driver_register(struct platform_driver *drv, struct module *owner);
extern void platform_driver_unregister(struct platform_driver *drv);

#define platform_driver_register(drv) \
	__platform_driver_register(drv, THIS_MODULE)

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
			platform_driver_unregister)

#endif /* _PLATFORM_DEVICE_H_ */
