/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	atomic_long_t		data;
	struct list_head	entry;
	work_func_t		func;
};

struct delayed_work {
	struct work_struct	work;
	struct timer_list	timer;
};

struct workqueue_struct;

extern struct workqueue_struct *system_wq;

extern void __init_work(struct work_struct *work, work_func_t func);
extern void __init_delayed_work(struct delayed_work *dwork, work_func_t func);

#define INIT_WORK(_work, _func)		__init_work((_work), (_func))
#define INIT_DELAYED_WORK(_work, _func)	__init_delayed_work((_work), (_func))

extern bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
extern bool queue_delayed_work(struct workqueue_struct *wq,
			       struct delayed_work *dwork, unsigned long delay);
extern bool cancel_work_sync(struct work_struct *work);
extern bool cancel_delayed_work_sync(struct delayed_work *dwork);
extern void flush_work(struct work_struct *work);

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return (struct delayed_work *)work;
}

#endif /* _LINUX_WORKQUEUE_H */
