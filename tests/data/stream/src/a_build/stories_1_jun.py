# Part A, June 2026. Hand-written. Facts of each event are fixed in the S(...) event line first.
from common import I, S

# ---------------------------------------------------------------- Tue 2026-06-02
S("a-taobao-ai-shopping-agent", "a-taobao-feature",
  "Taobao rolls out 'Taobao Wenwen', a Qwen4-based AI shopping agent that compares prices across stores, "
  "places orders and tracks deliveries, to all users on Tue 2026-06-02 ahead of the 618 peak.",
  ["a-taobao-shangou-county", "a-tmall-618-tally", "a-qwen-app-mau"],
  [
    I("36kr", "06-02 02:10", "淘宝上线AI购物智能体“淘宝问问”，可跨店比价、自动下单",
      "36氪获悉，淘宝今日起向全量用户开放AI购物智能体“淘宝问问”。该产品基于千问4大模型，用户用一句话描述需求后，"
      "智能体可跨店铺比价、凑单、领券并代为下单，还能追踪物流。内测阶段已有约2000万用户使用。"),
    I("jiemian", "06-02 03:30", "淘宝AI导购全量上线，618大促前接入千问4",
      "距离618大促高峰不到三周，淘宝把AI导购从搜索框里的辅助功能升级成了能“替你下单”的智能体。"
      "淘宝方面称，目前可处理约60类购物任务，下单前需用户确认。"),
    I("etnet", "06-02 04:00", "淘寶推AI購物助手「淘寶問問」 可代用戶比價下單",
      "阿里巴巴旗下淘寶今日宣布，AI購物智能體「淘寶問問」全面上線，以千問4大模型驅動，可跨店比價及代用戶下單，"
      "趕及618購物節前推出。"),
    I("scmp-tech", "06-02 07:45",
      "Taobao rolls out AI shopping agent that can check out for users ahead of 618 festival | South China Morning Post",
      "Alibaba Group Holding's Taobao has made its AI shopping agent available to all users, letting shoppers describe what "
      "they want in one sentence while the Qwen-powered tool compares prices across stores and completes the purchase."),
    I("technode", "06-02 09:20", "Taobao launches AI agent that compares prices and places orders for shoppers",
      "Alibaba's Taobao on Tuesday opened its AI shopping agent, Taobao Wenwen, to all users. The agent, built on Qwen4, "
      "handles about 60 task types including price comparison, coupon stacking and delivery tracking, and asks users to "
      "confirm before paying."),
    I("krasia", "06-02 10:30", "Alibaba's Taobao bets on an AI agent to win back shoppers before 618",
      "The agent, powered by Qwen4, can compare prices, stack coupons and check out, though users still confirm "
      "each payment."),
  ])

