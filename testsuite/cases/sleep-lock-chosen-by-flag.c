// SPDX-License-Identifier: GPL-2.0
/*
 * Linked streams each locked with a mutex or a spinlock, chosen by a
 * property of the stream ("if (s->nonatomic) mutex_lock() else
 * spin_lock()"): a path that takes the spinlock for one stream and the
 * mutex for the next needs two linked streams that disagree, so the
 * mutex on the other side of the very test that chose the spinlock is
 * not reported.  A mutex taken under the spinlock without such a test,
 * or after a different test, is.  Slice of a PCM core's linked-stream
 * trigger.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct pstream {
	struct pstream *next;
	bool nonatomic;
	bool can_sleep;
	spinlock_t lock;
	struct mutex mutex;
};

int pstream_trigger(struct pstream *s);

static int good_group_lock(struct pstream *first)
{
	struct pstream *s;
	int res = 0;

	for (s = first; s; s = s->next) {
		if (s->nonatomic)
			mutex_lock(&s->mutex);
		else
			spin_lock(&s->lock);
		res = pstream_trigger(s);
		if (res < 0)
			break;
	}
	return res;
}

static int warn_group_mutex_under_lock(struct pstream *first)
{
	struct pstream *s;

	spin_lock(&first->lock);
	for (s = first->next; s; s = s->next)
		mutex_lock(&s->mutex);
	return 0;
}

static int warn_group_other_test(struct pstream *first)
{
	struct pstream *s;

	for (s = first; s; s = s->next) {
		if (s->nonatomic)
			continue;
		spin_lock(&s->lock);
		if (s->can_sleep)
			mutex_lock(&s->mutex);
	}
	return 0;
}
/*
 * check-name: a mutex on the other side of the test that chose a spinlock
 * check-output-ignore-notes
 *
 * check-output-start
sleep-lock-chosen-by-flag.c:48:3: warning: 'mutex_lock' may sleep but 'warn_group_mutex_under_lock' holds spinlock '&first->lock' (taken at line 46) [-Wsleep-in-atomic]
sleep-lock-chosen-by-flag.c:61:4: warning: 'mutex_lock' may sleep but 'warn_group_other_test' holds spinlock '&s->lock' (taken at line 59) [-Wsleep-in-atomic]
 * check-output-end
 */
