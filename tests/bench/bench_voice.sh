#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Voice benchmark: barge-in latency, time to first reply audio, and word error rate (see
# bench_voice.cpp). Usage: tests/bench/bench_voice.sh [BUILD_DIR] [TURNS]
set -euo pipefail
build=${1:-build}
turns=${2:-10}
bin="$build/tests/bench/bench_voice"
[ -x "$bin" ] || { echo "build bench_voice first: ninja -C $build bench_voice"; exit 1; }
"$bin" "$turns" | tee /dev/stderr | python3 -c '
import json, sys
rows = {r["metric"]: r for r in (json.loads(l) for l in sys.stdin if l.startswith("{"))}
b = rows["barge_in_to_last_audio_ms"]; f = rows["stop_speaking_to_first_audio_ms"]; w = rows["word_error_rate"]
print(f"barge_in -> last audio frame: median {b[\"median\"]:.1f} ms, max {b[\"max\"]:.1f} ms (target <= 20 ms)")
print(f"stop_speaking -> first audio_response ({f[\"utterance_s\"]:.1f} s utterance): median {f[\"median\"]:.0f} ms, "
      f"max {f[\"max\"]:.0f} ms (target <= 800 ms); {f[\"ratio_to_floor\"]:.2f}x the in-process floor of {f[\"in_process_floor_ms\"]:.0f} ms")
print(f"WER on {w[\"sentences\"]} espeak-ng commands: {100*w[\"grammar_and_fallback\"]:.1f}% (grammar + dictation fallback) "
      f"vs {100*w[\"dictation_only_reference\"]:.1f}% dictation only; {w[\"exact_sentences\"]} sentences exact")
'
