#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# options.sh RPMCHECK - rpmcheck's own options: --help lists every rule of
# the diag table, --version prints "rpmcheck X.Y" (the project version),
# and bad command lines (unknown long option, bad --budget, --rules
# without a file, missing argument, no input files) exit 2 with one line
# on stderr saying what is wrong, before any file is analysed.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cat > "$tmp/leak.c" <<'C'
#include <linux/pm_runtime.h>

int warn_leak(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C

# The rule names, from the table --help prints them from.
mapfile -t rules < <(sed -n '/diag_rule_names\[\] = {/,/NULL/p' \
	"$top/checker/diag.c" | grep -o '"[^"]*"' | tr -d '"')
has_known_rules()
{
	local want

	for want in rpm-leak rpm-underflow rpm-get-sync-ret; do
		printf '%s\n' "${rules[@]}" | grep -qx -- "$want" || return 1
	done
}
check "diag table read from checker/diag.c (${#rules[@]} rules)" has_known_rules
out_has_word() { grep -qE -- "(^|[^[:alnum:]_-])$1(\$|[^[:alnum:]_-])" <<<"$out"; }

for opt in --help -h; do
	run "$rpmcheck" "$opt"
	check "$opt: exit 0" status_is 0
	check "$opt: usage on stdout" out_has "usage: rpmcheck"
	check "$opt: nothing on stderr" err_empty
	for rule in "${rules[@]}"; do
		check "$opt: mentions $rule" out_has_word "$rule"
	done
done

version=$(sed -nE 's/^project\(rpmcheck VERSION ([0-9.]+).*/\1/p' "$top/CMakeLists.txt")
run "$rpmcheck" --version
check "--version: exit 0" status_is 0
check "--version: prints \"rpmcheck X.Y\"" out_is_line 'rpmcheck [0-9]+\.[0-9]+(\.[0-9]+)?'
check "--version: the project version ($version)" out_has "rpmcheck $version"
check "--version: nothing on stderr" err_empty

# Bad command lines, with a file that would warn: nothing is analysed.
bad_cmdline()
{
	local what=$1 needle=$2

	shift 2
	run "$rpmcheck" -nostdinc -isystem "$inc" "$@"
	check "$what: exit 2" status_is 2
	check "$what: one line on stderr" err_lines 1
	check "$what: the line says '$needle'" err_has "$needle"
	check "$what: no file analysed" all_lacks "warning:"
}
bad_cmdline "--frobnicate" "--frobnicate" --frobnicate "$tmp/leak.c"
bad_cmdline "--frobnicate after the file" "--frobnicate" "$tmp/leak.c" --frobnicate
bad_cmdline "--budget=abc" "abc" --budget=abc "$tmp/leak.c"
bad_cmdline "--budget=0" "budget" --budget=0 "$tmp/leak.c"
bad_cmdline "--budget=-5" "budget" --budget=-5 "$tmp/leak.c"
bad_cmdline "--budget=" "budget" --budget= "$tmp/leak.c"
bad_cmdline "--budget=12x" "12x" --budget=12x "$tmp/leak.c"
bad_cmdline "-I at the end" "-I" "$tmp/leak.c" -I
bad_cmdline "-include at the end" "-include" "$tmp/leak.c" -include

run "$rpmcheck" -nostdinc -isystem "$inc" --budget=1000 "$tmp/leak.c"
check "--budget=1000 is accepted (exit 0)" status_is 0
check "--budget=1000 still finds the leak" all_has "[-Wrpm-leak]"

run "$rpmcheck" --rules
check "--rules without a file: exit 2" status_is 2
check "--rules without a file: one line on stderr" err_lines 1
check "--rules without a file: the line names --rules" err_has "--rules"

run "$rpmcheck"
check "no arguments: exit 2" status_is 2
check "no arguments: one line on stderr" err_lines 1
check "no arguments: says there is no input file" err_has "no input files"

run "$rpmcheck" -nostdinc -isystem "$inc" -D__KERNEL__ -Wall --fail-on-warning
check "flags but no input files: exit 2" status_is 2
check "flags but no input files: one line on stderr" err_lines 1
check "flags but no input files: says there is no input file" err_has "no input files"

finish
