// SPDX-License-Identifier: GPL-2.0
/*
 * An error path that ends the device itself (put_device() on a device
 * the function initialised, device_unregister()) takes the device's
 * usage count with it: the reference held on that path is not a leak.
 * Releasing another device does not help, nor does a path that returns
 * without releasing, nor a put_device() that only drops the reference
 * a lookup took.  The count is not gone, though: the put that unwinds
 * after device_del() is no underflow.  Slice of a codec bus's device
 * creation.
 */
#include <linux/device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

struct codec {
	struct device dev;
	struct device *bus_dev;
	const char *name;
};

int codec_bus_add(struct codec *codec);
const char *codec_read_name(struct codec *codec);

static int good_codec_init(struct codec *codec)
{
	int err;

	device_initialize(&codec->dev);
	pm_runtime_set_active(&codec->dev);
	pm_runtime_get_noresume(&codec->dev);

	err = codec_bus_add(codec);
	if (err < 0)
		goto error;

	codec->name = codec_read_name(codec);
	if (!codec->name) {
		err = -ENOMEM;
		goto error;
	}
	return 0;

 error:
	put_device(&codec->dev);
	return err;
}

static int good_codec_register(struct codec *codec)
{
	int err;

	pm_runtime_get_noresume(&codec->dev);
	err = codec_bus_add(codec);
	if (err < 0) {
		device_unregister(&codec->dev);
		return err;
	}
	pm_runtime_put(&codec->dev);
	return 0;
}

static int warn_codec_init_other_dev(struct codec *codec)
{
	int err;

	pm_runtime_get_noresume(codec->bus_dev);

	err = codec_bus_add(codec);
	if (err < 0)
		goto error;
	pm_runtime_put(codec->bus_dev);
	return 0;

 error:
	put_device(&codec->dev);
	return err;
}

static int warn_codec_init_no_release(struct codec *codec)
{
	int err;

	device_initialize(&codec->dev);
	pm_runtime_get_noresume(&codec->dev);

	err = codec_bus_add(codec);
	if (err < 0)
		return err;

	codec->name = codec_read_name(codec);
	if (!codec->name) {
		put_device(&codec->dev);
		return -ENOMEM;
	}
	return 0;
}
int codec_add_children(struct codec *codec);

static int good_codec_add_then_unwind(struct codec *codec)
{
	int err;

	pm_runtime_get_noresume(&codec->dev);
	pm_runtime_set_active(&codec->dev);
	pm_runtime_enable(&codec->dev);
	err = device_add(&codec->dev);
	if (err)
		goto out_disable;
	err = codec_add_children(codec);
	if (err)
		goto out_del;
	pm_runtime_put(&codec->dev);
	return 0;

out_del:
	device_del(&codec->dev);
out_disable:
	pm_runtime_disable(&codec->dev);
	pm_runtime_put_noidle(&codec->dev);
	return err;
}

struct device *codec_find_bus_device(struct codec *codec);

static int warn_codec_power_found_device(struct codec *codec)
{
	struct device *dev = codec_find_bus_device(codec);
	int err;

	pm_runtime_get_noresume(dev);
	err = codec_bus_add(codec);
	if (err < 0) {
		put_device(dev);
		return err;
	}
	pm_runtime_put(dev);
	put_device(dev);
	return 0;
}
/*
 * check-name: releasing the device drops the references to its count
 *
 * check-output-start
leak-device-released.c:77:2: warning: 'warn_codec_init_other_dev' returns an error with the runtime PM usage count of 'codec->bus_dev' still raised [-Wrpm-leak]
leak-device-released.c:67:2: note: 'pm_runtime_get_noresume' raises the usage count here
leak-device-released.c:70:6: note: taking the true branch of 'err < 0'
leak-device-released.c:71:3: note: jumping to 'error'
leak-device-released.c:89:3: warning: 'warn_codec_init_no_release' returns an error with the runtime PM usage count of '&codec->dev' still raised [-Wrpm-leak]
leak-device-released.c:85:2: note: 'pm_runtime_get_noresume' raises the usage count here
leak-device-released.c:88:6: note: taking the true branch of 'err < 0'
leak-device-released.c:135:3: warning: 'warn_codec_power_found_device' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]
leak-device-released.c:131:2: note: 'pm_runtime_get_noresume' raises the usage count here
leak-device-released.c:133:6: note: taking the true branch of 'err < 0'
 * check-output-end
 */
