# Part A, August 2026.
from common import I, S

# ---------------------------------------------------------------- Tue 2026-08-04
S("a-sec-comment-letter", "a-sec",
  "SEC correspondence with Alibaba, made public on EDGAR on Tue 2026-08-04, shows SEC staff asked Alibaba to expand 20-F "
  "risk disclosure on its Pentagon 1260H designation and on state users of its Qwen models; Alibaba agreed to enhance "
  "future filings.",
  ["a-shareholder-class-action", "a-senators-letter-index-providers", "a-commerce-icts-probe"],
  [
    I("sec-edgar-corresp", "08-04 14:02", "UPLOAD - Alibaba Group Holding Ltd (0001577552) (Subject)", ""),
    I("sec-edgar-corresp", "08-04 14:03", "CORRESP - Alibaba Group Holding Ltd (0001577552) (Filer)", ""),
    I("reuters-business", "08-04 19:45",
      "SEC pressed Alibaba to expand disclosure of Pentagon listing risks, letters show",
      "The U.S. Securities and Exchange Commission asked Alibaba Group to tell investors more about the risks from its "
      "designation as a Chinese military company, according to correspondence published on Tuesday."),
    I("bloomberg-markets", "08-04 20:30", "SEC Asked Alibaba to Detail Risks From Pentagon Blacklist",
      "SEC staff also questioned Alibaba Group Holding Ltd. about government and military users of its Qwen AI models, "
      "according to letters posted on the agency's website. Alibaba replied that it would expand disclosures in future filings."),
    I("wallstreetcn", "08-05 01:15", "美SEC致函阿里巴巴 要求补充披露“1260H清单”相关风险",
      "美国证交会公开的往来函件显示，SEC要求阿里巴巴在年报中进一步说明被列入美国国防部1260H清单的风险。"),
    I("scmp-china", "08-05 01:40", "US securities regulator sought more Alibaba disclosure on military-list risks",
      "The SEC comment letter, dated July 10, also asked about state users of Alibaba's Qwen models."),
    I("cna", "08-05 02:30", "美國證交會要求阿里巴巴加強揭露被列中國軍事企業風險",
      "（中央社華盛頓4日綜合外電報導）美國證券交易委員會公布的信函顯示，證交會要求阿里巴巴在年報中更詳細揭露遭國防部列入「中國軍事企業」名單的風險。"),
  ])

# ---------------------------------------------------------------- Thu 2026-08-06
S("a-cloud-price-cut-august", "a-cloud-pricing",
  "Alibaba Cloud cuts prices of about 120 core products (compute, storage, databases) in its international regions by "
  "an average of 23%, effective Sept 1, announced in Singapore on Thu 2026-08-06.",
  ["a-cloud-price-cut-june", "a-cloud-outage-singapore"],
  [
    I("reuters-tech", "08-06 09:20", "Alibaba Cloud cuts overseas prices by average 23% to win customers from US rivals",
      "Alibaba Group's cloud unit said on Thursday it would cut prices for its international customers by an average of 23% "
      "from September, as it competes with Amazon, Microsoft and Google in Southeast Asia and the Middle East."),
    I("tech-in-asia", "08-06 09:50", "Alibaba Cloud announces biggest international price cut yet",
      "About 120 products, including elastic compute and object storage, get cheaper from September 1."),
    I("the-register", "08-06 10:15", "Alibaba Cloud cuts international prices by nearly a quarter",
      "Storage, compute and databases all get cheaper. The AI models were already cheap."),
    I("21jingji", "08-06 10:30", "阿里云国际站核心产品平均降价23%",
      "阿里云宣布，9月1日起国际站约120款核心产品平均降价23%，涵盖云服务器、对象存储及数据库，是其海外市场最大规模降价。"),
    I("hket", "08-06 11:00", "阿里雲海外大減價 逾百款產品平均降23%",
      "阿里雲宣布下月起國際站約120款產品平均減價23%，以爭奪東南亞及中東客戶。"),
    I("scmp-tech", "08-06 12:40", "Alibaba Cloud cuts overseas prices by 23% in bid to take on AWS in Asia",
      "The cuts cover about 120 products and take effect on September 1."),
  ])

