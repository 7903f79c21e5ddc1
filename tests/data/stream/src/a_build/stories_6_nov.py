# Part A, November 2026 (Singles' Day, then the September-quarter results the following week).
from common import I, S

# ---------------------------------------------------------------- Wed 2026-11-04 court ruling
S("a-court-remands-1260h", "a-litigation",
  "A US district judge in Washington rules on Wed 2026-11-04 in Alibaba's lawsuit against the Pentagon that the "
  "department failed to adequately explain Alibaba's 1260H designation and remands it for reconsideration within 90 days, "
  "without removing Alibaba from the list; ADRs rise about 3% after hours in the same evening's coverage.",
  ["a-alibaba-sues-commerce", "a-pentagon-rejects-delisting", "a-shareholder-class-action",
   "a-pentagon-contractor-cloud-ban"],
  [
    I("reuters-china", "11-04 21:20",
      "US judge orders Pentagon to reconsider Alibaba's Chinese military company designation",
      "A U.S. judge on Wednesday ordered the Pentagon to take another look at its decision to label Alibaba Group a "
      "Chinese military company, saying the department had not adequately explained it, but left the designation in place."),
    I("bloomberg-markets", "11-04 21:35", "Alibaba Wins Partial Court Victory Over Pentagon Blacklist",
      "Alibaba Group Holding Ltd.'s US shares rose about 3% in late trading after Judge Karen Whitfield gave the "
      "Pentagon 90 days to justify the listing."),
    I("law360", "11-04 22:10", "Pentagon Must Better Explain Alibaba Military Designation, Judge Says",
      "The court remanded without vacatur, finding the record did not show how Alibaba met the statute's definition."),
    I("politico", "11-04 22:50", "Judge sends Alibaba blacklisting back to Pentagon, but leaves it in place",
      "The ruling is the first court loss for the department's Chinese military companies list since Xiaomi in 2021."),
    I("scmp-china", "11-05 00:50",
      "Alibaba wins reprieve as US judge says Pentagon failed to justify 'Chinese military company' label",
      "Alibaba, which owns the Post, said it welcomed the decision."),
    I("sina-finance", "11-05 01:00", "美国法官裁定五角大楼需重新审查阿里巴巴“中国军事企业”认定",
      "美国联邦法官裁定，国防部未能充分说明将阿里巴巴列入1260H清单的理由，要求其在90天内重新审查，但暂不将阿里移出清单。"),
    I("cna", "11-05 01:20", "美法官裁定國防部須重審阿里巴巴軍企認定",
      "（中央社華盛頓4日綜合外電報導）美國聯邦法官今天裁定，國防部須在90天內重新審查將阿里巴巴列為中國軍事企業的決定。"),
    I("etnet", "11-05 01:30", "阿里巴巴(09988)就美防部軍企名單訴訟獲部分勝訴",
      "美國法院裁定國防部須重新審視將阿里巴巴列入1260H名單的決定，阿里美股盤後升約3%。"),
    I("yahoo-finance", "11-04 21:50",
      "US judge orders Pentagon to reconsider Alibaba's Chinese military company designation",
      "A U.S. judge on Wednesday ordered the Pentagon to take another look at its decision to label Alibaba Group a "
      "Chinese military company, saying the department had not adequately explained it."),
  ])

