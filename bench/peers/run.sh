#!/usr/bin/env bash
# The peer benchmark: newswatch against rss2email, feed2exec and newsboat on the same feeds,
# served by nginx on loopback, with a real SMTP server (aiosmtpd) counting what arrives.
# docs/BENCHMARKS.md explains the method and holds the results.
#
#   bench/peers/run.sh                      # the full comparison: N=200,2000 x M=50, 3 runs,
#                                           # newswatch alone at 10,000 feeds, idle daemon
#   bench/peers/run.sh --feeds 200 --runs 1 # one size, one run
#   bench/peers/run.sh --smoke              # CI: N=20, newswatch only, 1 run (about a minute)
#
# Options:
#   --feeds N[,N...]   feed counts of the first/second-cycle comparison (default 200,2000)
#   --items M          items per feed (default 50)
#   --runs R           repetitions; medians are reported (default 3)
#   --only LIST        tools, comma-separated: newswatch,rss2email,feed2exec,newsboat (default all)
#   --scenario LIST    cycles,big,idle (default all three)
#   --big-feeds N      feeds of newswatch's big first cycle (default 10000)
#   --idle-feeds N     feeds of the idle-daemon scenario (default 1000)
#   --idle-seconds S   how long the idle daemon's VmRSS is sampled (default 30)
#   --hosts H          spread feeds over 127.0.0.1..127.0.0.H (default 1: one host, every tool
#                      fetches one feed after another)
#   --seed S           generator seed (default 1)
#   --out DIR          results (default bench/peers/out)
#   --work DIR         feeds, venv, state, logs (default bench/peers/work)
#   --no-install       fail instead of installing what is missing
#   --smoke            --feeds 20 --runs 1 --only newswatch --big-feeds 40 --idle-feeds 20
#                      --idle-seconds 3 --idle-timeout 60; peers are not installed
#   --idle-timeout S   how long the idle daemon may take over its first cycle (default 600)
# Environment: NEWSWATCH_BIN=path uses that binary instead of `cargo build --release`;
# NEWSWATCH_DAEMON_EXTRA='key = value' adds lines to the [daemon] table of every newswatch
# config (for keys a later version has, such as one that turns story clustering off).
#
# It installs what is missing: with apt-get, nginx, time (/usr/bin/time), python3-venv, and
# newsboat when it is measured; with pip, into a venv under the work dir, aiosmtpd, and
# rss2email and feed2exec when they are measured (versions pinned below). Installing nginx
# from Debian may start the system's nginx on port 80; this script never uses it.
set -euo pipefail
umask 022

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

AIOSMTPD_VERSION=${AIOSMTPD_VERSION:-1.4.6}
RSS2EMAIL_VERSION=${RSS2EMAIL_VERSION:-3.14}
FEED2EXEC_VERSION=${FEED2EXEC_VERSION:-0.23.0}

feeds_list=200,2000
items=50
runs=3
only=newswatch,rss2email,feed2exec,newsboat
scenarios=cycles,big,idle
big_feeds=10000
idle_feeds=1000
idle_seconds=30
idle_timeout=600
hosts=1
seed=1
out=$here/out
work=$here/work
install=1

command_line="bench/peers/run.sh $*"
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case $1 in
        --feeds) feeds_list=$2; shift 2 ;;
        --items) items=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        --scenario) scenarios=$2; shift 2 ;;
        --big-feeds) big_feeds=$2; shift 2 ;;
        --idle-feeds) idle_feeds=$2; shift 2 ;;
        --idle-seconds) idle_seconds=$2; shift 2 ;;
        --idle-timeout) idle_timeout=$2; shift 2 ;;
        --hosts) hosts=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --no-install) install=0; shift ;;
        --smoke)
            feeds_list=20 runs=1 only=newswatch big_feeds=40 idle_feeds=20 idle_seconds=3 idle_timeout=60
            shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

