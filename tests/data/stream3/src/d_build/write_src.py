#!/usr/bin/env python3
"""Self-checks part d (story stream 3) and writes ../d.jsonl and ../d.stories.jsonl.

    python3 src/d_build/write_src.py
"""
import collections
import datetime
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import OUTLETS, make_link  # noqa: E402
import m05_may, m06_jun, m07_jul, m08_aug  # noqa: E402

MONTHS = [m05_may, m06_jun, m07_jul, m08_aug]
START = datetime.datetime(2027, 5, 1, tzinfo=datetime.timezone.utc)
END = datetime.datetime(2027, 9, 1, tzinfo=datetime.timezone.utc)

# Characters that occur in only one of the two scripts (in the words this beat uses).
SIMP_ONLY = set("这们说国际对发为时会经济业务与长东门开关电车网络云应该软购卖买单价报资产证场银总统讯腾华实体军问额亿费营涨点尔诉讼决规则达约谈闪饿团线数优预测显认权罚欧标议员区坚维护级评调盘监闻")
TRAD_ONLY = set("這們說國際對發為時會經濟業務與長東門開關電車網絡雲應該軟購賣買單價報資產證場銀總統訊騰華實體軍問額億費營漲點爾訴訟決規則達約談閃餓團線數優預測顯認權罰歐標議員區堅維護級評調盤監聞")


def fail(msg):
    sys.exit(f"write_src: {msg}")


def main():
    stories, items = [], []
    for mod in MONTHS:
        for s in mod.STORIES:
            stories.append(s)
    slugs = [s["story"] for s in stories]
    dup = [k for k, n in collections.Counter(slugs).items() if n > 1]
    if dup:
        fail(f"duplicate story slugs {dup}")
    known = set(slugs)
    for s in stories:
        if not s["story"].startswith("d-") or not s["family"].startswith("d-"):
            fail(f"{s['story']}: slugs must start with d-")
        for neg in s["negatives"]:
            if neg not in known or neg == s["story"]:
                fail(f"{s['story']}: bad negative {neg}")
        if not s["items"]:
            fail(f"{s['story']}: no items")
        for it in s["items"]:
            if len(it) not in (4, 5):
                fail(f"{s['story']}: malformed item {it!r}")
            key, when, title, summary = it[:4]
            opts = it[4] if len(it) == 5 else {}
            if key not in OUTLETS:
                fail(f"{s['story']}: unknown outlet {key}")
            source, feed, lang, script, _ = OUTLETS[key]
            stamp = f"2027-{when[:5]}T{when[6:]}:00Z"
            t = datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            if not (START <= t < END):
                fail(f"{s['story']}: {stamp} out of range")
            text = title + summary
            if lang == "zh":
                bad = (TRAD_ONLY if script == "simplified" else SIMP_ONLY) & set(text)
                if bad:
                    fail(f"{s['story']}: {key} {title!r} ({script}) has {''.join(sorted(bad))}")
            elif any("\u4e00" <= c <= "\u9fff" for c in text):
                fail(f"{s['story']}: English item with Chinese text: {title!r}")
            if title != title.strip() or summary != summary.strip() or not title:
                fail(f"{s['story']}: untrimmed or empty text {title!r}")
            link = make_link(key, stamp, title, s["story"], opts)
            feeds = [feed]
            if "also" in opts:
                other = OUTLETS[opts["also"]]
                if other[0] != source or other[1] == feed:
                    fail(f"{s['story']}: 'also' must name another feed of {source}")
                feeds.append(other[1])
            for f in feeds:
                items.append({"story": s["story"], "lang": lang, "script": script,
                              "source": source, "feed": f, "title": title,
                              "summary": summary, "link": link, "published": stamp})
    links = collections.Counter(i["link"] for i in items)
    for link, n in links.items():
        group = [i for i in items if i["link"] == link]
        if n > 1 and (len({i["story"] for i in group}) > 1 or len({i["feed"] for i in group}) < n):
            fail(f"link collision {link}")
    items.sort(key=lambda i: (i["published"], i["story"], i["feed"], i["title"]))
    out = HERE.parent
    with open(out / "d.stories.jsonl", "w", encoding="utf-8") as f:
        for s in stories:
            row = {k: s[k] for k in ("story", "family", "event", "negatives")}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(out / "d.jsonl", "w", encoding="utf-8") as f:
        for i in items:
            f.write(json.dumps(i, ensure_ascii=False) + "\n")
    langs = collections.Counter(i["lang"] if i["lang"] == "en" else i["script"] for i in items)
    print(f"write_src: {len(stories)} stories, {len(items)} items, {dict(langs)}, "
          f"{sum(1 for i in items if not i['summary'])} without summary")


if __name__ == "__main__":
    main()
