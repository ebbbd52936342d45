#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# fake-rpmcheck.sh [OPTIONS] FILE - a stand-in for rpmcheck that lets the
# runner's self-test script the checker's behaviour from the case itself:
#
#	//> text	printed on stdout (with "//> " removed)
#	//2> text	printed on stderr
#	//exit N	exit status (default 0)
#	//expect-arg A	fail loudly unless A is one of the arguments
#
# It also checks that it was given "-nostdinc -isystem DIR", that DIR has
# linux/pm_runtime.h, and that FILE is a plain file name in the current
# directory, as run-test.sh promises.

file=${!#}
args=("$@")

fail() {
	echo "fake-rpmcheck: $*"
	exit 99
}

[ -r "$file" ] || fail "cannot read '$file' from $(pwd)"
[[ $file == */* ]] && fail "'$file' is not a bare file name"
[ "${args[0]}" = "-nostdinc" ] || fail "first argument is not -nostdinc"
[ "${args[1]}" = "-isystem" ] || fail "second argument is not -isystem"
[ -r "${args[2]}/linux/pm_runtime.h" ] || fail "no test headers in '${args[2]}'"

while read -r want; do
	found=0
	for a in "${args[@]}"; do
		[ "$a" = "$want" ] && found=1
	done
	[ $found -eq 1 ] || fail "missing argument '$want'"
done < <(sed -n 's|^//expect-arg ||p' "$file")

sed -n 's|^//> \{0,1\}||p' "$file"
sed -n 's|^//2> \{0,1\}||p' "$file" >&2
status=$(sed -n 's|^//exit ||p' "$file" | head -n 1)
exit "${status:-0}"
