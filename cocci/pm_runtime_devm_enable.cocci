// SPDX-License-Identifier: GPL-2.0-only
/// pm_runtime_enable() in probe, undone by pm_runtime_disable() as the
/// last statement of remove and on every error path of probe, becomes
/// devm_pm_runtime_enable() with its result checked ("ret = ...; if (ret)
/// return ret;", or "return devm_pm_runtime_enable(dev);" when probe
/// ended with the enable and "return 0"), and those pm_runtime_disable()
/// calls go; a remove left empty goes with its .remove initializer.
///
/// devm_pm_runtime_enable() is not a drop-in replacement: it can fail, and
/// it runs pm_runtime_dont_use_autosuspend() and pm_runtime_disable() at
/// unbind, after remove() returned and after the devres registered later
/// in probe were released.  So the change is made only when it is
/// equivalent:
///  - the driver structure names the probe and the remove function, probe
///    calls pm_runtime_enable() once, unconditionally, on the device remove
///    disables;
///  - remove disables on every path, as its last statement, preceded if at
///    all by pm_runtime_dont_use_autosuspend() (what devres does, in that
///    order); if probe calls pm_runtime_use_autosuspend(), remove must
///    undo it just there, and the driver must be an I2C one (the I2C core
///    releases devres before it detaches the PM domain; the platform bus
///    detaches it first, so the suspend dont_use_autosuspend() may start
///    would reach a device that may be off);
///  - every error exit of probe after the enable disables, does nothing
///    but log and call runtime PM up to the disable and nothing but return
///    after it; the error exits before the enable do nothing but return;
///    and either such an exit after the enable or a remove that does
///    nothing but disable shows that a failing devm_pm_runtime_enable()
///    has nothing else to undo;
///  - probe registers no devres after the enable that runtime PM callbacks
///    might use (only IRQs and devm_*register*() interfaces, which are
///    better torn down first), and has an int variable, not read after the
///    enable before being set again, to take the result.
/// Where only some of this holds, the first reason is reported (report and
/// org modes) and nothing is changed.
///
// Confidence: Moderate
// Copyright: (C) 2026 The rpmcheck authors
// Options: --no-includes --include-headers
// Keywords: pm_runtime
// Requires: 1.0.8
// rpmcheck-rule: none

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@

import re

DRV = {}	# (file, probe) -> remove functions
DRVTYPE = {}	# (file, probe) -> type of the driver structure
FN = {}		# (file, function) -> enables, disables, ... (see fn())
NESTED = set()	# enables under a condition or in a loop
REACH = {}	# enable -> disables reachable from it
WHY = {}	# enable -> [(line, reason)]
BADDIS = {}	# disable in probe -> reason it cannot simply go
CLOBBER = {}	# enable -> variables read after it before being set
FIX_ENABLE = {}	# enable to convert -> variable for the result
FIX_FN = {}	# (file, probe) -> the same, by name
TAIL = set()	# enables followed by "return 0"
CLEANUP = {}	# enable -> line of an earlier error exit that cleans up
FIX_TAIL = set()	# (file, probe) to end in "return devm_pm_runtime_enable()"
CUR = [None]	# the file being looked at
FIX_DIS = set()	# disables to remove
FIX_REMOVE = set()	# (file, remove) functions to delete
MSG = {}	# enable -> message (report, org)
DONE = set()

LOG = r"^(dev_err|dev_err_probe|dev_warn|dev_warn_probe|dev_info|dev_dbg|dev_err_ratelimited|dev_warn_ratelimited|dev_err_once|dev_warn_once|pr_err|pr_warn|pr_info|pr_debug|PTR_ERR|ERR_PTR|IS_ERR|PTR_ERR_OR_ZERO)$"

def key(p):
    return (p[0].file, p[0].line, p[0].column)

