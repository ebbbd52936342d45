// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers that look like they sleep but do not in the caller's
 * situation: a wrapper that takes a spinlock on one path and a mutex on
 * the other is not a lock helper; a helper that drops its caller's lock
 * before sleeping (__releases) leaves the caller unlocked; a pair of
 * RCU wrappers opens and closes an RCU section; a helper whose sleep
 * depends on which action constant it is given (a test with ||); a
 * poll macro expanded twice with no sleep between reads.  Slice of a
 * block-cache and link-setup driver.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/io.h>

#define LNK_SETUP	1
#define LNK_TEARDOWN	2
#define LNK_DISCOVER	3

#define cache_poll(addr, val, cond, sleep_us)			\
({								\
	unsigned long __sleep_us = (sleep_us);			\
	int __tries = 100;					\
	for (;;) {						\
		(val) = readl(addr);				\
		if ((cond) || !--__tries)			\
			break;					\
		if (__sleep_us)					\
			usleep_range(__sleep_us, __sleep_us * 2);	\
	}							\
	(cond) ? 0 : -ETIMEDOUT;				\
})

struct cache {
	void __iomem *base;
	spinlock_t spinlock;
	struct mutex lock;
	bool no_sleep;
	int busy;
	int *table;
};

/* Takes the spinlock only in no-sleep mode: not a lock helper. */
static void cache_lock(struct cache *c)
{
	if (c->no_sleep)
		spin_lock(&c->spinlock);
	else
		mutex_lock(&c->lock);
}

static void cache_unlock(struct cache *c)
{
	if (c->no_sleep)
		spin_unlock(&c->spinlock);
	else
		mutex_unlock(&c->lock);
}

static void good_cache_evict(struct cache *c)
{
	cache_lock(c);
	msleep(1);
	cache_unlock(c);
}

/* Called with c->spinlock held; drops it while it waits. */
static void good_cache_wait_idle(struct cache *c)
{
	spin_unlock(&c->spinlock);
	msleep(10);
	spin_lock(&c->spinlock);
}

static void good_cache_flush(struct cache *c)
{
	spin_lock(&c->spinlock);
	while (c->busy)
		good_cache_wait_idle(c);
	spin_unlock(&c->spinlock);
}

static int *cache_get_table(struct cache *c)
{
	rcu_read_lock();
	return c->table;
}

static void cache_put_table(struct cache *c)
{
	rcu_read_unlock();
}

static void good_cache_resize(struct cache *c)
{
	int *t = cache_get_table(c);

	if (t)
		c->busy = t[0];
	cache_put_table(c);
	msleep(1);
}

static void warn_cache_peek(struct cache *c)
{
	int *t = cache_get_table(c);

	msleep(1);
	if (t)
		c->busy = t[0];
	cache_put_table(c);
}

static void good_link_send(struct cache *c, int action)
{
	writel(action, c->base);
	if (action == LNK_SETUP || action == LNK_TEARDOWN)
		msleep(10);
}

static void good_link_discover(struct cache *c)
{
	spin_lock(&c->spinlock);
	good_link_send(c, LNK_DISCOVER);
	spin_unlock(&c->spinlock);
}

static void warn_link_teardown(struct cache *c)
{
	spin_lock(&c->spinlock);
	good_link_send(c, LNK_TEARDOWN);
	spin_unlock(&c->spinlock);
}

static int good_cache_ready(struct cache *c)
{
	u32 val;
	int ret;

	ret = cache_poll(c->base, val, val & 1, 0);
	if (ret)
		return ret;
	return cache_poll(c->base + 4, val, val & 2, 0);
}

static int good_cache_start(struct cache *c)
{
	int ret;

	spin_lock(&c->spinlock);
	ret = good_cache_ready(c);
	spin_unlock(&c->spinlock);
	return ret;
}

/*
 * check-name: helpers that do not sleep in their caller's situation
 *
 * check-output-start
sleep-helper-precision.c:111:2: warning: 'msleep' may sleep but 'warn_cache_peek' runs inside rcu_read_lock (line 109) [-Wsleep-in-atomic]
sleep-helper-precision.c:109:11: note: 'cache_get_table' enters rcu_read_lock here
sleep-helper-precision.c:134:2: warning: 'good_link_send' may sleep but 'warn_link_teardown' holds spinlock '&c->spinlock' (taken at line 133) [-Wsleep-in-atomic]
sleep-helper-precision.c:133:2: note: 'spin_lock' takes '&c->spinlock' here
sleep-helper-precision.c:121:3: note: 'good_link_send' calls 'msleep', which may sleep
 * check-output-end
 */
