// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_sleep_in_atomic.cocci: runtime PM sync calls under a
 * spinlock, a raw spinlock, or with interrupts disabled are reported (the
 * innermost section names the reason); async calls, and sync calls made
 * after the section ends on every path, are not.  Slice of a platform
 * UART driver.
 *
 * warn_*: reported; good_*: correct code, not reported.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/irqflags.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define UART_TX			0x00
#define UART_IER		0x08
#define UART_IER_TX		BIT(1)

struct uart_priv {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;
	raw_spinlock_t fifo_lock;
	unsigned int ier;
};

static int warn_get_sync_under_lock(struct uart_priv *up, u8 ch)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&up->lock, flags);
	ret = pm_runtime_get_sync(up->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(up->dev);
		spin_unlock_irqrestore(&up->lock, flags);
		return ret;
	}

	writel(ch, up->base + UART_TX);
	pm_runtime_put(up->dev);
	spin_unlock_irqrestore(&up->lock, flags);

	return 0;
}

/* Two locks held: the inner one is named. */
static void warn_put_sync_nested(struct uart_priv *up)
{
	spin_lock(&up->lock);
	raw_spin_lock(&up->fifo_lock);
	up->ier &= ~UART_IER_TX;
	writel(up->ier, up->base + UART_IER);
	pm_runtime_put_sync(up->dev);
	raw_spin_unlock(&up->fifo_lock);
	spin_unlock(&up->lock);
}

static int warn_resume_irqs_off(struct uart_priv *up)
{
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	ret = pm_runtime_resume(up->dev);
	local_irq_restore(flags);

	return ret;
}

/* Released on one branch only: the other path still holds the lock. */
static void warn_idle_on_branch(struct uart_priv *up, bool flush)
{
	spin_lock_irq(&up->lock);
	if (flush) {
		spin_unlock_irq(&up->lock);
		return;
	}
	pm_runtime_idle(up->dev);
	spin_unlock_irq(&up->lock);
}

/* Each sync call in the section is reported. */
static void warn_two_calls_under_lock(struct uart_priv *up)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&up->fifo_lock, flags);
	if (pm_runtime_resume_and_get(up->dev) == 0) {
		writel(0, up->base + UART_IER);
		pm_runtime_put_sync_suspend(up->dev);
	}
	raw_spin_unlock_irqrestore(&up->fifo_lock, flags);
}

/* The async calls only queue work. */
static void good_async_under_lock(struct uart_priv *up, u8 ch)
{
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	if (pm_runtime_get(up->dev) >= 0)
		writel(ch, up->base + UART_TX);
	pm_runtime_mark_last_busy(up->dev);
	pm_runtime_put_autosuspend(up->dev);
	spin_unlock_irqrestore(&up->lock, flags);
}

/* The sync call comes once the lock is dropped. */
static int good_sync_after_unlock(struct uart_priv *up)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&up->lock, flags);
	up->ier |= UART_IER_TX;
	spin_unlock_irqrestore(&up->lock, flags);

	ret = pm_runtime_resume_and_get(up->dev);
	if (ret)
		return ret;
	writel(up->ier, up->base + UART_IER);
	pm_runtime_put_sync_autosuspend(up->dev);
	return 0;
}

/* Interrupts enabled again before the call. */
static void good_irqs_back_on(struct uart_priv *up)
{
	local_irq_disable();
	up->ier = 0;
	local_irq_enable();
	pm_runtime_suspend(up->dev);
}
