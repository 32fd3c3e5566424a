#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Voice benchmark: barge-in latency, time to first reply audio, and word error rate (see
# bench_voice.cpp). Usage: tests/bench/bench_voice.sh [BUILD_DIR] [TURNS]
set -euo pipefail
build=${1:-build}
turns=${2:-10}
bin="$build/tests/bench/bench_voice"
[ -x "$bin" ] || { echo "build bench_voice first: ninja -C $build bench_voice"; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" "$turns" | tee "$out"
python3 - "$out" <<'PY'
import json, sys
rows = {}
stages = []
for line in open(sys.argv[1]):
    if line.startswith("{"):
        row = json.loads(line)
        rows[row["metric"]] = row
        if row["metric"] == "stop_speaking_stages_ms":
            stages.append(row)
b = rows["barge_in_to_last_audio_ms"]
f = rows["stop_speaking_to_first_audio_ms"]
w = rows["word_error_rate"]
print("barge_in -> last audio frame: median %.1f ms, max %.1f ms (target <= 20 ms)" % (b["median"], b["max"]))
print("stop_speaking -> first audio_response (%.1f s utterance, sent at real-time pace): median %.0f ms, max %.0f ms "
      "(target <= 800 ms); %.2fx the batch reference of %.0f ms (in-process: whole recognition + whole synthesis)"
      % (f["utterance_s"], f["median"], f["max"], f["ratio_to_batch_reference"], f["batch_reference_ms"]))
p = rows["in_process_stages_ms"]
print("  in-process stages: recognise the whole utterance %.0f ms, the tail after a live feed %.0f ms; synthesise the "
      "whole reply (%d chars) %.0f ms, its first piece %.0f ms"
      % (p["stt_whole_utterance"], p["stt_tail_after_live_feed"], p["reply_chars"], p["tts_whole_reply"],
         p["tts_first_piece"]))
print("WER on %d espeak-ng commands: %.1f%% (grammar + dictation fallback) vs %.1f%% dictation only; %d sentences exact"
      % (w["sentences"], 100 * w["grammar_and_fallback"], 100 * w["dictation_only_reference"], w["exact_sentences"]))
for st in stages:
    print("  stages after stop_speaking, audio sent %s (median of %d): transcription %.0f ms, intent %.0f ms, "
          "agent_response %.0f ms, first audio_response %.0f ms"
          % (st["sending"].replace("_", "-"), st["turns"], st["transcription"], st["intent"], st["agent_response"],
             st["first_audio"]))
PY
