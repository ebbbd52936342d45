#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# warnings-switches.sh RPMCHECK - the switches that decide what is printed
# and the exit status, on a file with one known leak and a clean file:
# by default the rpm-leak warning is printed and the exit status is 0;
# -Wno-rpm-leak silences it (and -Wrpm-leak after it brings it back);
# gcc's -Wall -Werror -Wextra -Wno-unused (kbuild passes them) change
# nothing, although the file has an unused variable and a signed/unsigned
# comparison; --fail-on-warning exits 1 when a warning was printed and 0
# on a clean file or when the only warning is switched off.
# sleep-in-atomic-if-idle is off until -Wsleep-in-atomic-if-idle: by
# default the findings it would take from sleep-in-atomic are not
# printed at all, and -Wno-sleep-in-atomic silences both.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$tmp"
cat > leak.c <<'C'
#include <linux/pm_runtime.h>

int warn_leak(struct device *dev, unsigned int n)
{
	int unused;
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	if (ret == n)
		ret = 0;
	pm_runtime_put(dev);
	return 0;
}
C
cat > clean.c <<'C'
#include <linux/pm_runtime.h>

int good_get(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0) {
		pm_runtime_put_noidle(dev);
		return ret;
	}
	pm_runtime_put(dev);
	return 0;
}
C
leak_warning="leak.c:9:3: warning: 'warn_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"
one_warning() { [ "$(grep -c ': warning: ' <<<"$out"$'\n'"$err")" -eq 1 ]; }

rpm leak.c
check "default: exit 0 with a warning" status_is 0
check "default: the rpm-leak warning is printed" all_has "$leak_warning"
check "default: it is the only warning" one_warning
check "default: its notes follow it" all_has "leak.c:6:12: note: "
remember

rpm -Wno-rpm-leak leak.c
check "-Wno-rpm-leak: exit 0" status_is 0
check "-Wno-rpm-leak: nothing printed" no_output

rpm -Wno-rpm-leak -Wrpm-leak leak.c
check "-Wno-rpm-leak -Wrpm-leak: the last one wins" same_as_remembered

rpm -Wno-rpm-underflow -Wno-rpm-get-sync-ret leak.c
check "switching other rules off keeps rpm-leak" same_as_remembered

rpm -Wall -Werror -Wextra -Wno-unused leak.c
check "-Wall -Werror -Wextra -Wno-unused: same output, exit 0" same_as_remembered

rpm -Werror -Wunused-variable -Wsign-compare -Werror=sign-compare leak.c
check "-Werror with the warnings the file has: same output, exit 0" same_as_remembered

rpm --fail-on-warning leak.c
check "--fail-on-warning with a warning: exit 1" status_is 1
check "--fail-on-warning with a warning: the warning is printed" all_has "$leak_warning"

rpm --fail-on-warning clean.c
check "--fail-on-warning on a clean file: exit 0" status_is 0
check "--fail-on-warning on a clean file: nothing printed" no_output

rpm --fail-on-warning -Wno-rpm-leak leak.c
check "--fail-on-warning -Wno-rpm-leak: a silenced warning does not count" status_is 0

rpm --fail-on-warning clean.c leak.c
check "--fail-on-warning, clean file then leak: exit 1" status_is 1

rpm clean.c
check "clean file: exit 0" status_is 0
check "clean file: nothing printed" no_output

pairs=$top/testsuite/cases/sleep-idle-pairs.c
rpm "$pairs"
check "default: no sleep-in-atomic-if-idle warning" all_lacks "[-Wsleep-in-atomic-if-idle]"
check "default: the four other sleep-in-atomic warnings" \
	err_count 4 "[-Wsleep-in-atomic]"
check "default: a pair is not sleep-in-atomic either" all_lacks "sleep-idle-pairs.c:89:2: warning:"
remember

rpm -Wsleep-in-atomic-if-idle "$pairs"
check "-Wsleep-in-atomic-if-idle: the pairs are printed" \
	err_count 3 "[-Wsleep-in-atomic-if-idle]"
check "-Wsleep-in-atomic-if-idle: sleep-in-atomic unchanged" \
	err_count 4 "[-Wsleep-in-atomic]"

rpm -Wsleep-in-atomic-if-idle -Wno-sleep-in-atomic-if-idle "$pairs"
check "-Wsleep-in-atomic-if-idle -Wno-...: the last one wins" same_as_remembered

rpm -Wno-sleep-in-atomic "$pairs"
check "-Wno-sleep-in-atomic: no sleep warnings" all_lacks "[-Wsleep-in-atomic"

finish
