// SPDX-License-Identifier: GPL-2.0
/*
 * A function that returns a new object after taking a reference and
 * setting a flag of that object ("hpriv->got_runtime_pm = true; return
 * hpriv;") records the reference in the object: the object's release
 * tests the flag and puts.  Its callers' error returns after it are not
 * leaks.  A constructor that records nothing still hands its caller a
 * reference to drop.  Slice of a SATA host platform library and two of
 * its glue drivers.
 */
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

struct sata_host_priv {
	struct device *dev;
	bool got_runtime_pm;
	int nports;
};

int sata_host_enable(struct sata_host_priv *hpriv);

static struct sata_host_priv *sata_get_resources(struct platform_device *pdev)
{
	struct sata_host_priv *hpriv;

	hpriv = kzalloc(sizeof(*hpriv), GFP_KERNEL);
	if (!hpriv)
		return ERR_PTR(-ENOMEM);
	hpriv->dev = &pdev->dev;
	pm_runtime_enable(&pdev->dev);
	pm_runtime_get_sync(&pdev->dev);
	hpriv->got_runtime_pm = true;
	return hpriv;
}

static struct sata_host_priv *sata_get_resources_unrecorded(struct platform_device *pdev)
{
	struct sata_host_priv *hpriv;

	hpriv = kzalloc(sizeof(*hpriv), GFP_KERNEL);
	if (!hpriv)
		return ERR_PTR(-ENOMEM);
	hpriv->dev = &pdev->dev;
	pm_runtime_get_sync(&pdev->dev);
	return hpriv;
}

static int good_glue_probe(struct platform_device *pdev)
{
	struct sata_host_priv *hpriv;
	int rc;

	hpriv = sata_get_resources(pdev);
	if (IS_ERR(hpriv))
		return PTR_ERR(hpriv);
	rc = sata_host_enable(hpriv);
	if (rc)
		return rc;
	return 0;
}

static int warn_glue_probe_unrecorded(struct platform_device *pdev)
{
	struct sata_host_priv *hpriv;
	int rc;

	hpriv = sata_get_resources_unrecorded(pdev);
	if (IS_ERR(hpriv))
		return PTR_ERR(hpriv);
	rc = sata_host_enable(hpriv);
	if (rc)
		return rc;
	pm_runtime_put(&pdev->dev);
	return 0;
}

/*
 * check-name: a constructor that records its reference in the object it returns
 * check-output-ignore-notes
 *
 * check-output-start
leak-constructor-records-owner.c:74:3: warning: 'warn_glue_probe_unrecorded' returns an error with the runtime PM usage count of '&pdev->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
