#!/usr/bin/env python3
"""Markdown report of the peer benchmark: report.py results.tsv machine.txt > results.md

Medians over the runs of wall time, CPU (user+sys) and peak RSS per tool, scenario and phase;
correctness (emails received against expected, duplicates, 304s); the issue's targets as
ratios taken within the same run. Exits 1 when newswatch got something wrong (so CI's smoke
run fails), never because of a performance target or a peer's result.
"""

import collections
import statistics
import sys

LABELS = {
    "sink-calibration": "SMTP sink alone (smtplib, one connection)",
    "newswatch-all": "newswatch, rule matching every item, SMTP",
    "newswatch-rules": "newswatch, realistic rules (~5% match), SMTP",
    "newswatch-none": "newswatch, rule matching nothing (ingest only)",
    "newswatch-maildir": "newswatch, rule matching every item, Maildir",
    "rss2email": "rss2email, every item, SMTP (cannot filter)",
    "feed2exec": "feed2exec, every item, Maildir (no SMTP output)",
    "newsboat": "newsboat -x reload (reader: no mail)",
}
ORDER = list(LABELS)


def num(v):
    try:
        return float(v)
    except ValueError:
        return 0.0


def med(rows, key):
    vals = [num(r[key]) for r in rows]
    return statistics.median(vals) if vals else None


def fmt(v, digits=2):
    return "-" if v is None else "{:.{}f}".format(v, digits)