# ---------------------------------------------------------------- Wed 2026-11-11 16:05 UTC Double 11 tally
S("a-double11-tally", "a-sales-festival",
  "Taobao and Tmall close the 2026 Double 11 festival (Oct 15 - Nov 11) at midnight Beijing (Wed 2026-11-11 16:00 UTC) "
  "and publish a tally without total GMV: 589 brands topped 100 million yuan, 88VIP members passed 60 million, AI "
  "shopping agents served over 400 million sessions.",
  ["a-double11-syntun-data", "a-cainiao-double11-parcels", "a-double11-kickoff", "a-tmall-618-tally",
   "a-results-sep-q-2026"],
  [
    I("alizila", "11-11 16:05", "2026 11.11 Global Shopping Festival: 589 Brands Surpass RMB100 Million in GMV",
      "Alibaba's Taobao and Tmall Group wrapped up this year's 11.11 Global Shopping Festival with 589 brands each "
      "surpassing RMB100 million in gross merchandise volume, up from 502 last year."),
    I("sina-finance", "11-11 16:10", "天猫双11收官：589个品牌成交破亿 AI导购服务超4亿人次",
      "新浪财经讯 11月12日零点，淘宝天猫公布双11战报：589个品牌成交额破亿元，88VIP会员突破6000万，AI购物助手服务超4亿人次。"),
    I("36kr", "11-11 16:30", "淘宝天猫双11战报：88VIP会员破6000万，淘宝闪购首次参战",
      "淘宝天猫未公布总GMV。淘宝闪购首次全面参与双11，期间日均订单量超过8000万单。"),
    I("reuters-china", "11-11 17:30",
      "Alibaba says 589 brands topped 100 million yuan in Singles' Day sales, gives no total",
      "Alibaba Group said on Thursday that 589 brands each sold goods worth more than 100 million yuan ($14 million) "
      "during its Singles' Day festival, up from 502 a year earlier, again declining to give an overall sales figure."),
    I("etnet", "11-12 00:30", "天貓雙11破億品牌增至589個",
      "淘寶天貓公布，今年雙11共589個品牌成交額破億元人民幣，去年為502個。"),
    I("yicai", "11-12 01:00", "第十八个双11：AI导购成标配，天猫破亿品牌数增至589个",
      "今年双11周期长达28天。商家普遍反映，AI导购带来的转化率明显高于传统搜索。"),
    I("cnbc-world", "11-12 01:40",
      "Alibaba's Singles' Day: More brands hit 100 million yuan as AI shopping tools take off",
      "589 brands crossed 100 million yuan in sales, up from 502. Alibaba again did not disclose total gross "
      "merchandise volume for the festival."),
    I("cna", "11-12 02:00", "雙11落幕 天貓589個品牌成交額破億人民幣",
      "（中央社台北12日電）中國電商年度購物節「雙11」落幕，阿里巴巴旗下淘寶天貓公布589個品牌成交額破億元人民幣。"),
    I("scmp-business", "11-12 03:10",
      "Alibaba's Singles' Day ends with no GMV figure, but a record number of 100-million-yuan brands",
      "Alibaba's instant commerce arm took part in Singles' Day for the first time."),
    I("bloomberg-technology", "11-11 18:10", "Alibaba Touts Record Number of Big Brands as Singles' Day Ends",
      "Alibaba Group Holding Ltd. again didn't publish gross merchandise volume for the festival."),
    I("nikkei-asia", "11-12 03:40", "Alibaba's Singles' Day leans on AI shopping agents as spending stays cautious",
      "The festival ran for 28 days this year."),
  ])

# ---------------------------------------------------------------- Thu 2026-11-12 Cainiao (Chinese only)
S("a-cainiao-double11-parcels", "a-cainiao",
  "Cainiao publishes its Double 11 logistics figures on Thu 2026-11-12: global parcel volume up 30%, its 'Global 5-day "
  "delivery' extended to 40 countries; reported only in Chinese.",
  ["a-double11-tally", "a-double11-syntun-data", "a-cainiao-brazil-hub"],
  [
    I("36kr", "11-12 02:20", "菜鸟双11：全球包裹量同比增30% “全球5日达”扩至40国",
      "菜鸟今日公布双11物流数据，跨境包裹量同比增长30%，“全球5日达”服务覆盖国家扩至40个。"),
    I("jiemian", "11-12 03:10", "菜鸟发布双11物流数据 AI调度系统日处理峰值达6.8亿件",
      "菜鸟称，AI调度系统在双11期间日处理包裹峰值达6.8亿件。"),
    I("hket", "11-12 04:00", "菜鳥雙11跨境包裹增三成",
      "阿里巴巴旗下菜鳥公布，雙11期間全球包裹量按年增長30%。"),
  ])

