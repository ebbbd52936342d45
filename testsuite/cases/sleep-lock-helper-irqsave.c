// SPDX-License-Identifier: GPL-2.0
/*
 * A lock wrapper around spin_lock_irqsave() (the flags kept in the
 * driver's structure) acts like the lock it takes, and the message
 * names that lock as it does for a wrapper around spin_lock()
 * (sleep-helpers.c).  Slice of an SPI controller driver.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define SPIC_CS			0x10

struct spic_priv {
	void __iomem *base;
	spinlock_t lock;
	unsigned long flags;
};

static void spic_lock(struct spic_priv *priv)
{
	spin_lock_irqsave(&priv->lock, priv->flags);
}

static void spic_unlock(struct spic_priv *priv)
{
	spin_unlock_irqrestore(&priv->lock, priv->flags);
}

static void warn_spic_set_cs(struct spic_priv *priv, bool enable)
{
	spic_lock(priv);
	writel(enable, priv->base + SPIC_CS);
	usleep_range(5, 10);
	spic_unlock(priv);
}

static void good_spic_cs_delay(struct spic_priv *priv, bool enable)
{
	spic_lock(priv);
	writel(enable, priv->base + SPIC_CS);
	spic_unlock(priv);
	usleep_range(5, 10);
}
/*
 * check-name: a spin_lock_irqsave() wrapper names the lock it takes
 *
 * check-output-start
sleep-lock-helper-irqsave.c:35:2: warning: 'usleep_range' may sleep but 'warn_spic_set_cs' holds spinlock '&priv->lock' (taken at line 33) [-Wsleep-in-atomic]
sleep-lock-helper-irqsave.c:33:2: note: 'spic_lock' takes '&priv->lock' here
 * check-output-end
 */
