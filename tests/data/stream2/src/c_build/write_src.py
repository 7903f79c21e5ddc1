#!/usr/bin/env python3
"""Writes ../c.jsonl and ../c.stories.jsonl from the hand-written month modules, after
self-checks (negatives name existing stories, no story without items, items sorted per story).

    python3 write_src.py
"""
import collections
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402
import m01_jan, m02_feb, m03_mar, m04_apr  # noqa: E402,F401


def main():
    slugs = [s["story"] for s in common.STORIES]
    dup = [s for s, n in collections.Counter(slugs).items() if n > 1]
    if dup:
        sys.exit(f"duplicate story slugs: {dup}")
    known = set(slugs)
    for s in common.STORIES:
        if not s["story"].startswith("c-") or not s["family"].startswith("c-"):
            sys.exit(f"{s['story']}: slugs must start with c-")
        for n in s["negatives"]:
            if n not in known:
                sys.exit(f"{s['story']}: unknown negative {n}")
            if n == s["story"]:
                sys.exit(f"{s['story']}: lists itself as a negative")
    per_story = collections.Counter(i["story"] for i in common.ITEMS)
    for s in slugs:
        if not 1 <= per_story[s] <= 12:
            sys.exit(f"{s}: {per_story[s]} items (want 1..12)")
    items = sorted(common.ITEMS, key=lambda i: (i["published"], i["story"], i["source"], i["title"]))
    out = HERE.parent
    (out / "c.stories.jsonl").write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in common.STORIES), encoding="utf-8")
    (out / "c.jsonl").write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    print(f"wrote {len(items)} items, {len(common.STORIES)} stories")


if __name__ == "__main__":
    main()