# ---------------------------------------------------------------- Thu 2026-11-12 Syntun
S("a-double11-syntun-data", "a-sales-festival",
  "Data firm Syntun publishes its Double 11 tally on Thu 2026-11-12: cross-platform GMV of 1.73 trillion yuan "
  "(+13.9%), integrated e-commerce 1.52 trillion, instant retail 84.6 billion yuan (+121%).",
  ["a-double11-tally", "a-618-syntun-data", "a-cainiao-double11-parcels", "a-results-sep-q-2026"],
  [
    I("wallstreetcn", "11-12 03:35", "星图数据：2026年双11全网销售额17301亿元 同比增长13.9%",
      "据星图数据，今年双11期间全网销售额17301亿元，同比增长13.9%；综合电商平台15212亿元，即时零售846亿元，同比增长121%。"),
    I("reuters-china", "11-12 05:40", "China's Singles' Day sales rise 14% to 1.73 trillion yuan, data firm Syntun says",
      "Sales across China's e-commerce platforms during the Singles' Day shopping festival rose 13.9% to 1.73 trillion yuan "
      "($243 billion), data provider Syntun said on Thursday, with instant retail more than doubling."),
    I("zaobao", "11-12 06:30", "双11全网销售额1.73万亿元 即时零售翻倍",
      "第三方数据机构星图数据统计，今年双11全网销售额按年增长近14%。"),
    I("scmp-business", "11-12 08:00",
      "Singles' Day sales across China's platforms rise 14% as instant retail doubles: Syntun",
      "Syntun's tally covers Alibaba, JD.com, PDD, Douyin and instant retail platforms."),
    I("ctee", "11-12 09:00", "陸雙11全網銷售額1.73兆人民幣 年增近14%",
      "據數據機構星圖數據統計，今年雙11全網銷售額1.73兆元人民幣，年增13.9%，即時零售倍增。"),
    I("bloomberg-markets", "11-12 06:30", "China Singles' Day Sales Rise 14% as Instant Retail Doubles, Syntun Says",
      "Total sales across platforms reached 1.73 trillion yuan, according to the data provider."),
  ])

# ---------------------------------------------------------------- Fri 2026-11-13 preview (singleton)
S("a-results-preview-sep-q", "a-earnings-preview",
  "格隆汇 preview (Fri 2026-11-13) of Alibaba's September-quarter results due Nov 17; no new event.",
  ["a-results-sep-q-2026", "a-results-preview-jun-q"],
  [
    I("gelonghui", "11-13 09:00", "阿里巴巴业绩前瞻：即时零售亏损或见顶，云增速成最大看点",
      "阿里巴巴将于11月17日公布2027财年第二季度业绩。市场一致预期收入约2652亿元，同比增长约7%；云智能集团收入增速预计维持在30%以上。"
      "投资者关注即时零售亏损是否收窄、资本开支指引以及美国限制措施对海外云业务的影响。"),
  ])

