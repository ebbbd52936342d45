// SPDX-License-Identifier: GPL-2.0-only
/// pm_runtime_resume_and_get() drops the usage count itself when it fails:
/// a put on its failure path drops a count that was never taken and
/// underflows it.  Remove that put (and a pm_runtime_mark_last_busy()
/// right before it), either in the branch that tests the failure or at
/// the label the branch jumps to, when every path to that put is the
/// failure path.  When the put also serves paths that hold a reference
/// (the success path falls through to the label, or other gotos reach
/// it), it must stay for them: this is only reported, the failure path
/// needs its own label.
///
/// Only puts of the very expression that was resumed are removed; a put
/// spelt differently but naming the same member ("mtkd->ddev.dev" and
/// "chan->device->dev") is reported, others are left alone, as are puts
/// inside loops (unwinding earlier iterations).  A failure that only logs
/// and carries on to the common put is not handled.
///
// Confidence: High
// Copyright: (C) 2026 The rpmcheck authors
// Options: --no-includes --include-headers
// Keywords: pm_runtime
// Requires: 1.0.8
// rpmcheck-rule: rpm-underflow

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@

import re

# Puts to remove, puts also reached by paths that hold a reference, and
# what report/org mode say about each put, keyed by position.
FIX = set()
SHARED = set()
MSG = {}
DONE = set()

def key(p):
    return (p[0].file, p[0].line, p[0].column)

# Coccinelle prints "& data -> client -> dev": write it as C is written.
def c(e):
    e = re.sub(r"\s*(->|\.|\[|\]|\)|\()\s*", r"\1", e)
    e = re.sub(r"^([&*!~-])\s+", r"\1", e)
    return re.sub(r"\s*,\s*", ", ", e)

# The last member named, or the name itself: "dev" for "&pdev->dev",
# "mtkd->ddev.dev" and "dev".  Two spellings with the same one may be the
# same device (rpmcheck does not tell devices apart either).
def name(e):
    e = c(e).lstrip("&*")
    m = re.search(r"(->|\.)([^.>-]+)$", e)
    return m.group(2) if m else e

# A put of the device that failed: "same", "maybe" or None.
def which(E, E2):
    if c(E) == c(E2):
        return "same"
    if name(E) == name(E2):
        return "maybe"
    return None

//----------------------------------------------------------
//  Puts in loops: unwinding earlier iterations
//----------------------------------------------------------

@inloop@
identifier P =~ "^(__)?pm_runtime_put(_noidle|_sync|_autosuspend|_sync_autosuspend|_sync_suspend)?$";
expression E, C;
iterator I;
position p;
@@

(
for (...;...;...) { <+... P@p(E) ...+> }
|
for (...;...;...) P@p(E);
|
while (C) { <+... P@p(E) ...+> }
|
while (C) P@p(E);
|
I(...) { <+... P@p(E) ...+> }
|
I(...) P@p(E);
)

//----------------------------------------------------------
//  Detection
//----------------------------------------------------------

// A put inside the branch that tests the failure ("!= 0" also matches a
// plain truth test).
@rin exists@
expression E, E2, ret;
identifier P =~ "^(__)?pm_runtime_put(_noidle|_sync|_autosuspend|_sync_autosuspend|_sync_suspend)?$";
identifier G =~ "^pm_runtime_(get|get_sync|get_noresume|resume_and_get|get_if_active|get_if_in_use)$";
position pget, pput != inloop.p;
@@

(
ret = pm_runtime_resume_and_get@pget(E);
... when != ret
if (\(ret < 0\|ret != 0\)) {
  ... when any
      when != G(E)
  P@pput(E2);
  ... when any
}
|
if (\(pm_runtime_resume_and_get@pget(E) < 0\|pm_runtime_resume_and_get@pget(E) != 0\)) {
  ... when any
      when != G(E)
  P@pput(E2);
  ... when any
}
)

@script:python@
pget << rin.pget;
pput << rin.pput;
P << rin.P;
E << rin.E;
E2 << rin.E2;
@@

w = which(E, E2)
if w == "same":
    FIX.add(key(pput))
    MSG[key(pput)] = "%s(%s) after pm_runtime_resume_and_get() failed on line %s: the count was already dropped, this put underflows it" % (P, c(E2), pget[0].line)
