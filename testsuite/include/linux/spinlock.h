/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: spinlocks.
 *
 * The macro layers follow the kernel's: spin_lock_irqsave(lock, flags)
 * expands to raw_spin_lock_irqsave(), which assigns flags from
 * _raw_spin_lock_irqsave(); spin_trylock_irqsave() saves the flags with
 * local_irq_save() and restores them when raw_spin_trylock() fails.
 * rwlock_t (from the kernel's rwlock_types.h and rwlock.h) maps
 * read_lock()/write_lock*() to the extern _raw_read_lock*() and
 * _raw_write_lock*().
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/cleanup.h>

typedef struct raw_spinlock {
	unsigned int		raw_lock;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock	rlock;
} spinlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED(lockname)	{ .raw_lock = 0 }
#define __SPIN_LOCK_UNLOCKED(lockname)		{ .rlock = __RAW_SPIN_LOCK_UNLOCKED(lockname) }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK(x)	raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)

typedef struct {
	unsigned int		raw_lock;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname)	(rwlock_t) { .raw_lock = 0 }
#define DEFINE_RWLOCK(x)	rwlock_t x = __RW_LOCK_UNLOCKED(x)

extern void _raw_spin_lock(raw_spinlock_t *lock) __acquires(lock);
extern void _raw_spin_lock_bh(raw_spinlock_t *lock) __acquires(lock);
extern void _raw_spin_lock_irq(raw_spinlock_t *lock) __acquires(lock);
extern unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock) __acquires(lock);
extern int _raw_spin_trylock(raw_spinlock_t *lock);
extern void _raw_spin_unlock(raw_spinlock_t *lock) __releases(lock);
extern void _raw_spin_unlock_bh(raw_spinlock_t *lock) __releases(lock);
extern void _raw_spin_unlock_irq(raw_spinlock_t *lock) __releases(lock);
extern void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
	__releases(lock);

#define raw_spin_lock_init(lock)	do { (lock)->raw_lock = 0; } while (0)
#define raw_spin_lock(lock)		_raw_spin_lock(lock)
#define raw_spin_lock_bh(lock)		_raw_spin_lock_bh(lock)
#define raw_spin_lock_irq(lock)		_raw_spin_lock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags)			\
	do {							\
		flags = _raw_spin_lock_irqsave(lock);		\
	} while (0)
#define raw_spin_trylock(lock)		_raw_spin_trylock(lock)
#define raw_spin_trylock_irqsave(lock, flags)			\
({								\
	local_irq_save(flags);					\
	raw_spin_trylock(lock) ?				\
	1 : ({ local_irq_restore(flags); 0; });			\
})
#define raw_spin_unlock(lock)		_raw_spin_unlock(lock)
#define raw_spin_unlock_bh(lock)	_raw_spin_unlock_bh(lock)
#define raw_spin_unlock_irq(lock)	_raw_spin_unlock_irq(lock)
#define raw_spin_unlock_irqrestore(lock, flags)			\
	do {							\
		_raw_spin_unlock_irqrestore(lock, flags);	\
	} while (0)

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock)
{
	return &lock->rlock;
}

#define spin_lock_init(_lock)				\
do {							\
	raw_spin_lock_init(spinlock_check(_lock));	\
} while (0)

static __always_inline void spin_lock(spinlock_t *lock)
{
	raw_spin_lock(&lock->rlock);
}

static __always_inline void spin_lock_bh(spinlock_t *lock)
{
	raw_spin_lock_bh(&lock->rlock);
}

static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	raw_spin_lock_irq(&lock->rlock);
}

#define spin_lock_irqsave(lock, flags)				\
do {								\
	raw_spin_lock_irqsave(spinlock_check(lock), flags);	\
} while (0)

static __always_inline int spin_trylock(spinlock_t *lock)
{
	return raw_spin_trylock(&lock->rlock);
}

#define spin_trylock_irqsave(lock, flags)			\
({								\
	raw_spin_trylock_irqsave(spinlock_check(lock), flags); \
})

static __always_inline void spin_unlock(spinlock_t *lock)
{
	raw_spin_unlock(&lock->rlock);
}

static __always_inline void spin_unlock_bh(spinlock_t *lock)
{
	raw_spin_unlock_bh(&lock->rlock);
}

static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	raw_spin_unlock_irq(&lock->rlock);
}

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	raw_spin_unlock_irqrestore(&lock->rlock, flags);
}

/* rwlock_t */
extern void _raw_read_lock(rwlock_t *lock) __acquires(lock);
extern void _raw_write_lock(rwlock_t *lock) __acquires(lock);
extern void _raw_read_lock_bh(rwlock_t *lock) __acquires(lock);
extern void _raw_write_lock_bh(rwlock_t *lock) __acquires(lock);
extern void _raw_read_lock_irq(rwlock_t *lock) __acquires(lock);
extern void _raw_write_lock_irq(rwlock_t *lock) __acquires(lock);
extern unsigned long _raw_read_lock_irqsave(rwlock_t *lock) __acquires(lock);
extern unsigned long _raw_write_lock_irqsave(rwlock_t *lock) __acquires(lock);
extern int _raw_read_trylock(rwlock_t *lock);
extern int _raw_write_trylock(rwlock_t *lock);
extern void _raw_read_unlock(rwlock_t *lock) __releases(lock);
extern void _raw_write_unlock(rwlock_t *lock) __releases(lock);
extern void _raw_read_unlock_bh(rwlock_t *lock) __releases(lock);
extern void _raw_write_unlock_bh(rwlock_t *lock) __releases(lock);
extern void _raw_read_unlock_irq(rwlock_t *lock) __releases(lock);
extern void _raw_write_unlock_irq(rwlock_t *lock) __releases(lock);
extern void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
	__releases(lock);
