#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# fix.sh RPMCHECK - --fix and --fix=diff with semantic patches written
# for this test (RPMCHECK_COCCI_DIR points at them), so that the
# mechanics are tested apart from cocci/'s real patches:
#   --fix=diff prints a unified diff and leaves the file as it was;
#   --fix replaces the file, then re-checks it and shows what is left;
#   a patch whose result does not parse is refused: file byte for byte
#   unchanged, one error line, no temporary file left behind;
#   a missing spatch or cocci directory: clear error, file unchanged;
#   a file with nothing to fix is not touched (same inode and mtime).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if ! command -v spatch > /dev/null; then
	skip "spatch is not installed"
	finish
fi

mkdir -p "$tmp/good" "$tmp/broken"
# The leak fix the test needs, done the blunt way: a put before the
# error return that follows a get_sync.
cat > "$tmp/good/leak_fix.cocci" <<'COCCI'
// SPDX-License-Identifier: GPL-2.0
/// test patch: drop the count on get_sync's error return
// Options: --no-includes --include-headers
// rpmcheck-rule: rpm-leak
virtual patch
@@
expression ret, dev;
@@
  ret = pm_runtime_get_sync(dev);
  if (ret < 0)
+ {
+	pm_runtime_put_noidle(dev);
	return ret;
+ }
COCCI
# A patch that breaks the file: its result does not parse.
cat > "$tmp/broken/leak_break.cocci" <<'COCCI'
// SPDX-License-Identifier: GPL-2.0
/// test patch: breaks the file
// Options: --no-includes --include-headers
// rpmcheck-rule: rpm-leak
virtual patch
@@
expression ret, dev;
@@
- ret = pm_runtime_get_sync(dev);
+ ret = pm_runtime_get_sync(dev->no_such_member);
COCCI

cat > "$tmp/leak.c" <<'C'
#include <linux/pm_runtime.h>

int sensor_read(struct device *dev)
{
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}

int sensor_write(struct device *dev)
{
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0) {
		pm_runtime_put(dev);
		return ret;
	}
	pm_runtime_put(dev);
	return 0;
}
C
cp "$tmp/leak.c" "$tmp/leak.orig"
cd "$tmp"

export RPMCHECK_COCCI_DIR=$tmp/good
rpm --fix=diff leak.c
check "--fix=diff: exit 0" status_is 0
check "--fix=diff: the finding is reported" err_has "leak.c:9:3: warning: 'sensor_read' returns an error"
check "--fix=diff: a unified diff on stdout" out_has "--- a/leak.c"
check "--fix=diff: the diff adds the put" out_has "+		pm_runtime_put_noidle(dev);"
check "--fix=diff: the file is unchanged" cmp -s leak.c leak.orig
check "--fix=diff: no temporary file left" \
	eval '[ -z "$(ls | grep rpmcheck-fix || true)" ]'

rpm --fix leak.c
check "--fix: exit 0" status_is 0
check "--fix: the file now has the put" grep -q "pm_runtime_put_noidle(dev);" leak.c
check "--fix: says it fixed it" err_has "leak.c: fixed"
check "--fix: before the fix, the leak and the underflow" \
	eval 'sed -n "1,/leak.c: fixed/p" <<<"$err" | grep -c "warning:" | grep -qx 2'
check "--fix: re-checked, only the underflow in sensor_write is left" \
	eval 'sed -n "/leak.c: fixed/,\$p" <<<"$err" | grep -q "rpm-underflow" &&
	      ! sed -n "/leak.c: fixed/,\$p" <<<"$err" | grep -q "rpm-leak"'
rpm leak.c
check "after --fix: no rpm-leak" eval '! err_has "[-Wrpm-leak]"'
check "after --fix: the underflow stays (no patch for it here)" err_has "[-Wrpm-underflow]"

cp leak.orig leak.c
touch -d "2020-01-01 00:00" leak.c
before=$(stat -c '%i %Y %s' leak.c)
export RPMCHECK_COCCI_DIR=$tmp/broken
rpm --fix leak.c
check "broken patch: exit 0 (the findings stand)" status_is 0
check "broken patch: one error line saying it is not fixed" \
	err_has "leak.c: error: not fixed, the file is unchanged: the patched file does not parse"
check "broken patch: the file is byte for byte the same" cmp -s leak.c leak.orig
check "broken patch: same inode, mtime and size" \
	eval '[ "$(stat -c "%i %Y %s" leak.c)" = "$before" ]'
check "broken patch: no temporary file left" \
	eval '[ -z "$(ls | grep rpmcheck-fix || true)" ]'

export RPMCHECK_COCCI_DIR=$tmp/none
rpm --fix leak.c
check "missing cocci directory: exit 2" status_is 2
check "missing cocci directory: one line naming it" err_has "$tmp/none"
check "missing cocci directory: the file is unchanged" cmp -s leak.c leak.orig

export RPMCHECK_COCCI_DIR=$tmp/good
mkdir -p bin
printf '#!/bin/sh\nexit 1\n' > bin/false-spatch
chmod +x bin/false-spatch
ln -sf false-spatch bin/spatch
PATH=$tmp/bin:$PATH rpm --fix leak.c
check "failing spatch: one error line" err_has "leak.c: error: not fixed, the file is unchanged"
check "failing spatch: the file is unchanged" cmp -s leak.c leak.orig

cat > clean.c <<'C'
#include <linux/pm_runtime.h>

int sensor_sleep(struct device *dev)
{
	return pm_runtime_put_sync(dev);
}
C
touch -d "2020-01-01 00:00" clean.c
before=$(stat -c '%i %Y' clean.c)
rpm --fix clean.c
check "nothing to fix: exit 0" status_is 0
check "nothing to fix: the file is not touched" \
	eval '[ "$(stat -c "%i %Y" clean.c)" = "$before" ]'

finish
