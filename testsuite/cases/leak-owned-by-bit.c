// SPDX-License-Identifier: GPL-2.0
/*
 * A reference taken only when test_and_set_bit() newly set a bit of
 * the object belongs to that bit: the function that clears the bit
 * puts it, so an error return after the get keeps it on purpose.  A
 * get that no bit records, or one made when the bit was already set,
 * is still judged.  Slice of a hub driver's port resume.
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/pm_runtime.h>

struct port {
	struct device dev;
};

struct hub {
	unsigned long child_usage_bits;
	struct port *ports[4];
};

int hub_port_finish_resume(struct hub *hub, int port1);

static int good_port_resume(struct hub *hub, int port1)
{
	struct port *port_dev = hub->ports[port1 - 1];
	int status;

	if (!test_and_set_bit(port1, &hub->child_usage_bits)) {
		status = pm_runtime_resume_and_get(&port_dev->dev);
		if (status < 0)
			return status;
	}

	status = hub_port_finish_resume(hub, port1);
	if (status < 0)
		return status;
	return 0;
}

static void good_port_suspend(struct hub *hub, int port1)
{
	struct port *port_dev = hub->ports[port1 - 1];

	if (test_and_clear_bit(port1, &hub->child_usage_bits))
		pm_runtime_put_sync(&port_dev->dev);
}

static int warn_port_resume_unrecorded(struct hub *hub, int port1)
{
	struct port *port_dev = hub->ports[port1 - 1];
	int status;

	status = pm_runtime_resume_and_get(&port_dev->dev);
	if (status < 0)
		return status;

	status = hub_port_finish_resume(hub, port1);
	if (status < 0)
		return status;
	pm_runtime_put(&port_dev->dev);
	return 0;
}

static int warn_port_resume_bit_already_set(struct hub *hub, int port1)
{
	struct port *port_dev = hub->ports[port1 - 1];
	int status;

	if (test_and_set_bit(port1, &hub->child_usage_bits)) {
		status = pm_runtime_resume_and_get(&port_dev->dev);
		if (status < 0)
			return status;
	}

	status = hub_port_finish_resume(hub, port1);
	if (status < 0)
		return status;
	pm_runtime_put(&port_dev->dev);
	return 0;
}
/*
 * check-name: a get recorded by a newly set bit belongs to the bit
 * check-output-ignore-notes
 *
 * check-output-start
leak-owned-by-bit.c:60:3: warning: 'warn_port_resume_unrecorded' returns an error with the runtime PM usage count of '&port_dev->dev' still raised [-Wrpm-leak]
leak-owned-by-bit.c:78:3: warning: 'warn_port_resume_bit_already_set' returns an error with the runtime PM usage count of '&port_dev->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
