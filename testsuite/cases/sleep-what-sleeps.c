// SPDX-License-Identifier: GPL-2.0
/*
 * What may sleep and what does not, each under a spinlock: sleeping
 * locks, waiting for completions, user copies, the firmware loader,
 * clock preparation and rates, regulators, I2C and SPI transfers,
 * cancelling or flushing work, synchronize_rcu(), freeing, disabling or
 * synchronizing an IRQ, and the sleep functions.  Busy waits, clk_enable(),
 * complete(), queueing work, timers, disable_irq_nosync() and the async
 * runtime PM calls never sleep.  Also raw_spin_lock_irqsave() and the
 * success branch of spin_trylock_irqsave().  The notes are left out
 * here: other cases check them.  Slice of a video codec driver.
 */
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/rcupdate.h>
#include <linux/uaccess.h>
#include <linux/firmware.h>
#include <linux/clk.h>
#include <linux/regulator/consumer.h>
#include <linux/i2c.h>
#include <linux/spi/spi.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/io.h>
#include <linux/pm_runtime.h>

#define VPU_CTRL		0x00
#define VPU_CTRL_START		BIT(0)
#define VPU_STATUS		0x04
#define VPU_STATUS_BUSY		BIT(0)

struct vpu_params {
	u32 width;
	u32 height;
};

struct vpu_dev {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;
	raw_spinlock_t hw_lock;
	struct mutex ioctl_lock;
	struct completion frame_done;
	struct work_struct watchdog_work;
	struct delayed_work idle_work;
	struct timer_list timeout;
	struct hrtimer frame_timer;
	struct clk *core_clk;
	struct regulator *vdd;
	struct i2c_client *bridge;
	struct spi_device *flash;
	struct vpu_params params;
	void *frame_buf;
	int irq;
};

static void warn_mutex_lock_interruptible(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	if (!mutex_lock_interruptible(&vpu->ioctl_lock))
		mutex_unlock(&vpu->ioctl_lock);
	spin_unlock(&vpu->lock);
}

static unsigned long warn_wait_for_completion_timeout(struct vpu_dev *vpu)
{
	unsigned long left;

	spin_lock(&vpu->lock);
	writel(VPU_CTRL_START, vpu->base + VPU_CTRL);
	left = wait_for_completion_timeout(&vpu->frame_done,
					   msecs_to_jiffies(100));
	spin_unlock(&vpu->lock);

	return left;
}

static int warn_copy_from_user(struct vpu_dev *vpu, const void __user *arg)
{
	int ret = 0;

	spin_lock(&vpu->lock);
	if (copy_from_user(&vpu->params, arg, sizeof(vpu->params)))
		ret = -EFAULT;
	spin_unlock(&vpu->lock);

	return ret;
}

static int warn_copy_to_user(struct vpu_dev *vpu, void __user *arg)
{
	unsigned long left;

	spin_lock(&vpu->lock);
	left = copy_to_user(arg, &vpu->params, sizeof(vpu->params));
	spin_unlock(&vpu->lock);

	return left ? -EFAULT : 0;
}

static int warn_request_firmware(struct vpu_dev *vpu)
{
	const struct firmware *fw;
	int ret;

	spin_lock(&vpu->lock);
	ret = request_firmware(&fw, "vpu/fw.bin", vpu->dev);
	spin_unlock(&vpu->lock);
	if (ret)
		return ret;

	release_firmware(fw);
	return 0;
}

static int warn_clk_set_rate(struct vpu_dev *vpu, unsigned long rate)
{
	int ret;

	spin_lock(&vpu->lock);
	ret = clk_set_rate(vpu->core_clk, rate);
	spin_unlock(&vpu->lock);

	return ret;
}

static void warn_clk_disable_unprepare(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	clk_disable_unprepare(vpu->core_clk);
	spin_unlock(&vpu->lock);
}

static int warn_regulator_enable(struct vpu_dev *vpu)
{
	int ret;

	spin_lock(&vpu->lock);
	ret = regulator_enable(vpu->vdd);
	spin_unlock(&vpu->lock);

	return ret;
}

static void warn_regulator_disable(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	regulator_disable(vpu->vdd);
	spin_unlock(&vpu->lock);
}

static int warn_i2c_transfer(struct vpu_dev *vpu, u8 *buf)
{
	struct i2c_msg msg = {
		.addr = vpu->bridge->addr,
		.len = 1,
		.buf = buf,
	};
	int ret;

	spin_lock(&vpu->lock);
	ret = i2c_transfer(vpu->bridge->adapter, &msg, 1);
	spin_unlock(&vpu->lock);

	return ret;
}

