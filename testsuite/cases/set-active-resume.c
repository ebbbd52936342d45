// SPDX-License-Identifier: GPL-2.0
/*
 * A device set active and then enabled is resumed at once: a following
 * pm_runtime_resume_and_get() returns 0 and pm_runtime_get_sync()
 * returns 1, so their failure branches cannot run and whatever they do
 * is not judged.  Set active without enabling, enabled before being set
 * active (pm_runtime_set_active() then fails), or put in between, and
 * the failure branch is feasible again.  Slice of a thermal sensor
 * driver's probe.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/clk.h>

struct tsens_priv {
	struct device *dev;
	struct clk *clk;
};

int tsens_register_zone(struct tsens_priv *priv);

static int good_tsens_probe_put_on_failed_resume(struct platform_device *pdev)
{
	struct tsens_priv *priv = platform_get_drvdata(pdev);
	int ret;

	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret < 0)
		goto disable_runtime_pm;

	ret = tsens_register_zone(priv);
	if (ret)
		goto disable_runtime_pm;

	pm_runtime_put(&pdev->dev);
	return 0;

disable_runtime_pm:
	pm_runtime_put_noidle(&pdev->dev);
	pm_runtime_disable(&pdev->dev);
	return ret;
}

static int good_tsens_probe_get_sync(struct platform_device *pdev)
{
	int ret;

	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	ret = pm_runtime_get_sync(&pdev->dev);
	if (ret < 0) {
		pm_runtime_disable(&pdev->dev);
		return ret;
	}
	pm_runtime_put(&pdev->dev);
	return 0;
}

static int warn_tsens_probe_not_enabled(struct platform_device *pdev)
{
	int ret;

	pm_runtime_set_active(&pdev->dev);
	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret < 0)
		goto err;
	pm_runtime_enable(&pdev->dev);
	pm_runtime_put(&pdev->dev);
	return 0;
err:
	pm_runtime_put_noidle(&pdev->dev);
	return ret;
}

static int warn_tsens_probe_enabled_first(struct platform_device *pdev)
{
	int ret;

	pm_runtime_enable(&pdev->dev);
	pm_runtime_set_active(&pdev->dev);
	ret = pm_runtime_get_sync(&pdev->dev);
	if (ret < 0) {
		pm_runtime_disable(&pdev->dev);
		return ret;
	}
	pm_runtime_put(&pdev->dev);
	return 0;
}

static int warn_tsens_resume_after_put(struct platform_device *pdev)
{
	int ret;

	pm_runtime_get_noresume(&pdev->dev);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	pm_runtime_put_sync(&pdev->dev);
	ret = pm_runtime_get_sync(&pdev->dev);
	if (ret < 0)
		return ret;
	pm_runtime_put(&pdev->dev);
	return 0;
}
/*
 * check-name: a device set active and enabled resumes at once
 *
 * check-output-start
set-active-resume.c:73:2: warning: 'warn_tsens_probe_not_enabled' drops a runtime PM usage count of '&pdev->dev' that it does not hold [-Wrpm-underflow]
set-active-resume.c:66:8: note: 'pm_runtime_resume_and_get' took no reference on this path (it drops its reference itself when it fails)
set-active-resume.c:67:6: note: taking the true branch of 'ret < 0'
set-active-resume.c:68:3: note: jumping to 'err'
set-active-resume.c:86:3: warning: 'warn_tsens_probe_enabled_first' returns an error with the runtime PM usage count of '&pdev->dev' still raised [-Wrpm-leak]
set-active-resume.c:83:8: note: 'pm_runtime_get_sync' raises the usage count here, even when it fails
set-active-resume.c:84:6: note: taking the true branch of 'ret < 0'
set-active-resume.c:102:3: warning: 'warn_tsens_resume_after_put' returns an error with the runtime PM usage count of '&pdev->dev' still raised [-Wrpm-leak]
set-active-resume.c:100:8: note: 'pm_runtime_get_sync' raises the usage count here, even when it fails
set-active-resume.c:101:6: note: taking the true branch of 'ret < 0'
 * check-output-end
 */
