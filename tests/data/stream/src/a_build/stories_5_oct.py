# Part A, October 2026.
from common import I, S

# ---------------------------------------------------------------- Tue 2026-10-06 Moody's
S("a-moodys-outlook-negative", "a-credit-rating",
  "Moody's affirms Alibaba's A1 ratings and changes the outlook to negative from stable on Tue 2026-10-06, citing "
  "heavier AI capex, negative free cash flow, quick-commerce losses and US restrictions.",
  ["a-dim-sum-bond", "a-convertible-bond-offering", "a-breakingviews-ai-capex"],
  [
    I("moodys-ratings", "10-06 08:40", "Moody's affirms Alibaba's A1 ratings; changes outlook to negative",
      "Hong Kong, October 06, 2026 -- Moody's Ratings (Moody's) has today affirmed Alibaba Group Holding Limited's A1 "
      "issuer and senior unsecured debt ratings. At the same time, we have changed the outlook to negative from stable."),
    I("bloomberg-markets", "10-06 09:10", "Alibaba's Outlook Cut to Negative at Moody's on AI Spending Surge",
      "Moody's said Alibaba Group Holding Ltd.'s plan to spend more than 480 billion yuan on AI infrastructure will keep "
      "free cash flow negative for at least two years."),
    I("sina-finance", "10-06 10:05", "穆迪将阿里巴巴评级展望下调至负面 确认A1评级",
      "穆迪表示，阿里巴巴资本开支大幅增加、即时零售业务亏损以及美国限制措施，将令其未来两年自由现金流持续为负。"),
    I("reuters-business", "10-06 10:20", "Moody's revises Alibaba outlook to negative on heavy AI spending, US curbs",
      "Moody's on Tuesday cut its outlook on Alibaba Group to negative from stable, saying heavy spending on artificial "
      "intelligence and food delivery and U.S. restrictions on its cloud unit would weaken its credit metrics."),
    I("hkej", "10-06 22:40", "穆迪降阿里評級展望至負面",
      "評級機構穆迪確認阿里巴巴A1發行人評級，但將展望由穩定降至負面，阿里美元債息差應聲擴闊。"),
    I("scmp-business", "10-06 12:10", "Moody's turns negative on Alibaba as AI spending and delivery war drain cash",
      "The rating agency affirmed Alibaba's A1 rating."),
  ])

# ---------------------------------------------------------------- Tue 2026-10-06 lawsuit
S("a-alibaba-sues-commerce", "a-litigation",
  "Alibaba Group and Alibaba Cloud (Singapore) sue the Commerce Department and BIS in federal court in Washington on "
  "Tue 2026-10-06, claiming the Sept 17 entity listing was arbitrary and capricious and seeking to have it vacated.",
  ["a-court-remands-1260h", "a-shareholder-class-action", "a-bis-entity-list-cloud-affiliates",
   "a-alibaba-denies-pentagon", "a-pentagon-rejects-delisting"],
  [
    I("reuters-china", "10-06 19:20", "Alibaba sues US Commerce Department over cloud unit blacklisting",
      "Alibaba Group sued the U.S. Commerce Department on Tuesday, asking a federal judge to strike down last month's "
      "decision to add seven overseas affiliates of its cloud business to a trade blacklist."),
    I("bloomberg-markets", "10-06 19:45", "Alibaba Sues Commerce to Overturn Entity-List Designation of Cloud Units",
      "The complaint, filed in Washington, says the Bureau of Industry and Security gave no evidence that the units "
      "had any link to China's military."),
    I("law360", "10-06 21:00", "Alibaba Says Commerce Blacklisted Cloud Units Without Evidence",
      "Alibaba's suit under the Administrative Procedure Act is its second against a federal agency this year."),
    I("scmp-china", "10-07 00:30",
      "Alibaba takes US Commerce Department to court over blacklisting of cloud affiliates",
      "The lawsuit follows Alibaba's February suit against the Pentagon over its 'Chinese military company' label."),
    I("cna", "10-07 01:10", "阿里巴巴控告美國商務部 要求撤銷阿里雲實體清單",
      "（中央社華盛頓6日綜合外電報導）阿里巴巴今天在華府聯邦法院對美國商務部提告，要求撤銷將阿里雲7家海外子公司列入實體清單的決定。"),
    I("sina-finance", "10-07 01:40", "阿里巴巴起诉美国商务部 要求撤销将阿里云列入实体清单",
      "阿里巴巴在起诉书中称，美国商务部的决定“武断且反复无常”，违反《行政程序法》。"),
    I("politico", "10-06 21:40", "Alibaba takes Commerce to court over entity listing of its cloud units",
      "It is the company's second lawsuit against the Trump administration this year."),
  ])

