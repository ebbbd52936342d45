// SPDX-License-Identifier: GPL-2.0
/*
 * safe_halt() is "sti; hlt": it enables interrupts.  A helper that halts
 * and then disables interrupts again leaves them as it found them, so it
 * is no lock helper, and the caller's local_irq_restore() closes the
 * section its local_irq_save() opened.  Slice of an x86 cpufreq driver
 * that switches the multiplier on the next halt.
 */
#include <linux/irqflags.h>
#include <linux/delay.h>
#include <linux/io.h>

static unsigned int cpu_mult_target;

static void mult_switch_on_halt(unsigned int index)
{
	cpu_mult_target = index;
	safe_halt();
	local_irq_disable();
}

static int good_cpufreq_set_mult(unsigned int index)
{
	unsigned long flags;

	local_irq_save(flags);
	mult_switch_on_halt(index);
	local_irq_restore(flags);
	msleep(200);
	return 0;
}

static int warn_cpufreq_set_mult_sleeping(unsigned int index)
{
	unsigned long flags;

	local_irq_save(flags);
	mult_switch_on_halt(index);
	msleep(200);
	local_irq_restore(flags);
	return 0;
}
/*
 * check-name: safe_halt() enables interrupts
 *
 * check-output-start
sleep-safe-halt.c:39:2: warning: 'msleep' may sleep but 'warn_cpufreq_set_mult_sleeping' runs with interrupts disabled by local_irq_save (line 37) [-Wsleep-in-atomic]
sleep-safe-halt.c:37:2: note: 'local_irq_save' is called here
 * check-output-end
 */