elif w == "maybe":
    MSG[key(pput)] = "%s(%s) after pm_runtime_resume_and_get(%s) failed on line %s: if this is the same device, the count was already dropped and this put underflows it" % (P, c(E2), c(E), pget[0].line)

// A goto out of the branch that tests the failure ...
@rgoto exists@
expression E, ret;
identifier l;
position pget, pg;
@@

(
ret = pm_runtime_resume_and_get@pget(E);
... when != ret
if (\(ret < 0\|ret != 0\))
(
  goto@pg l;
|
  { ... goto@pg l; }
)
|
if (\(pm_runtime_resume_and_get@pget(E) < 0\|pm_runtime_resume_and_get@pget(E) != 0\))
(
  goto@pg l;
|
  { ... goto@pg l; }
)
)

// ... to a label whose code puts before anything takes a reference again.
@rlabel exists@
expression rgoto.E, E2;
identifier rgoto.l;
identifier P =~ "^(__)?pm_runtime_put(_noidle|_sync|_autosuspend|_sync_autosuspend|_sync_suspend)?$";
identifier G =~ "^pm_runtime_(get|get_sync|get_noresume|resume_and_get|get_if_active|get_if_in_use)$";
position rgoto.pg, pput != inloop.p;
@@

goto@pg l;
... when any
    when != G(E)
P@pput(E2);

// The put is shared when a path from the function's entry reaches it
// without taking that goto: the success path, or another goto.
@shared exists@
identifier fn, l, P;
position rgoto.pg, rlabel.pput, ps;
@@

fn(...) {
... when != goto@pg l;
P@pput@ps(...);
... when any
}

@script:python@
ps << shared.ps;
@@

SHARED.add(key(ps))

@script:python@
pget << rgoto.pget;
l << rgoto.l;
E << rgoto.E;
pput << rlabel.pput;
P << rlabel.P;
E2 << rlabel.E2;
@@

k = key(pput)
w = which(E, E2)
if w is None:
    pass
elif w == "maybe":
    MSG[k] = "%s(%s) at label '%s', reached when pm_runtime_resume_and_get(%s) failed on line %s: if this is the same device, the count was already dropped and this put underflows it" % (P, c(E2), l, c(E), pget[0].line)
elif k in SHARED:
    MSG[k] = "%s(%s) at label '%s' is reached when pm_runtime_resume_and_get() failed on line %s, which holds no reference, and by paths that hold one: give the failure path its own label" % (P, c(E), l, pget[0].line)
else:
    FIX.add(k)
    MSG[k] = "%s(%s) after pm_runtime_resume_and_get() failed on line %s: the count was already dropped, this put underflows it" % (P, c(E), pget[0].line)

//----------------------------------------------------------
//  For patch mode
//----------------------------------------------------------

// A branch left with only its return or goto loses its braces.
@depends on patch@
identifier P, l;
expression E, C, RE;
position p : script:python () { key(p) in FIX };
@@

(
- if (C) {
- pm_runtime_mark_last_busy(E);
- P@p(E);
- return RE;
- }
+ if (C)
+	return RE;
|
- if (C) {
- P@p(E);
- return RE;
- }
+ if (C)
+	return RE;
|
- if (C) {
- pm_runtime_mark_last_busy(E);
- P@p(E);
- goto l;
- }
+ if (C)
+	goto l;
|
- if (C) {
- P@p(E);
- goto l;
- }
+ if (C)
+	goto l;
|
- pm_runtime_mark_last_busy(E);
- P@p(E);
|
- P@p(E);
)

//----------------------------------------------------------
//  For context mode
//----------------------------------------------------------

@depends on context@
identifier P;
expression E;
position p : script:python () { key(p) in MSG };
@@

* P@p(E);

//----------------------------------------------------------
//  For org and report mode
//----------------------------------------------------------

@pr depends on org || report@
identifier P;
expression E;
position p : script:python () { key(p) in MSG };
@@

P@p(E);

@script:python depends on org@
p << pr.p;
@@

if key(p) not in DONE:
    DONE.add(key(p))
    cocci.print_main(MSG[key(p)], p)

@script:python depends on report@
p << pr.p;
@@

if key(p) not in DONE:
    DONE.add(key(p))
    coccilib.report.print_report(p[0], MSG[key(p)])
