/* SPDX-License-Identifier: GPL-2.0 */
/*
 * watchdog.h - the watchdog core API, with the kernel's names and
 * signatures, for rpmcheck's test cases.  Only what they use.
 */
#ifndef _LINUX_WATCHDOG_H
#define _LINUX_WATCHDOG_H

#include <linux/device.h>
#include <linux/types.h>

struct module;
struct watchdog_device;

struct watchdog_ops {
	struct module *owner;
	int (*start)(struct watchdog_device *);
	int (*stop)(struct watchdog_device *);
	int (*ping)(struct watchdog_device *);
	unsigned int (*status)(struct watchdog_device *);
	int (*set_timeout)(struct watchdog_device *, unsigned int);
	int (*set_pretimeout)(struct watchdog_device *, unsigned int);
	unsigned int (*get_timeleft)(struct watchdog_device *);
	int (*restart)(struct watchdog_device *, unsigned long, void *);
};

struct watchdog_device {
	int id;
	struct device *parent;
	const struct watchdog_ops *ops;
	void *driver_data;
};

static inline void *watchdog_get_drvdata(struct watchdog_device *wdd)
{
	return wdd->driver_data;
}

int devm_watchdog_register_device(struct device *dev,
				  struct watchdog_device *wdd);

#endif
