// SPDX-License-Identifier: GPL-2.0
/*
 * Functions that run atomic from their first line: the handler given to
 * devm_request_irq(), request_irq(), request_any_context_irq() and the
 * primary handler of (devm_)request_threaded_irq() (never its thread
 * function), timer_setup() callbacks, hrtimer callbacks stored in
 * ->function, tasklets (tasklet_setup() and the older tasklet_init()),
 * and functions annotated __must_hold() of a spinlock, until they drop
 * it.  Work items, thread functions and __must_hold() of a mutex may
 * sleep.  A handler that asks in_interrupt() chooses for itself.  Slice
 * of an I2C accelerometer driver.
 */
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/pm_runtime.h>

#define ACC_REG_STATUS		0x00
#define ACC_REG_DATA		0x01
#define ACC_REG_CTRL		0x10
#define ACC_CTRL_RESET		BIT(7)
#define ACC_POLL_MS		100

struct acc_data {
	struct i2c_client *client;
	struct device *dev;
	spinlock_t lock;
	raw_spinlock_t fifo_lock;
	struct mutex mutex;
	struct timer_list poll_timer;
	struct hrtimer sample_timer;
	struct tasklet_struct push_tasklet;
	struct tasklet_struct legacy_tasklet;
	struct work_struct calib_work;
	int irq_motion, irq_fifo, irq_tap, irq_wake, irq_drdy, irq_err;
	s16 sample;
	unsigned int pending;
};

/* Instances, for the sysfs list; initialised at module load. */
static spinlock_t acc_list_lock;
static unsigned int acc_count;

static irqreturn_t warn_motion_irq(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;

	mutex_lock(&acc->mutex);
	acc->pending++;
	mutex_unlock(&acc->mutex);

	return IRQ_HANDLED;
}

static irqreturn_t warn_fifo_irq(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;
	int ret;

	ret = pm_runtime_get_sync(acc->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(acc->dev);
		return IRQ_NONE;
	}
	acc->pending++;
	pm_runtime_put(acc->dev);

	return IRQ_HANDLED;
}

/* Primary handler of a threaded IRQ: still hard IRQ context. */
static irqreturn_t warn_tap_primary(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;

	if (i2c_smbus_read_byte_data(acc->client, ACC_REG_STATUS) <= 0)
		return IRQ_NONE;

	return IRQ_WAKE_THREAD;
}

/* The thread function runs in a kernel thread: it may sleep. */
static irqreturn_t good_tap_thread(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;
	int ret;

	ret = pm_runtime_resume_and_get(acc->dev);
	if (ret)
		return IRQ_NONE;

	mutex_lock(&acc->mutex);
	acc->sample = i2c_smbus_read_word_data(acc->client, ACC_REG_DATA);
	mutex_unlock(&acc->mutex);
	msleep(1);
	pm_runtime_put(acc->dev);

	return IRQ_HANDLED;
}

/* The documented pattern for a hard IRQ handler: never resume. */
static irqreturn_t good_wake_primary(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;

	if (pm_runtime_get_if_active(acc->dev) <= 0)
		return IRQ_NONE;

	spin_lock(&acc->lock);
	acc->pending++;
	spin_unlock(&acc->lock);
	pm_runtime_put(acc->dev);

	return IRQ_WAKE_THREAD;
}

/* disable_irq() waits for the running handler: itself. */
static irqreturn_t warn_drdy_irq(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;

	disable_irq(irq);
	acc->pending++;

	return IRQ_HANDLED;
}

static irqreturn_t good_err_irq(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;

	disable_irq_nosync(irq);
	acc->pending++;
	schedule_work(&acc->calib_work);

	return IRQ_HANDLED;
}

/* Registered with request_any_context_irq(): may be a hard IRQ handler. */
static irqreturn_t warn_any_context_irq(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;

	usleep_range(50, 100);
	acc->pending = 0;

	return IRQ_HANDLED;
}

/* Shared with the resume path: waits the way its context allows. */
static void acc_settle(void)
{
	if (in_interrupt())
		mdelay(2);
	else
		msleep(2);
}

static irqreturn_t good_context_query_irq(int irq, void *dev_id)
{
	struct acc_data *acc = dev_id;

	if (in_interrupt())
		mdelay(1);
	else
		msleep(1);
	acc_settle();
	acc->pending++;

	return IRQ_HANDLED;
}

static void warn_poll_timer(struct timer_list *t)
{
	struct acc_data *acc = from_timer(acc, t, poll_timer);

	spin_lock(&acc->lock);
	acc->pending++;
	spin_unlock(&acc->lock);

	/* unlocking what the callback took leaves timer context */
	acc->sample = i2c_smbus_read_word_data(acc->client, ACC_REG_DATA);
	mod_timer(&acc->poll_timer, jiffies + msecs_to_jiffies(ACC_POLL_MS));
}

