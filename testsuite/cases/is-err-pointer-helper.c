// SPDX-License-Identifier: GPL-2.0
/*
 * A helper returning a pointer takes its reference (or enables runtime
 * PM) only when it succeeds; "IS_ERR(p)" in the caller must agree with
 * the helper's summary: its true side is the ERR_PTR() return, which
 * took nothing.  Slice of a display subsystem core driver.
 */
#include <linux/platform_device.h>
#include <linux/err.h>
#include <linux/pm_runtime.h>

struct tmdss {
	struct device *dev;
	void __iomem *mmio;
};

static struct tmdss *tmdss_init(struct platform_device *pdev)
{
	struct tmdss *mdss;

	mdss = devm_kzalloc(&pdev->dev, sizeof(*mdss), GFP_KERNEL);
	if (!mdss)
		return ERR_PTR(-ENOMEM);
	mdss->dev = &pdev->dev;
	mdss->mmio = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mdss->mmio))
		return ERR_CAST(mdss->mmio);
	pm_runtime_enable(&pdev->dev);
	return mdss;
}

static struct tmdss *tmdss_get(struct platform_device *pdev)
{
	struct tmdss *mdss = platform_get_drvdata(pdev);
	int ret;

	ret = pm_runtime_resume_and_get(mdss->dev);
	if (ret)
		return ERR_PTR(ret);
	return mdss;
}

static int good_tmdss_status(struct platform_device *pdev)
{
	struct tmdss *mdss;

	mdss = tmdss_get(pdev);
	if (IS_ERR(mdss))
		return PTR_ERR(mdss);
	pm_runtime_put(mdss->dev);
	return 0;
}

static int warn_tmdss_status_check(struct platform_device *pdev, bool quick)
{
	struct tmdss *mdss;

	mdss = tmdss_get(pdev);
	if (IS_ERR(mdss))
		return PTR_ERR(mdss);
	if (quick)
		return -EBUSY;
	pm_runtime_put(mdss->dev);
	return 0;
}

static int good_tmdss_probe(struct platform_device *pdev)
{
	struct tmdss *mdss;

	mdss = tmdss_init(pdev);
	if (IS_ERR(mdss))
		return PTR_ERR(mdss);
	platform_set_drvdata(pdev, mdss);
	return 0;
}

static void good_tmdss_remove(struct platform_device *pdev)
{
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver tmdss_driver = {
	.probe = good_tmdss_probe,
	.remove = good_tmdss_remove,
	.driver = {
		.name = "tmdss",
	},
};
module_platform_driver(tmdss_driver);

/*
 * check-name: IS_ERR() of a pointer helper's result agrees with its summary
 *
 * check-output-start
is-err-pointer-helper.c:62:3: warning: 'warn_tmdss_status_check' returns an error with the runtime PM usage count of 'mdss->dev' still raised [-Wrpm-leak]
is-err-pointer-helper.c:58:9: note: 'tmdss_get' raises the usage count here
is-err-pointer-helper.c:59:13: note: taking the false branch of 'IS_ERR(mdss)'
is-err-pointer-helper.c:61:6: note: taking the true branch of 'quick'
 * check-output-end
 */