# ---------------------------------------------------------------- Sat 2026-10-10 SAMR fine
S("a-samr-fine", "a-regulatory-fine",
  "China's market regulator SAMR fines Alibaba 920 million yuan on Sat 2026-10-10 for unfair competition in its instant "
  "retail (Taobao Instant Commerce) subsidy campaigns, including forcing merchants into subsidies and below-cost pricing; "
  "Alibaba says it accepts the penalty.",
  ["a-eu-aliexpress-dsa-fine", "a-shares-rise-after-samr-fine", "a-taobao-shangou-county"],
  [
    I("samr", "10-10 02:00", "市场监管总局依法对阿里巴巴即时零售业务不正当竞争行为作出行政处罚", ""),
    I("xinhua", "10-10 02:15", "市场监管总局对阿里巴巴处以9.2亿元罚款",
      "新华社北京10月10日电 市场监管总局10日公布，依据《反不正当竞争法》对阿里巴巴在即时零售业务中强制商家参与补贴、"
      "以低于成本价格销售等行为处以罚款9.2亿元，并责令其全面整改。"),
    I("caixin", "10-10 02:40", "阿里巴巴因即时零售补贴被罚9.2亿元 须连续三年提交合规报告",
      "这是外卖大战以来监管部门对平台企业开出的首张罚单。"),
    I("yicai", "10-10 03:00", "阿里回应被罚9.2亿元：诚恳接受，坚决服从",
      "阿里巴巴表示，将严格落实整改要求，规范补贴行为，维护公平竞争的市场秩序。"),
    I("etnet", "10-10 03:10", "阿里巴巴(09988)遭市監總局罰款9.2億人民幣",
      "國家市場監管總局指阿里巴巴在即時零售業務中存在不正當競爭行為，罰款9.2億元人民幣。"),
    I("reuters-china", "10-10 03:20", "China fines Alibaba $130 million over food-delivery subsidy war",
      "China's market regulator fined Alibaba Group 920 million yuan ($129 million) on Saturday for unfair competition "
      "in its instant retail business, the first penalty since a costly subsidy battle with Meituan and JD.com began."),
    I("bloomberg-markets", "10-10 03:35", "China Fines Alibaba 920 Million Yuan Over Delivery Subsidy Battle",
      "The penalty is a fraction of the record 18.2 billion yuan Alibaba Group Holding Ltd. paid in 2021."),
    I("cna", "10-10 04:10", "中國市場監管總局罰阿里巴巴9.2億人民幣",
      "（中央社台北10日電）中國國家市場監督管理總局今天宣布，以不正當競爭為由對阿里巴巴罰款9.2億元人民幣。"),
    I("scmp-business", "10-10 05:00",
      "China's market regulator fines Alibaba 920 million yuan, far below 2021's record penalty",
      "Alibaba, which owns the Post, said it 'sincerely accepts' the penalty and would rectify its practices."),
    I("cnbc-world", "10-10 04:20", "China fines Alibaba 920 million yuan over instant retail practices",
      "China's State Administration for Market Regulation fined Alibaba 920 million yuan ($129 million) for unfair "
      "competition in instant retail. Alibaba said it accepts the penalty. Its Hong Kong shares will trade on Monday."),
    I("gnews-alibaba", "10-10 05:30", "China fines Alibaba over food delivery subsidy war - Financial Times", "",
      source="Financial Times"),
  ])

