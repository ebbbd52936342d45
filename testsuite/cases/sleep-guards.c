// SPDX-License-Identifier: GPL-2.0
/*
 * Scope-based locking: guard(spinlock_irqsave)(&l), scoped_guard(spinlock,
 * &l), guard(irqsave)(), guard(rcu)(), guard(preempt)() and the rwlock
 * and raw spinlock guards keep the context atomic until the end of their
 * scope, so a call that may sleep inside the scope is a bug and one
 * after it is not.  guard(mutex) takes a sleeping lock.  Slice of a
 * GPIO expander driver with an IRQ chip.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/cleanup.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/io.h>

#define EXP_DIR			0x00
#define EXP_OUT			0x04
#define EXP_IRQ_MASK		0x08
#define EXP_RESET		0x0c
#define EXP_NR_GPIOS		16

struct exp_state {
	u32 dir;
	u32 out;
};

struct exp_chip {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;
	raw_spinlock_t irq_lock;
	rwlock_t state_lock;
	struct mutex bus_lock;
	struct exp_state __rcu *state;
	u32 irq_mask;
	u32 out;
};

static void warn_guard_spinlock_irqsave(struct exp_chip *chip, u32 out)
{
	guard(spinlock_irqsave)(&chip->lock);

	chip->out = out;
	writel(out, chip->base + EXP_OUT);
	msleep(1);
}

static void warn_scoped_guard_spinlock(struct exp_chip *chip, u32 dir)
{
	scoped_guard(spinlock, &chip->lock) {
		writel(dir, chip->base + EXP_DIR);
		usleep_range(10, 20);
	}
}

static void warn_guard_irqsave(struct exp_chip *chip)
{
	guard(irqsave)();

	writel(1, chip->base + EXP_RESET);
	msleep(5);
	writel(0, chip->base + EXP_RESET);
}

static u32 warn_guard_rcu(struct exp_chip *chip)
{
	struct exp_state *state;

	guard(rcu)();
	state = chip->state;
	might_sleep();

	return state->out;
}

static void warn_guard_preempt(struct exp_chip *chip)
{
	guard(preempt)();

	writel(chip->out, chip->base + EXP_OUT);
	mutex_lock(&chip->bus_lock);
	mutex_unlock(&chip->bus_lock);
}

static void warn_guard_raw_spinlock(struct exp_chip *chip, unsigned int hwirq)
{
	guard(raw_spinlock_irqsave)(&chip->irq_lock);

	chip->irq_mask |= BIT(hwirq);
	writel(chip->irq_mask, chip->base + EXP_IRQ_MASK);
	msleep(1);
}

static struct exp_state *warn_guard_write_lock(struct exp_chip *chip)
{
	guard(write_lock_irqsave)(&chip->state_lock);

	return kzalloc(sizeof(struct exp_state), GFP_KERNEL);
}

/* The guard's scope ends at the closing brace of the block. */
static void good_guard_scope_ended(struct exp_chip *chip, u32 out)
{
	{
		guard(spinlock_irqsave)(&chip->lock);
		chip->out = out;
		writel(out, chip->base + EXP_OUT);
	}
	msleep(1);
}

static void good_scoped_guard_ended(struct exp_chip *chip)
{
	unsigned int i;

	for (i = 0; i < EXP_NR_GPIOS; i++) {
		scoped_guard(spinlock_irqsave, &chip->lock) {
			if (!(chip->out & BIT(i)))
				continue;
			writel(chip->out & ~BIT(i), chip->base + EXP_OUT);
		}
		usleep_range(10, 20);
	}
}

/* A return inside the guarded block releases the lock too. */
static int good_guard_early_return(struct exp_chip *chip, u32 dir)
{
	{
		guard(spinlock)(&chip->lock);
		if (readl(chip->base + EXP_DIR) == dir)
			return 0;
		writel(dir, chip->base + EXP_DIR);
	}
	msleep(1);

	return 1;
}

static void good_guard_sections_ended(struct exp_chip *chip)
{
	scoped_guard(irqsave) {
		writel(1, chip->base + EXP_RESET);
	}
	scoped_guard(rcu) {
		chip->out = chip->state->out;
	}
	scoped_guard(preempt) {
		writel(0, chip->base + EXP_RESET);
	}
	scoped_guard(read_lock, &chip->state_lock) {
		writel(chip->out, chip->base + EXP_OUT);
	}
	msleep(2);
}

static void good_guard_mutex(struct exp_chip *chip)
{
	guard(mutex)(&chip->bus_lock);

	writel(1, chip->base + EXP_RESET);
	msleep(5);
	writel(0, chip->base + EXP_RESET);
}
/*
 * check-name: cleanup guards keep the context atomic until the end of their scope
 *
 * check-output-start
sleep-guards.c:48:2: warning: 'msleep' may sleep but 'warn_guard_spinlock_irqsave' holds spinlock '&chip->lock' (taken at line 44) [-Wsleep-in-atomic]
sleep-guards.c:44:2: note: 'spin_lock_irqsave' takes '&chip->lock' here
sleep-guards.c:55:3: warning: 'usleep_range' may sleep but 'warn_scoped_guard_spinlock' holds spinlock '&chip->lock' (taken at line 53) [-Wsleep-in-atomic]
sleep-guards.c:53:2: note: 'spin_lock' takes '&chip->lock' here
sleep-guards.c:64:2: warning: 'msleep' may sleep but 'warn_guard_irqsave' runs with interrupts disabled by local_irq_save (line 61) [-Wsleep-in-atomic]
sleep-guards.c:61:2: note: 'local_irq_save' is called here
sleep-guards.c:74:2: warning: 'might_sleep' may sleep but 'warn_guard_rcu' runs inside rcu_read_lock (line 72) [-Wsleep-in-atomic]
sleep-guards.c:72:2: note: 'rcu_read_lock' is called here
sleep-guards.c:84:2: warning: 'mutex_lock' may sleep but 'warn_guard_preempt' runs with preemption disabled by preempt_disable (line 81) [-Wsleep-in-atomic]
sleep-guards.c:81:2: note: 'preempt_disable' is called here
sleep-guards.c:94:2: warning: 'msleep' may sleep but 'warn_guard_raw_spinlock' holds spinlock '&chip->irq_lock' (taken at line 90) [-Wsleep-in-atomic]
sleep-guards.c:90:2: note: 'raw_spin_lock_irqsave' takes '&chip->irq_lock' here
sleep-guards.c:101:9: warning: 'kzalloc' may sleep but 'warn_guard_write_lock' holds rwlock '&chip->state_lock' (taken at line 99) [-Wsleep-in-atomic]
sleep-guards.c:99:2: note: 'write_lock_irqsave' takes '&chip->state_lock' here
 * check-output-end
 */