# ---------------------------------------------------------------- Tue 2026-11-17 11:30 UTC results
S("a-results-sep-q-2026", "a-results",
  "Alibaba reports September-quarter 2026 results on Tue 2026-11-17 11:30 UTC: revenue 259.64 billion yuan (+5%, miss vs "
  "265.2 billion expected), Cloud Intelligence revenue 46.2 billion yuan (+34%), net income 11.3 billion yuan (-46%), "
  "adjusted EBITA -38%, free cash outflow 21.7 billion yuan; ADRs down about 5% premarket in the same morning's coverage.",
  ["a-results-jun-q-2026", "a-shares-fall-sep-q-results", "a-results-preview-sep-q", "a-double11-tally",
   "a-double11-syntun-data", "a-alibaba-health-interim", "a-lex-column-alibaba"],
  [
    I("businesswire-tech", "11-17 11:30", "Alibaba Group Announces September Quarter 2026 Results",
      "HANGZHOU, China--(BUSINESS WIRE)--Alibaba Group Holding Limited (NYSE: BABA and HKEX: 9988 (HKD Counter) and "
      "89988 (RMB Counter), \"Alibaba\" or \"Alibaba Group\") today announced its financial results for the quarter "
      "ended September 30, 2026."),
    I("sec-edgar-6k", "11-17 11:35", "6-K - Alibaba Group Holding Ltd (0001577552) (Filer)", ""),
    I("sina-finance", "11-17 11:40", "阿里巴巴第二财季营收2596.4亿元 同比增长5% 云智能集团收入增34%",
      "新浪财经讯 阿里巴巴集团公布截至2026年9月30日止季度业绩：收入2596.4亿元，同比增长5%；云智能集团收入462亿元，同比增长34%；"
      "归属于普通股股东的净利润113亿元，同比下降46%。"),
    I("reuters-china", "11-17 11:46",
      "Alibaba misses revenue estimates as delivery spending, weak merchant fees weigh",
      "Alibaba Group missed analysts' estimates for quarterly revenue on Tuesday, as heavy spending on instant delivery "
      "and slower growth in fees from merchants offset steady demand for its cloud and AI services."),
    I("etnet", "11-17 11:48", "阿里巴巴(09988)次季純利113億人民幣 按年跌46%",
      "阿里巴巴公布截至9月底止第二財季業績，收入2,596.4億元人民幣，按年升5%；股東應佔溢利113億元，按年跌46%。"),
    I("bloomberg-technology", "11-17 11:52", "Alibaba Profit Slumps 46% as Delivery War and AI Spending Mount",
      "Alibaba Group Holding Ltd. reported a sharper-than-expected drop in profit as costs for its instant-commerce "
      "push and data centers climbed, while sales fell short of estimates."),
    I("cnbc-tech", "11-17 12:00", "Alibaba misses on revenue as quick commerce costs bite; cloud grows 34%",
      "Here's how Alibaba did versus LSEG consensus estimates: Revenue: 259.64 billion yuan ($36.5 billion) vs. 265.2 "
      "billion yuan expected. Cloud Intelligence Group revenue rose 34% to 46.2 billion yuan. Net income attributable "
      "to ordinary shareholders fell 46%."),
    I("yahoo-finance", "11-17 12:10",
      "Alibaba misses revenue estimates as delivery spending, weak merchant fees weigh",
      "Alibaba Group missed analysts' estimates for quarterly revenue on Tuesday, as heavy spending on instant delivery "
      "and slower growth in fees from merchants offset steady demand for its cloud and AI services."),
    I("gnews-alibaba", "11-17 12:35", "Alibaba's Profit Nearly Halves as Spending on AI, Delivery Climbs - WSJ", "",
      source="The Wall Street Journal"),
    I("21jingji", "11-17 12:40", "阿里财报：经调整EBITA同比下降38%，自由现金流净流出217亿元",
      "本季度阿里资本开支468亿元，创历史新高；客户管理收入同比增长6%，低于市场预期。"),
    I("scmp-tech", "11-17 13:00",
      "Alibaba's quarterly profit nearly halves as it pours cash into AI and instant commerce",
      "Alibaba, which owns the Post, reported its results a week after Singles' Day, for which it again gave no total sales figure."),
    I("reuters-china", "11-17 13:25",
      "UPDATE 2-Alibaba shares slide premarket after revenue miss; cloud growth steady at 34%",
      "Alibaba's U.S.-listed shares fell 5% before the bell on Tuesday after the company's quarterly revenue missed "
      "estimates. CEO Eddie Wu told analysts the company would not 'step on the brakes' on AI investment."),
    I("thepaper", "11-17 13:30", "阿里巴巴季度利润近乎腰斩 吴泳铭：AI投入“不会踩刹车”",
      "在财报电话会上，吴泳铭表示，AI带来的需求仍远超供给，阿里会继续按计划推进三年4800亿元以上的AI基础设施投入。"),
    I("hket", "11-17 23:00", "阿里季績遜預期 外賣燒錢拖累盈利",
      "阿里巴巴第二財季收入及盈利均遜預期，經調整EBITA按年跌38%，自由現金流錄得淨流出217億元人民幣。"),
  ])