# ---------------------------------------------------------------- Thu 2026-06-04
S("a-qwen4-coder-release", "a-qwen-release",
  "Alibaba's Qwen team releases Qwen4-Coder, an open-weight coding model family whose 620B-parameter MoE flagship "
  "(40B active) scores 74.1% on SWE-bench Verified, under Apache 2.0, on Thu 2026-06-04 (~13:00 UTC).",
  ["a-qwen5-release", "a-thead-hanguang-900-chip", "a-qwen-app-mau"],
  [
    I("36kr", "06-04 13:20", "阿里开源千问4编程模型Qwen4-Coder，SWE-bench Verified得分74.1%",
      "6月4日晚，阿里通义千问团队发布并开源编程模型Qwen4-Coder系列。旗舰版为6200亿参数MoE模型，激活参数400亿，"
      "在SWE-bench Verified上取得74.1%，官方称为目前开源模型最好成绩。同步更新命令行工具Qwen Code 2。"),
    I("ithome", "06-04 13:45", "阿里通义千问发布 Qwen4-Coder：6200 亿参数 MoE，Apache 2.0 协议开源",
      "IT之家 6 月 4 日消息，Qwen4-Coder 原生支持 256K 上下文，可扩展至 100 万 tokens，已上架 Hugging Face 与魔搭社区。"),
    I("reuters-tech", "06-04 14:20", "Alibaba releases open-source coding model, says it rivals US leaders",
      "Alibaba Group released a new open-source artificial intelligence model for software programming on Thursday, "
      "saying its performance on a widely used coding benchmark matched leading proprietary models from U.S. developers."),
    I("venturebeat", "06-04 15:40", "Alibaba's Qwen4-Coder tops open-weight leaderboard on SWE-bench Verified",
      "The new 620B mixture-of-experts model activates 40B parameters per token and ships under Apache 2.0, "
      "giving enterprises a self-hostable alternative for agentic coding workloads."),
    I("the-register", "06-04 16:05", "Alibaba's Qwen crew drops 620B-parameter coding model, free to download",
      "Benchmarks say it's nearly as good as the paid stuff. Your GPU budget may disagree."),
    I("scmp-tech", "06-04 22:30",
      "Alibaba's new Qwen coding model narrows gap with US rivals on programming tasks",
      "Alibaba's Qwen4-Coder scored 74.1 per cent on SWE-bench Verified, the Hangzhou-based company said, as Chinese "
      "developers race to win over programmers with free, open-weight tools."),
    I("cna", "06-05 02:15", "阿里巴巴發布開源程式設計模型 宣稱媲美美國頂尖AI",
      "（中央社台北5日電）中國電商巨頭阿里巴巴4日晚間發布開源程式設計模型Qwen4-Coder，宣稱在軟體工程基準測試的表現，"
      "可與美國業者的頂尖付費模型匹敵。"),
    I("bloomberg-technology", "06-04 14:05", "Alibaba Releases Coding AI Model Qwen4-Coder, Free to Download",
      "Alibaba Group Holding Ltd. said its newest open-source model performs close to the best paid coding tools from "
      "Anthropic and OpenAI."),
  ])

# ---------------------------------------------------------------- Wed 2026-06-10
S("a-cloud-price-cut-june", "a-cloud-pricing",
  "Alibaba Cloud cuts the API price of its flagship Qwen-Max model by up to 75% (input to 0.6 yuan per million tokens) "
  "and GPU instance prices for overseas customers by 30%, announced Wed 2026-06-10 10:00 Beijing.",
  ["a-cloud-price-cut-august", "a-cloud-outage-singapore", "a-apsara-ai-capex-pledge"],
  [
    I("36kr", "06-10 02:15", "阿里云大模型再降价：千问Max API输入价格降至0.6元/百万tokens",
      "阿里云今日宣布，旗舰模型千问Max的API输入价格最高降幅75%，降至每百万tokens 0.6元；面向海外客户的GPU实例价格同步下调30%。"),
    I("reuters-tech", "06-10 04:40", "Alibaba Cloud cuts AI model prices by up to 75% as China price war deepens",
      "Alibaba Group's cloud unit said on Wednesday it would cut prices for its flagship Qwen-Max model by as much as 75%, "
      "reigniting a price war among Chinese providers of artificial intelligence services."),
    I("scmp-tech", "06-10 06:20",
      "Alibaba Cloud slashes Qwen-Max prices again, cuts GPU rents for overseas clients by 30%",
      "The move comes as Alibaba tries to convert heavy AI investment into enterprise customers at home and in Southeast Asia."),
    I("ctee", "06-10 08:00", "阿里雲AI模型大降價 最多砍75%",
      "阿里雲10日宣布，旗艦大模型千問Max的API價格最多調降75%，海外客戶的GPU算力租用價格也降低30%，陸企AI價格戰再度升溫。"),
    I("caixin-global", "06-10 09:00", "Alibaba Cloud Cuts Qwen Prices in Bid for Enterprise AI Users",
      "Alibaba Cloud lowered the price of calling its top Qwen model to 0.6 yuan per million input tokens."),
    I("bloomberg-technology", "06-10 05:05", "Alibaba Cuts AI Prices by as Much as 75% in Fresh Salvo of China Price War",
      "Alibaba Group Holding Ltd.'s cloud unit lowered what it charges developers to use its most capable Qwen model."),
  ])

