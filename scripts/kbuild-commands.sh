#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kbuild-commands.sh TREE OUTFILE DIR... - record the checker command line
# kbuild would run for every C file it compiles under DIR... in TREE.
#
# Runs "make -n -k C=2 CHECK=@RPMCHECK@ DIR/..." in the prepared TREE (a
# dry run: nothing is compiled, kbuild only prints its recipes) and keeps,
# for each checked file, the text kbuild puts after $(CHECK), i.e.
# "$(CHECKFLAGS) $(c_flags) file.c" with kbuild's own shell quoting, so
# that "cd TREE && eval \"\$CHECK \$ARGS\"" reproduces kbuild's argv.
# OUTFILE gets one line per file: FILE<TAB>ARGS, FILE relative to TREE.
#
# Deliberately ignored: files kbuild does not compile for the tree's
# .config (other arches, disabled options, #included .c files); second and
# later compilations of a file that kbuild builds into several objects
# (e.g. i915 display code reused by xe) - the first one is kept and the
# number dropped is reported; files outside DIR... (scripts/mod/empty.c).
# Make runs serially: with -j its dry-run output from recursive makes
# interleaves mid-line, even with --output-sync.

set -euo pipefail

readonly MARK=@RPMCHECK@

usage() {
	echo "usage: $0 TREE OUTFILE DIR..." >&2
	exit 1
}

die() {
	echo "kbuild-commands: $*" >&2
	exit 1
}

# Print the dry-run recipes that invoke the checker.
dry_run() {
	local tree=$1 log=$2
	shift 2

	make -C "$tree" -n -k --no-print-directory C=2 CHECK="$MARK" "$@" \
		2>"$log" | grep -F " $MARK " || true
}

# Recipe line -> "FILE<TAB>ARGS", keeping files under the given DIRs, once.
# FILE is $< with "dir/../" folded away (amdgpu builds ../amdkfd/*.c, ...);
# ARGS keep kbuild's spelling, which is what the checker will print.
extract() {
	local dirs=$1

	awk -v mark=" $MARK " -v dirs="$dirs" '
	function normalize(path,    parts, out, k, m, np) {
		np = split(path, parts, "/")
		m = 0
		for (k = 1; k <= np; k++) {
			if (parts[k] == "." || parts[k] == "")
				continue
			if (parts[k] == ".." && m > 0 && out[m] != "..")
				m--
			else
				out[++m] = parts[k]
		}
		path = out[1]
		for (k = 2; k <= m; k++)
			path = path "/" out[k]
		return path
	}
	BEGIN { n = split(dirs, d, " ") }
	{
		i = index($0, mark)
		args = substr($0, i + length(mark))
		sub(/[ \t]+$/, "", args)
		file = args
		sub(/.* /, "", file)
		file = normalize(file)
		keep = 0
		for (j = 1; j <= n; j++)
			if (index(file, d[j]) == 1)
				keep = 1
		if (!keep)
			next
		if (file in seen) {
			dups++
			next
		}
		seen[file] = 1
		print file "\t" args
	}
	END { printf "%d\n", dups > "/dev/stderr" }'
}

# Check that every ARGS string evals back to an argv ending in FILE
# (compared by base name, as FILE is normalized).
validate() {
	local file args last bad=0

	while IFS=$'\t' read -r file args; do
		eval "set -- $args"
		last=${!#}
		[ "${last##*/}" = "${file##*/}" ] || {
			echo "kbuild-commands: bad quoting for $file" >&2
			bad=$((bad + 1))
		}
	done <"$1"
	[ "$bad" -eq 0 ]
}

main() {
	[ $# -ge 3 ] || usage
	local tree=$1 out=$2 dirs=() d dups
	shift 2

	[ -f "$tree/include/generated/autoconf.h" ] ||
		die "$tree is not a prepared kernel tree (run scripts/kernel-tree.sh)"
	for d in "$@"; do
		d=${d%/}
		[ -d "$tree/$d" ] || die "no directory $d in $tree"
		dirs+=("$d/")
	done

	# globals, so that the EXIT trap still sees them after main returns
	tmp=$(mktemp "$out.XXXXXX")
	log=$(mktemp)
	trap 'rm -f "$tmp" "$log" "$log.dups"' EXIT

	dry_run "$tree" "$log" "${dirs[@]}" |
		extract "${dirs[*]}" >"$tmp" 2>"$log.dups"
	dups=$(cat "$log.dups")
	if grep -q 'Error\|\*\*\*' "$log"; then
		echo "kbuild-commands: make reported errors (kept going):" >&2
		grep 'Error\|\*\*\*' "$log" | head -20 >&2
	fi
	[ -s "$tmp" ] || die "no checker command found; make said: $(tail -5 "$log")"
	validate "$tmp" || die "some argument strings do not reproduce their file"

	chmod 644 "$tmp"
	mv "$tmp" "$out"
	echo "kbuild-commands: $(wc -l <"$out") files in $out" \
		"(${dups:-0} repeat compilations dropped)" >&2
}

main "$@"
