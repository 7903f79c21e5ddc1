"""Self-check for part B: JSON validity, schema, labels, dates, counts, script heuristics."""
import collections, json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.dirname(here)
err = []
stories = [json.loads(l) for l in open(os.path.join(src, "b.stories.jsonl"), encoding="utf-8")]
items = [json.loads(l) for l in open(os.path.join(src, "b.jsonl"), encoding="utf-8")]

S_KEYS = {"story", "family", "event", "negatives"}
I_KEYS = {"story", "lang", "script", "source", "feed", "title", "summary", "link", "published"}
slugs = {s["story"] for s in stories}
if len(slugs) != len(stories): err.append("duplicate story slugs")
for s in stories:
    if set(s) != S_KEYS: err.append(f"story keys {s['story']}: {set(s)}")
    if not s["story"].startswith("b-") or not s["family"].startswith("b-"): err.append(f"prefix {s['story']}")
    for n in s["negatives"]:
        if n not in slugs: err.append(f"unknown negative {n} in {s['story']}")
neg = {s["story"]: set(s["negatives"]) for s in stories}
asym = [(a, b) for a in neg for b in neg[a] if a not in neg[b]]

# characters that differ between the scripts (trad, simp)
PAIRS = ("國国 們们 這这 說说 對对 時时 會会 為为 來来 業业 經经 濟济 實实 軍军 發发 當当 點点 億亿 內内 "
         "團团 訊讯 報报 灣湾 與与 東东 鎮镇 場场 價价 貿贸 關关 稅税 務务 應应 華华 開开 長长 "
         "機机 電电 車车 動动 盤盘 漲涨 創创 預预 聯联 擊击 絕绝 權权 戰战 艦舰 導导 彈弹 講讲 談谈 "
         "議议 辦办 題题 進进 給给 線线 門门 問问 間间 區区 單单 營营 收收 獲获 許许 計计 認认 議议")
TRAD = {p[0] for p in PAIRS.split() if p[0] != p[1]}
SIMP = {p[1] for p in PAIRS.split() if p[0] != p[1]}
lo, hi = "2026-06-01T00:00:00Z", "2026-11-30T23:59:00Z"
by_story = collections.defaultdict(list)
links = collections.defaultdict(list)
for k, it in enumerate(items, 1):
    if set(it) != I_KEYS: err.append(f"item {k} keys {set(it)}")
    if it["story"] not in slugs: err.append(f"item {k}: unknown story {it['story']}")
    if not re.fullmatch(r"2026-\d\d-\d\dT\d\d:\d\d:00Z", it["published"]) or not lo <= it["published"] <= hi:
        err.append(f"item {k}: bad published {it['published']}")
    if not it["link"].startswith("https://") and not it["link"].startswith("http://"): err.append(f"item {k}: link")
    if not it["title"].strip(): err.append(f"item {k}: empty title")
    text = it["title"] + it["summary"]
    if it["lang"] == "en":
        if it["script"] != "": err.append(f"item {k}: en with script")
        if re.search(r"[\u4e00-\u9fff]", text): err.append(f"item {k}: CJK in en item")
    elif it["lang"] == "zh":
        t = sum(c in TRAD for c in text); s_ = sum(c in SIMP for c in text)
        if it["script"] == "traditional" and (s_ > 0 or t == 0): err.append(f"item {k}: traditional? t={t} s={s_} {it['title']}")
        if it["script"] == "simplified" and (t > 0 or s_ == 0): err.append(f"item {k}: simplified? t={t} s={s_} {it['title']}")
    else: err.append(f"item {k}: lang {it['lang']}")
    by_story[it["story"]].append(it)
    links[it["link"]].append(it)
for s in slugs:
    if not by_story[s]: err.append(f"story without items {s}")
for l, its in links.items():
    if len(its) > 1 and (len({i['story'] for i in its}) > 1 or len({i['source'] for i in its}) > 1):
        err.append(f"shared link across stories/outlets {l}")
if [i["published"] for i in items] != sorted(i["published"] for i in items): err.append("items not in stream order")

# ---- report
lang = collections.Counter((i["lang"], i["script"]) for i in items)
zh = lang[("zh", "simplified")] + lang[("zh", "traditional")]
print(f"stories {len(stories)}  items {len(items)}")
print(f"en {lang[('en','')]} ({lang[('en','')]/len(items):.0%})  zh {zh} ({zh/len(items):.0%}): simplified {lang[('zh','simplified')]}, traditional {lang[('zh','traditional')]} ({lang[('zh','traditional')]/zh:.0%} of zh)")
sizes = collections.Counter(len(v) for v in by_story.values())
print("story sizes:", dict(sorted(sizes.items())))
fam = collections.Counter(s["family"] for s in stories)
print("families:", ", ".join(f"{f}={n}" for f, n in sorted(fam.items(), key=lambda x: (-x[1], x[0]))))
print("empty summaries:", sum(1 for i in items if not i["summary"]), " links shared by >1 item:", sum(1 for v in links.values() if len(v) > 1))
titles = collections.defaultdict(set)
for i in items: titles[i["title"]].add(i["story"])
print("titles shared across stories:", {t: sorted(v) for t, v in titles.items() if len(v) > 1})
span = max(((max(x["published"] for x in v), min(x["published"] for x in v), k) for k, v in by_story.items()),
           key=lambda x: (int(x[0][8:10]) * 24 + int(x[0][11:13])) - (int(x[1][8:10]) * 24 + int(x[1][11:13])) if x[0][:7] == x[1][:7] else 0)
print("asymmetric negative pairs:", len(asym))
if err:
    print("ERRORS:"); [print("  ", e) for e in err]; sys.exit(1)
print("OK")
