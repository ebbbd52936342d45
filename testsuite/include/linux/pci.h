/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: PCI devices and drivers (6.12).  The PCI core
 * enables runtime PM of a device before its driver's probe runs.
 */
#ifndef LINUX_PCI_H
#define LINUX_PCI_H

#include <linux/mod_devicetable.h>
#include <linux/device.h>

struct pci_bus;

struct pci_dev {
	struct pci_bus	*bus;		/* Bus this device is on */
	unsigned int	devfn;		/* Encoded device & function index */
	unsigned short	vendor;
	unsigned short	device;
	u8		revision;	/* PCI revision, low byte of class word */
	struct device	dev;		/* Generic device interface */
	unsigned int	irq;
};

#define	to_pci_dev(n) container_of(n, struct pci_dev, dev)

struct pci_driver {
	const char		*name;
	const struct pci_device_id *id_table;	/* Must be non-NULL for probe to be called */
	int  (*probe)(struct pci_dev *dev, const struct pci_device_id *id);	/* New device inserted */
	void (*remove)(struct pci_dev *dev);	/* Device removed (NULL if not a hot-plug capable driver) */
	void (*shutdown)(struct pci_dev *dev);
	struct device_driver	driver;
};

#define PCI_DEVICE(vend,dev) \
	.vendor = (vend), .device = (dev), \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

int __must_check pcim_enable_device(struct pci_dev *pdev);
void pci_set_master(struct pci_dev *dev);
void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#endif /* LINUX_PCI_H */
