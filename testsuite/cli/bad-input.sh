#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bad-input.sh RPMCHECK - inputs rpmcheck cannot use: a missing file, an
# unreadable file, a directory with no .c file, a file that does not parse (syntax error,
# missing header), bad --rules files (bad value, unknown attribute,
# missing file, a directory).  Each gives exit 2 and one line on stderr
# naming the input (rules errors as FILE:LINE: error: ...).  One bad file
# among good ones still gives exit 2, and the good files' warnings are
# printed.  Also: a --rules file describing a driver's own wrapper
# (foo_pm_get) makes a leak through that extern wrapper visible.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$tmp"
cat > leak.c <<'C'
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
leak_warning="leak.c:8:3: warning: 'warn_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"
printf 'int f(void)\n{\n\treturn 0\n}\n' > syntax.c
printf '#include <linux/no-such-header.h>\nint f(void);\n' > noheader.c
mkdir adir

# bad_file WHAT NEEDLE ARG... - exit 2, one line on stderr naming NEEDLE.
bad_file()
{
	local what=$1 needle=$2

	shift 2
	rpm "$@"
	check "$what: exit 2" status_is 2
	check "$what: one line on stderr" err_lines 1
	check "$what: the line names '$needle'" err_has "$needle"
	check "$what: the line is an error" err_has ": error: "
	check "$what: nothing on stdout" out_empty
}

bad_file "missing file" "no-such-file.c" no-such-file.c

if [ "$(id -u)" -eq 0 ]; then
	skip "unreadable file: running as root, which can read anything"
else
	cp leak.c unreadable.c
	chmod 000 unreadable.c
	bad_file "unreadable file" "unreadable.c" unreadable.c
fi

bad_file "directory with no .c file" "adir" adir
check "directory with no .c file: the line says so" err_has "no .c file"

bad_file "syntax error" "syntax.c" syntax.c
check "syntax error: the line says 'cannot parse'" err_has "cannot parse"
check "syntax error: the line gives where" err_has "syntax.c:3:"

bad_file "missing header" "noheader.c" noheader.c
check "missing header: the line says 'cannot parse'" err_has "cannot parse"
check "missing header: the line names the header" err_has "no-such-header.h"

# Rules files: comment and blank lines count.
printf '# my driver\n\nfoo_pm_get dev=0 count=+1\nfoo_pm_put dev=0 count=-2\nfoo_x dev=0\n' > badvalue.rules
for form in "--rules badvalue.rules" "--rules=badvalue.rules"; do
	# shellcheck disable=SC2086
	rpm $form leak.c
	check "$form (bad value on line 4): exit 2" status_is 2
	check "$form: one line on stderr" err_lines 1
	check "$form: 'badvalue.rules:4: error: ...'" err_matches '^badvalue\.rules:4: error: .+'
	check "$form: no file analysed" all_lacks "warning:"
done

printf 'foo_pm_get dev=0 count=+1\r\n# colour\r\nfoo_pm_put dev=0 colour=blue\r\n' > badattr.rules
rpm --rules badattr.rules leak.c
check "unknown attribute (line 3, CRLF file): exit 2" status_is 2
check "unknown attribute: one line on stderr" err_lines 1
check "unknown attribute: 'badattr.rules:3: error: ...'" err_matches '^badattr\.rules:3: error: '
check "unknown attribute: the line says so" err_has "attribute"

# "struct" lines (driver structures, PM ops): each bad form is one line.
while IFS='|' read -r line what; do
	printf '# drivers\n%s\n' "$line" > badstruct.rules
	rpm --rules badstruct.rules leak.c
	check "struct line, $what: exit 2" status_is 2
	check "struct line, $what: 'badstruct.rules:2: error: ...'" \
		err_matches '^badstruct\.rules:2: error: .+'
done <<'LINES'
struct foo_driver|no kind
struct foo_driver bus probe=probe|unknown kind
struct foo_driver driver remove=remove|no probe=
struct foo_driver driver probe=pro-be|bad field name
struct foo_driver driver probe=probe colour=blue|unknown attribute
struct dev_pm_ops pm-ops runtime=runtime_suspend|unknown pm-ops attribute
struct driver.x driver probe=probe|bad type name
struct foo_ops ops undone-by=startup|undone-by= without a second field
struct foo_ops ops undone-by=start:st-op|undone-by= with a bad field name
struct foo_ops ops colour=blue|unknown ops attribute
pm_runtime_enable dev=0 lifecycle=sometimes|bad lifecycle=
pm_runtime_resume rpm-sync=maybe dev=0|bad rpm-sync=
put_device dev=0 frees-dev=sometimes|bad frees-dev=
put_device frees-dev|frees-dev without dev=
LINES
printf 'struct foo_driver driver probe=start remove=stop,unbind pm=drv.pm\n' > goodstruct.rules
rpm --rules goodstruct.rules leak.c
check "a good struct line: accepted" status_is 0

bad_file "missing rules file" "no-such.rules" --rules no-such.rules leak.c
check "missing rules file: no file analysed" all_lacks "warning:"

rpm --rules adir leak.c
check "--rules with a directory: exit 2" status_is 2
check "--rules with a directory: one line on stderr" err_lines 1
check "--rules with a directory: the line names it" err_has "adir"

# A driver's wrapper of pm_runtime_resume_and_get(), extern: only a
# rules file tells what it does.
cat > wrapper.c <<'C'
#include <linux/pm_runtime.h>

extern int foo_pm_get(struct device *dev);
extern int foo_hw_read(struct device *dev);

int warn_read(struct device *dev)
{
	int ret = foo_pm_get(dev);

	if (ret)
		return ret;
	ret = foo_hw_read(dev);
	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
printf 'foo_pm_get dev=0 count=+1 when=ret==0\n' > foo.rules
wrapper_warning="wrapper.c:14:3: warning: 'warn_read' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"

rpm wrapper.c
check "wrapper without --rules: exit 0" status_is 0
check "wrapper without --rules: no warning" all_lacks "warning:"
rpm --rules foo.rules wrapper.c
check "wrapper with --rules: exit 0" status_is 0
check "wrapper with --rules: the leak is found" all_has "$wrapper_warning"
check "wrapper with --rules: the note names foo_pm_get" all_has "wrapper.c:8:12: note: 'foo_pm_get' raises"
rpm --rules=foo.rules wrapper.c
check "wrapper with --rules=FILE: the leak is found" all_has "$wrapper_warning"

# One bad file among good ones.
for order in "leak.c syntax.c" "syntax.c leak.c" "leak.c no-such-file.c wrapper.c" \
	     "adir leak.c"; do
	# shellcheck disable=SC2086
	rpm $order
	check "files $order: exit 2" status_is 2
	check "files $order: the good file's warning is printed" all_has "$leak_warning"
	check "files $order: one error line" err_count 1 ': error: '
done
rpm --fail-on-warning leak.c syntax.c
check "--fail-on-warning, leak.c and a bad file: exit 2, not 1" status_is 2

finish