for v in "$items" "$runs" "$big_feeds" "$idle_feeds" "$idle_seconds" "$idle_timeout" "$hosts" "$seed" ${feeds_list//,/ }; do
    [[ $v =~ ^[0-9]+$ ]] && [ "$v" -gt 0 ] || { echo "run.sh: not a positive number: $v" >&2; exit 2; }
done
[ "$hosts" -le 250 ] || { echo "run.sh: --hosts is at most 250" >&2; exit 2; }
has() { [[ ,$1, == *,$2,* ]]; }
for t in ${only//,/ }; do
    has newswatch,rss2email,feed2exec,newsboat "$t" || { echo "run.sh: unknown tool $t" >&2; exit 2; }
done
for s in ${scenarios//,/ }; do
    has cycles,big,idle "$s" || { echo "run.sh: unknown scenario $s" >&2; exit 2; }
done

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

mkdir -p "$work" "$out"
work=$(cd "$work" && pwd)
out=$(cd "$out" && pwd)

# ---------------------------------------------------------------- install what is missing
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo > /dev/null; then sudo "$@"; else die "need root for: $*"; fi; }
apt_updated=0
need_apt() { # package command-that-must-exist
    local pkg=$1 probe=$2
    if [ -x "$probe" ] || command -v "$probe" > /dev/null 2>&1; then return; fi
    [ "$install" = 1 ] || die "$pkg is missing (--no-install)"
    log "installing $pkg (apt-get)"
    if [ "$apt_updated" = 0 ]; then as_root apt-get update -q > "$work/apt.log" 2>&1 || die "apt-get update failed: $work/apt.log"; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$pkg" \
        >> "$work/apt.log" 2>&1 || die "apt-get install $pkg failed: $work/apt.log"
}
need_apt nginx /usr/sbin/nginx
need_apt time /usr/bin/time
has "$only" newsboat && has "$scenarios" cycles && need_apt newsboat newsboat

python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3
venv=$work/venv
if ! [ -x "$venv/bin/python" ]; then
    if ! "$python" -m venv "$venv" > /dev/null 2>&1; then
        rm -rf "$venv"
        need_apt python3-venv /nonexistent/python3-venv
        "$python" -m venv "$venv" || die "cannot create a venv with $python"
    fi
fi
need_pip() { # module requirement
    if "$venv/bin/python" -c "import $1" 2> /dev/null; then return; fi
    [ "$install" = 1 ] || die "$2 is missing from $venv (--no-install)"
    log "installing $2 (pip, into $venv)"
    "$venv/bin/pip" install -q --disable-pip-version-check "$2" >> "$work/pip.log" 2>&1 \
        || die "pip install $2 failed: $work/pip.log"
}
need_pip aiosmtpd "aiosmtpd==$AIOSMTPD_VERSION"
if has "$scenarios" cycles; then
    has "$only" rss2email && need_pip rss2email "rss2email==$RSS2EMAIL_VERSION"
    has "$only" feed2exec && need_pip feed2exec "feed2exec==$FEED2EXEC_VERSION"
fi

if [ -n "${NEWSWATCH_BIN:-}" ]; then
    newswatch=$(cd "$(dirname "$NEWSWATCH_BIN")" && pwd)/$(basename "$NEWSWATCH_BIN")
else
    log "building newswatch (cargo build --release)"
    (cd "$root" && cargo build --release --quiet --bin newswatch)
    newswatch=$root/target/release/newswatch
fi
[ -x "$newswatch" ] || die "no newswatch binary at $newswatch"

# ---------------------------------------------------------------- the machine and versions
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "command: $command_line"
    echo "kernel: $(uname -srm)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME") (debian_version $(cat /etc/debian_version 2> /dev/null || echo -))"
    echo "cpu: $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores available"
    echo "memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "newswatch: $("$newswatch" --version 2> /dev/null || echo -) (binary $newswatch; source tree at $(cd "$root" && git rev-parse --short HEAD 2> /dev/null || echo -))"
    echo "nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/.*nginx\///')"
    echo "python: $("$venv/bin/python" -c 'import sys; print(sys.version.split()[0])')"
    echo "aiosmtpd: $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("aiosmtpd"))')"
    if has "$scenarios" cycles; then
        has "$only" rss2email && echo "rss2email: $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("rss2email"))')"
        has "$only" feed2exec && echo "feed2exec: $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("feed2exec"))')"
        has "$only" newsboat && echo "newsboat: $(newsboat --version 2> /dev/null | head -1 | awk '{print $2}')"
    fi
    echo "time: $(dpkg-query -W -f='${Version}' time 2> /dev/null || echo -)"
} > "$out/machine.txt"