# ---------------------------------------------------------------- Mon 2026-10-12 market reaction
S("a-shares-rise-after-samr-fine", "a-share-move",
  "Market reaction to the SAMR fine in the first full trading day, Mon 2026-10-12: Alibaba rises 4.6% in Hong Kong to "
  "HK$130.5 as the modest fine removes an overhang; ADRs gain in New York the same day.",
  ["a-samr-fine", "a-shares-rally-qwen5", "a-shares-rally-jun-q-results", "a-buyback-upsized"],
  [
    I("hket", "10-12 01:45", "阿里罰款靴子落地 高開逾4%",
      "市監總局對阿里罰款9.2億元人民幣，金額低於市場預期，阿里巴巴今早高開4.2%。"),
    I("etnet", "10-12 08:10", "阿里巴巴(09988)收升4.6% 成交增至130億元",
      "阿里巴巴今日收報130.5元，升4.6%，為表現最好的恒指成份股之一。"),
    I("sina-finance", "10-12 08:20", "港股收评：阿里巴巴涨4.6% 罚款落地利空出尽",
      "截至收盘，恒生指数涨0.8%，恒生科技指数涨1.5%。阿里巴巴-W(09988)涨4.6%。"),
    I("reuters-markets", "10-12 08:25", "Alibaba shares jump 4.6% as fine ends regulatory overhang",
      "Alibaba Group's Hong Kong shares rose 4.6% on Monday, as investors bet a smaller-than-feared antitrust fine "
      "announced over the weekend drew a line under Beijing's scrutiny of the food-delivery price war."),
    I("scmp-markets", "10-12 09:00", "Alibaba stock rises as investors shrug off 920 million yuan fine",
      "Analysts said the fine, equal to about two days of Alibaba's profit, was smaller than expected."),
    I("marketwatch", "10-12 20:20", "Alibaba's stock rallies after China fine seen as lighter than feared",
      "Alibaba's U.S.-listed shares rose 3.9% Monday."),
    I("bloomberg-markets", "10-12 02:05", "Alibaba Rises as China's Modest Fine Removes Regulatory Cloud",
      "Alibaba Group Holding Ltd. gained as much as 5.1% in Hong Kong after the weekend penalty."),
  ])

# ---------------------------------------------------------------- Tue 2026-10-13 22:30 UTC buyback
S("a-buyback-upsized", "a-capital-return",
  "Alibaba's board adds US$15 billion to its share repurchase programme and extends it to March 2029, announced "
  "Tue 2026-10-13 22:30 UTC (before the Hong Kong open on Oct 14); it bought back US$1.3 billion in Sept-Oct.",
  ["a-convertible-bond-offering", "a-dim-sum-bond", "a-shares-rise-after-samr-fine", "a-results-jun-q-2026"],
  [
    I("hkexnews-alibaba", "10-13 22:30",
      "VOLUNTARY ANNOUNCEMENT - UPSIZE AND EXTENSION OF SHARE REPURCHASE PROGRAM", ""),
    I("bloomberg-markets", "10-13 22:50", "Alibaba Adds $15 Billion to Buyback After Stock Slump",
      "Alibaba Group Holding Ltd. increased its share repurchase program by $15 billion and extended it through March 2029."),
    I("reuters-business", "10-13 23:40", "Alibaba boosts share buyback by $15 billion, extends it to 2029",
      "Alibaba Group said on Wednesday its board had approved a $15 billion increase to its share buyback programme, "
      "after its shares fell on a string of U.S. measures against its cloud business."),
    I("etnet", "10-13 23:55", "阿里巴巴(09988)增加150億美元回購額度",
      "阿里巴巴公布，董事會批准增加150億美元股份回購額度，回購計劃有效期延長至2029年3月。"),
    I("sina-finance", "10-14 00:30", "阿里巴巴宣布增加150亿美元股份回购计划 延长至2029年3月",
      "公告显示，9月至10月间阿里巴巴已回购约13亿美元股份。"),
    I("scmp-business", "10-14 02:40", "Alibaba tops up buyback by US$15 billion to support battered shares",
      "The company has spent US$1.3 billion on repurchases since early September."),
    I("cnbc-world", "10-14 03:20", "Alibaba adds $15 billion to share buyback program, extends it to 2029",
      "Alibaba's board approved a $15 billion increase to its share repurchase program. Unused authorization now "
      "stands at $26.4 billion."),
  ])

