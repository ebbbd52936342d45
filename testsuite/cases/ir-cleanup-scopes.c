// SPDX-License-Identifier: GPL-2.0
/*
 * Lowering of __attribute__((cleanup(fn))) variables (what guard()
 * expands to): the cleanup runs at every exit of the variable's scope,
 * innermost first: falling off the block, return, break out of a loop,
 * and goto out of the scope, but not on a goto that stays inside it.
 */
#include <linux/device.h>
#include <linux/pm_runtime.h>

static void dev_put_cleanup(struct device **d)
{
	pm_runtime_put(*d);
}

int do_io(struct device *dev);

int scoped_exits(struct device *dev, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct device *held __attribute__((cleanup(dev_put_cleanup))) = dev;

		pm_runtime_get_noresume(held);
		if (do_io(dev))
			break;
		if (do_io(dev) < 0)
			goto fail;
	}
	{
		struct device *outer __attribute__((cleanup(dev_put_cleanup))) = dev;

		pm_runtime_get_noresume(outer);
		if (do_io(dev))
			return -5;
	}
	return 0;
fail:
	return -22;
}

/*
 * check-name: cleanup variables run at every exit of their scope
 * check-command: rpmcheck --dump-ir $file
 *
 * check-output-start
function dev_put_cleanup (returns void, static) at ir-cleanup-scopes.c:11
B0: (entry)
	13:2	%t2 = call pm_runtime_put(*d {*d})
	14:1	return
function scoped_exits (returns int) at ir-cleanup-scopes.c:18
B0: (entry)
	22:7	i = 0
	jump B1
B1:
	branch ? [i < n] ? B2 : B4
B2:
	23:18	held = dev
	25:3	call pm_runtime_get_noresume(dev {held})
	26:7	%t4 = call do_io(dev {dev})
	branch %t4 != 0 [do_io(dev)] ? B5 : B6
B3:
	22:21	i = ?
	jump B1
B4:
	32:18	outer = dev
	34:3	call pm_runtime_get_noresume(dev {outer})
	35:7	%t7 = call do_io(dev {dev})
	branch %t7 != 0 [do_io(dev)] ? B9 : B10
B5:
	23:18	cleanup dev_put_cleanup(dev {held})
	jump B4
B6:
	28:7	%t5 = call do_io(dev {dev})
	branch %t5 < 0 [do_io(dev) < 0] ? B7 : B8
B7:
	23:18	cleanup dev_put_cleanup(dev {held})
	goto fail -> B11
B8:
	23:18	cleanup dev_put_cleanup(dev {held})
	jump B3
B9:
	32:18	cleanup dev_put_cleanup(dev {outer})
	36:4	return -5
B10:
	32:18	cleanup dev_put_cleanup(dev {outer})
	38:2	return 0
B11:
	40:2	return -22
 * check-output-end
 */
