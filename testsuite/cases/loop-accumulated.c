// SPDX-License-Identifier: GPL-2.0
/*
 * A loop that takes one reference per supplier and returns on the first
 * failure leaves the earlier ones to its caller's unwinding: references
 * taken in earlier iterations are not judged.  A reference of the
 * current iteration left behind is.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/pm_runtime.h>

struct sup_link {
	struct device *supplier;
	struct sup_link *next;
	bool pm_managed;
};

static int good_get_suppliers(struct sup_link *links)
{
	struct sup_link *link;
	int ret;

	for (link = links; link; link = link->next) {
		if (!link->pm_managed)
			continue;
		ret = pm_runtime_get_sync(link->supplier);
		if (ret < 0 && ret != -EACCES) {
			pm_runtime_put_noidle(link->supplier);
			return ret;
		}
	}
	return 0;
}

static int warn_current_iteration_leaks(struct sup_link *links)
{
	struct sup_link *link;
	int ret;

	for (link = links; link; link = link->next) {
		ret = pm_runtime_get_sync(link->supplier);
		if (ret < 0)
			return ret;
		pm_runtime_put(link->supplier);
	}
	return 0;
}

/*
 * check-name: references accumulated over loop iterations
 * check-output-ignore-notes
 *
 * check-output-start
loop-accumulated.c:43:4: warning: 'warn_current_iteration_leaks' returns an error with the runtime PM usage count of 'link->supplier' still raised [-Wrpm-leak]
 * check-output-end
 */
