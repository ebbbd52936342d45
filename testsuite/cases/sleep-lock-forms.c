// SPDX-License-Identifier: GPL-2.0
/*
 * Every way a driver makes its context atomic, each followed by a call
 * that may sleep: spin_lock() and its _bh, _irq and _irqsave forms,
 * read_lock(), write_lock_irqsave(), the success branch of
 * spin_trylock(), bit_spin_lock(), local_irq_save(), local_irq_disable(),
 * local_bh_disable(), preempt_disable() and rcu_read_lock().  The failure
 * branch of spin_trylock() and spin_trylock_irqsave() (its success branch
 * is in sleep-what-sleeps.c), sections closed on every path before the
 * call, and an inner lock released while an outer one is still held are
 * checked too.  Slice of an Ethernet MAC driver.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/bit_spinlock.h>
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/io.h>

#define MAC_CTRL		0x00
#define MAC_CTRL_RESET		BIT(0)
#define MAC_STATUS		0x04
#define MAC_STATUS_IDLE		BIT(0)
#define MAC_FILTER(n)		(0x40 + (n) * 4)
#define MAC_NR_FILTERS		16
#define MAC_DESC_LOCK_BIT	0

struct mac_stats {
	u64 rx_packets;
	u64 tx_packets;
};

struct mac_priv {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;		/* registers */
	spinlock_t stats_lock;		/* stats, also taken in softirq */
	rwlock_t filter_lock;		/* filters */
	struct mutex cfg_lock;
	struct completion reset_done;
	unsigned long desc_flags;	/* bit MAC_DESC_LOCK_BIT locks ring */
	struct mac_stats __rcu *stats;
	u32 filters[MAC_NR_FILTERS];
};

static void warn_spin_lock(struct mac_priv *mac)
{
	spin_lock(&mac->lock);
	writel(MAC_CTRL_RESET, mac->base + MAC_CTRL);
	msleep(10);
	spin_unlock(&mac->lock);
}

static void warn_spin_lock_bh(struct mac_priv *mac, struct mac_stats *out)
{
	spin_lock_bh(&mac->stats_lock);
	mutex_lock(&mac->cfg_lock);
	*out = *mac->stats;
	mutex_unlock(&mac->cfg_lock);
	spin_unlock_bh(&mac->stats_lock);
}

static void warn_spin_lock_irq(struct mac_priv *mac)
{
	spin_lock_irq(&mac->lock);
	writel(0, mac->base + MAC_CTRL);
	usleep_range(50, 100);
	spin_unlock_irq(&mac->lock);
}

static int warn_spin_lock_irqsave(struct mac_priv *mac)
{
	unsigned long flags;
	u32 *shadow;

	spin_lock_irqsave(&mac->lock, flags);
	shadow = kmalloc(sizeof(mac->filters), GFP_KERNEL);
	spin_unlock_irqrestore(&mac->lock, flags);
	if (!shadow)
		return -ENOMEM;

	kfree(shadow);
	return 0;
}

static u32 warn_read_lock(struct mac_priv *mac, unsigned int n)
{
	u32 val;

	read_lock(&mac->filter_lock);
	val = mac->filters[n];
	might_sleep();
	read_unlock(&mac->filter_lock);

	return val;
}

static void warn_write_lock_irqsave(struct mac_priv *mac, unsigned int n,
				    u32 val)
{
	unsigned long flags;

	write_lock_irqsave(&mac->filter_lock, flags);
	mac->filters[n] = val;
	writel(val, mac->base + MAC_FILTER(n));
	wait_for_completion(&mac->reset_done);
	write_unlock_irqrestore(&mac->filter_lock, flags);
}

static int warn_trylock_success(struct mac_priv *mac)
{
	if (!spin_trylock(&mac->lock))
		return -EBUSY;

	writel(MAC_CTRL_RESET, mac->base + MAC_CTRL);
	msleep(1);
	spin_unlock(&mac->lock);

	return 0;
}

static void good_trylock_failure(struct mac_priv *mac)
{
	if (!spin_trylock(&mac->lock)) {
		msleep(1);
		return;
	}

	writel(0, mac->base + MAC_CTRL);
	spin_unlock(&mac->lock);
}

