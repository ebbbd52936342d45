// SPDX-License-Identifier: GPL-2.0
/*
 * A controller core whose exported functions resume the device they are
 * given: the SPI and HyperBus front ends (other files, other modules)
 * enable runtime PM on it before calling them.  Nothing here is
 * evidence that this driver uses runtime PM on its own.  Slice of an
 * SoC memory controller library driver.
 */
#include <linux/platform_device.h>
#include <linux/export.h>
#include <linux/pm_runtime.h>
#include <linux/regmap.h>

#define TRPC_CMNCR	0x0000

struct trpc_priv {
	struct regmap *regmap;
};

int trpc_hw_init(struct device *dev)
{
	struct trpc_priv *rpc = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret)
		return ret;
	ret = regmap_write(rpc->regmap, TRPC_CMNCR, 0);
	pm_runtime_put(dev);
	return ret;
}
EXPORT_SYMBOL(trpc_hw_init);

static int good_trpc_probe(struct platform_device *pdev)
{
	struct trpc_priv *rpc;

	rpc = devm_kzalloc(&pdev->dev, sizeof(*rpc), GFP_KERNEL);
	if (!rpc)
		return -ENOMEM;
	platform_set_drvdata(pdev, rpc);
	return 0;
}

static struct platform_driver trpc_driver = {
	.probe = good_trpc_probe,
	.driver = {
		.name = "trpc",
	},
};
module_platform_driver(trpc_driver);

/*
 * check-name: an exported function's reference is no evidence for rpm-never-enabled
 *
 * check-output-start
 * check-output-end
 */
