#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole test suite on a fresh Debian bookworm machine: install, build, run every ctest test.
set -euo pipefail
cd "$(dirname "$0")"
./setup-debian.sh
./build.sh
build_dir=${CIDADAO_BUILD_DIR:-$(pwd)/build}
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --timeout 600
