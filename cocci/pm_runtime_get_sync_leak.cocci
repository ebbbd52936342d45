// SPDX-License-Identifier: GPL-2.0
/// pm_runtime_get_sync() raises the runtime PM usage count even when it
/// fails.  An error branch after it that returns, directly or through a
/// goto, without any put leaves the device powered for good.
///
/// The fix is the smallest change that keeps the behaviour:
/// pm_runtime_resume_and_get(), which drops the count itself on failure,
/// when the result is only tested in the if or is kept in a local
/// variable that nothing reads again before overwriting it (resume_and_get
/// returns 0 where get_sync returned 1); otherwise pm_runtime_put_noidle()
/// in the error branch.
///
/// Left alone: error branches that put, or may put, already (in the branch,
/// at a goto's label, in a helper of the file that puts); tests that are
/// not pure error checks (if (ret) is also true for 1); branches that may
/// fall through, break or continue; functions that keep the reference on
/// success when a caller in the file drops it after a failure or ignores
/// the failure, or when they return nothing or are not static (the put
/// then lives in a caller or in a paired ->disable()).
///
// Confidence: High
// Copyright: (C) 2026 The rpmcheck authors
// Options: --no-includes --include-headers
// Keywords: pm_runtime
// Requires: 1.0.8
// rpmcheck-rule: rpm-leak

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@

import re

# Runtime PM puts, and the wrappers drivers name like them.
put_name = re.compile(r"runtime_put|pm_put|rpm_put|autopm_put|power_put"
                      r"|^__pm_runtime_idle$|^__pm_runtime_suspend$")
local_putters = set()   # functions of this file whose body puts
site_fns = set()        # functions with a candidate site
value_fns = set()       # ... static, returning a value
calls = {}              # ... their calls in this file
tested_calls = set()    # ... calls whose result is tested
caller_drops = set()    # ... whose failure a caller answers with a put
drops_on_success = set()  # sites whose success path puts
convert_at = set()
noidle_at = set()
exit_at = set()

def where(p):
	return (p[0].current_element, p[0].line, p[0].column)

def is_put(f):
	return put_name.search(f) is not None or f in local_putters

def fixable(p):
	fn = p[0].current_element
	if fn in caller_drops:
		return False
	if where(p) in drops_on_success:
		return True
	return fn in value_fns and calls.get(fn, set()) <= tested_calls

//----------------------------------------------------------
//  Detection
//----------------------------------------------------------

@putter exists@
identifier fn;
identifier putfn : script:python() { put_name.search(putfn) is not None };
@@

fn(...) { <+... putfn(...) ...+> }

@script:python@
fn << putter.fn;
@@

local_putters.add(fn)

// Error paths that drop a count, or may: never touched.
@puts exists@
expression dev, ret, E;
identifier putfn : script:python() { is_put(putfn) };
position p;
@@

(
ret = pm_runtime_get_sync@p(dev);
if (\(ret < 0\|unlikely(ret < 0)\|WARN_ON(ret < 0)\|WARN_ON_ONCE(ret < 0)\|ret < 0 && E\)) {
  ...
(
  return <+... putfn(...) ...+>;
|
  putfn(...)
  ...
  return ...;
)
}
|
if (\(pm_runtime_get_sync@p(dev) < 0\|unlikely(pm_runtime_get_sync@p(dev) < 0)\|WARN_ON(pm_runtime_get_sync@p(dev) < 0)\|WARN_ON_ONCE(pm_runtime_get_sync@p(dev) < 0)\)) {
  ...
(
  return <+... putfn(...) ...+>;
|
  putfn(...)
  ...
  return ...;
)
}
)

// An error branch whose every path returns, directly or through a goto
// and the code at its label, without any put.  ret < 0 && E (such as
// ret != -EACCES) implies a failure without being the only one: it gets
// a put_noidle, never the conversion.
@leak@
expression dev, ret, E;
identifier putfn : script:python() { is_put(putfn) };
position p != puts.p, pc;
@@

(
ret = pm_runtime_get_sync@p(dev);
if@pc (\(ret < 0\|unlikely(ret < 0)\|WARN_ON(ret < 0)\|WARN_ON_ONCE(ret < 0)\|ret < 0 && E\)) {
  ... when != putfn(...)
      when != break;
      when != continue;
  return ...;
}
|
if@pc (\(pm_runtime_get_sync@p(dev) < 0\|unlikely(pm_runtime_get_sync@p(dev) < 0)\|WARN_ON(pm_runtime_get_sync@p(dev) < 0)\|WARN_ON_ONCE(pm_runtime_get_sync@p(dev) < 0)\)) {
  ... when != putfn(...)
      when != break;
      when != continue;
  return ...;
}
)

//----------------------------------------------------------
//  Whose put is it?  The function's own when its success path
//  puts.  Otherwise the function keeps the reference, and its
//  failure is a leak when it returns an error to callers that
//  see it and do not put: a static function returning a value,
//  not called in the file (a callback) or only where its result
//  is tested, and never by a caller that puts after it fails.
//----------------------------------------------------------

@script:python@
p << leak.p;
@@

site_fns.add(p[0].current_element)

@success_puts exists@
position leak.pc, pp;
identifier putfn : script:python() { is_put(putfn) };
statement S;
@@

if@pc (...) S
...
putfn@pp(...)

@script:python@
pc << leak.pc;
pp << success_puts.pp;
@@

drops_on_success.add(where(pc))

@static_def@
type T;
identifier fn;
@@

static T fn(...) { ... }