def fn(p, name=None):
    k = (p[0].file, name or p[0].current_element)
    return FN.setdefault(k, {"enable": [], "disable": [], "rlast": None,
                             "rlast_du": False, "early": False,
                             "autosuspend": False, "retvars": [],
                             "only_disable": False, "refs": 0})

# Coccinelle prints "& pdev -> dev": write it as C is written.
def c(e):
    e = re.sub(r"\s*(->|\.|\[|\]|\)|\()\s*", r"\1", e)
    e = re.sub(r"^([&*!~-])\s+", r"\1", e)
    return re.sub(r"\s*,\s*", ", ", e)

def last_member(e):
    i = max(e.rfind("->") + 2 if "->" in e else -1, e.rfind(".") + 1 if "." in e else -1)
    return e[i:] if i >= 0 else None

# "&pdev->dev", "priv->dev" and a bare "dev" may all be the device.
def same_device(a, b):
    a = c(a).lstrip("&")
    b = c(b).lstrip("&")
    if a == b:
        return True
    ma, mb = last_member(a), last_member(b)
    return ma is None or mb is None or ma == mb

def why(pe, line, reason):
    WHY.setdefault(key(pe), []).append((int(line), reason))

//----------------------------------------------------------
//  Facts: driver structure, enables, disables
//----------------------------------------------------------

@drv@
identifier s, P, R, fr =~ "^(remove|remove_new)$";
type T;
position p;
@@

T s@p = { ..., .probe = P, ..., .fr = R, ... };

@script:python@
P << drv.P;
R << drv.R;
T << drv.T;
p << drv.p;
@@

DRV.setdefault((p[0].file, P), set()).add(R)
DRVTYPE[(p[0].file, P)] = T

@en@
expression E;
position p;
@@

pm_runtime_enable@p(E);

@script:python@
E << en.E;
p << en.p;
@@

CUR[0] = p[0].file
fn(p)["enable"].append((p, E))

@nested@
expression E, C;
statement S;
iterator I;
position p;
@@

(
if (C) { <+... pm_runtime_enable@p(E); ...+> } else S
|
if (C) { <+... pm_runtime_enable@p(E); ...+> }
|
if (C) pm_runtime_enable@p(E); else S
|
if (C) pm_runtime_enable@p(E);
|
if (C) S else { <+... pm_runtime_enable@p(E); ...+> }
|
if (C) S else pm_runtime_enable@p(E);
|
for (...;...;...) { <+... pm_runtime_enable@p(E); ...+> }
|
for (...;...;...) pm_runtime_enable@p(E);
|
while (C) { <+... pm_runtime_enable@p(E); ...+> }
|
while (C) pm_runtime_enable@p(E);
|
I(...) { <+... pm_runtime_enable@p(E); ...+> }
)

@script:python@
p << nested.p;
@@

NESTED.add(key(p))

@dis@
expression E;
position p;
@@

pm_runtime_disable@p(E)

@script:python@
E << dis.E;
p << dis.p;
@@

fn(p)["disable"].append((p, E))

@autosusp@
expression E;
position p;
@@

pm_runtime_use_autosuspend@p(E)

@script:python@
p << autosusp.p;
@@

fn(p)["autosuspend"] = True

//----------------------------------------------------------
//  Facts: remove()
//----------------------------------------------------------

// The disable is the last statement, maybe after what devres would do
// just before it.
@rlast@
identifier R;
expression E;
position p;
@@

R(...) {
... when any
pm_runtime_disable@p(E);
?return ...;
}

@script:python@
R << rlast.R;
p << rlast.p;
@@

fn(p, R)["rlast"] = key(p)

@rlastdu@
identifier R;
expression E;
position p;
@@

R(...) {
... when any
pm_runtime_dont_use_autosuspend(E);
pm_runtime_disable@p(E);
?return ...;
}

@script:python@
R << rlastdu.R;
p << rlastdu.p;
@@

fn(p, R)["rlast_du"] = True

// A path through the function that never disables.
@early exists@
identifier f;
position p;
@@

