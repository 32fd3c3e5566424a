#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs bench_engine (generate N contracts → import every source → load → detect) and the pandas
# reference on the same contracts CSV in the same run, and prints ours-vs-reference ratios, wall and
# CPU seconds, and peak RSS. Not a test: timings on a shared machine are information, not pass/fail;
# the load average at start and end is printed with them.
# Usage: tests/bench/run_bench.sh BUILD_DIR [RECORDS] [KEEP_DIR]
#   needs Debian's python3-pandas and python3-numpy (run with /usr/bin/python3, not a pyenv shim).
set -eu
build=${1:?usage: run_bench.sh BUILD_DIR [RECORDS] [KEEP_DIR]}
records=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if [ -n "${3:-}" ]; then
    work=$3
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
timer=""
[ -x /usr/bin/time ] && timer="/usr/bin/time -v"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
$timer "$build/tests/bench/bench_engine" --records "$records" --keep "$work" > "$work/ours.json" 2> "$work/ours.time"
$timer "$python" "$here/reference_detectors.py" "$work/csv/202512_Compras.csv" > "$work/reference.json" \
    2> "$work/reference.time"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$python" - "$work/ours.json" "$work/reference.json" "$work/ours.time" "$work/reference.time" <<'PY'
import json, re, sys
ours = json.load(open(sys.argv[1]))
ref = json.load(open(sys.argv[2]))
def max_rss(path):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) / 1024 if m else float("nan")
o = ours
print(f"records: {o['records']}  generate: {o['generate_s']:.1f} s wall, {o['generate_cpu_s']:.1f} s CPU")
print(f"import, all sources: {o['import_rows']} rows, {o['import_s']:.1f} s wall / {o['import_cpu_s']:.1f} s CPU "
      f"= {o['import_rows_per_s']:.0f} rows/s wall, {o['import_rows_per_cpu_s']:.0f} rows/s CPU")
print(f"import, contracts:   {o['import_contracts_rows']} rows, {o['import_contracts_s']:.1f} s wall / "
      f"{o['import_contracts_cpu_s']:.1f} s CPU = {o['import_contracts_rows_per_s']:.0f} rows/s wall, "
      f"{o['import_contracts_rows_per_cpu_s']:.0f} rows/s CPU   (target >= 300000)")
print(f"load Dataset: {o['load_s']:.2f} s wall / {o['load_cpu_s']:.2f} s CPU")
print(f"all 13 detectors (both cores): {o['detect_all_s']:.2f} s wall / {o['detect_all_cpu_s']:.2f} s CPU "
      f"(target <= 2 s)  findings: {o['findings']}")
print(f"peak RSS: import {o['peak_rss_import_kib'] / 1024:.0f} MiB, load+detect {o['peak_rss_kib'] / 1024:.0f} MiB "
      f"(target <= 1536), generator {o['peak_rss_generate_kib'] / 1024:.0f} MiB; "
      f"whole bench_engine process {max_rss(sys.argv[3]):.0f} MiB; pandas reference {max_rss(sys.argv[4]):.0f} MiB")
print(f"reference: pandas {ref['pandas']} numpy {ref['numpy']}: CSV read {ref['read_s']:.2f} s for {ref['rows']} rows")
print(f"{'detector':22} {'ours s':>8} {'ours CPU':>9} {'pandas s':>9} {'pandas/ours':>12}")
for name, r in ref["detectors"].items():
    d = o["detectors"][name]
    ratio = r["seconds"] / d["seconds"] if d["seconds"] > 0 else float("inf")
    print(f"{name:22} {d['seconds']:8.3f} {d['cpu_seconds']:9.3f} {r['seconds']:9.3f} {ratio:11.1f}x   "
          f"(ours {d['findings']} findings; reference flagged {r['flagged_records']} records)")
print(f"load average: {o['load_average_start']:.2f} at start, {o['load_average_end']:.2f} at end of bench_engine")
PY
