#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kernel-integration.sh RPMCHECK [EXPECTED] - rpmcheck's tree mode on a
# fixed list of real Linux 6.12 driver files, compared with the triaged
# warnings of kernel-integration.expected.
#
# The tree is $RPMCHECK_KERNEL_TREE, else the one scripts/kernel-tree.sh
# finds or prepares (Debian linux-source-6.12, x86_64 allmodconfig; the
# first time it installs the package and runs make prepare, several
# minutes; afterwards it only checks that the tree is there).  rpmcheck
# runs from the tree root with no compiler flags: tree mode derives
# kbuild's.  The test fails when
#   - the sorted "warning:" lines differ from the expected ones (a
#     unified diff is printed),
#   - a file did not parse, crashed or timed out, or the run did not
#     cover exactly the files of the list,
#   - an expected warning has no "# REAL: ..." / "# FP: ..." triage
#     comment above it.
# It skips (exit 77) when there is no tree and none can be prepared, or
# when the tree is not the 6.12 release the expectations were read
# against (line numbers would not match).
#
# EXPECTED (or $RPMCHECK_INTEGRATION_EXPECTED) replaces the expected
# file, e.g. to see the test fail on a doctored copy.
#
# Deliberately ignores the notes after each warning (testsuite/cases
# checks paths) and the run time (printed: about 10 s with 2 jobs).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
if [ $# -lt 1 ] || [ ! -x "$1" ]; then
	echo "usage: $0 RPMCHECK [EXPECTED]" >&2
	exit 2
fi
rpmcheck=$(realpath "$1")
expected=$(realpath "${2:-${RPMCHECK_INTEGRATION_EXPECTED:-$here/kernel-integration.expected}}")
export RPMCHECK_RULES_DIR=${RPMCHECK_RULES_DIR:-$top/rules}

# The kernel the expectations were read against (Makefile of the tree).
readonly KERNEL_VERSION=6.12.117
readonly JOBS=2
readonly TIME_BUDGET=60		# seconds per file; each takes about 0.5 s

# What each file is here for.  The directory at the end holds one file
# with nothing to check (no runtime PM, no atomic context).  A directory
# (or -j with several files) makes a many-file run, which ends with the
# summary the checks below read.
files=(
	# rpm-leak / rpm-underflow, triaged in docs/triage-6.12.md
	drivers/thermal/imx_thermal.c
	drivers/iio/light/rpr0521.c
	drivers/counter/ti-eqep.c
	drivers/dma/mediatek/mtk-uart-apdma.c
	sound/soc/sof/sof-client-ipc-msg-injector.c
	drivers/spi/spi-ti-qspi.c		# FP
	sound/soc/fsl/fsl_asrc.c		# FP
	drivers/media/i2c/ov5647.c		# FP
	drivers/char/hw_random/exynos-trng.c	# FP
	# rpm-get-sync-ret
	drivers/gpu/ipu-v3/ipu-prg.c		# FP
	drivers/slimbus/messaging.c
	# sleep-in-atomic
	drivers/rtc/rtc-ds1305.c
	drivers/char/hw_random/xgene-rng.c
	drivers/leds/flash/leds-sgm3140.c
	drivers/usb/host/max3421-hcd.c
	drivers/usb/host/xhci-hub.c		# FP
	# driver lifecycle rules (also: ti-eqep, ipu-prg, rpr0521, spi-ti-qspi,
	# sof-client-ipc-msg-injector above)
	drivers/gpio/gpio-mpc8xxx.c
	sound/soc/mediatek/mt8195/mt8195-afe-pcm.c
	drivers/remoteproc/rcar_rproc.c
	drivers/iio/adc/ti-ads1015.c
	# clean runtime-PM users: no finding expected
	drivers/i2c/busses/i2c-imx.c
	drivers/spi/spi-imx.c
	drivers/hwspinlock/omap_hwspinlock.c
	# nothing to check (prefilter): kcomedilib_main.c
	drivers/comedi/kcomedilib
)
readonly NFILES=24	# the 23 files above and the one in the directory
readonly NSKIPPED=1	# kcomedilib_main.c

skip() {
	echo "SKIP: $*"
	exit 77
}

fail=0
failed() {
	echo "FAIL: $*"
	fail=1
}

# --- the tree ---------------------------------------------------------
if [ -n "${RPMCHECK_KERNEL_TREE:-}" ]; then
	tree=$RPMCHECK_KERNEL_TREE
else
	# Progress and apt/make output go to stderr; the path is the last line.
	tree=$("$top/scripts/kernel-tree.sh" | tail -n 1)
	status=${PIPESTATUS[0]}
	if [ "$status" -eq 77 ]; then
		skip "no prepared kernel tree: scripts/kernel-tree.sh cannot install linux-source-6.12 (set RPMCHECK_KERNEL_TREE to use another tree)"
	elif [ "$status" -ne 0 ]; then
		echo "FAIL: scripts/kernel-tree.sh failed (exit $status) preparing the kernel tree"
		exit 1
	fi
fi
if [ ! -f "$tree/include/generated/autoconf.h" ]; then
	skip "no prepared kernel tree at '$tree' (run scripts/kernel-tree.sh, or make allmodconfig prepare there)"
fi
version=$(sed -n 's/^\(VERSION\|PATCHLEVEL\|SUBLEVEL\) = \([0-9]*\)$/\2/p' "$tree/Makefile" |
	head -n 3 | paste -sd.)
if [ "$version" != "$KERNEL_VERSION" ]; then
	skip "the tree at $tree is Linux $version; the expected warnings were read against $KERNEL_VERSION"
fi
for f in "${files[@]}"; do
	[ -e "$tree/$f" ] || skip "$tree has no $f"
done

# --- the expected warnings and their triage ----------------------------
[ -r "$expected" ] || { echo "FAIL: cannot read $expected"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every warning line needs a "# REAL:" or "# FP:" line since the previous
# warning (a triage comment may go on over "#   " lines).
awk '
	/^# (REAL|FP): / { verdict = 1; next }
	/: warning: / {
		if (!verdict) {
			printf "%s:%d: warning without a \"# REAL:\" or \"# FP:\" comment above it\n", FILENAME, NR
			bad = 1
		}
		verdict = 0
		next
	}
	/^#/ || /^[ \t]*$/ { next }
	{ printf "%s:%d: neither a comment nor a warning line\n", FILENAME, NR; bad = 1 }
	END { exit bad }
' "$expected" || failed "malformed $expected"
grep ': warning: ' "$expected" | LC_ALL=C sort > "$tmp/expected"

# --- the run ------------------------------------------------------------
start=$EPOCHREALTIME
(cd "$tree" && "$rpmcheck" -j"$JOBS" --no-progress --time-budget "$TIME_BUDGET" \
	"${files[@]}") > "$tmp/output" 2>&1
status=$?
seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')

grep ': warning: ' "$tmp/output" | LC_ALL=C sort > "$tmp/actual"
summary=$(grep '^rpmcheck: [0-9]* files: ' "$tmp/output")
findings=$(grep '^rpmcheck: findings: ' "$tmp/output")

if [ "$status" -ne 0 ]; then
	failed "rpmcheck exited with status $status (0 expected)"
fi
if grep -E ': (error|fatal error):' "$tmp/output"; then
	failed "rpmcheck reported errors (above)"
fi
if [ -z "$summary" ]; then
	failed "no summary line from rpmcheck (tree mode not used?)"
else
	echo "$summary"
	echo "$findings"
	read -r nfiles nchecked nskipped nbad ncrashed ntimeout < <(sed -E \
		's/^rpmcheck: ([0-9]+) files: ([0-9]+) checked, ([0-9]+) skipped \(nothing to check\), ([0-9]+) did not parse, ([0-9]+) crashed, ([0-9]+) timed out;.*/\1 \2 \3 \4 \5 \6/' \
		<<<"$summary")
	[ "${nbad:-x}" = 0 ] || failed "$nbad file(s) did not parse (0 expected)"
	[ "${ncrashed:-x}" = 0 ] || failed "$ncrashed file(s) crashed"
	[ "${ntimeout:-x}" = 0 ] || failed "$ntimeout file(s) timed out (budget $TIME_BUDGET s)"
	[ "${nfiles:-x}" = "$NFILES" ] || failed "$nfiles files run, $NFILES expected"
	[ "${nskipped:-x}" = "$NSKIPPED" ] ||
		failed "$nskipped file(s) skipped as having nothing to check, $NSKIPPED expected"
fi

if ! diff -u --label expected --label actual "$tmp/expected" "$tmp/actual"; then
	failed "warnings differ from $expected (- expected, + actual)"
fi

# The summary's counts must agree with the warning lines.
for rule in rpm-leak rpm-underflow rpm-get-sync-ret sleep-in-atomic; do
	n=$(grep -c -- "\[-W$rule\]\$" "$tmp/actual")
	sum=$(sed -nE "s/.* $rule ([0-9]+).*/\1/p" <<<"$findings")
	[ "$n" = "$sum" ] || failed "$rule: $n warning lines, summary says ${sum:-nothing}"
done

# Per rule: expected warnings and how many of them are real bugs.
awk '
	/^# REAL: / { v = "REAL" } /^# FP: / { v = "FP" }
	/: warning: / {
		match($0, /\[-W[a-z-]+\]$/)
		r = substr($0, RSTART + 3, RLENGTH - 4)
		n[r]++; c[r, v]++; t[v]++; all++
	}
	END {
		split("rpm-leak rpm-underflow rpm-get-sync-ret sleep-in-atomic", rules, " ")
		for (i = 1; i <= 4; i++) {
			r = rules[i]
			printf "  %-18s %2d (%d REAL, %d FP)\n", r, n[r], c[r, "REAL"], c[r, "FP"]
		}
		printf "  %-18s %2d (%d REAL, %d FP)\n", "total", all, t["REAL"], t["FP"]
	}
' "$expected"
echo "run time: $seconds s with -j$JOBS"

if [ $fail -ne 0 ]; then
	echo "--- rpmcheck output (cd $tree; rpmcheck -j$JOBS ${files[*]}):"
	grep -v ': note: ' "$tmp/output"
	exit 1
fi
echo "PASS: $(wc -l < "$tmp/actual") warnings as triaged, $nfiles files ($nchecked checked, $nskipped with nothing to check), none failed"
