/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: local interrupt masking.
 *
 * The layers follow the kernel's (x86, no CONFIG_TRACE_IRQFLAGS):
 * local_irq_save(flags) is raw_local_irq_save(flags), which assigns
 * flags = arch_local_irq_save(); irqs_disabled() reads the flags with
 * arch_local_save_flags() (CONFIG_TRACE_IRQFLAGS_SUPPORT form).
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/types.h>
#include <linux/typecheck.h>
#include <linux/cleanup.h>

#define X86_EFLAGS_IF	0x00000200

extern unsigned long arch_local_save_flags(void);
extern void arch_local_irq_disable(void);
extern void arch_local_irq_enable(void);
extern unsigned long arch_local_irq_save(void);
extern void arch_local_irq_restore(unsigned long flags);
extern void arch_safe_halt(void);	/* sti; hlt: enables interrupts */

static __always_inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

static __always_inline int arch_irqs_disabled(void)
{
	unsigned long flags = arch_local_save_flags();

	return arch_irqs_disabled_flags(flags);
}

#define raw_local_irq_disable()		arch_local_irq_disable()
#define raw_local_irq_enable()		arch_local_irq_enable()
#define raw_local_irq_save(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		flags = arch_local_irq_save();		\
	} while (0)
#define raw_local_irq_restore(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		arch_local_irq_restore(flags);		\
	} while (0)
#define raw_local_save_flags(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		flags = arch_local_save_flags();	\
	} while (0)
#define raw_irqs_disabled_flags(flags)			\
	({						\
		typecheck(unsigned long, flags);	\
		arch_irqs_disabled_flags(flags);	\
	})
#define raw_irqs_disabled()		(arch_irqs_disabled())

#define local_irq_enable()	do { raw_local_irq_enable(); } while (0)
#define local_irq_disable()	do { raw_local_irq_disable(); } while (0)
#define local_irq_save(flags)	do { raw_local_irq_save(flags); } while (0)
#define local_irq_restore(flags) do { raw_local_irq_restore(flags); } while (0)
#define local_save_flags(flags)	raw_local_save_flags(flags)
#define raw_safe_halt()		arch_safe_halt()
#define safe_halt()		do { raw_safe_halt(); } while (0)

#define irqs_disabled()					\
	({						\
		unsigned long _flags;			\
		raw_local_save_flags(_flags);		\
		raw_irqs_disabled_flags(_flags);	\
	})

#define irqs_disabled_flags(flags) raw_irqs_disabled_flags(flags)

DEFINE_LOCK_GUARD_0(irq, local_irq_disable(), local_irq_enable())
DEFINE_LOCK_GUARD_0(irqsave,
		    local_irq_save(_T->flags),
		    local_irq_restore(_T->flags),
		    unsigned long flags)

#endif /* _LINUX_IRQFLAGS_H */
