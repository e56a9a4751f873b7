#!/usr/bin/env bash
# Load test of `chaingap serve` with wrk on loopback (bench/README.md, "HTTP server"): starts the
# server on a free port over DATA, checks each URL answers 200, then runs wrk for DURATION per URL and
# prints requests/s, p50/p99 latency and the error counts (wrk counts a reply slower than 30 s as a
# timeout error). Bounded: wrk -d DURATION per URL.
# usage: bench/serve_load.sh CHAINGAP DATA [DURATION=10s] [THREADS=2] [CONNECTIONS=8] [SERVER_THREADS=8]
set -euo pipefail
cli=${1:?chaingap binary}; data=${2:?dataset folder}; dur=${3:-10s}; t=${4:-2}; c=${5:-8}; st=${6:-8}
log=$(mktemp)
"$cli" serve --data "$data" --port 0 --threads "$st" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
until grep -q 'http://' "$log"; do kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }; sleep 0.2; done
base=$(grep -o 'http://[^/ ]*' "$log" | head -1)
head -1 "$log"
for path in "/api/gaps?region=500000&chain=semiconductor" \
            "/api/gaps?region=500000" \
            "/api/targets?region=500000&chain=semiconductor&top=50" \
            "/api/targets?region=500000&top=50&gap_fill=0.5"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  [ "$code" = 200 ] || { echo "$path: HTTP $code"; exit 1; }
  bytes=$(curl -s "$base$path" | wc -c)
  echo "== $path ($bytes bytes)"
  wrk -t"$t" -c"$c" -d"$dur" --timeout 30s --latency "$base$path" |
    grep -E 'Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors|requests in'
done
