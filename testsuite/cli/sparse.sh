#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sparse.sh RPMCHECK - --sparse: rpmcheck also runs sparse ($SPARSE, else
# "sparse" from PATH) on the same command line.
#
# With a fake sparse that records its arguments and prints a line: it
# gets exactly the compiler flags (kept or ignored by rpmcheck, in order,
# two-word ones too) and the file, none of rpmcheck's own options
# (--sparse, --db, -j, --jobs, --budget, --time-budget, --rules,
# --no-progress, --all-files, --fail-on-warning); its line is printed and
# rpmcheck's findings too; its non-zero exit status (or 128+signal) is
# rpmcheck's when rpmcheck itself has nothing to report; without --sparse
# it is not run; SPARSE unset or empty means "sparse" from PATH; SPARSE
# naming a missing or non-executable program gives exit 2, one error
# line, and nothing analysed.  Many-file runs (a directory, -p) should
# give sparse the files, not the directory.
#
# With the real sparse, when installed: its warning for a __user pointer
# dereference appears next to rpmcheck's own finding (sparse defines
# __CHECKER__ itself; rpmcheck must not, or the file would not parse).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=lib-known.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-known.sh"

cd "$tmp"
mkdir bin pathbin d
log=$tmp/sparse.args
cat > bin/fake-sparse <<'SH'
#!/bin/sh
# records its arguments, one a line, says how many, exits as told
printf '%s\n' "$@" > "$FAKE_SPARSE_LOG"
echo "fake-sparse: $# arguments"
[ -z "${FAKE_SPARSE_SIGNAL:-}" ] || kill -"$FAKE_SPARSE_SIGNAL" $$
exit "${FAKE_SPARSE_STATUS:-0}"
SH
chmod +x bin/fake-sparse
cp bin/fake-sparse pathbin/sparse
cp bin/fake-sparse bin/not-executable
chmod -x bin/not-executable
export FAKE_SPARSE_LOG=$log

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
cat > clean.c <<'C'
#include <linux/pm_runtime.h>

