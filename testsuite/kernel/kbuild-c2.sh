#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kbuild-c2.sh RPMCHECK - "make C=2 CHECK=rpmcheck" in a real, prepared
# kernel tree: kbuild runs rpmcheck with its full gcc command line, the
# build goes on (exit 0), and rpmcheck's warnings appear with their rule.
# Then CHECK="rpmcheck --db F" under make -j4: every file's facts reach
# the shared database intact.
#
# Uses the tree scripts/kernel-tree.sh prepares ($RPMCHECK_CACHE, default
# /var/cache/rpmcheck); without one it skips (exit 77) rather than
# spending minutes installing and preparing a kernel.
set -euo pipefail

rpmcheck=$(realpath "$1")
tree=${RPMCHECK_CACHE:-/var/cache/rpmcheck}/linux-source-6.12
objs=(drivers/thermal/imx_thermal.o drivers/iio/light/apds9306.o)

if [ ! -f "$tree/include/generated/autoconf.h" ]; then
	echo "SKIP: no prepared kernel tree at $tree (run scripts/kernel-tree.sh)"
	exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$tree"
if ! make -s C=2 CHECK="$rpmcheck" "${objs[@]}" > "$out" 2>&1; then
	cat "$out"
	echo "FAIL: make C=2 CHECK=rpmcheck failed"
	exit 1
fi
fail=0
expect() {
	if grep -qF -- "$1" "$out"; then
		echo "ok: $1"
	else
		echo "FAIL: missing: $1"
		fail=1
	fi
}
# Each is a bug in Linux 6.12 (error paths that keep or over-drop a count).
expect "drivers/thermal/imx_thermal.c:270:3: warning: 'imx_get_temp' returns an error with the runtime PM usage count of 'data->dev' still raised [-Wrpm-leak]"
expect "drivers/thermal/imx_thermal.c:346:3: warning: 'imx_set_trip_temp' returns an error with the runtime PM usage count of 'data->dev' still raised [-Wrpm-leak]"
expect "drivers/iio/light/apds9306.c:480:3: warning: 'apds9306_read_data' returns an error with the runtime PM usage count of 'data->dev' still raised [-Wrpm-leak]"
if grep -q "error:" "$out"; then
	grep "error:" "$out"
	echo "FAIL: rpmcheck reported errors"
	fail=1
fi

# CHECK="rpmcheck --db F" with make -j4: every process records its
# file's facts in the same database at once; none may be lost.
db_objs=(drivers/thermal/imx_thermal.o drivers/iio/light/apds9306.o
	 drivers/i2c/busses/i2c-imx.o drivers/spi/spi-ti-qspi.o
	 drivers/mmc/host/sdhci-esdhc-imx.o drivers/i2c/busses/i2c-cadence.o)
db=$(mktemp -d)/facts.sqlite
if ! make -s -j4 C=2 CHECK="$rpmcheck --db $db" "${db_objs[@]}" > "$out" 2>&1; then
	cat "$out"
	echo "FAIL: make -j4 C=2 CHECK='rpmcheck --db' failed"
	exit 1
fi
if ! command -v sqlite3 > /dev/null; then
	echo "FAIL: sqlite3 (the command) is missing: scripts/setup.sh installs it"
	exit 1
fi
for o in "${db_objs[@]}"; do
	n=$(sqlite3 "$db" "select count(*) from files where path = '$tree/${o%.o}.c'")
	if [ "$n" = 1 ]; then
		echo "ok: --db recorded ${o%.o}.c"
	else
		echo "FAIL: --db has $n rows for ${o%.o}.c"
		fail=1
	fi
done
check=$(sqlite3 "$db" "pragma integrity_check")
if [ "$check" = ok ]; then
	echo "ok: the database is intact"
else
	echo "FAIL: integrity_check says: $check"
	fail=1
fi
# These drivers' functions are all static: a file row each, no facts.
n=$(sqlite3 "$db" "select count(*) from facts")
echo "facts recorded: $n"
rm -rf "$(dirname "$db")"
exit $fail