/* Both sections of spin_trylock_irqsave() are closed after the unlock. */
static int good_trylock_irqsave_failure(struct mac_priv *mac)
{
	unsigned long flags;

	if (!spin_trylock_irqsave(&mac->lock, flags)) {
		msleep(1);
		return -EBUSY;
	}

	writel(0, mac->base + MAC_CTRL);
	spin_unlock_irqrestore(&mac->lock, flags);
	msleep(1);

	return 0;
}

static void warn_bit_spin_lock(struct mac_priv *mac)
{
	bit_spin_lock(MAC_DESC_LOCK_BIT, &mac->desc_flags);
	writel(0, mac->base + MAC_CTRL);
	msleep(2);
	bit_spin_unlock(MAC_DESC_LOCK_BIT, &mac->desc_flags);
}

static void warn_local_irq_save(struct mac_priv *mac)
{
	unsigned long flags;

	local_irq_save(flags);
	writel(MAC_CTRL_RESET, mac->base + MAC_CTRL);
	msleep(1);
	local_irq_restore(flags);
}

static void warn_local_irq_disable(struct mac_priv *mac)
{
	local_irq_disable();
	spin_lock(&mac->lock);
	writel(0, mac->base + MAC_CTRL);
	spin_unlock(&mac->lock);
	msleep(1);
	local_irq_enable();
}

static void warn_local_bh_disable(struct mac_priv *mac)
{
	local_bh_disable();
	mac->stats->rx_packets = 0;
	mutex_lock(&mac->cfg_lock);
	mutex_unlock(&mac->cfg_lock);
	local_bh_enable();
}

static void warn_preempt_disable(struct mac_priv *mac)
{
	preempt_disable();
	writel(0, mac->base + MAC_CTRL);
	usleep_range(10, 20);
	preempt_enable();
}

static u64 warn_rcu_read_lock(struct mac_priv *mac)
{
	struct mac_stats *stats;
	u64 packets;

	rcu_read_lock();
	stats = mac->stats;
	packets = stats->rx_packets + stats->tx_packets;
	msleep(1);
	rcu_read_unlock();

	return packets;
}

/* Releasing the inner lock leaves the outer one held. */
static void warn_outer_lock_still_held(struct mac_priv *mac)
{
	unsigned long flags;

	spin_lock_irqsave(&mac->lock, flags);
	spin_lock(&mac->stats_lock);
	mac->stats->tx_packets = 0;
	spin_unlock(&mac->stats_lock);
	msleep(1);
	spin_unlock_irqrestore(&mac->lock, flags);
}

static int good_every_path_unlocks(struct mac_priv *mac, unsigned int n)
{
	u32 status;

	spin_lock(&mac->lock);
	status = readl(mac->base + MAC_STATUS);
	if (!(status & MAC_STATUS_IDLE)) {
		spin_unlock(&mac->lock);
		return -EBUSY;
	}
	if (n >= MAC_NR_FILTERS)
		goto unlock;
	writel(0, mac->base + MAC_FILTER(n));
unlock:
	spin_unlock(&mac->lock);

	msleep(1);
	return 0;
}

static void good_lock_in_loop(struct mac_priv *mac)
{
	unsigned int n;

	for (n = 0; n < MAC_NR_FILTERS; n++) {
		write_lock(&mac->filter_lock);
		writel(mac->filters[n], mac->base + MAC_FILTER(n));
		write_unlock(&mac->filter_lock);
		usleep_range(10, 20);
	}
}