# ---------------------------------------------------------------- Wed 2026-10-14 senators' letter
S("a-senators-letter-index-providers", "a-us-congress-letter",
  "Senators Tom Whitcomb (R-Tenn.) and Maria Castellano (D-Ariz.) write on Wed 2026-10-14 to MSCI, FTSE Russell and "
  "S&P Dow Jones Indices urging them to drop Alibaba from their benchmarks because of its Pentagon and entity listings.",
  ["a-house-letter-commerce-cloud", "a-mfa-response-index-letter", "a-senate-foreign-cloud-bill",
   "a-sec-comment-letter"],
  [
    I("senate-press", "10-14 16:00",
      "Whitcomb, Castellano Press Index Providers to Drop Alibaba From Benchmarks",
      "U.S. Senators Tom Whitcomb and Maria Castellano today sent letters to MSCI, FTSE Russell and S&P Dow Jones Indices "
      "questioning the continued inclusion of Alibaba Group in indexes tracked by American retirement savers."),
    I("reuters-business", "10-14 17:30", "US senators urge MSCI, FTSE Russell to remove Alibaba from indexes",
      "Two U.S. senators on Wednesday urged major index providers to remove Alibaba Group from their benchmarks, "
      "saying American investors were funding a company the Pentagon has linked to China's military."),
    I("bloomberg-markets", "10-14 17:50", "Senators Ask Index Giants to Cut Alibaba, Citing Pentagon Blacklist",
      "Passive funds tracking MSCI and FTSE benchmarks hold billions of dollars of Alibaba Group Holding Ltd. stock."),
    I("wallstreetcn", "10-15 00:20", "美国两名参议员致信MSCI等指数公司 要求剔除阿里巴巴",
      "两名美国参议员致信MSCI、富时罗素和标普道琼斯指数，要求将阿里巴巴从相关指数中剔除。"),
    I("scmp-china", "10-15 00:40", "US senators want Alibaba out of global stock indices in new pressure campaign",
      "Index inclusion brings billions of dollars of passive investment into Alibaba's shares."),
    I("ltn", "10-15 01:30", "美參議員促指數公司剔除阿里巴巴",
      "美國兩黨參議員聯名致函MSCI等指數編製公司，要求將被列為中國軍事企業的阿里巴巴剔除於指數之外。"),
    I("politico", "10-14 19:40", "Senators lean on index providers to drop Alibaba",
      "The letters set an Oct. 30 deadline for responses from MSCI, FTSE Russell and S&P Dow Jones Indices."),
  ])