# ---------------------------------------------------------------- Tue 2026-11-17 US session / Wed 2026-11-18 HK session
S("a-shares-fall-sep-q-results", "a-share-move",
  "Market reaction to the September-quarter results in the first full session of each market: ADRs close down 8.7% at "
  "$131.2 in New York on Tue 2026-11-17, Hong Kong shares close down 9.1% at HK$128.7 on Wed 2026-11-18.",
  ["a-results-sep-q-2026", "a-shares-fall-bis-blacklist", "a-shares-fall-macquarie-downgrade",
   "a-hang-seng-selloff-june", "a-shares-rally-jun-q-results"],
  [
    I("marketwatch", "11-17 20:30", "Alibaba stock suffers worst day in 10 months after revenue miss",
      "Alibaba Group Holding Ltd.'s U.S.-listed shares sank 8.7% Tuesday, after the company's September-quarter "
      "revenue fell short of forecasts and profit nearly halved."),
    I("barrons", "11-17 21:10", "Alibaba Stock Tumbles. Investors Are Losing Patience With the Delivery War.",
      "Wall Street is done giving Alibaba credit for cloud growth while quick commerce burns cash."),
    I("hket", "11-18 01:45", "阿里績後低開8% 拖累恒指",
      "阿里巴巴季績遜預期，今早低開8.1%，報130.2元。"),
    I("bloomberg-markets", "11-18 02:30", "Alibaba Slides Most Since January in Hong Kong After Profit Miss",
      "Alibaba Group Holding Ltd. fell as much as 9.6% in Hong Kong, tracking an overnight slump in its US shares."),
    I("etnet", "11-18 08:10", "阿里巴巴(09988)績後收跌9.1%",
      "阿里巴巴今日收報128.7元，跌9.1%，成交額逾250億元，拖累恒指跌0.9%。"),
    I("sina-finance", "11-18 08:20", "港股收评：阿里巴巴跌超9% 恒生科技指数跌2.8%",
      "截至收盘，恒生指数跌0.9%，恒生科技指数跌2.8%。阿里巴巴-W跌9.1%，创年内最大单日跌幅。"),
    I("reuters-markets", "11-18 08:25", "Alibaba shares slump 9% in Hong Kong after results miss, dragging Hang Seng",
      "Alibaba Group's Hong Kong-listed shares fell 9.1% on Wednesday, their steepest drop this year, after its "
      "quarterly revenue missed estimates and profit nearly halved."),
    I("cnbc-world", "11-18 03:00", "Alibaba shares tumble 8% in Hong Kong after profit nearly halves",
      "Alibaba's Hong Kong shares fell 8% in morning trade. The Hang Seng Tech index dropped 2.5%."),
  ])

# ---------------------------------------------------------------- Wed 2026-11-18 Lex (singleton)
S("a-lex-column-alibaba", "a-opinion",
  "FT Lex column (Wed 2026-11-18) on Alibaba after the September-quarter results; commentary, no new event.",
  ["a-results-sep-q-2026", "a-breakingviews-ai-capex", "a-hkej-column-cloud-siege"],
  [
    I("ft-companies", "11-18 14:00", "Alibaba: delivery war leaves little room for patience",
      "Lex: Cloud growth of a third would be cheered anywhere else. At Alibaba it is being swallowed by subsidies for "
      "30-minute delivery and by a capex budget that keeps rising."),
  ])

# ---------------------------------------------------------------- Thu 2026-11-19 FCC vote
S("a-fcc-covered-list-final", "a-us-fcc",
  "The FCC votes at its open meeting on Thu 2026-11-19 to add Alibaba Cloud's services to the Covered List, finalising "
  "the September proposal.",
  ["a-fcc-covered-list-proposal", "a-senate-foreign-cloud-bill", "a-icts-initial-determination"],
  [
    I("fcc-headlines", "11-19 16:30", "FCC Adds Alibaba Cloud to Covered List", ""),
    I("reuters-tech", "11-19 17:05", "FCC votes to add Alibaba Cloud to national security threat list",
      "The Federal Communications Commission voted on Thursday to add Alibaba Group's cloud services to its list of "
      "communications equipment and services deemed a threat to U.S. national security."),
    I("the-record", "11-19 18:20", "FCC finalizes Covered List designation for Alibaba Cloud",
      "The designation bars the use of FCC-administered subsidies for Alibaba Cloud services."),
    I("cna", "11-20 00:40", "美國FCC正式將阿里雲列入國安威脅清單",
      "（中央社華盛頓19日綜合外電報導）美國聯邦通訊委員會今天投票通過，將阿里雲服務列入「涵蓋清單」。"),
    I("zaobao", "11-20 01:30", "美联邦通信委员会正式将阿里云列入“受管制清单”",
      "联邦通信委员会9月提出相关建议，星期四在例行会议上投票通过。"),
    I("bloomberg-technology", "11-19 17:30", "FCC Puts Alibaba Cloud on List of National Security Threats",
      "The vote finalizes a proposal the agency made in September."),
  ])

