#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# compdb.sh RPMCHECK - many-file runs from a compile_commands.json:
# "--compile-commands FILE", "--compile-commands=FILE" and "-p DIR" (which
# reads DIR/compile_commands.json) give the same output.
#
# The database written here has an "arguments" entry (bear's form) and a
# "command" entry (gen_compile_commands.py's form, split like a shell:
# -DKBUILD_MODNAME='"x"', a define with a quoted space), relative "file"
# names taken from "directory", a relative -I taken from "directory" too,
# flags kbuild uses that must be ignored (--param asan-globals=1 in two
# words, -Wp,-MMD,x.d, -c -o x.o: nothing is written), an assembler entry
# (not checked) and a second entry for the same file with flags that
# would break it (the first entry wins).  Each .c file parses only with
# its own flags.  Findings are printed under the right file names
# (relative to the current directory when below it, absolute otherwise),
# in the database's order, with the summary's counts; a .c file on disk
# that the database does not list is not checked.  Path arguments keep
# the files at or below them.  --fail-on-warning gives 1.  A missing,
# unreadable or malformed compile_commands.json gives exit 2 and one error
# line naming it, before anything is analysed.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=lib-known.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-known.sh"

p=$tmp/proj
mkdir -p "$p/src" "$p/other" "$p/inc" "$p/arch" "$tmp/elsewhere"
cat > "$p/src/one.c" <<'C'
#include <linux/pm_runtime.h>
#include "one_extra.h"		/* -I ../inc, relative to "directory" */

#ifndef ONE_DEFINED
#error -DONE_DEFINED (from "arguments") did not arrive
#endif

int one_leak(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return ONE_EXTRA;
}
C
printf '#define ONE_EXTRA 0\n' > "$p/inc/one_extra.h"
cat > "$p/other/two.c" <<'C'
#include <linux/pm_runtime.h>

#ifndef TWO_DEFINED
#error -DTWO_DEFINED (from "command") did not arrive
#endif
/* negative sizes unless the shell quoting was undone right */
static char modname_is_x[sizeof(KBUILD_MODNAME) == 2 && KBUILD_MODNAME[0] == 'x' ? 1 : -1];
static char greeting_ok[sizeof(GREETING) == 12 && GREETING[5] == ' ' ? 1 : -1];