static int warn_spi_sync(struct vpu_dev *vpu, struct spi_message *m)
{
	int ret;

	spin_lock(&vpu->lock);
	ret = spi_sync(vpu->flash, m);
	spin_unlock(&vpu->lock);

	return ret;
}

static int warn_spi_write(struct vpu_dev *vpu, const u8 *cmd, size_t len)
{
	int ret;

	spin_lock(&vpu->lock);
	ret = spi_write(vpu->flash, cmd, len);
	spin_unlock(&vpu->lock);

	return ret;
}

static void warn_cancel_work_sync(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	cancel_work_sync(&vpu->watchdog_work);
	spin_unlock(&vpu->lock);
}

static void warn_cancel_delayed_work_sync(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	cancel_delayed_work_sync(&vpu->idle_work);
	spin_unlock(&vpu->lock);
}

static void warn_flush_work(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	flush_work(&vpu->watchdog_work);
	spin_unlock(&vpu->lock);
}

static void warn_synchronize_rcu(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	synchronize_rcu();
	spin_unlock(&vpu->lock);
}

static void warn_free_irq(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	free_irq(vpu->irq, vpu);
	spin_unlock(&vpu->lock);
}

static void warn_disable_irq(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	disable_irq(vpu->irq);
	spin_unlock(&vpu->lock);
}

static void warn_synchronize_irq(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	synchronize_irq(vpu->irq);
	spin_unlock(&vpu->lock);
}

static void warn_msleep_interruptible(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	msleep_interruptible(20);
	spin_unlock(&vpu->lock);
}

static void warn_fsleep(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	fsleep(100);
	spin_unlock(&vpu->lock);
}

static void warn_raw_spin_lock_irqsave(struct vpu_dev *vpu)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&vpu->hw_lock, flags);
	writel(VPU_CTRL_START, vpu->base + VPU_CTRL);
	msleep(1);
	raw_spin_unlock_irqrestore(&vpu->hw_lock, flags);
}

static int warn_trylock_irqsave(struct vpu_dev *vpu)
{
	unsigned long flags;

	if (!spin_trylock_irqsave(&vpu->lock, flags))
		return -EBUSY;
	usleep_range(10, 20);
	spin_unlock_irqrestore(&vpu->lock, flags);

	return 0;
}

static void good_busy_waits(struct vpu_dev *vpu)
{
	unsigned long flags;

	spin_lock_irqsave(&vpu->lock, flags);
	writel(VPU_CTRL_START, vpu->base + VPU_CTRL);
	ndelay(100);
	udelay(10);
	mdelay(1);
	spin_unlock_irqrestore(&vpu->lock, flags);
}

static int good_clk_enable(struct vpu_dev *vpu)
{
	int ret;

	spin_lock(&vpu->lock);
	ret = clk_enable(vpu->core_clk);
	if (!ret)
		clk_disable(vpu->core_clk);
	spin_unlock(&vpu->lock);

	return ret;
}

static void good_signal_others(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	complete(&vpu->frame_done);
	schedule_work(&vpu->watchdog_work);
	schedule_delayed_work(&vpu->idle_work, HZ);
	mod_timer(&vpu->timeout, jiffies + HZ);
	hrtimer_start(&vpu->frame_timer, ms_to_ktime(16), HRTIMER_MODE_REL);
	spin_unlock(&vpu->lock);
}

static void good_stop_without_waiting(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	disable_irq_nosync(vpu->irq);
	hrtimer_try_to_cancel(&vpu->frame_timer);
	if (try_wait_for_completion(&vpu->frame_done))
		writel(0, vpu->base + VPU_CTRL);
	kfree(vpu->frame_buf);
	vpu->frame_buf = NULL;
	spin_unlock(&vpu->lock);
}