extern void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
	__releases(lock);

#define rwlock_init(lock)	do { *(lock) = __RW_LOCK_UNLOCKED(lock); } while (0)

#define read_trylock(lock)	__cond_lock(lock, _raw_read_trylock(lock))
#define write_trylock(lock)	__cond_lock(lock, _raw_write_trylock(lock))

#define write_lock(lock)	_raw_write_lock(lock)
#define read_lock(lock)		_raw_read_lock(lock)

#define read_lock_irqsave(lock, flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		flags = _raw_read_lock_irqsave(lock);	\
	} while (0)
#define write_lock_irqsave(lock, flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		flags = _raw_write_lock_irqsave(lock);	\
	} while (0)

#define read_lock_irq(lock)		_raw_read_lock_irq(lock)
#define read_lock_bh(lock)		_raw_read_lock_bh(lock)
#define write_lock_irq(lock)		_raw_write_lock_irq(lock)
#define write_lock_bh(lock)		_raw_write_lock_bh(lock)
#define read_unlock(lock)		_raw_read_unlock(lock)
#define write_unlock(lock)		_raw_write_unlock(lock)
#define read_unlock_irq(lock)		_raw_read_unlock_irq(lock)
#define write_unlock_irq(lock)		_raw_write_unlock_irq(lock)
#define read_unlock_bh(lock)		_raw_read_unlock_bh(lock)
#define write_unlock_bh(lock)		_raw_write_unlock_bh(lock)

#define read_unlock_irqrestore(lock, flags)			\
	do {							\
		typecheck(unsigned long, flags);		\
		_raw_read_unlock_irqrestore(lock, flags);	\
	} while (0)
#define write_unlock_irqrestore(lock, flags)		\
	do {						\
		typecheck(unsigned long, flags);	\
		_raw_write_unlock_irqrestore(lock, flags);	\
	} while (0)

DEFINE_LOCK_GUARD_1(raw_spinlock, raw_spinlock_t,
		    raw_spin_lock(_T->lock),
		    raw_spin_unlock(_T->lock))

DEFINE_LOCK_GUARD_1_COND(raw_spinlock, _try, raw_spin_trylock(_T->lock))

DEFINE_LOCK_GUARD_1(raw_spinlock_irq, raw_spinlock_t,
		    raw_spin_lock_irq(_T->lock),
		    raw_spin_unlock_irq(_T->lock))

DEFINE_LOCK_GUARD_1(raw_spinlock_irqsave, raw_spinlock_t,
		    raw_spin_lock_irqsave(_T->lock, _T->flags),
		    raw_spin_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)

DEFINE_LOCK_GUARD_1_COND(raw_spinlock_irqsave, _try,
			 raw_spin_trylock_irqsave(_T->lock, _T->flags))

DEFINE_LOCK_GUARD_1(spinlock, spinlock_t,
		    spin_lock(_T->lock),
		    spin_unlock(_T->lock))

DEFINE_LOCK_GUARD_1_COND(spinlock, _try, spin_trylock(_T->lock))

DEFINE_LOCK_GUARD_1(spinlock_irq, spinlock_t,
		    spin_lock_irq(_T->lock),
		    spin_unlock_irq(_T->lock))

DEFINE_LOCK_GUARD_1(spinlock_bh, spinlock_t,
		    spin_lock_bh(_T->lock),
		    spin_unlock_bh(_T->lock))

DEFINE_LOCK_GUARD_1(spinlock_irqsave, spinlock_t,
		    spin_lock_irqsave(_T->lock, _T->flags),
		    spin_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)

DEFINE_LOCK_GUARD_1_COND(spinlock_irqsave, _try,
			 spin_trylock_irqsave(_T->lock, _T->flags))

DEFINE_LOCK_GUARD_1(read_lock, rwlock_t,
		    read_lock(_T->lock),
		    read_unlock(_T->lock))

DEFINE_LOCK_GUARD_1(read_lock_irq, rwlock_t,
		    read_lock_irq(_T->lock),
		    read_unlock_irq(_T->lock))

DEFINE_LOCK_GUARD_1(read_lock_irqsave, rwlock_t,
		    read_lock_irqsave(_T->lock, _T->flags),
		    read_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)

DEFINE_LOCK_GUARD_1(write_lock, rwlock_t,
		    write_lock(_T->lock),
		    write_unlock(_T->lock))

DEFINE_LOCK_GUARD_1(write_lock_irq, rwlock_t,
		    write_lock_irq(_T->lock),
		    write_unlock_irq(_T->lock))

DEFINE_LOCK_GUARD_1(write_lock_irqsave, rwlock_t,
		    write_lock_irqsave(_T->lock, _T->flags),
		    write_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)

#endif /* _LINUX_SPINLOCK_H */