f@p(...) {
... when != pm_runtime_disable(...)
}

@script:python@
p << early.p;
f << early.f;
@@

fn(p, f)["early"] = True

// Nothing but the disable: the function can go.
@only@
identifier R;
expression E;
position p;
@@

R(...) {
pm_runtime_disable@p(E);
?return ...;
}

@script:python@
R << only.R;
p << only.p;
@@

fn(p, R)["only_disable"] = True

@onlydu@
identifier R;
expression E;
position p;
@@

R(...) {
pm_runtime_dont_use_autosuspend(E);
pm_runtime_disable@p(E);
?return ...;
}

@script:python@
R << onlydu.R;
p << onlydu.p;
@@

fn(p, R)["only_disable"] = True

// The same with a local used only by the disable.
@onlydecl@
identifier R, x;
type T;
expression E0;
position p;
@@

R(...) {
T x = E0;
pm_runtime_disable@p(<+... x ...+>);
?return ...;
}

@script:python@
R << onlydecl.R;
p << onlydecl.p;
@@

fn(p, R)["only_disable"] = True

@onlydecldu@
identifier R, x;
type T;
expression E0;
position p;
@@

R(...) {
T x = E0;
pm_runtime_dont_use_autosuspend(<+... x ...+>);
pm_runtime_disable@p(<+... x ...+>);
?return ...;
}

@script:python@
R << onlydecldu.R;
p << onlydecldu.p;
@@

fn(p, R)["only_disable"] = True

// Uses of the name other than its definition.
@refs@
identifier R : script:python () { any(R in v for v in DRV.values()) };
position p;
@@

R@p

@script:python@
R << refs.R;
p << refs.p;
@@

fn(p, R)["refs"] += 1

//----------------------------------------------------------
//  Facts: probe()
//----------------------------------------------------------

@reach exists@
expression E, E2;
position p, pd;
@@

pm_runtime_enable@p(E);
...
pm_runtime_disable@pd(E2);

@script:python@
p << reach.p;
pd << reach.pd;
@@

REACH.setdefault(key(p), set()).add(key(pd))

// An error exit that does not disable: a return of anything but 0 or a
// variable ...
@leak exists@
expression E, E2, RE;
local idexpression X;
position p, pr;
@@

pm_runtime_enable@p(E);
... when != pm_runtime_disable(E2)
(
return 0;
|
return X;
|
return@pr RE;
)

@script:python@
p << leak.p;
pr << leak.pr;
@@

why(p, pr[0].line, "the error path returning at line %s does not disable runtime PM" % pr[0].line)

// ... a return of the variable in a branch (a return of it at the end is
// taken as success: "return ret" with ret 0) ...
@leakbranch exists@
expression E, E2, C;
local idexpression X;
position p, pr;
@@

pm_runtime_enable@p(E);
... when != pm_runtime_disable(E2)
(
if (C) {
... when != pm_runtime_disable(E2)
return@pr X;
}
|
if (C)
return@pr X;
)

@script:python@
p << leakbranch.p;
pr << leakbranch.pr;
@@

why(p, pr[0].line, "the error path returning at line %s does not disable runtime PM" % pr[0].line)

// ... any return but 0 after a goto ...
@leakgoto exists@
expression E, E2, RE;
identifier l;
position p, pr;
@@

pm_runtime_enable@p(E);
... when != pm_runtime_disable(E2)
goto l;
... when != pm_runtime_disable(E2)
(
return 0;
|
return@pr RE;
)

@script:python@
p << leakgoto.p;
pr << leakgoto.pr;
@@

why(p, pr[0].line, "the error path returning at line %s does not disable runtime PM" % pr[0].line)

// ... or of a variable set and returned without a test.
@leakvar exists@
expression E, E2, RE;
local idexpression X;
position p, pr;
@@

pm_runtime_enable@p(E);
... when any
    when != pm_runtime_disable(E2)
