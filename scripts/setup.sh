#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# setup.sh - install what rpmcheck needs on a fresh Debian/Ubuntu machine,
# build it, and run it on kernel-samples/ to show what it finds.
#
# Installs with apt-get only what is missing (needs root or sudo).  Does
# not install a kernel tree: scripts/kernel-tree.sh does that.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
packages=(cmake make gcc libclang-dev llvm-dev clang sparse coccinelle
	  libsqlite3-dev sqlite3)

missing_packages() {
	local p

	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q "ok installed" || echo "$p"
	done
}

install_missing() {
	local missing sudo=

	missing=$(missing_packages)
	[ -z "$missing" ] && return 0
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	echo "setup: installing:" $missing
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
}

build() {
	cmake -S "$top" -B "$top/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build "$top/build" -j"$(nproc)"
}

run_on_samples() {
	echo "setup: rpmcheck on kernel-samples/ (each finding is a planted bug):"
	cd "$top"
	build/rpmcheck --no-progress -nostdinc -isystem testsuite/include \
		kernel-samples/
}

install_missing
build
run_on_samples
