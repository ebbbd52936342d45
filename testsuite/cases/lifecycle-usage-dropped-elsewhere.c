// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-leak across probe and remove is not reported when a function of
 * the file outside probe, remove and their helpers drops a usage count:
 * the reference probe keeps may be handed to it.  Here probe keeps the
 * device powered until the asynchronous firmware load completes, and
 * the firmware callback drops the reference.  One driver only: a drop
 * in another driver's remove would silence it too.  Slice of a platform
 * DSP loader driver.
 */
#include <linux/platform_device.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define DSP_CTRL		0x00
#define DSP_CTRL_RUN		BIT(0)
#define DSP_IRAM		0x1000

struct dsp_priv {
	struct device *dev;
	void __iomem *base;
	bool running;
};

static void dsp_fw_ready(const struct firmware *fw, void *context)
{
	struct dsp_priv *dsp = context;
	size_t i;

	if (fw) {
		for (i = 0; i + 4 <= fw->size; i += 4)
			writel(*(const u32 *)(fw->data + i),
			       dsp->base + DSP_IRAM + i);
		writel(DSP_CTRL_RUN, dsp->base + DSP_CTRL);
		dsp->running = true;
		release_firmware(fw);
	} else {
		dev_err(dsp->dev, "firmware not loaded\n");
	}
	pm_runtime_mark_last_busy(dsp->dev);
	pm_runtime_put_autosuspend(dsp->dev);
}

static int dsp_probe(struct platform_device *pdev)
{
	struct dsp_priv *dsp;
	int ret;

	dsp = devm_kzalloc(&pdev->dev, sizeof(*dsp), GFP_KERNEL);
	if (!dsp)
		return -ENOMEM;
	dsp->dev = &pdev->dev;
	dsp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(dsp->base))
		return PTR_ERR(dsp->base);
	platform_set_drvdata(pdev, dsp);

	/* powered until dsp_fw_ready() has run */
	pm_runtime_get_noresume(&pdev->dev);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_use_autosuspend(&pdev->dev);
	pm_runtime_set_autosuspend_delay(&pdev->dev, 500);
	pm_runtime_enable(&pdev->dev);

	ret = request_firmware_nowait(THIS_MODULE, true, "dsp.bin", &pdev->dev,
				      GFP_KERNEL, dsp, dsp_fw_ready);
	if (ret) {
		pm_runtime_disable(&pdev->dev);
		pm_runtime_dont_use_autosuspend(&pdev->dev);
		pm_runtime_set_suspended(&pdev->dev);
		pm_runtime_put_noidle(&pdev->dev);
		return ret;
	}
	return 0;
}

static void good_dsp_remove(struct platform_device *pdev)
{
	struct dsp_priv *dsp = platform_get_drvdata(pdev);

	if (dsp->running)
		writel(0, dsp->base + DSP_CTRL);
	pm_runtime_dont_use_autosuspend(&pdev->dev);
	pm_runtime_disable(&pdev->dev);
}

static struct platform_driver dsp_driver = {
	.probe = dsp_probe,
	.remove = good_dsp_remove,
	.driver = { .name = "dsp-loader" },
};
/*
 * check-name: a usage count probe keeps and another function drops
 *
 * check-output-start
 * check-output-end
 */