X = RE;
... when != X
    when != pm_runtime_disable(E2)
return@pr X;

@script:python@
p << leakvar.p;
pr << leakvar.pr;
@@

why(p, pr[0].line, "the error path returning at line %s does not disable runtime PM" % pr[0].line)

// devres registered after the enable is released before devres disables
// runtime PM: only IRQs and interfaces (torn down first anyway) are fine.
@devres exists@
expression E;
identifier D =~ "^devm_";
position p, pd;
@@

pm_runtime_enable@p(E);
... when any
D@pd(...)

@script:python@
p << devres.p;
pd << devres.pd;
D << devres.D;
@@

if not re.match(r"^devm_(request_irq|request_threaded_irq|request_any_context_irq|\w*register\w*)$", D) \
   and D != "devm_pm_runtime_enable":
    why(p, pd[0].line, "%s() at line %s registers devres that would be released while runtime PM is still enabled" % (D, pd[0].line))

// Disabled on the success path.
@succ exists@
expression E;
position pd;
@@

pm_runtime_disable@pd(E);
...
return 0;

@script:python@
pd << succ.pd;
@@

BADDIS[key(pd)] = "runtime PM is disabled on a path returning 0 (line %s)" % pd[0].line

// Error exits that undo more than runtime PM before disabling ...
@undo1 exists@
expression C, E, X;
identifier BAD !~ "^(dev_err|dev_err_probe|dev_warn|dev_warn_probe|dev_info|dev_dbg|dev_err_ratelimited|dev_warn_ratelimited|dev_err_once|dev_warn_once|pr_err|pr_warn|pr_info|pr_debug|PTR_ERR|ERR_PTR|IS_ERR|PTR_ERR_OR_ZERO|pm_runtime_[a-z_]+)$";
position pd, pb;
@@

if (C) {
... when any
(
BAD@pb(...);
|
X = BAD@pb(...);
)
...
pm_runtime_disable@pd(E);
... when any
}

@script:python@
pd << undo1.pd;
pb << undo1.pb;
BAD << undo1.BAD;
@@

BADDIS[key(pd)] = "the error path calls %s() at line %s before disabling runtime PM" % (BAD, pb[0].line)

@undo2 exists@
expression C, X;
identifier l;
identifier BAD !~ "^(dev_err|dev_err_probe|dev_warn|dev_warn_probe|dev_info|dev_dbg|dev_err_ratelimited|dev_warn_ratelimited|dev_err_once|dev_warn_once|pr_err|pr_warn|pr_info|pr_debug|PTR_ERR|ERR_PTR|IS_ERR|PTR_ERR_OR_ZERO|pm_runtime_[a-z_]+)$";
position pg, pb;
@@

if (C) {
... when any
(
BAD@pb(...);
|
X = BAD@pb(...);
)
...
goto@pg l;
}

@undo2b exists@
expression E;
identifier l;
position undo2.pg, pd;
@@

goto@pg l;
...
pm_runtime_disable@pd(E);

@script:python@
pd << undo2b.pd;
pb << undo2.pb;
BAD << undo2.BAD;
@@

BADDIS[key(pd)] = "the error path calls %s() at line %s before disabling runtime PM" % (BAD, pb[0].line)

// ... at the label they jump to ...
@undo3 exists@
expression E, E2, X;
identifier l;
identifier BAD !~ "^(dev_err|dev_err_probe|dev_warn|dev_warn_probe|dev_info|dev_dbg|dev_err_ratelimited|dev_warn_ratelimited|dev_err_once|dev_warn_once|pr_err|pr_warn|pr_info|pr_debug|PTR_ERR|ERR_PTR|IS_ERR|PTR_ERR_OR_ZERO|pm_runtime_[a-z_]+)$";
position pd, pb;
@@

