// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-never-enabled: runtime PM starts disabled, and nothing in this
 * file enables it.  The platform driver gives runtime PM callbacks to
 * its dev_pm_ops, the I2C driver has none but the file takes runtime PM
 * references on its devices: both are reported at their probe.  The
 * PCI front-end shares the code but its bus core enables runtime PM
 * before probe: silent.  Slice of a sensor hub driver with platform
 * (MMIO), I2C and PCI front-ends.
 */
#include <linux/platform_device.h>
#include <linux/i2c.h>
#include <linux/pci.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define SHUB_REG_CTRL		0x00
#define SHUB_CTRL_RUN		BIT(0)
#define SHUB_REG_DATA		0x10
#define SHUB_AUTOSUSPEND_MS	1000

struct shub {
	struct device *dev;
	void __iomem *base;
	struct i2c_client *client;
};

static int shub_read_sample(struct shub *hub, u32 *val)
{
	int ret;

	ret = pm_runtime_resume_and_get(hub->dev);
	if (ret)
		return ret;

	if (hub->client) {
		ret = i2c_smbus_read_word_data(hub->client, SHUB_REG_DATA);
		if (ret >= 0) {
			*val = ret;
			ret = 0;
		}
	} else {
		*val = readl(hub->base + SHUB_REG_DATA);
	}

	pm_runtime_mark_last_busy(hub->dev);
	pm_runtime_put_autosuspend(hub->dev);
	return ret;
}

static int shub_runtime_suspend(struct device *dev)
{
	struct shub *hub = dev_get_drvdata(dev);

	if (hub->base)
		writel(0, hub->base + SHUB_REG_CTRL);
	return 0;
}

static int shub_runtime_resume(struct device *dev)
{
	struct shub *hub = dev_get_drvdata(dev);

	if (hub->base)
		writel(SHUB_CTRL_RUN, hub->base + SHUB_REG_CTRL);
	return 0;
}

static DEFINE_RUNTIME_DEV_PM_OPS(shub_pm_ops, shub_runtime_suspend,
				 shub_runtime_resume, NULL);

/* Autosuspend is set up, runtime PM itself is never enabled. */
static int warn_shub_platform_probe(struct platform_device *pdev)
{
	struct shub *hub;

	hub = devm_kzalloc(&pdev->dev, sizeof(*hub), GFP_KERNEL);
	if (!hub)
		return -ENOMEM;
	hub->dev = &pdev->dev;
	hub->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hub->base))
		return PTR_ERR(hub->base);
	platform_set_drvdata(pdev, hub);

	pm_runtime_set_autosuspend_delay(&pdev->dev, SHUB_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(&pdev->dev);
	pm_runtime_set_active(&pdev->dev);
	return 0;
}

static struct platform_driver shub_platform_driver = {
	.probe = warn_shub_platform_probe,
	.driver = {
		.name = "shub",
		.pm = pm_ptr(&shub_pm_ops),
	},
};

/*
 * No PM ops, but the chip ID read resumes the client's own device, which
 * fails with -EACCES: runtime PM was never enabled.  (shub_read_sample()
 * resumes hub->dev, a pointer that could be any device: not evidence.)
 */
static int shub_i2c_read_id(struct i2c_client *client)
{
	int ret;

	ret = pm_runtime_resume_and_get(&client->dev);
	if (ret)
		return ret;
	ret = i2c_smbus_read_word_data(client, SHUB_REG_DATA);
	pm_runtime_put(&client->dev);
	return ret;
}

static int warn_shub_i2c_probe(struct i2c_client *client)
{
	struct shub *hub;
	int ret;

	ret = shub_i2c_read_id(client);
	if (ret < 0)
		return ret;
	hub = devm_kzalloc(&client->dev, sizeof(*hub), GFP_KERNEL);
	if (!hub)
		return -ENOMEM;
	hub->dev = &client->dev;
	hub->client = client;
	i2c_set_clientdata(client, hub);
	return 0;
}

static struct i2c_driver shub_i2c_driver = {
	.driver = { .name = "shub-i2c" },
	.probe = warn_shub_i2c_probe,
};

/* The PCI core enabled runtime PM before calling probe. */
static int good_shub_pci_probe(struct pci_dev *pdev,
			       const struct pci_device_id *id)
{
	struct shub *hub;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	hub = devm_kzalloc(&pdev->dev, sizeof(*hub), GFP_KERNEL);
	if (!hub)
		return -ENOMEM;
	hub->dev = &pdev->dev;
	hub->base = pcim_iomap(pdev, 0, 0);
	if (!hub->base)
		return -ENOMEM;
	pci_set_drvdata(pdev, hub);

	pm_runtime_set_autosuspend_delay(&pdev->dev, SHUB_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(&pdev->dev);
	pm_runtime_put_noidle(&pdev->dev);
	pm_runtime_allow(&pdev->dev);
	return 0;
}

static void good_shub_pci_remove(struct pci_dev *pdev)
{
	pm_runtime_dont_use_autosuspend(&pdev->dev);
	pm_runtime_forbid(&pdev->dev);
	pm_runtime_get_noresume(&pdev->dev);
}

static const struct pci_device_id shub_pci_ids[] = {
	{ PCI_DEVICE(0x1e0f, 0x0105) },
	{ }
};

static struct pci_driver shub_pci_driver = {
	.name = "shub-pci",
	.id_table = shub_pci_ids,
	.probe = good_shub_pci_probe,
	.remove = good_shub_pci_remove,
	.driver.pm = pm_ptr(&shub_pm_ops),
};
/*
 * check-name: drivers that use runtime PM without ever enabling it
 *
 * check-output-start
never-enabled.c:73:12: warning: 'warn_shub_platform_probe' never enables runtime PM, yet driver 'shub_platform_driver' has runtime PM callbacks: they never run [-Wrpm-never-enabled]
never-enabled.c:69:8: note: 'shub_runtime_suspend' is its ->runtime_suspend callback
never-enabled.c:117:12: warning: 'warn_shub_i2c_probe' never enables runtime PM, yet driver 'shub_i2c_driver' uses it: every synchronous runtime PM call fails with -EACCES [-Wrpm-never-enabled]
never-enabled.c:109:8: note: 'pm_runtime_resume_and_get' takes a reference here
 * check-output-end
 */