# ---------------------------------------------------------------- Tue 2026-06-16
S("a-cloud-latam-datacentres", "a-cloud-expansion",
  "Alibaba Cloud announces in Sao Paulo on Tue 2026-06-16 that it will open its first data centres in Brazil "
  "(Sao Paulo) and Mexico (Queretaro) in the first quarter of 2027.",
  ["a-cainiao-brazil-hub", "a-apsara-ai-capex-pledge"],
  [
    I("reuters-tech", "06-16 14:30", "Alibaba Cloud to open first data centres in Brazil and Mexico",
      "Alibaba Group's cloud computing unit said on Tuesday it would open its first data centres in Brazil and Mexico "
      "early next year, expanding its infrastructure in Latin America as it courts businesses adopting AI."),
    I("bloomberg-technology", "06-16 15:10", "Alibaba to Build Data Centers in Brazil, Mexico as It Pushes AI Overseas",
      "Alibaba Group Holding Ltd. will open cloud regions in Sao Paulo and Queretaro in the first quarter of 2027, "
      "part of a push to sell its Qwen models to customers outside China."),
    I("dcd", "06-16 15:50", "Alibaba Cloud plans Sao Paulo and Queretaro regions for early 2027",
      "The Chinese hyperscaler did not disclose capacity or the colocation partners for the two new regions."),
    I("jiemian", "06-17 00:40", "阿里云将在巴西、墨西哥建设数据中心 2027年一季度投入使用",
      "阿里云在圣保罗宣布，将于2027年第一季度在巴西和墨西哥启用数据中心，这是阿里云首次进入拉丁美洲。"),
    I("money-udn", "06-17 02:30", "阿里雲進軍拉美 將在巴西、墨西哥設資料中心",
      "阿里巴巴旗下阿里雲宣布，2027年第1季將在巴西聖保羅及墨西哥克雷塔羅啟用資料中心。"),
    I("scmp-tech", "06-17 03:10",
      "Alibaba Cloud heads to Latin America with Brazil and Mexico data centres | South China Morning Post",
      "The expansion comes as Alibaba seeks growth outside China for its AI services."),
  ])

# ---------------------------------------------------------------- Thu 2026-06-18 (night)
S("a-tmall-618-tally", "a-sales-festival",
  "Taobao and Tmall close their 618 festival (May 13 - June 18) at 00:00 Beijing on 2026-06-19 and publish a tally "
  "without total GMV: 453 brands topped 100 million yuan in sales (355 a year earlier), 88VIP members passed 55 million.",
  ["a-618-syntun-data", "a-double11-tally", "a-taobao-ai-shopping-agent"],
  [
    I("sina-finance", "06-18 16:40", "天猫618收官：453个品牌成交破亿 88VIP会员突破5500万",
      "新浪财经讯 6月19日凌晨，淘宝天猫公布618战报：共有453个品牌成交额破亿元，去年同期为355个；88VIP会员规模突破5500万。"),
    I("36kr", "06-18 16:55", "淘宝天猫618战报：破亿品牌数同比增长28%，淘宝闪购订单创新高",
      "淘宝天猫未公布整体GMV。战报显示，AI导购“淘宝问问”在大促期间服务用户超1.2亿人次，淘宝闪购618当天订单量创新高。"),
    I("cna", "06-19 03:00", "天貓618落幕 453個品牌成交額破億元",
      "（中央社台北19日電）中國電商平台年中購物節「618」落幕，阿里巴巴旗下淘寶天貓公布，成交額破億元人民幣的品牌有453個。"),
    I("reuters-china", "06-19 04:10", "Alibaba's Tmall says 453 brands topped 100 million yuan in 618 sales",
      "Alibaba Group said on Friday that 453 brands each sold more than 100 million yuan ($13.9 million) of goods on its "
      "Taobao and Tmall platforms during the 618 shopping festival, up from 355 a year earlier, but again did not give a "
      "total sales figure."),
    I("scmp-business", "06-19 06:00",
      "Alibaba's 618 festival: more brands hit 100 million yuan as AI tools drive sales",
      "Alibaba said its AI shopping agent served more than 120 million user sessions during the mid-year festival, "
      "as the company tries to revive growth in its core e-commerce business."),
    I("bloomberg-technology", "06-19 05:30", "Alibaba Again Skips Sales Total for China's 618 Shopping Festival",
      "Alibaba Group Holding Ltd. pointed instead to the number of brands with more than 100 million yuan in sales."),
  ])

