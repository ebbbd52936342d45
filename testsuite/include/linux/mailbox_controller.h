/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mailbox_controller.h - the mailbox controller API, with the kernel's
 * names and signatures, for rpmcheck's test cases.  Only what they use.
 */
#ifndef __MAILBOX_CONTROLLER_H
#define __MAILBOX_CONTROLLER_H

#include <linux/device.h>
#include <linux/types.h>

struct mbox_chan;

struct mbox_chan_ops {
	int (*send_data)(struct mbox_chan *chan, void *data);
	int (*flush)(struct mbox_chan *chan, unsigned long timeout);
	int (*startup)(struct mbox_chan *chan);
	void (*shutdown)(struct mbox_chan *chan);
	bool (*last_tx_done)(struct mbox_chan *chan);
	bool (*peek_data)(struct mbox_chan *chan);
};

struct mbox_controller {
	struct device *dev;
	const struct mbox_chan_ops *ops;
	struct mbox_chan *chans;
	int num_chans;
};

struct mbox_chan {
	struct mbox_controller *mbox;
	unsigned txdone_method;
	void *con_priv;
};

int mbox_controller_register(struct mbox_controller *mbox);

#endif
