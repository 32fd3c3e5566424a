#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs, builds and starts Cidadão.AI in local mode on the bundled sample data: the desktop app
# (which starts its own server and imports the sample data set on first run), or, without a
# display, the embedded server alone on the same sample data.
set -euo pipefail
cd "$(dirname "$0")"
./setup-debian.sh
./build.sh
build_dir=${CIDADAO_BUILD_DIR:-$(pwd)/build}
app="$build_dir/app/cidadao-desktop"
server="$build_dir/backend/server/cidadao-server"
if [ -x "$app" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$app" --local "$@"
fi
# No display (or no GUI build): the server alone, with the sample data set imported once.
data_dir=${CIDADAO_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/cidadao-ai/server}
mkdir -p "$data_dir"
if [ ! -e "$data_dir/sample-data.json" ]; then
  echo "importing the sample data set into $data_dir (first run)" >&2
  sample=$(mktemp -d)
  trap 'rm -rf "$sample"' EXIT
  "$server" generate --seed 1 --records 20000 --out "$sample" >/dev/null
  files=$(find "$sample" -name '*.csv' ! -name labels.csv | sort)
  # shellcheck disable=SC2086 # one argument per file
  "$server" import --data-dir "$data_dir" $files >"$sample/report.json" && cp "$sample/report.json" "$data_dir/sample-data.json" ||
    echo "the sample data set could not be imported; starting anyway" >&2
  rm -rf "$sample"
  trap - EXIT
fi
echo "no display: starting the local backend alone (Ctrl+C to stop)" >&2
exec "$server" --embedded --data-dir "$data_dir" "$@"
