#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-selftest.sh - check that run-test.sh can fail.
#
# Runs run-test.sh with fake-rpmcheck.sh on every selftest case; each case
# says with "// selftest-expect: pass|fail" which verdict the runner must
# give.  Also checks --format and a missing checker binary.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runner=$here/../run-test.sh
fake=$here/fake-rpmcheck.sh
passed=0
failed=0

check() {
	local what=$1 want=$2 got=$3 log=$4

	if [ "$want" = "$got" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "selftest: $what: runner said $got, expected $want"
		sed 's/^/    /' "$log"
	fi
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

for case in "$here"/cases/*.c; do
	want=$(sed -n 's|^// selftest-expect: ||p' "$case")
	bash "$runner" "$fake" "$case" >"$log" 2>&1
	if [ $? -eq 0 ]; then got=pass; else got=fail; fi
	check "$(basename "$case")" "$want" "$got" "$log"
done

# A relative path to the checker works from any directory.
(cd "$here/.." && bash run-test.sh selftest/fake-rpmcheck.sh selftest/cases/pass.c) >"$log" 2>&1
if [ $? -eq 0 ]; then got=pass; else got=fail; fi
check "relative checker path" pass "$got" "$log"

# A checker that does not exist fails the case.
bash "$runner" "$here/no-such-rpmcheck" "$here/cases/pass.c" >"$log" 2>&1
if [ $? -eq 0 ]; then got=pass; else got=fail; fi
check "missing checker" fail "$got" "$log"

# --format prints the current output and never changes the case.
before=$(md5sum <"$here/cases/wrong-column.c")
bash "$runner" --format "$fake" "$here/cases/wrong-column.c" >"$log" 2>&1
after=$(md5sum <"$here/cases/wrong-column.c")
if [ "$before" = "$after" ] &&
   grep -qx 'wrong-column.c:6:3: warning: .*' "$log" &&
   grep -qx ' \* check-output-start' "$log"; then
	got=pass
else
	got=fail
fi
check "--format" pass "$got" "$log"

echo "runner selftest: $passed passed, $failed failed"
[ $failed -eq 0 ]