int clean(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
: > empty.rules
cp leak.c d/

sparse_ran()	{ [ -f "$log" ]; }
# sparse_got ARG... - the fake's arguments were exactly these.
sparse_got()	{ sparse_ran && [ "$(cat "$log")" = "$(printf '%s\n' "$@")" ]; }
sparse_got_line() { sparse_ran && grep -qxF -- "$1" "$log"; }
fake()		{ rm -f "$log"; SPARSE=$tmp/bin/fake-sparse run "$rpmcheck" "$@"; }

# ---- the arguments sparse gets ----

compiler_flags=(-nostdinc -isystem "$inc" -DFOO=1 -D BAR -Wall
		--param asan-globals=1 -Wp,-MMD,.leak.o.d -c -o leak.o)
fake --sparse --db "$tmp/facts.db" -j 2 --jobs=3 -j4 --budget=1000 \
     --time-budget=60 --rules empty.rules --no-progress --all-files \
     "${compiler_flags[@]}" leak.c
check "fake sparse: exit 0" status_is 0
check "fake sparse: it ran" sparse_ran
check "fake sparse: it got exactly the compiler flags and the file, in order" \
	sparse_got "${compiler_flags[@]}" leak.c
check "fake sparse: its line is printed" all_has "fake-sparse: 14 arguments"
check "fake sparse: rpmcheck's finding is printed" all_has "$leak_warning"
check "fake sparse: rpmcheck's flags still work (-D BAR kept for the parser)" \
	all_lacks ": error:"

fake -nostdinc -isystem "$inc" leak.c
check "without --sparse: sparse is not run" eval '! sparse_ran'
check "without --sparse: rpmcheck's finding" all_has "$leak_warning"
check "without --sparse: no sparse line" all_lacks "fake-sparse"

fake -nostdinc -isystem "$inc" --fail-on-warning leak.c --sparse
check "--sparse after the file: sparse runs" sparse_ran
check "--sparse after the file: no --sparse or --fail-on-warning for sparse" \
	sparse_got -nostdinc -isystem "$inc" leak.c
check "--sparse --fail-on-warning with a finding: exit 1" status_is 1

fake --sparse -Wno-rpm-get-sync-ret -nostdinc -isystem "$inc" leak.c
check "fake sparse: -Wno-RULE is rpmcheck's, not passed on" \
	sparse_got -nostdinc -isystem "$inc" leak.c

# ---- its exit status ----

FAKE_SPARSE_STATUS=3 fake --sparse -nostdinc -isystem "$inc" leak.c
check "sparse exits 3: rpmcheck exits 3" status_is 3
check "sparse exits 3: rpmcheck's finding is still printed" all_has "$leak_warning"
FAKE_SPARSE_STATUS=1 fake --sparse -nostdinc -isystem "$inc" clean.c
check "sparse exits 1, nothing found: rpmcheck exits 1" status_is 1
check "sparse exits 1: its line is printed" all_has "fake-sparse: 4 arguments"
FAKE_SPARSE_SIGNAL=TERM fake --sparse -nostdinc -isystem "$inc" clean.c
check "sparse killed by SIGTERM: exit 143 (128 + 15)" status_is 143
FAKE_SPARSE_STATUS=0 fake --sparse -nostdinc -isystem "$inc" clean.c
check "sparse exits 0, nothing found: exit 0" status_is 0

# ---- finding sparse ----

rm -f "$log"
SPARSE= PATH="$tmp/pathbin:$PATH" run "$rpmcheck" --sparse -nostdinc -isystem "$inc" leak.c
check "SPARSE empty: 'sparse' from PATH runs" sparse_got -nostdinc -isystem "$inc" leak.c
rm -f "$log"
(unset SPARSE; PATH="$tmp/pathbin:$PATH" "$rpmcheck" --sparse -nostdinc -isystem "$inc" leak.c) \
	>/dev/null 2>&1 || true
check "SPARSE unset: 'sparse' from PATH runs" sparse_got -nostdinc -isystem "$inc" leak.c

for prog in "$tmp/bin/no-such-sparse" no-such-sparse-in-path "$tmp/bin/not-executable"; do
	SPARSE=$prog run "$rpmcheck" --sparse -nostdinc -isystem "$inc" leak.c
	check "SPARSE=$prog: exit 2" status_is 2
	check "SPARSE=$prog: one line on stderr" err_lines 1
	check "SPARSE=$prog: an error naming it" \
		eval 'err_has "rpmcheck: error: " && err_has "$prog"'
	check "SPARSE=$prog: nothing analysed" all_lacks "warning:"
done
SPARSE=$tmp/bin/no-such-sparse run "$rpmcheck" -nostdinc -isystem "$inc" leak.c
check "SPARSE missing but no --sparse: exit 0, the finding" \
	eval 'status_is 0 && all_has "$leak_warning"'

# ---- many-file runs ----

fake --sparse -nostdinc -isystem "$inc" d
check "--sparse DIR: rpmcheck checks d/leak.c" all_has "d/$leak_warning"
check "--sparse DIR: sparse is given d/leak.c, not the directory" \
	eval 'sparse_got_line d/leak.c && ! sparse_got_line d'

cat > compile_commands.json <<JSON
[{"directory": "$tmp", "arguments": ["gcc", "-nostdinc", "-isystem", "$inc", "-c", "leak.c"], "file": "leak.c"}]
JSON
fake --sparse -p .
check "--sparse -p .: rpmcheck checks leak.c" all_has "$leak_warning"
check "--sparse -p .: sparse is given leak.c (as the database names it) with its flags" \
	eval 'sparse_got_line "$tmp/leak.c" && sparse_got_line "$inc"'

# ---- the real sparse ----

if command -v sparse >/dev/null 2>&1; then
	cat > user.c <<'C'
#include <linux/pm_runtime.h>

/* sparse defines __CHECKER__; clang rejects an identifier address space */
#ifdef __CHECKER__
#undef __user		/* the test headers' empty one */
#define __test_user __attribute__((noderef, address_space(__user)))
#else
#define __test_user
#endif

int read_user(int __test_user *p)
{
	return *p;
}

int warn_leak(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
	unset SPARSE
	run "$rpmcheck" --sparse -nostdinc -isystem "$inc" user.c
	check "real sparse: exit 0" status_is 0
	check "real sparse: its noderef warning" \
		err_matches '^user\.c:13:[0-9]+: warning: dereference of noderef expression'
	check "real sparse: it found the headers (-isystem passed on)" \
		all_lacks "unable to open"
	check "real sparse: rpmcheck's finding (it parsed: no __CHECKER__)" \
		all_has "user.c:21:3: warning: 'warn_leak' returns an error"
	check "real sparse: no error line" all_lacks ": error:"
else
	skip "real sparse: not installed (command -v sparse)"
fi

known_summary
finish