# ---------------------------------------------------------------- servers, stopped by the trap
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for_file() { # file seconds
    local i
    for ((i = 0; i < $2 * 10; i++)); do [ -s "$1" ] && return 0; sleep 0.1; done
    return 1
}
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The feeds: the largest N any scenario needs; smaller N use a prefix.
max_feeds=0
for n in ${feeds_list//,/ }; do [ "$n" -gt "$max_feeds" ] && max_feeds=$n; done
has "$scenarios" big && [ "$big_feeds" -gt "$max_feeds" ] && max_feeds=$big_feeds
has "$scenarios" idle && [ "$idle_feeds" -gt "$max_feeds" ] && max_feeds=$idle_feeds
gen=$work/www
rm -rf "$gen"
log "generating $max_feeds feeds x $items items (seed $seed)"
"$python" "$here/genfeeds.py" --feeds "$max_feeds" --items "$items" --seed "$seed" --out "$gen"
cp "$gen/manifest.json" "$out/feeds-manifest.json"

# nginx: static files, default ETag and Last-Modified, a log line per request with its status.
mkdir -p "$work/nginx/tmp"
nginx_port=$(free_port)
{
    # As root, nginx's worker would run as nobody, who may not reach a work dir under /root.
    [ "$(id -u)" = 0 ] && echo "user root;"
    echo "worker_processes 1;"
    echo "pid $work/nginx/nginx.pid;"
    echo "error_log $work/nginx/error.log warn;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "    types { application/rss+xml xml; }"
    echo "    default_type application/octet-stream;"
    echo "    log_format bench '\$status \$request_method \$request_uri \$body_bytes_sent \"\$http_if_none_match\" \"\$http_if_modified_since\" \"\$http_user_agent\"';"
    echo "    access_log $work/nginx/access.log bench;"
    for p in client_body proxy fastcgi uwsgi scgi; do echo "    ${p}_temp_path $work/nginx/tmp/$p;"; done
    echo "    server {"
    for ((h = 1; h <= hosts; h++)); do echo "        listen 127.0.0.$h:$nginx_port;"; done
    echo "        root $gen;"
    echo "    }"
    echo "}"
} > "$work/nginx/nginx.conf"
: > "$work/nginx/access.log"
/usr/sbin/nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
# The SMTP sink.
rm -f "$work/sink.port"
: > "$work/sink.log"
"$venv/bin/python" "$here/sink.py" serve --port-file "$work/sink.port" --log "$work/sink.log" \
    2> "$work/sink.err" &
pids+=($!)
wait_for_file "$work/sink.port" 20 || die "the SMTP sink did not start: $work/sink.err"
smtp_port=$(cat "$work/sink.port")
ready=0
for _ in $(seq 100); do
    if "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$nginx_port/feeds/0.xml', timeout=2)" 2> /dev/null; then
        ready=1; break
    fi
    sleep 0.1
done
[ "$ready" = 1 ] || die "nginx did not start: $work/nginx/error.log"
log "nginx on 127.0.0.1:$nginx_port ($hosts host(s)), SMTP sink on 127.0.0.1:$smtp_port"

feed_url() { echo "http://127.0.0.$(($1 % hosts + 1)):$nginx_port/feeds/$1.xml"; }

# ---------------------------------------------------------------- configs
# newswatch: one config per rule set and transport. Items are recent, but the peers mail every
# item whatever its age, so the backlog limits are lifted.
newswatch_config() { # file feeds ruleset(all|rules|none) transport(smtp|maildir) dir [interval]
    local file=$1 n=$2 ruleset=$3 transport=$4 dir=$5 interval=${6:-10m} i
    {
        printf '[daemon]\nstate = "%s/state.db"\ninterval = "%s"\nallow_private_networks = true\n' "$dir" "$interval"
        printf 'new_feed_backlog = "3650d"\nmax_item_age = "3650d"\n'
        [ -n "${NEWSWATCH_DAEMON_EXTRA:-}" ] && printf '%s\n' "$NEWSWATCH_DAEMON_EXTRA"
        printf '\n'
        case $ruleset in
            rules) cat "$gen/rules.toml" ;;
            all) printf '[[rule]]\nname = "every-item"\nquery = %s\nseverity = "info"\nnotify = ["sink"]\ncluster = false\n' "'title:/^./'" ;;
            none) printf '[[rule]]\nname = "nothing"\nquery = %s\nseverity = "info"\nnotify = ["sink"]\ncluster = false\n' "'zqxjkvbench'" ;;
        esac
        printf '\n[[channel]]\nname = "sink"\ntype = "email"\nfrom = "newswatch@bench.test"\nto = ["desk@bench.test"]\n'
        if [ "$transport" = smtp ]; then
            printf 'transport = "smtp"\nsmtp_host = "127.0.0.1"\nsmtp_port = %s\ntls = "none"\n' "$smtp_port"
        else
            printf 'transport = "maildir"\ndir = "%s/maildir"\n' "$dir"
        fi
        for ((i = 0; i < n; i++)); do
            printf '\n[[feed]]\nname = "f%s"\nurl = "%s"\n' "$i" "$(feed_url "$i")"
        done
    } > "$file"
}
rss2email_config() { # file feeds
    local i
    {
        printf '[DEFAULT]\nfrom = rss2email@bench.test\nto = desk@bench.test\n'
        printf 'email-protocol = smtp\nsmtp-server = 127.0.0.1\nsmtp-port = %s\nverbose = warning\n' "$smtp_port"
        for ((i = 0; i < $2; i++)); do printf '\n[feed.f%s]\nurl = %s\n' "$i" "$(feed_url "$i")"; done
    } > "$1"
}
feed2exec_config() { # file feeds maildir
    local i
    {
        printf '[DEFAULT]\noutput = feed2exec.plugins.maildir\nmailbox = %s\nfolder = bench\nargs = desk@bench.test\n' "$3"
        for ((i = 0; i < $2; i++)); do printf '\n[f%s]\nurl = %s\n' "$i" "$(feed_url "$i")"; done
    } > "$1"
}
newsboat_urls() { # file feeds
    local i
    for ((i = 0; i < $2; i++)); do feed_url "$i"; done > "$1"
}

