#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Desktop client measurements (issues #7 and #8), each with a reference from the same run:
#  1. bench_ui_models: 10,000 messages into MessageModel; 1,000,000 anomalies sorted on each column
#     (AnomalyModel sorts itself; the dashboard's filter proxy and a table view attached).
#  2. cold start of cidadao-desktop --local to an interactive window with the local server ready
#     (fresh data directory, then warm), vs the bare server's own start to its ready line.
#  3. resident memory of the app and of its server when idle, and no server left after SIGTERM.
# Usage: tests/bench/bench_ui.sh [build-dir]
set -euo pipefail
build=${1:-$(cd "$(dirname "$0")/../.." && pwd)/build}
app=$build/app/cidadao-desktop
server=$build/backend/server/cidadao-server
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== models"
"$build/tests/bench/bench_ui_models"

echo "== cold start (app constructed -> local server ready and signed in)"
now_ms() { date +%s%3N; }
for run in cold warm warm warm; do
  start=$(now_ms)
  line=$("$app" --local --no-sample-data --data-dir "$work/app" --quit-when-ready 2>/dev/null | grep ready)
  end=$(now_ms)
  echo "{\"run\":\"$run\",\"ready_after_ms\":$(echo "$line" | sed 's/.*"ready_after_ms":\([0-9]*\).*/\1/'),\"process_wall_ms\":$((end - start))}"
done
for run in cold warm warm; do
  dir=$work/server-$run; [ "$run" = warm ] && dir=$work/server-cold
  start=$(now_ms)
  coproc SRV { exec "$server" --embedded --port 0 --data-dir "$dir" 2>/dev/null; }
  read -r ready <&"${SRV[0]}"
  end=$(now_ms)
  kill -TERM "$SRV_PID"; wait "$SRV_PID" || true
  echo "{\"reference\":\"server alone to ready line ($run)\",\"ms\":$((end - start))}"
done

echo "== idle memory and shutdown"
"$app" --local --no-sample-data --data-dir "$work/app" >/dev/null 2>&1 &
app_pid=$!
child=""
for _ in $(seq 100); do
  child=$(pgrep -P "$app_pid" -x cidadao-server || true)
  [ -n "$child" ] && break
  sleep 0.1
done
sleep 5 # idle
rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
echo "{\"app_rss_kib\":$(rss "$app_pid"),\"server_rss_kib\":$(rss "$child"),\"server_pid\":$child}"
kill -TERM "$app_pid"; wait "$app_pid" || true
sleep 0.5
if kill -0 "$child" 2>/dev/null; then echo "ORPHAN: server $child still running"; kill -KILL "$child"; exit 1; fi
echo "{\"orphan\":false}"
