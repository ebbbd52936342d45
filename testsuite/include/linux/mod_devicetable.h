/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LINUX_MOD_DEVICETABLE_H
#define LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

#define PCI_ANY_ID (~0)

struct pci_device_id {
	__u32 vendor, device;		/* Vendor and device ID or PCI_ANY_ID*/
	__u32 subvendor, subdevice;	/* Subsystem ID's or PCI_ANY_ID */
	__u32 class, class_mask;	/* (class,subclass,prog-if) triplet */
	kernel_ulong_t driver_data;	/* Data private to the driver */
	__u32 override_only;
};

struct of_device_id {
	char		name[32];
	char		type[32];
	char		compatible[128];
	const void	*data;
};

#define I2C_NAME_SIZE		20
#define I2C_MODULE_PREFIX	"i2c:"

struct i2c_device_id {
	char		name[I2C_NAME_SIZE];
	kernel_ulong_t	driver_data;
};

#define SPI_NAME_SIZE		32
#define SPI_MODULE_PREFIX	"spi:"

struct spi_device_id {
	char		name[SPI_NAME_SIZE];
	kernel_ulong_t	driver_data;
};

#define PLATFORM_NAME_SIZE	24
#define PLATFORM_MODULE_PREFIX	"platform:"

struct platform_device_id {
	char		name[PLATFORM_NAME_SIZE];
	kernel_ulong_t	driver_data;
};

struct acpi_device_id {
	u8		id[16];
	kernel_ulong_t	driver_data;
	u32		cls;
	u32		cls_msk;
};

#endif /* LINUX_MOD_DEVICETABLE_H */