# ---------------------------------------------------------------- Tue 2026-08-11
S("a-cloud-outage-singapore", "a-service-outage",
  "Alibaba Cloud's Singapore region (ap-southeast-1) Zone C suffers an outage from 06:40 to about 09:55 UTC on "
  "Tue 2026-08-11, caused by a cooling failure at a data centre; ECS, RDS and apps across Southeast Asia, including "
  "Lazada checkout, are disrupted; cause and restoration reported the same day.",
  ["a-dingtalk-outage", "a-cloud-price-cut-august", "a-cloud-price-cut-june"],
  [
    I("alibabacloud-status", "08-11 06:58",
      "[Investigating] Service disruption in Singapore (ap-southeast-1) Zone C",
      "We are investigating elevated error rates and instance unavailability for ECS, RDS and SLB in Zone C of the "
      "Singapore region. Further updates will follow."),
    I("straits-times", "08-11 08:10", "Alibaba Cloud outage disrupts apps across Singapore, region",
      "Users of several shopping, payment and logistics apps reported errors on Tuesday afternoon."),
    I("zaobao", "08-11 09:00", "阿里云新加坡区域故障 多个应用服务中断",
      "阿里云新加坡区域星期二（8月11日）下午出现故障，包括来赞达在内的多个电商与支付应用无法正常使用。"),
    I("the-register", "08-11 09:30", "Alibaba Cloud's Singapore zone goes dark, takes Lazada checkout with it",
      "Status page blames 'infrastructure' as single-zone customers learn the usual lesson."),
    I("reuters-tech", "08-11 10:40",
      "Alibaba Cloud restores Singapore services after three-hour outage blamed on cooling failure",
      "Alibaba Group's cloud unit said services in its Singapore region had been restored after a failure in a data "
      "centre's cooling system knocked out servers for more than three hours on Tuesday."),
    I("sina-tech", "08-11 11:20", "阿里云新加坡节点宕机超3小时 官方称机房制冷系统故障",
      "阿里云表示，故障由新加坡某数据中心制冷系统异常导致服务器过热保护所致，目前已全部恢复，将按SLA进行赔付。"),
    I("cna", "08-11 12:00", "阿里雲新加坡機房故障 東南亞多項服務中斷逾3小時",
      "阿里雲新加坡區域今天發生故障，影響東南亞多個電商及支付應用程式，中斷逾3小時，官方歸咎於機房冷卻系統失靈。"),
    I("dcd", "08-11 13:30", "Cooling failure knocks out Alibaba Cloud Singapore zone for three hours",
      "Alibaba Cloud said overheating triggered server protection in one data hall."),
  ])

# ---------------------------------------------------------------- Thu 2026-08-13
S("a-cainiao-brazil-hub", "a-cainiao",
  "Cainiao opens a 60,000 sq m automated sorting hub in Cajamar near Sao Paulo with capacity of 1.2 million parcels a day, "
  "serving AliExpress, on Thu 2026-08-13.",
  ["a-cloud-latam-datacentres", "a-cainiao-double11-parcels"],
  [
    I("reuters-business", "08-13 15:10",
      "Alibaba's Cainiao opens Brazil logistics hub as AliExpress pushes into Latin America",
      "Cainiao, the logistics arm of Alibaba Group, opened an automated sorting centre near Sao Paulo on Thursday, "
      "aiming to cut delivery times for AliExpress orders in Brazil to under five days."),
    I("supplychaindive", "08-13 18:20", "Cainiao opens 1.2M-parcel-a-day sorting hub in Brazil",
      "The Cajamar facility is Cainiao's largest outside Asia."),
    I("36kr", "08-14 00:30", "菜鸟巴西智能分拨中心启用 日处理能力120万件",
      "菜鸟位于巴西圣保罗州卡雅马尔的智能分拨中心正式启用，面积6万平方米，日处理能力120万件包裹。"),
    I("money-udn", "08-14 02:00", "菜鳥巴西物流中心啟用 搶攻拉美電商",
      "阿里巴巴旗下物流公司菜鳥在巴西聖保羅啟用自動化分揀中心，每日可處理120萬件包裹。"),
    I("scmp-business", "08-14 03:30", "Alibaba's Cainiao opens its biggest hub outside Asia in Brazil",
      "The Cajamar centre can process 1.2 million parcels a day."),
  ])

