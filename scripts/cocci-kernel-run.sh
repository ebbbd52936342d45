#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cocci-kernel-run.sh TREE CMDFILE OUTDIR COCCI... - run each semantic
# patch of cocci/ the kernel's way over drivers/ and sound/ of a prepared
# tree, and judge its patches:
#   make coccicheck MODE=report COCCI=X M=drivers/ (and sound/)
#   make coccicheck MODE=patch  COCCI=X M=drivers/ (and sound/)
# then, for each patched file that has a kbuild command line in CMDFILE
# (scripts/kbuild-commands.sh), apply its patch to a copy next to the
# original, check the copy still parses with the file's own flags, and
# count rpmcheck's warnings of the patch's rule before and after.
#
# DIRS (default "drivers/ sound/") chooses the directories.  Writes
# OUTDIR/NAME.{report,patch,files,summary} and prints each summary.  The
# tree is never modified (copies are removed).
#
# PER_FILE=1 runs spatch itself, with the options coccicheck gives it,
# once per candidate file (the .c and .h files of DIRS that name the
# semantic patch's first "Keywords:"-like token, see candidate_token),
# JOBS at a time, each under timeout(1) of SPATCH_TIMEOUT seconds
# (default 120): the same patches as "make coccicheck" in a time that
# can be planned (coccicheck's own run over all of drivers/ took over
# half an hour per mode here).  Only one mode runs per semantic patch:
# patch when it has one (the patches are what is judged), else report.
# Files that time out are listed in OUTDIR/NAME.timeouts.
# Deliberately ignores files kbuild does not build in this
# configuration (no command line): they are counted, not judged.
set -euo pipefail

tree=$(realpath "$1")
cmds=$(realpath "$2")
out=$(mkdir -p "$3" && realpath "$3")
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
rpmcheck=${RPMCHECK:-$top/build/rpmcheck}
jobs=${JOBS:-$(nproc)}
read -r -a dirs <<< "${DIRS:-drivers/ sound/}"

# The warnings of RULE rpmcheck prints for FILE parsed as DISPLAY.
count_warnings() {
	local file=$1 rule=$2 args=$3

	(cd "$tree" && eval "\"$rpmcheck\" --all-files $args" 2>&1 |
		grep -c "warning: .*\[-W$rule\]") || true
}

# Apply FILE's hunks from PATCH to a copy; judge the copy.
judge_file() {
	local name=$1 patch=$2 rule=$3 args copy before after parsed

	args=$(grep -P "^\Q$name\E\t" "$cmds" | head -1 | cut -f2) || true
	if [ -z "$args" ]; then
		echo "$name not-built"
		return
	fi
	copy="$tree/$name.cocci-check.c"
	if ! patch -s -o "$copy" "$tree/$name" < "$patch" > /dev/null 2>&1; then
		echo "$name patch-does-not-apply"
		rm -f "$copy"
		return
	fi
	parsed=yes
	(cd "$tree" && eval "\"$rpmcheck\" --all-files -Wno-rpm-leak -Wno-rpm-underflow -Wno-rpm-get-sync-ret -Wno-sleep-in-atomic ${args% *} $name.cocci-check.c" \
		> /dev/null 2>&1) || parsed=no
	before=$(count_warnings "$name" "$rule" "$args")
	after=$(count_warnings "$copy" "$rule" "${args% *} $name.cocci-check.c")
	rm -f "$copy"
	echo "$name parses=$parsed $rule-before=$before after=$after"
}

