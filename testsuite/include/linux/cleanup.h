/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: scope-based cleanup, shaped like Linux 6.18.
 *
 * What matters to a checker is the shape of the expansion, so the generated
 * names follow the kernel exactly:
 *
 *   DEFINE_CLASS(name, type, exit, init, args...)
 *	typedef type class_<name>_t;
 *	class_<name>_destructor(type *p)	runs 'exit' on _T = *p
 *	class_<name>_constructor(args)		evaluates 'init'
 *
 *   CLASS(name, var)(args)
 *	class_<name>_t var __cleanup(class_<name>_destructor) =
 *		class_<name>_constructor(args);
 *
 *   guard(name)(args)		CLASS() with a __UNIQUE_ID(guard) variable
 *   scoped_guard(name, args)	a for-loop around CLASS(name, scope)(args)
 *   ACQUIRE(name, var)(args)	CLASS() with a named variable
 *   ACQUIRE_ERR(name, &var)	class_<name>_lock_err(&var): 0 or -errno
 *
 * A conditional guard (DEFINE_GUARD_COND) extends class <name> to
 * <name><ext>: the constructor stores ERR_PTR(_RET) in the guard when the
 * acquire condition fails, and the destructor of DEFINE_GUARD() skips the
 * release for NULL and error pointers.
 */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/args.h>
#include <linux/stddef.h>

/* Pointer cleanup: struct foo *p __free(kfree) = kzalloc(...); */
#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }

#define __free(_name)	__cleanup(__free_##_name)

#define __get_and_null(p, nullvalue)					\
	({								\
		__auto_type __ptr = &(p);				\
		__auto_type __val = *__ptr;				\
		*__ptr = nullvalue;					\
		__val;							\
	})

static inline __must_check
const volatile void *__must_check_fn(const volatile void *val)
{ return val; }

#define no_free_ptr(p) \
	((typeof(p)) __must_check_fn((__force const volatile void *)__get_and_null(p, NULL)))

#define return_ptr(p)		return no_free_ptr(p)

#define retain_and_null_ptr(p)	((void)__get_and_null(p, NULL))

/* Classes: a type with a constructor and a destructor. */
#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)		\
typedef _type class_##_name##_t;					\
static inline void class_##_name##_destructor(_type *p)			\
{ _type _T = *p; _exit; }						\
static inline _type class_##_name##_constructor(_init_args)		\
{ _type t = _init; return t; }

