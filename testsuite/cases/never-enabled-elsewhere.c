// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-never-enabled stays silent when the file enables runtime PM
 * anywhere, here once the firmware is running rather than in probe.
 * The rule is judged per file: the second driver of the file, which
 * never enables runtime PM itself, is not reported either.  Slice of a
 * platform audio DSP driver.
 */
#include <linux/platform_device.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define ADSP_CTRL		0x00
#define ADSP_CTRL_RUN		BIT(0)
#define ADSP_MBOX		0x40

struct adsp {
	struct device *dev;
	void __iomem *base;
};

static int adsp_send(struct adsp *adsp, u32 msg)
{
	int ret;

	ret = pm_runtime_resume_and_get(adsp->dev);
	if (ret)
		return ret;
	writel(msg, adsp->base + ADSP_MBOX);
	pm_runtime_put(adsp->dev);
	return 0;
}

static void adsp_fw_loaded(const struct firmware *fw, void *context)
{
	struct adsp *adsp = context;

	if (!fw)
		return;
	writel(ADSP_CTRL_RUN, adsp->base + ADSP_CTRL);
	release_firmware(fw);

	pm_runtime_set_active(adsp->dev);
	pm_runtime_enable(adsp->dev);
	adsp_send(adsp, 0);
}

static int adsp_runtime_suspend(struct device *dev)
{
	struct adsp *adsp = dev_get_drvdata(dev);

	writel(0, adsp->base + ADSP_CTRL);
	return 0;
}

static int adsp_runtime_resume(struct device *dev)
{
	struct adsp *adsp = dev_get_drvdata(dev);

	writel(ADSP_CTRL_RUN, adsp->base + ADSP_CTRL);
	return 0;
}

static const struct dev_pm_ops adsp_pm_ops = {
	SET_RUNTIME_PM_OPS(adsp_runtime_suspend, adsp_runtime_resume, NULL)
};

static struct adsp *adsp_alloc(struct platform_device *pdev)
{
	struct adsp *adsp;

	adsp = devm_kzalloc(&pdev->dev, sizeof(*adsp), GFP_KERNEL);
	if (!adsp)
		return ERR_PTR(-ENOMEM);
	adsp->dev = &pdev->dev;
	adsp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(adsp->base))
		return ERR_CAST(adsp->base);
	platform_set_drvdata(pdev, adsp);
	return adsp;
}

static int good_adsp_probe(struct platform_device *pdev)
{
	struct adsp *adsp = adsp_alloc(pdev);

	if (IS_ERR(adsp))
		return PTR_ERR(adsp);
	return request_firmware_nowait(THIS_MODULE, true, "adsp.bin",
				       &pdev->dev, GFP_KERNEL, adsp,
				       adsp_fw_loaded);
}

/* A variant without firmware: never enabled, not reported (per file). */
static int adsp_rom_probe(struct platform_device *pdev)
{
	struct adsp *adsp = adsp_alloc(pdev);

	if (IS_ERR(adsp))
		return PTR_ERR(adsp);
	writel(ADSP_CTRL_RUN, adsp->base + ADSP_CTRL);
	return 0;
}

static struct platform_driver adsp_driver = {
	.probe = good_adsp_probe,
	.driver = {
		.name = "adsp",
		.pm = &adsp_pm_ops,
	},
};

static struct platform_driver adsp_rom_driver = {
	.probe = adsp_rom_probe,
	.driver = {
		.name = "adsp-rom",
		.pm = &adsp_pm_ops,
	},
};
/*
 * check-name: a file that enables runtime PM outside probe
 *
 * check-output-start
 * check-output-end
 */
