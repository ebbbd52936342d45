#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check-samples.sh RPMCHECK - run rpmcheck on every kernel-samples/*.c
# and compare its warnings with the list of planted bugs in
# kernel-samples/README (the tab-indented "file:line:col: warning:" lines).
# Notes are ignored here: the cases in testsuite/cases check them.
set -euo pipefail

rpmcheck=$1
top=$(cd "$(dirname "$0")/.." && pwd)
inc=$top/testsuite/include
expected=$(mktemp)
actual=$(mktemp)
trap 'rm -f "$expected" "$actual"' EXIT

grep -P '^\t\S+\.c:\d+:\d+: warning: ' "$top/kernel-samples/README" |
	sed 's/^\t//' | sort > "$expected"
cd "$top/kernel-samples"
for f in *.c; do
	"$rpmcheck" -nostdinc -isystem "$inc" "$f" 2>&1 || {
		echo "rpmcheck failed on $f" >&2
		exit 1
	}
done | grep ': warning: ' | sort > "$actual"
if ! diff -u "$expected" "$actual"; then
	echo "FAIL: kernel-samples warnings differ from kernel-samples/README"
	exit 1
fi
[ -s "$expected" ] || { echo "FAIL: no planted bugs listed"; exit 1; }
echo "PASS: $(wc -l < "$actual") planted bugs found, nothing else"
