/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/container_of.h>

struct timer_list {
	struct list_head	entry;
	unsigned long		expires;
	void			(*function)(struct timer_list *);
	u32			flags;
};

struct lock_class_key;

/*
 * timer_setup() expands as in a kernel without CONFIG_LOCKDEP: to
 * init_timer_key() with no lockdep name or key.
 */
extern void init_timer_key(struct timer_list *timer,
			   void (*func)(struct timer_list *), unsigned int flags,
			   const char *name, struct lock_class_key *key);

#define __init_timer(_timer, _fn, _flags)				\
	init_timer_key((_timer), (_fn), (_flags), NULL, NULL)

#define timer_setup(timer, callback, flags)			\
	__init_timer((timer), (callback), (flags))

extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern int del_timer_sync(struct timer_list *timer);
extern int timer_delete_sync(struct timer_list *timer);
extern int del_timer(struct timer_list *timer);
extern int timer_delete(struct timer_list *timer);

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

#endif /* _LINUX_TIMER_H */
