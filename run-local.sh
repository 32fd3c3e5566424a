#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs, builds and starts Cidadão.AI in local mode on the bundled sample data.
set -euo pipefail
cd "$(dirname "$0")"
./setup-debian.sh
./build.sh
build_dir=${CIDADAO_BUILD_DIR:-$(pwd)/build}
data_dir=${CIDADAO_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/cidadao-server}
if [ -x "$build_dir/app/cidadao-desktop" ]; then
  exec "$build_dir/app/cidadao-desktop" --local "$@"
fi
# Until the desktop window lands, local mode is the embedded backend on its own.
echo "cidadao-desktop is not built yet; starting the local backend (Ctrl+C to stop)" >&2
exec "$build_dir/backend/server/cidadao-server" --embedded --data-dir "$data_dir" "$@"
