#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kernel-tree.sh [CACHE_DIR] - set up a prepared Linux 6.12 tree for rpmcheck.
#
# Idempotently:
#   1. installs the Debian package linux-source-6.12 if its tarball is missing,
#   2. extracts it into CACHE_DIR/linux-source-6.12 if not yet extracted,
#   3. runs "make allmodconfig && make prepare" if the tree is not prepared,
#   4. generates the few per-directory sources and headers that runtime-PM
#      drivers #include but "make prepare" does not make (msm's
#      generated/*.xml.h, xe's generated/xe_wa_oob.h, scsi_devinfo_tbl.c),
#      by building one object of each such directory,
# and prints the tree path as the last line on stdout.  Progress goes to
# stderr.  CACHE_DIR defaults to $RPMCHECK_CACHE or /var/cache/rpmcheck.
#
# Exits 77 ("skip", as automake test harnesses read it) when the source
# package cannot be installed, e.g. on a machine without package access.
#
# Deliberately ignored: building the kernel (only "prepare" and the four
# objects in GENERATING_OBJS are built); other generated files (aic7xxx
# register tables, logos, keymaps: no runtime PM there); reconfiguring a
# tree that is already prepared (delete include/generated/autoconf.h to
# force it); checking whether an extracted tree is complete or stale.

set -euo pipefail

readonly VERSION=6.12
readonly PKG=linux-source-$VERSION
readonly TARBALL=/usr/src/$PKG.tar.xz
readonly BUILD_DEPS=(make gcc flex bison bc libelf-dev libssl-dev python3)
# Objects whose prerequisites are generated files included by other files.
readonly GENERATING_OBJS=(
	drivers/gpu/drm/msm/adreno/adreno_gpu.o	# generated/a*.xml.h
	drivers/gpu/drm/msm/hdmi/hdmi.o		# generated/{dsi,hdmi,mdp*}.xml.h
	drivers/gpu/drm/xe/xe_device.o		# generated/xe_wa_oob.h
	drivers/scsi/scsi_sysfs.o		# scsi_devinfo_tbl.c
)
readonly GENERATED_STAMP=.rpmcheck-generated

log() {
	echo "kernel-tree: $*" >&2
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sudo -n "$@"
	fi
}

apt_install() {
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2 && return 0
	as_root apt-get update -q >&2 || return 1
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2
}

ensure_source_package() {
	[ -f "$TARBALL" ] && return 0
	log "installing $PKG"
	if ! apt_install "$PKG" || [ ! -f "$TARBALL" ]; then
		echo "kernel-tree: SKIP: cannot install Debian package $PKG ($TARBALL missing)" >&2
		exit 77
	fi
}

ensure_build_deps() {
	local missing=() p

	for p in "${BUILD_DEPS[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	log "installing build dependencies: ${missing[*]}"
	apt_install "${missing[@]}"
}

extract_tree() {
	local cache=$1 tree=$1/$PKG

	[ -f "$tree/Makefile" ] && return 0
	log "extracting $TARBALL into $cache"
	mkdir -p "$cache"
	rm -rf "$tree.partial"
	mkdir "$tree.partial"
	tar -C "$tree.partial" --strip-components=1 -xf "$TARBALL"
	mv "$tree.partial" "$tree"
}

prepare_tree() {
	local tree=$1

	[ -f "$tree/include/generated/autoconf.h" ] && return 0
	ensure_build_deps
	log "make allmodconfig && make prepare in $tree"
	make -C "$tree" -s allmodconfig >&2
	make -C "$tree" -s -j"$(nproc)" prepare >&2
}

generate_sources() {
	local tree=$1

	[ -f "$tree/$GENERATED_STAMP" ] && return 0
	log "generating per-directory sources: ${GENERATING_OBJS[*]}"
	if make -C "$tree" -s -k -j"$(nproc)" "${GENERATING_OBJS[@]}" >&2; then
		touch "$tree/$GENERATED_STAMP"
	else
		log "warning: some generated files are missing; files that include them will fail to parse"
	fi
}

main() {
	local cache=${1:-${RPMCHECK_CACHE:-/var/cache/rpmcheck}}

	ensure_source_package
	extract_tree "$cache"
	prepare_tree "$cache/$PKG"
	generate_sources "$cache/$PKG"
	echo "$cache/$PKG"
}

main "$@"