static enum hrtimer_restart warn_sample_hrtimer(struct hrtimer *timer)
{
	struct acc_data *acc = container_of(timer, struct acc_data, sample_timer);

	mutex_lock(&acc->mutex);
	acc->pending++;
	mutex_unlock(&acc->mutex);
	hrtimer_forward_now(timer, ms_to_ktime(10));

	return HRTIMER_RESTART;
}

static void warn_push_tasklet(struct tasklet_struct *t)
{
	struct acc_data *acc = from_tasklet(acc, t, push_tasklet);

	if (pm_runtime_resume_and_get(acc->dev))
		return;
	acc->pending = 0;
	pm_runtime_put(acc->dev);
}

static void warn_legacy_tasklet(unsigned long data)
{
	struct acc_data *acc = (struct acc_data *)data;

	i2c_smbus_write_byte_data(acc->client, ACC_REG_CTRL, 0);
}

static void good_calib_work(struct work_struct *work)
{
	struct acc_data *acc = container_of(work, struct acc_data, calib_work);

	if (pm_runtime_resume_and_get(acc->dev))
		return;
	i2c_smbus_write_byte_data(acc->client, ACC_REG_CTRL, ACC_CTRL_RESET);
	msleep(10);
	pm_runtime_put(acc->dev);
}

static void warn_must_hold_spinlock(struct acc_data *acc)
	__must_hold(&acc->lock)
{
	acc->pending = 0;
	msleep(1);
}

static void warn_must_hold_raw_spinlock(struct acc_data *acc)
	__must_hold(&acc->fifo_lock)
{
	usleep_range(10, 20);
}

/* Drops the caller's lock around the sleep and takes it back. */
static void good_must_hold_drops_lock(struct acc_data *acc)
	__must_hold(&acc->lock)
{
	acc->pending = 0;
	spin_unlock_irq(&acc->lock);
	msleep(1);
	spin_lock_irq(&acc->lock);
}

static void warn_must_hold_static_lock(void) __must_hold(&acc_list_lock)
{
	acc_count--;
	msleep(1);
}

static int good_must_hold_mutex(struct acc_data *acc) __must_hold(&acc->mutex)
{
	msleep(1);
	return i2c_smbus_write_byte_data(acc->client, ACC_REG_CTRL, 0);
}