# ---------------------------------------------------------------- Fri 2026-06-19
S("a-618-syntun-data", "a-sales-festival",
  "Data firm Syntun (星图数据) publishes its 618 tally on Fri 2026-06-19: cross-platform GMV of 915.2 billion yuan "
  "(May 13 - June 18), up 14.8%, with instant retail up 62% to 48.7 billion yuan.",
  ["a-tmall-618-tally", "a-double11-syntun-data"],
  [
    I("wallstreetcn", "06-19 03:40", "星图数据：今年618全网销售额9152亿元 同比增14.8%",
      "据星图数据，5月13日至6月18日，全网销售额9152亿元，同比增长14.8%；其中综合电商平台7365亿元，即时零售487亿元，同比增长62%。"),
    I("yicai", "06-19 04:20", "618全网GMV超9100亿元 即时零售增速超六成",
      "第三方机构星图数据发布的618统计显示，即时零售成为增长最快的渠道，直播电商增速则明显放缓。"),
    I("hket", "06-19 05:10", "內地618全網銷售額逾9,100億人幣 按年增近15%",
      "據數據機構星圖數據統計，今年618購物節全網銷售額達9,152億元人民幣，按年增長14.8%，即時零售銷售額增長62%。"),
    I("zaobao", "06-19 06:30", "中国“618”购物节全网销售额增近15% 即时零售成亮点",
      "中国年中购物节“618”落幕。第三方数据显示，全网销售额按年增长近15%，但平台仍普遍回避公布自身成交总额。"),
  ])

# ---------------------------------------------------------------- Tue 2026-06-23
S("a-hang-seng-selloff-june", "a-hk-market",
  "Hong Kong's Hang Seng Index falls 3.1% to 23,870 on Tue 2026-06-23, its worst day in 14 months, on hawkish Fed "
  "comments, a mainland developer's missed bond payment and weak May data; Hang Seng Tech -4.2%, Alibaba -4.4%, "
  "Meituan -5.6%, Xiaomi -4.9%, Tencent -3.2%. A general market sell-off, not an Alibaba event.",
  ["a-shares-fall-macquarie-downgrade", "a-shares-fall-bis-blacklist", "a-shares-fall-sep-q-results"],
  [
    I("bloomberg-markets", "06-23 06:10", "Hong Kong Stocks Slide Most in 14 Months as Tech Shares Sink",
      "Hong Kong stocks headed for their biggest drop since April 2025 as hawkish remarks from Federal Reserve officials "
      "and a developer's missed payment sapped risk appetite. Alibaba Group Holding Ltd. and Meituan led declines."),
    I("etnet", "06-23 08:15", "恒指收跌758點 科指挫4.2% 阿里、美團、小米齊跌",
      "恒指今日收報23870點，跌758點或3.1%，成交2,860億元。美團(03690)跌5.6%，小米(01810)跌4.9%，阿里巴巴(09988)跌4.4%，騰訊(00700)跌3.2%。"),
    I("sina-finance", "06-23 08:20", "港股收评：恒指跌3.1% 恒生科技指数跌4.2% 科网股全线走低",
      "截至收盘，恒生指数跌3.1%，恒生科技指数跌4.2%。美联储官员释放鹰派信号，叠加内房企债务违约消息，市场避险情绪升温，南向资金净买入逾90亿港元。"),
    I("reuters-markets", "06-23 08:25", "Hong Kong stocks tumble 3% as Fed worries, developer default hit sentiment",
      "Hong Kong stocks posted their steepest fall in more than a year on Tuesday, as hawkish signals from U.S. Federal "
      "Reserve officials, a mainland property developer's missed bond payment and soft Chinese data drove investors out "
      "of technology and property shares."),
    I("scmp-markets", "06-23 08:40",
      "Hang Seng Index sinks 3.1% in worst day since April 2025 as tech giants lead rout | South China Morning Post",
      "Hong Kong stocks suffered their worst day in 14 months, with Meituan, Xiaomi and Alibaba among the biggest losers "
      "as US rate worries combined with fresh stress in mainland property."),
    I("mingpao", "06-23 22:30", "港股險守23800 一日蒸發近1.2萬億",
      "港股昨日急挫3.1%，恒指收報23870點，主板市值一日蒸發近1.2萬億元。分析員指，聯儲局官員言論偏鷹、內房債務問題再起及內地經濟數據疲弱，三大利淡因素同時出現。"),
    I("cnbc-world", "06-23 09:10", "Hong Kong stocks lead Asia losses as Hang Seng tumbles 3%; tech names slide",
      "Hong Kong's Hang Seng index fell 3.1% to 23,870.5, with the Hang Seng Tech index down 4.2%. Meituan lost 5.6%, "
      "Xiaomi dropped 4.9% and Alibaba fell 4.4%. Japan's Nikkei 225 slipped 0.8%."),
  ])

