/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: a spinlock in one bit of a word.
 *
 * As in the kernel, bit_spin_lock(bitnum, addr) and friends are inline
 * functions that disable preemption and spin on the bit; rpmcheck knows
 * them by name, so the bodies here only keep the preemption part.
 */
#ifndef __LINUX_BIT_SPINLOCK_H
#define __LINUX_BIT_SPINLOCK_H

#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/atomic.h>
#include <linux/bug.h>

static inline void bit_spin_lock(int bitnum, unsigned long *addr)
{
	preempt_disable();
	__acquire(bitlock);
}

/* Returns 1 when the bit was taken, 0 when it was already set. */
static inline int bit_spin_trylock(int bitnum, unsigned long *addr)
{
	preempt_disable();
	__acquire(bitlock);
	return 1;
}

static inline void bit_spin_unlock(int bitnum, unsigned long *addr)
{
	preempt_enable();
	__release(bitlock);
}

/* The non-atomic release, when the rest of the word is protected too. */
static inline void __bit_spin_unlock(int bitnum, unsigned long *addr)
{
	preempt_enable();
	__release(bitlock);
}

static inline int bit_spin_is_locked(int bitnum, unsigned long *addr)
{
	return !!(READ_ONCE(*addr) & (1UL << bitnum));
}

#endif /* __LINUX_BIT_SPINLOCK_H */
