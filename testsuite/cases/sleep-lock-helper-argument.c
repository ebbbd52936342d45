// SPDX-License-Identifier: GPL-2.0
/*
 * A lock wrapper whose parameter is named differently from the caller's
 * variable: the caller holds '&priv->lock' (its own expression, as for a
 * direct spin_lock(&priv->lock)), not '&hw->lock', which names the
 * wrapper's parameter and means nothing in the caller.  Slice of a
 * display controller driver.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define DC_UPDATE		0x20

struct dc_priv {
	void __iomem *base;
	spinlock_t lock;
};

static void dc_hw_lock(struct dc_priv *hw)
{
	spin_lock(&hw->lock);
}

static void dc_hw_unlock(struct dc_priv *hw)
{
	spin_unlock(&hw->lock);
}

static void warn_dc_commit(struct dc_priv *priv)
{
	dc_hw_lock(priv);
	writel(1, priv->base + DC_UPDATE);
	msleep(16);
	dc_hw_unlock(priv);
}
/*
 * check-name: a lock wrapper's lock is named with the caller's argument
 *
 * check-output-start
sleep-lock-helper-argument.c:35:2: warning: 'msleep' may sleep but 'warn_dc_commit' holds spinlock '&priv->lock' (taken at line 33) [-Wsleep-in-atomic]
sleep-lock-helper-argument.c:33:2: note: 'dc_hw_lock' takes '&priv->lock' here
 * check-output-end
 */
