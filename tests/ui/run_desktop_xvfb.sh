#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The real cidadao-desktop executable on an X server (xvfb-run): --help/--version, a local start
# that reaches "ready" (server started, signed in) and quits, then a start ended by SIGTERM after
# which its server's pid must be gone (no orphan).  Usage: run_desktop_xvfb.sh <cidadao-desktop>
set -euo pipefail
app=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset QT_QPA_PLATFORM # the X server of xvfb-run, not offscreen

QT_QPA_PLATFORM=offscreen "$app" --help | grep -q -- "--server" || { echo "--help lacks --server"; exit 1; }
QT_QPA_PLATFORM=offscreen "$app" --version | grep -q "cidadao-desktop" || { echo "--version"; exit 1; }
if QT_QPA_PLATFORM=offscreen "$app" --lang de >/dev/null 2>&1; then echo "--lang de accepted"; exit 1; fi

out=$(xvfb-run -a "$app" --local --no-sample-data --data-dir "$work/d1" --lang pt_BR --quit-when-ready)
echo "$out"
echo "$out" | grep -q '"event":"ready"' || { echo "no ready line"; exit 1; }

xvfb-run -a "$app" --local --no-sample-data --data-dir "$work/d2" >"$work/log" 2>&1 &
runner=$!
app_pid=""; server_pid=""
for _ in $(seq 300); do
  for p in $(pgrep -x cidadao-desktop || true); do
    grep -qa -- "$work/d2" "/proc/$p/cmdline" 2>/dev/null && app_pid=$p
  done
  [ -n "$app_pid" ] && server_pid=$(pgrep -P "$app_pid" -x cidadao-server || true)
  [ -n "$server_pid" ] && break
  sleep 0.1
done
[ -n "$server_pid" ] || { echo "the app did not start its server"; cat "$work/log"; kill "$runner"; exit 1; }
sleep 1
kill -TERM "$app_pid"
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
wait "$runner" || true
if kill -0 "$server_pid" 2>/dev/null; then
  echo "ORPHAN: server pid $server_pid outlived the app"; kill -KILL "$server_pid"; exit 1
fi
echo "app $app_pid ended by SIGTERM; its server $server_pid is gone"
