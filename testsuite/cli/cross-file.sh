#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cross-file.sh RPMCHECK - the cross-file fact database (--db FILE): what
# checking foo_core.c records about its non-static functions changes
# what is reported in foo_main.c and back, one fact of each kind.  rpm:
# foo_pm_get() returns 0 holding a usage count, foo_read() leaks it.
# sleep: foo_settle() calls msleep() and is called under a spinlock (the
# note names the msleep).  entry: foo_main.c gives foo_irq() to
# request_irq(), its msleep() is reported in foo_core.c.  unlock:
# wt_release() only does spin_unlock_bh(), so after local_bh_disable()
# and wt_grab() (takes the lock; no fact says so) it enables bottom
# halves: wt_resume() is fine, wt_resume_forgets() warns once, on the
# false branch; wt_release_nobh() (spin_unlock) does not.  None of these
# without --db.  A directory run with --db reports each once (pass 1 is
# silent), the same byte for byte with -j1 and -j2.  Single-file runs
# with --db read what earlier runs recorded and record their own file;
# facts of a file changed since are ignored until it is checked again.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$tmp"
mkdir d
cat > d/foo.h <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct wt {
	struct device *dev;
	spinlock_t reg_lock;
	struct mutex m;
	unsigned int status;
	bool powered;
};
C
cat > d/foo_core.c <<'C'
// SPDX-License-Identifier: GPL-2.0
/* foo core: runtime PM, reset and register-window helpers */
#include <linux/pm_runtime.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include "foo.h"

int foo_pm_get(struct device *dev)
{
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;
	return 0;
}

void foo_settle(struct wt *t)
{
	msleep(20);	/* the PLL locks within 20 ms of a reset */
}

irqreturn_t foo_irq(int irq, void *data)
{
	msleep(1);	/* let the FIFO drain */
	return IRQ_HANDLED;
}

bool wt_grab(struct wt *t)
{
	spin_lock(&t->reg_lock);
	return true;
}

void wt_release(struct wt *t)
{
	spin_unlock_bh(&t->reg_lock);
}

void wt_release_nobh(struct wt *t)
{
	spin_unlock(&t->reg_lock);
}
C
cat > d/foo_main.c <<'C'
// SPDX-License-Identifier: GPL-2.0
/* foo main: register access, reset, probe and resume */
#include <linux/pm_runtime.h>
#include <linux/interrupt.h>
#include "foo.h"

/* foo_core.c */
int foo_pm_get(struct device *dev);
void foo_settle(struct wt *t);
extern irqreturn_t foo_irq(int irq, void *data);
bool wt_grab(struct wt *t);
void wt_release(struct wt *t);
void wt_release_nobh(struct wt *t);

static DEFINE_SPINLOCK(foo_lock);

int foo_read(struct wt *t, unsigned int *val)
{
	int ret = foo_pm_get(t->dev);

	if (ret)
		return ret;
	if (!t->powered)
		return -EIO;
	*val = t->status;
	pm_runtime_put(t->dev);
	return 0;
}

void foo_reset(struct wt *t)
{
	unsigned long flags;

	spin_lock_irqsave(&foo_lock, flags);
	foo_settle(t);
	spin_unlock_irqrestore(&foo_lock, flags);
}

int foo_probe(struct wt *t, int irq)
{
	return request_irq(irq, foo_irq, 0, "foo", t);
}

int wt_resume(struct wt *t)
{
	local_bh_disable();
	if (wt_grab(t))
		wt_release(t);
	else
		local_bh_enable();
	mutex_lock(&t->m);
	mutex_unlock(&t->m);
	return 0;
}

int wt_resume_forgets(struct wt *t)
{
	local_bh_disable();
	if (wt_grab(t))
		wt_release(t);
	mutex_lock(&t->m);
	mutex_unlock(&t->m);
	return 0;
}

int wt_resume_nobh(struct wt *t)
{
	local_bh_disable();
	if (wt_grab(t))
		wt_release_nobh(t);
	else
		local_bh_enable();
	mutex_lock(&t->m);
	mutex_unlock(&t->m);
	return 0;
}
C

m=d/foo_main.c
leak="$m:24:3: warning: 'foo_read' returns an error with the runtime PM usage count of 't->dev' still raised [-Wrpm-leak]"
leak_note="$m:19:12: note: 'foo_pm_get' raises the usage count here"
settle="$m:35:2: warning: 'foo_settle' may sleep but 'foo_reset' holds spinlock '&foo_lock' (taken at line 34) [-Wsleep-in-atomic]"
settle_note="$m:35:2: note: 'foo_settle' may sleep: it calls 'msleep' at d/foo_core.c:20"
irq="d/foo_core.c:25:2: warning: 'msleep' may sleep but it runs in hard IRQ handler 'foo_irq' (registered at $m:41 by request_irq) [-Wsleep-in-atomic]"
irq_note="d/foo_core.c:23:13: note: 'foo_irq' is registered as a hard IRQ handler at $m:41"
bh="runs with bottom halves disabled by local_bh_disable"
resume="$m:51:2: warning: 'mutex_lock' may sleep but 'wt_resume' $bh (line 46) [-Wsleep-in-atomic]"
forgets="$m:61:2: warning: 'mutex_lock' may sleep but 'wt_resume_forgets' $bh (line 58) [-Wsleep-in-atomic]"
forgets_false="$m:59:6: note: taking the false branch of 'wt_grab(t)'"
nobh="$m:73:2: warning: 'mutex_lock' may sleep but 'wt_resume_nobh' $bh (line 68) [-Wsleep-in-atomic]"
nobh_true="$m:69:6: note: taking the true branch of 'wt_grab(t)'"