#define EXTEND_CLASS(_name, ext, _init, _init_args...)			\
typedef class_##_name##_t class_##_name##ext##_t;			\
static inline void class_##_name##ext##_destructor(class_##_name##_t *p)\
{ class_##_name##_destructor(p); }					\
static inline class_##_name##_t class_##_name##ext##_constructor(_init_args) \
{ class_##_name##_t t = _init; return t; }

#define CLASS(_name, var)						\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =	\
		class_##_name##_constructor

#define __scoped_class(_name, var, _label, args...)			\
	for (CLASS(_name, var)(args); ; ({ goto _label; }))		\
		if (0) {						\
_label:									\
			break;						\
		} else

#define scoped_class(_name, var, args...) \
	__scoped_class(_name, var, __UNIQUE_ID(label), args)

/* Guards: classes whose value is the lock (or device) pointer. */
#define __DEFINE_CLASS_IS_CONDITIONAL(_name, _is_cond)	\
static __maybe_unused const bool class_##_name##_is_conditional = _is_cond

/* True for NULL and for an ERR_PTR(): the guard holds nothing. */
#define __GUARD_IS_ERR(_ptr)						\
	({								\
		unsigned long _rc = (__force unsigned long)(_ptr);	\
		unlikely((_rc - 1) >= -MAX_ERRNO - 1);			\
	})

#define __DEFINE_GUARD_LOCK_PTR(_name, _exp)				\
	static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) \
	{								\
		void *_ptr = (void *)(__force unsigned long)*(_exp);	\
		if (IS_ERR(_ptr))					\
			_ptr = NULL;					\
		return _ptr;						\
	}								\
	static inline int class_##_name##_lock_err(class_##_name##_t *_T) \
	{								\
		long _rc = (__force unsigned long)*(_exp);		\
		if (!_rc)						\
			_rc = -EBUSY;					\
		if (!IS_ERR_VALUE(_rc))					\
			_rc = 0;					\
		return _rc;						\
	}

#define DEFINE_CLASS_IS_GUARD(_name) \
	__DEFINE_CLASS_IS_CONDITIONAL(_name, false); \
	__DEFINE_GUARD_LOCK_PTR(_name, _T)

#define DEFINE_CLASS_IS_COND_GUARD(_name) \
	__DEFINE_CLASS_IS_CONDITIONAL(_name, true); \
	__DEFINE_GUARD_LOCK_PTR(_name, _T)

#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
	DEFINE_CLASS(_name, _type, if (!__GUARD_IS_ERR(_T)) { _unlock; }, ({ _lock; _T; }), _type _T); \
	DEFINE_CLASS_IS_GUARD(_name)

/*
 * DEFINE_GUARD_COND(name, ext, lock[, cond]): class <name><ext> whose
 * constructor evaluates 'lock' into _RET and keeps the guard only when
 * 'cond' (default: _RET itself) is true.
 */
#define DEFINE_GUARD_COND_4(_name, _ext, _lock, _cond) \
	__DEFINE_CLASS_IS_CONDITIONAL(_name##_ext, true); \
	EXTEND_CLASS(_name, _ext, \
		     ({ void *_t = _T; int _RET = (_lock); if (_T && !(_cond)) _t = ERR_PTR(_RET); _t; }), \
		     class_##_name##_t _T) \
	static inline void *class_##_name##_ext##_lock_ptr(class_##_name##_t *_T) \
	{ return class_##_name##_lock_ptr(_T); } \
	static inline int class_##_name##_ext##_lock_err(class_##_name##_t *_T) \
	{ return class_##_name##_lock_err(_T); }

#define DEFINE_GUARD_COND_3(_name, _ext, _lock) \
	DEFINE_GUARD_COND_4(_name, _ext, _lock, _RET)

#define DEFINE_GUARD_COND(X...) CONCATENATE(DEFINE_GUARD_COND_, COUNT_ARGS(X))(X)

#define guard(_name) \
	CLASS(_name, __UNIQUE_ID(guard))

#define __guard_ptr(_name)	class_##_name##_lock_ptr
#define __guard_err(_name)	class_##_name##_lock_err
#define __is_cond_ptr(_name)	class_##_name##_is_conditional

#define ACQUIRE(_name, _var)		CLASS(_name, _var)
#define ACQUIRE_ERR(_name, _var)	__guard_err(_name)(_var)

/*
 * The "|| !__is_cond_ptr(_name)" lets the compiler see that the body of an
 * unconditional guard always runs.
 */
#define __scoped_guard(_name, _label, args...)				\
	for (CLASS(_name, scope)(args);					\
	     __guard_ptr(_name)(&scope) || !__is_cond_ptr(_name);	\
	     ({ goto _label; }))					\
		if (0) {						\
_label:									\
			break;						\
		} else

#define scoped_guard(_name, args...)	\
	__scoped_guard(_name, __UNIQUE_ID(label), args)

#define __scoped_cond_guard(_name, _fail, _label, args...)		\
	for (CLASS(_name, scope)(args); true; ({ goto _label; }))	\
		if (!__guard_ptr(_name)(&scope)) {			\
			BUILD_BUG_ON(!__is_cond_ptr(_name));		\
			_fail;						\
_label:									\
			break;						\
		} else

#define scoped_cond_guard(_name, _fail, args...)	\
	__scoped_cond_guard(_name, _fail, __UNIQUE_ID(label), args)

/*
 * Lock guards with a struct type: { _type *lock; extra members }, used for
 * locks without a native type (irqsave, rcu) or with extra state (flags).
 */
#define __DEFINE_UNLOCK_GUARD(_name, _type, _unlock, ...)		\
typedef struct {							\
	_type *lock;							\
	__VA_ARGS__;							\
} class_##_name##_t;							\
									\
static inline void class_##_name##_destructor(class_##_name##_t *_T)	\
{									\
	if (!__GUARD_IS_ERR(_T->lock)) { _unlock; }			\
}									\
									\
__DEFINE_GUARD_LOCK_PTR(_name, &_T->lock)

#define __DEFINE_LOCK_GUARD_1(_name, _type, _lock)			\
static inline class_##_name##_t class_##_name##_constructor(_type *l)	\
{									\
	class_##_name##_t _t = { .lock = l }, *_T = &_t;		\
	_lock;								\
	return _t;							\
}

#define __DEFINE_LOCK_GUARD_0(_name, _lock)				\
static inline class_##_name##_t class_##_name##_constructor(void)	\
{									\
	class_##_name##_t _t = { .lock = (void *)1 },			\
			 *_T __maybe_unused = &_t;			\
	_lock;								\
	return _t;							\
}

#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...)		\
__DEFINE_CLASS_IS_CONDITIONAL(_name, false);				\
__DEFINE_UNLOCK_GUARD(_name, _type, _unlock, __VA_ARGS__)		\
__DEFINE_LOCK_GUARD_1(_name, _type, _lock)

#define DEFINE_LOCK_GUARD_0(_name, _lock, _unlock, ...)			\
__DEFINE_CLASS_IS_CONDITIONAL(_name, false);				\
__DEFINE_UNLOCK_GUARD(_name, void, _unlock, __VA_ARGS__)		\
__DEFINE_LOCK_GUARD_0(_name, _lock)

#define DEFINE_LOCK_GUARD_1_COND_4(_name, _ext, _lock, _cond)		\
	__DEFINE_CLASS_IS_CONDITIONAL(_name##_ext, true);		\
	EXTEND_CLASS(_name, _ext,					\
		     ({ class_##_name##_t _t = { .lock = l }, *_T = &_t;\
			int _RET = (_lock);				\
			if (_T->lock && !(_cond)) _T->lock = ERR_PTR(_RET); \
			_t; }),						\
		     typeof_member(class_##_name##_t, lock) l)		\
	static inline void *class_##_name##_ext##_lock_ptr(class_##_name##_t *_T) \
	{ return class_##_name##_lock_ptr(_T); }			\
	static inline int class_##_name##_ext##_lock_err(class_##_name##_t *_T) \
	{ return class_##_name##_lock_err(_T); }

#define DEFINE_LOCK_GUARD_1_COND_3(_name, _ext, _lock) \
	DEFINE_LOCK_GUARD_1_COND_4(_name, _ext, _lock, _RET)

#define DEFINE_LOCK_GUARD_1_COND(X...) \
	CONCATENATE(DEFINE_LOCK_GUARD_1_COND_, COUNT_ARGS(X))(X)

#endif /* _LINUX_CLEANUP_H */