# ---------------------------------------------------------------- Tue 2026-08-18
S("a-quark-ai-glasses-s2", "a-ai-consumer",
  "Alibaba's Quark launches its second-generation AI glasses, Quark AI Glasses S2, priced from 2,499 yuan, "
  "running Qwen, on Tue 2026-08-18; shipments from Aug 25.",
  ["a-qwen-app-mau", "a-wu-letter-qwen-business-group"],
  [
    I("ithome", "08-18 06:20", "夸克AI眼镜S2发布：2499元起，接入千问大模型",
      "IT之家 8 月 18 日消息，夸克 AI 眼镜 S2 今日发布，搭载 1200 万像素摄像头，续航提升 40%，8 月 25 日起发货。"),
    I("36kr", "08-18 07:00", "阿里夸克AI眼镜二代亮相，叠加国补后1999元",
      "这是千问事业群成立后发布的首款硬件。夸克称一代产品上市半年销量突破50万副。"),
    I("scmp-tech", "08-18 09:10",
      "Alibaba's Quark AI glasses get cheaper second version as smart eyewear race heats up",
      "The S2 starts at 2,499 yuan and runs Alibaba's Qwen models for translation, navigation and shopping."),
    I("hk01", "08-18 10:00", "阿里夸克AI眼鏡S2發布 售價2499元人民幣起",
      "阿里巴巴旗下夸克今日發布第二代AI眼鏡，內置千問大模型，支援即時翻譯及導航。"),
    I("technode", "08-18 08:30", "Alibaba's Quark launches second-generation AI glasses from RMB 2,499",
      "The S2 adds a 12MP camera and longer battery life, and ships on August 25."),
    I("bloomberg-technology", "08-18 09:40", "Alibaba Cuts Price of AI Glasses to Take On Xiaomi, Meta",
      "The second-generation Quark glasses cost 1,999 yuan after state subsidies."),
  ])

# ---------------------------------------------------------------- Thu 2026-08-20
S("a-lazada-layoffs", "a-international-commerce",
  "Alibaba's Southeast Asian e-commerce unit Lazada cuts about 10% of staff across its six markets, per an internal "
  "memo reported on Thu 2026-08-20.",
  ["a-aidc-president-appointment"],
  [
    I("bloomberg-technology", "08-20 07:30", "Alibaba's Lazada to Cut About 10% of Staff Across Southeast Asia",
      "Lazada Group, the Southeast Asian online retailer controlled by Alibaba Group Holding Ltd., is cutting roughly one "
      "in ten jobs, according to an internal memo seen by Bloomberg News."),
    I("tech-in-asia", "08-20 08:10", "Lazada lays off around 10% of workforce across six markets",
      "The cuts come less than two months after Kevin Yang took over Alibaba's international commerce group."),
    I("straits-times", "08-20 10:00", "Lazada cuts jobs in Singapore, region as Alibaba trims overseas costs",
      "Lazada confirmed an 'organisational streamlining' but did not give numbers."),
    I("zaobao", "08-20 11:00", "来赞达裁员约一成",
      "阿里巴巴旗下东南亚电商平台来赞达（Lazada）证实进行组织精简，据报裁员约一成，涉及六个市场。"),
  ])

# ---------------------------------------------------------------- Mon 2026-08-24 (preview, singleton)
S("a-results-preview-jun-q", "a-earnings-preview",
  "Zacks preview (Mon 2026-08-24) of Alibaba's June-quarter results due Aug 27; no new event.",
  ["a-results-jun-q-2026", "a-results-preview-sep-q"],
  [
    I("zacks", "08-24 13:40", "Alibaba (BABA) to Report Q1 Earnings: What's in the Cards?",
      "Alibaba is scheduled to report first-quarter fiscal 2027 results on Aug. 27. The Zacks Consensus Estimate for "
      "revenue is pegged at $36.1 billion, indicating growth of 5.4% from the year-ago quarter, while cloud growth and "
      "quick-commerce losses remain the key swing factors."),
  ])