# ---------------------------------------------------------------- Thu 2026-06-25
S("a-qwen-app-mau", "a-ai-consumer",
  "Alibaba says on Thu 2026-06-25 that its consumer Qwen chatbot app passed 150 million monthly active users in May, "
  "double its February level.",
  ["a-quark-ai-glasses-s2", "a-qwen4-coder-release", "a-wu-letter-qwen-business-group"],
  [
    I("36kr", "06-25 03:20", "千问App月活突破1.5亿",
      "36氪获悉，阿里巴巴旗下千问App 5月月活跃用户数突破1.5亿，较2月翻倍。"),
    I("bloomberg-technology", "06-25 05:20",
      "Alibaba's Qwen App Tops 150 Million Users, Narrowing Gap With ByteDance's Doubao",
      "Alibaba Group Holding Ltd.'s Qwen chatbot app more than doubled its monthly users since February, helped by "
      "integration with Taobao and Alipay services."),
    I("scmp-tech", "06-25 07:00", "Alibaba's Qwen chatbot app passes 150 million monthly users, doubling since February",
      "The milestone makes Qwen one of China's two largest consumer AI apps, Alibaba said."),
    I("udn", "06-25 09:30", "阿里千問App月活躍用戶破1.5億",
      "阿里巴巴25日表示，旗下AI聊天應用千問App在5月的月活躍用戶數突破1.5億，較2月增加一倍。"),
    I("reuters-tech", "06-25 06:15", "Alibaba says Qwen app monthly users top 150 million",
      "Alibaba Group said on Thursday its Qwen artificial intelligence app had more than 150 million monthly active "
      "users in May, as it competes with ByteDance's Doubao for Chinese consumers."),
  ])

