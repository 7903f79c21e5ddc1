"""Outlet table, link shapes and the story/item helpers for part d (story stream 3).

Every headline and summary in m05_may.py .. m08_aug.py was written by hand. Only the links
are built here, in each outlet's URL shape, from a hash of the item, so that they are stable.
An item written with {"also": "<outlet key>"} arrives a second time through that outlet's
other feed, with the same link (the same article in two feeds).
"""
import hashlib
import re

# key: (source, feed, lang, script, link shape)
OUTLETS = {
    # --- English: wires, papers, broadcasters, trade press ---
    "reuters": ("Reuters", "reuters-business", "en", "", "https://www.reuters.com/business/{slug}-{y}-{m}-{d}/"),
    "reuters-tech": ("Reuters", "reuters-technology", "en", "", "https://www.reuters.com/technology/{slug}-{y}-{m}-{d}/"),
    "reuters-china": ("Reuters", "reuters-china", "en", "", "https://www.reuters.com/world/china/{slug}-{y}-{m}-{d}/"),
    "breakingviews": ("Reuters Breakingviews", "breakingviews", "en", "", "https://www.reuters.com/breakingviews/{slug}-{y}-{m}-{d}/"),
    "bloomberg": ("Bloomberg", "bloomberg-markets", "en", "", "https://www.bloomberg.com/news/articles/{y}-{m}-{d}/{slug}"),
    "bloomberg-tech": ("Bloomberg", "bloomberg-technology", "en", "", "https://www.bloomberg.com/news/articles/{y}-{m}-{d}/{slug}"),
    "bbg-opinion": ("Bloomberg Opinion", "bloomberg-opinion", "en", "", "https://www.bloomberg.com/opinion/articles/{y}-{m}-{d}/{slug}"),
    "cnbc": ("CNBC", "cnbc-technology", "en", "", "https://www.cnbc.com/{y}/{m}/{d}/{slug}.html"),
    "wsj": ("The Wall Street Journal", "wsj-tech", "en", "", "https://www.wsj.com/tech/{slug}-{hex8}"),
    "ft": ("Financial Times", "ft-companies", "en", "", "https://www.ft.com/content/{uuid}"),
    "ft-lex": ("Financial Times", "ft-lex", "en", "", "https://www.ft.com/content/{uuid}"),
    "nikkei": ("Nikkei Asia", "nikkei-asia-tech", "en", "", "https://asia.nikkei.com/business/technology/{slug}"),
    "scmp": ("South China Morning Post", "scmp-tech", "en", "", "https://www.scmp.com/tech/big-tech/article/{n7}/{slug}"),
    "scmp-biz": ("South China Morning Post", "scmp-business", "en", "", "https://www.scmp.com/business/companies/article/{n7}/{slug}"),
    "standard": ("The Standard", "thestandard-business", "en", "", "https://www.thestandard.com.hk/market/article/{n6}/{slug}"),
    "rthk-en": ("RTHK", "rthk-english", "en", "", "https://news.rthk.hk/rthk/en/component/k2/{n7}-{y}{m}{d}.htm"),
    "caixin-en": ("Caixin Global", "caixinglobal", "en", "", "https://www.caixinglobal.com/{y}-{m}-{d}/{slug}-{n9}.html"),
    "yicai-en": ("Yicai Global", "yicaiglobal", "en", "", "https://www.yicaiglobal.com/news/{slug}"),
    "technode": ("TechNode", "technode", "en", "", "https://technode.com/{y}/{m}/{d}/{slug}/"),
    "pandaily": ("Pandaily", "pandaily", "en", "", "https://pandaily.com/{slug}/"),
    "techcrunch": ("TechCrunch", "techcrunch", "en", "", "https://techcrunch.com/{y}/{m}/{d}/{slug}/"),
    "verge": ("The Verge", "theverge", "en", "", "https://www.theverge.com/news/{n6}/{slug}"),
    "register": ("The Register", "theregister", "en", "", "https://www.theregister.com/{y}/{m}/{d}/{slug_}/"),
    "ap": ("Associated Press", "ap-business", "en", "", "https://apnews.com/article/{slug}-{hex32}"),
    "politico": ("Politico", "politico-technology", "en", "", "https://www.politico.com/news/{y}/{m}/{d}/{slug}-{n8}"),
    "politico-eu": ("Politico Europe", "politico-eu-tech", "en", "", "https://www.politico.eu/article/{slug}/"),
    "thehill": ("The Hill", "thehill-technology", "en", "", "https://thehill.com/policy/technology/{n7}-{slug}/"),
    "axios": ("Axios", "axios-china", "en", "", "https://www.axios.com/{y}/{m}/{d}/{slug}"),
    "marketwatch": ("MarketWatch", "marketwatch-topstories", "en", "", "https://www.marketwatch.com/story/{slug}-{hex8}"),
    "investing": ("Investing.com", "investing-stock-news", "en", "", "https://www.investing.com/news/stock-market-news/{slug}-{n7}"),
    "sa": ("Seeking Alpha", "seekingalpha-news", "en", "", "https://seekingalpha.com/news/{n7}-{slug}"),
    "law360": ("Law360", "law360-securities", "en", "", "https://www.law360.com/articles/{n7}/{slug}"),
    "tomshw": ("Tom's Hardware", "tomshardware", "en", "", "https://www.tomshardware.com/tech-industry/{slug}"),
    "digitimes": ("DigiTimes Asia", "digitimes-asia", "en", "", "https://www.digitimes.com/news/a{y}{m}{d}PD{n3}/{slug}.html"),
    "globaltimes": ("Global Times", "globaltimes-biz", "en", "", "https://www.globaltimes.cn/page/{y}{m}/{n7}.shtml"),
    "alizila": ("Alizila", "alizila", "en", "", "https://www.alizila.com/{slug}/"),
    "alibabacloud": ("Alibaba Cloud", "alibabacloud-press", "en", "", "https://www.alibabacloud.com/press-room/{slug}"),
    # --- English: primary documents (mostly title-only feeds) ---
    "bw": ("Business Wire", "businesswire-technology", "en", "", "https://www.businesswire.com/news/home/{y}{m}{d}{n6}/en/{Slug}"),
    "prn": ("PR Newswire", "prnewswire-asia", "en", "", "https://www.prnewswire.com/news-releases/{slug}-30{n7}.html"),
    "gnw": ("GlobeNewswire", "globenewswire-tech", "en", "", "https://www.globenewswire.com/news-release/{y}/{m}/{d}/{n7}/0/en/{Slug}.html"),
    "edgar": ("SEC EDGAR", "edgar-current-6k-20f", "en", "", "https://www.sec.gov/Archives/edgar/data/1577552/000110465927{n6}/0001104659-27-{n6}-index.htm"),
    "hkex-en": ("HKEXnews", "hkexnews-en", "en", "", "https://www1.hkexnews.hk/listedco/listconews/sehk/{y}/{m}{d}/{y}{m}{d}{n5}.pdf"),
    "fedreg": ("Federal Register", "federalregister-commerce-defense", "en", "", "https://www.federalregister.gov/documents/{y}/{m}/{d}/{y}-{n5}/{slug}"),
    "defense": ("U.S. Department of Defense", "defense-releases", "en", "", "https://www.defense.gov/News/Releases/Release/Article/{n7}/{slug}/"),
    "bis": ("Bureau of Industry and Security", "bis-press", "en", "", "https://www.bis.gov/press-release/{slug}"),
    "commerce": ("U.S. Department of Commerce", "commerce-press", "en", "", "https://www.commerce.gov/news/press-releases/{y}/{m}/{slug}"),
    "fcc": ("Federal Communications Commission", "fcc-headlines", "en", "", "https://www.fcc.gov/document/{slug}"),
    "treasury": ("U.S. Department of the Treasury", "treasury-press", "en", "", "https://home.treasury.gov/news/press-releases/sb{n4}"),
    "selectcomm": ("House Select Committee on the CCP", "selectcommittee-press", "en", "", "https://selectcommitteeontheccp.house.gov/media/press-releases/{slug}"),
    "congress": ("Congress.gov", "congress-bill-actions", "en", "", "https://www.congress.gov/bill/120th-congress/house-bill/2417/all-actions?a={n6}"),
    "whitehouse": ("The White House", "whitehouse-briefings", "en", "", "https://www.whitehouse.gov/briefings-statements/{y}/{m}/{slug}/"),
    "courtlistener": ("CourtListener", "courtlistener-alerts", "en", "", "https://www.courtlistener.com/docket/{n8}/{n3}/{slug}/"),
    "ec": ("European Commission", "ec-presscorner", "en", "", "https://ec.europa.eu/commission/presscorner/detail/en/ip_27_{n4}"),
    "gnews": ("Google News", "gnews-alibaba", "en", "", "https://news.google.com/rss/articles/CBMi{b64}?oc=5"),
    # --- Chinese, Simplified ---
    "xinhua": ("新华网", "xinhuanet-fortune", "zh", "simplified", "http://www.news.cn/fortune/{y}{m}{d}/{hex32}/c.html"),
    "cctv": ("央视新闻", "cctv-news", "zh", "simplified", "https://news.cctv.com/{y}/{m}/{d}/ARTI{alnum20}{y2}{m}{d}.shtml"),
    "chinanews": ("中国新闻网", "chinanews-world", "zh", "simplified", "https://www.chinanews.com.cn/gn/{y}/{m}-{d}/{n8}.shtml"),
    "caixin": ("财新网", "caixin-companies", "zh", "simplified", "https://companies.caixin.com/{y}-{m}-{d}/{n9}.html"),
    "yicai": ("第一财经", "yicai", "zh", "simplified", "https://www.yicai.com/news/10{n7}.html"),
    "21jj": ("21世纪经济报道", "21jingji", "zh", "simplified", "https://www.21jingji.com/article/{y}{m}{d}/herald/{hex32}.html"),
    "jiemian": ("界面新闻", "jiemian-tech", "zh", "simplified", "https://www.jiemian.com/article/1{n7}.html"),
    "stcn": ("证券时报", "stcn", "zh", "simplified", "https://www.stcn.com/article/detail/{n7}.html"),
    "eeo": ("经济观察报", "eeo-editorial", "zh", "simplified", "https://www.eeo.com.cn/{y}/{m}{d}/{n6}.shtml"),
    "sina": ("新浪财经", "sina-finance-hkstock", "zh", "simplified", "https://finance.sina.com.cn/stock/hkstock/ggscyd/{y}-{m}-{d}/doc-in{alnum13}.shtml"),
    "sina-us": ("新浪财经", "sina-finance-usstock", "zh", "simplified", "https://finance.sina.com.cn/stock/usstock/c/{y}-{m}-{d}/doc-in{alnum13}.shtml"),
    "36kr": ("36氪", "36kr", "zh", "simplified", "https://36kr.com/p/3{n12}"),
    "latepost": ("晚点LatePost", "latepost", "zh", "simplified", "https://www.latepost.com/news/dj_detail?id={n4}"),
    "ithome": ("IT之家", "ithome", "zh", "simplified", "https://www.ithome.com/0/{n3}/{n3b}.htm"),
    "qbitai": ("量子位", "qbitai", "zh", "simplified", "https://www.qbitai.com/{y}/{m}/{n6}.html"),
    "jqzx": ("机器之心", "jiqizhixin", "zh", "simplified", "https://www.jiqizhixin.com/articles/{y}-{m}-{d}-{n1}"),
    "mofcom": ("商务部", "mofcom-news", "zh", "simplified", "http://www.mofcom.gov.cn/article/xwfb/{y}{m}/{y}{m}{d}{n6}.shtml"),
    "mfa": ("外交部", "mfa-briefings", "zh", "simplified", "https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/{y}{m}/t{y}{m}{d}_{n8}.shtml"),
    "samr": ("国家市场监督管理总局", "samr-news", "zh", "simplified", "https://www.samr.gov.cn/xw/zj/art/{y}/art_{hex32}.html"),
    "huanqiu": ("环球网", "huanqiu-tech", "zh", "simplified", "https://world.huanqiu.com/article/4{alnum10}"),
    "wscn": ("华尔街见闻", "wallstreetcn", "zh", "simplified", "https://wallstreetcn.com/articles/3{n6}"),
    "cls": ("财联社", "cls-telegraph", "zh", "simplified", "https://www.cls.cn/detail/2{n6}"),
    "nbd": ("每日经济新闻", "nbd", "zh", "simplified", "https://www.nbd.com.cn/articles/{y}-{m}-{d}/{n7}.html"),
    "zaobao": ("联合早报", "zaobao-china", "zh", "simplified", "https://www.zaobao.com.sg/realtime/china/story{y}{m}{d}-{n7}"),
    "ftcn": ("FT中文网", "ftchinese", "zh", "simplified", "https://www.ftchinese.com/story/001{n9}"),
    "alibaba-zh": ("阿里巴巴集团", "alibabagroup-news-zh", "zh", "simplified", "https://www.alibabagroup.com/document-{n10}"),
    "aliyun-zh": ("阿里云", "aliyun-news", "zh", "simplified", "https://www.aliyun.com/notice/11{n4}"),
    "zhitong": ("智通财经", "zhitongcaijing", "zh", "simplified", "https://www.zhitongcaijing.com/content/detail/1{n6}.html"),
    "gelonghui": ("格隆汇", "gelonghui-live", "zh", "simplified", "https://www.gelonghui.com/live/{n7}"),
    # --- Chinese, Traditional: Hong Kong, Taiwan, overseas ---
    "mingpao": ("明報", "mingpao-finance", "zh", "traditional", "https://news.mingpao.com/ins/instantnews/web_tc/article/{y}{m}{d}/s00004/{n13}"),
    "hkej": ("信報", "hkej-instant", "zh", "traditional", "https://www2.hkej.com/instantnews/stock/article/{n7}"),
    "hket": ("香港經濟日報", "hket-finance", "zh", "traditional", "https://inews.hket.com/article/{n7}"),
    "hk01": ("香港01", "hk01-finance", "zh", "traditional", "https://www.hk01.com/article/10{n6}"),
    "oncc": ("東網", "oncc-finance", "zh", "traditional", "https://hk.on.cc/hk/bkn/cnt/finance/{y}{m}{d}/bkn-{y}{m}{d}{n6}-{m}{d}_00842_001.html"),
    "singtao": ("星島日報", "singtao-finance", "zh", "traditional", "https://std.stheadline.com/realtime/article/2{n6}"),
    "wenweipo": ("文匯報", "wenweipo-finance", "zh", "traditional", "https://www.wenweipo.com/a/{y}{m}/{d}/AP{hex24}.html"),
    "takung": ("大公報", "takungpao-finance", "zh", "traditional", "https://www.tkww.hk/a/{y}{m}/{d}/AP{hex24}.html"),
    "rthk-zh": ("香港電台", "rthk-chinese", "zh", "traditional", "https://news.rthk.hk/rthk/ch/component/k2/{n7}-{y}{m}{d}.htm"),
    "aastocks": ("阿思達克", "aastocks-tc-news", "zh", "traditional", "http://www.aastocks.com/tc/stocks/news/aafn-con/NOW.{n7}/popular-news"),
    "etnet": ("經濟通", "etnet-news", "zh", "traditional", "https://www.etnet.com.hk/www/tc/news/categorized_news_detail.php?newsid=ETN{n9}"),
    "cna": ("中央社", "cna-finance", "zh", "traditional", "https://www.cna.com.tw/news/afe/{y}{m}{d}{n4}.aspx"),
    "udn": ("聯合新聞網", "udn-global", "zh", "traditional", "https://udn.com/news/story/6809/{n7}"),
    "ltn": ("自由時報", "ltn-business", "zh", "traditional", "https://ec.ltn.com.tw/article/breakingnews/{n7}"),
    "cnyes": ("鉅亨網", "cnyes-global-stock", "zh", "traditional", "https://news.cnyes.com/news/id/{n7}"),
    "ctee": ("工商時報", "ctee-china", "zh", "traditional", "https://www.ctee.com.tw/news/{y}{m}{d}{n6}-430704"),
    "voa": ("美國之音", "voachinese", "zh", "traditional", "https://www.voachinese.com/a/{slugen}-{y}{m}{d}/{n7}.html"),
    "rfa": ("自由亞洲電台", "rfa-mandarin", "zh", "traditional", "https://www.rfa.org/mandarin/yataibaodao/jingmao/{slugen}-{m}{d}{y}{n6}.html"),
    "dw": ("德國之聲", "dw-zh-hant", "zh", "traditional", "https://www.dw.com/zh-hant/{slugen}/a-7{n7}"),
    "bbc-zh": ("BBC中文", "bbc-zhongwen-trad", "zh", "traditional", "https://www.bbc.com/zhongwen/trad/chinese-news-7{n7}"),
    "hkex-zh": ("披露易", "hkexnews-zh", "zh", "traditional", "https://www1.hkexnews.hk/listedco/listconews/sehk/{y}/{m}{d}/{y}{m}{d}{n5}_c.pdf"),
}

