"""Helpers for part A of the stream set: feeds, link patterns, item/story constructors.

Content lives in stories_*.py (hand-written, story by story). build.py writes the jsonl.
"""
import hashlib
import re

# feed slug -> (source, lang, script, link pattern key)
FEEDS = {
    # --- English wires / business press
    "reuters-business": ("Reuters", "en", "", "reuters:business"),
    "reuters-china": ("Reuters", "en", "", "reuters:world/china"),
    "reuters-tech": ("Reuters", "en", "", "reuters:technology"),
    "reuters-markets": ("Reuters", "en", "", "reuters:markets/asia"),
    "breakingviews": ("Reuters Breakingviews", "en", "", "reuters:breakingviews"),
    "yahoo-finance": ("Yahoo Finance", "en", "", "yahoo"),
    "bloomberg-markets": ("Bloomberg", "en", "", "bloomberg"),
    "bloomberg-technology": ("Bloomberg", "en", "", "bloomberg"),
    "bloomberg-asia": ("Bloomberg", "en", "", "bloomberg"),
    "cnbc-tech": ("CNBC", "en", "", "cnbc"),
    "cnbc-world": ("CNBC", "en", "", "cnbc"),
    "scmp-business": ("South China Morning Post", "en", "", "scmp:business/companies"),
    "scmp-tech": ("South China Morning Post", "en", "", "scmp:tech/big-tech"),
    "scmp-china": ("South China Morning Post", "en", "", "scmp:news/china/diplomacy"),
    "scmp-markets": ("South China Morning Post", "en", "", "scmp:business/markets"),
    "ft-companies": ("Financial Times", "en", "", "ft"),
    "gnews-alibaba": ("Google News", "en", "", "gnews"),
    "nikkei-asia": ("Nikkei Asia", "en", "", "nikkei"),
    "the-register": ("The Register", "en", "", "register"),
    "techcrunch": ("TechCrunch", "en", "", "techcrunch"),
    "venturebeat": ("VentureBeat", "en", "", "venturebeat"),
    "technode": ("TechNode", "en", "", "technode"),
    "tech-in-asia": ("Tech in Asia", "en", "", "techinasia"),
    "tomshardware": ("Tom's Hardware", "en", "", "tomshardware"),
    "dcd": ("DatacenterDynamics", "en", "", "dcd"),
    "straits-times": ("The Straits Times", "en", "", "straitstimes"),
    "caixin-global": ("Caixin Global", "en", "", "caixinglobal"),
    "global-times": ("Global Times", "en", "", "globaltimes"),
    "coindesk": ("CoinDesk", "en", "", "coindesk"),
    "ifr": ("IFR", "en", "", "ifr"),
    "marketwatch": ("MarketWatch", "en", "", "marketwatch"),
    "barrons": ("Barron's", "en", "", "barrons"),
    "investing-com": ("Investing.com", "en", "", "investing"),
    "zacks": ("Zacks", "en", "", "zacks"),
    "law360": ("Law360", "en", "", "law360"),
    "politico": ("Politico", "en", "", "politico"),
    "the-record": ("The Record", "en", "", "therecord"),
    "breaking-defense": ("Breaking Defense", "en", "", "breakingdefense"),
    "supplychaindive": ("Supply Chain Dive", "en", "", "supplychaindive"),
    "lightreading": ("Light Reading", "en", "", "lightreading"),
    "the-standard": ("The Standard", "en", "", "thestandard"),
    "krasia": ("KrASIA", "en", "", "krasia"),
    "the-information": ("The Information", "en", "", "theinformation"),
    # --- primary documents
    "businesswire-tech": ("Business Wire", "en", "", "businesswire"),
    "globenewswire": ("GlobeNewswire", "en", "", "globenewswire"),
    "sec-edgar-6k": ("SEC EDGAR", "en", "", "edgar"),
    "sec-edgar-corresp": ("SEC EDGAR", "en", "", "edgar"),
    "hkexnews-alibaba": ("HKEXnews", "en", "", "hkex"),
    "alizila": ("Alizila", "en", "", "alizila"),
    "alibabacloud-status": ("Alibaba Cloud Status", "en", "", "acstatus"),
    "war-gov-releases": ("U.S. Department of War", "en", "", "wargov"),
    "bis-press": ("Bureau of Industry and Security", "en", "", "bis"),
    "federalregister-bis": ("Federal Register", "en", "", "fedreg"),
    "commerce-news": ("U.S. Department of Commerce", "en", "", "commerce"),
    "fcc-headlines": ("Federal Communications Commission", "en", "", "fcc"),
    "house-china-committee": ("House Select Committee on the CCP", "en", "", "housechina"),
    "senate-press": ("U.S. Senate", "en", "", "senate"),
    "eu-commission-press": ("European Commission", "en", "", "eucomm"),
    "moodys-ratings": ("Moody's Ratings", "en", "", "moodys"),
    # --- Chinese, Simplified
    "sina-finance": ("新浪财经", "zh", "simplified", "sina:stock/hkstock/ggscyd"),
    "sina-tech": ("新浪科技", "zh", "simplified", "sina:tech/roll"),
    "caixin": ("财新", "zh", "simplified", "caixin"),
    "yicai": ("第一财经", "zh", "simplified", "yicai"),
    "thepaper": ("澎湃新闻", "zh", "simplified", "thepaper"),
    "jiemian": ("界面新闻", "zh", "simplified", "jiemian"),
    "21jingji": ("21世纪经济报道", "zh", "simplified", "21jingji"),
    "stcn": ("证券时报", "zh", "simplified", "stcn"),
    "wallstreetcn": ("华尔街见闻", "zh", "simplified", "wallstreetcn"),
    "36kr": ("36氪", "zh", "simplified", "36kr"),
    "zaobao": ("联合早报", "zh", "simplified", "zaobao"),
    "guancha": ("观察者网", "zh", "simplified", "guancha"),
    "huanqiu": ("环球时报", "zh", "simplified", "huanqiu"),
    "xinhua": ("新华社", "zh", "simplified", "xinhua"),
    "fmprc": ("外交部", "zh", "simplified", "fmprc"),
    "mofcom": ("商务部", "zh", "simplified", "mofcom"),
    "samr": ("国家市场监督管理总局", "zh", "simplified", "samr"),
    "gelonghui": ("格隆汇", "zh", "simplified", "gelonghui"),
    "zhitong": ("智通财经", "zh", "simplified", "zhitong"),
    "ithome": ("IT之家", "zh", "simplified", "ithome"),
    "latepost": ("晚点LatePost", "zh", "simplified", "latepost"),
    "cls": ("财联社", "zh", "simplified", "cls"),
    # --- Chinese, Traditional (Taiwan, Hong Kong)
    "cna": ("中央社", "zh", "traditional", "cna"),
    "udn": ("聯合報", "zh", "traditional", "udn"),
    "money-udn": ("經濟日報", "zh", "traditional", "moneyudn"),
    "ltn": ("自由時報", "zh", "traditional", "ltn"),
    "ctee": ("工商時報", "zh", "traditional", "ctee"),
    "cnyes": ("鉅亨網", "zh", "traditional", "cnyes"),
    "mingpao": ("明報", "zh", "traditional", "mingpao"),
    "singtao": ("星島日報", "zh", "traditional", "singtao"),
    "hket": ("香港經濟日報", "zh", "traditional", "hket"),
    "etnet": ("經濟通", "zh", "traditional", "etnet"),
    "hkej": ("信報", "zh", "traditional", "hkej"),
    "hk01": ("香港01", "zh", "traditional", "hk01"),
}


