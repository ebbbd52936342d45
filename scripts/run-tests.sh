#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-tests.sh - build rpmcheck if needed and run the whole test suite
# (ctest: test cases, unit tests, command-line tests, sample drivers, and
# the real-kernel checks, which skip themselves without a prepared tree).
#
# Does not install packages: scripts/setup.sh does.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$top" -B "$top/build" >/dev/null
cmake --build "$top/build" -j"$(nproc)"
cd "$top/build"
ctest --output-on-failure "$@"
