"""Helpers for part B of the story stream: outlets, links, story/item constructors.

Content (titles, summaries, times) is hand-written in the month files; this module
only knows how each outlet's feed looks (name, feed slug, language/script, URL shape).
"""
import base64
import hashlib
import re

YEAR = 2026

# key: (source name, default feed, lang, script, link kind)
OUTLETS = {
    # ---- English wires, papers, trade press
    "reuters": ("Reuters", "reuters-china", "en", "", "reuters"),
    "reuters-biz": ("Reuters", "reuters-business", "en", "", "reuters"),
    "reuters-tech": ("Reuters", "reuters-tech", "en", "", "reuters"),
    "reuters-mkt": ("Reuters", "reuters-markets", "en", "", "reuters"),
    "reuters-world": ("Reuters", "reuters-world", "en", "", "reuters"),
    "bloomberg": ("Bloomberg", "bloomberg-markets", "en", "", "bloomberg"),
    "bloomberg-tech": ("Bloomberg", "bloomberg-technology", "en", "", "bloomberg"),
    "bloomberg-pol": ("Bloomberg", "bloomberg-politics", "en", "", "bloomberg"),
    "bloomberg-opinion": ("Bloomberg Opinion", "bloomberg-opinion", "en", "", "bloomberg"),
    "bloomberg-law": ("Bloomberg Law", "bloomberg-law", "en", "", "bloomberglaw"),
    "cnbc": ("CNBC", "cnbc-world", "en", "", "cnbc"),
    "cnbc-tech": ("CNBC", "cnbc-tech", "en", "", "cnbc"),
    "scmp": ("South China Morning Post", "scmp-china", "en", "", "scmp"),
    "scmp-biz": ("South China Morning Post", "scmp-business", "en", "", "scmp"),
    "scmp-tech": ("South China Morning Post", "scmp-tech", "en", "", "scmp"),
    "scmp-mil": ("South China Morning Post", "scmp-military", "en", "", "scmp"),
    "gn-ft": ("Financial Times", "google-news-china", "en", "", "gnews"),
    "gn-wsj": ("The Wall Street Journal", "google-news-china", "en", "", "gnews"),
    "gn-nikkei": ("Nikkei Asia", "google-news-china", "en", "", "gnews"),
    "ft": ("Financial Times", "ft-china", "en", "", "ft"),
    "wsj": ("The Wall Street Journal", "wsj-world", "en", "", "wsj"),
    "wsj-mkt": ("The Wall Street Journal", "wsj-markets", "en", "", "wsj"),
    "ap": ("Associated Press", "ap-world", "en", "", "ap"),
    "abc": ("ABC News", "abcnews-international", "en", "", "abc"),
    "yahoo": ("Yahoo Finance", "yahoo-finance", "en", "", "yahoo"),
    "marketwatch": ("MarketWatch", "marketwatch-markets", "en", "", "marketwatch"),
    "barrons": ("Barron's", "barrons-markets", "en", "", "barrons"),
    "nikkei": ("Nikkei Asia", "nikkei-asia-china", "en", "", "nikkei"),
    "register": ("The Register", "theregister", "en", "", "register"),
    "tomshw": ("Tom's Hardware", "tomshardware", "en", "", "tomshw"),
    "venturebeat": ("VentureBeat", "venturebeat-ai", "en", "", "venturebeat"),
    "techcrunch": ("TechCrunch", "techcrunch", "en", "", "techcrunch"),
    "lightreading": ("Light Reading", "lightreading", "en", "", "lightreading"),
    "defensenews": ("Defense News", "defensenews", "en", "", "defensenews"),
    "breakingdefense": ("Breaking Defense", "breakingdefense", "en", "", "breakingdefense"),
    "warzone": ("The War Zone", "twz", "en", "", "warzone"),
    "politico": ("Politico", "politico-defense", "en", "", "politico"),
    "thehill": ("The Hill", "thehill-policy", "en", "", "thehill"),
    "axios": ("Axios", "axios-china", "en", "", "axios"),
    "focustaiwan": ("Focus Taiwan", "focustaiwan-politics", "en", "", "focustaiwan"),
    "taipeitimes": ("Taipei Times", "taipeitimes", "en", "", "taipeitimes"),
    "straitstimes": ("The Straits Times", "straitstimes-asia", "en", "", "straitstimes"),
    "globaltimes": ("Global Times", "globaltimes-china", "en", "", "globaltimes"),
    "caixinglobal": ("Caixin Global", "caixinglobal", "en", "", "caixinglobal"),
    "law360": ("Law360", "law360-trade", "en", "", "law360"),
    "mining": ("MINING.COM", "mining-com", "en", "", "mining"),
    "electrek": ("Electrek", "electrek", "en", "", "electrek"),
    "investing": ("Investing.com", "investing-news", "en", "", "investing"),
    "seekingalpha": ("Seeking Alpha", "seekingalpha-news", "en", "", "seekingalpha"),
    "breakingviews": ("Reuters Breakingviews", "reuters-breakingviews", "en", "", "reuters"),
    "thestandard": ("The Standard", "thestandard-hk", "en", "", "thestandard"),
    # ---- primary documents (English)
    "prn": ("PR Newswire", "prnewswire-asia", "en", "", "prn"),
    "bw": ("Business Wire", "businesswire-tech", "en", "", "bw"),
    "edgar": ("SEC EDGAR", "sec-edgar-6k", "en", "", "edgar"),
    "fedreg": ("Federal Register", "federalregister-bis", "en", "", "fedreg"),
    "fedreg-dod": ("Federal Register", "federalregister-dod", "en", "", "fedreg"),
    "bis": ("Bureau of Industry and Security", "bis-press", "en", "", "bis"),
    "dod": ("U.S. Department of Defense", "defense-gov-releases", "en", "", "dod"),
    "treasury": ("U.S. Department of the Treasury", "treasury-press", "en", "", "treasury"),
    "fcc": ("Federal Communications Commission", "fcc-headlines", "en", "", "fcc"),
    "ccpcommittee": ("House Select Committee on the CCP", "selectcommitteeontheccp-press", "en", "", "ccpcommittee"),
    "sec": ("U.S. Securities and Exchange Commission", "sec-press", "en", "", "sec"),
    "pcaob": ("PCAOB", "pcaob-news", "en", "", "pcaob"),
    "dsca": ("Defense Security Cooperation Agency", "dsca-major-arms-sales", "en", "", "dsca"),
    "whitehouse": ("The White House", "whitehouse-briefings", "en", "", "whitehouse"),
    "house": ("U.S. House of Representatives", "house-floor", "en", "", "house"),
    "hkex": ("HKEXnews", "hkexnews-listed-company", "en", "", "hkex"),
    # ---- Chinese, Simplified
    "sina": ("新浪财经", "sina-finance", "zh", "simplified", "sina"),
    "sina-hk": ("新浪财经", "sina-finance-hkstock", "zh", "simplified", "sina"),
    "sina-mil": ("新浪军事", "sina-mil", "zh", "simplified", "sinamil"),
    "caixin": ("财新", "caixin-latest", "zh", "simplified", "caixin"),
    "yicai": ("第一财经", "yicai-news", "zh", "simplified", "yicai"),
    "thepaper": ("澎湃新闻", "thepaper-world", "zh", "simplified", "thepaper"),
    "jiemian": ("界面新闻", "jiemian-tech", "zh", "simplified", "jiemian"),
    "21jingji": ("21世纪经济报道", "21jingji", "zh", "simplified", "21jingji"),
    "stcn": ("证券时报", "stcn-kuaixun", "zh", "simplified", "stcn"),
    "wallstreetcn": ("华尔街见闻", "wallstreetcn-live", "zh", "simplified", "wallstreetcn"),
    "36kr": ("36氪", "36kr-newsflash", "zh", "simplified", "36kr"),
    "zaobao": ("联合早报", "zaobao-china", "zh", "simplified", "zaobao"),
    "huanqiu": ("环球时报", "huanqiu-world", "zh", "simplified", "huanqiu"),
    "xinhua": ("新华社", "xinhua-world", "zh", "simplified", "xinhua"),
    "mfa": ("外交部", "mfa-fyrbt", "zh", "simplified", "mfa"),
    "mofcom": ("商务部", "mofcom-xwfb", "zh", "simplified", "mofcom"),
    "ithome": ("IT之家", "ithome", "zh", "simplified", "ithome"),
    "guancha": ("观察者网", "guancha", "zh", "simplified", "guancha"),
    "nbd": ("每日经济新闻", "nbd", "zh", "simplified", "nbd"),
    # ---- Chinese, Traditional (Taiwan, Hong Kong)
    "cna": ("中央社", "cna-politics", "zh", "traditional", "cna"),
    "cna-fin": ("中央社", "cna-finance", "zh", "traditional", "cna"),
    "udn": ("聯合報", "udn-global", "zh", "traditional", "udn"),
    "ltn": ("自由時報", "ltn-politics", "zh", "traditional", "ltn"),
    "mingpao": ("明報", "mingpao-instant", "zh", "traditional", "mingpao"),
    "singtao": ("星島日報", "singtao-realtime", "zh", "traditional", "singtao"),
    "hket": ("香港經濟日報", "hket-inews", "zh", "traditional", "hket"),
    "etnet": ("經濟通", "etnet-news", "zh", "traditional", "etnet"),
    "hkej": ("信報", "hkej-finnews", "zh", "traditional", "hkej"),
    "ctee": ("工商時報", "ctee-world", "zh", "traditional", "ctee"),
    "cnyes": ("鉅亨網", "cnyes-headline", "zh", "traditional", "cnyes"),
    "money-udn": ("經濟日報", "money-udn", "zh", "traditional", "moneyudn"),
}


