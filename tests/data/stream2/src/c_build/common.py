"""Shared helpers for the hand-written part C sources (one module per month).

Every headline and summary in the month modules is written by hand. This module only maps an
outlet key to (lang, script, source, feed), expands the compact timestamps ("01-07 21:34" is
2027-01-07T21:34:00Z, UTC) and, when an item gives no link, makes a link in the outlet's own URL
shape (a slug of the headline or a number derived from a hash of the item).
"""
import hashlib
import re
import unicodedata

EN, ZH = "en", "zh"
S, T = "simplified", "traditional"

# key: (lang, script, source, feed, link-pattern name)
SOURCES = {
    # English wires, papers, sites
    "reuters": (EN, "", "Reuters", "reuters-china", "reuters:world/china"),
    "reuters-tech": (EN, "", "Reuters", "reuters-technology", "reuters:technology"),
    "reuters-biz": (EN, "", "Reuters", "reuters-business", "reuters:business"),
    "reuters-mkts": (EN, "", "Reuters", "reuters-markets", "reuters:markets/asia"),
    "breakingviews": (EN, "", "Reuters Breakingviews", "reuters-breakingviews", "reuters:breakingviews"),
    "bloomberg": (EN, "", "Bloomberg", "bloomberg-asia", "bloomberg"),
    "bloomberg-tech": (EN, "", "Bloomberg", "bloomberg-technology", "bloomberg"),
    "cnbc": (EN, "", "CNBC", "cnbc-technology", "cnbc"),
    "cnbc-mkts": (EN, "", "CNBC", "cnbc-markets", "cnbc"),
    "scmp": (EN, "", "South China Morning Post", "scmp-tech", "scmp:tech/big-tech"),
    "scmp-biz": (EN, "", "South China Morning Post", "scmp-business", "scmp:business/markets"),
    "scmp-china": (EN, "", "South China Morning Post", "scmp-china", "scmp:news/china/diplomacy"),
    "scmp-econ": (EN, "", "South China Morning Post", "scmp-economy", "scmp:economy/china-economy"),
    "caixin-en": (EN, "", "Caixin Global", "caixin-global", "caixinglobal"),
    "nikkei": (EN, "", "Nikkei Asia", "nikkei-asia-china", "nikkei"),
    "ft": (EN, "", "Financial Times", "ft-china", "ft"),
    "ft-lex": (EN, "", "Financial Times", "ft-lex", "ft"),
    "wsj": (EN, "", "The Wall Street Journal", "wsj-world-china", "wsj:world/china"),
    "wsj-tech": (EN, "", "The Wall Street Journal", "wsj-tech", "wsj:tech"),
    "ap": (EN, "", "Associated Press", "ap-business", "ap"),
    "techcrunch": (EN, "", "TechCrunch", "techcrunch", "techcrunch"),
    "verge": (EN, "", "The Verge", "the-verge", "verge"),
    "theregister": (EN, "", "The Register", "the-register", "theregister"),
    "globaltimes": (EN, "", "Global Times", "globaltimes-business", "globaltimes"),
    "xinhua-en": (EN, "", "Xinhua", "xinhua-english", "xinhua-en"),
    "chinadaily": (EN, "", "China Daily", "chinadaily-business", "chinadaily"),
    "rthk-en": (EN, "", "RTHK", "rthk-english-finance", "rthk-en"),
    "thestandard": (EN, "", "The Standard", "thestandard-hk", "thestandard"),
    "barrons": (EN, "", "Barron's", "barrons-markets", "barrons"),
    "seekingalpha": (EN, "", "Seeking Alpha", "seekingalpha-news", "seekingalpha"),
    "investors": (EN, "", "Investor's Business Daily", "ibd-news", "ibd"),
    "electrek": (EN, "", "Electrek", "electrek", "electrek"),
    "cnevpost": (EN, "", "CnEVPost", "cnevpost", "cnevpost"),
    "restofworld": (EN, "", "Rest of World", "restofworld", "restofworld"),
    "politico": (EN, "", "Politico", "politico-tech", "politico"),
    "thehill": (EN, "", "The Hill", "thehill-policy", "thehill"),
    "lightreading": (EN, "", "Light Reading", "lightreading", "lightreading"),
    "variety": (EN, "", "Variety", "variety-film", "variety"),
    "dealstreetasia": (EN, "", "DealStreetAsia", "dealstreetasia", "dealstreetasia"),
    "coindesk": (EN, "", "CoinDesk", "coindesk-policy", "coindesk"),
    "venturebeat": (EN, "", "VentureBeat", "venturebeat-ai", "venturebeat"),
    "macrumors": (EN, "", "MacRumors", "macrumors", "macrumors"),
    "gamesindustry": (EN, "", "GamesIndustry.biz", "gamesindustry", "gamesindustry"),
    # primary sources (English)
    "dod": (EN, "", "U.S. Department of War", "war-gov-releases", "dod"),
    "bis": (EN, "", "Bureau of Industry and Security", "bis-press-releases", "bis"),
    "fedreg": (EN, "", "Federal Register", "federal-register-commerce", "fedreg"),
    "fcc": (EN, "", "Federal Communications Commission", "fcc-headlines", "fcc"),
    "treasury": (EN, "", "U.S. Department of the Treasury", "treasury-press-releases", "treasury"),
    "commerce": (EN, "", "U.S. Department of Commerce", "commerce-news", "commerce"),
    "house-ccp": (EN, "", "House Select Committee on the CCP", "selectcommittee-ccp-press", "house-ccp"),
    "congress": (EN, "", "Congress.gov", "congress-gov-bills", "congress"),
    "courtlistener": (EN, "", "CourtListener", "courtlistener-dcd", "courtlistener"),
    "edgar": (EN, "", "SEC EDGAR", "sec-edgar-baba", "edgar"),
    "businesswire": (EN, "", "Business Wire", "businesswire-technology", "businesswire"),
    "prnewswire": (EN, "", "PR Newswire", "prnewswire-asia", "prnewswire"),
    "globenewswire": (EN, "", "GlobeNewswire", "globenewswire-legal", "globenewswire"),
    "gnw": (EN, "", "GlobeNewswire", "globenewswire-business", "globenewswire"),
    "alizila": (EN, "", "Alizila", "alizila", "alizila"),
    "alicloud-blog": (EN, "", "Alibaba Cloud", "alibabacloud-blog", "alicloud-blog"),
    "alicloud-status": (EN, "", "Alibaba Cloud Status", "alibabacloud-status", "alicloud-status"),
    "hkex": (EN, "", "HKEXnews", "hkexnews-listed-announcements", "hkex"),
    "ec": (EN, "", "European Commission", "ec-press-corner", "ec"),
    "fmprc-en": (EN, "", "Ministry of Foreign Affairs of the PRC", "fmprc-press-en", "fmprc-en"),
    "hkma": (EN, "", "Hong Kong Monetary Authority", "hkma-press", "hkma"),
    "apple": (EN, "", "Apple Newsroom", "apple-newsroom", "apple"),
    "gnews": (EN, "", "Google News", "google-news-alibaba", "gnews"),
    "gnews-tech": (EN, "", "Google News", "google-news-china-tech", "gnews"),
    "gnews-mkts": (EN, "", "Google News", "google-news-hk-markets", "gnews"),
    # Chinese, simplified
    "caixin": (ZH, S, "财新网", "caixin-zh", "caixin"),
    "yicai": (ZH, S, "第一财经", "yicai-news", "yicai"),
    "jiemian": (ZH, S, "界面新闻", "jiemian-tech", "jiemian"),
    "36kr": (ZH, S, "36氪", "36kr-newsflash", "36kr"),
    "sina": (ZH, S, "新浪财经", "sina-finance", "sina"),
    "stcn": (ZH, S, "证券时报", "stcn-news", "stcn"),
    "21jingji": (ZH, S, "21世纪经济报道", "21jingji", "21jingji"),
    "thepaper": (ZH, S, "澎湃新闻", "thepaper-business", "thepaper"),
    "xinhua": (ZH, S, "新华社", "xinhua-zh", "xinhua"),
    "people": (ZH, S, "人民日报", "people-finance", "people"),
    "huanqiu": (ZH, S, "环球时报", "huanqiu", "huanqiu"),
    "cctv": (ZH, S, "央视新闻", "cctv-news", "cctv"),
    "ithome": (ZH, S, "IT之家", "ithome", "ithome"),
    "qbitai": (ZH, S, "量子位", "qbitai", "qbitai"),
    "jiqizhixin": (ZH, S, "机器之心", "jiqizhixin", "jiqizhixin"),
    "wallstreetcn": (ZH, S, "华尔街见闻", "wallstreetcn-live", "wallstreetcn"),
    "gelonghui": (ZH, S, "格隆汇", "gelonghui-live", "gelonghui"),
    "zhitong": (ZH, S, "智通财经", "zhitongcaijing", "zhitong"),
    "zaobao": (ZH, S, "联合早报", "zaobao-china", "zaobao"),
    "ftchinese": (ZH, S, "FT中文网", "ftchinese", "ftchinese"),
    "cls": (ZH, S, "财联社", "cls-telegraph", "cls"),
    "latepost": (ZH, S, "晚点LatePost", "latepost", "latepost"),
    "tmtpost": (ZH, S, "钛媒体", "tmtpost", "tmtpost"),
    "eeo": (ZH, S, "经济观察网", "eeo", "eeo"),
    "cs": (ZH, S, "中国证券报", "cs-com-cn", "cs"),
    "bjnews": (ZH, S, "新京报", "bjnews", "bjnews"),
    "guancha": (ZH, S, "观察者网", "guancha", "guancha"),
    "cnstock": (ZH, S, "上海证券报", "cnstock", "cnstock"),
    "mofcom": (ZH, S, "商务部", "mofcom-news", "mofcom"),
    "pbc": (ZH, S, "中国人民银行", "pbc-news", "pbc"),
    "govcn": (ZH, S, "中国政府网", "gov-cn", "govcn"),
    "samr": (ZH, S, "国家市场监督管理总局", "samr-news", "samr"),
    "fmprc": (ZH, S, "外交部", "fmprc-press", "fmprc"),
    "nppa": (ZH, S, "国家新闻出版署", "nppa-news", "nppa"),
    "mct": (ZH, S, "文化和旅游部", "mct-news", "mct"),
    "gnews-zh": (ZH, S, "Google 新闻", "google-news-zh-cn", "gnews"),
    # Chinese, traditional
    "etnet": (ZH, T, "經濟通", "etnet-news", "etnet"),
    "cna": (ZH, T, "中央社", "cna-finance", "cna:afe"),
    "cna-world": (ZH, T, "中央社", "cna-world", "cna:aopl"),
    "rthk": (ZH, T, "香港電台", "rthk-finance", "rthk"),
    "mingpao": (ZH, T, "明報", "mingpao-instant", "mingpao"),
    "hkej": (ZH, T, "信報", "hkej-instant", "hkej"),
    "hket": (ZH, T, "香港經濟日報", "hket-instant", "hket"),
    "oncc": (ZH, T, "東網", "oncc-finance", "oncc"),
    "ltn": (ZH, T, "自由時報", "ltn-business", "ltn"),
    "udn": (ZH, T, "經濟日報", "udn-money", "udn"),
    "cnyes": (ZH, T, "鉅亨網", "cnyes-news", "cnyes"),
    "ctee": (ZH, T, "工商時報", "ctee", "ctee"),
    "aastocks": (ZH, T, "阿思達克", "aastocks-news", "aastocks"),
    "singtao": (ZH, T, "星島頭條", "stheadline-finance", "singtao"),
    "hk01": (ZH, T, "香港01", "hk01-finance", "hk01"),
    "tvb": (ZH, T, "無綫新聞", "tvb-finance", "tvb"),
    "bnext": (ZH, T, "數位時代", "bnext", "bnext"),
    "technews": (ZH, T, "科技新報", "technews-tw", "technews"),
    "wenweipo": (ZH, T, "文匯報", "wenweipo", "wenweipo"),
    "voa": (ZH, T, "美國之音", "voa-chinese", "voa"),
    "bbc-zh": (ZH, T, "BBC中文", "bbc-zhongwen-trad", "bbc-zh"),
    "gnews-hk": (ZH, T, "Google 新聞", "google-news-zh-hk", "gnews"),
}


