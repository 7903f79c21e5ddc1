"""Self-check of part A: schema, references, ranges, script heuristic, counts."""
import collections
import datetime as dt
import json
import os
import sys

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ITEMS = os.path.join(SRC, "a.jsonl")
STORIES = os.path.join(SRC, "a.stories.jsonl")

PAIRS = ("们們 这這 个個 为為 与與 发發 说說 国國 会會 来來 对對 时時 经經 济濟 业業 亿億 万萬 开開 关關 门門 网網 将將 还還 后後 "
         "价價 报報 点點 电電 云雲 认認 证證 调調 应應 联聯 团團 导導 际際 据據 湾灣 区區 让讓 买買 卖賣 场場 资資 产產 销銷 额額 务務 "
         "购購 节節 实實 现現 营營 运運 线線 单單 体體 级級 货貨 处處 过過 续續 东東 华華 划劃 计計 达達 标標 钱錢 长長 头頭 题題 员員 "
         "广廣 岁歲 战戰 问問 间間 闻聞 险險 队隊 陆陸 陈陳 韩韓 飞飛 车車 军軍 输輸 边邊 远遠 纳納 码碼 务務 罚罰 监監 诉訴 讼訟 "
         "员員 类類 补補 贴貼 涨漲 盘盤 亚亞 欧歐 册冊 书書 机機 构構 级級 软軟 优優 丰豐 当當 总總 议議 员員 财財 务務 赛賽 协協 "
         "记記 录錄 图圖 数數 据據 库庫 缩縮 归歸 属屬 润潤 链鏈 术術 艺藝 宝寶 猫貓 闪閃 购購 专專 众眾 审審 裁裁 宁寧 环環 气氣")
SIMP = set(p[0] for p in PAIRS.split() if p[0] != p[1])
TRAD = set(p[1] for p in PAIRS.split() if p[0] != p[1])

errors = []
def err(msg):
    errors.append(msg)

stories = {}
with open(STORIES, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            s = json.loads(line)
        except Exception as e:
            err(f"stories line {n}: bad JSON {e}"); continue
        if set(s) != {"story", "family", "event", "negatives"}:
            err(f"stories line {n}: keys {sorted(s)}")
        if not s["story"].startswith("a-") or not s["family"].startswith("a-"):
            err(f"stories line {n}: slug/family without a- prefix")
        if s["story"] in stories:
            err(f"duplicate story {s['story']}")
        stories[s["story"]] = s
for s in stories.values():
    for b in s["negatives"]:
        if b not in stories:
            err(f"{s['story']}: negative {b} unknown")
        elif s["story"] not in stories[b]["negatives"]:
            err(f"{s['story']}: negative {b} not symmetric")

items = []
lo = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
hi = dt.datetime(2026, 11, 30, 23, 59, tzinfo=dt.timezone.utc)
KEYS = {"story", "lang", "script", "source", "feed", "title", "summary", "link", "published"}
with open(ITEMS, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            err(f"items line {n}: bad JSON {e}"); continue
        items.append(r)
        if set(r) != KEYS:
            err(f"items line {n}: keys {sorted(r)}")
        if not all(isinstance(v, str) for v in r.values()):
            err(f"items line {n}: non-string value")
        if r["story"] not in stories:
            err(f"items line {n}: story {r['story']} not in stories file")
        if r["lang"] not in ("en", "zh"):
            err(f"items line {n}: lang {r['lang']}")
        if r["lang"] == "en" and r["script"] != "":
            err(f"items line {n}: en with script")
        if r["lang"] == "zh" and r["script"] not in ("simplified", "traditional"):
            err(f"items line {n}: zh without script")
        if not r["link"].startswith("https://") and not r["link"].startswith("http://www.news.cn"):
            err(f"items line {n}: link {r['link']}")
        if not r["title"].strip():
            err(f"items line {n}: empty title")
        try:
            t = dt.datetime.strptime(r["published"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
            if not (lo <= t <= hi):
                err(f"items line {n}: published out of range {r['published']}")
        except ValueError:
            err(f"items line {n}: bad published {r['published']}")
        if r["lang"] == "zh":
            text = r["title"] + r["summary"]
            ns, nt = sum(c in SIMP for c in text), sum(c in TRAD for c in text)
            if r["script"] == "simplified" and nt:
                err(f"items line {n}: simplified item has traditional chars {[c for c in text if c in TRAD]}: {r['title']}")
            if r["script"] == "traditional" and ns:
                err(f"items line {n}: traditional item has simplified chars {[c for c in text if c in SIMP]}: {r['title']}")
        else:
            if any("\u4e00" <= c <= "\u9fff" for c in r["title"] + r["summary"]):
                err(f"items line {n}: CJK in en item")

for sl in stories:
    if not any(r["story"] == sl for r in items):
        err(f"story {sl} has no items")

# links shared only by identical articles (same title)
by_link = collections.defaultdict(list)
for r in items:
    by_link[r["link"]].append(r)
for l, rs in by_link.items():
    if len(rs) > 1 and len({(r["story"], r["title"]) for r in rs}) > 1:
        err(f"link {l} shared by different articles")

# report
per_story = collections.Counter(r["story"] for r in items)
lang = collections.Counter((r["lang"], r["script"]) for r in items)
n = len(items)
en = lang[("en", "")]; zs = lang[("zh", "simplified")]; zt = lang[("zh", "traditional")]
print(f"items {n}: en {en} ({en/n:.0%}), zh {zs+zt} ({(zs+zt)/n:.0%}) = simplified {zs} + traditional {zt} "
      f"({zt/(zs+zt):.0%} of zh)")
print(f"stories {len(stories)}; sizes: {dict(sorted(collections.Counter(per_story.values()).items()))}")
fam = collections.Counter(s["family"] for s in stories.values())
print("families:", ", ".join(f"{k} {v}" for k, v in sorted(fam.items(), key=lambda kv: (-kv[1], kv[0]))))
zh_only = [s for s in stories if all(r["lang"] == "zh" for r in items if r["story"] == s)]
en_only = [s for s in stories if all(r["lang"] == "en" for r in items if r["story"] == s)]
print("zh-only stories:", zh_only)
print("en-only stories:", en_only)
spans = {}
for s in stories:
    ts = [r["published"] for r in items if r["story"] == s]
    a = dt.datetime.fromisoformat(min(ts)[:-1]); b = dt.datetime.fromisoformat(max(ts)[:-1])
    spans[s] = (b - a).total_seconds() / 3600
print(f"max story span {max(spans.values()):.1f} h ({max(spans, key=spans.get)})")
print(f"empty summaries: {sum(1 for r in items if not r['summary'])}; shared links: "
      f"{sum(1 for rs in by_link.values() if len(rs) > 1)}")
pos = sum(c * (c - 1) // 2 for c in per_story.values())
print(f"same-story pairs {pos}, all pairs {n*(n-1)//2}")
if "-v" in sys.argv:
    for s in sorted(stories, key=lambda s: min(r["published"] for r in items if r["story"] == s)):
        first = min(r["published"] for r in items if r["story"] == s)
        print(f"  {s:40s} {first[:16]} {per_story[s]:3d}  {stories[s]['family']}")
if errors:
    print(f"{len(errors)} ERRORS:")
    for e in errors:
        print("  ", e)
    sys.exit(1)
print("OK")