goto l;
... when != pm_runtime_disable(E2)
(
BAD@pb(...);
|
X = BAD@pb(...);
)
... when != pm_runtime_disable(E2)
pm_runtime_disable@pd(E);

@script:python@
pd << undo3.pd;
pb << undo3.pb;
BAD << undo3.BAD;
@@

BADDIS[key(pd)] = "the error path calls %s() at line %s before disabling runtime PM" % (BAD, pb[0].line)

// ... or do anything after it but return.
@after exists@
expression E;
identifier BAD !~ "^(dev_err|dev_err_probe|dev_warn|dev_warn_probe|dev_info|dev_dbg|dev_err_ratelimited|dev_warn_ratelimited|dev_err_once|dev_warn_once|pr_err|pr_warn|pr_info|pr_debug|PTR_ERR|ERR_PTR|IS_ERR|PTR_ERR_OR_ZERO)$";
position pd, pb;
@@

pm_runtime_disable@pd(E);
...
BAD@pb(...)

@script:python@
pd << after.pd;
pb << after.pb;
BAD << after.BAD;
@@

BADDIS[key(pd)] = "%s() at line %s runs after pm_runtime_disable() at line %s" % (BAD, pb[0].line, pd[0].line)

// int variables returned by probe, to take the result ...
@retvar@
local idexpression int X;
position p;
@@

return@p X;

@script:python@
X << retvar.X;
p << retvar.p;
@@

fn(p)["retvars"].append(X)

// ... unless read after the enable before being set again ("return X"
// aside: X is taken to be 0 there).
@retuse@
local idexpression int X;
position p;
@@

return X@p;

@script:python@
p << retuse.p;
@@

globals().setdefault("RETUSE", set()).add(key(p))

@clobber exists@
local idexpression int X;
expression E, E2, E3;
position p, pu;
@@

pm_runtime_enable@p(E);
... when != X = E2
(
X = E3
|
X@pu
)

@script:python@
p << clobber.p;
X << clobber.X;
pu << clobber.pu;
@@

RETUSE = globals().setdefault("RETUSE", set())
if key(pu) not in RETUSE:
    CLOBBER.setdefault(key(p), set()).add(X)

// Error exits before the enable that clean up (or jump to a cleanup
// ladder): a failing devm_pm_runtime_enable() would need the same.
@cleanup exists@
expression C, E, X;
identifier l;
identifier BAD !~ "^(dev_err|dev_err_probe|dev_warn|dev_warn_probe|dev_info|dev_dbg|dev_err_ratelimited|dev_warn_ratelimited|dev_err_once|dev_warn_once|pr_err|pr_warn|pr_info|pr_debug|PTR_ERR|ERR_PTR|IS_ERR|PTR_ERR_OR_ZERO)$";
position p, pb;
@@

(
if (C) {
... when any
(
BAD@pb(...);
|
X = BAD@pb(...);
)
... when any
return ...;
}
|
if (C) {
... when any
goto@pb l;
}
|
if (C)
goto@pb l;
)
... when any
pm_runtime_enable@p(E);

@script:python@
p << cleanup.p;
pb << cleanup.pb;
@@

CLEANUP.setdefault(key(p), pb[0].line)

// An enable right before "return 0": "return devm_pm_runtime_enable()".
@tail@
expression E;
position p;
@@

pm_runtime_enable@p(E);
return 0;

@script:python@
p << tail.p;
@@

TAIL.add(key(p))

//----------------------------------------------------------
//  Decision
//----------------------------------------------------------

@script:python@
p << en.p;
E << en.E;
@@

