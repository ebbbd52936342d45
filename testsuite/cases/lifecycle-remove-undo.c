// SPDX-License-Identifier: GPL-2.0
/*
 * rpm-enable-imbalance, remove side: what probe leaves on success
 * (runtime PM enabled, autosuspend in use) the remove function must undo
 * itself, in a helper of the file or through a devm action; what
 * devm_pm_runtime_enable() enabled it must not disable a second time.
 * The remove function is the subject.  Slice of a platform PWM
 * controller driver, one struct platform_driver per SoC variant.
 */
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define PWM_CTRL		0x00
#define PWM_CTRL_EN		BIT(0)
#define PWM_PERIOD		0x04
#define PWM_AUTOSUSPEND_MS	50

struct spwm_chip {
	struct device *dev;
	void __iomem *base;
	struct clk *clk;
};

static struct spwm_chip *spwm_setup(struct platform_device *pdev)
{
	struct spwm_chip *pc;

	pc = devm_kzalloc(&pdev->dev, sizeof(*pc), GFP_KERNEL);
	if (!pc)
		return ERR_PTR(-ENOMEM);
	pc->dev = &pdev->dev;
	pc->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pc->base))
		return ERR_CAST(pc->base);
	pc->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(pc->clk))
		return ERR_CAST(pc->clk);
	platform_set_drvdata(pdev, pc);
	return pc;
}

