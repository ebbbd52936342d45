# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# lib-known.sh - "known", for the testsuite/cli scripts that source it
# after lib.sh (sourced, never run).
#
# known REASON DESCRIPTION PREDICATE [ARG...] - a check that fails today
# because of a known rpmcheck bug (REASON says which).  While PREDICATE
# fails it prints "KNOWN-FAIL DESCRIPTION: REASON" (plus the output of
# the run) and the script still passes; once PREDICATE holds it prints
# FAIL, as lib.sh's check_known_to_fail does, so that the mark is
# removed when the bug is fixed.

known_fails=0

known()
{
	local reason=$1 desc=$2

	shift 2
	checks=$((checks + 1))
	if "$@"; then
		echo "FAIL $desc: passes now, remove its known mark ($reason)"
		failures=$((failures + 1))
	else
		echo "KNOWN-FAIL $desc: $reason"
		show_output
		known_fails=$((known_fails + 1))
	fi
}

# known_summary - say how many checks are known to fail (before finish).
known_summary()
{
	[ "$known_fails" -eq 0 ] ||
		echo "$known_fails known failures (KNOWN-FAIL above), not counted as failures"
}
