#!/bin/bash
# Builds the libFuzzer targets (clang, ASan + UBSan, build dir build-fuzz) and runs each for
# SECONDS, one after the other. Fails (exit 1) on any crash, sanitizer report, failed
# consistency check, input slower than 1 s or over 2 GB of memory; the input is kept in
# build-fuzz/fuzz-work/artifacts/<target>/. Prints a table of executions and coverage.
# Usage: tests/fuzz/run.sh SECONDS [TARGET…]     (targets: tests/fuzz/targets.txt)
# Environment: HERALD_FUZZ_BUILD (build dir), HERALD_FUZZ_NICE (nice level for builds and runs).
set -uo pipefail
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET…]}
shift
cd "$(dirname "$0")/../.."
root=$PWD
build=${HERALD_FUZZ_BUILD:-$root/build-fuzz}
work=$build/fuzz-work
nice=(nice -n "${HERALD_FUZZ_NICE:-0}")

launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
start=$(date +%s)
mkdir -p "$build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DHERALD_FUZZ=ON "${launcher[@]}" > "$build/configure.log" 2>&1 ||
    { cat "$build/configure.log"; exit 1; }
"${nice[@]}" cmake --build "$build" --target herald_fuzz -j2 || exit 1
echo "fuzz build: $(($(date +%s) - start)) s"

rm -rf "$work/seeds"
python3 tests/fuzz/make_seeds.py "$root" "$work/seeds" > /dev/null || exit 1
mkdir -p "$work/logs"

mapfile -t lines < <(grep -E '^[a-z]' tests/fuzz/targets.txt)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
table="| target | seconds | executions | coverage (cov) | features (ft) | corpus | result |
|---|---:|---:|---:|---:|---:|---|"
for line in "${lines[@]}"; do
    read -r name dict <<< "$line"
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then
        continue
    fi
    corpus=$work/corpus/$name
    artifacts=$work/artifacts/$name
    log=$work/logs/$name.log
    mkdir -p "$corpus" "$artifacts"
    inputs=("$corpus" "$work/seeds/$name")
    [ -d "tests/data/fuzz-regressions/$name" ] && inputs+=("tests/data/fuzz-regressions/$name")
    echo "fuzzing $name for $seconds s"
    # libFuzzer's -timeout is wall-clock time: on a loaded machine a fast input can pass 1 s.
    # A timeout counts only when the input takes over 1 s of CPU on its own; otherwise the
    # target goes on fuzzing for the rest of its time (its corpus kept).
    execs=0 result=ok deadline=$(($(date +%s) + seconds)) rounds=0
    : > "$log"
    while :; do
        left=$((deadline - $(date +%s)))
        [ $left -lt 1 ] && [ $rounds -gt 0 ] && break
        [ $left -lt 1 ] && left=1
        rounds=$((rounds + 1))
        "${nice[@]}" "$build/tests/fuzz/fuzz_$name" -max_total_time="$left" -timeout=1 \
            -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
            -dict="tests/fuzz/dict/$dict.dict" -artifact_prefix="$artifacts/" "${inputs[@]}" \
            > "$log.round" 2>&1
        rc=$?
        cat "$log.round" >> "$log"
        n=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log.round" | grep -o '[0-9]*$')
        execs=$((execs + ${n:-0}))
        [ $rc -eq 0 ] && break
        input=$(ls -t "$artifacts" | head -1)
        if grep -q 'ERROR: libFuzzer: timeout' "$log.round" && [ $rounds -lt 6 ]; then
            cpu=$( { TIMEFORMAT='%U %S'; time "$build/tests/fuzz/fuzz_$name" -timeout=30 \
                "$artifacts/$input" > /dev/null 2>&1; } 2>&1 | awk '{ print $1 + $2 }')
            if awk -v c="$cpu" 'BEGIN { exit !(c < 1) }'; then
                echo "$name: timeout under load, $cpu s CPU alone: not slow, fuzzing on" >&2
                mv "$artifacts/$input" "$artifacts/under-load-$input"
                echo "==== fuzzing on after a timeout under load ($cpu s CPU)" >> "$log"
                continue
            fi
        fi
        failed=1
        result="FAILED: $(grep -m1 -oE 'ERROR: [A-Za-z]+: [a-z -]+|runtime error: .{0,60}|herald fuzz check failed: .*|out-of-memory' "$log" || echo "exit $rc")"
        echo "$name: $result (log: $log, input: $artifacts/$input)" >&2
        break
    done
    rm -f "$log.round"
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' <<< "$last" | grep -o '[0-9]*')
    ft=$(grep -o 'ft: [0-9]*' <<< "$last" | grep -o '[0-9]*')
    corp=$(grep -o 'corp: [0-9]*' <<< "$last" | grep -o '[0-9]*')
    table+="
| $name | $seconds | $execs | ${cov:-?} | ${ft:-?} | ${corp:-?} | $result |"
done
echo "$table" | tee "$work/results.md"
exit $failed
