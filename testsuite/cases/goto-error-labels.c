// SPDX-License-Identifier: GPL-2.0
/*
 * Centralized exits: a goto to a label that skips the put leaks, labels
 * that unwind in order do not, and "out: if (!ret) put" is balanced.
 * Also pm_runtime_get_noresume() in probe.  Slice of a platform audio
 * codec driver.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/regmap.h>
#include <linux/pm_runtime.h>

#define CODEC_REG_RESET		0x00
#define CODEC_REG_CLKCTRL	0x04
#define CODEC_REG_DAC_VOL	0x10
#define CODEC_REG_ADC_VOL	0x14

struct codec_priv {
	struct device *dev;
	struct regmap *regmap;
	struct clk *mclk;
	unsigned int dac_vol;
};

static int codec_hw_init(struct codec_priv *priv)
{
	int ret;

	ret = regmap_write(priv->regmap, CODEC_REG_RESET, 1);
	if (ret)
		return ret;
	return regmap_write(priv->regmap, CODEC_REG_CLKCTRL, 0x3);
}

static int warn_codec_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct codec_priv *priv;
	int ret;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = dev;
	platform_set_drvdata(pdev, priv);

	pm_runtime_get_noresume(dev);
	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	ret = codec_hw_init(priv);
	if (ret < 0) {
		dev_err(dev, "hardware init failed: %d\n", ret);
		pm_runtime_disable(dev);
		return ret;
	}

	pm_runtime_put(dev);
	return 0;
}

static int good_codec_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct codec_priv *priv;
	int ret;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = dev;
	platform_set_drvdata(pdev, priv);

	pm_runtime_get_noresume(dev);
	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	ret = codec_hw_init(priv);
	if (ret < 0)
		goto err_pm;

	pm_runtime_put(dev);
	return 0;

err_pm:
	pm_runtime_disable(dev);
	pm_runtime_set_suspended(dev);
	pm_runtime_put_noidle(dev);
	return ret;
}

static int warn_set_dac_volume(struct codec_priv *priv, unsigned int vol)
{
	int ret;

	ret = pm_runtime_resume_and_get(priv->dev);
	if (ret)
		return ret;

	ret = clk_prepare_enable(priv->mclk);
	if (ret)
		goto out;

	ret = regmap_write(priv->regmap, CODEC_REG_DAC_VOL, vol);
	clk_disable_unprepare(priv->mclk);
	pm_runtime_put(priv->dev);
out:
	return ret;
}

static int good_set_dac_volume(struct codec_priv *priv, unsigned int vol)
{
	int ret;

	ret = pm_runtime_resume_and_get(priv->dev);
	if (ret)
		return ret;

	ret = clk_prepare_enable(priv->mclk);
	if (ret)
		goto out_put;

	ret = regmap_write(priv->regmap, CODEC_REG_DAC_VOL, vol);
	clk_disable_unprepare(priv->mclk);
out_put:
	pm_runtime_put(priv->dev);
	return ret;
}

static int good_read_adc_volume(struct codec_priv *priv, unsigned int *vol)
{
	int ret;

	ret = pm_runtime_resume_and_get(priv->dev);
	if (ret < 0)
		goto out;

	*vol = 0;
	priv->dac_vol = 0;
out:
	if (!ret)
		pm_runtime_put(priv->dev);
	return ret;
}

static int warn_codec_reinit(struct platform_device *pdev)
{
	struct codec_priv *priv = platform_get_drvdata(pdev);
	int ret;

	ret = clk_prepare_enable(priv->mclk);
	if (ret)
		return ret;

	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret < 0)
		goto err_clk;

	ret = codec_hw_init(priv);
	if (ret < 0)
		goto err_clk;

	ret = regmap_write(priv->regmap, CODEC_REG_ADC_VOL, 0);
	if (ret < 0)
		goto err_put;

	pm_runtime_put(&pdev->dev);
	clk_disable_unprepare(priv->mclk);
	return 0;

err_put:
	pm_runtime_put_noidle(&pdev->dev);
err_clk:
	clk_disable_unprepare(priv->mclk);
	return ret;
}

static int good_codec_reinit(struct platform_device *pdev)
{
	struct codec_priv *priv = platform_get_drvdata(pdev);
	int ret;

	ret = clk_prepare_enable(priv->mclk);
	if (ret)
		return ret;

	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret < 0)
		goto err_clk;

	ret = codec_hw_init(priv);
	if (ret < 0)
		goto err_put;

	ret = regmap_write(priv->regmap, CODEC_REG_ADC_VOL, 0);
	if (ret < 0)
		goto err_put;

	pm_runtime_put(&pdev->dev);
	clk_disable_unprepare(priv->mclk);
	return 0;

err_put:
	pm_runtime_put_noidle(&pdev->dev);
err_clk:
	clk_disable_unprepare(priv->mclk);
	return ret;
}
/*
 * check-name: goto labels that skip the put leak, ordered unwinding does not
 * check-output-ignore-notes
 *
 * check-output-start
goto-error-labels.c:55:3: warning: 'warn_codec_probe' returns an error with the runtime PM usage count of '&pdev->dev' still raised [-Wrpm-leak]
goto-error-labels.c:108:2: warning: 'warn_set_dac_volume' returns an error with the runtime PM usage count of 'priv->dev' still raised [-Wrpm-leak]
goto-error-labels.c:175:2: warning: 'warn_codec_reinit' returns an error with the runtime PM usage count of '&pdev->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
