#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cross-file-kept.sh RPMCHECK - a helper of another file that records its
# reference in the object (bar_grab() stores bar->mode, a field it
# tests, after the get) hands it to the object: with --db, bar_main.c's
# error return after bar_grab() is not a leak, while its error return
# after bar_take() (which records nothing) is.  Without --db neither
# helper is known and nothing is reported.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$tmp"
cat > bar.h <<'C'
#include <linux/device.h>
#include <linux/pm_runtime.h>

struct bar {
	struct device *dev;
	int mode;
};
int bar_grab(struct bar *bar);
int bar_take(struct bar *bar);
int bar_program(struct bar *bar);
C
cat > bar_core.c <<'C'
#include "bar.h"

int bar_grab(struct bar *bar)
{
	if (bar->mode)
		return -EBUSY;
	pm_runtime_get_sync(bar->dev);
	bar->mode = 1;
	return 0;
}

int bar_take(struct bar *bar)
{
	if (bar->mode)
		return -EBUSY;
	pm_runtime_get_sync(bar->dev);
	return 0;
}
C
cat > bar_main.c <<'C'
#include "bar.h"

int bar_start(struct bar *bar)
{
	int ret = bar_grab(bar);

	if (ret)
		return ret;
	ret = bar_program(bar);
	if (ret)
		return ret;
	bar->mode = 0;
	pm_runtime_put(bar->dev);
	return 0;
}

int bar_start_unrecorded(struct bar *bar)
{
	int ret = bar_take(bar);

	if (ret)
		return ret;
	ret = bar_program(bar);
	if (ret)
		return ret;
	pm_runtime_put(bar->dev);
	return 0;
}
C
err_lacks() { ! err_has "$1"; }
warnings() { [ "$(grep -c ': warning: ' <<<"$err" || true)" -eq "$1" ]; }

rpm bar_main.c
check "no --db: nothing known, nothing reported" warnings 0

db=$tmp/bar.sqlite
rpm --db "$db" bar_core.c
rpm --db "$db" bar_main.c
check "--db: exit 0" status_is 0
check "--db: the unrecorded reference leaks" \
	err_has "'bar_start_unrecorded' returns an error with the runtime PM usage count"
check "--db: the recorded one does not" err_lacks "'bar_start' returns"
check "--db: that is the only warning" warnings 1

finish
