// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that looks up an object and takes a reference on the device
 * behind it ("hwlock->bank->dev", hwlock being the helper's own
 * variable) hands that reference to the object it returns: the caller
 * cannot name the device, and it is the lock's release that drops it.
 * A caller that fails after such a request is not leaking a count.  A
 * caller that names the object alike ("lock" in both functions: kernel
 * code calls one object by one name) is judged as before.  Slice of a
 * hardware spinlock framework and two of its users.
 */
#include <linux/device.h>
#include <linux/pm_runtime.h>

struct lock_bank {
	struct device *dev;
};

struct hw_lock {
	struct lock_bank *bank;
	int id;
};

struct lock_table {
	struct hw_lock *locks[8];
};

struct efuse {
	struct device *dev;
	struct hw_lock *hwlock;
	int nwords;
};

int efuse_register(struct efuse *efuse);

static struct hw_lock *hw_lock_request(struct lock_table *table, int id)
{
	struct hw_lock *lock = table->locks[id];

	if (!lock)
		return NULL;
	if (pm_runtime_resume_and_get(lock->bank->dev) < 0)
		return NULL;
	return lock;
}

static void hw_lock_free(struct hw_lock *lock)
{
	pm_runtime_put(lock->bank->dev);
}

static int good_efuse_probe(struct efuse *efuse, struct lock_table *table)
{
	int ret;

	efuse->hwlock = hw_lock_request(table, 1);
	if (!efuse->hwlock)
		return -ENXIO;
	ret = efuse_register(efuse);
	if (ret)
		return ret;
	return 0;
}

static int warn_efuse_probe_same_name(struct efuse *efuse,
				      struct lock_table *table)
{
	struct hw_lock *lock;
	int ret;

	lock = hw_lock_request(table, 2);
	if (!lock)
		return -ENXIO;
	ret = efuse_register(efuse);
	if (ret)
		return ret;
	hw_lock_free(lock);
	return 0;
}

/*
 * check-name: a helper's reference on a device reached from its own variable
 * check-output-ignore-notes
 *
 * check-output-start
leak-helper-object-reference.c:76:3: warning: 'warn_efuse_probe_same_name' returns an error with the runtime PM usage count of 'lock->bank->dev' still raised [-Wrpm-leak]
 * check-output-end
 */
