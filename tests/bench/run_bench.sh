#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs bench_engine and the pandas reference on the same generated data in the same run and prints
# ours-vs-reference ratios. Not a test: timings on a shared machine are information, not pass/fail.
# Usage: tests/bench/run_bench.sh BUILD_DIR [RECORDS]   (needs python3-pandas, python3-numpy)
set -eu
build=${1:?usage: run_bench.sh BUILD_DIR [RECORDS]}
records=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/tests/bench/bench_engine" --records "$records" --keep "$work" > "$work/ours.json"
python3 "$here/reference_detectors.py" "$work/csv/202512_Compras.csv" > "$work/reference.json"

python3 - "$work/ours.json" "$work/reference.json" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))
ref = json.load(open(sys.argv[2]))
print(f"records: {ours['records']}  generate: {ours['generate_s']:.2f} s  "
      f"import: {ours['import_rows']} rows in {ours['import_s']:.2f} s ({ours['import_rows_per_s']:.0f} rows/s; "
      f"contracts {ours['import_contracts_rows_per_s']:.0f} rows/s)")
print(f"load: {ours['load_s']:.2f} s  all 13 detectors: {ours['detect_all_s']:.2f} s  "
      f"peak RSS: {ours['peak_rss_kib'] / 1024:.0f} MiB  findings: {ours['findings']}")
print(f"reference (pandas {ref['pandas']}): CSV read {ref['read_s']:.2f} s for {ref['rows']} rows")
print(f"{'detector':22} {'ours s':>9} {'pandas s':>9} {'pandas/ours':>12}")
for name, r in ref["detectors"].items():
    o = ours["detectors"][name]["seconds"]
    ratio = r["seconds"] / o if o > 0 else float("inf")
    print(f"{name:22} {o:9.3f} {r['seconds']:9.3f} {ratio:11.1f}x   (reference flagged {r['flagged_records']} records)")
PY
