// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-leak across probe and remove: a usage count that probe keeps on
 * every success path must be dropped by remove, and one that remove
 * takes must be dropped before it returns (after unbind nothing will).
 * The remove function is the subject.  No other function of this file
 * drops a count (that would silence the first form, see
 * lifecycle-usage-dropped-elsewhere.c).  Slice of a platform SPI
 * controller driver, one struct platform_driver per SoC variant.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/property.h>
#include <linux/pm_runtime.h>

#define QSPI_CR			0x00
#define QSPI_CR_EN		BIT(0)
#define QSPI_SR			0x08
#define QSPI_IER		0x0c

struct qspi {
	struct device *dev;
	void __iomem *base;
	struct clk *clk;
	int irq;
};

static irqreturn_t qspi_irq(int irq, void *dev_id)
{
	struct qspi *q = dev_id;

	writel(readl(q->base + QSPI_SR), q->base + QSPI_SR);
	return IRQ_HANDLED;
}

static int qspi_init(struct platform_device *pdev, struct qspi **out)
{
	struct qspi *q;

	q = devm_kzalloc(&pdev->dev, sizeof(*q), GFP_KERNEL);
	if (!q)
		return -ENOMEM;
	q->dev = &pdev->dev;
	q->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(q->base))
		return PTR_ERR(q->base);
	q->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(q->clk))
		return PTR_ERR(q->clk);
	q->irq = platform_get_irq(pdev, 0);
	if (q->irq < 0)
		return q->irq;
	platform_set_drvdata(pdev, q);
	*out = q;
	return 0;
}

/*
 * The controller has no retention: probe keeps it powered while bound
 * with a reference taken before enabling runtime PM, and drops it on
 * its error path only.
 */
static int qspi_probe_keep(struct platform_device *pdev)
{
	struct qspi *q;
	int ret;

	ret = qspi_init(pdev, &q);
	if (ret)
		return ret;

	pm_runtime_get_noresume(&pdev->dev);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);

	ret = devm_request_irq(&pdev->dev, q->irq, qspi_irq, 0, "qspi", q);
	if (ret) {
		pm_runtime_disable(&pdev->dev);
		pm_runtime_set_suspended(&pdev->dev);
		pm_runtime_put_noidle(&pdev->dev);
		return ret;
	}

	writel(QSPI_CR_EN, q->base + QSPI_CR);
	return 0;
}

/* Disables runtime PM, never drops the reference probe kept. */
static void warn_qspi_remove_keep(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);

	writel(0, q->base + QSPI_CR);
	pm_runtime_disable(&pdev->dev);
	pm_runtime_set_suspended(&pdev->dev);
}

/* The same with a resumed reference from pm_runtime_resume_and_get(). */
static int qspi_probe_resumed(struct platform_device *pdev)
{
	struct qspi *q;
	int ret;

	ret = qspi_init(pdev, &q);
	if (ret)
		return ret;

	pm_runtime_enable(&pdev->dev);
	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret) {
		pm_runtime_disable(&pdev->dev);
		return ret;
	}

	writel(QSPI_CR_EN, q->base + QSPI_CR);
	return 0;
}

static void warn_qspi_remove_resumed(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);

	writel(0, q->base + QSPI_CR);
	pm_runtime_disable(&pdev->dev);
}

/* A probe that gives its reference back before returning. */
static int qspi_probe(struct platform_device *pdev)
{
	struct qspi *q;
	int ret;

	ret = qspi_init(pdev, &q);
	if (ret)
		return ret;

	pm_runtime_get_noresume(&pdev->dev);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);

	ret = devm_request_irq(&pdev->dev, q->irq, qspi_irq, 0, "qspi", q);
	if (ret) {
		pm_runtime_disable(&pdev->dev);
		pm_runtime_set_suspended(&pdev->dev);
		pm_runtime_put_noidle(&pdev->dev);
		return ret;
	}

	writel(QSPI_CR_EN, q->base + QSPI_CR);
	pm_runtime_put(&pdev->dev);
	return 0;
}

/*
 * The usual remove: resume to reach the registers, disable, then give
 * the reference back with pm_runtime_put_noidle().
 */
static void good_qspi_remove(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);

	pm_runtime_get_sync(&pdev->dev);
	writel(0, q->base + QSPI_CR);
	writel(0, q->base + QSPI_IER);
	pm_runtime_disable(&pdev->dev);
	pm_runtime_put_noidle(&pdev->dev);
}

/* The put_noidle is forgotten. */
static void warn_qspi_remove_get_sync(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);

	pm_runtime_get_sync(&pdev->dev);
	writel(0, q->base + QSPI_CR);
	writel(0, q->base + QSPI_IER);
	pm_runtime_disable(&pdev->dev);
}

/*
 * The same through the driver data's device: a failed
 * pm_runtime_get_sync() raised the count too.
 */
static void warn_qspi_remove_drvdata_dev(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);

	if (pm_runtime_get_sync(q->dev) < 0)
		dev_warn(q->dev, "cannot resume, registers not cleared\n");
	writel(0, q->base + QSPI_CR);
	pm_runtime_disable(q->dev);
}

