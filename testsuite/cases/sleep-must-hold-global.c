// SPDX-License-Identifier: GPL-2.0
/*
 * __must_hold() of a file-scope spinlock defined with DEFINE_SPINLOCK(),
 * the usual way to define one, makes the function atomic.  (A plain
 * "static spinlock_t" is recognised: sleep-entry-contexts.c.)  Slice of
 * a driver keeping a list of its instances.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct inst {
	struct inst *next;
	int id;
};

static DEFINE_SPINLOCK(inst_list_lock);
static struct inst *inst_list;

static void warn_inst_unlink(struct inst *in)
	__must_hold(&inst_list_lock)
{
	struct inst **p;

	for (p = &inst_list; *p; p = &(*p)->next) {
		if (*p == in) {
			*p = in->next;
			break;
		}
	}
	might_sleep();
}
/*
 * check-name: __must_hold() of a DEFINE_SPINLOCK() global makes the function atomic
 *
 * check-output-start
sleep-must-hold-global.c:31:2: warning: 'might_sleep' may sleep but 'warn_inst_unlink' is called holding spinlock '&inst_list_lock' (__must_hold at line 21) [-Wsleep-in-atomic]
sleep-must-hold-global.c:21:2: note: 'warn_inst_unlink' is annotated __must_hold(&inst_list_lock) here
sleep-must-hold-global.c:25:23: note: taking the false branch of '*p'
 * check-output-end
 */
