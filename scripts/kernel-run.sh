#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kernel-run.sh [--filter REGEX | --atomic] [--limit N] [--jobs N]
#               [--timeout SEC] TREE CMDFILE OUTDIR
#
# Runs a checker over a real kernel tree the way kbuild's C=2 does:
# from TREE, "$CHECKER ARGS" for each "FILE<TAB>ARGS" line of CMDFILE
# (written by scripts/kbuild-commands.sh).  The checker is $RPMCHECK, else
# $CHECK, else build/rpmcheck of this repository; a path is made absolute.
#
# Files run: those whose name matches the extended REGEX given with
# --filter, or with --atomic those whose source takes a spinlock (or
# disables interrupts, registers an IRQ handler, a timer ...) and calls
# something that sleeps (the file selection of the sleep-in-atomic
# run), or by default those whose source mentions "pm_runtime_";
# --limit N keeps only the first N of them.  They run N at a time (--jobs,
# default 2), each under timeout(1) (--timeout, default 120 s).
#
# Per file, OUTDIR/out/FILE.{cmd,log,rc,time} hold the arguments, the
# checker's stdout+stderr, its exit status and its run time in seconds.
# OUTDIR/summary.txt counts exit statuses, lists timeouts (124), crashes
# (>= 128, killed by a signal) and tool failures (2), and counts findings
# per rule (warnings ending in " [-Wrule]"); OUTDIR/status.txt has
# "EXIT<TAB>SECONDS<TAB>FILE" lines; OUTDIR/findings.txt gathers
# all "file:line:col: warning|note:" lines in CMDFILE order.
#
# Deliberately ignored: the checker's exit status other than for the
# lists above (its warnings are the result, not a failure of this script);
# continuation lines of multi-line diagnostics (sparse's "expected/got");
# files in CMDFILE that do not exist (generated sources such as
# drivers/tty/vt/defkeymap.c) are never matched by the default filter.
# Results of an earlier run in OUTDIR/out are removed first.

set -euo pipefail

readonly DIAG_RE='^[^ :]+:[0-9]+:([0-9]+:)? (warning|note): '
readonly RULE_RE=': warning: .* \[-W([a-z-]+)\]$'

# --atomic: files matching both (a cheap over-approximation of the rules)
readonly ATOMIC_RE='spin_lock|spin_trylock|read_lock|write_lock|local_irq_(save|disable)|local_bh_disable|preempt_disable|rcu_read_lock|bit_spin_lock|guard\((raw_)?spinlock|guard\((irq|irqsave|rcu|preempt)\)|request_(threaded_|any_context_)?irq|timer_setup|hrtimer|tasklet_(init|setup)|__must_hold'
readonly SLEEP_RE='pm_runtime_(get_sync|resume_and_get|put_sync|resume|suspend|idle|barrier|disable|force_)|mutex_lock|\<down(_read|_write|_interruptible|_killable|_timeout)?\(|msleep|usleep_range|ssleep|fsleep|schedule|cond_resched|wait_for_completion|wait_event|might_sleep|GFP_KERNEL|GFP_NOIO|GFP_NOFS|GFP_USER|vmalloc|vzalloc|copy_(from|to)_user|get_user|put_user|request_firmware|clk_prepare|clk_unprepare|clk_disable_unprepare|regulator_(enable|disable)|i2c_transfer|i2c_smbus_|spi_sync|spi_write|spi_read|flush_work|cancel_(delayed_)?work_sync|synchronize_rcu|free_irq|disable_irq\(|device_lock'

filter='' atomic=0 limit='' jobs=2 timeout=120

usage() {
	echo "usage: $0 [--filter REGEX | --atomic] [--limit N] [--jobs N] [--timeout SEC] TREE CMDFILE OUTDIR" >&2
	exit 1
}

die() {
	echo "kernel-run: $*" >&2
	exit 1
}