# ---------------------------------------------------------------- Thu 2026-10-15 MFA
S("a-mfa-response-index-letter", "a-china-response",
  "China's foreign ministry spokesperson Lin Jian, at the regular briefing on Thu 2026-10-15, responds to the US "
  "senators' call to drop Alibaba from indexes, telling US politicians to stop politicising capital markets.",
  ["a-mfa-response-us-cloud-actions", "a-senators-letter-index-providers"],
  [
    I("huanqiu", "10-15 08:30", "美议员要求指数公司剔除阿里巴巴 外交部：停止将经贸问题政治化",
      "外交部发言人林剑在今天的例行记者会上表示，美国个别政客将资本市场问题政治化，损害的是包括美国投资者在内的各方利益。"),
    I("cna", "10-15 08:50", "美議員促指數剔除阿里 中國外交部：反對泛政治化",
      "（中央社台北15日電）中國外交部發言人林劍今天回應美國參議員要求指數公司剔除阿里巴巴一事，稱反對將經貿問題政治化。"),
    I("global-times", "10-15 09:00",
      "Chinese FM slams US lawmakers' push to drop Alibaba from indexes as 'politicizing capital markets'",
      "Lin Jian said the move would ultimately hurt American investors."),
    I("fmprc", "10-15 09:45", "2026年10月15日外交部发言人林剑主持例行记者会", ""),
    I("reuters-china", "10-15 09:20", "China says US senators' push to drop Alibaba from indexes politicises markets",
      "China's foreign ministry on Thursday criticised a call by two U.S. senators for index providers to remove "
      "Alibaba Group from their benchmarks."),
  ])

# ---------------------------------------------------------------- Thu 2026-10-15 Double 11 kick-off
S("a-double11-kickoff", "a-sales-festival",
  "Taobao and Tmall open the 2026 Double 11 festival at 20:00 Beijing on Thu 2026-10-15 with 30 billion yuan of vouchers "
  "and subsidies and AI shopping agents; the festival runs to Nov 11.",
  ["a-double11-tally", "a-double11-syntun-data", "a-tmall-618-tally", "a-taobao-shangou-county"],
  [
    I("36kr", "10-15 12:05", "天猫双11今晚开启 淘宝发放300亿元消费券",
      "今年淘宝天猫双11于10月15日晚8点开启，持续至11月11日，平台将发放总额300亿元的消费券和补贴。"),
    I("reuters-china", "10-15 12:30", "Alibaba kicks off Singles' Day shopping festival with 30 billion yuan in vouchers",
      "Alibaba Group launched its Singles' Day shopping festival on Thursday, offering 30 billion yuan ($4.2 billion) in "
      "vouchers and subsidies as it tries to lift spending amid weak consumer confidence."),
    I("thepaper", "10-15 13:10", "淘宝天猫双11开跑 AI购物助手首次全程导购",
      "今年双11首次由AI购物助手“淘宝问问”全程参与选品、比价和凑单，淘宝闪购也首次全面参与双11。"),
    I("scmp-business", "10-15 14:00",
      "Alibaba starts Singles' Day with AI shopping agents and 30 billion yuan in subsidies",
      "This year's festival is the first in which Alibaba's instant commerce service takes part."),
    I("singtao", "10-15 23:30", "淘寶天貓雙11開賣 派300億元消費券",
      "淘寶天貓雙11購物節昨晚8時開鑼，平台派發總值300億元人民幣消費券，活動至11月11日。"),
    I("bloomberg-technology", "10-15 12:50", "Alibaba Starts Singles' Day With 30 Billion Yuan of Subsidies",
      "Alibaba Group Holding Ltd. is leaning on AI shopping agents and instant delivery to revive spending."),
    I("cnbc-world", "10-16 01:10", "Alibaba's Singles' Day is here, and AI agents are doing the shopping",
      "This year's festival runs from Oct. 15 to Nov. 11. Alibaba is handing out 30 billion yuan in vouchers and "
      "subsidies."),
  ])

