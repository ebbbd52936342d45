#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sibling-only-zero.sh RPMCHECK - a function another .c file of the same
# directory defines, whose every return is "return 0;", cannot fail:
# baz_probe()'s error branch after baz_hw_init() is not taken, so its
# leak there is not reported.  The same call is judged as before when
# that definition can fail, when it calls an unknown upper-case macro
# (which could return), when two files define the name, when only a
# static definition exists, and when the file sits in another directory.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$tmp"
mkdir -p drv other
cat > drv/baz.h <<'C'
#include <linux/device.h>
#include <linux/pm_runtime.h>

struct baz {
	struct device *dev;
	void __iomem *base;
};
int baz_hw_init(struct baz *baz);
C
cat > drv/baz_core.c <<'C'
#include "baz.h"

int baz_probe(struct baz *baz)
{
	int ret;

	ret = pm_runtime_resume_and_get(baz->dev);
	if (ret < 0)
		return ret;
	ret = baz_hw_init(baz);
	if (ret)
		return ret;
	pm_runtime_put(baz->dev);
	return 0;
}
C
cp drv/baz_core.c other/baz_core.c
cp drv/baz.h other/baz.h

# reg_c BODY_LINES... - write drv/baz_reg.c with baz_hw_init's body.
reg_c()
{
	{
		echo '#include "baz.h"'
		echo
		echo '/* baz_hw_init() is "return -EIO;" in this comment */'
		echo 'int baz_hw_init(struct baz *baz)'
		echo '{'
		printf '\t%s\n' "$@"
		echo '}'
	} > drv/baz_reg.c
}
leaks() { err_has "'baz_probe' returns an error with the runtime PM usage count"; }
silent() { ! grep -q ': warning: ' <<<"$err"; }

reg_c 'writel(1, baz->base);' 'WARN_ON(!baz->base);' 'return 0;'
rpm drv/baz_core.c
check "only 'return 0;' next door: the error branch is not taken" silent
check "... and exit 0" status_is 0
rpm other/baz_core.c
check "a definition in another directory is not used" leaks

reg_c 'if (!baz->base)' '	return -ENODEV;' 'return 0;'
rpm drv/baz_core.c
check "a definition that can fail: the leak is reported" leaks

reg_c 'BAZ_CHECK(baz->base);' 'return 0;'
rpm drv/baz_core.c
check "an unknown upper-case macro may return: not trusted" leaks

reg_c 'return 0;'
sed 's/^int baz_hw_init/static int baz_hw_init/' drv/baz_reg.c > drv/baz_reg.c.new
mv drv/baz_reg.c.new drv/baz_reg.c
rpm drv/baz_core.c
check "a static definition is another function: not used" leaks

reg_c 'return 0;'
printf 'int baz_hw_init(struct baz *baz)\n{\n\treturn baz->base ? 0 : 1;\n}\n' \
	> drv/baz_alt.c
rpm drv/baz_core.c
check "two definitions in the directory: not trusted" leaks

rm drv/baz_alt.c
rpm drv/baz_core.c
check "back to one definition: silent again" silent

finish