repo_root() {
	cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# The checker as an absolute path, or a command name found in $PATH.
find_checker() {
	local c=${RPMCHECK:-${CHECK:-$(repo_root)/build/rpmcheck}}

	case $c in
	*/*) c=$(realpath -m -- "$c") ;;
	*) c=$(command -v -- "$c") || die "checker '$c' not found in PATH" ;;
	esac
	[ -x "$c" ] || die "checker $c is not executable (build it, or set RPMCHECK)"
	echo "$c"
}

# CMDFILE lines selected by --filter (file name) or by source text.
select_lines() {
	local tree=$1 cmdfile=$2

	if [ -n "$filter" ]; then
		awk -F '\t' -v re="$filter" '$1 ~ re' "$cmdfile"
	elif [ "$atomic" = 1 ]; then
		cut -f1 "$cmdfile" |
			(cd "$tree"; xargs -r -d '\n' grep -l -s -E "$ATOMIC_RE" |
			 xargs -r -d '\n' grep -l -s -E "$SLEEP_RE" || true) |
			awk -F '\t' 'NR == FNR { want[$0] = 1; next } $1 in want' - "$cmdfile"
	else
		cut -f1 "$cmdfile" |
			(cd "$tree"; xargs -r -d '\n' grep -l -s -F pm_runtime_ || true) |
			awk -F '\t' 'NR == FNR { want[$0] = 1; next } $1 in want' - "$cmdfile"
	fi | awk -v n="${limit:-0}" 'n == 0 || NR <= n'
}

# Write OUTDIR/out/FILE.cmd for each selected line; print the FILEs.
write_jobs() {
	local out=$1 file args

	while IFS=$'\t' read -r file args; do
		mkdir -p "$out/out/$(dirname "$file")"
		printf '%s\n' "$args" >"$out/out/$file.cmd"
		printf '%s\n' "$file"
	done
}

# Run the checker on one file (called through xargs; see run_all).
run_one() {
	local file=$1 base=$KR_OUT/out/$1 args rc=0 start

	args=$(<"$base.cmd")
	eval "set -- $args"
	start=$(date +%s.%N)
	(cd "$KR_TREE" && timeout -k 10 "$KR_TIMEOUT" "$KR_CHECKER" "$@") \
		>"$base.log" 2>&1 </dev/null || rc=$?
	echo "$rc" >"$base.rc"
	awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.2f\n", a - b }' \
		>"$base.time"
	[ "$rc" -eq 0 ] || echo "kernel-run: $file: exit $rc" >&2
}

run_all() {
	export KR_TREE=$1 KR_OUT=$2 KR_CHECKER=$3 KR_TIMEOUT=$timeout
	export -f run_one

	# shellcheck disable=SC2016 # $1 is expanded by the inner bash
	xargs -r -d '\n' -P "$jobs" -n 1 bash -c 'run_one "$1"' run_one <"$4"
}

# "RC<TAB>SECONDS<TAB>FILE" for each file run, in CMDFILE order.
collect_status() {
	local out=$1 f

	while read -r f; do
		printf '%s\t%s\t%s\n' "$(<"$out/out/$f.rc")" \
			"$(<"$out/out/$f.time")" "$f"
	done <"$out/files.txt"
}

# Indented names of the files whose exit status satisfies awk's COND.
list_rc() {
	awk -F '\t' "$1 { print \"  \" \$3 }" "$2"
}

# shellcheck disable=SC2016 # awk conditions are single-quoted on purpose
summarize() {
	local out=$1 elapsed=$2 checker=$3 tree=$4 f st

	while read -r f; do
		grep -E "$DIAG_RE" "$out/out/$f.log" || true
	done <"$out/files.txt" >"$out/findings.txt"
	st=$out/status.txt
	collect_status "$out" >"$st"

	{
		echo "checker: $checker"
		echo "tree: $tree"
		echo "files run: $(wc -l <"$st")"
		echo "wall time: ${elapsed}s with $jobs jobs, timeout ${timeout}s"
		echo "exit status counts:"
		cut -f1 "$st" | sort -n | uniq -c |
			awk '{ printf "  exit %s: %d\n", $2, $1 }'
		echo "timed out (exit 124):"
		list_rc '$1 == 124' "$st"
		echo "crashed (exit >= 128, signal):"
		list_rc '$1 >= 128' "$st"
		echo "tool failure (exit 2):"
		list_rc '$1 == 2' "$st"
		echo "findings per rule:"
		sed -nE "s/.*$RULE_RE/\\1/p" "$out/findings.txt" | sort | uniq -c |
			sort -k1,1nr -k2 | awk '{ printf "  %-40s %d\n", $2, $1 }'
		echo "warnings without a [-Wrule]: $(grep -E ': warning: ' \
			"$out/findings.txt" | grep -cvE "$RULE_RE" || true)"
		echo "notes: $(grep -cE ': note: ' "$out/findings.txt" || true)"
		echo "slowest files (s):"
		sort -t $'\t' -k2,2nr "$st" | head -5 |
			awk -F '\t' '{ printf "  %8.2f %s\n", $2, $3 }'
	} >"$out/summary.txt"
}

parse_options() {
	while [ $# -gt 0 ]; do
		case $1 in
		--filter) filter=$2; shift 2 ;;
		--atomic) atomic=1; shift ;;
		--limit) limit=$2; shift 2 ;;
		--jobs) jobs=$2; shift 2 ;;
		--timeout) timeout=$2; shift 2 ;;
		--) shift; break ;;
		-*) usage ;;
		*) break ;;
		esac
	done
	[ $# -eq 3 ] || usage
	args=("$@")
}

main() {
	local tree cmdfile out checker start

	parse_options "$@"
	tree=$(realpath -- "${args[0]}")
	cmdfile=$(realpath -- "${args[1]}")
	out=$(realpath -m -- "${args[2]}")
	[ -d "$tree" ] || die "no kernel tree $tree"
	[ -f "$cmdfile" ] || die "no command file $cmdfile"
	checker=$(find_checker)

	rm -rf "$out/out"
	mkdir -p "$out/out"
	select_lines "$tree" "$cmdfile" | write_jobs "$out" >"$out/files.txt"
	echo "kernel-run: $(wc -l <"$out/files.txt") files, checker $checker" >&2

	start=$(date +%s)
	run_all "$tree" "$out" "$checker" "$out/files.txt"
	summarize "$out" $(($(date +%s) - start)) "$checker" "$tree"
	cat "$out/summary.txt"
}

main "$@"