# ---------------------------------------------------------------- Tue 2026-10-20 12:00 UTC Qwen5
S("a-qwen5-release", "a-qwen-release",
  "Alibaba launches Qwen5 on Tue 2026-10-20 (12:00 UTC): a trillion-parameter-class flagship Qwen5-Max via API and eight "
  "open-weight Qwen5 models up to 235B parameters, claiming leads over top US models on several benchmarks.",
  ["a-qwen4-coder-release", "a-shares-rally-qwen5", "a-apsara-ai-capex-pledge", "a-chief-ai-scientist-hire"],
  [
    I("36kr", "10-20 12:15", "阿里发布千问5：旗舰模型Qwen5-Max多项基准超越国际顶尖闭源模型",
      "10月20日晚，阿里巴巴发布新一代大模型千问5，旗舰版Qwen5-Max参数规模超万亿，同时开源8款模型，最大为2350亿参数。"),
    I("sina-tech", "10-20 12:30", "阿里巴巴发布新一代大模型千问5 同步开源8款模型",
      "千问5系列原生支持多模态输入和智能体工具调用，Qwen5-Max已在阿里云百炼平台上线。"),
    I("reuters-tech", "10-20 12:40",
      "Alibaba launches Qwen5 AI model, claims it beats top US systems on key benchmarks",
      "Alibaba Group launched the fifth generation of its Qwen artificial intelligence models on Tuesday, saying its "
      "flagship outperformed leading U.S. models on several benchmarks for coding, maths and agent tasks."),
    I("bloomberg-technology", "10-20 12:55", "Alibaba Unveils Qwen5 in Bid to Lead China's Open-Source AI Race",
      "Alibaba Group Holding Ltd. released eight open-weight versions alongside the flagship Qwen5-Max."),
    I("scmp-tech", "10-20 13:40",
      "Alibaba's Qwen5 debuts with trillion-parameter flagship and 8 open-source siblings | South China Morning Post",
      "The release comes a month after Alibaba raised its AI infrastructure budget to more than 480 billion yuan."),
    I("cna", "10-20 14:00", "阿里巴巴發表通義千問5 稱多項測試超越美國模型",
      "（中央社台北20日電）阿里巴巴今晚發表新一代大型語言模型千問5，宣稱在程式設計、數學等多項基準測試中超越美國頂尖模型。"),
    I("cnbc-tech", "10-20 14:30", "Alibaba releases Qwen5 as China's AI model race heats up",
      "Alibaba's new flagship model has more than 1 trillion parameters. Eight smaller versions, up to 235 billion "
      "parameters, are free to download."),
    I("venturebeat", "10-20 16:00", "Qwen5 is here: Alibaba's open-weight family tops Hugging Face trending within hours",
      "The 235B-A22B model is the one most enterprises will actually run."),
    I("etnet", "10-21 00:40", "阿里巴巴(09988)發布千問5大模型 同步開源8款",
      "阿里巴巴昨晚發布新一代大模型千問5，旗艦版Qwen5-Max參數逾萬億。"),
    I("techcrunch", "10-20 15:20", "Alibaba's Qwen5 arrives with eight open-weight models",
      "The largest open model has 235B parameters; the flagship Qwen5-Max stays behind an API."),
    I("the-register", "10-20 17:10", "Alibaba lobs Qwen5 over the wall, claims benchmark wins over US rivals",
      "Eight open models and one very large closed one."),
  ])

