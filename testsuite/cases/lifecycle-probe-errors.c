// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-enable-imbalance, probe side: an error return after
 * pm_runtime_enable() must disable runtime PM again, and one after
 * pm_runtime_use_autosuspend() must stop using autosuspend, unless
 * devm_pm_runtime_enable() (whose unbind action undoes both) or a devm
 * action does it.  One return is reported once.  The probe is the
 * subject.  Slice of an I2C ambient light/proximity sensor driver, one
 * struct i2c_driver per chip variant.
 */
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/regmap.h>
#include <linux/regulator/consumer.h>
#include <linux/pm_runtime.h>

#define PXS_REG_ENABLE		0x00
#define PXS_REG_INT_CFG		0x02
#define PXS_REG_PART_ID		0x12
#define PXS_PART_ID		0x60
#define PXS_AUTOSUSPEND_MS	2000

struct pxs_data {
	struct i2c_client *client;
	struct device *dev;
	struct regmap *regmap;
};

static const struct regmap_config pxs_regmap_config = {
	.reg_bits = 8,
	.val_bits = 8,
};

static irqreturn_t pxs_irq_thread(int irq, void *private)
{
	struct pxs_data *data = private;

	regmap_write(data->regmap, PXS_REG_INT_CFG, 0);
	return IRQ_HANDLED;
}

static int pxs_chip_init(struct pxs_data *data)
{
	unsigned int id;
	int ret;

	ret = regmap_read(data->regmap, PXS_REG_PART_ID, &id);
	if (ret)
		return ret;
	if (id != PXS_PART_ID)
		return -ENODEV;
	return regmap_write(data->regmap, PXS_REG_ENABLE, 0x3);
}

static struct pxs_data *pxs_alloc(struct i2c_client *client)
{
	struct pxs_data *data;

	data = devm_kzalloc(&client->dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return NULL;
	data->client = client;
	data->dev = &client->dev;
	i2c_set_clientdata(client, data);
	return data;
}

static void pxs_remove(struct i2c_client *client)
{
	pm_runtime_disable(&client->dev);
	pm_runtime_set_suspended(&client->dev);
}

static void pxs_remove_autosuspend(struct i2c_client *client)
{
	pm_runtime_dont_use_autosuspend(&client->dev);
	pm_runtime_disable(&client->dev);
	pm_runtime_set_suspended(&client->dev);
}

/* The interrupt request fails after runtime PM is enabled. */
static int warn_pxs_probe_irq(struct i2c_client *client)
{
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_set_active(&client->dev);
	pm_runtime_enable(&client->dev);

	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL,
					pxs_irq_thread, IRQF_ONESHOT,
					"pxs", data);
	if (ret) {
		dev_err(&client->dev, "irq request failed: %d\n", ret);
		return ret;
	}

	return 0;
}

/* Same driver, the unwinding done right. */
static int good_pxs_probe_irq(struct i2c_client *client)
{
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_set_active(&client->dev);
	pm_runtime_enable(&client->dev);

	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL,
					pxs_irq_thread, IRQF_ONESHOT,
					"pxs", data);
	if (ret) {
		dev_err(&client->dev, "irq request failed: %d\n", ret);
		pm_runtime_disable(&client->dev);
		pm_runtime_set_suspended(&client->dev);
		return ret;
	}

	return 0;
}

/*
 * The goto ladder skips the disable for the chip init failure (it jumps
 * to the label below it).
 */
static int warn_pxs_probe_ladder(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	data->regmap = devm_regmap_init_i2c(client, &pxs_regmap_config);
	if (IS_ERR(data->regmap))
		return PTR_ERR(data->regmap);

	ret = devm_regulator_get_enable(dev, "vdd");
	if (ret)
		return ret;

	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	ret = pxs_chip_init(data);
	if (ret)
		goto err_out;

	ret = devm_request_threaded_irq(dev, client->irq, NULL,
					pxs_irq_thread, IRQF_ONESHOT,
					"pxs", data);
	if (ret)
		goto err_disable;

	return 0;

err_disable:
	pm_runtime_disable(dev);
	pm_runtime_set_suspended(dev);
err_out:
	return ret;
}