static void good_runtime_pm_async(struct vpu_dev *vpu)
{
	spin_lock(&vpu->lock);
	if (pm_runtime_get_if_active(vpu->dev) > 0) {
		writel(0, vpu->base + VPU_CTRL);
		pm_runtime_mark_last_busy(vpu->dev);
		pm_runtime_put_autosuspend(vpu->dev);
	}
	spin_unlock(&vpu->lock);
}
/*
 * check-name: calls that may sleep and calls that never do, under a spinlock
 * check-output-ignore-notes
 *
 * check-output-start
sleep-what-sleeps.c:67:7: warning: 'mutex_lock_interruptible' may sleep but 'warn_mutex_lock_interruptible' holds spinlock '&vpu->lock' (taken at line 66) [-Wsleep-in-atomic]
sleep-what-sleeps.c:78:9: warning: 'wait_for_completion_timeout' may sleep but 'warn_wait_for_completion_timeout' holds spinlock '&vpu->lock' (taken at line 76) [-Wsleep-in-atomic]
sleep-what-sleeps.c:90:6: warning: 'copy_from_user' may sleep but 'warn_copy_from_user' holds spinlock '&vpu->lock' (taken at line 89) [-Wsleep-in-atomic]
sleep-what-sleeps.c:102:9: warning: 'copy_to_user' may sleep but 'warn_copy_to_user' holds spinlock '&vpu->lock' (taken at line 101) [-Wsleep-in-atomic]
sleep-what-sleeps.c:114:8: warning: 'request_firmware' may sleep but 'warn_request_firmware' holds spinlock '&vpu->lock' (taken at line 113) [-Wsleep-in-atomic]
sleep-what-sleeps.c:128:8: warning: 'clk_set_rate' may sleep but 'warn_clk_set_rate' holds spinlock '&vpu->lock' (taken at line 127) [-Wsleep-in-atomic]
sleep-what-sleeps.c:137:2: warning: 'clk_disable_unprepare' may sleep but 'warn_clk_disable_unprepare' holds spinlock '&vpu->lock' (taken at line 136) [-Wsleep-in-atomic]
sleep-what-sleeps.c:146:8: warning: 'regulator_enable' may sleep but 'warn_regulator_enable' holds spinlock '&vpu->lock' (taken at line 145) [-Wsleep-in-atomic]
sleep-what-sleeps.c:155:2: warning: 'regulator_disable' may sleep but 'warn_regulator_disable' holds spinlock '&vpu->lock' (taken at line 154) [-Wsleep-in-atomic]
sleep-what-sleeps.c:169:8: warning: 'i2c_transfer' may sleep but 'warn_i2c_transfer' holds spinlock '&vpu->lock' (taken at line 168) [-Wsleep-in-atomic]
sleep-what-sleeps.c:180:8: warning: 'spi_sync' may sleep but 'warn_spi_sync' holds spinlock '&vpu->lock' (taken at line 179) [-Wsleep-in-atomic]
sleep-what-sleeps.c:191:8: warning: 'spi_write' may sleep but 'warn_spi_write' holds spinlock '&vpu->lock' (taken at line 190) [-Wsleep-in-atomic]
sleep-what-sleeps.c:200:2: warning: 'cancel_work_sync' may sleep but 'warn_cancel_work_sync' holds spinlock '&vpu->lock' (taken at line 199) [-Wsleep-in-atomic]
sleep-what-sleeps.c:207:2: warning: 'cancel_delayed_work_sync' may sleep but 'warn_cancel_delayed_work_sync' holds spinlock '&vpu->lock' (taken at line 206) [-Wsleep-in-atomic]
sleep-what-sleeps.c:214:2: warning: 'flush_work' may sleep but 'warn_flush_work' holds spinlock '&vpu->lock' (taken at line 213) [-Wsleep-in-atomic]
sleep-what-sleeps.c:221:2: warning: 'synchronize_rcu' may sleep but 'warn_synchronize_rcu' holds spinlock '&vpu->lock' (taken at line 220) [-Wsleep-in-atomic]
sleep-what-sleeps.c:228:2: warning: 'free_irq' may sleep but 'warn_free_irq' holds spinlock '&vpu->lock' (taken at line 227) [-Wsleep-in-atomic]
sleep-what-sleeps.c:235:2: warning: 'disable_irq' may sleep but 'warn_disable_irq' holds spinlock '&vpu->lock' (taken at line 234) [-Wsleep-in-atomic]
sleep-what-sleeps.c:242:2: warning: 'synchronize_irq' may sleep but 'warn_synchronize_irq' holds spinlock '&vpu->lock' (taken at line 241) [-Wsleep-in-atomic]
sleep-what-sleeps.c:249:2: warning: 'msleep_interruptible' may sleep but 'warn_msleep_interruptible' holds spinlock '&vpu->lock' (taken at line 248) [-Wsleep-in-atomic]
sleep-what-sleeps.c:256:2: warning: 'fsleep' may sleep but 'warn_fsleep' holds spinlock '&vpu->lock' (taken at line 255) [-Wsleep-in-atomic]
sleep-what-sleeps.c:266:2: warning: 'msleep' may sleep but 'warn_raw_spin_lock_irqsave' holds spinlock '&vpu->hw_lock' (taken at line 264) [-Wsleep-in-atomic]
sleep-what-sleeps.c:276:2: warning: 'usleep_range' may sleep but 'warn_trylock_irqsave' holds spinlock '&vpu->lock' (taken at line 274) [-Wsleep-in-atomic]
 * check-output-end
 */
