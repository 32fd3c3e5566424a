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
f = o.get("store_floor")
if f:
    # The store's own speed on the same rows (tests/bench/storefloor.h): copied already typed from the
    # bench database into a fresh one made as the importer's, with the same index rebuild and commit.
    print(f"store alone, contracts: {f['rows']} rows copied SQLite to SQLite already typed, same schema, "
          f"settings, index rebuild and commit: {f['total_s']:.1f} s wall / {f['cpu_s']:.1f} s CPU = "
          f"{f['rows_per_s']:.0f} rows/s (insert {f['insert_s']:.2f} s, {f['indexes']} indexes "
          f"{f['indexes_s']:.2f} s, commit {f['commit_s']:.2f} s); the importer takes "
          f"{o['import_contracts_s'] / f['total_s']:.2f}x its time")
print(f"load Dataset: {o['load_s']:.2f} s wall / {o['load_cpu_s']:.2f} s CPU")
print(f"all 13 detectors (both cores): {o['detect_all_s']:.2f} s wall / {o['detect_all_cpu_s']:.2f} s CPU "
      f"(target <= 2 s)  findings: {o['findings']}")
print(f"peak RSS: import {o['peak_rss_import_kib'] / 1024:.0f} MiB, load {o['peak_rss_load_kib'] / 1024:.0f} MiB, load+detect {o['peak_rss_kib'] / 1024:.0f} MiB "
      f"(target <= 1536), generator {o['peak_rss_generate_kib'] / 1024:.0f} MiB; "
      f"whole bench_engine process {max_rss(sys.argv[3]):.0f} MiB; pandas reference {max_rss(sys.argv[4]):.0f} MiB")
print(f"reference: pandas {ref['pandas']} numpy {ref['numpy']}: CSV read {ref['read_s']:.2f} s for {ref['rows']} rows")
# Each detector runs alone on one thread. A detector that reads the shared preparation (object classes,
# dispensa limits) pays it in its run; the reference computes its object classes while reading the CSV,
# timed apart as "classify". So the ratios are of the same work on both sides:
#   with classes: (reference detector + its classes) / (ours including the preparation), for the
#                 detectors whose reference groups by class (price_outlier);
#   net:          reference detector / (ours minus the preparation), for those that read it;
#   otherwise:    reference detector / ours.
# Ratios are of CPU seconds (both sides single-threaded here): on a shared machine wall seconds
# measure the other jobs as much as ours. The reference's duplicate is the exact rule on contracts
# only; ours also runs the near (Jaccard) and document-number rules and payments, so its like-for-like
# figure is the "duplicate, exact rule" line (the engine's exact-rule function timed alone).
prep = o["detectors"]["prepare"]["cpu_seconds"]
classify = ref["classify"]["cpu_seconds"]
reference_uses_classes = {"price_outlier"}
print(f"shared preparation alone: ours {prep:.3f} s CPU; reference's object classes {classify:.3f} s CPU")
print(f"{'detector':22} {'ours CPU':>9} {'net CPU':>8} {'pandas CPU':>11} {'+classes':>9} "
      f"{'ratio':>7} {'net ratio':>10}")
for name, d in o["detectors"].items():
    if name == "prepare":
        continue
    ours = max(d["cpu_seconds"], 1e-3)
    net = max(d["cpu_seconds"] - prep, 1e-3) if d["uses_prepare"] else ours
    r = ref["detectors"].get(name)
    if r is None:
        print(f"{name:22} {ours:9.3f} {net:8.3f}   (ours {d['findings']} findings)")
        continue
    rcpu = r.get("cpu_seconds", r["seconds"])
    with_classes = rcpu + (classify if name in reference_uses_classes else 0.0)
    note = "; the reference runs only the exact rule" if name == "duplicate" else ""
    print(f"{name:22} {ours:9.3f} {net:8.3f} {rcpu:11.3f} {with_classes:9.3f} {with_classes / ours:6.1f}x "
          f"{rcpu / net:9.1f}x   (ours {d['findings']} findings; reference flagged {r['flagged_records']} records{note})")
x = o["duplicate_exact"]
r = ref["detectors"]["duplicate"]
rcpu = r.get("cpu_seconds", r["seconds"])
print(f"{'duplicate, exact rule':22} {x['cpu_seconds']:9.3f} {x['cpu_seconds']:8.3f} {rcpu:11.3f} {rcpu:9.3f} "
      f"{rcpu / max(x['cpu_seconds'], 1e-3):6.1f}x {rcpu / max(x['cpu_seconds'], 1e-3):9.1f}x   "
      f"(like for like; ours flagged {x['flagged_records']} records, reference {r['flagged_records']})")
print(f"load average: {o['load_average_start']:.2f} at start, {o['load_average_end']:.2f} at end of bench_engine")
PY
