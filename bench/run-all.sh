#!/bin/sh
# Runs every benchmark and prints its tables: bench/run-all.sh BUILD_DIR [--quick]
# (or: cmake --build BUILD_DIR --target bench). About 6 minutes on 2 cores; --quick: fewer runs.
# Figures vary with the machine and its load: compare within one run, not across machines.
set -eu
build=${1:?usage: bench/run-all.sh BUILD_DIR [--quick]}
quick=${2:-}
bench="$build/bench"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "== $(date -u '+%Y-%m-%d %H:%M UTC') on $(uname -srm), $(nproc) CPUs," \
     "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"

runs=100000
[ "$quick" = "--quick" ] && runs=20000

echo; echo "== 1. Detection lag and runs/get (bench_polling)"
if [ "$quick" = "--quick" ]; then
    "$bench/polling/bench_polling" --runs 6
else
    "$bench/polling/bench_polling"
fi

echo; echo "== 1b. Detection lag from outside, beside the SDK waiter (bench_lag)"
# The SDK waiter needs node and npm (bench_lag installs the pinned SDK into the build folder).
sdk=""
command -v npm >/dev/null 2>&1 || { sdk="--no-sdk"; echo "(npm not found: without the SDK)"; }
if [ "$quick" = "--quick" ]; then
    "$bench/lag/bench_lag" --runs 3 $sdk
else
    "$bench/lag/bench_lag" $sdk
fi

echo; echo "== 2. Many runs, constant cost (bench_monitorcost)"
if [ "$quick" = "--quick" ]; then
    "$bench/monitorcost/bench_monitorcost" --minutes 1
else
    "$bench/monitorcost/bench_monitorcost"
fi

echo; echo "== History store, $runs runs (bench_history)"
"$bench/history/bench_history" "$runs" --keep "$tmp"

echo; echo "== 3. Large data never freezes the window (bench_gui, same history)"
"$bench/gui/bench_gui" --history "$tmp/brickrun.sqlite"

echo; echo "== 4. Start time and memory (bench_startup)"
if [ "$quick" = "--quick" ]; then
    "$bench/startup/bench_startup" --rounds 3
else
    "$bench/startup/bench_startup" --rounds 11
fi
