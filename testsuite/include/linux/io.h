/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: MMIO accessors.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/err.h>

struct device;
struct resource;

static inline u8 readb(const volatile void __iomem *addr)
{
	return *(const volatile u8 __force *)addr;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	return *(const volatile u16 __force *)addr;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 __force *)addr;
}

static inline void writeb(u8 value, volatile void __iomem *addr)
{
	*(volatile u8 __force *)addr = value;
}

static inline void writew(u16 value, volatile void __iomem *addr)
{
	*(volatile u16 __force *)addr = value;
}

static inline void writel(u32 value, volatile void __iomem *addr)
{
	*(volatile u32 __force *)addr = value;
}

#define readl_relaxed(c)	readl(c)
#define writel_relaxed(v, c)	writel(v, c)

extern void __iomem *ioremap(phys_addr_t offset, size_t size);
extern void iounmap(volatile void __iomem *addr);
extern void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
				  resource_size_t size);

#endif /* _LINUX_IO_H */
