// SPDX-License-Identifier: GPL-2.0
/*
 * spin_trylock_irqsave() opens two sections in one expansion
 * (local_irq_save() and raw_spin_trylock()); the note names the call
 * the driver wrote, spin_trylock_irqsave(), not the inner spin_trylock().
 * Slice of a watchdog driver's pretimeout path.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define WDT_LOAD		0x00
#define WDT_CTRL		0x08
#define WDT_CTRL_EN		BIT(0)

struct wdt_priv {
	void __iomem *base;
	spinlock_t lock;
	u32 timeout;
};

static int warn_ping_trylock_irqsave(struct wdt_priv *wdt)
{
	unsigned long flags;

	if (!spin_trylock_irqsave(&wdt->lock, flags))
		return -EBUSY;

	writel(0, wdt->base + WDT_CTRL);
	msleep(1);
	writel(wdt->timeout, wdt->base + WDT_LOAD);
	writel(WDT_CTRL_EN, wdt->base + WDT_CTRL);
	spin_unlock_irqrestore(&wdt->lock, flags);

	return 0;
}
/*
 * check-name: the note of a spin_trylock_irqsave() section names spin_trylock_irqsave
 *
 * check-output-start
sleep-trylock-irqsave-note.c:31:2: warning: 'msleep' may sleep but 'warn_ping_trylock_irqsave' holds spinlock '&wdt->lock' (taken at line 27) [-Wsleep-in-atomic]
sleep-trylock-irqsave-note.c:27:7: note: 'spin_trylock_irqsave' takes '&wdt->lock' here
 * check-output-end
 */