# ---------------------------------------------------------------- measuring
results=$out/results.tsv
printf 'scenario\tfeeds\titems\trun\ttool\tphase\twall_s\tuser_s\tsys_s\tmaxrss_kib\texit\thttp_200\thttp_304\thttp_other\temails_expected\temails\tunique_ids\tdup_ids\tunique_items\tdup_items\tfirst_email_s\tlast_email_s\tnote\n' > "$results"

# Runs a command under /usr/bin/time -v; sets m_wall m_user m_sys m_rss m_exit.
measure() { # name cmd...
    local name=$1; shift
    : > "$work/nginx/access.log"
    : > "$work/sink.log"
    m_start=$(date +%s%3N)
    set +e
    /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err"
    m_exit=$?
    set -e
    m_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/$name.time")
    m_user=$(awk -F': ' '/User time/ {print $2}' "$work/$name.time")
    m_sys=$(awk -F': ' '/System time/ {print $2}' "$work/$name.time")
    m_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
    m_wall=${m_wall:-0} m_user=${m_user:-0} m_sys=${m_sys:-0} m_rss=${m_rss:-0}
}
http_counts() { # -> "200 304 other"
    awk '{ if ($1 == 200) a++; else if ($1 == 304) b++; else c++ } END {printf "%d %d %d", a, b, c}' "$work/nginx/access.log"
}
record() { # scenario feeds run tool phase expected mailsource(sink|maildir:DIR|none) note
    # emails, unique_ids and unique_items count this cycle; dup_ids and dup_items count
    # duplicates over the variant's cycles so far (cycle_mail, reset by cycle_pair), so a
    # message sent again in the second cycle counts.
    local counts http now all
    case $7 in
        sink)
            cat "$work/sink.log" >> "$work/cycle-mail.log"
            now=$("$venv/bin/python" "$here/sink.py" count "$work/sink.log")
            all=$("$venv/bin/python" "$here/sink.py" count "$work/cycle-mail.log") ;;
        maildir:*)
            # A Maildir keeps every cycle's messages: this cycle's are the difference.
            all=$("$venv/bin/python" "$here/sink.py" count --maildir "${7#maildir:}")
            now=$(awk -v a="$all" -v p="$maildir_before" 'BEGIN {split(a, x, " "); split(p, y, " ");
                printf "%d %d 0 %d %d 0", x[1] - y[1], x[2] - y[2], x[4] - y[4], x[5] - y[5]}')
            maildir_before=$all ;;
        *) now="0 0 0 0 0 0" all=$now ;;
    esac
    counts=$(awk -v n="$now" -v a="$all" 'BEGIN {split(n, x, " "); split(a, y, " ");
        printf "%d %d %d %d %d %d", x[1], x[2], y[3], x[4], x[5], y[6]}')
    http=$(http_counts)
    # When the first and the last email arrived, in seconds from the start of the process.
    local span="- -"
    [ "$7" = sink ] && [ -s "$work/sink.log" ] && span=$(awk -F'\t' -v s="$m_start" \
        'NR == 1 {f = $1} {l = $1} END {printf "%.3f %.3f", (f - s) / 1000, (l - s) / 1000}' "$work/sink.log")
    local first_mail last_mail
    read -r first_mail last_mail <<< "$span"
    local total uniq dupid ukeys dupkeys h200 h304 hother
    read -r total uniq dupid _ ukeys dupkeys <<< "$counts"
    read -r h200 h304 hother <<< "$http"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$1" "$2" "$items" "$3" "$4" "$5" "$m_wall" "$m_user" "$m_sys" "$m_rss" "$m_exit" \
        "$h200" "$h304" "$hother" "$6" "$total" "$uniq" "$dupid" "$ukeys" "$dupkeys" \
        "$first_mail" "$last_mail" "$8" >> "$results"
    log "$(printf '%-9s N=%-5s run %s %-18s %-6s wall %7.2f s  cpu %7.2f s  rss %6.1f MiB  exit %s  200/304/other %s/%s/%s  emails %s/%s (dup items %s, first/last at %s/%s s)' \
        "$1" "$2" "$3" "$4" "$5" "$m_wall" "$(awk -v u="$m_user" -v s="$m_sys" 'BEGIN {print u + s}')" \
        "$(awk -v r="$m_rss" 'BEGIN {print r / 1024}')" "$m_exit" "$h200" "$h304" "$hother" \
        "$total" "$6" "$dupkeys" "$first_mail" "$last_mail")"
    [ "$m_exit" = 0 ] || log "  $4 exited $m_exit: see $work/$4.err"
}

