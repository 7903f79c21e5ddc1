#!/usr/bin/env python3
"""Build /tmp/stories-data/items.jsonl (and the README story table) from part*.py."""
import base64, datetime as dt, hashlib, json, os, sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common
import part1, part2, part3, part4, part5  # noqa: F401  (registers stories)

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def gn_link(slug, title):
    h = hashlib.sha256((slug + "|" + title).encode()).digest() * 3
    token = base64.urlsafe_b64encode(h).decode().rstrip("=")[:96]
    return "https://news.google.com/rss/articles/CBMi" + token + "?oc=5"


def main():
    slugs = [s["slug"] for s in common.STORIES]
    assert len(slugs) == len(set(slugs)), "duplicate slug"
    rows = []
    for n, s in enumerate(common.STORIES, 1):
        for h in s["hn"]:
            assert h in slugs, (s["slug"], h)
        base = dt.datetime.strptime(s["base"], "%Y-%m-%dT%H:%M:%SZ")
        for i, (off, lang, source, feed, title, summary, link) in enumerate(s["items"], 1):
            t = base + dt.timedelta(minutes=off)
            rows.append({
                "id": f"s{n:02d}-{i:02d}",
                "story": s["slug"],
                "lang": lang,
                "source": source,
                "feed": feed,
                "title": title,
                "summary": summary,
                "link": gn_link(s["slug"], title) if link == "GN" else link,
                "published": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            })
    # Stream order: as a poller would see them.
    rows.sort(key=lambda r: (r["published"], r["id"]))
    with open(os.path.join(OUT, "items.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # Story table for the README.
    by = {}
    for r in rows:
        by.setdefault(r["story"], []).append(r)
    lines = ["| # | story | first item (UTC) | items | en | zh | hard negatives (paired stories) |",
             "|---|---|---|---|---|---|---|"]
    for n, s in enumerate(common.STORIES, 1):
        its = by[s["slug"]]
        c = Counter(r["lang"] for r in its)
        first = min(r["published"] for r in its)
        d = dt.datetime.strptime(first, "%Y-%m-%dT%H:%M:%SZ")
        hn = ", ".join(s["hn"]) if s["hn"] else "–"
        note = f" ({s['note']})" if s["note"] else ""
        lines.append(f"| s{n:02d} | `{s['slug']}`{note} | {first[:16].replace('T', ' ')} {d:%a} | "
                     f"{len(its)} | {c.get('en', 0)} | {c.get('zh', 0)} | {hn} |")
    table = "\n".join(lines)
    import subprocess
    chk = subprocess.run([sys.executable, os.path.join(OUT, "check.py"), os.path.join(OUT, "items.jsonl")],
                         capture_output=True, text=True)
    check_out = chk.stdout.replace(OUT + "/", "")
    tpl = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "README.template.md"), encoding="utf-8").read()
    open(os.path.join(OUT, "README.md"), "w", encoding="utf-8").write(tpl.replace("{{STORY_TABLE}}", table).replace("{{CHECK_OUTPUT}}", check_out.rstrip()))
    print(f"wrote {len(rows)} items in {len(common.STORIES)} stories")


if __name__ == "__main__":
    main()