# Split a coccicheck patch into one patch per file and judge each.
judge_patch() {
	local name=$1 rule=$2 dir=$out/$name.split f

	rm -rf "$dir"
	mkdir -p "$dir"
	awk -v dir="$dir" '
		/^diff -u -p / { f = $NF; sub(/^b\//, "", f); gsub(/\//, "%", f);
				 path = dir "/" f; next }
		/^--- / && !path { next }
		path { print > path }' "$out/$name.patch"
	for f in "$dir"/*; do
		[ -e "$f" ] || continue
		judge_file "$(basename "$f" | tr % /)" "$f" "$rule"
	done > "$out/$name.files"
}

# The function whose files are candidates for COCCI.
candidate_token() {
	case $(basename "$1") in
	*get_sync*) echo pm_runtime_get_sync ;;
	*failed_resume*) echo pm_runtime_resume_and_get ;;
	*devm_enable*) echo pm_runtime_enable ;;
	*) echo pm_runtime_ ;;
	esac
}

# spatch MODE COCCI FILE, as scripts/coccicheck runs it.
spatch_one() {
	(cd "$tree" && timeout "${SPATCH_TIMEOUT:-120}" spatch -D "$1" \
		--very-quiet --cocci-file "$2" --no-includes --include-headers \
		--patch . -I ./arch/x86/include -I ./arch/x86/include/generated \
		-I ./include -I ./arch/x86/include/uapi \
		-I ./arch/x86/include/generated/uapi -I ./include/uapi \
		-I ./include/generated/uapi \
		--include ./include/linux/compiler-version.h \
		--include ./include/linux/kconfig.h "$3" 2>/dev/null) ||
		[ $? -ne 124 ] || echo "$3" >> "$out/$name.timeouts"
}
export -f spatch_one

run_per_file() {
	local cocci=$1 mode

	(cd "$tree" && grep -rl --include='*.[ch]' "$(candidate_token "$cocci")" \
		"${dirs[@]}") > "$out/$name.candidates" || true
	: > "$out/$name.timeouts"
	mode=report
	grep -q '^virtual patch' "$cocci" && mode=patch
	for mode in $mode; do
		tree=$tree out=$out name=$name xargs -P "$jobs" -I{} \
			bash -c 'spatch_one "$0" "$1" "$2"' $mode "$cocci" {} \
			< "$out/$name.candidates" >> "$out/$name.$mode"
	done
}

for cocci in "$@"; do
	cocci=$(realpath "$cocci")
	name=$(basename "$cocci" .cocci)
	rule=$(sed -n 's|^// rpmcheck-rule: *\([a-z-]*\).*|\1|p' "$cocci" | head -1)
	: > "$out/$name.report"
	: > "$out/$name.patch"
	[ -n "${PER_FILE:-}" ] && run_per_file "$cocci"
	for m in "${dirs[@]}"; do
		[ -n "${PER_FILE:-}" ] && break
		make -s -C "$tree" coccicheck MODE=report COCCI="$cocci" M="$m" \
			J="$jobs" >> "$out/$name.report" 2> "$out/$name.report.err" || true
		if grep -q '^virtual patch' "$cocci"; then
			make -s -C "$tree" coccicheck MODE=patch COCCI="$cocci" M="$m" \
				J="$jobs" >> "$out/$name.patch" 2> "$out/$name.patch.err" || true
		fi
	done
	[ -s "$out/$name.patch" ] && [ "$rule" != none ] && judge_patch "$name" "$rule"
	[ -s "$out/$name.patch" ] && [ "$rule" = none ] && judge_patch "$name" rpm-leak
	{
		echo "== $name (rule ${rule:-?})"
		[ -n "${PER_FILE:-}" ] &&
			echo "candidate files: $(wc -l < "$out/$name.candidates"), timed out: $(sort -u "$out/$name.timeouts" | wc -l)"
		echo "report lines: $(grep -c ':[0-9]*:[0-9]*-[0-9]*:' "$out/$name.report" || true)"
		if [ -s "$out/$name.files" ]; then
			echo "patched files: $(wc -l < "$out/$name.files")"
			echo "  not built in this configuration: $(grep -c ' not-built' "$out/$name.files" || true)"
			echo "  patch does not apply: $(grep -c 'patch-does-not-apply' "$out/$name.files" || true)"
			echo "  still parse: $(grep -c 'parses=yes' "$out/$name.files" || true)"
			echo "  do not parse: $(grep -c 'parses=no' "$out/$name.files" || true)"
			awk '/parses=/ { split($3, b, "="); split($4, a, "=");
				before += b[2]; after += a[2] }
			     END { printf "  %s warnings before %d, after %d\n", "'"$rule"'", before, after }' \
				"$out/$name.files"
		fi
	} | tee "$out/$name.summary"
done