/* enable + autosuspend, nothing else can fail afterwards */
static int spwm_probe(struct platform_device *pdev)
{
	struct spwm_chip *pc = spwm_setup(pdev);

	if (IS_ERR(pc))
		return PTR_ERR(pc);

	pm_runtime_set_autosuspend_delay(&pdev->dev, PWM_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	return 0;
}

/* enable only */
static int spwm_probe_noauto(struct platform_device *pdev)
{
	struct spwm_chip *pc = spwm_setup(pdev);

	if (IS_ERR(pc))
		return PTR_ERR(pc);

	pm_runtime_enable(&pdev->dev);
	return 0;
}

/* devm_pm_runtime_enable() + autosuspend */
static int spwm_probe_devm(struct platform_device *pdev)
{
	struct spwm_chip *pc = spwm_setup(pdev);
	int ret;

	if (IS_ERR(pc))
		return PTR_ERR(pc);

	pm_runtime_set_autosuspend_delay(&pdev->dev, PWM_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(&pdev->dev);
	ret = devm_pm_runtime_enable(&pdev->dev);
	if (ret)
		return ret;
	return 0;
}

/* The hardware is stopped, runtime PM is left enabled. */
static void warn_spwm_remove_no_disable(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
}

static void good_spwm_remove_noauto(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
	pm_runtime_disable(&pdev->dev);
}

/* Runtime PM disabled, autosuspend still in use. */
static void warn_spwm_remove_autosuspend(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
	pm_runtime_disable(&pdev->dev);
}

/* Neither undone: one warning naming both. */
static void warn_spwm_remove_both(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
}

static void good_spwm_remove(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
	pm_runtime_dont_use_autosuspend(&pdev->dev);
	pm_runtime_disable(&pdev->dev);
}

/* The remove function undoes probe through a cleanup helper. */
static void spwm_pm_cleanup(struct spwm_chip *pc)
{
	pm_runtime_dont_use_autosuspend(pc->dev);
	pm_runtime_disable(pc->dev);
	pm_runtime_set_suspended(pc->dev);
}

static void good_spwm_remove_helper(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
	spwm_pm_cleanup(pc);
}

/* A helper that only stops the hardware does not count. */
static void spwm_hw_stop(struct spwm_chip *pc)
{
	writel(0, pc->base + PWM_CTRL);
	clk_disable_unprepare(pc->clk);
}

static void warn_spwm_remove_stop_helper(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	spwm_hw_stop(pc);
	pm_runtime_dont_use_autosuspend(&pdev->dev);
}

/* A devm action that disables runtime PM undoes the enable at unbind. */
static void spwm_pm_disable(void *data)
{
	struct device *dev = data;

	pm_runtime_dont_use_autosuspend(dev);
	pm_runtime_disable(dev);
}

static int spwm_probe_action(struct platform_device *pdev)
{
	struct spwm_chip *pc = spwm_setup(pdev);

	if (IS_ERR(pc))
		return PTR_ERR(pc);

	pm_runtime_use_autosuspend(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	return devm_add_action_or_reset(&pdev->dev, spwm_pm_disable, &pdev->dev);
}

static void good_spwm_remove_action(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
}

/* A devm action that does something else does not. */
static void spwm_log_unbind(void *data)
{
	dev_info(data, "unbound\n");
}

static int spwm_probe_log_action(struct platform_device *pdev)
{
	struct spwm_chip *pc = spwm_setup(pdev);

	if (IS_ERR(pc))
		return PTR_ERR(pc);

	pm_runtime_enable(&pdev->dev);
	return devm_add_action_or_reset(&pdev->dev, spwm_log_unbind, &pdev->dev);
}

static void warn_spwm_remove_log_action(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
}

/* devm_pm_runtime_enable(): nothing to undo in remove... */
static void good_spwm_remove_devm(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
}

/* ...and disabling it there disables it twice. */
static void warn_spwm_remove_devm_disable(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
	pm_runtime_disable(&pdev->dev);
}

static void warn_spwm_remove_devm_helper(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
	spwm_pm_cleanup(pc);
}

/*
 * Stopping autosuspend while the devm action is pending is harmless
 * (the action does it again): not reported.
 */
static void good_spwm_remove_devm_noauto(struct platform_device *pdev)
{
	struct spwm_chip *pc = platform_get_drvdata(pdev);

	writel(0, pc->base + PWM_CTRL);
	pm_runtime_dont_use_autosuspend(&pdev->dev);
}

/* A driver that cannot be unbound (no remove) is not judged. */
static int good_spwm_probe_builtin(struct platform_device *pdev)
{
	struct spwm_chip *pc = spwm_setup(pdev);

	if (IS_ERR(pc))
		return PTR_ERR(pc);

	pm_runtime_enable(&pdev->dev);
	return 0;
}

static struct platform_driver spwm_a_driver = {
	.probe = spwm_probe,
	.remove = warn_spwm_remove_both,
	.driver = { .name = "spwm-a" },
};

static struct platform_driver spwm_b_driver = {
	.probe = spwm_probe_noauto,
	.remove = warn_spwm_remove_no_disable,
	.driver = { .name = "spwm-b" },
};

static struct platform_driver spwm_c_driver = {
	.probe = spwm_probe_noauto,
	.remove = good_spwm_remove_noauto,
	.driver = { .name = "spwm-c" },
};

static struct platform_driver spwm_d_driver = {
	.probe = spwm_probe,
	.remove_new = warn_spwm_remove_autosuspend,
	.driver = { .name = "spwm-d" },
};

static struct platform_driver spwm_e_driver = {
	.probe = spwm_probe,
	.remove = good_spwm_remove,
	.driver = { .name = "spwm-e" },
};

static struct platform_driver spwm_f_driver = {
	.probe = spwm_probe,
	.remove = good_spwm_remove_helper,
	.driver = { .name = "spwm-f" },
};

static struct platform_driver spwm_g_driver = {
	.probe = spwm_probe,
	.remove = warn_spwm_remove_stop_helper,
	.driver = { .name = "spwm-g" },
};

static struct platform_driver spwm_h_driver = {
	.probe = spwm_probe_action,
	.remove = good_spwm_remove_action,
	.driver = { .name = "spwm-h" },
};

static struct platform_driver spwm_i_driver = {
	.probe = spwm_probe_log_action,
	.remove = warn_spwm_remove_log_action,
	.driver = { .name = "spwm-i" },
};

static struct platform_driver spwm_j_driver = {
	.probe = spwm_probe_devm,
	.remove = good_spwm_remove_devm,
	.driver = { .name = "spwm-j" },
};

static struct platform_driver spwm_k_driver = {
	.probe = spwm_probe_devm,
	.remove = warn_spwm_remove_devm_disable,
	.driver = { .name = "spwm-k" },
};

static struct platform_driver spwm_l_driver = {
	.probe = spwm_probe_devm,
	.remove = warn_spwm_remove_devm_helper,
	.driver = { .name = "spwm-l" },
};

static struct platform_driver spwm_m_driver = {
	.probe = spwm_probe_devm,
	.remove = good_spwm_remove_devm_noauto,
	.driver = { .name = "spwm-m" },
};

static struct platform_driver spwm_n_driver = {
	.probe = good_spwm_probe_builtin,
	.driver = {
		.name = "spwm-n",
		.suppress_bind_attrs = true,
	},
};
/*
 * check-name: remove must undo what probe left enabled, once
 *
 * check-output-start
lifecycle-remove-undo.c:88:13: warning: 'warn_spwm_remove_no_disable' never calls pm_runtime_disable() for '&pdev->dev': 'spwm_probe_noauto' left it enabled [-Wrpm-enable-imbalance]
lifecycle-remove-undo.c:66:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-remove-undo.c:104:13: warning: 'warn_spwm_remove_autosuspend' never calls pm_runtime_dont_use_autosuspend() for '&pdev->dev': 'spwm_probe' left it using autosuspend [-Wrpm-enable-imbalance]
lifecycle-remove-undo.c:53:2: note: 'pm_runtime_use_autosuspend' turns autosuspend on here
lifecycle-remove-undo.c:113:13: warning: 'warn_spwm_remove_both' never calls pm_runtime_disable() nor pm_runtime_dont_use_autosuspend() for '&pdev->dev': 'spwm_probe' left it enabled with autosuspend in use [-Wrpm-enable-imbalance]
lifecycle-remove-undo.c:54:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-remove-undo.c:53:2: note: 'pm_runtime_use_autosuspend' turns autosuspend on here
lifecycle-remove-undo.c:152:13: warning: 'warn_spwm_remove_stop_helper' never calls pm_runtime_disable() for '&pdev->dev': 'spwm_probe' left it enabled [-Wrpm-enable-imbalance]
lifecycle-remove-undo.c:54:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-remove-undo.c:205:13: warning: 'warn_spwm_remove_log_action' never calls pm_runtime_disable() for '&pdev->dev': 'spwm_probe_log_action' left it enabled [-Wrpm-enable-imbalance]
lifecycle-remove-undo.c:201:2: note: 'pm_runtime_enable' enables runtime PM here
lifecycle-remove-undo.c:226:2: warning: 'warn_spwm_remove_devm_disable' disables runtime PM of '&pdev->dev' that 'spwm_probe_devm' enabled with devm_pm_runtime_enable(): it is disabled twice at unbind [-Wrpm-enable-imbalance]
lifecycle-remove-undo.c:81:8: note: 'devm_pm_runtime_enable' enables runtime PM until unbind here
lifecycle-remove-undo.c:234:2: warning: 'warn_spwm_remove_devm_helper' disables runtime PM of 'pc->dev' that 'spwm_probe_devm' enabled with devm_pm_runtime_enable(): it is disabled twice at unbind [-Wrpm-enable-imbalance]
lifecycle-remove-undo.c:81:8: note: 'devm_pm_runtime_enable' enables runtime PM until unbind here
 * check-output-end
 */
