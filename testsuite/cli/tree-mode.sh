#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tree-mode.sh RPMCHECK - many-file runs (a directory on the command line).
#
# A directory outside any kernel tree, flags on the command line
# (-nostdinc -I testsuite/include): every .c file below it is checked
# (other files are not), in sorted path order (C locale), each file's
# lines together; the output is the same byte for byte with -j1, -j2 and
# -j4 (the summary's elapsed seconds aside), although the first file is
# the slowest; the summary's last two lines count files checked, skipped
# (no runtime PM or lock call: not parsed), that did not parse (its error
# line is printed, the run goes on, exit 0 because others parsed) and the
# findings of each rule.  --all-files parses the skipped file too.
# --fail-on-warning gives 1 with findings (0 without); a directory where
# nothing parses gives 2.  No progress line ("\r", "ETA") unless stderr is
# a terminal or --progress is given.  --time-budget=1 with a file that
# takes ~20 s to check: in a directory run it is reported as timed out and
# the run goes on (exit 2); named alone it gives one error line and
# exit 2.
#
# A fake configured kernel tree (Makefile, Kconfig, include/linux/kernel.h,
# include/generated/autoconf.h with CONFIG_X86_64 and CONFIG_FOO_MODULE,
# the three forced headers): "rpmcheck drivers/foo" and
# "rpmcheck drivers/foo/foo.c" with no flags at all must check foo.c,
# which parses only with the tree's flags (-I from drivers/foo/Makefile's
# ccflags-y, its -DFOO_EXTRA=1, drivers/Makefile's subdir-ccflags-y
# -DFROM_DRIVERS, CFLAGS_foo.o, ccflags-$(CONFIG_FOO), __KERNEL__,
# KBUILD_MODNAME "foo"), and print its finding; -DMODULE (foo.o is in
# obj-$(CONFIG_FOO), CONFIG_FOO=m) is checked on its own; drivers/bar
# (Kbuild with an include and a variable, a module of two files, one in
# a subdirectory built from bar's Kbuild) parses; tools/ is not
# walked.  Without include/generated/autoconf.h: exit 2 and one line
# saying "make defconfig prepare".
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=lib-known.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-known.sh"

# ---- the fixture: a directory outside any kernel tree ----

