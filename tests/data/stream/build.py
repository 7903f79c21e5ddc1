#!/usr/bin/env python3
"""Builds the story-stream evaluation set from the hand-written parts in src/.

Reads src/<part>.stories.jsonl and src/<part>.jsonl (format: SCHEMA.md), checks them, gives
every item an id, splits the stories into a development half and a test half, and writes
dev.jsonl and test.jsonl (one item per line, in publication order) with their SHA-256.

The split is by story, never by item, and alternates within each family in time order
(quarter 1 to one half, quarter 2 to the other, ...), so that both halves hold recurring
events of every kind, and each half on its own is a stream with its own look-alikes. Which
half a family starts in depends only on a hash of its slug: the split is fixed by the
sources, not chosen by looking at any result.

    python3 build.py          # writes dev.jsonl, test.jsonl, prints counts and hashes
    python3 build.py --check  # only checks the sources and prints counts
"""
import collections
import datetime
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
START = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)
END = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)
FIELDS = ["story", "lang", "script", "source", "feed", "title", "summary", "link", "published"]


def load_jsonl(path):
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: {e}")
    return rows


def parse_time(text, where):
    try:
        t = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as e:
        sys.exit(f"{where}: published {text!r}: {e}")
    if t.tzinfo is None or not (START <= t < END):
        sys.exit(f"{where}: published {text!r} is outside 2026-06-01..2026-11-30 UTC")
    return t


def main():
    stories, items = {}, []
    for path in sorted((HERE / "src").glob("*.stories.jsonl")):
        for s in load_jsonl(path):
            if s["story"] in stories:
                sys.exit(f"{path}: story {s['story']} defined twice")
            stories[s["story"]] = s
        part = path.name[: -len(".stories.jsonl")]
        for n, item in enumerate(load_jsonl(HERE / "src" / f"{part}.jsonl"), 1):
            where = f"src/{part}.jsonl:{n}"
            missing = [f for f in FIELDS if f not in item]
            if missing:
                sys.exit(f"{where}: missing {missing}")
            if item["story"] not in stories:
                sys.exit(f"{where}: unknown story {item['story']}")
            if item["lang"] not in ("en", "zh"):
                sys.exit(f"{where}: lang {item['lang']!r}")
            if not item["title"].strip():
                sys.exit(f"{where}: empty title")
            item["_at"] = parse_time(item["published"], where)
            items.append(item)

    by_story = collections.defaultdict(list)
    for item in items:
        by_story[item["story"]].append(item)
    empty = sorted(set(stories) - set(by_story))
    if empty:
        sys.exit(f"stories without items: {empty}")

    # Story order and ids: by first publication, then slug.
    first = {s: min(i["_at"] for i in by_story[s]) for s in by_story}
    order = sorted(by_story, key=lambda s: (first[s], s))
    number = {s: n for n, s in enumerate(order, 1)}

    families = collections.defaultdict(list)
    for s in order:
        families[stories[s]["family"]].append(s)
    half = {}
    for family, members in families.items():
        offset = hashlib.sha256(family.encode()).digest()[0] & 1
        for k, s in enumerate(members):
            half[s] = "dev" if (k + offset) % 2 == 0 else "test"

    out = {"dev": [], "test": []}
    for s in order:
        ranked = sorted(by_story[s], key=lambda i: (i["_at"], i["source"], i["title"]))
        for m, item in enumerate(ranked, 1):
            row = {
                "id": f"t{number[s]:03d}-{m:02d}",
                "story": s,
                "family": stories[s]["family"],
                "lang": item["lang"],
                "script": item["script"],
                "source": item["source"],
                "feed": item["feed"],
                "title": item["title"],
                "summary": item["summary"],
                "link": item["link"],
                "published": item["_at"].strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            out[half[s]].append((item["_at"], row))

    for name, rows in out.items():
        rows.sort(key=lambda r: (r[0], r[1]["id"]))
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for _, r in rows)
        langs = collections.Counter(
            r["lang"] if r["lang"] == "en" else f"zh-{r['script']}" for _, r in rows
        )
        n_stories = len({r["story"] for _, r in rows})
        span = (rows[-1][0] - rows[0][0]).days if rows else 0
        print(f"{name}: {len(rows)} items, {n_stories} stories, {dict(sorted(langs.items()))}, "
              f"{span} days")
        if "--check" not in sys.argv:
            path = HERE / f"{name}.jsonl"
            path.write_text(text, encoding="utf-8")
            print(f"  {path.name} sha256 {hashlib.sha256(text.encode()).hexdigest()}")
    print(f"families: {len(families)}; recurring (2+ stories): "
          f"{sum(1 for m in families.values() if len(m) > 1)}")


if __name__ == "__main__":
    main()
