#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-test.sh [--format] RPMCHECK CASEFILE - run one rpmcheck test case.
#
# A case is a C file that ends with a comment such as
#
#	/*
#	 * check-name: short description
#	 * check-command: rpmcheck $file	(optional, this is the default)
#	 * check-exit-value: 0			(optional, default 0)
#	 * check-known-to-fail: reason		(optional)
#	 * check-output-ignore-notes		(optional: drop ": note: " lines)
#	 *
#	 * check-output-start
#	foo.c:14:17: warning: ... [-Wrpm-leak]
#	 * check-output-end
#	 */
#
# The command runs in the case's directory, with "rpmcheck" replaced by
# "RPMCHECK -nostdinc -isystem <testsuite/include>" and "$file" by the
# case's file name.  Its stdout and stderr together must equal the lines
# between check-output-start and check-output-end (none: no output), and
# its exit status must equal check-exit-value.  Independently of that:
# no warning may be about a function good_*, and every function warn_*
# that the file defines must be the subject of a warning (the first '...'
# of the message; for sleep-in-atomic, the function after "may sleep but",
# not the sleeping callee).
#
# Exit status: 0 pass, 1 fail.  check-known-to-fail inverts the verdict: a
# failure is reported as "known to fail" and passes, a pass fails.
#
# With --format, nothing is compared: the current output is printed as a
# check-output block, ready to be read or pasted (the file is not changed).

set -u

format=0
if [ "${1-}" = "--format" ]; then
	format=1
	shift
fi

