#!/usr/bin/env bash
# CI addition to the Release run: the whole test suite built with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (any report fails the run), then a short libFuzzer run of every
# harness (tests/fuzz/run.sh, FUZZ_SECONDS each, default 60). One build serves both: the engine
# is compiled with ASan + UBSan + fuzzer coverage, the tests and the harnesses link it.
# Needs (Debian 12): clang-14 libclang-rt-14-dev llvm-14 (llvm-symbolizer for readable reports).
#
# Not built here, so not run under the sanitizers (the Release run before this one runs them):
#   bench            timings, not correctness (CHAINGAP_BUILD_BENCH=OFF)
#   python_bindings  an ASan-instrumented extension module loads into the uninstrumented python3
#                    only with libasan preloaded, and CPython's own allocations then read as leaks;
#                    the module is a thin layer over the request code the CLI tests run here
#                    (CHAINGAP_BUILD_PYTHON=OFF)
#   web_browser      the web app's JavaScript in chromium; the app is not rebuilt here
#                    (CHAINGAP_BUILD_WEB=OFF), and every server endpoint it calls runs under the
#                    sanitizers in server_api
#
# usage: tests/ci/sanitize.sh [BUILD_DIR]   (default build-sanitize, beside build/)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-sanitize}
jobs=${JOBS:-2}
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
start=$(date +%s)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 "${launcher[@]}" \
    -DCHAINGAP_SANITIZE=ON -DCHAINGAP_FUZZ=ON -DCHAINGAP_BUILD_BENCH=OFF -DCHAINGAP_BUILD_PYTHON=OFF -DCHAINGAP_BUILD_WEB=OFF
cmake --build "$build" -j"$jobs"
built=$(date +%s)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "sanitize: not run under the sanitizers (see tests/ci/sanitize.sh): bench, python_bindings, web_browser"
ctest --test-dir "$build" --output-on-failure -j"$jobs" -E '^web_browser$'
tested=$(date +%s)
tests/fuzz/run.sh "$build" "${FUZZ_SECONDS:-60}"
echo "sanitize: build $((built - start)) s, tests $((tested - built)) s, fuzz $(($(date +%s) - tested)) s"
