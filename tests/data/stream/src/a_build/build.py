"""Write ../a.jsonl and ../a.stories.jsonl from the hand-written stories_*.py."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402
import stories_1_jun, stories_2_jul, stories_3_aug, stories_4_sep, stories_5_oct, stories_6_nov  # noqa: E402,F401

stories = common.STORIES
slugs = [s["story"] for s in stories]
assert len(slugs) == len(set(slugs)), "duplicate story slug"
known = set(slugs)

# negatives are symmetric: add the reverse pairing where it was written on one side only
neg = {s["story"]: list(s["negatives"]) for s in stories}
for a, lst in list(neg.items()):
    for b in lst:
        assert b in known, f"{a}: unknown negative {b}"
        assert b != a
        if a not in neg[b]:
            neg[b].append(a)

items = []
for s in stories:
    for it in s["items"]:
        items.append({"story": s["story"], **it})
items.sort(key=lambda r: (r["published"], r["story"], r["feed"]))

out = os.path.dirname(HERE)
with open(os.path.join(out, "a.jsonl"), "w", encoding="utf-8") as f:
    for r in items:
        f.write(json.dumps({k: r[k] for k in ("story", "lang", "script", "source", "feed", "title", "summary",
                                              "link", "published")}, ensure_ascii=False) + "\n")
with open(os.path.join(out, "a.stories.jsonl"), "w", encoding="utf-8") as f:
    for s in sorted(stories, key=lambda s: min(i["published"] for i in s["items"])):
        f.write(json.dumps({"story": s["story"], "family": s["family"], "event": s["event"],
                            "negatives": neg[s["story"]]}, ensure_ascii=False) + "\n")
print(f"wrote {len(items)} items, {len(stories)} stories")
