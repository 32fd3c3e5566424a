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
print(f"peak RSS: import {o['peak_rss_import_kib'] / 1024:.0f} MiB, load {o['peak_rss_load_kib'] / 1024:.0f} MiB, load+detect {o['peak_rss_kib'] / 1024:.0f} MiB "
      f"(target <= 1536), generator {o['peak_rss_generate_kib'] / 1024:.0f} MiB; "
      f"whole bench_engine process {max_rss(sys.argv[3]):.0f} MiB; pandas reference {max_rss(sys.argv[4]):.0f} MiB")
print(f"reference: pandas {ref['pandas']} numpy {ref['numpy']}: CSV read {ref['read_s']:.2f} s for {ref['rows']} rows")
# Each detector runs alone on one thread; its time includes the shared preparation (object classes,
# dispensa limits), also measured alone as "prepare". The reference computes its object class while
# reading the CSV (outside its detector timings), so "net" (ours minus the preparation) is the
# like-for-like figure. Ratios are of CPU seconds (both sides single-threaded here): on a shared
# machine wall seconds measure the other jobs as much as ours. The reference's duplicate is the exact
# rule on contracts only; ours also runs the near (Jaccard) and document-number rules and payments.
prep = o["detectors"].get("prepare", {"cpu_seconds": 0.0})["cpu_seconds"]
print(f"shared preparation alone: {prep:.3f} s CPU")
print(f"{'detector':22} {'ours s':>8} {'ours CPU':>9} {'net CPU':>8} {'pandas s':>9} {'pandas CPU':>11} "
      f"{'CPU ratio':>10} {'net ratio':>10}")
for name, d in o["detectors"].items():
    if name == "prepare":
        continue
    net = max(d["cpu_seconds"] - prep, 1e-3)
    r = ref["detectors"].get(name)
    if r is None:
        print(f"{name:22} {d['seconds']:8.3f} {d['cpu_seconds']:9.3f} {net:8.3f}   (ours {d['findings']} findings)")
        continue
    rcpu = r.get("cpu_seconds", r["seconds"])
    print(f"{name:22} {d['seconds']:8.3f} {d['cpu_seconds']:9.3f} {net:8.3f} {r['seconds']:9.3f} {rcpu:11.3f} "
          f"{rcpu / max(d['cpu_seconds'], 1e-3):9.1f}x {rcpu / net:9.1f}x   "
          f"(ours {d['findings']} findings; reference flagged {r['flagged_records']} records)")
x = o["duplicate_exact"]
r = ref["detectors"]["duplicate"]
rcpu = r.get("cpu_seconds", r["seconds"])
print(f"{'duplicate, exact rule':22} {x['seconds']:8.3f} {x['cpu_seconds']:9.3f} {'':>8} {r['seconds']:9.3f} {rcpu:11.3f} "
      f"{rcpu / max(x['cpu_seconds'], 1e-3):9.1f}x {'':>10}   (like for like: the reference's rule; "
      f"ours flagged {x['flagged_records']} records, reference {r['flagged_records']})")
print(f"load average: {o['load_average_start']:.2f} at start, {o['load_average_end']:.2f} at end of bench_engine")
PY
