#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Investigations benchmark: POST /investigations/start → completed for N generated contracts
# (default 1,000,000) next to the engine alone in-process (reference), and GET /health latency while
# it runs next to the idle server (reference). Prints the JSON of bench_investigations.
# Usage: tests/bench/bench_investigations.sh [build-dir] [records] [data-dir to reuse]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
records=${2:-1000000}
if [ -n "${3:-}" ]; then
    exec "$build/tests/bench/bench_investigations" "$records" --data-dir "$3"
fi
exec "$build/tests/bench/bench_investigations" "$records"
