#!/usr/bin/env bash
# Poll-cycle benchmark: N feeds of M items served from loopback by examples/bench_feed_server.
# Measures `newswatch run --once` as whole processes: the first cycle (all new) and the second
# right after (all 304), RUNS times each, and prints wall time and peak RSS with their medians.
#
#   bench/poll_cycle.sh                    # N=1000 M=50 HOSTS=1 RUNS=3
#   N=1000 HOSTS=8 bench/poll_cycle.sh     # feeds spread over 127.0.0.1-127.0.0.8
#
# HOSTS=1 is the worst case for newswatch: it never has more than one request in flight per
# host, so every fetch of a cycle goes through one connection in turn.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
M=${M:-50}
HOSTS=${HOSTS:-1}
RUNS=${RUNS:-3}
CONCURRENCY=${CONCURRENCY:-8}

cargo build --release --quiet --bin newswatch --example bench_feed_server
work=$(mktemp -d)
target/release/examples/bench_feed_server --feeds "$N" --items "$M" --hosts "$HOSTS" \
    --port-file "$work/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

{
    printf '[daemon]\nstate = "state.db"\nallow_private_networks = true\nconcurrency = %s\n' "$CONCURRENCY"
    for i in $(seq 0 $((N - 1))); do
        host=$((i % HOSTS + 1))
        printf '[[feed]]\nname = "f%s"\nurl = "http://127.0.0.%s:%s/feed/%s.xml"\n' "$i" "$host" "$port" "$i"
    done
} > "$work/bench.toml"

measure() { # label -> appends "wall_s rss_kib" to $work/$label
    local label=$1
    RUST_LOG=error /usr/bin/time -v target/release/newswatch -c "$work/bench.toml" run --once \
        > "$work/out" 2> "$work/time"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    echo "$wall $rss" >> "$work/$label"
    awk -v l="$label" -v w="$wall" -v r="$rss" -v o="$(cat "$work/out")" \
        'BEGIN {printf "%-7s wall %6.2f s  peak RSS %6.1f MiB  %s\n", l, w, r / 1024, o}'
}

echo "newswatch poll cycle: N=$N feeds x M=$M items, HOSTS=$HOSTS, concurrency=$CONCURRENCY, $(nproc) cores"
for run in $(seq "$RUNS"); do
    rm -f "$work"/state.db*
    measure first
    measure second
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for label in first second; do
    wall=$(cut -d' ' -f1 "$work/$label" | median)
    rss=$(cut -d' ' -f2 "$work/$label" | median)
    awk -v l="$label" -v w="$wall" -v r="$rss" \
        'BEGIN {printf "median %-7s wall %6.2f s  peak RSS %6.1f MiB\n", l, w, r / 1024}'
done