int two_ret(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
# Listed nowhere: never checked.
sed 's/one_leak/notlisted_leak/; /one_extra/d; /ONE_DEFINED/,/endif/d; s/ONE_EXTRA/0/' \
	"$p/src/one.c" > "$p/src/notlisted.c"
printf '\t.text\n' > "$p/arch/entry.S"

cat > "$p/compile_commands.json" <<JSON
[
  {
    "directory": "$p/src",
    "arguments": ["gcc", "-nostdinc", "-I", "$inc", "-I", "../inc",
                  "-DONE_DEFINED", "-c", "-o", "one.o",
                  "--param", "asan-globals=1", "-Wp,-MMD,.one.o.d", "one.c"],
    "file": "one.c",
    "output": "one.o"
  },
  {
    "directory": "$p",
    "command": "gcc -nostdinc -I$inc -DTWO_DEFINED -DKBUILD_MODNAME='\"x\"' -DGREETING='\"hello world\"' --param asan-globals=1 -Wp,-MMD,other/.two.o.d -c -o other/two.o other/two.c",
    "file": "other/two.c"
  },
  {
    "directory": "$p",
    "command": "gcc -D__ASSEMBLY__ -c -o arch/entry.o arch/entry.S",
    "file": "arch/entry.S"
  },
  {
    "directory": "$p/src",
    "arguments": ["gcc", "-include", "no-such-header.h", "-c", "one.c"],
    "file": "../src/one.c"
  }
]
JSON

one_warning="src/one.c:13:3: warning: 'one_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"
two_ret_warning="other/two.c:14:6: warning: 'two_ret' treats a positive return of 'pm_runtime_get_sync' (device already active) as an error [-Wrpm-get-sync-ret]"
two_leak_warning="other/two.c:15:3: warning: 'two_ret' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"

# ---- predicates (as in tree-mode.sh) ----

summary_is()
{
	local want line

	want="rpmcheck: $1 files: $2 checked, $3 skipped (nothing to check), $4 did not parse, $5 crashed, $6 timed out; "
	line=$(tail -n 2 <<<"$err" | head -n 1)
	[[ $line == "$want"* ]] && [[ ${line#"$want"} =~ ^[0-9]+\.[0-9]\ s$ ]]
}
# findings_has "RULE N"... - those counts on the last line.
findings_has()
{
	local line w

	line=$(tail -n 1 <<<"$err")
	[[ $line == "rpmcheck: findings: "* ]] || return 1
	for w in "$@"; do
		grep -qE "(: |, )$w(,|\$)" <<<"$line" || return 1
	done
}
file_order()
{
	local got

	got=$(grep -v '^rpmcheck: ' <<<"$err" | sed -E 's/^([^:]+):.*/\1/' | uniq | tr '\n' ' ')
	[ "$got" = "$* " ]
}
err_lacks()	{ ! err_has "$1"; }
keep_err()	{ sed -E 's/(timed out; )[0-9]+\.[0-9] s$/\1T s/' "$tmp/.err" > "$1"; }
same_file()	{ cmp -s "$1" "$2"; }
two_checked()	{ status_is 0 && err_has "'two_ret' returns an error"; }
nothing_written()
{
	[ -z "$(find "$p" -name '*.o' -o -name '*.d' -o -name '.*.d')" ]
}

# ---- the whole database ----

cd "$p"
n=0
for form in "--compile-commands compile_commands.json" \
	    "--compile-commands=compile_commands.json" "-p ." "-p $p" "-j1 -p ."; do
	# shellcheck disable=SC2086
	run "$rpmcheck" $form
	check "$form: exit 0" status_is 0
	check "$form: nothing on stdout" out_empty
	check "$form: 2 files, 2 checked (the .S entry and the duplicate are not)" \
		summary_is 2 2 0 0 0 0
	check "$form: findings rpm-leak 2, rpm-get-sync-ret 1" \
		findings_has "rpm-leak 2" "rpm-get-sync-ret 1" "rpm-underflow 0" "sleep-in-atomic 0"
	check "$form: src/one.c's leak" err_has "$one_warning"
	check "$form: other/two.c's get-sync return" err_has "$two_ret_warning"
	check "$form: other/two.c's leak" err_has "$two_leak_warning"
	check "$form: in the database's order" file_order src/one.c other/two.c
	check "$form: no error line (flags taken from the right entries)" all_lacks ": error:"
	check "$form: a file the database does not list is not checked" all_lacks notlisted
	check "$form: no .o or .d file written" nothing_written
	n=$((n + 1))
	keep_err "$tmp/err.$n"
done
all_same_output()
{
	local f n=0

	for f in "$tmp"/err.*; do
		same_file "$f" "$tmp/err.1" || return 1
		n=$((n + 1))
	done
	[ $n -eq 5 ]
}
check "--compile-commands=FILE, -p ., -p /abs, -j1: the same output as --compile-commands FILE" \
	all_same_output

run "$rpmcheck" --fail-on-warning -p .
check "--fail-on-warning -p . with findings: exit 1" status_is 1

cd "$tmp/elsewhere"
run "$rpmcheck" -p "$p"
check "-p from outside the project: exit 0" status_is 0
check "-p from outside the project: absolute file names" \
	err_has "$p/$one_warning"
check "-p from outside the project: absolute file names (two.c)" \
	err_has "$p/$two_leak_warning"
cd "$tmp"
run "$rpmcheck" -p proj
check "-p proj from its parent: names relative to the current directory" \
	err_has "proj/$two_ret_warning"
check "-p proj from its parent: not absolute" err_lacks "$tmp/proj/"

# ---- path arguments keep the files below them ----

cd "$p"
for paths in other other/ other/two.c "$p/other" "./other"; do
	run "$rpmcheck" -p . "$paths"
	check "-p . $paths: exit 0" status_is 0
	check "-p . $paths: 1 file" summary_is 1 1 0 0 0 0
	check "-p . $paths: two.c's warnings" err_has "$two_leak_warning"
	check "-p . $paths: not one.c's" err_lacks "one_leak"
done
run "$rpmcheck" -p . src/one.c
check "-p . src/one.c: only one.c" eval 'summary_is 1 1 0 0 0 0 && err_has "$one_warning" && err_lacks two_ret'
run "$rpmcheck" -p . other src
check "-p . other src: both, in the database's order" \
	eval 'summary_is 2 2 0 0 0 0 && file_order src/one.c other/two.c'
run "$rpmcheck" -p . src/notlisted.c src
check "-p . src/notlisted.c src: a listed file below src only" \
	eval 'summary_is 1 1 0 0 0 0 && err_lacks notlisted'

# Paths that select no entry.
for paths in src/on nosuch arch; do
	run "$rpmcheck" -p . "$paths"
	check "-p . $paths (selects nothing): exit 2" status_is 2
	check "-p . $paths: nothing analysed" all_lacks "warning:"
	check 	"-p . $paths: one error line saying why" eval 'err_lines 1 && err_has ": error: "'
done

# The database's directories reached through a symbolic link.
ln -s proj "$tmp/link"
sed "s|$p|$tmp/link|g" compile_commands.json > "$tmp/link.json"
run "$rpmcheck" --compile-commands "$tmp/link.json"
check "through a symlink, all files: exit 0" status_is 0
check "through a symlink, all files: 2 checked" summary_is 2 2 0 0 0 0
check "through a symlink, all files: two.c among them" two_checked
run "$rpmcheck" --compile-commands "$tmp/link.json" other
check "through a symlink, path 'other': exit 0 and two.c is checked" two_checked

# ---- unusable databases: exit 2, one line, nothing analysed ----

# bad_db WHAT NEEDLE ARG... - exit 2, one error line containing NEEDLE.
bad_db()
{
	local what=$1 needle=$2

	shift 2
	run "$rpmcheck" "$@"
	check "$what: exit 2" status_is 2
	check "$what: one line on stderr" err_lines 1
	check "$what: it is an error naming '$needle'" \
		eval 'err_has "rpmcheck: error: " && err_has "$needle"'
	check "$what: nothing analysed" all_lacks "warning:"
	check "$what: nothing on stdout" out_empty
}

cd "$p"
bad_db "missing --compile-commands file" "$tmp/nope.json" --compile-commands "$tmp/nope.json"
check "missing --compile-commands file: says it cannot be opened" err_has "cannot open"
bad_db "-p DIR without compile_commands.json" "$tmp/elsewhere/compile_commands.json" -p "$tmp/elsewhere"
bad_db "-p a missing directory" "$tmp/nodir/compile_commands.json" -p "$tmp/nodir"
if [ "$(id -u)" -ne 0 ]; then
	cp compile_commands.json "$tmp/unreadable.json"
	chmod 000 "$tmp/unreadable.json"
	bad_db "unreadable compile_commands.json" "unreadable.json" --compile-commands "$tmp/unreadable.json"
else
	skip "unreadable compile_commands.json: running as root"
fi

printf '[\n  {"directory": "%s", "file": "one.c"\n   "arguments": ["gcc", "one.c"]}\n]\n' "$p/src" > "$tmp/syntax.json"
bad_db "JSON syntax error" "syntax.json" --compile-commands "$tmp/syntax.json"
check "JSON syntax error: gives the line (3)" err_has "(line 3)"
# the same, cut short
head -c 60 compile_commands.json > "$tmp/cut.json"
bad_db "truncated JSON" "cut.json" --compile-commands "$tmp/cut.json"
printf '{"directory": "%s", "file": "one.c", "command": "gcc one.c"}\n' "$p/src" > "$tmp/object.json"
bad_db "top level not an array" "object.json" --compile-commands "$tmp/object.json"
check "top level not an array: says so" err_has "not an array"
printf '[{"directory": "%s", "command": "gcc -c one.c"}]\n' "$p/src" > "$tmp/nofile.json"
bad_db "entry without \"file\"" "nofile.json" --compile-commands "$tmp/nofile.json"
check "entry without \"file\": names the key" err_has '"file"'
printf '[{"directory": "%s", "file": "one.c", "command": "gcc -DX='"'"'oops one.c"}]\n' "$p/src" > "$tmp/quote.json"
bad_db "unterminated quote in \"command\"" "quote.json" --compile-commands "$tmp/quote.json"
check "unterminated quote in \"command\": says so" err_has "unterminated quote"
# a good entry before the bad one: still nothing is analysed
{ printf '[\n'; sed -n '2,8p' compile_commands.json
  printf '  },\n  {"directory": 7, "file": "x.c", "command": "gcc x.c"}\n]\n'; } > "$tmp/late.json"
bad_db "bad second entry" "late.json" --compile-commands "$tmp/late.json"
check "bad second entry: says \"directory\" is not a string" err_has '"directory" is not a string'

printf '[]\n' > "$tmp/empty.json"
run "$rpmcheck" --compile-commands "$tmp/empty.json"
check "empty database: exit 2" status_is 2
check "empty database: one error line" eval 'err_lines 1 && err_has "empty.json"'

known_summary
finish
