// SPDX-License-Identifier: GPL-2.0
/*
 * The device is named through local aliases ("struct device *dev =
 * &pdev->dev;"): a get on the alias and a put on the original expression
 * are the same reference, and warnings name the original expression.
 * Different devices (a device and its parent) are counted separately.
 * Slice of a platform camera interface driver.
 */
#include <linux/platform_device.h>
#include <linux/i2c.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define CSI_CTRL		0x00
#define CSI_CTRL_EN		BIT(0)
#define CSI_LANES		0x04

struct csi_priv {
	struct device *dev;
	void __iomem *base;
	unsigned int lanes;
};

static int good_alias_then_original(struct platform_device *pdev)
{
	struct csi_priv *csi = platform_get_drvdata(pdev);
	struct device *dev = &pdev->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	writel(csi->lanes, csi->base + CSI_LANES);
	pm_runtime_put(&pdev->dev);
	return 0;
}

static int good_original_then_alias(struct platform_device *pdev)
{
	struct csi_priv *csi = platform_get_drvdata(pdev);
	struct device *dev = &pdev->dev;
	int ret;

	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret < 0)
		return ret;

	writel(CSI_CTRL_EN, csi->base + CSI_CTRL);
	pm_runtime_put(dev);
	return 0;
}

static int warn_alias_leak(struct platform_device *pdev)
{
	struct csi_priv *csi = platform_get_drvdata(pdev);
	struct device *dev = &pdev->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	if (!csi->lanes || csi->lanes > 4) {
		dev_err(dev, "invalid number of lanes %u\n", csi->lanes);
		return -EINVAL;
	}

	writel(csi->lanes, csi->base + CSI_LANES);
	pm_runtime_put(&pdev->dev);
	return 0;
}

static int good_assigned_later(struct i2c_client *client)
{
	struct device *dev;
	int ret;

	dev = &client->dev;
	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		pm_runtime_put_noidle(&client->dev);
		return ret;
	}

	ret = i2c_smbus_write_byte_data(client, 0x01, 0x80);
	pm_runtime_put(&client->dev);
	return ret;
}

static int warn_assigned_later(struct i2c_client *client)
{
	struct device *dev;
	int ret;

	dev = &client->dev;
	ret = pm_runtime_get_sync(dev);
	if (ret < 0)
		return ret;

	ret = i2c_smbus_write_byte_data(client, 0x01, 0x80);
	pm_runtime_put(&client->dev);
	return ret;
}

static int good_parent_and_child(struct csi_priv *csi)
{
	int ret;

	ret = pm_runtime_resume_and_get(csi->dev->parent);
	if (ret)
		return ret;

	ret = pm_runtime_resume_and_get(csi->dev);
	if (ret) {
		pm_runtime_put(csi->dev->parent);
		return ret;
	}

	writel(CSI_CTRL_EN, csi->base + CSI_CTRL);
	pm_runtime_put(csi->dev);
	pm_runtime_put(csi->dev->parent);
	return 0;
}

static int warn_parent_and_child(struct csi_priv *csi)
{
	int ret;

	ret = pm_runtime_resume_and_get(csi->dev->parent);
	if (ret)
		return ret;

	ret = pm_runtime_resume_and_get(csi->dev);
	if (ret)
		return ret;

	writel(CSI_CTRL_EN, csi->base + CSI_CTRL);
	pm_runtime_put(csi->dev);
	pm_runtime_put(csi->dev->parent);
	return 0;
}
/*
 * check-name: local aliases of the device are the same device, parents are not
 * check-output-ignore-notes
 *
 * check-output-start
device-aliases.c:66:3: warning: 'warn_alias_leak' returns an error with the runtime PM usage count of '&pdev->dev' still raised [-Wrpm-leak]
device-aliases.c:99:3: warning: 'warn_assigned_later' returns an error with the runtime PM usage count of '&client->dev' still raised [-Wrpm-leak]
device-aliases.c:136:3: warning: 'warn_parent_and_child' returns an error with the runtime PM usage count of 'csi->dev->parent' still raised [-Wrpm-leak]
 * check-output-end
 */
