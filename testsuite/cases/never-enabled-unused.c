// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-never-enabled stays silent for a driver that does not use runtime
 * PM of its own device: its dev_pm_ops has system sleep callbacks only,
 * and it takes runtime PM references on other devices only (its parent,
 * the MFD core, and the PHY it drives).  Slice of the platform cell of
 * an Ethernet switch MFD.
 */
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define ESW_PORT_CTRL		0x100
#define ESW_PORT_EN		BIT(0)

struct esw_phy {
	struct device *dev;
};

struct esw_port {
	struct device *dev;
	struct device *phy_dev;
	struct esw_phy *serdes;
	struct regmap *regmap;
	bool enabled;
};

static int esw_port_enable(struct esw_port *port)
{
	int ret;

	ret = pm_runtime_resume_and_get(port->dev->parent);
	if (ret)
		return ret;
	ret = pm_runtime_resume_and_get(port->phy_dev);
	if (ret) {
		pm_runtime_put(port->dev->parent);
		return ret;
	}
	/* the SerDes PHY's device, reached through another object */
	ret = pm_runtime_resume_and_get(port->serdes->dev);
	if (ret) {
		pm_runtime_put(port->phy_dev);
		pm_runtime_put(port->dev->parent);
		return ret;
	}
	ret = regmap_set_bits(port->regmap, ESW_PORT_CTRL, ESW_PORT_EN);
	if (ret) {
		pm_runtime_put(port->serdes->dev);
		pm_runtime_put(port->phy_dev);
		pm_runtime_put(port->dev->parent);
		return ret;
	}
	port->enabled = true;
	return 0;
}

static void esw_port_disable(struct esw_port *port)
{
	regmap_clear_bits(port->regmap, ESW_PORT_CTRL, ESW_PORT_EN);
	pm_runtime_put(port->serdes->dev);
	pm_runtime_put(port->phy_dev);
	pm_runtime_put(port->dev->parent);
	port->enabled = false;
}

static int esw_port_suspend(struct device *dev)
{
	struct esw_port *port = dev_get_drvdata(dev);

	if (port->enabled)
		esw_port_disable(port);
	return 0;
}

static int esw_port_resume(struct device *dev)
{
	struct esw_port *port = dev_get_drvdata(dev);

	return esw_port_enable(port);
}

static DEFINE_SIMPLE_DEV_PM_OPS(esw_port_pm_ops, esw_port_suspend,
				esw_port_resume);

static int good_esw_port_probe(struct platform_device *pdev)
{
	struct esw_port *port;

	port = devm_kzalloc(&pdev->dev, sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	port->dev = &pdev->dev;
	port->regmap = dev_get_regmap(pdev->dev.parent, NULL);
	if (!port->regmap)
		return -ENODEV;
	platform_set_drvdata(pdev, port);
	return esw_port_enable(port);
}

static void esw_port_remove(struct platform_device *pdev)
{
	struct esw_port *port = platform_get_drvdata(pdev);

	if (port->enabled)
		esw_port_disable(port);
}

static struct platform_driver esw_port_driver = {
	.probe = good_esw_port_probe,
	.remove = esw_port_remove,
	.driver = {
		.name = "esw-port",
		.pm = pm_sleep_ptr(&esw_port_pm_ops),
	},
};
/*
 * check-name: no runtime PM of the driver's own device, nothing to enable
 *
 * check-output-start
 * check-output-end
 */