# ---------------------------------------------------------------- Thu 2026-08-27 11:30 UTC
S("a-results-jun-q-2026", "a-results",
  "Alibaba reports June-quarter 2026 results on Thu 2026-08-27 11:30 UTC: revenue 262.35 billion yuan (+6%, beat), "
  "Cloud Intelligence revenue 44.1 billion yuan (+35%), net income 31.2 billion yuan (-27%) on quick-commerce spending, "
  "$0.9 billion of buybacks; ADRs up about 7% premarket in the same morning's coverage.",
  ["a-results-sep-q-2026", "a-shares-rally-jun-q-results", "a-results-preview-jun-q", "a-apsara-ai-capex-pledge"],
  [
    I("businesswire-tech", "08-27 11:30", "Alibaba Group Announces June Quarter 2026 Results",
      "HANGZHOU, China--(BUSINESS WIRE)--Alibaba Group Holding Limited (NYSE: BABA and HKEX: 9988 (HKD Counter) and "
      "89988 (RMB Counter), \"Alibaba\" or \"Alibaba Group\") today announced its financial results for the quarter "
      "ended June 30, 2026."),
    I("sec-edgar-6k", "08-27 11:36", "6-K - Alibaba Group Holding Ltd (0001577552) (Filer)", ""),
    I("sina-finance", "08-27 11:42", "阿里巴巴第一财季营收2623.5亿元 同比增长6% 云智能集团收入增35%",
      "新浪财经讯 阿里巴巴集团公布截至2026年6月30日止季度业绩：收入2623.5亿元，同比增长6%；云智能集团收入441亿元，同比增长35%；"
      "归属于普通股股东的净利润312亿元，同比下降27%。"),
    I("reuters-china", "08-27 11:48", "Alibaba beats quarterly revenue estimates as cloud growth accelerates to 35%",
      "Alibaba Group beat analysts' estimates for quarterly revenue on Thursday, as demand for artificial intelligence "
      "services powered the fastest growth at its cloud computing unit in four years."),
    I("bloomberg-technology", "08-27 11:50", "Alibaba Cloud Sales Surge 35%, Fastest in Years, on AI Demand",
      "Alibaba Group Holding Ltd.'s cloud division reported its fastest expansion since 2021, helping offset the cost "
      "of a price war in food delivery and instant shopping."),
    I("etnet", "08-27 11:50", "阿里巴巴(09988)首季純利312億人民幣 按年跌27% 雲智能收入增35%",
      "阿里巴巴公布截至6月底止首財季業績，收入2,623.5億元人民幣，按年升6%；股東應佔溢利312億元，按年跌27%。"),
    I("cnbc-tech", "08-27 11:55", "Alibaba beats revenue expectations as cloud sales jump 35%",
      "Here's how Alibaba did versus LSEG consensus estimates: Revenue: 262.35 billion Chinese yuan ($36.6 billion) vs. "
      "258.9 billion yuan expected. Cloud Intelligence Group revenue grew 35% year on year to 44.1 billion yuan."),
    I("yicai", "08-27 12:30", "阿里云季度收入增35%创四年新高 AI相关产品收入连续12个季度三位数增长",
      "阿里巴巴CEO吴泳铭在财报中称，AI需求仍然超过供给，阿里云将继续加大基础设施投入。"),
    I("gnews-alibaba", "08-27 12:40",
      "Alibaba's cloud boom offsets cost of food delivery war - Financial Times", "", source="Financial Times"),
    I("scmp-tech", "08-27 13:05",
      "Alibaba's cloud unit posts fastest growth since 2021 as AI demand outstrips supply, CEO Eddie Wu says",
      "Alibaba Group Holding said revenue at its Cloud Intelligence Group grew 35 per cent in the June quarter, while its "
      "bet on instant commerce cut net profit by more than a quarter. Alibaba owns the South China Morning Post."),
    I("jiemian", "08-27 13:10", "阿里财报：即时零售投入拖累利润，净利润同比降27%",
      "本季度阿里中国电商集团经调整EBITA同比下降，主要因淘宝闪购补贴及用户体验投入；即时零售收入同比增长64%。"),
    I("reuters-china", "08-27 13:20",
      "UPDATE 2-Alibaba shares jump premarket as AI demand lifts cloud growth to 35%",
      "Alibaba's U.S.-listed shares rose 7% in premarket trading on Thursday after the Chinese e-commerce giant reported "
      "its fastest cloud growth in four years, overshadowing a 27% drop in profit caused by spending on rapid delivery. "
      "Revenue at the Cloud Intelligence Group rose 35% to 44.1 billion yuan in the June quarter, while total revenue "
      "grew 6% to 262.35 billion yuan ($36.6 billion), above the 258.9 billion yuan average estimate of analysts "
      "compiled by LSEG. Chief Executive Eddie Wu told analysts that demand for AI computing still exceeded supply and "
      "that Alibaba would keep adding capacity. Net income attributable to shareholders fell to 31.2 billion yuan as "
      "subsidies for its Taobao Instant Commerce service weighed on margins."),
    I("cna", "08-27 14:30", "阿里巴巴雲端營收大增35% 財報優於預期",
      "（中央社台北27日電）中國電商巨頭阿里巴巴今天公布上季財報，營收年增6%優於預期，雲端部門營收大增35%，但淨利下滑27%。"),
    I("mingpao", "08-27 22:30", "阿里季績勝預期 雲業務增35%",
      "阿里巴巴昨公布截至6月底止季度業績，收入按年增6%至2,623.5億元人民幣，勝市場預期；雲智能集團收入增35%。"
      "股東應佔溢利跌27%，主要受即時零售投入拖累。"),
  ])

