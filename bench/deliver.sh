#!/usr/bin/env bash
# Delivery benchmark: N feeds of M items (about 5% mention the watched story) served from
# loopback, one rule matching those, alerts delivered to a real SMTP server on loopback
# (examples/bench_smtp_sink). Measures `newswatch run --once` as a whole process: wall time
# from its start until the last email is accepted, emails per second over the delivery phase,
# peak RSS, and exactly-once (emails received vs alerts, duplicate Message-IDs).
#
#   bench/deliver.sh                 # N=1000 M=50 RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
M=${M:-50}
RUNS=${RUNS:-3}

cargo build --release --quiet --bin newswatch --example bench_feed_server --example bench_smtp_sink
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
target/release/examples/bench_feed_server --feeds "$N" --items "$M" --port-file "$work/feed-port" &
pids+=($!)
target/release/examples/bench_smtp_sink --port-file "$work/smtp-port" --log "$work/mails" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/feed-port" ] && [ -s "$work/smtp-port" ] && break; sleep 0.1; done
feed_port=$(cat "$work/feed-port")
smtp_port=$(cat "$work/smtp-port")

{
    printf '[daemon]\nstate = "state.db"\nallow_private_networks = true\nconcurrency = 8\n'
    printf '[[rule]]\nname = "alibaba-pla"\nquery = %s\nseverity = "high"\nnotify = ["desk"]\n' "'alibaba AND pla'"
    printf '[[channel]]\nname = "desk"\ntype = "email"\nfrom = "newswatch@bench.test"\nto = ["desk@bench.test"]\n'
    printf 'transport = "smtp"\nsmtp_host = "127.0.0.1"\nsmtp_port = %s\ntls = "none"\n' "$smtp_port"
    for i in $(seq 0 $((N - 1))); do
        printf '[[feed]]\nname = "f%s"\nurl = "http://127.0.0.1:%s/feed/%s.xml"\n' "$i" "$feed_port" "$i"
    done
} > "$work/bench.toml"

echo "newswatch delivery: N=$N feeds x M=$M items, SMTP on loopback, $(nproc) cores"
for run in $(seq "$RUNS"); do
    rm -f "$work"/state.db* && : > "$work/mails"
    start_ms=$(date +%s%3N)
    RUST_LOG=error /usr/bin/time -v target/release/newswatch -c "$work/bench.toml" run --once \
        > "$work/out" 2> "$work/time"
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    emails=$(wc -l < "$work/mails")
    unique=$(cut -d' ' -f2 "$work/mails" | sort -u | wc -l)
    first_ms=$(head -1 "$work/mails" | cut -d' ' -f1)
    last_ms=$(tail -1 "$work/mails" | cut -d' ' -f1)
    awk -v s="$start_ms" -v f="$first_ms" -v l="$last_ms" -v e="$emails" -v u="$unique" -v r="$rss" -v o="$(cat "$work/out")" 'BEGIN {
        rate = (l > f) ? e / ((l - f) / 1000) : 0
        printf "run: to last email %6.2f s  delivery %6.2f s  %7.0f emails/s  emails %d (unique %d)  peak RSS %5.1f MiB\n     %s\n", (l - s) / 1000, (l - f) / 1000, rate, e, u, r / 1024, o
    }' | tee -a "$work/results"
done
awk '/^run:/ {print $10}' "$work/results" | sort -n | awk '{a[NR] = $1} END {printf "median emails/s: %.0f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
