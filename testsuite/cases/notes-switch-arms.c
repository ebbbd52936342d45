// SPDX-License-Identifier: GPL-2.0
/*
 * The path notes name the switch arm a path takes: "taking 'case X'" for
 * a case, "taking 'default:'" when no case matched and the switch has a
 * default arm.  Slice of a V4L2 sensor's control handler.
 */
#include <linux/i2c.h>
#include <linux/pm_runtime.h>

#define V4L2_CID_GAIN		0x00980913
#define V4L2_CID_EXPOSURE	0x00980911
#define SENSOR_REG_GAIN		0x3a
#define SENSOR_REG_EXPOSURE	0x3b

struct sensor {
	struct i2c_client *client;
};

static int warn_s_ctrl(struct sensor *s, u32 id, int val)
{
	struct device *dev = &s->client->dev;
	int ret;

	if (pm_runtime_get_if_in_use(dev) == 0)
		return 0;

	switch (id) {
	case V4L2_CID_GAIN:
		ret = i2c_smbus_write_byte_data(s->client, SENSOR_REG_GAIN, val);
		break;
	case V4L2_CID_EXPOSURE:
		ret = i2c_smbus_write_byte_data(s->client, SENSOR_REG_EXPOSURE,
						val);
		break;
	default:
		return -EINVAL;
	}

	pm_runtime_put(dev);
	return ret;
}

static int warn_set_gain_only(struct sensor *s, u32 id, int val)
{
	struct device *dev = &s->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	switch (id) {
	case V4L2_CID_GAIN:
		ret = i2c_smbus_write_byte_data(s->client, SENSOR_REG_GAIN, val);
		if (ret < 0)
			return ret;
		break;
	}

	pm_runtime_put(dev);
	return 0;
}
/*
 * check-name: path notes name the switch arm taken, the default arm too
 *
 * check-output-start
notes-switch-arms.c:36:3: warning: 'warn_s_ctrl' returns an error with the runtime PM usage count of '&s->client->dev' still raised [-Wrpm-leak]
notes-switch-arms.c:24:6: note: 'pm_runtime_get_if_in_use' raises the usage count here
notes-switch-arms.c:24:6: note: taking the false branch of 'pm_runtime_get_if_in_use(dev) == 0'
notes-switch-arms.c:27:10: note: taking 'default:'
notes-switch-arms.c:56:4: warning: 'warn_set_gain_only' returns an error with the runtime PM usage count of '&s->client->dev' still raised [-Wrpm-leak]
notes-switch-arms.c:48:8: note: 'pm_runtime_resume_and_get' raises the usage count here
notes-switch-arms.c:49:6: note: taking the false branch of 'ret < 0'
notes-switch-arms.c:52:10: note: taking 'case V4L2_CID_GAIN'
notes-switch-arms.c:55:7: note: taking the true branch of 'ret < 0'
 * check-output-end
 */
