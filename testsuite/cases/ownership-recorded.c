// SPDX-License-Identifier: GPL-2.0
/*
 * A reference recorded in a flag of the object that holds it is owned by
 * that object ("bci->usb_enabled = 1", dropped by the disable path that
 * tests the flag): error returns after that keep it on purpose.  A flag
 * set just before the get records it too ("chan->busy = true;
 * pm_runtime_get_sync()"), a flag set before something else does not.
 * So is a reference handed to a release callback stored in a job, when
 * that function of the file drops a count on every path
 * (handoff-release-callback.c).
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

struct chg_priv {
	struct device *phy;
	void __iomem *base;
	int usb_enabled;
};

struct hw_job {
	struct device *dev;
	void (*release)(struct hw_job *job);
};

int chg_unmask_irqs(struct chg_priv *chg);
int hw_job_submit(struct hw_job *job);

static void hw_job_release(struct hw_job *job)
{
	pm_runtime_put(job->dev);
}

static int good_enable_usb_flag(struct chg_priv *chg)
{
	int ret;

	if (!chg->usb_enabled) {
		pm_runtime_get_sync(chg->phy);
		chg->usb_enabled = 1;
	}
	ret = chg_unmask_irqs(chg);
	if (ret < 0)
		return ret;
	return 0;
}

static int good_job_owns_reference(struct hw_job *job)
{
	int ret;

	ret = pm_runtime_resume_and_get(job->dev);
	if (ret < 0)
		return ret;
	job->release = hw_job_release;
	ret = hw_job_submit(job);
	if (ret)
		return ret;
	return 0;
}

static int warn_flag_cleared_while_holding(struct chg_priv *chg)
{
	int ret;

	pm_runtime_get_sync(chg->phy);
	chg->usb_enabled = 0;
	ret = chg_unmask_irqs(chg);
	if (ret < 0)
		return ret;
	pm_runtime_put(chg->phy);
	return 0;
}

static int good_busy_flag_set_before_get(struct chg_priv *chg)
{
	int ret;

	if (!chg->usb_enabled) {
		chg->usb_enabled = 1;
		pm_runtime_get_sync(chg->phy);
	}
	ret = chg_unmask_irqs(chg);
	if (ret < 0)
		return ret;
	return 0;
}

static int warn_flag_set_before_test(struct chg_priv *chg)
{
	int ret;

	chg->usb_enabled = 1;
	ret = chg_unmask_irqs(chg);
	if (ret < 0)
		return ret;
	pm_runtime_get_sync(chg->phy);
	ret = chg_unmask_irqs(chg);
	if (ret < 0)
		return ret;
	pm_runtime_put(chg->phy);
	return 0;
}

/*
 * check-name: references recorded in the owning object
 * check-output-ignore-notes
 *
 * check-output-start
ownership-recorded.c:72:3: warning: 'warn_flag_cleared_while_holding' returns an error with the runtime PM usage count of 'chg->phy' still raised [-Wrpm-leak]
ownership-recorded.c:102:3: warning: 'warn_flag_set_before_test' returns an error with the runtime PM usage count of 'chg->phy' still raised [-Wrpm-leak]
 * check-output-end
 */
