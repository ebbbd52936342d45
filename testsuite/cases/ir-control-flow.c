// SPDX-License-Identifier: GPL-2.0
/*
 * Lowering of control flow to rpmcheck's IR (--dump-ir): if/else,
 * && short-circuit, switch with fallthrough and default, a
 * do { } while (0) macro body, goto to a label, and a for loop with
 * break and continue.
 */
#include <linux/device.h>
#include <linux/pm_runtime.h>

#define POKE(d) do { pm_runtime_mark_last_busy(d); } while (0)

int probe_hw(struct device *dev);

int lower_branches(struct device *dev, int mode)
{
	int ret = 0;

	if (mode > 0 && probe_hw(dev))
		ret = -5;
	else
		POKE(dev);
	switch (mode) {
	case 1:
		ret = 1;
	case 2:
		break;
	default:
		goto out;
	}
	return ret;
out:
	return -22;
}

void lower_loop(struct device *dev, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i == 2)
			continue;
		if (probe_hw(dev) < 0)
			break;
	}
}

/*
 * check-name: control flow lowered to IR (if/&&, switch fallthrough, do-while(0), goto, for/break/continue)
 * check-command: rpmcheck --dump-ir $file
 *
 * check-output-start
function lower_branches (returns int) at ir-control-flow.c:15
B0: (entry)
	17:6	ret = 0
	branch mode > 0 [mode > 0] ? B4 : B2
B1:
	20:3	ret = -5
	jump B3
B2:
	jump B6
B3:
	branch mode == 1 [case 1] ? B10 : B13
B4:
	19:18	%t3 = call probe_hw(dev {dev})
	branch %t3 != 0 [probe_hw(dev)] ? B1 : B2
B5:
	jump B8
B6:
	22:3	call pm_runtime_mark_last_busy(dev {dev})
	jump B7
B7:
	jump B5
B8:
	jump B3
B9:
	31:2	return ret
B10:
	25:3	ret = 1
	jump B11
B11:
	jump B9
B12:
	goto out -> B15
B13:
	branch mode == 2 [case 2] ? B11 : B14
B14:
	jump B12
B15:
	33:2	return -22
function lower_loop (returns void) at ir-control-flow.c:36
B0: (entry)
	40:7	i = 0
	jump B1
B1:
	branch ? [i < n] ? B2 : B4
B2:
	branch i == 2 [i == 2] ? B5 : B6
B3:
	40:21	i = ?
	jump B1
B4:
	46:1	return
B5:
	jump B3
B6:
	43:7	%t3 = call probe_hw(dev {dev})
	branch %t3 < 0 [probe_hw(dev) < 0] ? B7 : B8
B7:
	jump B4
B8:
	jump B3
 * check-output-end
 */
