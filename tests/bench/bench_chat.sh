#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Chat benchmark: /chat/message throughput against /health (same server, same clients, same run),
# /chat/stream first-event and complete latency, and the chat WebSocket fan-out to 500 subscribers
# with ping→pong round trips. Prints bench_chat's JSON and a short summary with the ratio.
# Usage: tests/bench/bench_chat.sh [build-dir] [seconds] [records]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
seconds=${2:-10}
records=${3:-20000}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$build/tests/bench/bench_chat" --seconds "$seconds" --records "$records" > "$out"
cat "$out"
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m, h, s, w = r["chat_message"], r["reference_health"], r["chat_stream"], r["websocket"]
print(f"/chat/message: {m['req_per_s']:.1f} req/s at {r['clients']} clients (p50 {m['p50_ms']:.1f} ms, p99 {m['p99_ms']:.1f} ms); "
      f"/health reference {h['req_per_s']:.0f} req/s; ratio {r['ratio_message_over_health']:.4f}")
print(f"/chat/stream: first event p50 {s['first_event_p50_ms']:.1f} ms p99 {s['first_event_p99_ms']:.1f} ms; "
      f"complete p50 {s['complete_p50_ms']:.1f} ms p99 {s['complete_p99_ms']:.1f} ms ({s['streams']} streams)")
print(f"WebSocket: {w['connected']}/{w['sockets']} connected, updates per socket {w['updates_min']}..{w['updates_max']} "
      f"(all equal: {w['all_received_every_update']}), ping p50 {w['ping_p50_ms']:.2f} ms p99 {w['ping_p99_ms']:.2f} ms")
PY