if [ $# -ne 2 ]; then
	echo "usage: $0 [--format] RPMCHECK CASEFILE" >&2
	exit 1
fi

rpmcheck=$1
casefile=$2
include_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/include

# Resolve a relative RPMCHECK before changing directory.
if [[ $rpmcheck == */* ]]; then
	rpmcheck=$(cd "$(dirname "$rpmcheck")" && pwd)/$(basename "$rpmcheck")
fi

if [ ! -r "$casefile" ]; then
	echo "FAIL: $casefile: cannot read the test case" >&2
	exit 1
fi

case_dir=$(cd "$(dirname "$casefile")" && pwd)
case_base=$(basename "$casefile")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rpmcheck-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# The value of a " * check-TAG: value" header line (first one wins).
header() {
	sed -n "s/^[[:space:]]*\*[[:space:]]*check-$1:[[:space:]]*//p" \
		"$casefile" | head -n 1 | sed 's/[[:space:]]*$//'
}

has_header_flag() {
	grep -Eq "^[[:space:]]*\*[[:space:]]*check-$1[[:space:]]*\$" "$casefile"
}

name=$(header name)
command=$(header command)
exit_value=$(header exit-value)
known_to_fail=$(header known-to-fail)
ignore_notes=0
has_header_flag output-ignore-notes && ignore_notes=1

: "${command:=rpmcheck \$file}"
: "${exit_value:=0}"

# Build the command line: "rpmcheck" -> the tool and the test headers,
# "$file" -> the case's file name.
if [[ $command != rpmcheck* ]]; then
	echo "FAIL: $case_base: check-command must start with 'rpmcheck'" >&2
	exit 1
fi
tool="$(printf '%q' "$rpmcheck") -nostdinc -isystem $(printf '%q' "$include_dir")"
command=${command/#rpmcheck/$tool}
command=${command//\$file/$(printf '%q' "$case_base")}

# Run it; stdout and stderr together, as a user sees them.
(cd "$case_dir" && eval "timeout 120 $command") >"$tmp/raw" 2>&1
status=$?

# A missing final newline is not a difference.
sed -e '$a\' "$tmp/raw" >"$tmp/actual.all"
if [ $ignore_notes -eq 1 ]; then
	grep -v ': note: ' "$tmp/actual.all" >"$tmp/actual"
else
	cp "$tmp/actual.all" "$tmp/actual"
fi

if [ $format -eq 1 ]; then
	[ "$status" != 0 ] && echo " * check-exit-value: $status"
	echo " * check-output-start"
	cat "$tmp/actual"
	echo " * check-output-end"
	exit 0
fi

failures=()

if [ -z "$name" ]; then
	failures+=("no check-name header")
fi

# Expected output: the lines strictly between the two markers.
if ! grep -Eq '^[[:space:]]*\*[[:space:]]*check-output-start[[:space:]]*$' "$casefile" ||
   ! grep -Eq '^[[:space:]]*\*[[:space:]]*check-output-end[[:space:]]*$' "$casefile"; then
	failures+=("no check-output-start/check-output-end block")
	: >"$tmp/expected"
else
	awk '
		/^[[:space:]]*\*[[:space:]]*check-output-end[[:space:]]*$/ { inside = 0 }
		inside { print }
		/^[[:space:]]*\*[[:space:]]*check-output-start[[:space:]]*$/ { inside = 1 }
	' "$casefile" >"$tmp/expected"
fi

if ! diff -u --label "expected ($case_base)" --label "actual ($case_base)" \
	  "$tmp/expected" "$tmp/actual" >"$tmp/diff"; then
	failures+=("output differs from check-output")
fi

if [ "$status" != "$exit_value" ]; then
	failures+=("exit status $status, expected $exit_value")
fi

# The function a warning is about: the first '...' in its message, except
# for sleep-in-atomic (and sleep-in-atomic-if-idle), whose message starts
# with the sleeping callee:
# "'msleep' may sleep but 'FN' holds ..." or "... but it runs in hard IRQ
# handler 'FN' (...)".
sed -n -e "/\[-Wsleep-in-atomic\(-if-idle\)\{0,1\}\]\$/{
		s/^.*: warning: '[^']*' may sleep but '\([^']*\)'.*\$/\1/p
		t
		s/^.*: warning: '[^']*' may sleep but it runs in [^']*'\([^']*\)'.*\$/\1/p
		t
		d
	}" -e "s/^.*: warning: [^']*'\([^']*\)'.*\$/\1/p" "$tmp/actual" \
	| sort -u >"$tmp/warned"

while read -r fn; do
	case $fn in
	good_*)
		failures+=("warning about $fn, which must stay silent")
		;;
	esac
done <"$tmp/warned"

# Functions defined (not just declared) in the case whose name is warn_*:
# a line starting in column 1 with "warn_NAME(" whose declaration reaches
# a "{" before a ";".
awk '
	pending != "" {
		if ($0 ~ /\{/) { print pending; pending = "" }
		else if ($0 ~ /;[[:space:]]*$/) pending = ""
		next
	}
	/^[^[:space:]#\/*]/ && match($0, /(^|[^A-Za-z0-9_])warn_[A-Za-z0-9_]*[[:space:]]*\(/) {
		s = substr($0, RSTART, RLENGTH)
		sub(/^[^w]*/, "", s)
		sub(/[[:space:]]*\($/, "", s)
		rest = substr($0, RSTART + RLENGTH)
		if (rest ~ /\{/) print s
		else if (rest !~ /;[[:space:]]*$/) pending = s
	}
' "$casefile" | sort -u >"$tmp/warn_functions"

while read -r fn; do
	if ! grep -qx -- "$fn" "$tmp/warned"; then
		failures+=("no warning about $fn, which must warn")
	fi
done <"$tmp/warn_functions"

report_failures() {
	local reason

	for reason in "${failures[@]}"; do
		echo "  $reason"
	done
	if [ -s "$tmp/diff" ]; then
		cat "$tmp/diff"
	fi
}

label="${name:-?} ($case_base)"

if [ ${#failures[@]} -eq 0 ]; then
	if [ -n "$known_to_fail" ]; then
		echo "FAIL: $label: unexpectedly passed, remove check-known-to-fail"
		exit 1
	fi
	echo "PASS: $label"
	exit 0
fi

if [ -n "$known_to_fail" ]; then
	echo "PASS: $label: known to fail: $known_to_fail"
	report_failures
	exit 0
fi

echo "FAIL: $label"
report_failures
exit 1
