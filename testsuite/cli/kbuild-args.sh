#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kbuild-args.sh RPMCHECK - rpmcheck run the way kbuild runs a checker
# (make C=1 CHECK=rpmcheck: "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c",
# from the tree root).  The flags are a real allmodconfig 6.12 x86_64
# invocation (our copy of kbuild-check-args.txt, kept below as test data),
# with the tree's -I and -include paths pointed at a scratch tree: empty
# stub headers for the three -include files, empty arch/uapi/generated
# directories, and testsuite/include standing in for ./include.
#
# rpmcheck must accept the whole gcc flag soup (two-word --param, -Wp,-MMD,
# -fsanitize=, -pg, --arch=x86, -mlittle-endian, -DKBUILD_MODNAME="x",
# -Werror...), exit 0, print the same warnings as with plain flags, write
# no -MMD dependency file (nor anything else), honour -D and -include, and
# not define __CHECKER__.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# $(CHECKFLAGS) $(c_flags) @FILE@, as kbuild passes them (one word each;
# quotes are part of the words, as after the shell ran kbuild's command).
read -r -d '' -a template <<'FLAGS' || true
-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise -Wno-return-void
-Wno-unknown-attribute -D__x86_64__ --arch=x86 -mlittle-endian -m64
-Wp,-MMD,drivers/i2c/busses/.i2c-imx.o.d -nostdinc -I./arch/x86/include
-I./arch/x86/include/generated -I./include -I./arch/x86/include/uapi
-I./arch/x86/include/generated/uapi -I./include/uapi
-I./include/generated/uapi -include ./include/linux/compiler-version.h
-include ./include/linux/kconfig.h -include ./include/linux/compiler_types.h
-D__KERNEL__ -fmacro-prefix-map=./= -Werror -std=gnu11 -fshort-wchar
-funsigned-char -fno-common -fno-PIE -fno-strict-aliasing -mno-sse -mno-mmx
-mno-sse2 -mno-3dnow -mno-avx -fcf-protection=branch -fno-jump-tables -m64
-falign-jumps=1 -falign-loops=1 -mno-80387 -mno-fp-ret-in-387
-mpreferred-stack-boundary=3 -mskip-rax-setup -mtune=generic -mno-red-zone
-mcmodel=kernel -Wno-sign-compare -fno-asynchronous-unwind-tables
-mindirect-branch=thunk-extern -mindirect-branch-register
-mindirect-branch-cs-prefix -mfunction-return=thunk-extern -fno-jump-tables
-mharden-sls=all -fpatchable-function-entry=64,64
-fno-delete-null-pointer-checks -O2 -fno-allow-store-data-races
-fno-reorder-blocks -fno-ipa-cp-clone -fno-partial-inlining
-fstack-protector-strong -ftrivial-auto-var-init=pattern
-fno-stack-clash-protection -fzero-call-used-regs=used-gpr -pg
-mrecord-mcount -mfentry -DCC_USING_FENTRY -fno-inline-functions-called-once
-falign-functions=64 -fno-strict-overflow -fno-stack-check -fconserve-stack
-fno-builtin-wcslen -fno-builtin-wcslen -Wall -Wextra -Wundef
-Werror=implicit-function-declaration -Werror=implicit-int
-Werror=return-type -Werror=strict-prototypes -Wno-format-security
-Wno-trigraphs -Wno-frame-address -Wno-address-of-packed-member
-Wmissing-declarations -Wmissing-prototypes -Wframe-larger-than=2048
-Wno-main -Wno-dangling-pointer -Wvla -Wno-pointer-sign
-Wcast-function-type -Wno-array-bounds -Wno-stringop-overflow
-Wno-alloc-size-larger-than -Wimplicit-fallthrough=5 -Werror=date-time
-Werror=incompatible-pointer-types -Werror=designated-init -Wenum-conversion
-Wunused -Wno-unused-but-set-variable -Wno-unused-const-variable
-Wno-packed-not-aligned -Wno-format-overflow -Wno-format-truncation
-Wno-stringop-truncation -Wno-override-init
-Wno-missing-field-initializers -Wno-type-limits -Wno-shift-negative-value
-Wno-maybe-uninitialized -Wno-sign-compare -Wno-unused-parameter -DDEBUG
-fsanitize=kernel-address -fasan-shadow-offset=0xdffffc0000000000
--param asan-instrumentation-with-call-threshold=10000 --param asan-stack=1
--param asan-instrument-allocas=1 --param asan-globals=1
-fsanitize=bounds-strict -fsanitize=shift -fsanitize=integer-divide-by-zero
-fsanitize=bool -fsanitize=enum -fsanitize-coverage=trace-pc
-fsanitize-coverage=trace-cmp -DMODULE -DKBUILD_BASENAME="@NAME@"
-DKBUILD_MODNAME="@NAME@" -D__KBUILD_MODNAME=kmod_@NAME@ @FILE@
FLAGS
check "the flag template has all its words (${#template[@]})" \
	test "${#template[@]}" -eq 147

