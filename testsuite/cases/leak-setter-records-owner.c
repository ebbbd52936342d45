// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that takes a reference and records it through a setter of
 * the file ("fll_set_mode(fll, FLL_OPEN_LOOP)" stores "fll->mode", the
 * field the helper tested before the get) hands the reference to the
 * object, as a store written out would: the disable path tests the mode
 * and puts, so a caller that fails after the enable is not leaking.  A
 * setter given 0, or storing a field the helper never tests, records
 * nothing.  Slice of a clock driver's frequency-locked loop.
 */
#include <linux/device.h>
#include <linux/pm_runtime.h>

enum fll_mode { FLL_UNINITIALIZED, FLL_DISABLED, FLL_OPEN_LOOP, FLL_CLOSED_LOOP };

struct fll {
	struct device *dev;
	enum fll_mode mode;
	unsigned long rate;
	int trim;
};

int fll_program(struct fll *fll);

static void fll_set_mode(struct fll *fll, enum fll_mode mode)
{
	fll->mode = mode;
}

static void fll_set_trim(struct fll *fll, int trim)
{
	fll->trim = trim;
}

static int fll_enable(struct fll *fll)
{
	if (fll->mode != FLL_DISABLED)
		return -EPERM;
	pm_runtime_get_sync(fll->dev);
	fll_set_mode(fll, FLL_OPEN_LOOP);
	return 0;
}

static int fll_disable(struct fll *fll)
{
	if (fll->mode != FLL_OPEN_LOOP)
		return -EINVAL;
	fll_set_mode(fll, FLL_DISABLED);
	pm_runtime_put_sync(fll->dev);
	return 0;
}

static int fll_lock(struct fll *fll)
{
	if (!fll->rate)
		return -EINVAL;
	fll_set_mode(fll, FLL_CLOSED_LOOP);
	return 0;
}

static int good_clk_enable(struct fll *fll)
{
	int ret;

	ret = fll_enable(fll);
	if (ret)
		return ret;
	ret = fll_lock(fll);
	if (ret)
		fll_disable(fll);
	return ret;
}

/* Mode 0 is "none": storing it records nothing. */
static int fll_enable_unset(struct fll *fll)
{
	if (fll->mode != FLL_DISABLED)
		return -EPERM;
	pm_runtime_get_sync(fll->dev);
	fll_set_mode(fll, FLL_UNINITIALIZED);
	return 0;
}

static int warn_enable_unset(struct fll *fll)
{
	int ret;

	ret = fll_enable_unset(fll);
	if (ret)
		return ret;
	ret = fll_program(fll);
	if (ret)
		return ret;
	pm_runtime_put(fll->dev);
	return 0;
}

/* The trim is never tested: storing it records nothing either. */
static int fll_enable_trimmed(struct fll *fll)
{
	if (fll->mode != FLL_DISABLED)
		return -EPERM;
	pm_runtime_get_sync(fll->dev);
	fll_set_trim(fll, 3);
	return 0;
}

static int warn_enable_trimmed(struct fll *fll)
{
	int ret;

	ret = fll_enable_trimmed(fll);
	if (ret)
		return ret;
	ret = fll_program(fll);
	if (ret)
		return ret;
	pm_runtime_put(fll->dev);
	return 0;
}
/*
 * check-name: a reference a helper recorded through a setter of the file
 * check-output-ignore-notes
 *
 * check-output-start
leak-setter-records-owner.c:93:3: warning: 'warn_enable_unset' returns an error with the runtime PM usage count of 'fll->dev' still raised [-Wrpm-leak]
leak-setter-records-owner.c:117:3: warning: 'warn_enable_trimmed' returns an error with the runtime PM usage count of 'fll->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
