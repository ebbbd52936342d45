// SPDX-License-Identifier: GPL-2.0
/*
 * spin_unlock_bh() enables bottom halves and spin_unlock_irqrestore()
 * restores interrupts even when the lock itself was taken somewhere
 * rpmcheck does not see (a helper of another file that returns with
 * it held).  After such an unlock the section opened by
 * local_bh_disable() / local_irq_save() is closed; a helper of the file
 * that only does that unlock acts the same.  When the unlock's own
 * lock is open, only that lock is closed.  Slice of a PCIe Wi-Fi
 * transport's resume path.
 */
#include <linux/pci.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct wtrans {
	spinlock_t reg_lock;
	spinlock_t irq_lock;
	struct mutex mutex;
	bool powered_off;
};

/* Defined in the transport's other file: returns true holding reg_lock. */
bool wtrans_grab_nic_access(struct wtrans *t);

static void wtrans_release_nic_access(struct wtrans *t)
{
	spin_unlock_bh(&t->reg_lock);
}

static int good_wtrans_resume(struct wtrans *t)
{
	/* bh re-enabled by the release, so re-enable them on failure */
	local_bh_disable();
	if (wtrans_grab_nic_access(t))
		wtrans_release_nic_access(t);
	else
		local_bh_enable();
	mutex_lock(&t->mutex);
	t->powered_off = false;
	mutex_unlock(&t->mutex);
	return 0;
}

static int warn_wtrans_resume_forgets_failure(struct wtrans *t)
{
	local_bh_disable();
	if (wtrans_grab_nic_access(t))
		wtrans_release_nic_access(t);
	mutex_lock(&t->mutex);
	t->powered_off = false;
	mutex_unlock(&t->mutex);
	return 0;
}

static void good_wtrans_direct_unlock(struct wtrans *t)
{
	local_bh_disable();
	if (!wtrans_grab_nic_access(t)) {
		local_bh_enable();
		return;
	}
	spin_unlock_bh(&t->reg_lock);
	msleep(1);
}

static void good_wtrans_irqrestore(struct wtrans *t)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!wtrans_grab_nic_access(t)) {
		local_irq_restore(flags);
		return;
	}
	spin_unlock_irqrestore(&t->reg_lock, flags);
	msleep(1);
}

/* The unlock closes its own lock, not the bh section around it. */
static void warn_wtrans_own_lock(struct wtrans *t)
{
	local_bh_disable();
	spin_lock_bh(&t->irq_lock);
	spin_unlock_bh(&t->irq_lock);
	msleep(1);
	local_bh_enable();
}
/*
 * check-name: unlock_bh / unlock_irqrestore also close bh and irq sections
 *
 * check-output-start
sleep-unlock-reenables.c:51:2: warning: 'mutex_lock' may sleep but 'warn_wtrans_resume_forgets_failure' runs with bottom halves disabled by local_bh_disable (line 48) [-Wsleep-in-atomic]
sleep-unlock-reenables.c:48:2: note: 'local_bh_disable' is called here
sleep-unlock-reenables.c:49:6: note: taking the false branch of 'wtrans_grab_nic_access(t)'
sleep-unlock-reenables.c:87:2: warning: 'msleep' may sleep but 'warn_wtrans_own_lock' runs with bottom halves disabled by local_bh_disable (line 84) [-Wsleep-in-atomic]
sleep-unlock-reenables.c:84:2: note: 'local_bh_disable' is called here
 * check-output-end
 */
