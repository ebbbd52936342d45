/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/types.h>

struct completion {
	unsigned int		done;
	struct list_head	wait;
};

extern void init_completion(struct completion *x);
extern void reinit_completion(struct completion *x);
extern void complete(struct completion *x);
extern void complete_all(struct completion *x);
extern void wait_for_completion(struct completion *x);
extern unsigned long wait_for_completion_timeout(struct completion *x,
						 unsigned long timeout);
extern int wait_for_completion_interruptible(struct completion *x);
extern long wait_for_completion_interruptible_timeout(struct completion *x,
						      unsigned long timeout);
extern int wait_for_completion_killable(struct completion *x);
extern bool try_wait_for_completion(struct completion *x);
extern bool completion_done(struct completion *x);

#endif /* _LINUX_COMPLETION_H */
