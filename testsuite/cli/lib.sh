# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# lib.sh - helpers for the testsuite/cli scripts (sourced, never run).
#
# A script sources this with the rpmcheck binary path as $1, then runs
# commands with "run CMD..." (stdout, stderr and exit status are kept)
# and states what must hold with "check DESCRIPTION PREDICATE [ARG...]",
# which prints "ok DESCRIPTION" or "FAIL DESCRIPTION" plus the output.
# "check_known_to_fail REASON DESCRIPTION PREDICATE..." is for a known
# rpmcheck bug: it passes while the predicate fails and fails once it
# holds, so the mark is removed when the bug is fixed.  "finish" prints
# the count and exits 1 if anything failed.
#
# Provides: $rpmcheck (absolute), $top (repo root), $inc (test headers),
# $tmp (scratch directory, removed on exit), $out, $err, $status.

if [ $# -lt 1 ] || [ -z "$1" ]; then
	echo "usage: $0 RPMCHECK" >&2
	exit 2
fi
rpmcheck=$1
if [[ $rpmcheck == */* ]]; then
	rpmcheck=$(cd "$(dirname "$rpmcheck")" && pwd)/$(basename "$rpmcheck")
fi
if [ ! -x "$rpmcheck" ]; then
	echo "FAIL $rpmcheck is not an executable" >&2
	exit 1
fi

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
inc=$top/testsuite/include
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rpmcheck-cli.XXXXXX")
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

failures=0
checks=0
out=
err=
status=

# run CMD... - run it, keeping stdout in $out, stderr in $err, status.
run()
{
	"$@" >"$tmp/.out" 2>"$tmp/.err" && status=0 || status=$?
	out=$(cat "$tmp/.out")
	err=$(cat "$tmp/.err")
}

# rpmcheck ARG... - run rpmcheck with the test headers.
rpm()
{
	run "$rpmcheck" -nostdinc -isystem "$inc" "$@"
}

show_output()
{
	[ -z "$status" ] || echo "    exit status: $status"
	[ -z "$out" ] || sed 's/^/    stdout: /' <<<"$out"
	[ -z "$err" ] || sed 's/^/    stderr: /' <<<"$err"
}

check()
{
	local desc=$1

	shift
	checks=$((checks + 1))
	if "$@"; then
		echo "ok $desc"
	else
		echo "FAIL $desc"
		show_output
		failures=$((failures + 1))
	fi
}

check_known_to_fail()
{
	local reason=$1 desc=$2

	shift 2
	checks=$((checks + 1))
	if "$@"; then
		echo "FAIL $desc: passes now, remove its known-to-fail mark ($reason)"
		failures=$((failures + 1))
	else
		echo "ok $desc # known to fail: $reason"
	fi
}

skip()
{
	echo "skip $*"
}

finish()
{
	if [ $failures -ne 0 ]; then
		echo "$failures of $checks checks failed"
		exit 1
	fi
	echo "all $checks checks passed"
	exit 0
}

# Predicates on the last run.
status_is()	{ [ "$status" -eq "$1" ]; }
out_empty()	{ [ -z "$out" ]; }
err_empty()	{ [ -z "$err" ]; }
no_output()	{ [ -z "$out" ] && [ -z "$err" ]; }
# err_lines N - stderr has exactly N lines.
err_lines()
{
	local n=0

	[ -z "$err" ] || n=$(grep -c '' <<<"$err")
	[ "$n" -eq "$1" ]
}
# out_is_line ERE - stdout is exactly one line matching ERE.
out_is_line()	{ [ "$(grep -c '' <<<"$out")" -eq 1 ] && grep -qxE -- "$1" <<<"$out"; }
out_has()	{ grep -qF -- "$1" <<<"$out"; }
err_has()	{ grep -qF -- "$1" <<<"$err"; }
# err_count N FIXED - exactly N lines of stderr contain FIXED.
err_count()	{ [ "$(grep -cF -- "$2" <<<"$err" || true)" -eq "$1" ]; }
err_matches()	{ grep -qE -- "$1" <<<"$err"; }
all_has()	{ grep -qF -- "$1" <<<"$out"$'\n'"$err"; }
all_lacks()	{ ! all_has "$1"; }
# remember; ...; same_as_remembered - same stdout, stderr and status.
remember()	{ ref_out=$out; ref_err=$err; ref_status=$status; }
same_as_remembered()
{
	[ "$out" = "$ref_out" ] && [ "$err" = "$ref_err" ] &&
		[ "$status" = "$ref_status" ]
}