# ---------------------------------------------------------------- Thu 2026-08-27 US session / Fri 2026-08-28 HK session
S("a-shares-rally-jun-q-results", "a-share-move",
  "Market reaction to the June-quarter results in the first full session of each market: ADRs close up 9.4% at $132.8 "
  "in New York on Thu 2026-08-27, Hong Kong shares close up 8.3% at HK$133.2 on Fri 2026-08-28.",
  ["a-results-jun-q-2026", "a-shares-rally-qwen5", "a-shares-fall-sep-q-results", "a-shares-rise-after-samr-fine"],
  [
    I("marketwatch", "08-27 20:20", "Alibaba's stock logs best day since January after cloud growth hits 35%",
      "Shares of Alibaba Group Holding Ltd. rallied 9.4% Thursday, their biggest one-day gain in seven months, after the "
      "Chinese company's cloud business grew faster than Wall Street had modeled."),
    I("barrons", "08-27 21:00", "Alibaba Stock Soars. AI Is Finally Paying Off.",
      "Alibaba's cloud acceleration gave investors a reason to look past the costly delivery war."),
    I("hket", "08-28 01:50", "阿里績後高開逾7% 帶動科指向上",
      "阿里巴巴季績勝預期，股價今早高開7.4%，報132.1元，帶動恒生科技指數高開1.5%。"),
    I("gelonghui", "08-28 02:00", "阿里巴巴港股高开7.6% 多家机构上调目标价",
      "格隆汇8月28日丨阿里巴巴-W(09988.HK)高开7.6%，隔夜美股收涨9.4%。摩根士丹利、高盛等上调其目标价。"),
    I("etnet", "08-28 08:10", "阿里巴巴(09988)收升8.3% 成交逾150億元",
      "阿里巴巴今日收報133.2元，升8.3%，成交152億元，為全日成交最大港股。"),
    I("reuters-markets", "08-28 08:20", "Alibaba's Hong Kong shares surge 8% after results, lifting tech index",
      "Alibaba Group's Hong Kong-listed shares jumped 8.3% on Friday, their best day in seven months, as investors "
      "cheered faster growth at its cloud unit, helping the Hang Seng Tech index rise 2.4%."),
    I("sina-finance", "08-28 08:25", "港股收评：阿里巴巴大涨8% 恒生科技指数涨2.4%",
      "截至收盘，恒生指数涨1.2%，恒生科技指数涨2.4%。阿里巴巴-W(09988)涨8.3%，带动科技股走强。"),
    I("scmp-markets", "08-28 09:00",
      "Alibaba lifts Hong Kong stocks as investors cheer cloud growth; Hang Seng gains 1.2%",
      "Alibaba, which owns the Post, had its best day since January after reporting 35 per cent cloud growth."),
    I("bloomberg-markets", "08-28 02:40", "Alibaba Surges in Hong Kong as Cloud Growth Lifts Tech Stocks",
      "Alibaba Group Holding Ltd. climbed as much as 8.9% in Hong Kong, following its biggest US gain since January."),
  ])
