// SPDX-License-Identifier: GPL-2.0-only
/// The runtime PM sync calls (pm_runtime_get_sync(),
/// pm_runtime_resume_and_get(), pm_runtime_put_sync*(),
/// pm_runtime_resume(), pm_runtime_suspend(), pm_runtime_autosuspend(),
/// pm_runtime_idle()) may sleep.  Find them between a spin_lock*(),
/// raw_spin_lock*(), read_lock*() or write_lock*() and the unlock of the
/// same lock, or between local_irq_disable() / local_irq_save() and the
/// matching enable / restore, on some path.  There is no automatic fix:
/// move the call out of the atomic section, use the asynchronous call
/// (pm_runtime_get(), pm_runtime_put()), or, when the device's runtime PM
/// callbacks really are atomic, call pm_runtime_irq_safe() in probe.
///
/// Calls on a device that the file passes to pm_runtime_irq_safe() are
/// not reported: the same expression, or the same last member ("priv->dev"
/// and "&pdev->dev"), or either one a bare name ("dev"), as rpmcheck does.
/// With sections nested, the innermost one is named (one report a call).
/// Not seen: cleanup guards (guard(spinlock)), locks taken or released by
/// helper functions (a call to a function named *unlock* ends the
/// section), hard IRQ handlers and timer callbacks.
///
// Confidence: High
// Copyright: (C) 2026 The rpmcheck authors
// Options: --no-includes --include-headers
// Keywords: pm_runtime
// Requires: 1.0.8
// rpmcheck-rule: sleep-in-atomic

virtual context
virtual org
virtual report

@initialize:python@
@@

import re

IRQSAFE = {}	# file -> device expressions passed to pm_runtime_irq_safe()
FOUND = {}	# sleeping call -> (line of the lock, message)
LOCKS = set()	# lock calls that open a reported section
DONE = set()

def key(p):
    return (p[0].file, p[0].line, p[0].column)

# Coccinelle prints "& priv -> lock": write it as C is written.
def c(e):
    e = re.sub(r"\s*(->|\.|\[|\]|\)|\()\s*", r"\1", e)
    e = re.sub(r"^([&*!~-])\s+", r"\1", e)
    return re.sub(r"\s*,\s*", ", ", e)

# What follows the last "->" or ".", None for a bare name (rpmcheck's
# last_member()).
def last_member(e):
    i = max(e.rfind("->") + 2 if "->" in e else -1, e.rfind(".") + 1 if "." in e else -1)
    return e[i:] if i >= 0 else None

# rpmcheck's may_be_same_device().
def same_device(a, b):
    a = c(a).lstrip("&")
    b = c(b).lstrip("&")
    if a == b:
        return True
    ma, mb = last_member(a), last_member(b)
    return ma is None or mb is None or ma == mb

def irq_safe(file, dev):
    return any(same_device(d, dev) for d in IRQSAFE.get(file, ()))

def record(call, lock, fn, dev, why):
    if irq_safe(call[0].file, dev):
        return
    k = key(call)
    line = int(lock[0].line)
    if k in FOUND and FOUND[k][0] >= line:
        return		# an inner section already names the reason
    FOUND[k] = (line, "'%s' may sleep but '%s' %s" % (fn, call[0].current_element, why))
    LOCKS.add(key(lock))

//----------------------------------------------------------
//  Devices whose runtime PM callbacks are atomic
//----------------------------------------------------------

@irqsafe@
expression D;
position p;
@@

pm_runtime_irq_safe@p(D)

@script:python@
D << irqsafe.D;
p << irqsafe.p;
@@

IRQSAFE.setdefault(p[0].file, set()).add(D)

//----------------------------------------------------------
//  Detection
//----------------------------------------------------------

@spin exists@
identifier LOCK =~ "^(raw_)?(spin|read|write)_lock(_irq|_irqsave|_bh|_nested|_irqsave_nested)?$";
identifier UNLOCK =~ "^(raw_)?(spin|read|write)_unlock(_irq|_irqrestore|_bh)?$";
identifier U =~ "unlock";
identifier S =~ "^pm_runtime_(get_sync|resume_and_get|put_sync|put_sync_suspend|put_sync_autosuspend|resume|suspend|autosuspend|idle)$";
expression L, D;
position p1, p2;
@@

LOCK@p1(L, ...);
... when any
    when != UNLOCK(L, ...)
    when != U(...)
S@p2(D)

@script:python@
LOCK << spin.LOCK;
L << spin.L;
S << spin.S;
D << spin.D;
p1 << spin.p1;
p2 << spin.p2;
@@

kind = "rwlock" if re.match(r"^(raw_)?(read|write)_", LOCK) else "spinlock"
record(p2, p1, S, D, "holds %s '%s' (taken at line %s)" % (kind, c(L), p1[0].line))

@irq exists@
identifier ON =~ "^(local_irq_enable|local_irq_restore)$";
identifier OFF =~ "^(local_irq_disable|local_irq_save)$";
identifier U =~ "unlock";
identifier S =~ "^pm_runtime_(get_sync|resume_and_get|put_sync|put_sync_suspend|put_sync_autosuspend|resume|suspend|autosuspend|idle)$";
expression D;
position p1, p2;
@@

OFF@p1(...);
... when any
    when != ON(...)
    when != U(...)
S@p2(D)

@script:python@
OFF << irq.OFF;
S << irq.S;
D << irq.D;
p1 << irq.p1;
p2 << irq.p2;
@@

record(p2, p1, S, D, "runs with interrupts disabled by %s (line %s)" % (OFF, p1[0].line))

//----------------------------------------------------------
//  For context mode
//----------------------------------------------------------

@depends on context@
identifier F;
position p : script:python () { key(p) in FOUND or key(p) in LOCKS };
@@

* F@p(...)

//----------------------------------------------------------
//  For org and report mode
//----------------------------------------------------------

@pr depends on org || report@
identifier F;
position p : script:python () { key(p) in FOUND };
@@

F@p(...)

@script:python depends on org@
p << pr.p;
@@

if key(p) not in DONE:
    DONE.add(key(p))
    cocci.print_main(FOUND[key(p)][1], p)

@script:python depends on report@
p << pr.p;
@@

if key(p) not in DONE:
    DONE.add(key(p))
    coccilib.report.print_report(p[0], FOUND[key(p)][1])
