#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, starting from the committed seeds, and fails on the
# first crash, hang (an input taking over 10 s) or out-of-memory (over 2 GiB). The input that
# failed is left in fuzz/artifacts/<target>/. See fuzz/README.md.
#
#   FUZZ_SECONDS    how long each target runs (default 60)
#   FUZZ_TARGETS    which targets, space-separated (default all three)
#   FUZZ_SANITIZER  address (default) or none: .ci/run uses none, which builds in about half
#                   the time and runs faster; the coverage-guided search is the same
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-parse_feed rule_query config_load}
sanitizer=${FUZZ_SANITIZER:-address}

if ! command -v cargo-fuzz >/dev/null; then
    cargo install cargo-fuzz --locked
fi
# cargo-fuzz passes -Z flags (sanitizer, coverage instrumentation) that only nightly accepts;
# this lets the stable toolchain take them.
export RUSTC_BOOTSTRAP=1

cargo fuzz build --fuzz-dir fuzz --sanitizer "$sanitizer"
for target in $targets; do
    # A throw-away working corpus: what libFuzzer adds is not kept, the seeds stay read-only.
    corpus=$(mktemp -d)
    trap 'rm -rf "$corpus"' EXIT
    echo "fuzz/ci.sh: $target for ${seconds}s"
    cargo fuzz run --fuzz-dir fuzz --sanitizer "$sanitizer" "$target" "$corpus" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="fuzz/dict/$target.dict" -print_final_stats=1
    rm -rf "$corpus"
done