static int good_pxs_probe_ladder(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	data->regmap = devm_regmap_init_i2c(client, &pxs_regmap_config);
	if (IS_ERR(data->regmap))
		return PTR_ERR(data->regmap);

	ret = devm_regulator_get_enable(dev, "vdd");
	if (ret)
		return ret;

	pm_runtime_set_autosuspend_delay(dev, PXS_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	ret = pxs_chip_init(data);
	if (ret)
		goto err_disable;

	ret = devm_request_threaded_irq(dev, client->irq, NULL,
					pxs_irq_thread, IRQF_ONESHOT,
					"pxs", data);
	if (ret)
		goto err_disable;

	return 0;

err_disable:
	pm_runtime_disable(dev);
	pm_runtime_set_suspended(dev);
	pm_runtime_dont_use_autosuspend(dev);
	return ret;
}

/* Runtime PM is disabled on the error path, autosuspend stays on. */
static int warn_pxs_probe_autosuspend(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_set_autosuspend_delay(dev, PXS_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	ret = pxs_chip_init(data);
	if (ret) {
		pm_runtime_disable(dev);
		pm_runtime_set_suspended(dev);
		return dev_err_probe(dev, ret, "chip init failed\n");
	}

	return 0;
}

/*
 * Neither undone on the error path: one warning for the return (runtime
 * PM still enabled), not a second one for autosuspend.
 */
static int warn_pxs_probe_both(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_set_autosuspend_delay(dev, PXS_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	ret = pxs_chip_init(data);
	if (ret)
		return ret;

	return 0;
}

/* Errors before runtime PM is touched need no unwinding. */
static int good_pxs_probe_early_errors(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	data->regmap = devm_regmap_init_i2c(client, &pxs_regmap_config);
	if (IS_ERR(data->regmap))
		return PTR_ERR(data->regmap);

	ret = pxs_chip_init(data);
	if (ret)
		return dev_err_probe(dev, ret, "chip init failed\n");

	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);
	return 0;
}

/*
 * devm_pm_runtime_enable(): its unbind action (also run when probe
 * fails) disables runtime PM and stops using autosuspend.
 */
static int good_pxs_probe_devm(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_set_autosuspend_delay(dev, PXS_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_set_active(dev);
	ret = devm_pm_runtime_enable(dev);
	if (ret)
		return ret;

	ret = pxs_chip_init(data);
	if (ret)
		return ret;

	return devm_request_threaded_irq(dev, client->irq, NULL,
					 pxs_irq_thread, IRQF_ONESHOT,
					 "pxs", data);
}

/* The error path unwinds through a helper of the file. */
static void pxs_pm_teardown(struct device *dev)
{
	pm_runtime_dont_use_autosuspend(dev);
	pm_runtime_disable(dev);
	pm_runtime_set_suspended(dev);
}

static int good_pxs_probe_helper(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_set_autosuspend_delay(dev, PXS_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	ret = pxs_chip_init(data);
	if (ret) {
		pxs_pm_teardown(dev);
		return ret;
	}

	return 0;
}

/* A devm action that disables runtime PM covers every later error. */
static void pxs_pm_disable_action(void *arg)
{
	struct device *dev = arg;

	pm_runtime_disable(dev);
	pm_runtime_set_suspended(dev);
}

static int good_pxs_probe_action(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);
	ret = devm_add_action_or_reset(dev, pxs_pm_disable_action, dev);
	if (ret)
		return ret;

	ret = pxs_chip_init(data);
	if (ret)
		return ret;

	return devm_request_threaded_irq(dev, client->irq, NULL,
					 pxs_irq_thread, IRQF_ONESHOT,
					 "pxs", data);
}

/* The first resume fails: pm_runtime_resume_and_get() dropped its
 * reference, but runtime PM stays enabled. */
static int warn_pxs_probe_resume(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pxs_data *data;
	int ret;

	data = pxs_alloc(client);
	if (!data)
		return -ENOMEM;

	pm_runtime_enable(dev);
	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	ret = pxs_chip_init(data);
	pm_runtime_put(dev);
	if (ret) {
		pm_runtime_disable(dev);
		return ret;
	}

	return 0;
}

static struct i2c_driver pxs_irq_driver = {
	.driver = { .name = "pxs-irq" },
	.probe = warn_pxs_probe_irq,
	.remove = pxs_remove,
};

static struct i2c_driver pxs_irq_fixed_driver = {
	.driver = { .name = "pxs-irq-fixed" },
	.probe = good_pxs_probe_irq,
	.remove = pxs_remove,
};

static struct i2c_driver pxs_ladder_driver = {
	.driver = { .name = "pxs-ladder" },
	.probe = warn_pxs_probe_ladder,
	.remove = pxs_remove,
};

static struct i2c_driver pxs_ladder_fixed_driver = {
	.driver = { .name = "pxs-ladder-fixed" },
	.probe = good_pxs_probe_ladder,
	.remove = pxs_remove_autosuspend,
};

static struct i2c_driver pxs_autosuspend_driver = {
	.driver = { .name = "pxs-autosuspend" },
	.probe = warn_pxs_probe_autosuspend,
	.remove = pxs_remove_autosuspend,
};

static struct i2c_driver pxs_both_driver = {
	.driver = { .name = "pxs-both" },
	.probe = warn_pxs_probe_both,
	.remove = pxs_remove_autosuspend,
};

static struct i2c_driver pxs_early_driver = {
	.driver = { .name = "pxs-early" },
	.probe = good_pxs_probe_early_errors,
	.remove = pxs_remove,
};

static struct i2c_driver pxs_devm_driver = {
	.driver = { .name = "pxs-devm" },
	.probe = good_pxs_probe_devm,
};

static struct i2c_driver pxs_helper_driver = {
	.driver = { .name = "pxs-helper" },
	.probe = good_pxs_probe_helper,
	.remove = pxs_remove_autosuspend,
};

static struct i2c_driver pxs_action_driver = {
	.driver = { .name = "pxs-action" },
	.probe = good_pxs_probe_action,
};

static struct i2c_driver pxs_resume_driver = {
	.driver = { .name = "pxs-resume" },
	.probe = warn_pxs_probe_resume,
	.remove = pxs_remove,
};
/*
 * check-name: probe error paths that leave runtime PM enabled or autosuspend on
 *
 * check-output-start
lifecycle-probe-errors.c:99:3: warning: 'warn_pxs_probe_irq' returns an error with runtime PM of '&client->dev' still enabled [-Wrpm-enable-imbalance]
lifecycle-probe-errors.c:92:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-probe-errors.c:97:6: note: taking the true branch of 'ret'
lifecycle-probe-errors.c:172:2: warning: 'warn_pxs_probe_ladder' returns an error with runtime PM of '&client->dev' still enabled [-Wrpm-enable-imbalance]
lifecycle-probe-errors.c:154:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-probe-errors.c:157:6: note: taking the true branch of 'ret'
lifecycle-probe-errors.c:158:3: note: jumping to 'err_out'
lifecycle-probe-errors.c:237:3: warning: 'warn_pxs_probe_autosuspend' returns an error with autosuspend of '&client->dev' still in use [-Wrpm-enable-imbalance]
lifecycle-probe-errors.c:229:2: note: 'pm_runtime_use_autosuspend' turns autosuspend on here
lifecycle-probe-errors.c:234:6: note: taking the true branch of 'ret'
lifecycle-probe-errors.c:264:3: warning: 'warn_pxs_probe_both' returns an error with runtime PM of '&client->dev' still enabled [-Wrpm-enable-imbalance]
lifecycle-probe-errors.c:260:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-probe-errors.c:263:6: note: taking the true branch of 'ret'
lifecycle-probe-errors.c:404:3: warning: 'warn_pxs_probe_resume' returns an error with runtime PM of '&client->dev' still enabled [-Wrpm-enable-imbalance]
lifecycle-probe-errors.c:401:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-probe-errors.c:403:6: note: taking the true branch of 'ret < 0'
 * check-output-end
 */
