/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: local interrupt masking.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/types.h>
#include <linux/cleanup.h>

extern void arch_local_irq_disable(void);
extern void arch_local_irq_enable(void);
extern unsigned long arch_local_irq_save(void);
extern void arch_local_irq_restore(unsigned long flags);
extern bool arch_irqs_disabled(void);

#define local_irq_enable()	do { arch_local_irq_enable(); } while (0)
#define local_irq_disable()	do { arch_local_irq_disable(); } while (0)
#define local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) do { arch_local_irq_restore(flags); } while (0)
#define irqs_disabled()		(arch_irqs_disabled())

DEFINE_LOCK_GUARD_0(irq, local_irq_disable(), local_irq_enable())
DEFINE_LOCK_GUARD_0(irqsave,
		    local_irq_save(_T->flags),
		    local_irq_restore(_T->flags),
		    unsigned long flags)

#endif /* _LINUX_IRQFLAGS_H */
