#!/usr/bin/env bash
# Short libFuzzer runs of every harness (tests/fuzz/*.cpp), each from its seed corpus in
# tests/fuzz/corpus/<harness>/ (copied: the repository is never written to), for SECONDS each.
# Prints one line of statistics per harness; exits 1 when any harness finds a crash, a sanitizer
# report, a leak, a timeout or a failed output check (the reproducer is kept under BUILD/fuzz-artifacts).
#
# usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]   (BUILD_DIR configured with -DCHAINGAP_FUZZ=ON)
set -euo pipefail
build=$(cd "$1" && pwd); secs=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/chaingap-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
keep="$build/fuzz-artifacts"; mkdir -p "$keep"
status=0
for h in fuzz_csv fuzz_chain_json fuzz_weights fuzz_dataset; do
    mkdir -p "$work/$h/corpus" "$work/$h/artifacts"
    cp "$here/corpus/$h/"* "$work/$h/corpus/"
    dict=()
    [ -f "$here/dict/$h.dict" ] && dict=(-dict="$here/dict/$h.dict")
    rc=0
    "$build/tests/fuzz/$h" "${dict[@]}" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$work/$h/artifacts/" "$work/$h/corpus" > "$work/$h/log" 2>&1 || rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$h/log" | grep -o '[0-9]*$' || echo "?")
    last=$(grep -E '^#[0-9]+' "$work/$h/log" | tail -1)
    cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || echo "?")
    ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || echo "?")
    corp=$(echo "$last" | grep -o 'corp: [0-9]*' | grep -o '[0-9]*' || echo "?")
    crashes=$(ls "$work/$h/artifacts" | wc -l)
    echo "$h: ${secs}s, $runs executions, coverage $cov edges ($ft features), corpus $corp, crashes $crashes, exit $rc"
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        status=1
        cp "$work/$h/artifacts/"* "$keep/" 2>/dev/null || true
        cp "$work/$h/log" "$keep/$h.log"
        grep -E 'ERROR|SUMMARY|FUZZ CHECK|runtime error|==[0-9]+==' "$work/$h/log" | head -20
        echo "$h: log and reproducer in $keep (rerun: $build/tests/fuzz/$h FILE)"
    fi
done
exit $status