@script:python@
t << static_def.T;
fn << static_def.fn;
@@

if fn in site_fns and \
   [w for w in t.split() if not w.startswith("__")] != ["void"]:
	value_fns.add(fn)

@call@
identifier fn;
position pcall;
@@

fn@pcall(...)

@script:python@
fn << call.fn;
pcall << call.pcall;
@@

if fn in site_fns:
	calls.setdefault(fn, set()).add(where(pcall))

// Calls whose failure the caller sees and answers by returning (a result
// ignored, passed on or followed by more work may meet a put elsewhere).
@tested_call@
identifier fn;
expression E;
position pcall;
@@

(
E = fn@pcall(...);
if (<+... E ...+>) {
  ... when != break;
      when != continue;
  return ...;
}
|
if (<+... fn@pcall(...) ...+>) {
  ... when != break;
      when != continue;
  return ...;
}
)

@script:python@
fn << tested_call.fn;
pcall << tested_call.pcall;
@@

if fn in site_fns:
	tested_calls.add(where(pcall))

@dropping_caller exists@
identifier fn;
identifier putfn : script:python() { is_put(putfn) };
expression E;
@@

(
E = fn(...);
if (<+... E ...+>) {
  ...
  putfn(...)
  ...
  return ...;
}
|
if (<+... fn(...) ...+>) {
  ...
  putfn(...)
  ...
  return ...;
}
)

@script:python@
fn << dropping_caller.fn;
@@

caller_drops.add(fn)

@site@
position leak.p, leak.pc;
position ps, pcs : script:python() { fixable(pcs) };
expression E;
statement S;
@@

(
E = pm_runtime_get_sync@p@ps(...);
if@pc@pcs (...) S
|
if@pc@pcs (<+... pm_runtime_get_sync@p@ps(...) ...+>) S
)

// Where the error branch leaves: the put goes there.
@exit exists@
position site.pcs, q;
identifier l;
@@

if@pcs (...) {
  <+...
(
  return@q ...;
|
  goto@q l;
)
  ...+>
}

//----------------------------------------------------------
//  Which fix: resume_and_get or put_noidle
//----------------------------------------------------------

@assigned@
expression ret, E;
position pa;
@@

ret@pa = E

// The value is read on the success path before being overwritten: its 1
// may matter (if (ret == 1), return ret, ret |= ...).
@used exists@
expression leak.ret, E;
position site.ps, site.pcs, pused, pu != assigned.pa;
statement S;
@@

ret = pm_runtime_get_sync@ps@pused(...);
if@pcs (...) S
... when != ret = E
ret@pu

// A local variable tested only for an error and not read again before
// being overwritten, or a call whose result is only tested in the if.
@convert@
local idexpression r;
position site.ps, site.pcs, pv != used.pused, pconv;
statement S;
@@

(
r = pm_runtime_get_sync@ps@pv@pconv(...);
if@pcs (\(r < 0\|unlikely(r < 0)\|WARN_ON(r < 0)\|WARN_ON_ONCE(r < 0)\)) S
|
if@pcs (\(pm_runtime_get_sync@ps@pconv(...) < 0\|unlikely(pm_runtime_get_sync@ps@pconv(...) < 0)\|WARN_ON(pm_runtime_get_sync@ps@pconv(...) < 0)\|WARN_ON_ONCE(pm_runtime_get_sync@ps@pconv(...) < 0)\)) S
)

// The other sites get a put_noidle in the error branch.
@noidle@
position site.ps, pn != convert.pconv;
@@

pm_runtime_get_sync@ps@pn(...)

//----------------------------------------------------------
//  For patch mode
//----------------------------------------------------------

@script:python depends on patch@
p << convert.pconv;
@@

convert_at.add(where(p))

@script:python depends on patch@
p << noidle.pn;
q << exit.q;
@@

noidle_at.add(where(p))
exit_at.add(where(q))

// Both fixes in one rule: positions do not survive a transformation.
@depends on patch exists@
expression d, ret;
position pc : script:python() { where(pc) in convert_at };
position pn : script:python() { where(pn) in noidle_at };
position q : script:python() { where(q) in exit_at };
identifier l;
statement S;
@@

(
ret =
- pm_runtime_get_sync@pc
+ pm_runtime_resume_and_get
  (...);
|
if (<+...
- pm_runtime_get_sync@pc
+ pm_runtime_resume_and_get
  (...)
  ...+>) S
|
ret = pm_runtime_get_sync@pn(d);
if (...) {
  <+...
(
+ pm_runtime_put_noidle(d);
  return@q ...;
|
+ pm_runtime_put_noidle(d);
  goto@q l;
)
  ...+>
}
)

//----------------------------------------------------------
//  For context mode
//----------------------------------------------------------

@depends on context@
position site.ps;
@@

* pm_runtime_get_sync@ps(...)

@depends on context@
position exit.q;
identifier l;
@@

(
* return@q ...;
|
* goto@q l;
)

//----------------------------------------------------------
//  For org and report mode
//----------------------------------------------------------

@script:python depends on org@
p << site.ps;
q << exit.q;
@@

msg = "pm_runtime_get_sync() raises the usage count even when it fails: this error path returns without dropping it"
coccilib.org.print_todo(q[0], msg)
coccilib.org.print_link(p[0], "pm_runtime_get_sync()")

@script:python depends on report@
q << exit.q;
@@

msg = "pm_runtime_get_sync() raises the usage count even when it fails: this error path returns without dropping it"
coccilib.report.print_report(q[0], msg)