# ---------------------------------------------------------------- Mon 2026-06-29
S("a-aidc-president-appointment", "a-exec-change",
  "Alibaba names former Lazada COO Kevin Yang (杨恺文) president of Alibaba International Digital Commerce Group "
  "(AliExpress, Lazada, Trendyol) effective July 1, in a memo reported on Mon 2026-06-29.",
  ["a-chief-ai-scientist-hire", "a-lazada-layoffs"],
  [
    I("latepost", "06-29 02:50", "阿里国际数字商业集团迎新总裁，杨恺文接任",
      "晚点获悉，阿里巴巴今日发布人事任命，Lazada前首席运营官杨恺文将于7月1日出任阿里国际数字商业集团总裁，向阿里巴巴CEO吴泳铭汇报。"),
    I("bloomberg-technology", "06-29 03:40",
      "Alibaba Names Lazada Veteran Kevin Yang to Run Overseas E-Commerce Arm",
      "Alibaba Group Holding Ltd. appointed Kevin Yang, a former Lazada operating chief, to lead its international "
      "commerce division, which includes AliExpress and Trendyol, according to an internal memo."),
    I("reuters-business", "06-29 05:55", "Alibaba appoints new head of international e-commerce unit",
      "Alibaba Group said on Monday it had named Kevin Yang as president of its international digital commerce group, "
      "confirming an internal memo, as the unit pushes to turn a profit."),
    I("tech-in-asia", "06-29 07:10", "Alibaba taps ex-Lazada COO as president of international commerce group",
      "Kevin Yang takes over AIDC on July 1 and will report directly to CEO Eddie Wu."),
  ])

# ---------------------------------------------------------------- Tue 2026-06-30
S("a-commerce-icts-probe", "a-us-commerce",
  "The US Commerce Department's ICTS office opens a national-security investigation into Alibaba Cloud's US "
  "operations and subpoenas the company; Reuters reports it on Tue 2026-06-30 and Commerce confirms the same evening.",
  ["a-icts-initial-determination", "a-bis-entity-list-cloud-affiliates", "a-house-letter-commerce-cloud",
   "a-sec-comment-letter"],
  [
    I("reuters-tech", "06-30 19:20",
      "EXCLUSIVE-US opens probe into Alibaba's cloud business over national security risks -sources",
      "The U.S. Commerce Department has opened an investigation into Alibaba Group's cloud business to determine whether "
      "its services pose a risk to U.S. national security, three people familiar with the matter said."),
    I("bloomberg-technology", "06-30 21:55", "US Commerce Department Confirms Review of Alibaba Cloud Services",
      "The Commerce Department confirmed that its Office of Information and Communications Technology and Services is "
      "reviewing Alibaba Group Holding Ltd.'s cloud business in the US."),
    I("reuters-tech", "06-30 22:05", "UPDATE 1-US Commerce confirms national security probe of Alibaba Cloud",
      "The Commerce Department said on Tuesday it had issued subpoenas to Alibaba Cloud as part of a review of the "
      "company's U.S. operations, confirming an earlier Reuters report. Alibaba did not immediately respond to a request "
      "for comment."),
    I("the-record", "06-30 23:10", "Commerce's ICTS office subpoenas Alibaba Cloud over US customer data",
      "The review could end in a ban on the Chinese provider serving American customers, as happened with Kaspersky."),
    I("sina-finance", "07-01 00:50", "美商务部对阿里云启动信息通信技术与服务审查",
      "据路透社报道，美国商务部已对阿里云美国业务展开国家安全审查，并向其发出传票。阿里巴巴暂未回应。"),
    I("ltn", "07-01 01:30", "美商務部調查阿里雲 憂美國用戶資料外流",
      "美國商務部證實，已針對中國阿里巴巴旗下阿里雲的在美業務展開國安調查，並發出傳票要求提供資料。"),
    I("scmp-china", "07-01 02:00", "US launches national security probe of Alibaba Cloud's American operations",
      "The investigation by the Commerce Department's ICTS office follows a similar review that ended with Kaspersky "
      "software being banned in the US."),
    I("zaobao", "07-01 02:40", "美国商务部调查阿里云美国业务",
      "美国商务部证实，已对阿里云的美国业务展开国家安全调查。这项调查最终可能导致阿里云被禁止向美国客户提供服务。"),
    I("yahoo-finance", "06-30 19:50",
      "EXCLUSIVE-US opens probe into Alibaba's cloud business over national security risks -sources",
      "The U.S. Commerce Department has opened an investigation into Alibaba Group's cloud business to determine whether "
      "its services pose a risk to U.S. national security, three people familiar with the matter said."),
  ])
