#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds into ./build with Ninja and ccache. Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
build_dir=${CIDADAO_BUILD_DIR:-$root/build}

# ccache keyed on paths relative to the checkout, so that a fresh clone elsewhere still hits.
export CCACHE_BASEDIR=$root
export CCACHE_NOHASHDIR=true
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}

if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
elif [ $# -gt 0 ]; then
  cmake "$build_dir" "$@"
fi
start=$(date +%s)
cmake --build "$build_dir" --parallel "$(nproc)"
echo "build: $(( $(date +%s) - start )) s"
