#!/usr/bin/env bash
# Runs a fixed list of chaingap commands on the demo, A-share and ETO data and stores every output
# (stdout, or the --out file) under OUT, one file per command, plus the imported dataset folders.
# Two runs (e.g. before and after a refactor) are then compared with `diff -r OUT_A OUT_B`.
#
# usage: tests/compare/outputs.sh CHAINGAP_BINARY OUT [SHARED_DATA]; then diff -r OUT_BEFORE OUT_AFTER
# (not two at once: imports go to one fixed folder, $TMPDIR/chaingap-compare-data)
#   SHARED_DATA defaults to ../shared/data beside the checkout; A-share and ETO runs are skipped
#   (and say so) when it is absent.
set -euo pipefail
bin=$(realpath "$1"); out=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${3:-$here/../shared/data}
rm -rf "$out"; mkdir -p "$out"; out=$(realpath "$out")
cd "$here"
n=0
run() {  # run NAME ARGS... : stdout (or the file given by --out) into OUT/NAME
    local name=$1; shift
    n=$((n + 1))
    local rc=0
    "$bin" "$@" > "$out/$name" 2> "$out/$name.stderr" || rc=$?
    echo "$rc" > "$out/$name.exit"
}
demo=data/demo
run chains.table chains
run chains.json chains --format json
run chains.show.tree chains show semiconductor
run chains.show.dot chains show semiconductor --format dot
run chains.show.json chains show new_display --format json
for f in table json csv; do
    run demo.gaps.all.$f gaps --data $demo --region 500000 --format $f
    run demo.gaps.semi.$f gaps --data $demo --region 500000 --chain semiconductor --format $f
    run demo.gaps.fengjie.$f gaps --data $demo --region 500236 --chain new_display --top 5 --format $f
    run demo.gaps.param.$f gaps --data $demo --region 440000 --chain vehicles --param weak_rca=1.5 --format $f
    run demo.targets.$f targets --data $demo --region 500000 --chain semiconductor --top 20 --format $f
    run demo.targets.local.$f targets --data $demo --region 500000 --chain semiconductor --local --from-regions yangtze_delta,gba --top 10 --format $f
    run demo.targets.all.$f targets --data $demo --region 500000 --top 0 --format $f
    run demo.portfolio.$f targets --data $demo --region 500000 --chain semiconductor --portfolio 5 --format $f
    run demo.opportunities.$f opportunities --data $demo --region 500000 --top 10 --format $f
    run demo.opportunities.yubei.$f opportunities --data $demo --region 500112 --chain semiconductor --top 5 --format $f
    run demo.whatif.$f whatif --data $demo --region 500000 --chain semiconductor --add E0000042,E0000107 --format $f
done
run demo.gaps.csvbom gaps --data $demo --region 500000 --chain semiconductor --format csv --bom
run demo.gaps.top0 gaps --data $demo --region 500000 --top 0
# Errors: the message text and exit status are part of the contract.
run err.region gaps --data $demo --region 999999
run err.chain gaps --data $demo --region 500000 --chain nope
run err.top gaps --data $demo --region 500000 --top -1
run err.param gaps --data $demo --region 500000 --param weak_rca=abc
run err.targets.top targets --data $demo --region 500000 --top x
run err.whatif whatif --data $demo --region 500000 --add NOPE
run err.format gaps --data $demo --region 500000 --format xml
if [ -d "$shared/ChainKnowledgeGraph" ]; then
    # Imported datasets live at one fixed path (it is printed in outputs), then are copied into OUT.
    data=${TMPDIR:-/tmp}/chaingap-compare-data
    rm -rf "$data"; mkdir -p "$data"
    "$bin" import ashare "$shared" --out "$data/ashare" > "$out/import.ashare" 2>&1
    "$bin" import eto "$shared/eto-chip-explorer" --out "$data/eto" > "$out/import.eto" 2>&1
    for f in table json csv; do
        run ashare.gaps.$f gaps --data "$data/ashare" --region 500000 --format $f
        run ashare.gaps.display.$f gaps --data "$data/ashare" --region 110000 --chain new_display --format $f
        run ashare.targets.$f targets --data "$data/ashare" --region 500000 --chain semiconductor --top 30 --format $f
        run ashare.eval.$f evaluate --data "$data/ashare" --cutoff 2013 --horizon 3 --chain sw2021 --level 2 --format $f
        run eto.gaps.$f gaps --data "$data/eto" --region CHN --chain eto_semiconductor --top 15 --format $f
        run eto.targets.$f targets --data "$data/eto" --region CHN --top 20 --format $f
        run eto.portfolio.$f targets --data "$data/eto" --region CHN --portfolio 10 --format $f
        run eto.whatif.$f whatif --data "$data/eto" --region CHN --add 'Applied Materials' --format $f
    done
    cp -r "$data/ashare" "$data/eto" "$out/"
else
    echo "SKIP: $shared not found: A-share and ETO outputs not compared" | tee "$out/SKIPPED"
fi
echo "$n commands run into $out"