# Chinese-language outlets whose links carry an English slug get it from the item's "en" option.


def _digits(h, n, salt):
    x = int(hashlib.sha256((h + salt).encode()).hexdigest(), 16)
    return str(10 ** (n - 1) + x % (9 * 10 ** (n - 1)))


def slugify(text, maxwords=11):
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    return "-".join(words[:maxwords]) or "news"


def make_link(key, when, title, story, opts):
    shape = OUTLETS[key][4]
    h = hashlib.sha256(f"{story}|{key}|{title}|{when}".encode()).hexdigest()
    slug = slugify(opts.get("en", title)) if shape.find("{slugen}") < 0 else ""
    alnum = "".join(c for c in hashlib.sha256((h + "a").encode()).hexdigest() if c.isalnum())
    values = {
        "y": when[0:4], "y2": when[2:4], "m": when[5:7], "d": when[8:10],
        "slug": slug, "slug_": slug.replace("-", "_"),
        "Slug": "-".join(w.capitalize() for w in slug.split("-")),
        "slugen": slugify(opts.get("en", "china news"), 8),
        "hex8": h[:8], "hex24": h[8:32], "hex32": h[:32],
        "uuid": f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}",
        "alnum10": alnum[:10], "alnum13": alnum[:13], "alnum20": alnum[:20].upper(),
        "b64": hashlib.sha256((h + "g").encode()).hexdigest()[:48],
    }
    for n in range(1, 14):
        values[f"n{n}"] = _digits(h, n, "n")
    values["n3b"] = _digits(h, 3, "b")
    return shape.format(**values)


def S(story, family, event, negatives, items):
    return {"story": story, "family": family, "event": event, "negatives": negatives,
            "items": items}