# One tool variant: fresh state, first cycle (all new), second cycle right after (unchanged).
# Sets nothing; appends two rows.
cycle_pair() { # scenario feeds run variant
    local scenario=$1 n=$2 run=$3 variant=$4 dir=$work/state/$4 expected mails first_note
    local everything=$((n * items))
    read -r _ _ _ _ realistic <<< "$("$python" "$here/genfeeds.py" expect "$gen" "$n")"
    rm -rf "$dir" && mkdir -p "$dir"
    : > "$work/cycle-mail.log"
    maildir_before="0 0 0 0 0 0"
    case $variant in
        newswatch-all|newswatch-rules|newswatch-none|newswatch-maildir)
            local ruleset=${variant#newswatch-} transport=smtp
            [ "$ruleset" = maildir ] && { ruleset=all; transport=maildir; }
            newswatch_config "$dir/newswatch.toml" "$n" "$ruleset" "$transport" "$dir"
            case $ruleset in all) expected=$everything ;; rules) expected=$realistic ;; *) expected=0 ;; esac
            mails=sink; [ "$transport" = maildir ] && mails=maildir:$dir/maildir
            local cmd=(env RUST_LOG=error "$newswatch" -c "$dir/newswatch.toml" run --once)
            ;;
        rss2email)
            rss2email_config "$dir/r2e.cfg" "$n"
            expected=$everything mails=sink
            local cmd=("$venv/bin/r2e" -c "$dir/r2e.cfg" -d "$dir/r2e.json" run)
            ;;
        feed2exec)
            feed2exec_config "$dir/feed2exec.ini" "$n" "$dir/maildir"
            expected=$everything mails=maildir:$dir/maildir/bench
            local cmd=("$venv/bin/feed2exec" --config "$dir/feed2exec.ini" --database "$dir/feed2exec.db" fetch)
            ;;
        newsboat)
            newsboat_urls "$dir/urls" "$n"
            : > "$dir/config"
            expected=0 mails=none
            local cmd=(env HOME="$dir" newsboat -x reload -u "$dir/urls" -c "$dir/cache.db" -C "$dir/config")
            ;;
    esac
    measure "$variant" "${cmd[@]}"
    first_note=$(tail -c 300 "$work/$variant.out" | tr '\t\n' '  ' | sed 's/ *$//')
    [ "$variant" = newsboat ] && first_note="items stored: $(newsboat_items "$dir/cache.db")"
    record "$scenario" "$n" "$run" "$variant" first "$expected" "$mails" "$first_note"
    measure "$variant" "${cmd[@]}"
    record "$scenario" "$n" "$run" "$variant" second 0 "$mails" "$(tail -c 300 "$work/$variant.out" | tr '\t\n' '  ' | sed 's/ *$//')"
    if [ "$variant" = newsboat ]; then
        # newsboat 2.21 keeps a feed's ETag and Last-Modified only from its second reload on
        # (the first stores them before the feed's row exists), so its first unchanged reload
        # downloads everything again; a third shows its conditional reload.
        measure "$variant" "${cmd[@]}"
        record "$scenario" "$n" "$run" "$variant" third 0 "$mails" "items stored: $(newsboat_items "$dir/cache.db")"
    fi
    rm -rf "$dir"
}
newsboat_items() {
    "$python" -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from rss_item').fetchone()[0])" "$1" 2> /dev/null || echo "?"
}
calibrate() { # scenario feeds run count
    : > "$work/sink.log"
    : > "$work/cycle-mail.log"
    local line
    m_start=$(date +%s%3N)
    line=$("$venv/bin/python" "$here/sink.py" calibrate --port "$smtp_port" --count "$4")
    m_wall=${line% *} m_user=0 m_sys=0 m_rss=0 m_exit=0
    : > "$work/nginx/access.log"
    record "$1" "$2" "$3" sink-calibration first "$4" sink "one SMTP connection, $4 messages, ${line#* } msg/s"
}

