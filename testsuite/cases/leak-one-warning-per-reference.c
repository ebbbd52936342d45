// SPDX-License-Identifier: GPL-2.0
/*
 * One warning per reference kept, not one per return: when several
 * error returns keep the count taken by the same call, one of them
 * carries the warning and its path, the others are notes.  The example
 * is the first return that passes on a call's error (in warn_set_mode,
 * a failed register write, not the "return -EINVAL" before it, which
 * tests only an argument); when no return does, the first in the
 * source (warn_set_gain).  Two calls on two devices are two root
 * causes and two warnings; a return that keeps both is reported once,
 * under the last one taken (warn_boot_dsp's return at line 95 is not a
 * note of the first).  Slice of an I2C audio amplifier driver with a
 * separate DSP device.
 */
#include <linux/i2c.h>
#include <linux/pm_runtime.h>

#define AMP_REG_MODE		0x02
#define AMP_REG_VOLUME		0x03
#define AMP_REG_DSP_BOOT	0x10
#define AMP_MODE_MAX		3

struct amp_priv {
	struct i2c_client *client;
	struct device *dsp;
	int mode;
};

static int warn_set_mode(struct amp_priv *amp, int mode)
{
	struct device *dev = &amp->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	if (mode > AMP_MODE_MAX)
		return -EINVAL;

	ret = i2c_smbus_write_byte_data(amp->client, AMP_REG_MODE, mode);
	if (ret < 0)
		return ret;

	ret = i2c_smbus_write_byte_data(amp->client, AMP_REG_VOLUME, 0);
	if (ret < 0)
		return ret;

	amp->mode = mode;
	pm_runtime_put_autosuspend(dev);
	return 0;
}

static int good_set_mode(struct amp_priv *amp, int mode)
{
	struct device *dev = &amp->client->dev;
	int ret;

	if (mode > AMP_MODE_MAX)
		return -EINVAL;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	ret = i2c_smbus_write_byte_data(amp->client, AMP_REG_MODE, mode);
	if (ret < 0)
		goto out_put;

	ret = i2c_smbus_write_byte_data(amp->client, AMP_REG_VOLUME, 0);
	if (ret < 0)
		goto out_put;

	amp->mode = mode;
out_put:
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static int warn_boot_dsp(struct amp_priv *amp)
{
	struct device *dev = &amp->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	ret = pm_runtime_resume_and_get(amp->dsp);
	if (ret < 0)
		return ret;

	ret = i2c_smbus_write_byte_data(amp->client, AMP_REG_DSP_BOOT, 1);
	if (ret < 0)
		return ret;

	pm_runtime_put(amp->dsp);
	pm_runtime_put(dev);
	return 0;
}

/* every failure jumps to one return: one return, one warning already */
static int warn_probe_like(struct amp_priv *amp)
{
	struct device *dev = &amp->client->dev;
	int ret;

	pm_runtime_get_noresume(dev);

	ret = i2c_smbus_write_byte_data(amp->client, AMP_REG_MODE, 0);
	if (ret < 0)
		goto err;

	ret = i2c_smbus_write_byte_data(amp->client, AMP_REG_VOLUME, 0);
	if (ret < 0)
		goto err;

	pm_runtime_put(dev);
	return 0;
err:
	return ret;
}

static int warn_set_gain(struct amp_priv *amp, int gain)
{
	struct device *dev = &amp->client->dev;

	pm_runtime_get_sync(dev);
	if (gain < 0)
		return -EINVAL;
	if (amp->mode == 0)
		return -EBUSY;
	amp->mode = gain;
	pm_runtime_put(dev);
	return 0;
}
/*
 * check-name: one rpm-leak warning per reference kept, other returns as notes
 *
 * check-output-start
leak-one-warning-per-reference.c:43:3: warning: 'warn_set_mode' returns an error with the runtime PM usage count of '&amp->client->dev' still raised [-Wrpm-leak]
leak-one-warning-per-reference.c:34:8: note: 'pm_runtime_resume_and_get' raises the usage count here
leak-one-warning-per-reference.c:35:6: note: taking the false branch of 'ret < 0'
leak-one-warning-per-reference.c:38:6: note: taking the false branch of 'mode > AMP_MODE_MAX'
leak-one-warning-per-reference.c:42:6: note: taking the true branch of 'ret < 0'
leak-one-warning-per-reference.c:39:3: note: 'warn_set_mode' also returns here with it still raised
leak-one-warning-per-reference.c:47:3: note: 'warn_set_mode' also returns here with it still raised
leak-one-warning-per-reference.c:91:3: warning: 'warn_boot_dsp' returns an error with the runtime PM usage count of '&amp->client->dev' still raised [-Wrpm-leak]
leak-one-warning-per-reference.c:85:8: note: 'pm_runtime_resume_and_get' raises the usage count here
leak-one-warning-per-reference.c:86:6: note: taking the false branch of 'ret < 0'
leak-one-warning-per-reference.c:90:6: note: taking the true branch of 'ret < 0'
leak-one-warning-per-reference.c:95:3: warning: 'warn_boot_dsp' returns an error with the runtime PM usage count of 'amp->dsp' still raised [-Wrpm-leak]
leak-one-warning-per-reference.c:89:8: note: 'pm_runtime_resume_and_get' raises the usage count here
leak-one-warning-per-reference.c:90:6: note: taking the false branch of 'ret < 0'
leak-one-warning-per-reference.c:94:6: note: taking the true branch of 'ret < 0'
leak-one-warning-per-reference.c:121:2: warning: 'warn_probe_like' returns an error with the runtime PM usage count of '&amp->client->dev' still raised [-Wrpm-leak]
leak-one-warning-per-reference.c:108:2: note: 'pm_runtime_get_noresume' raises the usage count here
leak-one-warning-per-reference.c:111:6: note: taking the true branch of 'ret < 0'
leak-one-warning-per-reference.c:112:3: note: jumping to 'err'
leak-one-warning-per-reference.c:130:3: warning: 'warn_set_gain' returns an error with the runtime PM usage count of '&amp->client->dev' still raised [-Wrpm-leak]
leak-one-warning-per-reference.c:128:2: note: 'pm_runtime_get_sync' raises the usage count here, even when it fails
leak-one-warning-per-reference.c:129:6: note: taking the true branch of 'gain < 0'
leak-one-warning-per-reference.c:132:3: note: 'warn_set_gain' also returns here with it still raised
 * check-output-end
 */
