#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check-kernel-tree.sh [TREE] - parse the test cases and kernel samples
# against a real, prepared Linux 6.12 tree with kbuild's flags (gcc
# -fsyntax-only), to prove that the test headers declare what the kernel
# declares.  Cases that use the 6.18 cleanup guards are left out.
#
# TREE defaults to $RPMCHECK_KERNEL_TREE, then to linux-source-6.12 under
# $RPMCHECK_CACHE or /var/cache/rpmcheck (scripts/kernel-tree.sh prepares
# one).  Exits 77 (skip) when there is no prepared tree or no gcc.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tree=${1:-${RPMCHECK_KERNEL_TREE:-${RPMCHECK_CACHE:-/var/cache/rpmcheck}/linux-source-6.12}}

if [ ! -f "$tree/include/generated/autoconf.h" ] || ! command -v gcc >/dev/null; then
	echo "SKIP: no prepared kernel tree at $tree (see scripts/kernel-tree.sh) or no gcc"
	exit 77
fi

kbuild_flags=(
	-nostdinc -I./arch/x86/include -I./arch/x86/include/generated
	-I./include -I./arch/x86/include/uapi -I./arch/x86/include/generated/uapi
	-I./include/uapi -I./include/generated/uapi
	-include ./include/linux/compiler-version.h
	-include ./include/linux/kconfig.h
	-include ./include/linux/compiler_types.h
	-D__KERNEL__ -std=gnu11 -fshort-wchar -funsigned-char -fno-common
	-fno-PIE -fno-strict-aliasing -mno-sse -mno-mmx -mno-sse2 -mno-3dnow
	-mno-avx -m64 -mno-red-zone -mcmodel=kernel -O2 -DMODULE
	-Wall -Wno-sign-compare -Wno-attributes
	-Werror=implicit-function-declaration -Werror=incompatible-pointer-types
	-Werror=int-conversion
)

passed=0
failed=0
for file in "$here"/cases/*.c "$here"/../kernel-samples/*.c; do
	[ -e "$file" ] || continue
	if grep -Eq '\<(guard|scoped_guard|ACQUIRE|PM_RUNTIME_ACQUIRE[A-Z_]*)\(' "$file"; then
		continue
	fi
	name=$(basename "$file" .c | tr -- - _)
	out=$(cd "$tree" && gcc -fsyntax-only "${kbuild_flags[@]}" \
		-DKBUILD_BASENAME="\"$name\"" -DKBUILD_MODNAME="\"$name\"" \
		-D__KBUILD_MODNAME="kmod_$name" "$file" 2>&1)
	status=$?
	# Only diagnostics about the file itself: kernel headers are noisy.
	own=$(grep -F "$file:" <<<"$out" | grep -E ': (error|warning):')
	if [ $status -eq 0 ] && [ -z "$own" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $file"
		if [ -n "$own" ]; then echo "$own"; else tail -n 20 <<<"$out"; fi
	fi
done

echo "kernel tree: $passed passed, $failed failed"
[ $failed -eq 0 ]