# ---------------------------------------------------------------- Tue 2026-10-20 US session / Wed 2026-10-21 HK session
S("a-shares-rally-qwen5", "a-share-move",
  "Market reaction to the Qwen5 launch in the first full session of each market: ADRs rise 5.2% in New York on "
  "Tue 2026-10-20 and Hong Kong shares rise 7.5% to HK$143.9 on Wed 2026-10-21, leading a tech rally.",
  ["a-qwen5-release", "a-shares-rally-jun-q-results", "a-shares-rise-after-samr-fine"],
  [
    I("marketwatch", "10-20 20:25", "Alibaba stock climbs 5% as Qwen5 launch revives AI trade",
      "Alibaba's U.S.-listed shares rose 5.2% Tuesday after the company launched its Qwen5 family of AI models."),
    I("gelonghui", "10-21 01:50", "阿里巴巴港股高开5% 千问5发布提振AI情绪",
      "格隆汇10月21日丨阿里巴巴-W(09988.HK)高开5.1%，隔夜美股涨5.2%。"),
    I("bloomberg-markets", "10-21 02:10", "Alibaba Jumps in Hong Kong as Qwen5 Model Rekindles AI Optimism",
      "Alibaba Group Holding Ltd. rose as much as 8.1%, lifting other Chinese AI stocks."),
    I("etnet", "10-21 08:10", "阿里巴巴(09988)收升7.5% 科指升2.1%",
      "阿里巴巴今日收報143.9元，升7.5%，帶動AI概念股造好。"),
    I("sina-finance", "10-21 08:20", "港股收评：阿里巴巴大涨7.5% AI概念股走强",
      "截至收盘，恒生科技指数涨2.1%，阿里巴巴-W涨7.5%，金山云、商汤等AI概念股跟涨。"),
    I("reuters-markets", "10-21 08:25", "Alibaba leads Hong Kong tech rally, jumps 7.5% after Qwen5 launch",
      "Alibaba Group's Hong Kong shares rose 7.5% on Wednesday, their biggest gain in two months, as investors cheered "
      "the launch of its latest artificial intelligence models."),
    I("hkej", "10-21 22:30", "千問5發布 阿里股價彈7.5%",
      "阿里巴巴昨日股價急升7.5%，收報143.9元，一周累升超過一成。"),
    I("barrons", "10-20 21:00", "Alibaba Stock Jumps. Qwen5 Is a Reminder It's an AI Play.",
      "The new models put Alibaba back in the AI conversation."),
  ])

# ---------------------------------------------------------------- Thu 2026-10-22 Ant International IPO filing
S("a-ant-international-ipo-filing", "a-unit-ipo",
  "Ant International, Ant Group's Singapore-based overseas payments arm, files for a Hong Kong IPO on Thu 2026-10-22 that "
  "could raise about US$4 billion.",
  ["a-freshippo-ipo-filing", "a-ant-hkd-stablecoin-launch"],
  [
    I("bloomberg-markets", "10-22 10:30", "Ant International Files for Hong Kong IPO That Could Raise $4 Billion",
      "Ant International, the overseas unit of Jack Ma-backed Ant Group Co., filed for a Hong Kong listing."),
    I("reuters-business", "10-22 11:20", "Ant Group's international arm files for Hong Kong listing",
      "Ant International filed for an initial public offering in Hong Kong on Thursday, the first listing attempt by an "
      "Ant Group business since regulators halted the parent's record IPO in 2020."),
    I("jiemian", "10-22 11:50", "蚂蚁国际向港交所递表",
      "招股书显示，蚂蚁国际2025年收入约32亿美元，已实现盈利。"),
    I("hket", "10-22 12:30", "螞蟻國際遞表 擬集資約300億港元",
      "螞蟻集團旗下海外業務螞蟻國際向港交所遞交上市申請，據報集資約40億美元。"),
    I("scmp-business", "10-22 13:00",
      "Ant International files for Hong Kong IPO, first listing attempt since Ant's 2020 collapse",
      "The Singapore-based payments firm runs Alipay+ and the Antom merchant network."),
    I("straits-times", "10-22 14:00", "Singapore-based Ant International files for Hong Kong listing",
      "Ant International has its headquarters in Singapore."),
  ])