def _h(*parts, n=10):
    d = hashlib.sha1("|".join(parts).encode()).hexdigest()
    return d[:n]


def _num(*parts, digits=7):
    d = int(hashlib.sha1("|".join(parts).encode()).hexdigest(), 16)
    lo = 10 ** (digits - 1)
    return str(lo + d % (9 * lo))


def slugify(title):
    t = re.sub(r"^(UPDATE \d+-|EXCLUSIVE-|BRIEF-)", "", title)
    t = re.split(r" \| | - (?=[A-Z][\w'.]*( [A-Z][\w'.]*)*$)| – ", t)[0]
    t = t.lower().replace("'", "").replace("’", "")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return "-".join(t.split("-")[:12])


def make_link(feed, title, published):
    kind = FEEDS[feed][3]
    key, _, sec = kind.partition(":")
    y, m, d = published[:4], published[5:7], published[8:10]
    ymd = f"{y}{m}{d}"
    s = slugify(title)
    if key == "reuters":
        return f"https://www.reuters.com/{sec}/{s}-{y}-{m}-{d}/"
    if key == "yahoo":
        return f"https://finance.yahoo.com/news/{s}-{_num(feed, title, digits=9)}.html"
    if key == "bloomberg":
        return f"https://www.bloomberg.com/news/articles/{y}-{m}-{d}/{s}"
    if key == "cnbc":
        return f"https://www.cnbc.com/{y}/{m}/{d}/{s}.html"
    if key == "scmp":
        return f"https://www.scmp.com/{sec}/article/33{_num(feed, title, digits=5)}/{s}"
    if key == "ft":
        h = _h(feed, title, n=32)
        return f"https://www.ft.com/content/{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"
    if key == "gnews":
        import base64
        b = base64.urlsafe_b64encode(hashlib.sha256(title.encode()).digest() * 2).decode().rstrip("=")
        return f"https://news.google.com/rss/articles/CBMi{b[:88]}?oc=5"
    if key == "nikkei":
        return f"https://asia.nikkei.com/business/technology/{s}"
    if key == "register":
        return f"https://www.theregister.com/{y}/{m}/{d}/{s.replace('-', '_')[:48]}/"
    if key == "techcrunch":
        return f"https://techcrunch.com/{y}/{m}/{d}/{s}/"
    if key == "venturebeat":
        return f"https://venturebeat.com/ai/{s}"
    if key == "technode":
        return f"https://technode.com/{y}/{m}/{d}/{s}/"
    if key == "techinasia":
        return f"https://www.techinasia.com/news/{s}"
    if key == "tomshardware":
        return f"https://www.tomshardware.com/tech-industry/artificial-intelligence/{s}"
    if key == "dcd":
        return f"https://www.datacenterdynamics.com/en/news/{s}/"
    if key == "straitstimes":
        return f"https://www.straitstimes.com/business/{s}"
    if key == "caixinglobal":
        return f"https://www.caixinglobal.com/{y}-{m}-{d}/{s}-10{_num(feed, title, digits=7)}.html"
    if key == "globaltimes":
        return f"https://www.globaltimes.cn/page/{y}{m}/13{_num(feed, title, digits=5)}.shtml"
    if key == "coindesk":
        return f"https://www.coindesk.com/policy/{y}/{m}/{d}/{s}"
    if key == "ifr":
        return f"https://www.ifre.com/story/{_num(feed, title, digits=7)}/{s}-{_num(title, digits=6)}"
    if key == "marketwatch":
        return f"https://www.marketwatch.com/story/{s}-{_h(feed, title, n=8)}"
    if key == "barrons":
        return f"https://www.barrons.com/articles/{s}-{_h(feed, title, n=8)}"
    if key == "investing":
        return f"https://www.investing.com/news/stock-market-news/{s}-{_num(feed, title, digits=7)}"
    if key == "zacks":
        return f"https://www.zacks.com/stock/news/{_num(feed, title, digits=7)}/{s}"
    if key == "law360":
        return f"https://www.law360.com/articles/2{_num(feed, title, digits=6)}/{s}"
    if key == "politico":
        return f"https://www.politico.com/news/{y}/{m}/{d}/{s}-00{_num(feed, title, digits=6)}"
    if key == "therecord":
        return f"https://therecord.media/{s}"
    if key == "breakingdefense":
        return f"https://breakingdefense.com/{y}/{m}/{s}/"
    if key == "supplychaindive":
        return f"https://www.supplychaindive.com/news/{s}/{_num(feed, title, digits=6)}/"
    if key == "lightreading":
        return f"https://www.lightreading.com/regulatory-politics/{s}"
    if key == "thestandard":
        return f"https://www.thestandard.com.hk/breaking-news/article/2{_num(feed, title, digits=5)}/{s}"
    if key == "krasia":
        return f"https://kr-asia.com/{s}"
    if key == "theinformation":
        return f"https://www.theinformation.com/articles/{s}"
    if key == "businesswire":
        return f"https://www.businesswire.com/news/home/{ymd}{_num(feed, title, digits=6)}/en/{s}"
    if key == "globenewswire":
        return f"https://www.globenewswire.com/news-release/{y}/{m}/{d}/3{_num(feed, title, digits=6)}/0/en/{s}.html"
    if key == "edgar":
        acc = f"0001104659-26-{_num(feed, title, published, digits=6)}"
        return f"https://www.sec.gov/Archives/edgar/data/1577552/{acc.replace('-', '')}/{acc}-index.htm"
    if key == "hkex":
        return f"https://www1.hkexnews.hk/listedco/listconews/sehk/{y}/{m}{d}/{ymd}{_num(feed, title, digits=5)}.pdf"
    if key == "alizila":
        return f"https://www.alizila.com/{s}/"
    if key == "acstatus":
        return f"https://status.alibabacloud.com/incident/{_num(feed, title, digits=6)}"
    if key == "wargov":
        return f"https://www.war.gov/News/Releases/Release/Article/4{_num(feed, title, digits=6)}/{s}/"
    if key == "bis":
        return f"https://www.bis.gov/press-release/{s}"
    if key == "fedreg":
        return f"https://www.federalregister.gov/documents/{y}/{m}/{d}/2026-{_num(feed, title, published, digits=5)}/{s}"
    if key == "commerce":
        return f"https://www.commerce.gov/news/press-releases/{y}/{m}/{s}"
    if key == "fcc":
        return f"https://www.fcc.gov/document/{s}"
    if key == "housechina":
        return f"https://selectcommitteeontheccp.house.gov/media/press-releases/{s}"
    if key == "senate":
        return f"https://www.senate.gov/members/press/{y}/{m}/{s}"
    if key == "eucomm":
        return f"https://ec.europa.eu/commission/presscorner/detail/en/ip_26_{_num(feed, title, digits=4)}"
    if key == "moodys":
        return f"https://ratings.moodys.com/ratings-news/4{_num(feed, title, digits=5)}"
    if key == "sina":
        return f"https://finance.sina.com.cn/{sec}/{y}-{m}-{d}/doc-inh{_h(feed, title, n=7)}.shtml"
    if key == "caixin":
        return f"https://www.caixin.com/{y}-{m}-{d}/102{_num(feed, title, digits=6)}.html"
    if key == "yicai":
        return f"https://www.yicai.com/news/10{_num(feed, title, digits=7)}.html"
    if key == "thepaper":
        return f"https://www.thepaper.cn/newsDetail_forward_3{_num(feed, title, digits=7)}"
    if key == "jiemian":
        return f"https://www.jiemian.com/article/1{_num(feed, title, digits=7)}.html"
    if key == "21jingji":
        return f"https://www.21jingji.com/article/{ymd}/herald/{_h(feed, title, n=32)}.html"
    if key == "stcn":
        return f"https://www.stcn.com/article/detail/2{_num(feed, title, digits=6)}.html"
    if key == "wallstreetcn":
        return f"https://wallstreetcn.com/articles/37{_num(feed, title, digits=5)}"
    if key == "36kr":
        return f"https://36kr.com/p/3{_num(feed, title, digits=14)}"
    if key == "zaobao":
        return f"https://www.zaobao.com.sg/realtime/china/story{ymd}-{_num(feed, title, digits=7)}"
    if key == "guancha":
        return f"https://www.guancha.cn/economy/{y}_{m}_{d}_7{_num(feed, title, digits=5)}.shtml"
    if key == "huanqiu":
        return f"https://world.huanqiu.com/article/4{_h(feed, title, n=10)}"
    if key == "xinhua":
        return f"http://www.news.cn/fortune/{ymd}/{_h(feed, title, n=32)}/c.html"
    if key == "fmprc":
        return f"https://www.mfa.gov.cn/fyrbt_673021/{y}{m}/t{ymd}_11{_num(feed, title, digits=6)}.shtml"
    if key == "mofcom":
        return f"https://www.mofcom.gov.cn/xwfb/xwfyrth/art/{y}/art_{_h(feed, title, n=32)}.html"
    if key == "samr":
        return f"https://www.samr.gov.cn/xw/zj/art/{y}/art_{_h(feed, title, n=32)}.html"
    if key == "gelonghui":
        return f"https://www.gelonghui.com/p/3{_num(feed, title, digits=6)}"
    if key == "zhitong":
        return f"https://www.zhitongcaijing.com/content/detail/1{_num(feed, title, digits=6)}.html"
    if key == "ithome":
        n = _num(feed, title, digits=6)
        return f"https://www.ithome.com/0/{n[:3]}/{n[3:]}.htm"
    if key == "latepost":
        return f"https://www.latepost.com/news/dj_detail?id=3{_num(feed, title, digits=3)}"
    if key == "cls":
        return f"https://www.cls.cn/detail/2{_num(feed, title, digits=6)}"
    if key == "cna":
        return f"https://www.cna.com.tw/news/aopl/{ymd}{_num(feed, title, digits=4)}.aspx"
    if key == "udn":
        return f"https://udn.com/news/story/6809/9{_num(feed, title, digits=6)}"
    if key == "moneyudn":
        return f"https://money.udn.com/money/story/5599/9{_num(feed, title, digits=6)}"
    if key == "ltn":
        return f"https://ec.ltn.com.tw/article/breakingnews/5{_num(feed, title, digits=6)}"
    if key == "ctee":
        return f"https://www.ctee.com.tw/news/{ymd}700{_num(feed, title, digits=3)}-430704"
    if key == "cnyes":
        return f"https://news.cnyes.com/news/id/6{_num(feed, title, digits=6)}"
    if key == "mingpao":
        return f"https://news.mingpao.com/ins/instantnews/web_tc/article/{ymd}/s00004/17{_num(feed, title, digits=11)}"
    if key == "singtao":
        return f"https://std.stheadline.com/realtime/article/2{_num(feed, title, digits=6)}/"
    if key == "hket":
        return f"https://inews.hket.com/article/3{_num(feed, title, digits=6)}/"
    if key == "etnet":
        return f"https://www.etnet.com.hk/www/tc/news/categorized_news_detail.php?newsid=ETN{ymd[2:]}{_num(feed, title, digits=4)}"
    if key == "hkej":
        return f"https://www1.hkej.com/dailynews/article/id/4{_num(feed, title, digits=6)}/"
    if key == "hk01":
        return f"https://www.hk01.com/article/1{_num(feed, title, digits=6)}"
    raise KeyError(kind)


def I(feed, when, title, summary="", source=None, link=None):
    """One feed item. when = 'MM-DD HH:MM' (UTC, 2026)."""
    src, lang, script, _ = FEEDS[feed]
    published = f"2026-{when[:5]}T{when[6:]}:00Z"
    if source is None:
        source = src
    return {
        "lang": lang, "script": script, "source": source, "feed": feed,
        "title": title, "summary": summary,
        "link": link or make_link(feed, title, published),
        "published": published,
    }


STORIES = []


def S(slug, family, event, negatives, items):
    STORIES.append({"story": slug, "family": family, "event": event,
                    "negatives": list(negatives), "items": items})
