// SPDX-License-Identifier: GPL-2.0
/*
 * Runtime PM pairs under a spinlock in a driver that keeps no reference
 * beyond the function that takes it: the device is suspended whenever
 * no pair runs, so a pair's sync resume really sleeps, and stays
 * sleep-in-atomic even with -Wsleep-in-atomic-if-idle.  The get and put
 * wrappers (uart_rpm_get() returns holding a reference for its caller
 * to drop, and only on ports that can suspend) keep nothing themselves
 * (compare sleep-idle-pairs.c, whose driver keeps a reference).  Slice
 * of a UART driver.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/spinlock.h>

#define UART_CAP_RPM	BIT(3)
#define UART_IER	0x04
#define UART_MSR	0x18

struct uart_port {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;
	unsigned int caps;
	u32 ier;
};

static void uart_rpm_get(struct uart_port *p)
{
	if (!(p->caps & UART_CAP_RPM))
		return;
	pm_runtime_get_sync(p->dev);
}

static void uart_rpm_put(struct uart_port *p)
{
	if (!(p->caps & UART_CAP_RPM))
		return;
	pm_runtime_mark_last_busy(p->dev);
	pm_runtime_put_autosuspend(p->dev);
}

static void uart_enable_ms(struct uart_port *p)
{
	uart_rpm_get(p);
	p->ier |= 0x08;
	writel(p->ier, p->base + UART_IER);
	uart_rpm_put(p);
}

/* The wrapped pair under the port lock. */
static void warn_set_ldisc(struct uart_port *p)
{
	spin_lock_irq(&p->lock);
	uart_enable_ms(p);
	spin_unlock_irq(&p->lock);
}

/* The same pair written out. */
static u32 warn_get_msr(struct uart_port *p)
{
	unsigned long flags;
	u32 msr;

	spin_lock_irqsave(&p->lock, flags);
	pm_runtime_get_sync(p->dev);
	msr = readl(p->base + UART_MSR);
	pm_runtime_put(p->dev);
	spin_unlock_irqrestore(&p->lock, flags);
	return msr;
}

static void good_enable_ms_unlocked(struct uart_port *p)
{
	uart_enable_ms(p);
}
/*
 * check-name: runtime PM pairs in a file that keeps no reference elsewhere
 * check-command: rpmcheck -Wsleep-in-atomic-if-idle $file
 * check-output-ignore-notes
 *
 * check-output-start
sleep-idle-pairs-none.c:57:2: warning: 'uart_enable_ms' may sleep but 'warn_set_ldisc' holds spinlock '&p->lock' (taken at line 56) [-Wsleep-in-atomic]
sleep-idle-pairs-none.c:68:2: warning: 'pm_runtime_get_sync' may sleep but 'warn_get_msr' holds spinlock '&p->lock' (taken at line 67) [-Wsleep-in-atomic]
 * check-output-end
 */
