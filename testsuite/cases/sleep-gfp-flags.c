// SPDX-License-Identifier: GPL-2.0
/*
 * Allocations sleep only when their gfp mask allows direct reclaim
 * (__GFP_DIRECT_RECLAIM): GFP_KERNEL, GFP_KERNEL | __GFP_ZERO, GFP_NOIO,
 * GFP_NOFS and GFP_USER do, GFP_ATOMIC and GFP_NOWAIT do not.  A mask
 * passed in by the caller is not judged.  A mutex is a sleeping lock:
 * allocating or sleeping under it is fine.  Slice of a DMA buffer pool
 * in a camera interface driver.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/delay.h>

#define POOL_MAX_BUFS		32

struct cam_buf {
	void *vaddr;
	size_t size;
};

struct cam_pool {
	struct device *dev;
	spinlock_t lock;
	struct mutex alloc_lock;
	struct cam_buf *bufs[POOL_MAX_BUFS];
	unsigned int nbufs;
	size_t buf_size;
};

/* Stores BUF in a free slot; the caller holds pool->lock. */
static int pool_store(struct cam_pool *pool, struct cam_buf *buf)
{
	if (pool->nbufs >= POOL_MAX_BUFS)
		return -ENOSPC;
	pool->bufs[pool->nbufs++] = buf;
	return 0;
}

static struct cam_buf *warn_gfp_kernel(struct cam_pool *pool)
{
	struct cam_buf *buf;

	spin_lock(&pool->lock);
	buf = kmalloc(sizeof(*buf), GFP_KERNEL);
	if (buf && pool_store(pool, buf)) {
		kfree(buf);
		buf = NULL;
	}
	spin_unlock(&pool->lock);

	return buf;
}

static struct cam_buf *warn_gfp_kernel_zero(struct cam_pool *pool)
{
	struct cam_buf *buf;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	buf = kmalloc(sizeof(*buf), GFP_KERNEL | __GFP_ZERO);
	spin_unlock_irqrestore(&pool->lock, flags);

	return buf;
}

static void *warn_gfp_noio(struct cam_pool *pool)
{
	void *vaddr;

	spin_lock_bh(&pool->lock);
	vaddr = kzalloc(pool->buf_size, GFP_NOIO);
	spin_unlock_bh(&pool->lock);

	return vaddr;
}

static struct cam_buf **warn_gfp_nofs(struct cam_pool *pool, unsigned int n)
{
	struct cam_buf **array;

	spin_lock(&pool->lock);
	array = kcalloc(n, sizeof(*array), GFP_NOFS);
	spin_unlock(&pool->lock);

	return array;
}

static void *warn_gfp_user(struct cam_pool *pool)
{
	void *vaddr;

	spin_lock_irq(&pool->lock);
	vaddr = kmalloc_array(2, pool->buf_size, GFP_USER);
	spin_unlock_irq(&pool->lock);

	return vaddr;
}

static void *warn_devm_gfp_kernel(struct cam_pool *pool)
{
	void *vaddr;

	spin_lock(&pool->lock);
	vaddr = devm_kzalloc(pool->dev, pool->buf_size, GFP_KERNEL);
	spin_unlock(&pool->lock);

	return vaddr;
}

static struct cam_buf *good_gfp_atomic(struct cam_pool *pool)
{
	struct cam_buf *buf;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	buf = kzalloc(sizeof(*buf), GFP_ATOMIC);
	if (buf && pool_store(pool, buf)) {
		kfree(buf);
		buf = NULL;
	}
	spin_unlock_irqrestore(&pool->lock, flags);

	return buf;
}

static struct cam_buf *good_gfp_nowait(struct cam_pool *pool)
{
	struct cam_buf *buf;

	spin_lock(&pool->lock);
	buf = kmalloc(sizeof(*buf), GFP_NOWAIT | __GFP_NOWARN);
	spin_unlock(&pool->lock);

	return buf;
}

static struct cam_buf **good_gfp_atomic_array(struct cam_pool *pool)
{
	struct cam_buf **array;

	spin_lock(&pool->lock);
	array = kcalloc(pool->nbufs, sizeof(*array), GFP_ATOMIC);
	spin_unlock(&pool->lock);

	return array;
}

/* The caller chose the mask; it is not judged here. */
static struct cam_buf *good_gfp_parameter(struct cam_pool *pool, gfp_t gfp)
{
	struct cam_buf *buf;

	spin_lock(&pool->lock);
	buf = kmalloc(sizeof(*buf), gfp);
	spin_unlock(&pool->lock);

	return buf;
}

static struct cam_buf *good_gfp_kernel_under_mutex(struct cam_pool *pool)
{
	struct cam_buf *buf;

	mutex_lock(&pool->alloc_lock);
	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (buf) {
		buf->size = pool->buf_size;
		buf->vaddr = kmalloc(buf->size, GFP_KERNEL | __GFP_NOWARN);
	}
	mutex_unlock(&pool->alloc_lock);

	return buf;
}

static void good_sleep_under_mutex(struct cam_pool *pool)
{
	mutex_lock(&pool->alloc_lock);
	while (pool->nbufs == POOL_MAX_BUFS)
		msleep(20);
	mutex_unlock(&pool->alloc_lock);
}

static struct cam_buf *good_alloc_before_lock(struct cam_pool *pool)
{
	struct cam_buf *buf;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return NULL;

	spin_lock(&pool->lock);
	if (pool_store(pool, buf)) {
		kfree(buf);
		buf = NULL;
	}
	spin_unlock(&pool->lock);

	return buf;
}
/*
 * check-name: allocations sleep when the gfp mask allows direct reclaim
 *
 * check-output-start
sleep-gfp-flags.c:46:8: warning: 'kmalloc' may sleep but 'warn_gfp_kernel' holds spinlock '&pool->lock' (taken at line 45) [-Wsleep-in-atomic]
sleep-gfp-flags.c:45:2: note: 'spin_lock' takes '&pool->lock' here
sleep-gfp-flags.c:62:8: warning: 'kmalloc' may sleep but 'warn_gfp_kernel_zero' holds spinlock '&pool->lock' (taken at line 61) [-Wsleep-in-atomic]
sleep-gfp-flags.c:61:2: note: 'spin_lock_irqsave' takes '&pool->lock' here
sleep-gfp-flags.c:73:10: warning: 'kzalloc' may sleep but 'warn_gfp_noio' holds spinlock '&pool->lock' (taken at line 72) [-Wsleep-in-atomic]
sleep-gfp-flags.c:72:2: note: 'spin_lock_bh' takes '&pool->lock' here
sleep-gfp-flags.c:84:10: warning: 'kcalloc' may sleep but 'warn_gfp_nofs' holds spinlock '&pool->lock' (taken at line 83) [-Wsleep-in-atomic]
sleep-gfp-flags.c:83:2: note: 'spin_lock' takes '&pool->lock' here
sleep-gfp-flags.c:95:10: warning: 'kmalloc_array' may sleep but 'warn_gfp_user' holds spinlock '&pool->lock' (taken at line 94) [-Wsleep-in-atomic]
sleep-gfp-flags.c:94:2: note: 'spin_lock_irq' takes '&pool->lock' here
sleep-gfp-flags.c:106:10: warning: 'devm_kzalloc' may sleep but 'warn_devm_gfp_kernel' holds spinlock '&pool->lock' (taken at line 105) [-Wsleep-in-atomic]
sleep-gfp-flags.c:105:2: note: 'spin_lock' takes '&pool->lock' here
 * check-output-end
 */