def decide(p, E):
    file, P = p[0].file, p[0].current_element
    removes = DRV.get((file, P))
    if not removes:
        return		# not a probe, or no remove: not a candidate
    f = fn(p)
    if len(f["enable"]) != 1 or key(p) in NESTED:
        return
    rdis = []
    for R in sorted(removes):
        fr = fn(p, R)
        rdis += [(R, fr, pd, E2) for (pd, E2) in fr["disable"] if same_device(E, E2)]
    if not rdis:
        return		# remove does not disable: another problem
    reasons = sorted(WHY.get(key(p), []))
    for (R, fr, pd, E2) in rdis:
        if len(fr["disable"]) != 1 or fr["rlast"] != key(pd):
            reasons.append((int(pd[0].line), "pm_runtime_disable() at line %s is not the last statement of %s(): devm_pm_runtime_enable() would disable runtime PM only after the rest of %s() and the devres released before it" % (pd[0].line, R, R)))
        elif fr["early"]:
            reasons.append((int(pd[0].line), "%s() does not reach pm_runtime_disable() on every path" % R))
        elif f["autosuspend"] and not fr["rlast_du"]:
            reasons.append((int(pd[0].line), "devm_pm_runtime_enable() would also call pm_runtime_dont_use_autosuspend() at unbind, which %s() does not" % R))
        elif f["autosuspend"] and "i2c_driver" not in DRVTYPE.get((file, P), ""):
            reasons.append((int(pd[0].line), "pm_runtime_dont_use_autosuspend() in %s() may suspend the device at once; from devres it would run after the bus detached the PM domain (platform_remove()), on a device that may be off" % R))
    pdis = [(q, E2) for (q, E2) in f["disable"] if key(q) in REACH.get(key(p), set())]
    for (q, E2) in pdis:
        if not same_device(E, E2):
            reasons.append((int(q[0].line), "pm_runtime_disable() at line %s may be of another device" % q[0].line))
        elif key(q) in BADDIS:
            reasons.append((int(q[0].line), BADDIS[key(q)]))
    # devm_pm_runtime_enable() can fail: what must be undone then?  An
    # error path after the enable that only disables shows: nothing else.
    # Without one, only a remove() that does nothing else shows it.  And
    # error exits before the enable must do nothing but return.
    if not pdis:
        for (R, fr, pd, E2) in rdis:
            if not fr["only_disable"]:
                reasons.append((int(p[0].line), "no error path after pm_runtime_enable() shows what a failing devm_pm_runtime_enable() would have to undo, and %s() does more than disable runtime PM" % R))
                break
    if key(p) in CLEANUP:
        reasons.append((int(p[0].line), "the error path at line %s cleans up: a failing devm_pm_runtime_enable() would have to as well" % CLEANUP[key(p)]))
    # The devres action lives on the device it is given: it must be the
    # probed one, spelled &pdev->dev or held in a local (dev = &pdev->dev).
    # A member (priv->dev) may be another device: a parent's devres would
    # outlive this driver (spi-rpc-if.c enables its parent's runtime PM).
    if not re.match(r"^(&\s*\w+\s*->\s*dev|\w+)$", c(E)):
        reasons.append((int(p[0].line), "the enabled device %s may not be the probed device, and devm_pm_runtime_enable() would tie runtime PM to its lifetime" % c(E)))
    names = [x for x in ("ret", "err", "error", "rc", "rv", "status") if x in f["retvars"]]
    names += [x for x in f["retvars"] if x not in names]
    names = [x for x in names if x not in CLOBBER.get(key(p), set())]
    if not names and key(p) not in TAIL:
        reasons.append((int(p[0].line), "%s() has no int variable free to take the result of devm_pm_runtime_enable()" % P))
    R = ", ".join("%s()" % r for r in sorted(removes))
    if reasons:
        MSG[key(p)] = "pm_runtime_enable() could become devm_pm_runtime_enable(), but %s" % reasons[0][1]
        return
    MSG[key(p)] = "pm_runtime_enable() is undone by pm_runtime_disable() at the end of %s%s: use devm_pm_runtime_enable()" % (R, " and on the error paths" if pdis else "")
    if key(p) in TAIL:
        FIX_TAIL.add((file, P))
    else:
        FIX_ENABLE[key(p)] = names[0]
        FIX_FN[(file, P)] = names[0]
    for (q, E2) in pdis:
        FIX_DIS.add(key(q))
    for (R, fr, pd, E2) in rdis:
        FIX_DIS.add(key(pd))
        # the name is used by ".remove = R" only
        if fr["only_disable"] and fr["refs"] == 1:
            FIX_REMOVE.add((file, R))

