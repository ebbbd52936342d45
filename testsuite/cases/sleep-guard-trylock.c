// SPDX-License-Identifier: GPL-2.0
/*
 * The conditional lock guards spinlock_try and spinlock_irqsave_try
 * (DEFINE_LOCK_GUARD_1_COND in 6.12's spinlock.h) hold the lock inside
 * scoped_guard() / scoped_cond_guard() when the trylock succeeded: a call
 * that may sleep there is a bug.  Slice of a rate-limited LED driver.
 */
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/cleanup.h>
#include <linux/delay.h>
#include <linux/io.h>

#define LED_PWM			0x00

struct led_priv {
	void __iomem *base;
	spinlock_t lock;
	u32 duty;
};

static int warn_scoped_guard_try(struct led_priv *led, u32 duty)
{
	scoped_guard(spinlock_try, &led->lock) {
		led->duty = duty;
		writel(duty, led->base + LED_PWM);
		msleep(1);
		return 0;
	}

	return -EBUSY;
}

static int warn_scoped_cond_guard_try(struct led_priv *led, u32 duty)
{
	scoped_cond_guard(spinlock_irqsave_try, return -EBUSY, &led->lock) {
		writel(duty, led->base + LED_PWM);
		usleep_range(100, 200);
	}

	return 0;
}
/*
 * check-name: scoped guards of spinlock_try and spinlock_irqsave_try hold the lock
 * check-output-ignore-notes
 *
 * check-output-start
sleep-guard-trylock.c:27:3: warning: 'msleep' may sleep but 'warn_scoped_guard_try' holds spinlock '&led->lock' (taken at line 24) [-Wsleep-in-atomic]
sleep-guard-trylock.c:38:3: warning: 'usleep_range' may sleep but 'warn_scoped_cond_guard_try' holds spinlock '&led->lock' (taken at line 36) [-Wsleep-in-atomic]
 * check-output-end
 */
