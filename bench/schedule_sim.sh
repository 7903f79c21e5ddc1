#!/usr/bin/env bash
# The scheduling simulator (examples/schedule_sim.rs): fixed interval, Miniflux's
# entry-frequency scheduler and newswatch's learned rhythm, at the same requests per day, on the
# corpus's real publication times and synthetic traces. No network; a virtual clock.
# docs/SCHEDULING.md explains the method; docs/BENCHMARKS.md holds the figures.
#
#   bench/schedule_sim.sh                    # dev half, held-out half, all; budgets 30m and 2h
#   bench/schedule_sim.sh --subset dev       # any arguments go to the simulator as they are
#
# Exits non-zero if a run misses the targets (rhythm's mean and p90 latency at most half of
# the fixed interval's, its mean below Miniflux's).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${NEWSWATCH_CORPUS:-$root/../shared/corpus/realworld}
cd "$root"
cargo build -j 1 --example schedule_sim
sim=$root/target/debug/examples/schedule_sim
if [ $# -gt 0 ]; then
    exec "$sim" --corpus "$corpus" "$@"
fi
status=0
for subset in dev held-out all; do
    "$sim" --corpus "$corpus" --subset "$subset" --budget 30m --budget 2h || status=1
done
exit $status
