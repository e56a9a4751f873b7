#!/usr/bin/env bash
# Reproduces the scale table of bench/README.md: generates the datasets once (not timed), then runs
# `chaingap_scale measure` RUNS times each, in fresh processes, and prints the median of every figure.
# usage: bench/run_scale.sh BUILD_DIR WORK_DIR [RUNS]
set -euo pipefail
build=${1:?build dir}; work=${2:?work dir}; runs=${3:-5}
scale="$build/bench/chaingap_scale"
mkdir -p "$work"
for spec in "100000 0" "1000000 10000000"; do
  set -- $spec
  dir="$work/e$1-r$2"
  [ -f "$dir/enterprises.csv" ] || "$scale" generate --enterprises "$1" --relations "$2" --out "$dir"
  for i in $(seq "$runs"); do "$scale" measure "$dir"; done > "$dir/runs.txt"
  /usr/bin/python3 - "$dir/runs.txt" <<'PY'
import statistics, sys
rows = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1])]
rows = [r for r in rows if r]
keys = ["load_s", "all_regions_s", "one_region_s", "peak_mib"]
head = {k: rows[0][k] for k in ["enterprises", "attachments", "relations", "regions", "links", "present_leaf_cells"]}
med = {k: statistics.median(float(r[k]) for r in rows) for k in keys}
rng = {k: (min(float(r[k]) for r in rows), max(float(r[k]) for r in rows)) for k in keys}
print(head, f"runs={len(rows)}")
for k in keys: print(f"  {k}: median {med[k]:.3f} (min {rng[k][0]:.3f}, max {rng[k][1]:.3f})")
PY
done
