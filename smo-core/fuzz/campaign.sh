#!/usr/bin/env bash
# A fuzzing campaign over every target on the stable toolchain (`--sanitizer none`): each target
# runs for SECONDS (default 60) from its seeds and kept corpus; the inputs that add coverage are
# merged into regressions/<target> (which the normal test command replays), crashes land in
# artifacts/<target>. Prints one line per target: executions, seconds, new kept inputs, crashes.
# Needs cargo-fuzz (`cargo install cargo-fuzz`).
set -uo pipefail
cd "$(dirname "$0")"
secs=${SECONDS_PER_TARGET:-60}
targets=${*:-$(sed -n 's/^name = "\(.*\)"/\1/p' Cargo.toml | grep -v smo-core-fuzz)}
cargo fuzz build --sanitizer none -O >/dev/null 2>&1 || { echo "build failed"; exit 1; }
for t in $targets; do
    work=$(mktemp -d)
    mkdir -p "seeds/$t" "regressions/$t" "artifacts/$t"
    before=$(ls "regressions/$t" | wc -l)
    log=$work/log
    cargo fuzz run --sanitizer none -O "$t" "$work" "seeds/$t" "regressions/$t" -- \
        -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    # Keep only what adds coverage to the kept corpus.
    cargo fuzz run --sanitizer none -O "$t" "regressions/$t" "$work" -- -merge=1 >/dev/null 2>&1
    after=$(ls "regressions/$t" | wc -l)
    crashes=$(ls "artifacts/$t" 2>/dev/null | wc -l)
    echo "$t executions=${runs:-?} seconds=$secs kept_before=$before kept_after=$after crashes=$crashes exit=$rc"
    rm -rf "$work"
done