err_lacks()	{ ! err_has "$1"; }
# err_has_all FIXED... - stderr has each of them.
err_has_all()	{ local s; for s; do err_has "$s" || return 1; done; }
# ok_and PREDICATE [ARG...] - exit status 0 and PREDICATE holds.
ok_and()	{ status_is 0 && "$@"; }
warnings()	{ err_count "$1" ': warning: '; }
# wt_resume is not reported, wt_resume_forgets is (the same rule ran).
resume_fine()	{ err_lacks "'wt_resume'" && err_has "$forgets"; }
# Neither foo_read's leak nor foo_reset's sleep.
no_rpm_sleep()	{ err_lacks "'foo_read'" && err_lacks "'foo_reset'"; }
# findings LEAKS SLEEPS - the summary's last line counts them.
findings()
{
	tail -n 1 <<<"$err" | grep -qE "^rpmcheck: findings: rpm-leak $1, .*, sleep-in-atomic $2(,|\$)"
}

# ---- without the database: none of the cross-file findings ----

rpm $m
check "foo_main.c alone, no --db: exit 0, wt_resume warns (wt_release's unlock unknown)" \
	ok_and err_has "$resume"
check "foo_main.c alone, no --db: no leak through foo_pm_get, foo_settle not known to sleep" \
	no_rpm_sleep
check "foo_main.c alone, no --db: 3 warnings, the wt_resume* ones" warnings 3

rpm -j1 d
check "dir, no --db: exit 0, wt_resume warns" ok_and err_has "$resume"
check "dir, no --db: findings rpm-leak 0, sleep-in-atomic 3 (the wt_resume* ones)" \
	findings 0 3
check "dir, no --db: foo_irq not known as an IRQ handler" err_lacks "'foo_irq'"

# ---- a directory run with --db ----

for j in 1 2; do
	rm -f "$tmp"/dir.db*
	rpm -j$j --db "$tmp/dir.db" d
	check "dir --db -j$j: exit 0" status_is 0
	check "dir --db -j$j: rpm: foo_read leaks foo_pm_get's count" \
		err_has_all "$leak" "$leak_note"
	check "dir --db -j$j: sleep: foo_settle under foo_lock, note naming the msleep" \
		err_has_all "$settle" "$settle_note"
	check "dir --db -j$j: entry: foo_irq's msleep in a hard IRQ handler registered in foo_main.c" \
		err_has_all "$irq" "$irq_note"
	check "dir --db -j$j: unlock: wt_resume is fine" resume_fine
	check "dir --db -j$j: unlock: wt_resume_forgets warns, on wt_grab's false branch" \
		err_has_all "$forgets" "$forgets_false"
	check "dir --db -j$j: unlock spin_unlock: wt_resume_nobh warns, on wt_grab's true branch" \
		err_has_all "$nobh" "$nobh_true"
	check "dir --db -j$j: 5 warnings: each of those once (pass 1 says nothing)" warnings 5
	check "dir --db -j$j: findings rpm-leak 1, sleep-in-atomic 4" findings 1 4
	sed -E 's/(timed out); [0-9]+\.[0-9] s$/\1/' "$tmp/.err" > "$tmp/err.j$j"
done
check "dir --db: -j2 output is -j1's, byte for byte" cmp -s "$tmp/err.j1" "$tmp/err.j2"

# What the database holds (only when the sqlite3 program is there).
if command -v sqlite3 >/dev/null 2>&1; then
	rows=$(sqlite3 "$tmp/dir.db" "SELECT func || ' ' || kind || ' ' || data FROM facts
		WHERE kind IN ('unlock', 'entry') ORDER BY func" 2>&1 | tr '\n' , || true)
	check "db: unlock facts name the API, foo_irq is an entry (none for wt_grab)" \
		test "$rows" = "foo_irq entry hardirq 41 request_irq $m,wt_release unlock spin_unlock_bh,wt_release_nobh unlock spin_unlock,"
else
	skip "the database's rows: no sqlite3 program"
fi

# ---- single-file runs with --db, one after the other ----

db=$tmp/one.db
rpm --db "$db" d/foo_core.c
check "foo_core.c --db, first: exit 0, nothing (no file registered foo_irq yet)" \
	ok_and no_output
rpm --db "$db" $m
check "foo_main.c --db after foo_core.c: exit 0, the leak, foo_settle under foo_lock" \
	ok_and err_has_all "$leak" "$settle" "$settle_note"
check "foo_main.c --db after foo_core.c: wt_resume is fine" resume_fine
check "foo_main.c --db after foo_core.c: 4 warnings" warnings 4
rpm --db "$db" d/foo_core.c
check "foo_core.c --db after foo_main.c: foo_irq as a hard IRQ handler" \
	err_has_all "$irq" "$irq_note"
check "foo_core.c --db after foo_main.c: only that warning" warnings 1

# A changed file's facts are ignored until it is checked again.
echo '/* changed */' >> d/foo_core.c
rpm --db "$db" $m
check "foo_core.c changed: exit 0, wt_release's unlock fact ignored" ok_and err_has "$resume"
check "foo_core.c changed: its rpm and sleep facts too" no_rpm_sleep
rpm --db "$db" d/foo_core.c
rpm --db "$db" $m
check "foo_core.c checked again: foo_main.c --db sees the leak, foo_settle's sleep again" \
	err_has_all "$leak" "$settle"
check "foo_core.c checked again: and wt_release's unlock" resume_fine

finish
