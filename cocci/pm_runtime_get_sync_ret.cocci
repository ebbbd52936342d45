// SPDX-License-Identifier: GPL-2.0-only
/// pm_runtime_get_sync() and pm_runtime_resume() return 1 when the device
/// was already active, 0 when it was resumed and a negative errno on
/// failure.  A truth test of the result whose branch is error handling
/// (it returns or jumps to an error exit, or logs an error) treats the
/// "already active" success as a failure; test "< 0" instead.
///
/// Not changed: tests already written "< 0"; tests whose branch is not
/// error handling; results compared again inside the branch (ret == 1,
/// ret < 0, ...) or read after the test before being assigned again,
/// since there 1 would now reach code that saw only 0 before; tests with
/// an else branch.
///
// Confidence: High
// Copyright: (C) 2026 The rpmcheck authors
// Options: --no-includes --include-headers
// Keywords: pm_runtime
// Requires: 1.0.8
// rpmcheck-rule: rpm-get-sync-ret

virtual patch
virtual context
virtual org
virtual report

//----------------------------------------------------------
//  Tests that must stay: the value is used again
//----------------------------------------------------------

// The variable is read after the test (on the path where the test was
// false, that is 0 today) before being assigned: a 1 would reach it.
@used exists@
expression ret, E, E2, E3;
identifier F = {pm_runtime_get_sync, pm_runtime_resume};
position p;
statement S;
@@

ret = F(E);
... when != ret
if@p (\(ret\|ret != 0\)) S
... when != ret = E2
(
ret = E3
|
ret
)

// The branch tells the values apart itself (ret == 1, ret < 0, ...).
@cmp@
expression ret;
constant C;
binary operator bop = {==, !=, <, >, <=, >=};
position p;
statement S;
@@

if@p (\(ret\|ret != 0\))
(
{ <+... ret bop C ...+> }
|
if (<+... ret bop C ...+>) S
)

// A branch that returns 0 is not error handling.
@zero@
expression C;
position p;
@@

if@p (C)
(
{ <+... return 0; ...+> }
|
return 0;
)

//----------------------------------------------------------
//  Detection: a truth test of the result whose branch is error handling
//----------------------------------------------------------

@r@
idexpression ret;
expression E, RE;
identifier F = {pm_runtime_get_sync, pm_runtime_resume};
identifier l;
identifier log =~ "^(dev_err|dev_err_probe|dev_err_ratelimited|dev_err_once|dev_warn|dev_warn_ratelimited|dev_warn_once|pr_err|pr_err_ratelimited|pr_err_once|pr_warn|pr_warn_ratelimited|pr_warn_once|netdev_err|netdev_warn|drm_err|drm_warn|DRM_ERROR|DRM_DEV_ERROR|dev_WARN|dev_WARN_ONCE|WARN|WARN_ON|WARN_ONCE|WARN_ON_ONCE)$";
position p != {used.p, cmp.p, zero.p};
position pc;
@@

(
ret = F(E);
... when != ret
if@p (
(
ret@pc
|
ret@pc != 0
)
     )
(
{
<+...
(
return RE;
|
return;
|
goto l;
|
log(...);
|
pm_runtime_put_noidle(...);
)
...+>
}
|
return RE;
|
return;
|
goto l;
|
log(...);
)
|
if@p (
(
F@pc(E)
|
F@pc(E) != 0
)
     )
(
{
<+...
(
return RE;
|
return;
|
goto l;
|
log(...);
|
pm_runtime_put_noidle(...);
)
...+>
}
|
return RE;
|
return;
|
goto l;
|
log(...);
)
)

//----------------------------------------------------------
//  For patch mode
//----------------------------------------------------------

// "X != 0" also matches a plain "X" (isomorphism isnt_zero).
@depends on patch@
idexpression ret;
expression E;
identifier r.F;
position r.p;
statement S;
@@

(
if@p (
- F(E) != 0
+ F(E) < 0
  ) S
|
if@p (
- ret != 0
+ ret < 0
  ) S
)

//----------------------------------------------------------
//  For context mode
//----------------------------------------------------------

@depends on context@
expression E;
position r.pc;
@@

* E@pc

//----------------------------------------------------------
//  For org and report mode
//----------------------------------------------------------

@script:python depends on org@
pc << r.pc;
F << r.F;
@@

cocci.print_main("%s() returns 1 when the device was already active: this check treats it as an error" % F, pc)

@script:python depends on report@
pc << r.pc;
F << r.F;
@@

msg = "%s() returns 1 when the device was already active: this check treats it as an error" % F
coccilib.report.print_report(pc[0], msg)
