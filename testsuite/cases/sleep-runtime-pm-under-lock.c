// SPDX-License-Identifier: GPL-2.0
/*
 * Runtime PM sync calls may sleep: pm_runtime_get_sync(),
 * pm_runtime_resume_and_get() and pm_runtime_put_sync() under
 * spin_lock_irqsave() are the classic sleep-in-atomic bug.  The async
 * calls (pm_runtime_get(), pm_runtime_put(), pm_runtime_put_autosuspend(),
 * pm_runtime_get_if_active()) only queue work and are fine under the
 * lock, as is a sync call made once the lock is dropped, or a sleep
 * after a lock taken and released under the same condition.  Slice of a
 * platform UART driver.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define UART_TX			0x00
#define UART_STATUS		0x04
#define UART_STATUS_TXE		BIT(0)
#define UART_IER		0x08
#define UART_IER_TX		BIT(1)

struct uart_priv {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;
	unsigned int ier;
	bool console;
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

static int warn_resume_and_get_under_lock(struct uart_priv *up)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&up->lock, flags);
	up->ier |= UART_IER_TX;
	ret = pm_runtime_resume_and_get(up->dev);
	if (ret) {
		spin_unlock_irqrestore(&up->lock, flags);
		return ret;
	}

	writel(up->ier, up->base + UART_IER);
	pm_runtime_mark_last_busy(up->dev);
	pm_runtime_put_autosuspend(up->dev);
	spin_unlock_irqrestore(&up->lock, flags);

	return 0;
}

static void warn_put_sync_under_lock(struct uart_priv *up)
{
	unsigned long flags;

	if (pm_runtime_resume_and_get(up->dev))
		return;

	spin_lock_irqsave(&up->lock, flags);
	up->ier = 0;
	writel(0, up->base + UART_IER);
	pm_runtime_put_sync(up->dev);
	spin_unlock_irqrestore(&up->lock, flags);
}

/* The sleeping call is on one branch only; the note shows the branch. */
static void warn_put_sync_on_branch(struct uart_priv *up)
{
	unsigned long flags;

	if (pm_runtime_resume_and_get(up->dev))
		return;

	spin_lock_irqsave(&up->lock, flags);
	if (!(readl(up->base + UART_STATUS) & UART_STATUS_TXE)) {
		pm_runtime_put_sync(up->dev);
		spin_unlock_irqrestore(&up->lock, flags);
		return;
	}
	spin_unlock_irqrestore(&up->lock, flags);
	pm_runtime_put(up->dev);
}

/* Transmit only when the port is already powered; never wakes it. */
static void good_get_if_active_under_lock(struct uart_priv *up, u8 ch)
{
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	if (pm_runtime_get_if_active(up->dev) > 0) {
		writel(ch, up->base + UART_TX);
		pm_runtime_mark_last_busy(up->dev);
		pm_runtime_put_autosuspend(up->dev);
	}
	spin_unlock_irqrestore(&up->lock, flags);
}

/* pm_runtime_get() only queues the resume. */
static void good_async_get_put_under_lock(struct uart_priv *up)
{
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	pm_runtime_get(up->dev);
	up->ier |= UART_IER_TX;
	pm_runtime_put(up->dev);
	spin_unlock_irqrestore(&up->lock, flags);
}

static int good_sync_after_unlock(struct uart_priv *up)
{
	unsigned long flags;
	unsigned int ier;
	int ret;

	spin_lock_irqsave(&up->lock, flags);
	ier = up->ier;
	spin_unlock_irqrestore(&up->lock, flags);

	ret = pm_runtime_resume_and_get(up->dev);
	if (ret)
		return ret;

	writel(ier, up->base + UART_IER);
	pm_runtime_put_sync(up->dev);

	return 0;
}

/* The console path runs unlocked; the lock state follows 'locked'. */
static void good_lock_under_same_condition(struct uart_priv *up, u8 ch)
{
	bool locked = !up->console;

	if (locked)
		spin_lock(&up->lock);
	writel(ch, up->base + UART_TX);
	if (locked)
		spin_unlock(&up->lock);

	msleep(1);
}

/* Same, with the result of a trylock kept in a flag. */
static void good_trylock_flag(struct uart_priv *up, u8 ch)
{
	int locked;

	locked = spin_trylock(&up->lock);
	writel(ch, up->base + UART_TX);
	if (locked)
		spin_unlock(&up->lock);

	usleep_range(100, 200);
}
/*
 * check-name: runtime PM sync calls under a spinlock sleep, async ones do not
 *
 * check-output-start
sleep-runtime-pm-under-lock.c:38:8: warning: 'pm_runtime_get_sync' may sleep but 'warn_get_sync_under_lock' holds spinlock '&up->lock' (taken at line 37) [-Wsleep-in-atomic]
sleep-runtime-pm-under-lock.c:37:2: note: 'spin_lock_irqsave' takes '&up->lock' here
sleep-runtime-pm-under-lock.c:59:8: warning: 'pm_runtime_resume_and_get' may sleep but 'warn_resume_and_get_under_lock' holds spinlock '&up->lock' (taken at line 57) [-Wsleep-in-atomic]
sleep-runtime-pm-under-lock.c:57:2: note: 'spin_lock_irqsave' takes '&up->lock' here
sleep-runtime-pm-under-lock.c:83:2: warning: 'pm_runtime_put_sync' may sleep but 'warn_put_sync_under_lock' holds spinlock '&up->lock' (taken at line 80) [-Wsleep-in-atomic]
sleep-runtime-pm-under-lock.c:80:2: note: 'spin_lock_irqsave' takes '&up->lock' here
sleep-runtime-pm-under-lock.c:97:3: warning: 'pm_runtime_put_sync' may sleep but 'warn_put_sync_on_branch' holds spinlock '&up->lock' (taken at line 95) [-Wsleep-in-atomic]
sleep-runtime-pm-under-lock.c:95:2: note: 'spin_lock_irqsave' takes '&up->lock' here
sleep-runtime-pm-under-lock.c:96:8: note: taking the false branch of 'readl(up->base + UART_STATUS) & UART_STATUS_TXE'
 * check-output-end
 */
