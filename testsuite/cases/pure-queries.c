// SPDX-License-Identifier: GPL-2.0
/*
 * pm_runtime_enabled() asked twice gives the same answer: a get and a
 * put guarded by the same query balance.
 */
#include <linux/device.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct pq_priv {
	struct device *dev;
	void __iomem *base;
};

static void good_guarded_by_same_query(struct pq_priv *pq)
{
	if (pm_runtime_enabled(pq->dev))
		pm_runtime_get_sync(pq->dev);
	writel(1, pq->base);
	if (pm_runtime_enabled(pq->dev))
		pm_runtime_put(pq->dev);
}

static int good_error_path_asks_again(struct pq_priv *pq)
{
	if (pm_runtime_enabled(pq->dev))
		pm_runtime_get_sync(pq->dev);
	if (readl(pq->base) & 1) {
		if (pm_runtime_enabled(pq->dev))
			pm_runtime_put_noidle(pq->dev);
		return -EIO;
	}
	if (pm_runtime_enabled(pq->dev))
		pm_runtime_put(pq->dev);
	return 0;
}

static int warn_query_then_early_return(struct pq_priv *pq)
{
	if (pm_runtime_enabled(pq->dev))
		pm_runtime_get_sync(pq->dev);
	if (readl(pq->base) & 1)
		return -EIO;
	if (pm_runtime_enabled(pq->dev))
		pm_runtime_put(pq->dev);
	return 0;
}

/* A predicate of this file that only computes is a pure query too. */
static bool pq_is_dma(int type)
{
	return type == 1 || type == 2;
}

static int good_local_predicate_asked_twice(struct pq_priv *pq, int type)
{
	if (pq_is_dma(type))
		pm_runtime_get_sync(pq->dev);
	if (readl(pq->base) & 1) {
		if (pq_is_dma(type))
			pm_runtime_put_noidle(pq->dev);
		return -EIO;
	}
	if (pq_is_dma(type))
		pm_runtime_put(pq->dev);
	return 0;
}

/*
 * check-name: a pure query asked twice gives the same answer
 * check-output-ignore-notes
 *
 * check-output-start
pure-queries.c:43:3: warning: 'warn_query_then_early_return' returns an error with the runtime PM usage count of 'pq->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
