#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# whole-tree.sh TREE CMDFILE N [SEED] [JOBS] - wall time and peak memory
# of rpmcheck, sparse and "clang -fsyntax-only" over the same N random
# drivers/ + sound/ files of a prepared tree (all files when N is 0),
# JOBS at a time (default: all cores).  Every tool gets each file's own
# kbuild flags from CMDFILE (scripts/kbuild-commands.sh): sparse and
# clang through xargs -P, rpmcheck as one many-file run reading a
# compile_commands.json made from CMDFILE, with and without --db.
# Prints wall times, ratios, peak RSS of any single process, and
# rpmcheck's summary lines.
#
# Deliberately ignores the tools' findings beyond the summary: this is
# about time and memory.
set -euo pipefail

tree=$(realpath "$1")
cmds=$(realpath "$2")
n=$3
seed=${4:-1}
jobs=${5:-$(nproc)}
top=$(cd "$(dirname "$0")/.." && pwd)
rpmcheck=${RPMCHECK:-$top/build/rpmcheck}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$n" = 0 ]; then
	cp "$cmds" "$work/sample.tsv"
else
	shuf -n "$n" --random-source=<(yes "$seed") "$cmds" | sort > "$work/sample.tsv"
fi
python3 "$top/scripts/cmds-to-compdb.py" "$tree" < "$work/sample.tsv" \
	> "$work/compile_commands.json"

# One line per file: "TOOL ARGS..." for xargs, with /usr/bin/time per file.
per_file() {
	local tool=$1

	while IFS=$'\t' read -r f args; do
		case $tool in
		sparse) echo "sparse $args" ;;
		clang) echo "clang -fsyntax-only -w $(python3 "$top/scripts/cmds-to-compdb.py" --parser-flags "$args")" ;;
		esac
	done < "$work/sample.tsv"
}

run_xargs() {
	local tool=$1 start end

	per_file "$tool" > "$work/$tool.cmds"
	start=$(date +%s.%N)
	(cd "$tree" && xargs -P "$jobs" -d '\n' -I{} \
		sh -c '/usr/bin/time -a -o '"$work/$tool.mem"' -f %M {} >/dev/null 2>&1' \
		< "$work/$tool.cmds") || true
	end=$(date +%s.%N)
	echo "$end - $start" | bc
}

run_rpmcheck() {
	local name=$1 start end
	shift
	start=$(date +%s.%N)
	(cd "$tree" && /usr/bin/time -o "$work/$name.mem" -f %M \
		"$rpmcheck" --no-progress -j "$jobs" "$@" \
		-p "$work" > /dev/null 2> "$work/$name.out") || true
	end=$(date +%s.%N)
	echo "$end - $start" | bc
}

peak() { sort -n "$1" | tail -1; }

r=$(run_rpmcheck rpmcheck)
rdb=$(run_rpmcheck rpmcheck-db --db "$work/facts.sqlite")
s=$(run_xargs sparse)
c=$(run_xargs clang)
echo "files: $(wc -l < "$work/sample.tsv") (seed $seed), $jobs jobs"
printf 'wall: rpmcheck %.1fs  rpmcheck --db %.1fs  sparse %.1fs  clang -fsyntax-only %.1fs\n' "$r" "$rdb" "$s" "$c"
printf 'ratios: rpmcheck/sparse %.2f  rpmcheck/clang %.2f  rpmcheck --db/sparse %.2f\n' \
	"$(echo "$r / $s" | bc -l)" "$(echo "$r / $c" | bc -l)" "$(echo "$rdb / $s" | bc -l)"
echo "peak RSS (KB, largest process): rpmcheck $(peak "$work/rpmcheck.mem") rpmcheck --db $(peak "$work/rpmcheck-db.mem") sparse $(peak "$work/sparse.mem") clang $(peak "$work/clang.mem")"
echo "rpmcheck:";  tail -2 "$work/rpmcheck.out"
echo "rpmcheck --db:"; tail -2 "$work/rpmcheck-db.out"