def _h(*parts, n=8):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:n]


def _num(*parts, digits=7):
    v = int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)
    lo = 10 ** (digits - 1)
    return str(lo + v % (9 * lo))


def slugify(title):
    t = re.sub(r"^(UPDATE \d+-|EXCLUSIVE-|WRAPUP \d+-|BREAKINGVIEWS-)", "", title)
    t = re.split(r" \| | - (?=[A-Z][\w' .]+$)| – ", t)[0]
    t = t.lower().replace("'", "").replace("’", "")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    words = t.split("-")[:12]
    return "-".join(words)


def make_link(kind, ts, title, key, feed, hint=None):
    y, m, d = ts[0:4], ts[5:7], ts[8:10]
    ymd = f"{y}{m}{d}"
    s = hint or slugify(title)
    if kind == "reuters":
        sect = {"reuters-china": "world/china", "reuters-business": "business",
                "reuters-tech": "technology", "reuters-markets": "markets/asia",
                "reuters-world": "world/asia-pacific",
                "reuters-breakingviews": "breakingviews"}.get(feed, "world/china")
        return f"https://www.reuters.com/{sect}/{s}-{y}-{m}-{d}/"
    if kind == "bloomberg":
        return f"https://www.bloomberg.com/news/articles/{y}-{m}-{d}/{s}"
    if kind == "bloomberglaw":
        return f"https://news.bloomberglaw.com/international-trade/{s}"
    if kind == "cnbc":
        return f"https://www.cnbc.com/{y}/{m}/{d}/{s}.html"
    if kind == "scmp":
        sect = {"scmp-china": "news/china/diplomacy", "scmp-business": "business/markets",
                "scmp-tech": "tech/big-tech", "scmp-military": "news/china/military"}[feed]
        return f"https://www.scmp.com/{sect}/article/33{_num(key, digits=5)}/{s}"
    if kind == "gnews":
        raw = hashlib.sha256(key.encode()).digest() + hashlib.sha256(title.encode()).digest()
        tok = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        return f"https://news.google.com/rss/articles/CBMi{tok[:86]}?oc=5"
    if kind == "ft":
        return f"https://www.ft.com/content/{_h(key,n=8)}-{_h(key,'a',n=4)}-{_h(key,'b',n=4)}-{_h(key,'c',n=4)}-{_h(key,'d',n=12)}"
    if kind == "wsj":
        return f"https://www.wsj.com/world/china/{s}-{_h(key)}"
    if kind == "ap":
        return f"https://apnews.com/article/{s}-{_h(key, n=32)}"
    if kind == "abc":
        return f"https://abcnews.go.com/International/wireStory/{s}-{_num(key, digits=9)}"
    if kind == "yahoo":
        return f"https://finance.yahoo.com/news/{s}-{_num(key, digits=9)}.html"
    if kind == "marketwatch":
        return f"https://www.marketwatch.com/story/{s}-{_h(key)}"
    if kind == "barrons":
        return f"https://www.barrons.com/articles/{s}-{_h(key)}"
    if kind == "nikkei":
        return f"https://asia.nikkei.com/business/{s}"
    if kind == "register":
        return f"https://www.theregister.com/{y}/{m}/{d}/{s.replace('-', '_')[:60]}/"
    if kind == "tomshw":
        return f"https://www.tomshardware.com/tech-industry/{s}"
    if kind == "venturebeat":
        return f"https://venturebeat.com/ai/{s}"
    if kind == "techcrunch":
        return f"https://techcrunch.com/{y}/{m}/{d}/{s}/"
    if kind == "lightreading":
        return f"https://www.lightreading.com/regulatory-politics/{s}"
    if kind == "defensenews":
        return f"https://www.defensenews.com/global/asia-pacific/{y}/{m}/{d}/{s}/"
    if kind == "breakingdefense":
        return f"https://breakingdefense.com/{y}/{m}/{s}/"
    if kind == "warzone":
        return f"https://www.twz.com/sea/{s}"
    if kind == "politico":
        return f"https://www.politico.com/news/{y}/{m}/{d}/{s}-{_num(key, digits=8)}"
    if kind == "thehill":
        return f"https://thehill.com/policy/technology/{_num(key, digits=7)}-{s}/"
    if kind == "axios":
        return f"https://www.axios.com/{y}/{m}/{d}/{s}"
    if kind == "focustaiwan":
        return f"https://focustaiwan.tw/politics/{ymd}{_num(key, digits=4)}"
    if kind == "taipeitimes":
        return f"https://www.taipeitimes.com/News/front/archives/{y}/{m}/{d}/{_num(key, digits=10)}"
    if kind == "straitstimes":
        return f"https://www.straitstimes.com/asia/east-asia/{s}"
    if kind == "globaltimes":
        return f"https://www.globaltimes.cn/page/{y}{m}/{_num(key, digits=7)}.shtml"
    if kind == "caixinglobal":
        return f"https://www.caixinglobal.com/{y}-{m}-{d}/{s}-{_num(key, digits=9)}.html"
    if kind == "law360":
        return f"https://www.law360.com/articles/{_num(key, digits=7)}/{s}"
    if kind == "mining":
        return f"https://www.mining.com/{s}/"
    if kind == "electrek":
        return f"https://electrek.co/{y}/{m}/{d}/{s}/"
    if kind == "investing":
        return f"https://www.investing.com/news/stock-market-news/{s}-{_num(key, digits=7)}"
    if kind == "seekingalpha":
        return f"https://seekingalpha.com/news/{_num(key, digits=7)}-{s}"
    if kind == "thestandard":
        return f"https://www.thestandard.com.hk/breaking-news/section/2/{_num(key, digits=6)}/{s}"
    if kind == "prn":
        return f"https://www.prnewswire.com/news-releases/{s}-30{_num(key, digits=7)}.html"
    if kind == "bw":
        return f"https://www.businesswire.com/news/home/{ymd}{_num(key, digits=6)}/en/{s}"
    if kind == "edgar":
        cik = re.search(r"\((\d{10})\)", title).group(1).lstrip("0")
        acc = f"0001{_num(key, digits=6)}-26-{_num(key, 'b', digits=6)}"
        return f"https://www.sec.gov/Archives/edgar/data/{cik}/{acc}-index.htm"
    if kind == "fedreg":
        return f"https://www.federalregister.gov/documents/{y}/{m}/{d}/2026-{_num(key, digits=5)}/{s}"
    if kind == "bis":
        return f"https://www.bis.gov/press-release/{s}"
    if kind == "dod":
        return f"https://www.defense.gov/News/Releases/Release/Article/4{_num(key, digits=6)}/{s}/"
    if kind == "treasury":
        return f"https://home.treasury.gov/news/press-releases/sb0{_num(key, digits=3)}"
    if kind == "fcc":
        return f"https://www.fcc.gov/document/{s}"
    if kind == "ccpcommittee":
        return f"https://selectcommitteeontheccp.house.gov/media/press-releases/{s}"
    if kind == "sec":
        return f"https://www.sec.gov/newsroom/press-releases/2026-{int(_num(key, digits=2)) % 90 + 10}"
    if kind == "pcaob":
        return f"https://pcaobus.org/news-events/news-releases/news-release-detail/{s}"
    if kind == "dsca":
        return f"https://www.dsca.mil/press-media/major-arms-sales/{s}"
    if kind == "whitehouse":
        return f"https://www.whitehouse.gov/fact-sheets/{y}/{m}/{s}/"
    if kind == "hkex":
        return f"https://www1.hkexnews.hk/listedco/listconews/sehk/{y}/{m}{d}/{y}{m}{d}00{_num(key, digits=3)}.pdf"
    if kind == "house":
        return f"https://clerk.house.gov/Votes/2026{_num(key, digits=3)}"
    # Chinese outlets: numeric ids, the way their CMSs do it
    if kind == "sina":
        return f"https://finance.sina.com.cn/stock/relnews/hk/{y}-{m}-{d}/doc-inhy{_h(key, n=11)}.shtml"
    if kind == "sinamil":
        return f"https://mil.news.sina.com.cn/china/{y}-{m}-{d}/doc-inhy{_h(key, n=11)}.shtml"
    if kind == "caixin":
        return f"https://www.caixin.com/{y}-{m}-{d}/10{_num(key, digits=7)}.html"
    if kind == "yicai":
        return f"https://www.yicai.com/news/10{_num(key, digits=7)}.html"
    if kind == "thepaper":
        return f"https://www.thepaper.cn/newsDetail_forward_3{_num(key, digits=7)}"
    if kind == "jiemian":
        return f"https://www.jiemian.com/article/1{_num(key, digits=7)}.html"
    if kind == "21jingji":
        return f"https://www.21jingji.com/article/{ymd}/herald/{_h(key, n=32)}.html"
    if kind == "stcn":
        return f"https://www.stcn.com/article/detail/2{_num(key, digits=6)}.html"
    if kind == "wallstreetcn":
        return f"https://wallstreetcn.com/articles/37{_num(key, digits=5)}"
    if kind == "36kr":
        return f"https://36kr.com/newsflashes/3{_num(key, digits=14)}"
    if kind == "zaobao":
        return f"https://www.zaobao.com.sg/news/china/story{ymd}-{_num(key, digits=7)}"
    if kind == "huanqiu":
        return f"https://world.huanqiu.com/article/4{_h(key, n=10).upper()}"
    if kind == "xinhua":
        return f"https://www.news.cn/world/{ymd}/{_h(key, n=32)}/c.html"
    if kind == "mfa":
        return f"https://www.mfa.gov.cn/fyrbt_673021/{y}{m}/t{ymd}_{_num(key, digits=8)}.shtml"
    if kind == "mofcom":
        return f"https://www.mofcom.gov.cn/xwfb/xwfyrth/art/{y}/art_{_h(key, n=32)}.html"
    if kind == "ithome":
        return f"https://www.ithome.com/0/{_num(key, digits=3)}/{_num(key, 'b', digits=3)}.htm"
    if kind == "guancha":
        return f"https://www.guancha.cn/internation/{y}_{m}_{d}_{_num(key, digits=6)}.shtml"
    if kind == "nbd":
        return f"https://www.nbd.com.cn/articles/{y}-{m}-{d}/{_num(key, digits=7)}.html"
    if kind == "cna":
        return f"https://www.cna.com.tw/news/{'aipl' if feed=='cna-politics' else 'afe'}/{ymd}{_num(key, digits=4)}.aspx"
    if kind == "udn":
        return f"https://udn.com/news/story/7331/{_num(key, digits=7)}"
    if kind == "ltn":
        return f"https://news.ltn.com.tw/news/politics/breakingnews/{_num(key, digits=7)}"
    if kind == "mingpao":
        return f"https://news.mingpao.com/ins/instantnews/web_tc/article/{ymd}/s00004/17{_num(key, digits=11)}"
    if kind == "singtao":
        return f"https://std.stheadline.com/realtime/article/{_num(key, digits=7)}/"
    if kind == "hket":
        return f"https://inews.hket.com/article/{_num(key, digits=7)}/"
    if kind == "etnet":
        return f"https://www.etnet.com.hk/www/tc/news/categorized_news_detail.php?newsid=ETN{_num(key, digits=6)}&page=1"
    if kind == "hkej":
        return f"https://www1.hkej.com/dailynews/finnews/article/{_num(key, digits=7)}/"
    if kind == "ctee":
        return f"https://www.ctee.com.tw/news/{ymd}70{_num(key, digits=4)}-430704"
    if kind == "cnyes":
        return f"https://news.cnyes.com/news/id/{_num(key, digits=7)}"
    if kind == "moneyudn":
        return f"https://money.udn.com/money/story/5599/{_num(key, digits=7)}"
    raise KeyError(kind)


STORIES = []


def S(slug, family, event, negatives, items):
    """items: list of tuples (time 'MM-DD HH:MM', outlet key, title, summary[, extra dict])"""
    out = []
    for n, it in enumerate(items, 1):
        t, key, title, summary = it[0], it[1], it[2], it[3]
        extra = it[4] if len(it) > 4 else {}
        name, feed, lang, script, kind = OUTLETS[key]
        feed = extra.get("feed", feed)
        ts = f"{YEAR}-{t[0:5]}T{t[6:11]}:00Z"
        if "same_as" in extra:  # same article arriving through a second feed of the outlet
            link = out[extra["same_as"] - 1]["link"]
        else:
            link = extra.get("link") or make_link(kind, ts, title, f"{slug}#{n}", feed, extra.get("hint"))
        out.append({"story": slug, "lang": lang, "script": script, "source": extra.get("source", name),
                    "feed": feed, "title": title, "summary": summary, "link": link,
                    "published": ts})
    STORIES.append({"story": slug, "family": family, "event": event,
                    "negatives": list(negatives), "items": out})
    return out
