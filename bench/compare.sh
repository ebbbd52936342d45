#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# compare.sh TREE CMDFILE N [SEED] - time rpmcheck, sparse and
# "clang -fsyntax-only" on the same N runtime-PM files of a prepared
# kernel tree, each file run with its kbuild flags (CMDFILE from
# scripts/kbuild-commands.sh), one process at a time, and print the
# totals as ratios.  clang gets the parser flags only (-D -U -I -include
# -isystem -nostdinc -std -m64 ...), as gcc-only flags make it fail.
#
# Deliberately ignores peak memory and parallel runs: see
# scripts/kernel-run.sh for whole-tree runs.
set -euo pipefail

tree=$(realpath "$1")
cmds=$(realpath "$2")
n=$3
seed=${4:-1}
top=$(cd "$(dirname "$0")/.." && pwd)
rpmcheck=${RPMCHECK:-$top/build/rpmcheck}
list=$(mktemp)
trap 'rm -f "$list"' EXIT

cd "$tree"
{ cut -f1 "$cmds" | xargs grep -l pm_runtime_ 2>/dev/null || true; } |
	shuf -n "$n" --random-source=<(yes "$seed") > "$list"

clang_flags() {
	local keep=0 skip=0 a

	for a in "$@"; do
		if [ $keep = 1 ]; then printf '%q ' "$a"; keep=0; continue; fi
		if [ $skip = 1 ]; then skip=0; continue; fi
		case $a in
		-include|-isystem|-I|-D|-U) printf '%q ' "$a"; keep=1 ;;
		--param|-o|-MF|-MT|-MQ) skip=1 ;;
		-D*|-U*|-I*|-nostdinc|-std=*|-m64|-m32|-fshort-wchar|-funsigned-char)
			printf '%q ' "$a" ;;
		-*) ;;
		*) printf '%q ' "$a" ;;		# the file
		esac
	done
}

run_all() {
	local tool=$1 f args

	while read -r f; do
		args=$(grep -P "^\Q$f\E\t" "$cmds" | cut -f2)
		case $tool in
		rpmcheck) eval "\"$rpmcheck\" $args" ;;
		sparse) eval "sparse $args" ;;
		clang) eval "set -- $args"
		       eval "clang -fsyntax-only -w $(clang_flags "$@")" ;;
		esac
	done < "$list" > /dev/null 2>&1 || true
}

secs() {
	local start end

	start=$(date +%s.%N)
	run_all "$1"
	end=$(date +%s.%N)
	echo "$end - $start" | bc
}

r=$(secs rpmcheck)
s=$(secs sparse)
c=$(secs clang)
echo "files: $(wc -l < "$list") (seed $seed)"
printf 'rpmcheck %.1fs  sparse %.1fs  clang -fsyntax-only %.1fs\n' "$r" "$s" "$c"
printf 'rpmcheck/sparse %.2f  rpmcheck/clang %.2f\n' \
	"$(echo "$r / $s" | bc -l)" "$(echo "$r / $c" | bc -l)"