static int acc_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct acc_data *acc;
	int ret;

	acc = devm_kzalloc(dev, sizeof(*acc), GFP_KERNEL);
	if (!acc)
		return -ENOMEM;

	acc->client = client;
	acc->dev = dev;
	spin_lock_init(&acc->lock);
	raw_spin_lock_init(&acc->fifo_lock);
	mutex_init(&acc->mutex);
	INIT_WORK(&acc->calib_work, good_calib_work);
	timer_setup(&acc->poll_timer, warn_poll_timer, 0);
	hrtimer_init(&acc->sample_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	acc->sample_timer.function = warn_sample_hrtimer;
	tasklet_setup(&acc->push_tasklet, warn_push_tasklet);
	tasklet_init(&acc->legacy_tasklet, warn_legacy_tasklet,
		     (unsigned long)acc);

	ret = devm_request_irq(dev, acc->irq_motion, warn_motion_irq, 0,
			       "acc-motion", acc);
	if (ret)
		return ret;
	ret = request_irq(acc->irq_fifo, warn_fifo_irq, IRQF_SHARED,
			  "acc-fifo", acc);
	if (ret)
		return ret;
	ret = request_threaded_irq(acc->irq_tap, warn_tap_primary,
				   good_tap_thread, IRQF_ONESHOT, "acc-tap", acc);
	if (ret)
		goto err_free_fifo;
	ret = devm_request_threaded_irq(dev, acc->irq_wake, good_wake_primary,
					good_tap_thread, IRQF_ONESHOT,
					"acc-wake", acc);
	if (ret)
		goto err_free_tap;
	ret = devm_request_irq(dev, acc->irq_drdy, warn_drdy_irq, 0,
			       "acc-drdy", acc);
	if (ret)
		goto err_free_tap;
	ret = devm_request_irq(dev, acc->irq_err, good_err_irq, 0,
			       "acc-err", acc);
	if (ret)
		goto err_free_tap;
	ret = request_any_context_irq(client->irq, warn_any_context_irq, 0,
				      "acc-any", acc);
	if (ret < 0)
		goto err_free_tap;
	ret = devm_request_irq(dev, client->init_irq, good_context_query_irq, 0,
			       "acc-query", acc);
	if (ret)
		goto err_free_tap;

	i2c_set_clientdata(client, acc);
	return 0;

err_free_tap:
	free_irq(acc->irq_tap, acc);
err_free_fifo:
	free_irq(acc->irq_fifo, acc);
	return ret;
}
/*
 * check-name: hard IRQ handlers, timers, hrtimers, tasklets and __must_hold run atomic
 *
 * check-output-start
sleep-entry-contexts.c:54:2: warning: 'mutex_lock' may sleep but it runs in hard IRQ handler 'warn_motion_irq' (registered at line 290 by devm_request_irq) [-Wsleep-in-atomic]
sleep-entry-contexts.c:290:8: note: 'warn_motion_irq' is registered as a hard IRQ handler here
sleep-entry-contexts.c:66:8: warning: 'pm_runtime_get_sync' may sleep but it runs in hard IRQ handler 'warn_fifo_irq' (registered at line 294 by request_irq) [-Wsleep-in-atomic]
sleep-entry-contexts.c:294:8: note: 'warn_fifo_irq' is registered as a hard IRQ handler here
sleep-entry-contexts.c:82:6: warning: 'i2c_smbus_read_byte_data' may sleep but it runs in hard IRQ handler 'warn_tap_primary' (registered at line 298 by request_threaded_irq) [-Wsleep-in-atomic]
sleep-entry-contexts.c:298:8: note: 'warn_tap_primary' is registered as a hard IRQ handler here
sleep-entry-contexts.c:128:2: warning: 'disable_irq' may sleep but it runs in hard IRQ handler 'warn_drdy_irq' (registered at line 307 by devm_request_irq) [-Wsleep-in-atomic]
sleep-entry-contexts.c:307:8: note: 'warn_drdy_irq' is registered as a hard IRQ handler here
sleep-entry-contexts.c:150:2: warning: 'usleep_range' may sleep but it runs in hard IRQ handler 'warn_any_context_irq' (registered at line 315 by request_any_context_irq) [-Wsleep-in-atomic]
sleep-entry-contexts.c:315:8: note: 'warn_any_context_irq' is registered as a hard IRQ handler here
sleep-entry-contexts.c:188:16: warning: 'i2c_smbus_read_word_data' may sleep but it runs in timer callback 'warn_poll_timer' (registered at line 283 by timer_setup) [-Wsleep-in-atomic]
sleep-entry-contexts.c:283:2: note: 'warn_poll_timer' is registered as a timer callback here
sleep-entry-contexts.c:196:2: warning: 'mutex_lock' may sleep but it runs in timer callback 'warn_sample_hrtimer' (registered at line 285 by hrtimer) [-Wsleep-in-atomic]
sleep-entry-contexts.c:285:2: note: 'warn_sample_hrtimer' is registered as a timer callback here
sleep-entry-contexts.c:208:6: warning: 'pm_runtime_resume_and_get' may sleep but it runs in tasklet 'warn_push_tasklet' (registered at line 286 by tasklet_setup) [-Wsleep-in-atomic]
sleep-entry-contexts.c:286:2: note: 'warn_push_tasklet' is registered as a tasklet here
sleep-entry-contexts.c:218:2: warning: 'i2c_smbus_write_byte_data' may sleep but it runs in tasklet 'warn_legacy_tasklet' (registered at line 287 by tasklet_init) [-Wsleep-in-atomic]
sleep-entry-contexts.c:287:2: note: 'warn_legacy_tasklet' is registered as a tasklet here
sleep-entry-contexts.c:236:2: warning: 'msleep' may sleep but 'warn_must_hold_spinlock' is called holding spinlock '&acc->lock' (__must_hold at line 233) [-Wsleep-in-atomic]
sleep-entry-contexts.c:233:2: note: 'warn_must_hold_spinlock' is annotated __must_hold(&acc->lock) here
sleep-entry-contexts.c:242:2: warning: 'usleep_range' may sleep but 'warn_must_hold_raw_spinlock' is called holding spinlock '&acc->fifo_lock' (__must_hold at line 240) [-Wsleep-in-atomic]
sleep-entry-contexts.c:240:2: note: 'warn_must_hold_raw_spinlock' is annotated __must_hold(&acc->fifo_lock) here
sleep-entry-contexts.c:258:2: warning: 'msleep' may sleep but 'warn_must_hold_static_lock' is called holding spinlock '&acc_list_lock' (__must_hold at line 255) [-Wsleep-in-atomic]
sleep-entry-contexts.c:255:46: note: 'warn_must_hold_static_lock' is annotated __must_hold(&acc_list_lock) here
 * check-output-end
 */
