// SPDX-License-Identifier: GPL-2.0
/*
 * A reference taken for an event and handed to the work that handles
 * it: the worker function of the file puts on every path, so the
 * function queueing (or deferring) the event returns with the count
 * raised on purpose.  Handing over a worker that does not put proves
 * nothing.  Slice of a SAS host's event notification.
 */
#include <linux/device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct host {
	struct device *dev;
	struct workqueue_struct *wq;
	bool resuming;
};

struct host_event {
	struct work_struct work;
	struct host *host;
	int event;
};

void host_handle_event(struct host_event *ev);
bool host_defer_event(struct host *host, struct host_event *ev);

static void host_event_worker(struct work_struct *work)
{
	struct host_event *ev = container_of(work, struct host_event, work);
	struct host *host = ev->host;

	host_handle_event(ev);
	pm_runtime_put(host->dev);
	kfree(ev);
}

static void host_log_worker(struct work_struct *work)
{
	struct host_event *ev = container_of(work, struct host_event, work);

	host_handle_event(ev);
	kfree(ev);
}

static void init_host_event(struct host_event *ev, work_func_t fn,
			    struct host *host, int event)
{
	INIT_WORK(&ev->work, fn);
	ev->host = host;
	ev->event = event;
}

static void good_notify_event(struct host *host, int event)
{
	struct host_event *ev = kzalloc(sizeof(*ev), GFP_ATOMIC);

	if (!ev)
		return;
	pm_runtime_get_noresume(host->dev);
	init_host_event(ev, host_event_worker, host, event);
	if (host_defer_event(host, ev))
		return;
	if (!queue_work(host->wq, &ev->work)) {
		pm_runtime_put(host->dev);
		kfree(ev);
	}
}

static void warn_notify_log(struct host *host, int event)
{
	struct host_event *ev = kzalloc(sizeof(*ev), GFP_ATOMIC);

	if (!ev)
		return;
	pm_runtime_get_noresume(host->dev);
	init_host_event(ev, host_log_worker, host, event);
	if (host_defer_event(host, ev))
		return;
	if (!queue_work(host->wq, &ev->work))
		kfree(ev);
	pm_runtime_put(host->dev);
}
/*
 * check-name: a reference handed to a worker that puts
 * check-output-ignore-notes
 *
 * check-output-start
leak-handed-to-worker.c:80:3: warning: 'warn_notify_log' returns with the runtime PM usage count of 'host->dev' raised on this path but not on others [-Wrpm-leak]
 * check-output-end
 */
