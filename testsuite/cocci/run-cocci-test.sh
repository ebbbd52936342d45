#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-cocci-test.sh SPATCH RPMCHECK COCCI CASE.c - one test case of a
# semantic patch in cocci/, in Coccinelle's convention:
#   CASE.c       the input (parses with testsuite/include);
#   CASE.res     the expected output of MODE=patch (none: no change);
#   CASE.report  the exact lines of MODE=report (none: no report);
#   CASE.remaining  "RULE FUNCTION" pairs rpmcheck may still report on
#                the patched file for the cocci's rule (none: nothing).
# Then the round trip: rpmcheck on the patched file reports nothing of
# the cocci's rule (named by its "// rpmcheck-rule:" line) beyond
# CASE.remaining, and nothing, of any rule, that it did not report on
# the input (warnings compared as rule + function, lines move).  A patch
# with "// rpmcheck-rule: none" (a clean-up) is held to the second only.
#
# Exit 0 pass, 1 fail, 77 skip (no spatch).
set -uo pipefail

spatch=$1
rpmcheck=$2
cocci=$(realpath "$3")
case_c=$(realpath "$4")
here=$(cd "$(dirname "$0")" && pwd)
inc=$(realpath "$here/../include")
name=$(basename "$case_c" .c)
dir=$(dirname "$case_c")
fail=0

command -v "$spatch" > /dev/null || { echo "SKIP: no spatch"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$case_c" "$tmp/$name.c"
cp "$tmp/$name.c" "$tmp/orig.c"

say_fail() { echo "FAIL: $name: $*"; fail=1; }

# --- MODE=patch ---
(cd "$tmp" && "$spatch" --very-quiet -D patch --sp-file "$cocci" \
	"$name.c" > patch.diff 2> spatch.err)
if [ -s "$tmp/patch.diff" ]; then
	(cd "$tmp" && patch -s "$name.c" < patch.diff)
fi
expected_res=$dir/$name.res
[ -f "$expected_res" ] || expected_res=$tmp/orig.c
if ! diff -u "$expected_res" "$tmp/$name.c" > "$tmp/res.diff"; then
	say_fail "MODE=patch output differs from $(basename "$expected_res")"
	cat "$tmp/res.diff"
	cat "$tmp/spatch.err"
fi

# --- MODE=report ---
cp "$tmp/$name.c" "$tmp/patched.c"
(cd "$tmp" && cp orig.c "$name.c" &&
	"$spatch" --very-quiet -D report --sp-file "$cocci" "$name.c" \
	> report.out 2> report.err)
if [ -f "$dir/$name.report" ]; then
	expected_report=$dir/$name.report
else
	expected_report=/dev/null
fi
if ! diff -u "$expected_report" "$tmp/report.out"; then
	say_fail "MODE=report output differs"
	cat "$tmp/report.err"
fi

# --- round trip through rpmcheck ---
rule=$(sed -n 's|^// rpmcheck-rule: *\([a-z-]*\).*|\1|p' "$cocci" | head -1)
warnings() {	# FILE -> "RULE FUNCTION" per warning, sorted
	(cd "$tmp" && "$rpmcheck" -nostdinc -isystem "$inc" "$1" 2>&1) |
		sed -n "s/^[^ ]*: warning: '\([^']*\)'.*\[-W\([a-z-]*\)\]$/\2 \1/p" | sort
}
if [ -n "$rule" ] && [ -s "$tmp/patch.diff" ]; then
	warnings orig.c > "$tmp/before"
	warnings patched.c > "$tmp/after"
	new=$(comm -13 "$tmp/before" "$tmp/after")
	[ -z "$new" ] || say_fail "rpmcheck reports new warnings on the patched file: $new"
	# "none": a clean-up no rule reports; only "nothing new" applies
	if [ "$rule" != none ]; then
		left=$(grep "^$rule " "$tmp/after" || true)
		allowed=$(cat "$dir/$name.remaining" 2>/dev/null | sort || true)
		if [ "$left" != "$allowed" ]; then
			say_fail "rpmcheck still reports on the patched file: '$left' (allowed: '$allowed')"
		fi
		fixed=$(comm -23 <(grep "^$rule " "$tmp/before") <(echo "$left"))
		[ -n "$fixed" ] || say_fail "the patch made no $rule warning disappear"
	fi
fi

[ $fail = 0 ] && echo "PASS: $name ($(basename "$cocci"))"
exit $fail
