#!/bin/sh
# CTest wrapper of the real-browser test: starts `chaingap serve` on a free port over DATA with the
# built web app, runs browser-test.mjs against it, stops the server. Skips (exit 77, shown as
# "Skipped" by ctest) with a message when node, chromium, the built app or playwright-core is absent.
#   usage: tests/web/run.sh CHAINGAP DATA WEB_DIR SHOTS_DIR
set -u
CLI=$1 DATA=$2 WEB=$3 SHOTS=$4
HERE=$(cd "$(dirname "$0")" && pwd)
skip() { echo "SKIP browser test: $*"; exit 77; }
command -v node >/dev/null 2>&1 || skip "node is not installed (Debian: nodejs)"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || skip "no chromium at $CHROMIUM (Debian: chromium; or set CHROMIUM)"
[ -f "$WEB/index.html" ] || skip "the web app is not built at $WEB (configure with -DCHAINGAP_BUILD_WEB=ON)"
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
    (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
        skip "playwright-core is not installed and npm ci failed (run: cd tests/web && npm ci)"
fi
LOG=$(mktemp)
"$CLI" serve --data "$DATA" --port 0 --web "$WEB" --threads 8 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -f "$LOG"' EXIT
i=0
while ! grep -q 'http://' "$LOG"; do
    i=$((i + 1))
    if [ $i -gt 600 ] || ! kill -0 $PID 2>/dev/null; then cat "$LOG"; echo "server did not start"; exit 1; fi
    sleep 0.1
done
URL=$(grep -o 'http://[^ ]*' "$LOG" | head -1)
echo "server: $URL"
CHROMIUM=$CHROMIUM node "$HERE/browser-test.mjs" "$URL" "$SHOTS"