cd "$tmp"
mkdir -p d/sub clean broken
# A leak, repeated in several files.
leak_body()
{
	cat <<C
#include <linux/pm_runtime.h>

int $1(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
}
leak_body upper_leak > d/A_upper.c
# The first file in -j order and the slowest (10^4 statements): with -j4
# the later files finish first and must wait for it.
cat > d/a_slow.c <<'C'
#include <linux/pm_runtime.h>
#define S1(x) x x x x x x x x x x
#define S4(x) S1(S1(S1(S1(x))))

int slow_leak(struct device *dev, int v)
{
	int ret = pm_runtime_get_sync(dev);

	S4(v = v * 3 + 1;)
	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return v;
}
C
# Nothing to check: no runtime PM, lock or IRQ call.
printf 'int plain(int x)\n{\n\treturn x + 1;\n}\n' > d/b_plain.c
# Does not parse (a runtime PM call, so it is not skipped unparsed).
printf '#include <linux/pm_runtime.h>\n\nint broken(struct device *dev)\n{\n\treturn pm_runtime_get_sync(dev)\n}\n' > d/c_broken.c
# Not .c files: never looked at (they would not parse).
printf 'int not_c(struct device *dev) { return pm_runtime_get_sync(dev) }\n' > d/helper.h
cp d/helper.h d/notes.txt
cat > d/sub/d_ret.c <<'C'
#include <linux/pm_runtime.h>

int ret_leak(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
cat > d/sub/e_sleep.c <<'C'
#include <linux/spinlock.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(e_lock);

void e_sleep(void)
{
	spin_lock(&e_lock);
	msleep(10);
	spin_unlock(&e_lock);
}
C
cat > d/sub/f_under.c <<'C'
#include <linux/pm_runtime.h>

int f_under(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret < 0) {
		pm_runtime_put(dev);
		return ret;
	}
	pm_runtime_put(dev);
	return 0;
}
C
cat > clean/ok.c <<'C'
#include <linux/pm_runtime.h>

int ok(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
cp d/b_plain.c clean/
cp d/c_broken.c broken/
cp d/c_broken.c broken/c_broken2.c

flags=(-nostdinc -I "$inc")
trun() { run "$rpmcheck" "${flags[@]}" "$@"; }

# ---- predicates ----

# summary_is FILES CHECKED SKIPPED UNPARSED CRASHED TIMEDOUT - the line
# before the last one of stderr.
summary_is()
{
	local want line

	want="rpmcheck: $1 files: $2 checked, $3 skipped (nothing to check), $4 did not parse, $5 crashed, $6 timed out; "
	line=$(tail -n 2 <<<"$err" | head -n 1 | sed 's/^.*\x1b\[K//')
	[[ $line == "$want"* ]] && [[ ${line#"$want"} =~ ^[0-9]+\.[0-9]\ s$ ]]
}
# findings_are "RULE N"... - the last line of stderr; rules not named: 0.
findings_are()
{
	local line entry name count want ok=0 seen=0

	line=$(tail -n 1 <<<"$err")
	[[ $line == "rpmcheck: findings: "* ]] || return 1
	line=${line#rpmcheck: findings: }
	while IFS= read -r entry; do
		name=${entry% *}
		count=${entry##* }
		[[ $count =~ ^[0-9]+$ ]] || return 1
		want=0
		for w in "$@"; do
			[ "${w% *}" != "$name" ] || want=${w##* }
		done
		[ "$count" -eq "$want" ] || ok=1
		seen=$((seen + 1))
	done < <(sed 's/, /\n/g' <<<"$line")
	# every rule named must be in the line
	for w in "$@"; do
		grep -qE "(^|, )${w% *} [0-9]+(,|\$)" <<<"$line" || return 1
	done
	[ $ok -eq 0 ] && [ $seen -ge 4 ]
}
# file_order FILE... - the files named at the start of stderr's lines
# (before the summary), in order, each one's lines together.
file_order()
{
	local got

	got=$(grep -v '^rpmcheck: ' <<<"$err" | sed -E 's/^([^:]+):.*/\1/' | uniq | tr '\n' ' ')
	[ "$got" = "$* " ]
}
err_lacks()	{ ! err_has "$1"; }
no_progress()	{ ! grep -q $'\r' <<<"$err" && ! grep -q 'ETA' <<<"$err"; }
has_progress()	{ grep -q $'\r' <<<"$err" && grep -q 'ETA' <<<"$err"; }
# The raw stderr of the last run, elapsed seconds replaced.
keep_err()	{ sed -E 's/(timed out; )[0-9]+\.[0-9] s$/\1T s/' "$tmp/.err" > "$1"; }
same_file()	{ cmp -s "$1" "$2"; }

# ---- a directory with flags on the command line ----

upper_warning="d/A_upper.c:8:3: warning: 'upper_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"
slow_warning="d/a_slow.c:11:3: warning: 'slow_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"
ret_warning="d/sub/d_ret.c:7:6: warning: 'ret_leak' treats a positive return of 'pm_runtime_get_sync' (device already active) as an error [-Wrpm-get-sync-ret]"
sleep_warning="d/sub/e_sleep.c:9:2: warning: 'msleep' may sleep but 'e_sleep' holds spinlock '&e_lock' (taken at line 8) [-Wsleep-in-atomic]"
under_warning="d/sub/f_under.c:8:3: warning: 'f_under' drops a runtime PM usage count of 'dev' that it does not hold [-Wrpm-underflow]"
expected_order=(d/A_upper.c d/a_slow.c d/c_broken.c d/sub/d_ret.c d/sub/e_sleep.c d/sub/f_under.c)

for j in 1 2 4; do
	trun -j"$j" d
	check "dir -j$j: exit 0 (one file did not parse, the others did)" status_is 0
	check "dir -j$j: nothing on stdout" out_empty
	check "dir -j$j: summary counts 7 files: 5 checked, 1 skipped, 1 did not parse" \
		summary_is 7 5 1 1 0 0
	check "dir -j$j: findings rpm-leak 3, rpm-underflow 1, rpm-get-sync-ret 1, sleep-in-atomic 1" \
		findings_are "rpm-leak 3" "rpm-underflow 1" "rpm-get-sync-ret 1" "sleep-in-atomic 1"
	check "dir -j$j: files in sorted path order, each one's lines together" \
		file_order "${expected_order[@]}"
	for w in "$upper_warning" "$slow_warning" "$ret_warning" "$sleep_warning" "$under_warning"; do
		check "dir -j$j: prints ${w%%: warning*}'s warning" err_has "$w"
	done
	check "dir -j$j: the leak in d/sub/d_ret.c too" \
		err_has "d/sub/d_ret.c:8:3: warning: 'ret_leak' returns an error"
	check "dir -j$j: the broken file's error line" \
		err_matches '^d/c_broken\.c: error: cannot parse file: .*c_broken\.c:5:'
	check "dir -j$j: exactly one error line" err_count 1 ': error: '
	check "dir -j$j: the skipped file is not mentioned" err_lacks b_plain
	check "dir -j$j: .h and .txt files are not checked" err_lacks "not_c"
	check "dir -j$j: no progress text (stderr is not a terminal)" no_progress
	keep_err "$tmp/err.j$j"
	cp "$tmp/.out" "$tmp/out.j$j"
done
check "dir: -j2 output is -j1's, byte for byte" same_file "$tmp/err.j1" "$tmp/err.j2"
check "dir: -j4 output is -j1's, byte for byte" same_file "$tmp/err.j1" "$tmp/err.j4"
check "dir: same stdout for -j1, -j2, -j4" \
	eval 'same_file "$tmp/out.j1" "$tmp/out.j2" && same_file "$tmp/out.j1" "$tmp/out.j4"'

trun --jobs=3 d/
check "dir/ with --jobs=3: same counts" summary_is 7 5 1 1 0 0
check "dir/ with --jobs=3: same files, same order (no '//')" file_order "${expected_order[@]}"

trun -j2 --all-files d
check "--all-files: exit 0" status_is 0
check "--all-files: the plain file is parsed (6 checked, 0 skipped)" summary_is 7 6 0 1 0 0
check "--all-files: same findings" \
	findings_are "rpm-leak 3" "rpm-underflow 1" "rpm-get-sync-ret 1" "sleep-in-atomic 1"

trun -j2 --fail-on-warning d
check "--fail-on-warning with findings: exit 1" status_is 1
check "--fail-on-warning with findings: the warnings are printed" err_has "$slow_warning"
trun -j2 --fail-on-warning clean
check "--fail-on-warning, no finding: exit 0" status_is 0
check "--fail-on-warning, no finding: 2 files, 1 checked, 1 skipped" summary_is 2 1 1 0 0 0
check "--fail-on-warning, no finding: all counts 0" findings_are "rpm-leak 0"

trun -j2 broken
check "no file parses: exit 2" status_is 2
check "no file parses: both error lines" err_count 2 ': error: cannot parse file'
check "no file parses: summary 2 files, 2 did not parse" summary_is 2 0 0 2 0 0

trun -j2 --progress d
check "--progress: exit 0" status_is 0
check "--progress: progress text on stderr (\\r, ETA)" has_progress
check "--progress: the summary still ends the output" summary_is 7 5 1 1 0 0
trun -j2 --no-progress d
check "--no-progress: no progress text" no_progress

# stderr on a terminal: progress by default, not with --no-progress.
if command -v script >/dev/null 2>&1 &&
   script -qec true /dev/null >/dev/null 2>&1; then
	q_rpm=$(printf '%q ' "$rpmcheck" "${flags[@]}")
	run script -qec "$q_rpm -j2 d" /dev/null
	err=$out	# script(1) puts the terminal's text on its stdout
	check "terminal: progress text by default" has_progress
	check "terminal: the findings are still printed" all_has "$sleep_warning"
	run script -qec "$q_rpm -j2 --no-progress d" /dev/null
	err=$out
	check "terminal, --no-progress: no progress text" eval '! grep -q ETA <<<"$err"'
	check "terminal, --no-progress: the findings are still printed" all_has "$sleep_warning"
else
	skip "progress on a terminal: no usable script(1)"
fi

# ---- a file that takes too long ----

mkdir slowdir
cat > slowdir/slow.c <<'C'
#include <linux/pm_runtime.h>
#define S1(x) x x x x x x x x x x
#define S6(x) S1(S1(S1(S1(S1(S1(x))))))

/* 10^6 statements: about 20 s to parse and check */
int very_slow(struct device *dev, int v)
{
	int ret = pm_runtime_get_sync(dev);

	S6(v = v * 3 + 1;)
	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return v;
}
C
leak_body quick_leak > slowdir/z_quick.c
quick_warning="z_quick.c:8:3: warning: 'quick_leak' returns an error"

SECONDS=0
trun -j2 --time-budget=1 slowdir
took=$SECONDS
check "--time-budget=1, dir: exit 2 (a file timed out)" status_is 2
check "--time-budget=1, dir: the slow file's line" \
	err_has "slowdir/slow.c: error: gave up after 1 s (--time-budget); the run goes on"
check "--time-budget=1, dir: the other file is checked" err_has "slowdir/$quick_warning"
check "--time-budget=1, dir: summary 2 files, 1 checked, 1 timed out" summary_is 2 1 0 0 0 1
check "--time-budget=1, dir: findings rpm-leak 1" findings_are "rpm-leak 1"
check "--time-budget=1, dir: gave up in time ($took s)" test "$took" -le 8

SECONDS=0
trun --time-budget=1 slowdir/slow.c
took=$SECONDS
check "--time-budget=1, one file: exit 2" status_is 2
check "--time-budget=1, one file: one line on stderr" err_lines 1
check "--time-budget=1, one file: it says so" \
	err_has "slowdir/slow.c: error: gave up after 1 s (--time-budget)"
check "--time-budget=1, one file: gave up in time ($took s)" test "$took" -le 8

trun --time-budget=1 slowdir/slow.c slowdir/z_quick.c
check "--time-budget=1, slow.c z_quick.c: exit 2" status_is 2
check "--time-budget=1, slow.c z_quick.c: the file after the slow one is still checked" \
	err_has "slowdir/$quick_warning"

# ---- --help names the tree-mode options ----

run "$rpmcheck" --help
help_has_tree_options()
{
	local opt

	for opt in --all-files --progress --no-progress --time-budget --jobs -j \
		   -p --compile-commands --sparse; do
		grep -qE -- "(^|[ ,])$opt([ =,]|\$)" <<<"$out" || return 1
	done
}
check "--help lists --all-files, --progress, --no-progress, --time-budget, -j, --jobs, -p, --compile-commands, --sparse" \
	help_has_tree_options

# ---- a fake configured kernel tree ----

k=$tmp/linux
mkdir -p "$k/include/linux" "$k/include/generated" "$k/arch/x86/include" \
	 "$k/drivers/foo/inc" "$k/tools"
cp -R "$inc/." "$k/include/"	# linux/kernel.h, pm_runtime.h, kconfig.h...
: > "$k/Makefile"
: > "$k/Kconfig"
: > "$k/include/linux/compiler-version.h"
printf '#define CONFIG_X86_64 1\n#define CONFIG_FOO_MODULE 1\n' \
	> "$k/include/generated/autoconf.h"
printf 'subdir-ccflags-y += -DFROM_DRIVERS\n' > "$k/drivers/Makefile"
cat > "$k/drivers/foo/Makefile" <<'MK'
obj-$(CONFIG_FOO) += foo.o
ccflags-y += -I$(srctree)/drivers/foo/inc -DFOO_EXTRA=1
ccflags-$(CONFIG_FOO) += -DFOO_CONFIGURED
ccflags-$(CONFIG_BAR) += -DBAR_SET
CFLAGS_foo.o := -DFOO_PER_FILE
MK
printf '#define FOO_INC_SEEN 1\n' > "$k/drivers/foo/inc/foo_inc.h"
cat > "$k/drivers/foo/foo.c" <<'C'
#include <linux/pm_runtime.h>
#include "foo_inc.h"		/* only in drivers/foo/inc */

#if !defined(FOO_EXTRA) || !defined(FROM_DRIVERS) || !defined(__KERNEL__) || \
    !defined(FOO_CONFIGURED) || !defined(FOO_PER_FILE) || defined(BAR_SET)
#error the flags of drivers/foo/Makefile and drivers/Makefile did not arrive
#endif
/* a negative size unless KBUILD_MODNAME is "foo" */
static char modname_is_foo[sizeof(KBUILD_MODNAME) == 4 && KBUILD_MODNAME[0] == 'f' &&
			   KBUILD_MODNAME[1] == 'o' && KBUILD_MODNAME[2] == 'o' ? 1 : -1];

int foo_probe(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return FOO_INC_SEEN;
}

#ifdef MODULE
int foo_module_only(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
#endif
C
leak_body tools_leak > "$k/tools/t.c"
foo_warning="drivers/foo/foo.c:17:3: warning: 'foo_probe' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"
module_warning="drivers/foo/foo.c:28:3: warning: 'foo_module_only' returns an error"

cd "$k"
run "$rpmcheck" -nostdinc -I include drivers/foo/foo.c
check "kernel tree, fixture: foo.c does not parse without the tree's flags" \
	err_has "cannot parse file"

run "$rpmcheck" drivers/foo
check "kernel tree, rpmcheck drivers/foo: exit 0" status_is 0
check "kernel tree, rpmcheck drivers/foo: foo.c parsed and checked (1 files: 1 checked)" \
	summary_is 1 1 0 0 0 0
check "kernel tree, rpmcheck drivers/foo: the finding" err_has "$foo_warning"
check "kernel tree, rpmcheck drivers/foo: no error line" all_lacks ": error:"
check "kernel tree, rpmcheck drivers/foo: -DMODULE for foo.o (obj-\$(CONFIG_FOO), CONFIG_FOO=m)" \
	err_has "$module_warning"

run "$rpmcheck" drivers/foo/foo.c
check "kernel tree, rpmcheck drivers/foo/foo.c: exit 0" status_is 0
check "kernel tree, rpmcheck drivers/foo/foo.c: the finding" err_has "$foo_warning"
check "kernel tree, rpmcheck drivers/foo/foo.c: no summary (one file)" all_lacks "rpmcheck: "
check "kernel tree, rpmcheck drivers/foo/foo.c: -DMODULE for foo.o" \
	err_has "$module_warning"

cd drivers/foo
run "$rpmcheck" foo.c
check "kernel tree, from drivers/foo, rpmcheck foo.c: exit 0" status_is 0
check "kernel tree, from drivers/foo, rpmcheck foo.c: the finding" \
	err_has "foo.c:17:3: warning: 'foo_probe' returns an error"
# drivers/bar: a Kbuild file (read before Makefile) that includes a
# sub-Kbuild and uses a make variable; a module made of several files
# (bar-y); a file in a subdirectory built by bar's Kbuild (sub/bar_sub.o).
mkdir -p "$k/drivers/bar/sub" "$k/drivers/bar/hdr"
printf 'this Makefile must not be read: -DWRONG\n' > "$k/drivers/bar/Makefile"
cat > "$k/drivers/bar/Kbuild" <<'MK'
BAR_PATH := $(src)
ccflags-y += -I $(BAR_PATH)/hdr
obj-$(CONFIG_FOO) += bar.o
include $(src)/sub/Kbuild
MK
cat > "$k/drivers/bar/sub/Kbuild" <<'MK'
bar-y += bar_core.o sub/bar_sub.o
MK
printf '#define BAR_HDR 1\n' > "$k/drivers/bar/hdr/bar_hdr.h"
for f in bar_core sub/bar_sub; do
	cat > "$k/drivers/bar/$f.c" <<'C'
#include <linux/pm_runtime.h>
#include "bar_hdr.h"		/* only through the Kbuild variable */

#if !defined(MODULE) || !defined(FROM_DRIVERS) || defined(WRONG)
#error MODULE for a part of bar.o, or drivers/Makefile's flags, missing
#endif
int bar_probe(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return BAR_HDR;
}
C
done
cd "$k"

run "$rpmcheck" drivers/bar
check "kernel tree, rpmcheck drivers/bar: both parts of bar.o parse (2 checked)" \
	all_has "rpmcheck: 2 files: 2 checked, 0 skipped (nothing to check), 0 did not parse"
check "kernel tree, rpmcheck drivers/bar: the finding in bar_core.c" \
	all_has "drivers/bar/bar_core.c:12:3: warning: 'bar_probe' returns an error"
check "kernel tree, rpmcheck drivers/bar: and in sub/bar_sub.c (flags of the Kbuild above)" \
	all_has "drivers/bar/sub/bar_sub.c:12:3: warning: 'bar_probe' returns an error"

run "$rpmcheck" .
check "kernel tree, rpmcheck .: tools/ is not walked" all_lacks "tools_leak"
check "kernel tree, rpmcheck .: foo.c is" all_has "'foo_probe' returns an error"

mv include/generated/autoconf.h "$tmp/autoconf.h"
for what in drivers/foo drivers/foo/foo.c; do
	run "$rpmcheck" "$what"
	check "unconfigured tree, rpmcheck $what: exit 2" status_is 2
	check "unconfigured tree, rpmcheck $what: one line on stderr" err_lines 1
	check "unconfigured tree, rpmcheck $what: it says 'make defconfig prepare'" \
		err_has "make defconfig prepare"
	check "unconfigured tree, rpmcheck $what: nothing analysed" all_lacks "warning:"
done
mv "$tmp/autoconf.h" include/generated/autoconf.h

known_summary
finish
