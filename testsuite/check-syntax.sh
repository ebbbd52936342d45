#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check-syntax.sh [CLANG] - parse every test case and kernel sample with
# the test headers only (-nostdinc), and fail on any clang diagnostic.

clang=${1:-clang}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
passed=0
failed=0

for file in "$here"/cases/*.c "$here"/../kernel-samples/*.c; do
	[ -e "$file" ] || continue
	if out=$("$clang" -fsyntax-only -std=gnu11 -nostdinc \
			-isystem "$here/include" "$file" 2>&1) && [ -z "$out" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $file"
		echo "$out"
	fi
done

echo "syntax: $passed passed, $failed failed"
[ $failed -eq 0 ]
