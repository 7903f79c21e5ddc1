"""Write ../b.jsonl (items, stream order) and ../b.stories.jsonl from the month files."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import STORIES
import b_jun_jul, b_aug_sep, b_oct_nov  # noqa: F401  (register stories)

here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.dirname(here)
slugs = [s["story"] for s in STORIES]
assert len(slugs) == len(set(slugs)), "duplicate story slug"
by_slug = {s["story"]: s for s in STORIES}
for s in STORIES:  # the hard-negative relation is symmetric: add the reverse pairings
    for n in list(s["negatives"]):
        if n in by_slug and s["story"] not in by_slug[n]["negatives"]:
            by_slug[n]["negatives"].append(s["story"])
for s in STORIES:
    for n in s["negatives"]:
        assert n in slugs, (s["story"], n)
    assert s["story"] not in s["negatives"]

items = [it for s in STORIES for it in s["items"]]
items.sort(key=lambda x: (x["published"], x["story"]))
with open(os.path.join(out_dir, "b.jsonl"), "w", encoding="utf-8") as f:
    for it in items:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")
with open(os.path.join(out_dir, "b.stories.jsonl"), "w", encoding="utf-8") as f:
    for s in sorted(STORIES, key=lambda s: min(i["published"] for i in s["items"])):
        f.write(json.dumps({k: s[k] for k in ("story", "family", "event", "negatives")}, ensure_ascii=False) + "\n")
print(f"stories {len(STORIES)}, items {len(items)}")
