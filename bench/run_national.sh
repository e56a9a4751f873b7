#!/usr/bin/env bash
# National-scale figures of bench/README.md for one dataset size: snapshot write, CSV and snapshot
# loads, all-regions report end to end against the pandas + numpy + networkx peer (interleaved, in
# fresh processes), queries cold and warm, per-file CSV rates. Prints one key=value line per run and
# the medians. Every run's matrix is checked against the peer's (and the peer against chaingap's
# `gaps --format json` once): a disagreement stops the script.
# usage: bench/run_national.sh BUILD_DIR DATASET_DIR RUNS
#   SNAPSHOT_RUNS=k (default RUNS): how many times to load the CSV and write the snapshot
#   CSV_QUERIES=0: skip the query run that loads the CSV with relations (at 10M it is minutes per run)
#   PEER=0: skip the pandas peer and the matrix checks against it (at 10M it needs ~20 GB)
#   DATASET_DIR from: chaingap generate --enterprises N --relations 10N --attachments 5 --counties 100 --out DIR
set -euo pipefail
build=${1:?build dir}; data=${2:?dataset dir}; runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
scale="$build/bench/chaingap_scale"; cli="$build/chaingap"; py=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/national.XXXXXX"); trap 'rm -rf "$work"' EXIT
snap="$data.cgsnap"
log="$data.runs.txt"; : > "$log"
timed() {  # timed LABEL CMD... → "LABEL wall_s=… cpu_s=… rss_mib=… <cmd's key=value output>"
  local label=$1; shift
  local out; out=$(/usr/bin/time -f "TIME %e %U %S %M" "$@" 2>"$work/err") || { cat "$work/err" >&2; exit 1; }
  local t; t=$(grep '^TIME' "$work/err" | tail -1)
  set -- $t
  echo "$label wall_s=$2 cpu_s=$(echo "$3 + $4" | bc) rss_mib=$(( $5 / 1024 )) $(echo "$out" | tr '\n' ' ')"
}
csv_mb=$(du -cm "$data"/*.csv | tail -1 | cut -f1)
echo "dataset=$data csv_mib=$csv_mb machine_load=\"$(cut -d' ' -f1-3 /proc/loadavg)\"" | tee -a "$log"
for i in $(seq "${SNAPSHOT_RUNS:-$runs}"); do
  timed snapshot "$scale" snapshot "$data" "$snap" | tee -a "$log"
done
peer=${PEER:-1}
if [ "$peer" = 1 ]; then
  "$cli" gaps --data "$snap" --region 500000 --format json --out "$work/cq.json"
  "$py" "$here/peers/gaps_pandas.py" "$data" "$here/../chains" --check "$work/cq.json" >/dev/null
fi
for i in $(seq "$runs"); do
  timed e2e_csv "$scale" report "$data" --matrix "$work/c.npy" | tee -a "$log"
  timed e2e_snapshot "$scale" report "$snap" --matrix "$work/s.npy" | tee -a "$log"
  if [ "$peer" = 1 ]; then
    timed e2e_peer "$py" "$here/peers/gaps_pandas.py" "$data" "$here/../chains" --out "$work/p.npy" | tee -a "$log"
  fi
  "$py" - "$work/c.npy" "$work/s.npy" "$work/p.npy" "$peer" <<'PY'
import sys, numpy as np
c, s = np.load(sys.argv[1]), np.load(sys.argv[2])
assert np.array_equal(c, s), "snapshot and CSV matrices differ"
if sys.argv[4] == "1":
    p = np.load(sys.argv[3])
    assert c.shape == p.shape, "peer matrix shape differs"
    d = float(np.abs(c - p).max())
    assert d < 1e-9, f"peer disagrees: max |diff| {d}"
    print(f"check cells={c.size} max_abs_diff_vs_peer={d:.2e}")
else:
    print(f"check cells={c.size} snapshot_equals_csv=1 (peer not run)")
PY
  timed queries_snapshot "$scale" measure "$snap" | tee -a "$log"
  if [ "${CSV_QUERIES:-1}" = 1 ]; then
    timed queries_csv "$scale" measure "$data" | tee -a "$log"
    timed csvscan "$scale" csvscan "$data" | tee -a "$log"
  fi
done
"$py" - "$log" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if not parts or "=" in parts[0]: continue
    kv = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
    rows.setdefault(parts[0], []).append(kv)
for label, rs in rows.items():
    keys = [k for k in rs[0] if re.fullmatch(r"[-0-9.]+", rs[0][k])]
    med = " ".join(f"{k}={statistics.median(float(r[k]) for r in rs if k in r):g}" for k in keys)
    print(f"median {label} (n={len(rs)}): {med}")
PY