# ---------------------------------------------------------------- Fri 2026-11-20 Alibaba Health interim results
S("a-alibaba-health-interim", "a-subsidiary-results",
  "Alibaba Health Information Technology (00241.HK) reports interim results for the six months to Sept 30 on "
  "Fri 2026-11-20: revenue 16.8 billion yuan (+13%), net profit 1.02 billion yuan (+22%).",
  ["a-results-sep-q-2026"],
  [
    I("etnet", "11-20 09:05", "阿里健康(00241)中期純利10.2億人民幣 升22%",
      "阿里健康公布截至9月底止六個月中期業績，收入168億元人民幣，按年升13%；股東應佔溢利10.2億元，按年升22%。"),
    I("zhitong", "11-20 09:10", "阿里健康(00241)发布中期业绩 股东应占溢利10.2亿元 同比增长22%",
      "智通财经APP讯，阿里健康发布截至2026年9月30日止六个月业绩，收入168亿元，同比增长13%。"),
    I("gelonghui", "11-20 09:20", "阿里健康中期营收168亿元同比增13% 医药自营业务稳健",
      "格隆汇11月20日丨阿里健康公告，医药自营业务收入同比增长12%，医药电商平台收入同比增长19%。"),
    I("reuters-business", "11-20 10:15", "Alibaba Health's first-half profit rises 22% on online pharmacy demand",
      "Alibaba Health Information Technology, the healthcare arm of Alibaba Group, said on Friday its first-half net "
      "profit rose 22% to 1.02 billion yuan."),
    I("the-standard", "11-20 10:40", "Alibaba Health interim profit up 22pc",
      "Alibaba Health Information Technology (0241) posted a net profit of 1.02 billion yuan for the six months to September."),
  ])

# ---------------------------------------------------------------- Tue 2026-11-24 ICTS initial determination
S("a-icts-initial-determination", "a-us-commerce",
  "The Commerce Department issues an ICTS initial determination on Tue 2026-11-24 proposing to bar Alibaba Cloud from "
  "providing services to US persons, concluding the review opened in June; Alibaba has 30 days to respond.",
  ["a-commerce-icts-probe", "a-bis-entity-list-cloud-affiliates", "a-fcc-covered-list-final",
   "a-senate-foreign-cloud-bill"],
  [
    I("commerce-news", "11-24 18:00", "Commerce Issues Initial Determination on Alibaba Cloud ICTS Transactions", ""),
    I("reuters-tech", "11-24 18:30", "US moves to ban Alibaba Cloud from serving American customers",
      "The U.S. Commerce Department on Tuesday proposed barring Alibaba Group's cloud unit from providing services to "
      "Americans, after a five-month national security review."),
    I("bloomberg-technology", "11-24 18:55", "US Proposes Banning Alibaba Cloud From Serving American Customers",
      "Alibaba Group Holding Ltd. has 30 days to respond before the Commerce Department makes a final determination."),
    I("the-record", "11-24 20:10", "Commerce's ICTS office issues initial determination against Alibaba Cloud",
      "It is the first time the office has moved to ban a cloud provider outright."),
    I("scmp-tech", "11-25 00:40",
      "US proposes ban on Alibaba Cloud services for American customers after five-month probe",
      "Alibaba, which owns the Post, said it would respond to the determination."),
    I("cna", "11-25 01:20", "美商務部擬禁阿里雲在美提供服務",
      "（中央社華盛頓24日綜合外電報導）美國商務部今天發布初步裁定，擬禁止阿里雲向美國用戶提供服務。"),
    I("sina-finance", "11-25 01:30", "美商务部初步裁定：拟禁止阿里云向美国用户提供服务",
      "美国商务部信息通信技术与服务办公室发布初步裁定，阿里巴巴有30天时间作出回应。"),
    I("hket", "11-25 02:00", "美擬禁阿里雲在美營運 阿里：將積極回應",
      "美國商務部初步裁定擬禁止阿里雲向美國用戶提供服務，阿里巴巴表示將積極回應。"),
  ])
