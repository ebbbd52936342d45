// SPDX-License-Identifier: GPL-2.0
/*
 * What a framework does around a driver's callbacks, from the "ops"
 * lines of rules/driver.rules: the mailbox core calls ->shutdown after
 * a failed ->startup, so a startup that keeps its reference on failure
 * is balanced when its shutdown puts; a watchdog ->restart handler runs
 * while the system goes down, so what it keeps does not matter.  A
 * shutdown that does not put, and a struct the rules do not describe,
 * leave the error return a leak.  Slice of a messaging unit and a
 * watchdog driver.
 */
#include <linux/mailbox_controller.h>
#include <linux/pm_runtime.h>
#include <linux/watchdog.h>

struct mu_priv {
	struct device *dev;
	struct mbox_controller mbox;
	int irq;
};

int mu_request_irq(struct mu_priv *priv, struct mbox_chan *chan);
void mu_free_irq(struct mu_priv *priv, struct mbox_chan *chan);

static int good_mu_startup(struct mbox_chan *chan)
{
	struct mu_priv *priv = chan->con_priv;
	int ret;

	pm_runtime_get_sync(priv->dev);
	ret = mu_request_irq(priv, chan);
	if (ret)
		return ret;
	return 0;
}

static void mu_shutdown(struct mbox_chan *chan)
{
	struct mu_priv *priv = chan->con_priv;

	mu_free_irq(priv, chan);
	pm_runtime_put_sync(priv->dev);
}

static const struct mbox_chan_ops mu_ops = {
	.startup = good_mu_startup,
	.shutdown = mu_shutdown,
};

static int warn_mu_startup_lazy(struct mbox_chan *chan)
{
	struct mu_priv *priv = chan->con_priv;
	int ret;

	pm_runtime_get_sync(priv->dev);
	ret = mu_request_irq(priv, chan);
	if (ret)
		return ret;
	return 0;
}

static void mu_shutdown_lazy(struct mbox_chan *chan)
{
	mu_free_irq(chan->con_priv, chan);
}

static const struct mbox_chan_ops mu_lazy_ops = {
	.startup = warn_mu_startup_lazy,
	.shutdown = mu_shutdown_lazy,
};

struct wdt_priv {
	struct watchdog_device wdev;
};

int wdt_assert_reset(struct wdt_priv *priv);

static int good_wdt_restart(struct watchdog_device *wdev,
			    unsigned long action, void *data)
{
	struct wdt_priv *priv = watchdog_get_drvdata(wdev);
	int ret;

	/* keep the device on for the reboot */
	ret = pm_runtime_resume_and_get(wdev->parent);
	if (ret)
		return ret;
	ret = wdt_assert_reset(priv);
	if (ret)
		return ret;
	return 0;
}

static const struct watchdog_ops wdt_ops = {
	.restart = good_wdt_restart,
};

static int warn_wdt_start(struct watchdog_device *wdev)
{
	struct wdt_priv *priv = watchdog_get_drvdata(wdev);
	int ret;

	ret = pm_runtime_resume_and_get(wdev->parent);
	if (ret)
		return ret;
	ret = wdt_assert_reset(priv);
	if (ret)
		return ret;
	pm_runtime_put(wdev->parent);
	return 0;
}

static const struct watchdog_ops wdt_start_ops = {
	.start = warn_wdt_start,
};

int mu_register(struct mu_priv *priv)
{
	priv->mbox.ops = priv->irq ? &mu_ops : &mu_lazy_ops;
	return mbox_controller_register(&priv->mbox);
}

const struct watchdog_ops *wdt_pick_ops(int restart)
{
	return restart ? &wdt_ops : &wdt_start_ops;
}
/*
 * check-name: framework ops: undone after failure, run while going down
 * check-output-ignore-notes
 *
 * check-output-start
leak-framework-undo.c:58:3: warning: 'warn_mu_startup_lazy' returns an error with the runtime PM usage count of 'priv->dev' still raised [-Wrpm-leak]
leak-framework-undo.c:108:3: warning: 'warn_wdt_start' returns an error with the runtime PM usage count of 'wdev->parent' still raised [-Wrpm-leak]
 * check-output-end
 */