# The scratch tree, the current directory from here on.
tree=$tmp/tree
mkdir -p "$tree"/arch/x86/include/{generated/uapi,uapi} \
	"$tree"/include/{uapi,generated/uapi,linux} \
	"$tree"/drivers/i2c/busses "$tree"/drivers/misc
: > "$tree/include/linux/kconfig.h"
: > "$tree/include/linux/compiler_types.h"
# Not quite empty: proves that -include is honoured.
echo '#define RPMCHECK_STUB_COMPILER_VERSION 1' > "$tree/include/linux/compiler-version.h"
cd "$tree"

# kbuild_flags NAME FILE - the template for one file, with the tree paths
# moved to the scratch tree and ./include to the test headers.
kbuild_flags()
{
	local name=$1 file=$2 word prev=
	flags=()

	for word in "${template[@]}"; do
		case $prev:$word in
		-include:./*)	word=$tree/${word#./} ;;
		*:-I./include)	word=-I$inc ;;
		*:-I./*)	word=-I$tree/${word#-I./} ;;
		esac
		word=${word//@NAME@/$name}
		word=${word//@FILE@/$file}
		flags+=("$word")
		prev=$word
	done
}

cat > drivers/misc/leak_drv.c <<'C'
#include <linux/pm_runtime.h>

int warn_leak(struct device *dev);
int warn_leak(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		return ret;
	pm_runtime_put(dev);
	return 0;
}
C
leak_warning="drivers/misc/leak_drv.c:9:3: warning: 'warn_leak' returns an error with the runtime PM usage count of 'dev' still raised [-Wrpm-leak]"

cat > drivers/misc/defines.c <<'C'
#ifdef __CHECKER__
#error checker defined
#endif
#ifndef __KERNEL__
#error __KERNEL__ not defined
#endif
#ifndef MODULE
#error MODULE not defined
#endif
#ifndef RPMCHECK_STUB_COMPILER_VERSION
#error -include ./include/linux/compiler-version.h was not used
#endif
_Static_assert(sizeof(KBUILD_MODNAME) == sizeof("defines"),
	       "KBUILD_MODNAME is not the string \"defines\"");
static const char modname[] = KBUILD_MODNAME;
const char *defines_modname(void);
const char *defines_modname(void)
{
	return modname;
}
C

cat > drivers/misc/checker.c <<'C'
#ifdef __CHECKER__
#error checker defined
#endif
int checker_not_defined;
C

# Nothing may be written in the tree: snapshot it.
before=$(find . | sort)

rpm drivers/misc/leak_drv.c
check "plain flags: exit 0" status_is 0
check "plain flags: the leak is found" all_has "$leak_warning"
remember

kbuild_flags leak_drv drivers/misc/leak_drv.c
run "$rpmcheck" "${flags[@]}"
check "kbuild flags: exit 0" status_is 0
check "kbuild flags: the leak is found" all_has "$leak_warning"
check "kbuild flags: same output as plain flags" same_as_remembered
check "kbuild flags: no -MMD dependency file" test ! -e drivers/i2c/busses/.i2c-imx.o.d
check "kbuild flags: nothing written in the tree" test "$(find . | sort)" = "$before"

kbuild_flags defines drivers/misc/defines.c
run "$rpmcheck" "${flags[@]}"
check "kbuild flags: __CHECKER__ undefined, -D and -include honoured (exit 0)" status_is 0
check "kbuild flags: defines.c gives no output" no_output

kbuild_flags checker drivers/misc/checker.c
run "$rpmcheck" "${flags[@]}"
check "kbuild flags: __CHECKER__ is not defined" status_is 0
rpm drivers/misc/checker.c
check "plain flags: __CHECKER__ is not defined" status_is 0
check "plain flags: checker.c gives no output" no_output

# The awkward flags one at a time, so a failure names the culprit.  The
# quotes of -DKBUILD_MODNAME="x" are part of the word, as in kbuild.
# shellcheck disable=SC2089,SC2090
for flag in "--param asan-stack=1" "-Wp,-MMD,drivers/misc/.leak_drv.o.d" \
	    "-fsanitize=kernel-address" "-fsanitize-coverage=trace-pc" -pg \
	    --arch=x86 -mlittle-endian '-DKBUILD_MODNAME="x"' -Werror \
	    "-fasan-shadow-offset=0xdffffc0000000000" -mcmodel=kernel \
	    "-Wp,-MD,drivers/misc/.leak_drv.o.d" "-MD -MF drivers/misc/dep.d" \
	    "-o drivers/misc/leak_drv.o" "-mllvm -asan-stack=1"; do
	# shellcheck disable=SC2086,SC2090
	rpm $flag drivers/misc/leak_drv.c
	check "$flag: same output as without it" same_as_remembered
done
check "the single flags wrote nothing in the tree" test "$(find . | sort)" = "$before"

# gcc also takes --param=NAME=VALUE; kbuild passes
# --param=allow-store-data-races=0 when gcc < 10 builds the kernel.
rpm --param=allow-store-data-races=0 drivers/misc/leak_drv.c
check "--param=allow-store-data-races=0: same output as without it" same_as_remembered

finish
