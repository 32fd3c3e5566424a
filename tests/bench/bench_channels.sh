#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# /ws fan-out benchmark: 1000 subscribers on one workflow channel (every event counted per
# subscriber), fan-out messages/s against one subscriber alone, and ping→pong p50/p99 against the
# dev echo socket of the same server, both measured in this run.
# Usage: tests/bench/bench_channels.sh [build-dir] [subscribers] [events] [payload_bytes]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
"$build/tests/bench/bench_channels" "${2:-1000}" "${3:-200}" "${4:-256}" | tee /dev/stderr | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
f, ref, p, e = r["fan_out"], r["fan_out_reference_1_subscriber"], r["ping_pong_ms"], r["reference_echo_ms"]
print("subscribers: %d, every event received by %d of them (%d messages)"
      % (f["subscribers"], f["subscribers_with_every_event"], f["messages_delivered"]))
print("fan-out: %.0f msg/s (1 subscriber: %.0f msg/s, ratio %.1fx)"
      % (f["messages_per_second"], ref["messages_per_second"], r["ratio_fan_out_rate_vs_1_subscriber"]))
print("ping->pong idle p50 %.2f ms, p99 %.2f ms; during the fan-out p99 %.2f ms"
      % (p["idle_p50"], p["idle_p99"], p["under_fan_out_p99"]))
print("reference echo socket p99 %.2f ms; ratio ping/echo p99 %.2f" % (e["idle_p99"], r["ratio_ping_p99_vs_echo_p99"]))
'
