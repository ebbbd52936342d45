/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: the firmware loader (CONFIG_FW_LOADER=y).
 */
#ifndef _LINUX_FIRMWARE_H
#define _LINUX_FIRMWARE_H

#include <linux/types.h>
#include <linux/gfp.h>

struct device;
struct module;

struct firmware {
	size_t size;
	const u8 *data;
	void *priv;
};

extern int request_firmware(const struct firmware **fw, const char *name,
			    struct device *device);
extern int firmware_request_nowarn(const struct firmware **fw,
				   const char *name, struct device *device);
extern int request_firmware_nowait(struct module *module, bool uevent,
				   const char *name, struct device *device,
				   gfp_t gfp, void *context,
				   void (*cont)(const struct firmware *fw,
						void *context));
extern int request_firmware_direct(const struct firmware **fw,
				   const char *name, struct device *device);
extern void release_firmware(const struct firmware *fw);

#endif /* _LINUX_FIRMWARE_H */
