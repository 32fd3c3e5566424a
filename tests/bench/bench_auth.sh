#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Accounts benchmark: login latency (vs bare argon2id verify) and authenticated GET /api/v1/auth/me
# throughput (vs unauthenticated GET /health, the reference: same server, same run, no auth work).
# Usage: tests/bench/bench_auth.sh [build-dir] [seconds]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
seconds=${2:-5}
command -v wrk > /dev/null || { apt-get install -y -qq --no-install-recommends wrk > /dev/null; }

"$build/tests/bench/bench_auth" 30

data=$(mktemp -d)
server="$build/backend/server/cidadao-server"
"$server" --port 0 --data-dir "$data" --rate-limit 1000000000 > "$data/ready" 2> "$data/log" &
pid=$!
trap 'kill $pid 2> /dev/null; wait $pid 2> /dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do [ -s "$data/ready" ] && break; sleep 0.1; done
port=$(sed -E 's/.*"port":([0-9]+).*/\1/' "$data/ready")
base=http://127.0.0.1:$port
curl -s -X POST "$base/api/v1/auth/register" -d '{"email":"w@example.org","password":"bench-password-1","name":"W"}' > /dev/null
token=$(curl -s -X POST "$base/api/v1/auth/login" -d '{"email":"w@example.org","password":"bench-password-1"}' |
        sed -E 's/.*"access_token":"([^"]+)".*/\1/')

rps() { sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p'; }
me=$(wrk -t2 -c32 -d"${seconds}s" -H "Authorization: Bearer $token" "$base/api/v1/auth/me" | rps)
health=$(wrk -t2 -c32 -d"${seconds}s" "$base/health" | rps)
echo "{\"auth_me_req_per_s\":$me,\"reference_health_req_per_s\":$health,\"ratio_me_over_health\":$(python3 -c "print(round($me/$health,3))")}"