def main():
    results, machine = sys.argv[1], sys.argv[2]
    with open(results) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    groups = collections.defaultdict(list)
    for r in rows:
        groups[(r["scenario"], int(r["feeds"]), r["tool"], r["phase"])].append(r)

    out = []
    problems = []   # newswatch's: these fail the run
    notes = []      # the peers'
    out.append("# Peer benchmark results\n")
    out.append("```")
    with open(machine) as f:
        out.append(f.read().rstrip("\n"))
    out.append("```\n")
    out.append("Medians over runs; wall, CPU (user+sys) and peak RSS of the whole process "
               "(`/usr/bin/time -v`). Emails: received by the SMTP sink (or written to the "
               "Maildir) / expected; dup: the same item mailed twice. 304: nginx's count in the "
               "second cycle.\n")

    for scenario in ("cycles", "big"):
        sizes = sorted({k[1] for k in groups if k[0] == scenario})
        for n in sizes:
            items = next(r["items"] for k, rs in groups.items() if k[0] == scenario and k[1] == n for r in rs)
            runs = max(len(rs) for k, rs in groups.items() if k[0] == scenario and k[1] == n)
            title = "First and second cycle" if scenario == "cycles" else "newswatch alone, big"
            out.append("## {}: N = {:,} feeds x M = {} items ({} run{})\n".format(
                title, n, items, runs, "s" if runs > 1 else ""))
            out.append("| tool | first: wall s | CPU s | peak RSS MiB | emails / expected | emails from-to s | dup "
                       "| second: wall s | CPU s | peak RSS MiB | 200 / 304 | emails |")
            out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            tools = sorted({k[2] for k in groups if k[0] == scenario and k[1] == n},
                           key=lambda t: ORDER.index(t) if t in ORDER else 99)
            for tool in tools:
                first = groups.get((scenario, n, tool, "first"), [])
                second = groups.get((scenario, n, tool, "second"), [])
                cpu1 = statistics.median([num(r["user_s"]) + num(r["sys_s"]) for r in first]) if first else None
                cpu2 = statistics.median([num(r["user_s"]) + num(r["sys_s"]) for r in second]) if second else None
                if tool == "sink-calibration":
                    e = first[0]
                    out.append("| {} | {} | | | {} / {} | | | | | | | |".format(
                        LABELS[tool], fmt(med(first, "wall_s")), int(med(first, "emails")), e["emails_expected"]))
                    continue
                mails = "-"
                if first:
                    received = ", ".join(r["emails"] for r in first)
                    mails = "{} / {}".format(received, first[0]["emails_expected"])
                    if tool == "newsboat":
                        mails = "({})".format(first[0]["note"])
                last = second or first
                dup = ", ".join(r["dup_items"] for r in last) if last else "-"
                span = "-"
                if first and first[0]["first_email_s"] not in ("-", ""):
                    span = "{}-{}".format(fmt(med(first, "first_email_s"), 1), fmt(med(first, "last_email_s"), 1))
                h = "-"
                if second:
                    h = "{} / {}".format(", ".join(r["http_200"] for r in second),
                                         ", ".join(r["http_304"] for r in second))
                mails2 = ", ".join(r["emails"] for r in second) if second else "-"
                out.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
                    LABELS.get(tool, tool), fmt(med(first, "wall_s")), fmt(cpu1),
                    fmt(med(first, "maxrss_kib") / 1024 if first else None, 1), mails, span, dup,
                    fmt(med(second, "wall_s")), fmt(cpu2),
                    fmt(med(second, "maxrss_kib") / 1024 if second else None, 1), h, mails2))
                third = groups.get((scenario, n, tool, "third"), [])
                if third:
                    out.append("| {} | | | | | | | {} | {} | {} | {} / {} | {} |".format(
                        "newsboat, third reload (its first conditional one)", fmt(med(third, "wall_s")),
                        fmt(statistics.median([num(r["user_s"]) + num(r["sys_s"]) for r in third])),
                        fmt(med(third, "maxrss_kib") / 1024, 1),
                        ", ".join(r["http_200"] for r in third), ", ".join(r["http_304"] for r in third),
                        ", ".join(r["emails"] for r in third)))
                # Correctness.
                target = problems if tool.startswith("newswatch") else notes
                for r in first + second + third:
                    where = "{} N={} run {} {} {}".format(scenario, n, r["run"], tool, r["phase"])
                    if r["exit"] != "0":
                        target.append("{}: exit {}".format(where, r["exit"]))
                    if r["phase"] == "first" and tool != "newsboat":
                        if r["emails"] != r["emails_expected"] or (
                                r["unique_items"] != r["emails_expected"] and int(r["emails_expected"]) > 0):
                            target.append("{}: {} emails ({} distinct items), expected {}".format(
                                where, r["emails"], r["unique_items"], r["emails_expected"]))
                    if r["phase"] in ("second", "third"):
                        if r["emails"] != "0":
                            target.append("{}: {} emails in the unchanged cycle".format(where, r["emails"]))
                        if r["http_304"] != str(n) and not (tool == "newsboat" and r["phase"] == "second"):
                            target.append("{}: {} of {} requests conditional (304)".format(where, r["http_304"], n))
                    if r["dup_items"] != "0" or r["dup_ids"] != "0":
                        target.append("{}: duplicates: {} items, {} Message-IDs".format(
                            where, r["dup_items"], r["dup_ids"]))
                    if r["http_other"] != "0":
                        target.append("{}: {} requests answered neither 200 nor 304".format(where, r["http_other"]))
            out.append("")

    idle = [r for r in rows if r["scenario"] == "idle"]
    if idle:
        n = idle[0]["feeds"]
        out.append("## Idle daemon: `newswatch run`, N = {:,} feeds, realistic rules, interval 1h\n".format(int(n)))
        out.append("| run | first cycle done in s | VmRSS median MiB | emails / expected | note |")
        out.append("| ---: | ---: | ---: | ---: | --- |")
        for r in idle:
            out.append("| {} | {} | {:.1f} | {} / {} | {} |".format(
                r["run"], r["wall_s"], num(r["maxrss_kib"]) / 1024, r["emails"], r["emails_expected"], r["note"]))
            if r["emails"] != r["emails_expected"] or r["dup_items"] != "0" or "done: 1" not in r["note"] \
                    or "alive until SIGTERM: 1" not in r["note"] or r["exit"] != "0":
                problems.append("idle run {}: emails {}/{}, exit {}, {}".format(
                    r["run"], r["emails"], r["emails_expected"], r["exit"], r["note"]))
        out.append("")

    # Targets: ratios within each run, then the median ratio.
    out.append("## Targets (ratios within each run, median over runs)\n")
    out.append("| N | target | measured | verdict |")
    out.append("| ---: | --- | ---: | --- |")

    def per_run(scenario, n, tool, phase, key):
        return {r["run"]: (num(r["user_s"]) + num(r["sys_s"]) if key == "cpu" else num(r[key]))
                for r in groups.get((scenario, n, tool, phase), [])}

    def ratio(n, a, b, key="wall_s"):
        """Median over runs of a/b, where a and b are (tool, phase)."""
        xa = per_run("cycles", n, a[0], a[1], key)
        xb = per_run("cycles", n, b[0], b[1], key)
        common = sorted(set(xa) & set(xb))
        vals = [xa[k] / xb[k] for k in common if xb[k] > 0]
        return statistics.median(vals) if vals else None

    def verdict(ok):
        return "n/a" if ok is None else ("met" if ok else "NOT met")

    for n in sorted({k[1] for k in groups if k[0] == "cycles"}):
        checks = []
        # A mail-everything cycle that exited before its last email was sent is no result.
        short = [x for x in groups.get(("cycles", n, "newswatch-all", "first"), [])
                 if x["emails"] != x["emails_expected"]]
        incomplete = " (exited after {} of {} emails)".format(
            ", ".join(x["emails"] for x in short), short[0]["emails_expected"]) if short else ""
        r = ratio(n, ("newswatch-all", "first"), ("sink-calibration", "first"))
        checks.append(("mail-everything first cycle <= 1.5x the sink's own time for as many messages",
                       "{}x{}".format(fmt(r), incomplete) if r is not None else "-",
                       None if r is None else r <= 1.5 and not short))
        r = ratio(n, ("rss2email", "first"), ("newswatch-all", "first"))
        checks.append(("mail-everything first cycle >= 3x faster than rss2email",
                       "{}x{}".format(fmt(r), incomplete) if r is not None else "-",
                       None if r is None else r >= 3 and not short))
        r = ratio(n, ("newswatch-none", "first"), ("newsboat", "first"))
        checks.append(("ingest without mail no slower than newsboat's reload (wall newswatch / newsboat)",
                       "{}x".format(fmt(r)) if r is not None else "-", None if r is None else r <= 1))
        r = ratio(n, ("rss2email", "first"), ("newswatch-none", "first"))
        checks.append(("ingest without mail >= 10x faster than rss2email (2,000 feeds)",
                       "{}x".format(fmt(r)) if r is not None else "-", None if r is None else r >= 10))
        # The realistic rule set's second cycle: the mail-everything one may still be
        # delivering what the first left behind.
        r = ratio(n, ("rss2email", "second"), ("newswatch-rules", "second"))
        conditional = [x for x in groups.get(("cycles", n, "newswatch-rules", "second"), [])]
        all304 = all(x["http_304"] == str(n) for x in conditional) if conditional else None
        checks.append(("unchanged second cycle (realistic rules) >= 10x faster than rss2email (2,000 feeds)",
                       "{}x".format(fmt(r)) if r is not None else "-", None if r is None else r >= 10))
        checks.append(("unchanged second cycle (realistic rules) 100% conditional (304)",
                       ", ".join("{}/{}".format(x["http_304"], n) for x in conditional) or "-", all304))
        r = ratio(n, ("newswatch-all", "first"), ("rss2email", "first"), key="maxrss_kib")
        checks.append(("peak memory, mail-everything first cycle <= 1/3 of rss2email's (2,000 feeds)",
                       "{}x".format(fmt(r)) if r is not None else "-", None if r is None else r <= 1 / 3))
        for text, measured, ok in checks:
            out.append("| {:,} | {} | {} | {} |".format(n, text, measured, verdict(ok)))
    for n in sorted({k[1] for k in groups if k[0] == "big"}):
        w = med(groups.get(("big", n, "newswatch-rules", "first"), []), "wall_s")
        out.append("| {:,} | first cycle (realistic rules) under 60 s wall | {} s | {} |".format(
            n, fmt(w), verdict(None if w is None else w < 60)))
    if idle:
        m = statistics.median([num(r["maxrss_kib"]) / 1024 for r in idle])
        out.append("| {:,} | idle daemon under 30 MiB resident | {:.1f} MiB | {} |".format(
            int(idle[0]["feeds"]), m, verdict(m < 30)))
    out.append("")

    out.append("## Correctness\n")
    if not problems and not notes:
        out.append("Every tool: emails as expected, no duplicates, every exit 0, every second "
                   "cycle all 304s with no email.\n")
    for p in problems:
        out.append("- newswatch: " + p)
    for p in notes:
        out.append("- peer: " + p)
    if not problems:
        out.append("\nnewswatch: every email expected arrived once, every exit 0, every unchanged "
                   "cycle all 304s with no email.")
    print("\n".join(out))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
