#!/usr/bin/env python3
"""Validate /tmp/stories-data/items.jsonl and print counts.

Usage: python3 check.py [path/to/items.jsonl]
Exit status 0 when every check passes, 1 otherwise.
"""
import json, os, re, sys
from collections import Counter, defaultdict
from datetime import datetime

PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "items.jsonl")
FIELDS = ["id", "story", "lang", "source", "feed", "title", "summary", "link", "published"]
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ID_RE = re.compile(r"^s\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CJK = re.compile(r"[\u3400-\u9fff]")
MIN_ITEMS, MIN_STORIES, MIN_ZH_STORIES = 320, 45, 15

errors, warnings, items = [], [], []


def err(msg):
    errors.append(msg)


with open(PATH, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not line.strip():
            err(f"line {n}: blank line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {n}: invalid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            err(f"line {n}: not a JSON object")
            continue
        missing = [k for k in FIELDS if k not in obj]
        extra = [k for k in obj if k not in FIELDS]
        if missing:
            err(f"line {n}: missing fields {missing}")
            continue
        if extra:
            err(f"line {n}: unexpected fields {extra}")
        for k in FIELDS:
            if not isinstance(obj[k], str):
                err(f"line {n}: field {k} is not a string")
        if any(not isinstance(obj[k], str) for k in FIELDS):
            continue
        for k in FIELDS:
            if k != "summary" and not obj[k].strip():
                err(f"line {n}: field {k} is empty")
        if not ID_RE.match(obj["id"]):
            err(f"line {n}: id {obj['id']!r} does not look like s01-03")
        if not SLUG_RE.match(obj["story"]):
            err(f"line {n}: story slug {obj['story']!r} is not a lowercase slug")
        if not SLUG_RE.match(obj["feed"]):
            err(f"line {n}: feed slug {obj['feed']!r} is not a lowercase slug")
        if obj["lang"] not in ("en", "zh"):
            err(f"line {n}: lang {obj['lang']!r} not en/zh")
        if not obj["link"].startswith("https://"):
            err(f"line {n}: link is not https: {obj['link']}")
        if not RFC3339.match(obj["published"]):
            err(f"line {n}: published {obj['published']!r} is not RFC 3339")
        else:
            try:
                datetime.fromisoformat(obj["published"].replace("Z", "+00:00"))
            except ValueError as e:
                err(f"line {n}: published not a valid date ({e})")
        text = obj["title"] + obj["summary"]
        if obj["lang"] == "zh" and not CJK.search(text):
            err(f"line {n}: lang zh but no CJK characters")
        if obj["lang"] == "en" and CJK.search(text):
            err(f"line {n}: lang en but contains CJK characters")
        if obj["lang"] == "en" and obj["summary"]:
            w = len(obj["summary"].split())
            if w < 10 or w > 150:
                warnings.append(f"{obj['id']}: en summary has {w} words")
        items.append(obj)

ids = Counter(i["id"] for i in items)
for k, v in ids.items():
    if v > 1:
        err(f"duplicate id {k} ({v} times)")

by_story = defaultdict(list)
for i in items:
    by_story[i["story"]].append(i)

# An id's story number must map to exactly one story slug.
prefix_story = defaultdict(set)
for i in items:
    prefix_story[i["id"].split("-")[0]].add(i["story"])
for p, s in prefix_story.items():
    if len(s) > 1:
        err(f"id prefix {p} used by several stories: {sorted(s)}")

# Time spread within a story.
def ts(i):
    return datetime.fromisoformat(i["published"].replace("Z", "+00:00"))

spans = {}
for s, its in by_story.items():
    try:
        t = sorted(ts(i) for i in its)
        spans[s] = (t[-1] - t[0]).total_seconds() / 3600
        if spans[s] > 48:
            warnings.append(f"story {s} spans {spans[s]:.1f} h")
    except ValueError:
        pass

n_items, n_stories = len(items), len(by_story)
zh_stories = sorted(s for s, its in by_story.items() if any(i["lang"] == "zh" for i in its))
zh_only = sorted(s for s, its in by_story.items() if all(i["lang"] == "zh" for i in its))
sizes = Counter(len(v) for v in by_story.values())
pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_story.values())
total_pairs = n_items * (n_items - 1) // 2
cross_lang_pairs = sum(
    sum(1 for i in v if i["lang"] == "en") * sum(1 for i in v if i["lang"] == "zh") for v in by_story.values())
lang = Counter(i["lang"] for i in items)
trad = sum(1 for i in items if i["lang"] == "zh" and re.search(r"[國說與為這會對銀發軍臺灣經濟業關開後裡們時長門車東區價總報際點場購計員電廣遊戲盤漲據團紀錄務雲級統]", i["title"] + i["summary"]))
empty_summary = sum(1 for i in items if not i["summary"].strip())
link_groups = defaultdict(list)
for i in items:
    link_groups[i["link"]].append(i)
shared_links = {l: g for l, g in link_groups.items() if len(g) > 1}
for l, g in shared_links.items():
    if len({i["story"] for i in g}) > 1:
        err(f"link {l} shared by different stories")
title_groups = defaultdict(set)
for i in items:
    title_groups[i["title"]].add(i["story"])
cross_story_titles = {t: s for t, s in title_groups.items() if len(s) > 1}
same_text_pairs = 0
for v in by_story.values():
    for a in range(len(v)):
        for b in range(a + 1, len(v)):
            if v[a]["title"] == v[b]["title"] and v[a]["summary"] == v[b]["summary"]:
                same_text_pairs += 1

if n_items < MIN_ITEMS:
    err(f"only {n_items} items (< {MIN_ITEMS})")
if n_stories < MIN_STORIES:
    err(f"only {n_stories} stories (< {MIN_STORIES})")
if len(zh_stories) < MIN_ZH_STORIES:
    err(f"only {len(zh_stories)} stories with zh items (< {MIN_ZH_STORIES})")

print(f"file:                         {PATH}")
print(f"items:                        {n_items}  (en {lang['en']}, zh {lang['zh']}, of which {trad} Traditional (heuristic))")
print(f"stories:                      {n_stories}")
print(f"story sizes (size: count):    " + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))
print(f"largest stories:              " + ", ".join(f"{s} ({len(v)})" for s, v in sorted(by_story.items(), key=lambda kv: -len(kv[1]))[:3]))
print(f"stories with zh items:        {len(zh_stories)}  (zh only: {', '.join(zh_only) or 'none'})")
print(f"same-story pairs (positives): {pairs}")
print(f"  of which en-zh pairs:       {cross_lang_pairs}")
print(f"  of which identical text:    {same_text_pairs}")
print(f"different-story pairs:        {total_pairs - pairs}")
print(f"all pairs:                    {total_pairs}")
print(f"items with empty summary:     {empty_summary}")
print(f"links carried by >1 item:     {len(shared_links)} (items: {sum(len(g) for g in shared_links.values())})")
print(f"titles shared across stories: {len(cross_story_titles)}" +
      "".join(f"\n    {t!r}: {sorted(s)}" for t, s in cross_story_titles.items()))
print(f"published range:              {min(i['published'] for i in items)} .. {max(i['published'] for i in items)}")
print(f"max story time span:          {max(spans.values()):.1f} h")
for w in warnings:
    print("WARNING:", w)
if errors:
    for e in errors:
        print("ERROR:", e)
    print(f"FAILED: {len(errors)} error(s)")
    sys.exit(1)
print("OK: all checks passed")
