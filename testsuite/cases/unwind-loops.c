// SPDX-License-Identifier: GPL-2.0
/*
 * References taken in one loop and given back by an unwinding loop
 * balance by their iteration counts, which rpmcheck does not follow: no
 * warning on such paths, whether the loops call the API or helpers of
 * the file that get and put.  A leak inside a single loop is still
 * found.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/pm_runtime.h>

struct blk_domain {
	struct device *power_dev;
};

struct blk_ctrl {
	struct device *bus_power_dev;
	struct blk_domain domains[4];
	struct blk_domain bus;
	int num_domains;
};

static int good_get_all_then_unwind(struct blk_ctrl *bc)
{
	int ret, i;

	ret = pm_runtime_resume_and_get(bc->bus_power_dev);
	if (ret < 0)
		return ret;

	for (i = 0; i < bc->num_domains; i++) {
		ret = pm_runtime_resume_and_get(bc->domains[i].power_dev);
		if (ret < 0)
			goto out_fail;
	}
	return 0;

out_fail:
	for (i--; i >= 0; i--)
		pm_runtime_put(bc->domains[i].power_dev);
	pm_runtime_put(bc->bus_power_dev);
	return ret;
}

bool blk_is_shared(struct blk_domain *d);

static bool blk_get_ref(struct blk_domain *d)
{
	if (!d->power_dev)
		return false;
	pm_runtime_get_sync(d->power_dev);
	return true;
}

static void blk_put_ref(struct blk_domain *d)
{
	pm_runtime_put(d->power_dev);
}

static int good_grab_helpers_then_unwind(struct blk_ctrl *bc)
{
	int i;

	for (i = 0; i < bc->num_domains; i++) {
		struct blk_domain *d = &bc->domains[i];

		if (d->power_dev && blk_is_shared(d))
			if (!blk_get_ref(d))
				goto err;
	}
	if (blk_get_ref(&bc->bus))
		return 0;
err:
	for (i--; i >= 0; i--) {
		struct blk_domain *d = &bc->domains[i];

		if (d->power_dev && blk_is_shared(d))
			blk_put_ref(d);
	}
	return -ENODEV;
}

static int warn_leak_inside_one_loop(struct blk_ctrl *bc)
{
	int ret, i;

	for (i = 0; i < bc->num_domains; i++) {
		ret = pm_runtime_resume_and_get(bc->domains[i].power_dev);
		if (ret < 0)
			return ret;
		if (!bc->domains[i].power_dev->parent)
			return -ENODEV;
		pm_runtime_put(bc->domains[i].power_dev);
	}
	return 0;
}

/*
 * check-name: unwinding loops balance, a leak in one loop does not
 * check-output-ignore-notes
 *
 * check-output-start
unwind-loops.c:93:4: warning: 'warn_leak_inside_one_loop' returns an error with the runtime PM usage count of 'bc->domains[i].power_dev' still raised [-Wrpm-leak]
 * check-output-end
 */