static void good_sections_closed(struct mac_priv *mac)
{
	unsigned long flags;

	local_irq_save(flags);
	writel(0, mac->base + MAC_CTRL);
	local_irq_restore(flags);

	rcu_read_lock();
	mac->stats->rx_packets++;
	rcu_read_unlock();

	preempt_disable();
	mac->stats->tx_packets++;
	preempt_enable();

	local_bh_disable();
	mac->stats->tx_packets++;
	local_bh_enable();

	read_lock_bh(&mac->filter_lock);
	writel(mac->filters[0], mac->base + MAC_FILTER(0));
	read_unlock_bh(&mac->filter_lock);

	msleep(1);
}
/*
 * check-name: every lock and atomic-section form, then a call that may sleep
 *
 * check-output-start
sleep-lock-forms.c:53:2: warning: 'msleep' may sleep but 'warn_spin_lock' holds spinlock '&mac->lock' (taken at line 51) [-Wsleep-in-atomic]
sleep-lock-forms.c:51:2: note: 'spin_lock' takes '&mac->lock' here
sleep-lock-forms.c:60:2: warning: 'mutex_lock' may sleep but 'warn_spin_lock_bh' holds spinlock '&mac->stats_lock' (taken at line 59) [-Wsleep-in-atomic]
sleep-lock-forms.c:59:2: note: 'spin_lock_bh' takes '&mac->stats_lock' here
sleep-lock-forms.c:70:2: warning: 'usleep_range' may sleep but 'warn_spin_lock_irq' holds spinlock '&mac->lock' (taken at line 68) [-Wsleep-in-atomic]
sleep-lock-forms.c:68:2: note: 'spin_lock_irq' takes '&mac->lock' here
sleep-lock-forms.c:80:11: warning: 'kmalloc' may sleep but 'warn_spin_lock_irqsave' holds spinlock '&mac->lock' (taken at line 79) [-Wsleep-in-atomic]
sleep-lock-forms.c:79:2: note: 'spin_lock_irqsave' takes '&mac->lock' here
sleep-lock-forms.c:95:2: warning: 'might_sleep' may sleep but 'warn_read_lock' holds rwlock '&mac->filter_lock' (taken at line 93) [-Wsleep-in-atomic]
sleep-lock-forms.c:93:2: note: 'read_lock' takes '&mac->filter_lock' here
sleep-lock-forms.c:109:2: warning: 'wait_for_completion' may sleep but 'warn_write_lock_irqsave' holds rwlock '&mac->filter_lock' (taken at line 106) [-Wsleep-in-atomic]
sleep-lock-forms.c:106:2: note: 'write_lock_irqsave' takes '&mac->filter_lock' here
sleep-lock-forms.c:119:2: warning: 'msleep' may sleep but 'warn_trylock_success' holds spinlock '&mac->lock' (taken at line 115) [-Wsleep-in-atomic]
sleep-lock-forms.c:115:7: note: 'spin_trylock' takes '&mac->lock' here
sleep-lock-forms.c:115:7: note: taking the true branch of 'spin_trylock(&mac->lock)'
sleep-lock-forms.c:157:2: warning: 'msleep' may sleep but 'warn_bit_spin_lock' holds bit spinlock '&mac->desc_flags' (taken at line 155) [-Wsleep-in-atomic]
sleep-lock-forms.c:155:2: note: 'bit_spin_lock' takes '&mac->desc_flags' here
sleep-lock-forms.c:167:2: warning: 'msleep' may sleep but 'warn_local_irq_save' runs with interrupts disabled by local_irq_save (line 165) [-Wsleep-in-atomic]
sleep-lock-forms.c:165:2: note: 'local_irq_save' is called here
sleep-lock-forms.c:177:2: warning: 'msleep' may sleep but 'warn_local_irq_disable' runs with interrupts disabled by local_irq_disable (line 173) [-Wsleep-in-atomic]
sleep-lock-forms.c:173:2: note: 'local_irq_disable' is called here
sleep-lock-forms.c:185:2: warning: 'mutex_lock' may sleep but 'warn_local_bh_disable' runs with bottom halves disabled by local_bh_disable (line 183) [-Wsleep-in-atomic]
sleep-lock-forms.c:183:2: note: 'local_bh_disable' is called here
sleep-lock-forms.c:194:2: warning: 'usleep_range' may sleep but 'warn_preempt_disable' runs with preemption disabled by preempt_disable (line 192) [-Wsleep-in-atomic]
sleep-lock-forms.c:192:2: note: 'preempt_disable' is called here
sleep-lock-forms.c:206:2: warning: 'msleep' may sleep but 'warn_rcu_read_lock' runs inside rcu_read_lock (line 203) [-Wsleep-in-atomic]
sleep-lock-forms.c:203:2: note: 'rcu_read_lock' is called here
sleep-lock-forms.c:221:2: warning: 'msleep' may sleep but 'warn_outer_lock_still_held' holds spinlock '&mac->lock' (taken at line 217) [-Wsleep-in-atomic]
sleep-lock-forms.c:217:2: note: 'spin_lock_irqsave' takes '&mac->lock' here
 * check-output-end
 */