decide(p, E)

//----------------------------------------------------------
//  For patch mode
//----------------------------------------------------------

// Positions name the code as it was before any change: once a function is
// changed, it is parsed again and its positions change.  So the disables
// go first, by position; the enable last, by function name.

// The remove functions left with nothing to do, and their initializer.
@depends on patch@
identifier R : script:python () { (CUR[0], R) in FIX_REMOVE };
@@

- R(...) {
- ...
- }

@depends on patch@
identifier s, fr =~ "^(remove|remove_new)$";
identifier R : script:python () { (CUR[0], R) in FIX_REMOVE };
type T;
@@

T s = { ...,
- .fr = R,
  ...
  };

// A local of remove used only by the disable goes with it.
@depends on patch@
type T;
identifier x;
expression E0;
position p : script:python () { key(p) in FIX_DIS };
@@

- T x = E0;
  ... when != x
(
- pm_runtime_dont_use_autosuspend(<+... x ...+>);
- pm_runtime_disable@p(<+... x ...+>);
|
- pm_runtime_disable@p(<+... x ...+>);
)
  ... when != x

// An error branch that would be left empty ("if (ret < 0) disable;")
// goes with its test.
@depends on patch@
identifier x;
expression E;
position p : script:python () { key(p) in FIX_DIS };
@@

(
- if (x < 0)
- pm_runtime_disable@p(E);
|
- if (x)
- pm_runtime_disable@p(E);
)

// The other disables; an error branch left with only its return or goto
// loses its braces.
@depends on patch@
identifier l;
expression E, C, RE;
position p : script:python () { key(p) in FIX_DIS };
@@

(
- if (C) {
- pm_runtime_dont_use_autosuspend(E);
- pm_runtime_disable@p(E);
- return RE;
- }
+ if (C)
+	return RE;
|
- if (C) {
- pm_runtime_disable@p(E);
- return RE;
- }
+ if (C)
+	return RE;
|
- if (C) {
- pm_runtime_dont_use_autosuspend(E);
- pm_runtime_disable@p(E);
- goto l;
- }
+ if (C)
+	goto l;
|
- if (C) {
- pm_runtime_disable@p(E);
- goto l;
- }
+ if (C)
+	goto l;
|
- pm_runtime_dont_use_autosuspend(E);
- pm_runtime_disable@p(E);
|
- pm_runtime_disable@p(E);
)

@depends on patch@
expression E;
position p : script:python () { (CUR[0], p[0].current_element) in FIX_TAIL };
@@

- pm_runtime_enable@p(E);
- return 0;
+ return devm_pm_runtime_enable(E);

@script:python mkvar depends on patch@
p << en.p;
x;
@@

if key(p) in FIX_ENABLE:
    coccinelle.x = cocci.make_ident(FIX_ENABLE[key(p)])
else:
    cocci.include_match(False)

@depends on patch@
expression E;
identifier mkvar.x;
position p : script:python (x) { FIX_FN.get((CUR[0], p[0].current_element)) == str(x) };
@@

- pm_runtime_enable@p(E);
+ x = devm_pm_runtime_enable(E);
+ if (x)
+	return x;

//----------------------------------------------------------
//  For context mode
//----------------------------------------------------------

@depends on context@
expression E;
position p : script:python () { key(p) in MSG };
@@

* pm_runtime_enable@p(E);

//----------------------------------------------------------
//  For org and report mode
//----------------------------------------------------------

@pr depends on org || report@
expression E;
position p : script:python () { key(p) in MSG };
@@

pm_runtime_enable@p(E);

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
