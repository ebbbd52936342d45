/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/container_of.h>

struct timer_list {
	struct list_head	entry;
	unsigned long		expires;
	void			(*function)(struct timer_list *);
	u32			flags;
};

extern void timer_setup(struct timer_list *timer,
			void (*func)(struct timer_list *), unsigned int flags);
extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern int del_timer_sync(struct timer_list *timer);
extern int timer_delete_sync(struct timer_list *timer);

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

#endif /* _LINUX_TIMER_H */
