// SPDX-License-Identifier: GPL-2.0
/*
 * The note names the lock call the driver wrote: raw_spin_lock_irqsave()
 * and raw_spin_lock() on a raw_spinlock_t, not spin_lock_irqsave() and
 * spin_lock(), with which they share their expansion
 * (_raw_spin_lock_irqsave(), _raw_spin_lock()).  The guards already do:
 * guard(raw_spinlock_irqsave) is noted as raw_spin_lock_irqsave.  Slice
 * of an interrupt controller driver.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define INTC_MASK		0x04
#define INTC_ACK		0x08

struct intc_priv {
	void __iomem *base;
	raw_spinlock_t lock;
	u32 mask;
};

static void warn_raw_irqsave(struct intc_priv *intc, unsigned int hwirq)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&intc->lock, flags);
	intc->mask |= BIT(hwirq);
	writel(intc->mask, intc->base + INTC_MASK);
	usleep_range(10, 20);
	raw_spin_unlock_irqrestore(&intc->lock, flags);
}

static void warn_raw_lock(struct intc_priv *intc, unsigned int hwirq)
{
	raw_spin_lock(&intc->lock);
	writel(BIT(hwirq), intc->base + INTC_ACK);
	msleep(1);
	raw_spin_unlock(&intc->lock);
}
/*
 * check-name: the note names raw_spin_lock_irqsave() and raw_spin_lock() as written
 *
 * check-output-start
sleep-raw-spinlock-note.c:31:2: warning: 'usleep_range' may sleep but 'warn_raw_irqsave' holds spinlock '&intc->lock' (taken at line 28) [-Wsleep-in-atomic]
sleep-raw-spinlock-note.c:28:2: note: 'raw_spin_lock_irqsave' takes '&intc->lock' here
sleep-raw-spinlock-note.c:39:2: warning: 'msleep' may sleep but 'warn_raw_lock' holds spinlock '&intc->lock' (taken at line 37) [-Wsleep-in-atomic]
sleep-raw-spinlock-note.c:37:2: note: 'raw_spin_lock' takes '&intc->lock' here
 * check-output-end
 */