/* pm_runtime_resume_and_get(), given back by a synchronous put. */
static void good_qspi_remove_put_sync(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);
	int ret;

	ret = pm_runtime_resume_and_get(q->dev);
	if (!ret) {
		writel(0, q->base + QSPI_CR);
		pm_runtime_put_sync(q->dev);
	}
	pm_runtime_disable(q->dev);
}

/* A failed resume leaves early: pm_runtime_resume_and_get() took nothing. */
static void good_qspi_remove_early_return(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);

	if (pm_runtime_resume_and_get(&pdev->dev) < 0) {
		pm_runtime_disable(&pdev->dev);
		return;
	}
	writel(0, q->base + QSPI_CR);
	pm_runtime_disable(&pdev->dev);
	pm_runtime_put_noidle(&pdev->dev);
}

/*
 * Not every success path keeps the reference: the probe/remove rule
 * does not judge it (what remove should do is not known); the paths
 * that disagree are reported on their own.
 */
static int qspi_probe_maybe_keep(struct platform_device *pdev)
{
	struct qspi *q;
	int ret;

	ret = qspi_init(pdev, &q);
	if (ret)
		return ret;

	pm_runtime_get_noresume(&pdev->dev);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);

	if (device_property_read_bool(&pdev->dev, "always-on"))
		return 0;

	pm_runtime_put(&pdev->dev);
	return 0;
}

static void good_qspi_remove_maybe(struct platform_device *pdev)
{
	struct qspi *q = platform_get_drvdata(pdev);

	writel(0, q->base + QSPI_CR);
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver qspi_keep_driver = {
	.probe = qspi_probe_keep,
	.remove = warn_qspi_remove_keep,
	.driver = { .name = "qspi-keep" },
};

static struct platform_driver qspi_resumed_driver = {
	.probe = qspi_probe_resumed,
	.remove = warn_qspi_remove_resumed,
	.driver = { .name = "qspi-resumed" },
};

static struct platform_driver qspi_driver = {
	.probe = qspi_probe,
	.remove = good_qspi_remove,
	.driver = { .name = "qspi" },
};

static struct platform_driver qspi_get_sync_driver = {
	.probe = qspi_probe,
	.remove = warn_qspi_remove_get_sync,
	.driver = { .name = "qspi-get-sync" },
};

static struct platform_driver qspi_drvdata_dev_driver = {
	.probe = qspi_probe,
	.remove = warn_qspi_remove_drvdata_dev,
	.driver = { .name = "qspi-drvdata-dev" },
};

static struct platform_driver qspi_put_sync_driver = {
	.probe = qspi_probe,
	.remove = good_qspi_remove_put_sync,
	.driver = { .name = "qspi-put-sync" },
};

static struct platform_driver qspi_early_return_driver = {
	.probe = qspi_probe,
	.remove = good_qspi_remove_early_return,
	.driver = { .name = "qspi-early-return" },
};

static struct platform_driver qspi_maybe_driver = {
	.probe = qspi_probe_maybe_keep,
	.remove = good_qspi_remove_maybe,
	.driver = { .name = "qspi-maybe" },
};
/*
 * check-name: a usage count kept by probe or taken by remove and never dropped
 *
 * check-output-start
lifecycle-usage-probe-remove.c:91:13: warning: 'warn_qspi_remove_keep' never drops the runtime PM usage count of '&pdev->dev' that 'qspi_probe_keep' keeps on success [-Wrpm-leak]
lifecycle-usage-probe-remove.c:74:2: note: 'pm_runtime_get_noresume' raises the usage count here
lifecycle-usage-probe-remove.c:121:13: warning: 'warn_qspi_remove_resumed' never drops the runtime PM usage count of '&pdev->dev' that 'qspi_probe_resumed' keeps on success [-Wrpm-leak]
lifecycle-usage-probe-remove.c:111:8: note: 'pm_runtime_resume_and_get' raises the usage count here
lifecycle-usage-probe-remove.c:180:1: warning: 'warn_qspi_remove_get_sync' returns with the runtime PM usage count of '&pdev->dev' raised: nothing drops it after the driver is unbound [-Wrpm-leak]
lifecycle-usage-probe-remove.c:176:2: note: 'pm_runtime_get_sync' raises the usage count here, even when it fails
lifecycle-usage-probe-remove.c:194:1: warning: 'warn_qspi_remove_drvdata_dev' returns with the runtime PM usage count of 'q->dev' raised: nothing drops it after the driver is unbound [-Wrpm-leak]
lifecycle-usage-probe-remove.c:190:6: note: 'pm_runtime_get_sync' raises the usage count here, even when it fails
lifecycle-usage-probe-remove.c:190:6: note: taking the false branch of 'pm_runtime_get_sync(q->dev) < 0'
lifecycle-usage-probe-remove.c:243:3: warning: 'qspi_probe_maybe_keep' returns with the runtime PM usage count of '&pdev->dev' raised on this path but not on others [-Wrpm-leak]
lifecycle-usage-probe-remove.c:238:2: note: 'pm_runtime_get_noresume' raises the usage count here
lifecycle-usage-probe-remove.c:242:6: note: taking the true branch of 'device_property_read_bool(&pdev->dev, "always-on")'
 * check-output-end
 */