# ---------------------------------------------------------------- the idle daemon
idle_daemon() { # feeds run
    local n=$1 run=$2 dir=$work/state/idle
    read -r _ _ _ _ realistic <<< "$("$python" "$here/genfeeds.py" expect "$gen" "$n")"
    rm -rf "$dir" && mkdir -p "$dir"
    newswatch_config "$dir/newswatch.toml" "$n" rules smtp "$dir" 1h
    : > "$work/nginx/access.log"
    : > "$work/sink.log"
    local started
    started=$(date +%s%N)
    RUST_LOG=warn "$newswatch" -c "$dir/newswatch.toml" run > "$work/idle.out" 2> "$work/idle.err" &
    local daemon=$!
    pids+=("$daemon")
    # The first cycle is done when every feed was fetched and every expected alert arrived.
    local i fetched=0 mailed=0 done_first=0
    for ((i = 0; i < idle_timeout * 10; i++)); do
        kill -0 "$daemon" 2> /dev/null || break
        fetched=$(wc -l < "$work/nginx/access.log")
        mailed=$(wc -l < "$work/sink.log")
        if [ "$fetched" -ge "$n" ] && [ "$mailed" -ge "$realistic" ]; then done_first=1; break; fi
        sleep 0.1
    done
    local first_s=$(( ($(date +%s%N) - started) / 1000000 ))
    first_s=$(awk -v ms="$first_s" 'BEGIN {printf "%.2f", ms / 1000}')
    sleep 2
    local samples=() rss hwm=0
    for ((i = 0; i < idle_seconds; i++)); do
        kill -0 "$daemon" 2> /dev/null || break
        rss=$(awk '/^VmRSS/ {print $2}' "/proc/$daemon/status" 2> /dev/null || echo)
        [ -n "$rss" ] && samples+=("$rss")
        hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$daemon/status" 2> /dev/null || echo "$hwm")
        sleep 1
    done
    local alive=1
    kill -0 "$daemon" 2> /dev/null || alive=0
    kill -TERM "$daemon" 2> /dev/null || true
    set +e
    wait "$daemon"
    local code=$?
    set -e
    local median=0 max=0
    if [ ${#samples[@]} -gt 0 ]; then
        median=$(printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}')
        max=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)
    fi
    local total uniq dupid ukeys dupkeys h200 h304 hother
    read -r total uniq dupid _ ukeys dupkeys <<< "$("$venv/bin/python" "$here/sink.py" count "$work/sink.log")"
    read -r h200 h304 hother <<< "$(http_counts)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        idle "$n" "$items" "$run" newswatch-daemon idle "$first_s" 0 0 "$median" "$code" \
        "$h200" "$h304" "$hother" "$realistic" "$total" "$uniq" "$dupid" "$ukeys" "$dupkeys" - - \
        "VmRSS median $median KiB, max $max KiB over ${#samples[@]} s; VmHWM $hwm KiB; first cycle done: $done_first in $first_s s; alive until SIGTERM: $alive" >> "$results"
    log "$(printf 'idle      N=%-5s run %s newswatch-daemon first cycle %s s (done %s), VmRSS median %.1f MiB max %.1f MiB (HWM %.1f), emails %s/%s, exit %s' \
        "$n" "$run" "$first_s" "$done_first" "$(awk -v r="$median" 'BEGIN {print r / 1024}')" \
        "$(awk -v r="$max" 'BEGIN {print r / 1024}')" "$(awk -v r="$hwm" 'BEGIN {print r / 1024}')" "$total" "$realistic" "$code")"
    rm -rf "$dir"
}

# ---------------------------------------------------------------- the scenarios
variants=()
has "$only" newswatch && variants+=(newswatch-all newswatch-rules newswatch-none newswatch-maildir)
has "$only" rss2email && variants+=(rss2email)
has "$only" feed2exec && variants+=(feed2exec)
has "$only" newsboat && variants+=(newsboat)

log "results: $results; load $(cut -d' ' -f1-3 /proc/loadavg)"
started_all=$(date +%s)
for ((run = 1; run <= runs; run++)); do
    if has "$scenarios" cycles && [ ${#variants[@]} -gt 0 ]; then
        for n in ${feeds_list//,/ }; do
            calibrate cycles "$n" "$run" $((n * items))
            # Interleaved: every tool once per run, the order rotated from one run to the next.
            count=${#variants[@]}
            for ((k = 0; k < count; k++)); do
                cycle_pair cycles "$n" "$run" "${variants[$(((k + run - 1) % count))]}"
            done
        done
    fi
    if has "$scenarios" big && has "$only" newswatch; then
        cycle_pair big "$big_feeds" "$run" newswatch-rules
        cycle_pair big "$big_feeds" "$run" newswatch-none
    fi
    if has "$scenarios" idle && has "$only" newswatch; then
        idle_daemon "$idle_feeds" "$run"
    fi
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg); total $(( $(date +%s) - started_all )) s" >> "$out/machine.txt"

# The report; it exits non-zero when newswatch got something wrong (emails missing or
# duplicated, a failed exit, a second cycle that was not all 304s and no mail).
status=0
"$python" "$here/report.py" "$results" "$out/machine.txt" > "$out/results.md" || status=$?
cat "$out/results.md"
log "results: $out/results.md, $results"
exit "$status"
