#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs one (or all) for a while.
#
#   Fuzz/run.sh TARGET SECONDS      TARGET: model, condition, origin-regex, escapers (or FuzzModel, …)
#   Fuzz/run.sh all SECONDS         every target in turn, SECONDS each
#
# Environment: FUZZ_CONFIG=debug|release (default debug), FUZZ_KEEP_GOING=1 to keep running after a
# crash (libFuzzer fork mode, one worker), FUZZ_ARGS for extra libFuzzer flags.
# Corpora grow in Fuzz/corpus/<Target>/, crashes land in Fuzz/artifacts/<Target>/ (both gitignored).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
config="${FUZZ_CONFIG:-debug}"
# The Swift runtime's own crash handler fights AddressSanitizer and libFuzzer for the signal.
export SWIFT_BACKTRACE=enable=no
# Leak reports are about runtime caches, not bad input; fork-mode workers read this, not -detect_leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"

usage() { echo "usage: $0 model|condition|origin-regex|escapers|all SECONDS" >&2; exit 2; }
[[ $# -eq 2 && "$2" =~ ^[0-9]+$ ]] || usage

product() {
    case "$1" in
        model|FuzzModel) echo FuzzModel ;;
        condition|FuzzCondition) echo FuzzCondition ;;
        origin-regex|FuzzOriginRegex) echo FuzzOriginRegex ;;
        escapers|FuzzEscapers) echo FuzzEscapers ;;
        *) usage ;;
    esac
}

# Longest input per target: a model is a file, the others are one value.
max_len() {
    case "$1" in
        FuzzModel) echo 16384 ;;
        FuzzCondition) echo 2048 ;;
        FuzzOriginRegex) echo 1024 ;;
        FuzzEscapers) echo 1024 ;;
    esac
}

# SwiftPM names a path dependency after its directory; the link gives the main package a fixed name.
mkdir -p .build
ln -sfn ../.. .build/threatscribe

build() {
    echo "== building $1 ($config, -sanitize=fuzzer,address)" >&2
    if ! nice -n 10 swift build -c "$config" -j 2 --product "$1" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xcc -fsanitize=fuzzer-no-link,address \
        2>&1 | grep -Ev "warning: Cannot export local symbol" >&2; then
        echo "== build of $1 failed" >&2
        return 1
    fi
    echo "$(swift build -c "$config" --show-bin-path)/$1"
}

summary=()
run() {
    local target="$1" seconds="$2"
    local binary corpus="corpus/$target" artifacts="artifacts/$target" log
    binary="$(build "$target")" || exit 2
    mkdir -p "$corpus" "$artifacts" logs
    local before
    before="$(find "$artifacts" -type f | wc -l)"
    python3 seeds.py seeds >/dev/null
    log="logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
    local mode=()
    [[ "${FUZZ_KEEP_GOING:-0}" == 1 ]] && mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    echo "== fuzzing $target for ${seconds}s (log: Fuzz/$log)" >&2
    local started=$SECONDS
    set +e
    # shellcheck disable=SC2086
    nice -n 10 "$binary" "$corpus" "seeds/$target" \
        -dict="seeds/$target.dict" -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -timeout=10 -max_len="$(max_len "$target")" -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "${mode[@]}" ${FUZZ_ARGS:-} >"$log" 2>&1
    local status=$?
    local elapsed=$(( SECONDS - started ))
    set -e
    local stats execs cov crashes
    execs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$' || true)"
    [[ -n "$execs" ]] || execs="$(grep -Eo '#[0-9]+' "$log" | tail -1 | tr -d '#' || true)"
    cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)"
    crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
    stats="$target: exit $status, ${elapsed}s of ${seconds}s, ${execs:-?} executions, ${cov:-cov ?}, $(find "$corpus" -type f | wc -l) corpus files, $crashes new artifacts"
    summary+=("$stats")
    grep -E "^==[0-9]+==ERROR|^property failed|deadly signal|Test unit written|ALARM|out-of-memory" "$log" | head -10 >&2 || true
}

targets=()
if [[ "$1" == all ]]; then targets=(FuzzModel FuzzCondition FuzzOriginRegex FuzzEscapers); else targets=("$(product "$1")"); fi
for target in "${targets[@]}"; do
    run "$target" "$2"
done
echo "== summary"
printf '%s\n' "${summary[@]}"