# ---------------------------------------------------------------- Mon 2026-10-26 hire
S("a-chief-ai-scientist-hire", "a-exec-change",
  "Alibaba hires former Google DeepMind principal scientist Liang Shuhan (梁书涵) as its first chief AI scientist, "
  "reporting to CEO Eddie Wu, announced Mon 2026-10-26.",
  ["a-aidc-president-appointment", "a-qwen5-release", "a-wu-letter-qwen-business-group"],
  [
    I("latepost", "10-26 03:30", "前DeepMind科学家梁书涵加盟阿里 出任首席AI科学家",
      "晚点获悉，谷歌DeepMind前首席科学家之一梁书涵已加盟阿里巴巴，出任集团首席AI科学家，向CEO吴泳铭汇报。"),
    I("bloomberg-technology", "10-26 04:10",
      "Alibaba Hires Former DeepMind Scientist Liang Shuhan as Chief AI Scientist",
      "Alibaba Group Holding Ltd. created the role as it competes for talent with ByteDance and Tencent."),
    I("scmp-tech", "10-26 06:00", "Alibaba poaches DeepMind veteran as first chief AI scientist in talent race",
      "Liang will oversee research at Alibaba's Tongyi Lab, which develops the Qwen models."),
    I("zaobao", "10-26 07:00", "阿里巴巴延揽前DeepMind科学家任首席AI科学家",
      "阿里巴巴证实，前谷歌DeepMind科学家梁书涵出任首席AI科学家。"),
    I("hk01", "10-26 08:00", "阿里挖角DeepMind科學家梁書涵 任首席AI科學家",
      "阿里巴巴宣布委任前Google DeepMind首席科學家梁書涵為集團首席AI科學家，負責通義實驗室研究。"),
    I("reuters-tech", "10-26 05:30", "Alibaba hires former Google DeepMind scientist as chief AI scientist",
      "Alibaba Group said on Monday it had appointed Liang Shuhan, a former principal scientist at Google DeepMind, "
      "to the newly created role of chief AI scientist."),
    I("the-information", "10-26 14:00", "Why Alibaba Lured a DeepMind Veteran Back to China",
      "Liang's hiring follows a string of returnee researchers joining Chinese labs."),
  ])

# ---------------------------------------------------------------- Wed 2026-10-28 Senate bill
S("a-senate-foreign-cloud-bill", "a-us-legislation",
  "Senators Grant Holloway (R-Okla.) and Denise Ortega (D-N.M.) introduce the Foreign Adversary Cloud Exclusion Act on "
  "Wed 2026-10-28, which would bar federal agencies, contractors and critical-infrastructure operators from cloud and AI "
  "services of 1260H-listed companies, naming Alibaba Cloud, Huawei Cloud and Tencent Cloud.",
  ["a-house-letter-commerce-cloud", "a-senators-letter-index-providers", "a-pentagon-contractor-cloud-ban",
   "a-fcc-covered-list-final", "a-icts-initial-determination"],
  [
    I("senate-press", "10-28 17:00",
      "Holloway, Ortega Introduce Bipartisan Bill to Keep Chinese Military-Linked Clouds Out of U.S. Networks", ""),
    I("reuters-tech", "10-28 18:20", "US senators introduce bill to ban Alibaba, Huawei cloud services from federal use",
      "A bipartisan pair of U.S. senators on Wednesday introduced legislation that would bar federal agencies and their "
      "contractors from using cloud services from Alibaba Group, Huawei and other companies the Pentagon has tied to "
      "China's military."),
    I("the-record", "10-28 19:30", "Senate bill would bar Alibaba Cloud, Huawei Cloud from critical infrastructure",
      "The Foreign Adversary Cloud Exclusion Act would also cover operators of power grids and water systems."),
    I("scmp-china", "10-29 01:00", "New US Senate bill targets Alibaba Cloud, Huawei Cloud in critical infrastructure",
      "The bill would give Commerce 180 days to publish a list of covered cloud providers."),
    I("cna", "10-29 01:30", "美參議員提法案 禁聯邦機構使用阿里雲、華為雲",
      "（中央社華盛頓28日綜合外電報導）美國兩黨參議員今天提出「外國對手雲端排除法案」，禁止聯邦機構與承包商使用阿里雲等中國雲端服務。"),
    I("sina-finance", "10-29 02:00", "美参议员提出法案 拟禁止联邦机构使用阿里云等中国云服务",
      "法案点名阿里云、华为云和腾讯云，要求美国商务部在180天内公布受限云服务商名单。"),
    I("bloomberg-technology", "10-28 19:00", "Senators Propose Barring Alibaba, Huawei Clouds From US Infrastructure",
      "The bipartisan bill would cover federal agencies, their contractors and critical infrastructure operators."),
  ])