def _h(*parts, n=8, digits=False):
    d = hashlib.sha256("|".join(parts).encode()).hexdigest()
    if digits:
        return str(int(d, 16))[:n]
    return d[:n]


def slugify(title, words=12):
    t = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    t = re.sub(r"['’]", "", t.lower())
    w = [x for x in re.split(r"[^a-z0-9]+", t) if x][:words]
    return "-".join(w)


def make_link(key, title, when):
    """when: '2027-01-07T21:34:00Z'."""
    pat = SOURCES[key][4]
    y, m, d = when[:4], when[5:7], when[8:10]
    ymd, ym = f"{y}{m}{d}", f"{y}{m}"
    s = slugify(title)
    h = lambda n=8, digits=False: _h(key, title, when, n=n, digits=digits)
    name, _, arg = pat.partition(":")
    if name == "reuters":
        return f"https://www.reuters.com/{arg}/{s}-{y}-{m}-{d}/"
    if name == "bloomberg":
        return f"https://www.bloomberg.com/news/articles/{y}-{m}-{d}/{s}"
    if name == "cnbc":
        return f"https://www.cnbc.com/{y}/{m}/{d}/{s}.html"
    if name == "scmp":
        return f"https://www.scmp.com/{arg}/article/33{h(5, True)}/{s}"
    if name == "caixinglobal":
        return f"https://www.caixinglobal.com/{y}-{m}-{d}/{s}-102{h(6, True)}.html"
    if name == "nikkei":
        return "https://asia.nikkei.com/Business/China-tech/" + "-".join(
            w.capitalize() for w in s.split("-"))
    if name == "ft":
        x = _h(key, title, when, n=32)
        return f"https://www.ft.com/content/{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"
    if name == "wsj":
        return f"https://www.wsj.com/{arg}/{s}-{h(8)}"
    if name == "ap":
        return f"https://apnews.com/article/{s}-{h(32)}"
    if name == "techcrunch":
        return f"https://techcrunch.com/{y}/{m}/{d}/{s}/"
    if name == "verge":
        return f"https://www.theverge.com/news/{h(6, True)}/{s}"
    if name == "theregister":
        return f"https://www.theregister.com/{y}/{m}/{d}/{'_'.join(s.split('-')[:6])}/"
    if name == "globaltimes":
        return f"https://www.globaltimes.cn/page/{ym}/13{h(5, True)}.shtml"
    if name == "xinhua-en":
        return f"https://english.news.cn/{ymd}/{h(32)}/c.html"
    if name == "chinadaily":
        return f"https://www.chinadaily.com.cn/a/{ym}/{d}/WS{h(24)}.html"
    if name == "rthk-en":
        return f"https://news.rthk.hk/rthk/en/component/k2/18{h(5, True)}-{ymd}.htm"
    if name == "thestandard":
        return f"https://www.thestandard.com.hk/breaking-news/article/2{h(5, True)}/" + "-".join(
            w.capitalize() for w in s.split("-"))
    if name == "barrons":
        return f"https://www.barrons.com/articles/{s}-{h(8)}"
    if name == "seekingalpha":
        return f"https://seekingalpha.com/news/45{h(5, True)}-{s}"
    if name == "ibd":
        return f"https://www.investors.com/news/technology/{s}/"
    if name == "electrek":
        return f"https://electrek.co/{y}/{m}/{d}/{s}/"
    if name == "cnevpost":
        return f"https://cnevpost.com/{y}/{m}/{d}/{s}/"
    if name == "restofworld":
        return f"https://restofworld.org/{y}/{s}/"
    if name == "politico":
        return f"https://www.politico.com/news/{y}/{m}/{d}/{s}-00{h(6, True)}"
    if name == "thehill":
        return f"https://thehill.com/policy/technology/5{h(6, True)}-{s}/"
    if name == "lightreading":
        return f"https://www.lightreading.com/regulatory-politics/{s}"
    if name == "variety":
        return f"https://variety.com/{y}/film/box-office/{s}-12{h(8, True)}/"
    if name == "dealstreetasia":
        return f"https://www.dealstreetasia.com/stories/{s}-4{h(5, True)}"
    if name == "coindesk":
        return f"https://www.coindesk.com/policy/{y}/{m}/{d}/{s}"
    if name == "venturebeat":
        return f"https://venturebeat.com/ai/{s}"
    if name == "macrumors":
        return f"https://www.macrumors.com/{y}/{m}/{d}/{'-'.join(s.split('-')[:7])}/"
    if name == "gamesindustry":
        return f"https://www.gamesindustry.biz/{s}"
    if name == "dod":
        return f"https://www.war.gov/News/Releases/Release/Article/4{h(6, True)}/{s}/"
    if name == "bis":
        return f"https://www.bis.gov/press-release/{s}"
    if name == "fedreg":
        return f"https://www.federalregister.gov/documents/{y}/{m}/{d}/{y}-0{h(4, True)}/{s}"
    if name == "fcc":
        return f"https://www.fcc.gov/document/{'-'.join(s.split('-')[:8])}"
    if name == "treasury":
        return f"https://home.treasury.gov/news/press-releases/sb0{h(3, True)}"
    if name == "commerce":
        return f"https://www.commerce.gov/news/press-releases/{y}/{m}/{s}"
    if name == "house-ccp":
        return f"https://selectcommitteeontheccp.house.gov/media/press-releases/{s}"
    if name == "congress":
        return f"https://www.congress.gov/bill/120th-congress/senate-bill/{h(4, True)[:4]}"
    if name == "courtlistener":
        return (f"https://www.courtlistener.com/docket/7{h(7, True)}/"
                "alibaba-group-holding-limited-v-united-states-department-of-defense/")
    if name == "edgar":
        n = h(5, True)
        return (f"https://www.sec.gov/Archives/edgar/data/1577552/00011046592{y[2:]}0{n}/"
                f"0001104659-{y[2:]}-0{n}-index.htm")
    if name == "businesswire":
        return f"https://www.businesswire.com/news/home/{ymd}{h(6, True)}/en/" + "-".join(
            w.capitalize() for w in s.split("-"))
    if name == "prnewswire":
        return f"https://www.prnewswire.com/news-releases/{s}-30{h(7, True)}.html"
    if name == "globenewswire":
        return (f"https://www.globenewswire.com/news-release/{y}/{m}/{d}/3{h(6, True)}/0/en/"
                + "-".join(w.capitalize() for w in s.split("-")) + ".html")
    if name == "alizila":
        return f"https://www.alizila.com/{s}/"
    if name == "alicloud-blog":
        return f"https://www.alibabacloud.com/blog/{'-'.join(s.split('-')[:9])}_60{h(4, True)}"
    if name == "alicloud-status":
        return f"https://status.alibabacloud.com/#/incident/{ymd}{h(4, True)}"
    if name == "hkex":
        return (f"https://www1.hkexnews.hk/listedco/listconews/sehk/{y}/{m}{d}/"
                f"{ymd}00{h(3, True)}.pdf")
    if name == "ec":
        return f"https://ec.europa.eu/commission/presscorner/detail/en/ip_{y[2:]}_{h(3, True)}"
    if name == "fmprc-en":
        return f"https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/{ym}/t{ymd}_{h(8, True)}.html"
    if name == "hkma":
        return f"https://www.hkma.gov.hk/eng/news-and-media/press-releases/{y}/{m}/{ymd}-3/"
    if name == "apple":
        return f"https://www.apple.com/newsroom/{y}/{m}/{s}/"
    if name == "gnews":
        x = hashlib.sha256((key + title + when).encode()).digest()
        import base64
        b = base64.urlsafe_b64encode(x + hashlib.sha256(x).digest()).decode().rstrip("=")
        return f"https://news.google.com/rss/articles/CBMi{b[:84]}?oc=5"
    # Chinese outlets
    if name == "caixin":
        return f"https://companies.caixin.com/{y}-{m}-{d}/102{h(6, True)}.html"
    if name == "yicai":
        return f"https://www.yicai.com/news/10{h(7, True)}.html"
    if name == "jiemian":
        return f"https://www.jiemian.com/article/1{h(7, True)}.html"
    if name == "36kr":
        return f"https://36kr.com/newsflashes/3{h(11, True)}"
    if name == "sina":
        return (f"https://finance.sina.com.cn/stock/hkstock/ggscyd/{y}-{m}-{d}/"
                f"doc-inh{''.join(chr(97 + int(c, 16) % 26) for c in h(7))}.shtml")
    if name == "stcn":
        return f"https://www.stcn.com/article/detail/1{h(6, True)}.html"
    if name == "21jingji":
        return f"https://www.21jingji.com/article/{ymd}/herald/{h(32)}.html"
    if name == "thepaper":
        return f"https://www.thepaper.cn/newsDetail_forward_3{h(7, True)}"
    if name == "xinhua":
        return f"https://www.news.cn/fortune/{ymd}/{h(32)}/c.html"
    if name == "people":
        return f"http://finance.people.com.cn/n1/{y}/{m}{d}/c1004-4{h(7, True)}.html"
    if name == "huanqiu":
        return f"https://world.huanqiu.com/article/4{h(10)}"
    if name == "cctv":
        return f"https://news.cctv.com/{y}/{m}/{d}/ARTI{h(20)}.shtml"
    if name == "ithome":
        x = h(6, True)
        return f"https://www.ithome.com/0/{x[:3]}/{x[3:]}.htm"
    if name == "qbitai":
        return f"https://www.qbitai.com/{y}/{m}/3{h(5, True)}.html"
    if name == "jiqizhixin":
        return f"https://www.jiqizhixin.com/articles/{y}-{m}-{d}-{h(1, True)}"
    if name == "wallstreetcn":
        return f"https://wallstreetcn.com/livenews/3{h(6, True)}"
    if name == "gelonghui":
        return f"https://www.gelonghui.com/live/2{h(6, True)}"
    if name == "zhitong":
        return f"https://www.zhitongcaijing.com/content/detail/1{h(6, True)}.html"
    if name == "zaobao":
        return f"https://www.zaobao.com.sg/news/china/story{ymd}-{h(7, True)}"
    if name == "ftchinese":
        return f"https://www.ftchinese.com/story/0010{h(5, True)}"
    if name == "cls":
        return f"https://www.cls.cn/detail/2{h(6, True)}"
    if name == "latepost":
        return f"https://www.latepost.com/news/dj_detail?id={h(4, True)}"
    if name == "tmtpost":
        return f"https://www.tmtpost.com/7{h(6, True)}.html"
    if name == "eeo":
        return f"https://www.eeo.com.cn/{y}/{m}{d}/{h(6, True)}.shtml"
    if name == "cs":
        return f"https://www.cs.com.cn/ssgs/gsxw/{ym}/t{ymd}_6{h(6, True)}.html"
    if name == "bjnews":
        return f"https://www.bjnews.com.cn/detail/17{h(8, True)}.html"
    if name == "guancha":
        return f"https://www.guancha.cn/economy/{y}_{m}_{d}_{h(6, True)}.shtml"
    if name == "cnstock":
        return f"https://news.cnstock.com/news,bwkx-{ym}-5{h(6, True)}.htm"
    if name == "mofcom":
        return f"https://www.mofcom.gov.cn/xwfb/xwfyrth/art/{y}/art_{h(32)}.html"
    if name == "pbc":
        return f"http://www.pbc.gov.cn/goutongjiaoliu/113456/113469/5{h(6, True)}/index.html"
    if name == "govcn":
        return f"https://www.gov.cn/yaowen/liebiao/{ym}/content_7{h(6, True)}.htm"
    if name == "samr":
        return f"https://www.samr.gov.cn/xw/zj/art/{y}/art_{h(32)}.html"
    if name == "fmprc":
        return f"https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/{ym}/t{ymd}_{h(8, True)}.shtml"
    if name == "nppa":
        return f"https://www.nppa.gov.cn/xxfb/tzgs/{ym}/t{ymd}_{h(6, True)}.html"
    if name == "mct":
        return f"https://www.mct.gov.cn/whzx/whyw/{ym}/t{ymd}_{h(6, True)}.htm"
    if name == "etnet":
        return ("https://www.etnet.com.hk/www/tc/news/categorized_news_detail.php"
                f"?category=latest&newsid=ETN{h(6, True)}")
    if name == "cna":
        return f"https://www.cna.com.tw/news/{arg}/{ymd}{h(4, True)}.aspx"
    if name == "rthk":
        return f"https://news.rthk.hk/rthk/ch/component/k2/18{h(5, True)}-{ymd}.htm"
    if name == "mingpao":
        return ("https://news.mingpao.com/ins/%e5%8d%b3%e6%99%82%e6%96%b0%e8%81%9e/article/"
                f"{ymd}/s00004/17{h(11, True)}")
    if name == "hkej":
        return f"https://www2.hkej.com/instantnews/stock/article/4{h(6, True)}"
    if name == "hket":
        return f"https://inews.hket.com/article/4{h(6, True)}"
    if name == "oncc":
        return (f"https://hk.on.cc/hk/bkn/cnt/finance/{ymd}/"
                f"bkn-{ymd}{h(6, True)}_00842_001.html")
    if name == "ltn":
        return f"https://ec.ltn.com.tw/article/breakingnews/5{h(6, True)}"
    if name == "udn":
        return f"https://money.udn.com/money/story/5599/9{h(6, True)}"
    if name == "cnyes":
        return f"https://news.cnyes.com/news/id/6{h(6, True)}"
    if name == "ctee":
        return f"https://www.ctee.com.tw/news/{ymd}{h(6, True)}-430704"
    if name == "aastocks":
        return f"http://www.aastocks.com/tc/stocks/news/aafn-con/NOW.1{h(6, True)}/popular-news"
    if name == "singtao":
        return f"https://www.stheadline.com/realtime-finance/3{h(6, True)}/"
    if name == "hk01":
        return f"https://www.hk01.com/article/1{h(6, True)}"
    if name == "tvb":
        return f"https://news.tvb.com/tc/finance/{h(24)}"
    if name == "bnext":
        return f"https://www.bnext.com.tw/article/9{h(4, True)}"
    if name == "technews":
        return f"https://technews.tw/{y}/{m}/{d}/?p=9{h(5, True)}"
    if name == "wenweipo":
        return f"https://www.wenweipo.com/a/{ym}/{d}/AP{h(24)}.html"
    if name == "voa":
        return f"https://www.voachinese.com/a/7{h(6, True)}.html"
    if name == "bbc-zh":
        return f"https://www.bbc.com/zhongwen/trad/chinese-news-{h(8, True)}"
    raise KeyError(pat)


STORIES = []
ITEMS = []


def story(slug, family, event, negatives, items):
    """items: (when 'MM-DD HH:MM' UTC, outlet key, title, summary[, link])."""
    STORIES.append({"story": slug, "family": family, "event": event, "negatives": negatives})
    for it in items:
        when, key, title, summary = it[:4]
        link = it[4] if len(it) > 4 else None
        lang, script, source, feed, _ = SOURCES[key]
        published = f"2027-{when[:5]}T{when[6:]}:00Z"
        if link == "^":  # the same article arriving through a second feed
            link = ITEMS[-1]["link"]
        elif link is None:
            link = make_link(key, title, published)
        ITEMS.append({"story": slug, "lang": lang, "script": script, "source": source,
                      "feed": feed, "title": title, "summary": summary, "link": link,
                      "published": published})
