#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Voice end to end in a private PulseAudio: a null sink as the speaker, a pipe source as the
# microphone (tst_voice_e2e writes espeak-ng speech into it at real-time pace). While the test
# runs, parec records the speaker's monitor; afterwards the recording must hold the reply's
# energy. PulseAudio and parec are started here and always stopped by pid, even on failure.
# Usage: voice_e2e.sh /path/to/tst_voice_e2e
set -euo pipefail
test_binary=${1:?usage: voice_e2e.sh TEST_BINARY}
for tool in pulseaudio pactl parec python3; do
  command -v "$tool" >/dev/null || { echo "voice_e2e: $tool is missing (apt install pulseaudio pulseaudio-utils)"; exit 1; }
done

work=$(mktemp -d /tmp/cidadao-voice-e2e.XXXXXX)
pulse_pid=""
parec_pid=""
cleanup() {
  [ -n "$parec_pid" ] && kill "$parec_pid" 2>/dev/null || true
  [ -n "$pulse_pid" ] && kill "$pulse_pid" 2>/dev/null || true
  [ -n "$parec_pid" ] && wait "$parec_pid" 2>/dev/null || true
  [ -n "$pulse_pid" ] && wait "$pulse_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$work/runtime" "$work/home"
chmod 700 "$work/runtime"
export XDG_RUNTIME_DIR="$work/runtime" HOME="$work/home" PULSE_RUNTIME_PATH="$work/runtime/pulse"
export PULSE_SERVER="unix:$work/pulse.socket"

pulseaudio --daemonize=no --exit-idle-time=-1 --disallow-exit=yes --disallow-module-loading=no \
  --use-pid-file=no --system=no -n --log-target=file:"$work/pulse.log" \
  -L "module-native-protocol-unix socket=$work/pulse.socket auth-anonymous=1" \
  -L "module-null-sink sink_name=speaker rate=16000 channels=1 format=s16le" \
  -L "module-pipe-source source_name=microphone file=$work/mic.fifo format=s16le rate=16000 channels=1" \
  -L "module-always-sink" &
pulse_pid=$!

for _ in $(seq 100); do
  pactl info >/dev/null 2>&1 && break
  sleep 0.1
done
if ! pactl info >/dev/null 2>&1; then
  echo "voice_e2e: PulseAudio did not start"; cat "$work/pulse.log" || true; exit 1
fi
# module-pipe-source makes the FIFO itself.
pactl set-default-sink speaker
pactl set-default-source microphone

parec -d speaker.monitor --raw --format=s16le --rate=16000 --channels=1 >"$work/played.raw" &
parec_pid=$!

status=0
CIDADAO_E2E_MIC_FIFO="$work/mic.fifo" "$test_binary" || status=$?
sleep 0.5
kill "$parec_pid" 2>/dev/null || true
wait "$parec_pid" 2>/dev/null || true
parec_pid=""
if [ "$status" -ne 0 ]; then
  echo "voice_e2e: the client test failed ($status)"; exit "$status"
fi

# The reply must be on the speaker's monitor: at least a second of 20 ms frames louder than -40 dBFS.
python3 - "$work/played.raw" <<'PY'
import array, math, sys
data = array.array("h")
with open(sys.argv[1], "rb") as f:
    raw = f.read()
data.frombytes(raw[: len(raw) - len(raw) % 2])
frame = 320
loud = 0
peak = 0.0
for start in range(0, len(data) - frame + 1, frame):
    chunk = data[start:start + frame]
    rms = math.sqrt(sum(s * s for s in chunk) / frame)
    peak = max(peak, rms)
    if rms > 327.0:
        loud += 1
seconds = loud * 0.02
print(f"voice_e2e: recorded {len(data) / 16000:.1f} s on the speaker monitor, {seconds:.2f} s of it loud, peak rms {peak:.0f}")
sys.exit(0 if seconds >= 1.0 else 1)
PY
