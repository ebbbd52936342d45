// SPDX-License-Identifier: GPL-2.0
/*
 * wait_for_completion_interruptible_timeout() sleeps like the other
 * wait_for_completion*() calls.  Slice of a mailbox client.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/io.h>

#define MBOX_SEND		0x00

struct mbox_client_priv {
	void __iomem *base;
	spinlock_t lock;
	struct completion reply;
};

static long warn_mbox_send_wait(struct mbox_client_priv *mc, u32 msg)
{
	long left;

	spin_lock(&mc->lock);
	writel(msg, mc->base + MBOX_SEND);
	left = wait_for_completion_interruptible_timeout(&mc->reply,
							 msecs_to_jiffies(50));
	spin_unlock(&mc->lock);

	return left;
}
/*
 * check-name: wait_for_completion_interruptible_timeout() may sleep
 *
 * check-output-start
sleep-completion-interruptible-timeout.c:26:9: warning: 'wait_for_completion_interruptible_timeout' may sleep but 'warn_mbox_send_wait' holds spinlock '&mc->lock' (taken at line 24) [-Wsleep-in-atomic]
sleep-completion-interruptible-timeout.c:24:2: note: 'spin_lock' takes '&mc->lock' here
 * check-output-end
 */
