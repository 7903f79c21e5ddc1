#!/usr/bin/env python3
"""Builds the third story-stream test set from the hand-written part in src/.

Reads src/<part>.stories.jsonl and src/<part>.jsonl (format: ../stream/SCHEMA.md, with dates in
2027-05-01..2027-08-31 UTC), checks them, gives every item an id ("sNNN-MM": story number in
order of first publication, item number within the story) and writes ONE file, test.jsonl, with
every item in publication order, then prints its SHA-256.

This set is a test set only: there is no development half. See README.md.

    python3 build.py          # writes test.jsonl, prints counts and its SHA-256
    python3 build.py --check  # only checks the sources and prints counts
"""
import collections
import datetime
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
START = datetime.datetime(2027, 5, 1, tzinfo=datetime.timezone.utc)
END = datetime.datetime(2027, 9, 1, tzinfo=datetime.timezone.utc)
STORY_FIELDS = ["story", "family", "event", "negatives"]
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
        sys.exit(f"{where}: published {text!r} is outside 2027-05-01..2027-08-31 UTC")
    return t


def main():
    stories, items = {}, []
    parts = sorted((HERE / "src").glob("*.stories.jsonl"))
    if not parts:
        sys.exit("no src/*.stories.jsonl")
    for path in parts:
        part = path.name[: -len(".stories.jsonl")]
        for n, s in enumerate(load_jsonl(path), 1):
            where = f"src/{path.name}:{n}"
            missing = [f for f in STORY_FIELDS if f not in s]
            if missing:
                sys.exit(f"{where}: missing {missing}")
            if not s["story"].startswith(f"{part}-") or not s["family"].startswith(f"{part}-"):
                sys.exit(f"{where}: story and family slugs must start with '{part}-'")
            if s["story"] in stories:
                sys.exit(f"{where}: story {s['story']} defined twice")
            if not s["event"].strip():
                sys.exit(f"{where}: empty event")
            stories[s["story"]] = s
        for n, item in enumerate(load_jsonl(HERE / "src" / f"{part}.jsonl"), 1):
            where = f"src/{part}.jsonl:{n}"
            missing = [f for f in FIELDS if f not in item]
            if missing:
                sys.exit(f"{where}: missing {missing}")
            extra = sorted(set(item) - set(FIELDS))
            if extra:
                sys.exit(f"{where}: unexpected fields {extra}")
            if item["story"] not in stories:
                sys.exit(f"{where}: unknown story {item['story']}")
            if item["lang"] == "en":
                if item["script"] != "":
                    sys.exit(f"{where}: English item with script {item['script']!r}")
            elif item["lang"] == "zh":
                if item["script"] not in ("simplified", "traditional"):
                    sys.exit(f"{where}: Chinese item with script {item['script']!r}")
            else:
                sys.exit(f"{where}: lang {item['lang']!r}")
            for f in ("title", "source", "feed", "link"):
                if not item[f].strip():
                    sys.exit(f"{where}: empty {f}")
            if not item["link"].startswith(("https://", "http://")):
                sys.exit(f"{where}: link {item['link']!r}")
            item["_at"] = parse_time(item["published"], where)
            item["_where"] = where
            items.append(item)

    for s in stories.values():
        for neg in s["negatives"]:
            if neg not in stories or neg == s["story"]:
                sys.exit(f"story {s['story']}: bad negative {neg!r}")

    # Links are unique, except for the same article arriving through two feeds: then the
    # story and the source are the same and the feeds differ.
    by_link = collections.defaultdict(list)
    for item in items:
        by_link[item["link"]].append(item)
    for link, group in by_link.items():
        if len(group) == 1:
            continue
        if (len({i["story"] for i in group}) != 1 or len({i["source"] for i in group}) != 1
                or len({i["feed"] for i in group}) != len(group)):
            sys.exit(f"link {link} is shared by different articles: "
                     f"{[i['_where'] for i in group]}")
    dup = collections.Counter((i["feed"], i["title"], i["published"]) for i in items)
    dup = [k for k, n in dup.items() if n > 1]
    if dup:
        sys.exit(f"the same item twice: {dup}")

    by_story = collections.defaultdict(list)
    for item in items:
        by_story[item["story"]].append(item)
    empty = sorted(set(stories) - set(by_story))
    if empty:
        sys.exit(f"stories without items: {empty}")

    # Story numbers: by first publication, then slug. Item numbers: by time, source, title.
    first = {s: min(i["_at"] for i in by_story[s]) for s in by_story}
    order = sorted(by_story, key=lambda s: (first[s], s))
    rows = []
    for k, s in enumerate(order, 1):
        ranked = sorted(by_story[s], key=lambda i: (i["_at"], i["source"], i["title"]))
        for m, item in enumerate(ranked, 1):
            rows.append((item["_at"], {
                "id": f"s{k:03d}-{m:02d}",
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
            }))
    rows.sort(key=lambda r: (r[0], r[1]["id"]))
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for _, r in rows)

    langs = collections.Counter(
        r["lang"] if r["lang"] == "en" else f"zh-{r['script']}" for _, r in rows)
    families = collections.Counter(stories[s]["family"] for s in order)
    sizes = collections.Counter(len(v) for v in by_story.values())
    span = (rows[-1][0] - rows[0][0]).days
    print(f"test: {len(rows)} items, {len(order)} stories, {dict(sorted(langs.items()))}, "
          f"{rows[0][1]['published']} .. {rows[-1][1]['published']} ({span} days)")
    print(f"families: {len(families)}; recurring (2+ stories): "
          f"{sum(1 for n in families.values() if n > 1)}; singleton stories: {sizes[1]}; "
          f"largest story: {max(sizes)} items; empty summaries: "
          f"{sum(1 for _, r in rows if not r['summary'])}")
    if "--check" not in sys.argv:
        path = HERE / "test.jsonl"
        path.write_text(text, encoding="utf-8")
        print(f"  {path.name} sha256 {hashlib.sha256(text.encode()).hexdigest()}")


if __name__ == "__main__":
    main()
