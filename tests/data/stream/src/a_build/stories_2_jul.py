# Part A, July 2026.
from common import I, S

# ---------------------------------------------------------------- Thu 2026-07-02 (Chinese only)
S("a-wu-letter-qwen-business-group", "a-internal-letter",
  "Alibaba CEO Eddie Wu's internal letter on Thu 2026-07-02 creates a Qwen Business Group (千问事业群) that merges "
  "Quark, the Qwen app and AI hardware; reported only by Chinese-language media.",
  ["a-qwen-app-mau", "a-quark-ai-glasses-s2", "a-chief-ai-scientist-hire"],
  [
    I("latepost", "07-02 02:10", "吴泳铭内部信：阿里成立千问事业群，整合夸克与千问App",
      "晚点获悉，阿里巴巴CEO吴泳铭今日发布内部信，宣布成立千问事业群，将夸克、千问App、AI眼镜等AI硬件业务整合在一起，"
      "称“AI to C是阿里下一个十年的第一战场”。"),
    I("36kr", "07-02 02:40", "阿里组织架构调整：夸克、千问App、AI硬件并入新事业群",
      "这是阿里今年以来第二次围绕AI应用调整组织。新事业群将统一负责面向消费者的AI产品，原夸克负责人出任事业群总裁。"),
    I("sina-tech", "07-02 03:15", "阿里巴巴发内部信成立千问事业群 吴泳铭称“AI to C是第一战场”",
      "内部信称，新事业群要在一年内把千问App打造成“用户最多的AI助手”。"),
    I("etnet", "07-02 04:20", "阿里巴巴據報成立千問事業群 整合夸克及AI應用",
      "據內地媒體報道，阿里巴巴行政總裁吳泳銘發內部信，宣布成立千問事業群，整合夸克、千問App及AI硬件業務。"),
  ])

# ---------------------------------------------------------------- Tue 2026-07-07
S("a-dim-sum-bond", "a-financing",
  "Alibaba prices an 18 billion yuan offshore yuan (dim sum) bond in four tranches (3/5/7/10-year, coupons 2.15%-3.05%) "
  "on Tue 2026-07-07, the largest corporate dim sum deal, with orders above 62 billion yuan.",
  ["a-convertible-bond-offering", "a-moodys-outlook-negative", "a-buyback-upsized"],
  [
    I("bloomberg-markets", "07-07 05:40", "Alibaba Sells Record 18 Billion Yuan of Dim Sum Bonds",
      "Alibaba Group Holding Ltd. priced 18 billion yuan ($2.5 billion) of offshore yuan notes in four parts, the biggest "
      "such sale by a company, according to a person familiar with the matter."),
    I("ifr", "07-07 07:10", "Alibaba prints Rmb18bn dim sum jumbo as demand tops Rmb60bn",
      "The 10-year tranche landed at 3.05%, 30bp inside initial guidance."),
    I("reuters-business", "07-07 08:30", "Alibaba raises 18 billion yuan in largest offshore yuan bond sale by a company",
      "Alibaba Group raised 18 billion yuan ($2.5 billion) from offshore yuan bonds on Tuesday, a term sheet showed, "
      "tapping cheap Chinese-currency funding to pay for data centres."),
    I("etnet", "07-07 09:05", "阿里巴巴(09988)發行180億元人民幣點心債",
      "阿里巴巴公布，發行總額180億元人民幣的離岸人民幣優先票據，分3年、5年、7年及10年期四批，票息介乎2.15厘至3.05厘。"),
    I("caixin", "07-07 09:40", "阿里巴巴发行180亿元离岸人民币债券 创企业点心债最大规模",
      "阿里巴巴此次点心债认购峰值超过620亿元，募资将用于一般企业用途及云计算基础设施建设。"),
    I("scmp-business", "07-07 10:20",
      "Alibaba's record 18 billion yuan dim sum bond shows lure of cheap yuan funding",
      "Alibaba's deal is the largest offshore yuan bond by a company, as Chinese borrowers shift away from dollar debt."),
  ])

# ---------------------------------------------------------------- Thu 2026-07-09
S("a-pentagon-rejects-delisting", "a-us-pentagon",
  "A court filing in Alibaba's lawsuit against the Pentagon shows on Thu 2026-07-09 that the Pentagon, in a June 26 "
  "letter, rejected Alibaba's petition to be removed from the Section 1260H 'Chinese military companies' list.",
  ["a-pentagon-contractor-cloud-ban", "a-court-remands-1260h", "a-alibaba-denies-pentagon", "a-alibaba-sues-commerce"],
  [
    I("reuters-china", "07-09 21:15",
      "Pentagon rejected Alibaba's bid to be removed from Chinese military company list, filing shows",
      "The U.S. Department of Defense last month turned down Alibaba Group's request to be taken off a list of companies "
      "it says work with China's military, according to a court filing made public on Thursday."),
    I("bloomberg-markets", "07-09 22:05", "Pentagon Turns Down Alibaba Request to Exit China Military List",
      "The Pentagon cited Alibaba Group Holding Ltd.'s research cooperation with universities affiliated with the "
      "People's Liberation Army, according to a letter filed in federal court in Washington."),
    I("breaking-defense", "07-09 23:40", "DoD keeps Alibaba on 1260H list, citing ties to PLA-linked universities",
      "The June 26 letter, filed in Alibaba's lawsuit, is the first time the department has laid out its reasoning in detail."),
    I("sina-finance", "07-10 01:15", "美国国防部拒绝将阿里巴巴移出“中国军事企业”清单",
      "据美国法院文件，美国国防部于6月26日致函阿里巴巴，驳回其移出1260H清单的申请。"),
    I("cna", "07-10 01:50", "美國防部駁回阿里巴巴申請 維持列入中國軍事企業清單",
      "（中央社華盛頓9日綜合外電報導）美國法院文件顯示，國防部已駁回中國電商巨頭阿里巴巴要求從「1260H清單」除名的申請。"),
    I("scmp-china", "07-10 02:30",
      "Pentagon refuses to drop Alibaba from 'Chinese military company' list, court papers show",
      "The rejection is the latest setback for the Hangzhou-based company, which sued the Pentagon in February over its listing."),
    I("law360", "07-09 23:05", "Pentagon Letter Denying Alibaba Delisting Bid Surfaces In DC Suit",
      "The letter was filed as an exhibit to the government's opposition brief."),
  ])

# ---------------------------------------------------------------- Mon 2026-07-13 (morning Beijing)
S("a-dingtalk-outage", "a-service-outage",
  "Alibaba's workplace app DingTalk goes down for about two hours on Mon 2026-07-13 from 09:30 Beijing; users cannot log "
  "in, message or clock in; DingTalk blames a network fault in a Hangzhou data centre and restores service by 11:40.",
  ["a-cloud-outage-singapore"],
  [
    I("36kr", "07-13 02:05", "钉钉突发故障：大量用户无法登录、打卡",
      "今日上午9点半左右，多地用户反映钉钉无法登录、消息发送失败、考勤打卡异常。"),
    I("sina-tech", "07-13 02:30", "“钉钉崩了”冲上热搜 官方回应：正在紧急修复",
      "钉钉官方微博回应称，部分用户出现访问异常，技术团队正在紧急处理，考勤异常将统一补卡。"),
    I("etnet", "07-13 03:00", "阿里旗下釘釘疑大規模故障 用戶無法登入",
      "內地辦公軟件釘釘今早出現故障，大批用戶無法登入及打卡，「釘釘崩了」登上微博熱搜。"),
    I("jiemian", "07-13 04:10", "钉钉回应故障：杭州机房网络异常所致，已全面恢复",
      "钉钉称，故障由杭州某机房网络设备异常引发，11时40分所有服务已恢复正常，将对受影响企业客户进行补偿。"),
    I("scmp-tech", "07-13 06:40",
      "Alibaba's DingTalk suffers two-hour outage, leaving millions unable to clock in",
      "DingTalk blamed a network fault in a Hangzhou data centre for the Monday-morning disruption."),
    I("technode", "07-13 05:20", "DingTalk restores service after two-hour outage hits China's offices",
      "Alibaba's workplace app blamed a network equipment fault in a Hangzhou data centre and promised compensation "
      "for enterprise customers."),
  ])

# ---------------------------------------------------------------- Wed 2026-07-15
S("a-shares-fall-macquarie-downgrade", "a-share-move",
  "Alibaba shares fall 5.3% in Hong Kong to HK$119.6 on Wed 2026-07-15 (ADRs -4.1% in New York the same day) after "
  "Macquarie cuts the stock to neutral from outperform and its target to HK$128 from HK$165 on instant-commerce losses.",
  ["a-hang-seng-selloff-june", "a-shares-fall-bis-blacklist", "a-shares-fall-sep-q-results",
   "a-shares-rise-after-samr-fine"],
  [
    I("etnet", "07-15 01:20", "麥格理降阿里巴巴(09988)評級至「中性」 目標價削至128元",
      "麥格理發表報告，將阿里巴巴評級由「跑贏大市」降至「中性」，目標價由165元降至128元，指即時零售虧損將較預期擴大，"
      "雲業務亦受算力供應所限。"),
    I("hket", "07-15 02:10", "【大行報告】麥格理下調阿里評級 阿里開市跌4%",
      "阿里巴巴今早低開4%，報121.2元，麥格理指外賣戰虧損擴大，下調其評級至中性。"),
    I("bloomberg-markets", "07-15 03:05", "Alibaba Falls Most in Three Months After Macquarie Cuts Rating",
      "Alibaba Group Holding Ltd. shares slid as much as 5.8% in Hong Kong after Macquarie downgraded the stock, "
      "saying losses from the food-delivery battle would be deeper than the market expects."),
    I("reuters-markets", "07-15 06:50", "Alibaba shares slide 5% after Macquarie downgrade on delivery losses",
      "Shares of Alibaba Group fell more than 5% in Hong Kong on Wednesday after Macquarie downgraded the e-commerce "
      "giant to neutral, citing mounting losses from its instant commerce push."),
    I("sina-finance", "07-15 08:15", "阿里巴巴收跌5.3% 麦格理下调评级至中性",
      "阿里巴巴-W(09988)今日收跌5.3%，报119.6港元，成交额约98亿港元。麦格理将其目标价下调至128港元。"),
    I("investing-com", "07-15 12:10", "Alibaba ADRs slip premarket after Macquarie downgrade to neutral",
      "Alibaba (NYSE:BABA) fell 4% in premarket trading Wednesday following the downgrade, tracking a 5.3% drop in Hong Kong."),
    I("marketwatch", "07-15 20:15", "Alibaba's stock falls after Macquarie says the delivery war will cost more",
      "Alibaba's U.S.-listed shares fell 4.1% Wednesday, after Macquarie downgraded the stock to neutral."),
  ])

# ---------------------------------------------------------------- Tue 2026-07-21
S("a-eu-aliexpress-dsa-fine", "a-regulatory-fine",
  "The European Commission fines AliExpress 320 million euros under the Digital Services Act on Tue 2026-07-21 for "
  "failing to curb illegal products and for opaque recommender systems; AliExpress says it will appeal.",
  ["a-samr-fine"],
  [
    I("eu-commission-press", "07-21 10:00",
      "Commission fines AliExpress €320 million for breaching the Digital Services Act", ""),
    I("reuters-tech", "07-21 10:25",
      "EU fines Alibaba's AliExpress 320 million euros for breaching online content rules",
      "EU tech regulators fined Alibaba's AliExpress 320 million euros ($372 million) on Tuesday for failing to "
      "stop the sale of illegal products, the first penalty under the Digital Services Act for an Asian online marketplace."),
    I("bloomberg-technology", "07-21 10:40", "AliExpress Hit With €320 Million EU Fine Over Illegal Products",
      "AliExpress said it would appeal the decision, which also faults the transparency of its recommendation algorithms."),
    I("techcrunch", "07-21 12:30", "EU slaps AliExpress with €320M DSA fine over illegal product listings",
      "The Commission says AliExpress's risk assessments underestimated the spread of unsafe toys, cosmetics and electronics."),
    I("scmp-tech", "07-21 13:00", "Alibaba's AliExpress fined €320 million by EU under digital rules, plans appeal",
      "The fine is a fraction of the maximum 6 per cent of global turnover allowed under the Digital Services Act."),
    I("yicai", "07-21 13:20", "欧盟依据《数字服务法》对速卖通罚款3.2亿欧元",
      "欧盟委员会认定速卖通未能有效阻止非法商品销售，推荐系统透明度不足。速卖通表示将提起上诉。"),
    I("cna", "07-21 14:10", "歐盟罰速賣通3.2億歐元 指違反數位服務法",
      "（中央社布魯塞爾21日綜合外電報導）歐盟執委會今天宣布，依「數位服務法」對阿里巴巴旗下電商平台速賣通處以3.2億歐元罰款。"),
    I("gnews-alibaba", "07-21 11:10", "EU fines AliExpress €320mn over illegal products - Financial Times", "",
      source="Financial Times"),
  ])

# ---------------------------------------------------------------- Wed 2026-07-22
S("a-thead-hanguang-900-chip", "a-ai-chip",
  "Alibaba's chip unit T-Head unveils the Hanguang 900 AI chip (96GB HBM, domestic 7nm-class process), already deployed "
  "in Alibaba Cloud data centres, on Wed 2026-07-22; Alibaba says it matches Nvidia's H20 on inference.",
  ["a-qwen4-coder-release", "a-apsara-ai-capex-pledge"],
  [
    I("36kr", "07-22 02:50", "平头哥发布含光900 AI芯片：96GB HBM，已在阿里云大规模部署",
      "阿里巴巴旗下芯片公司平头哥今日发布新一代AI芯片含光900，支持训练与推理，配备96GB HBM，采用国产7纳米级工艺。"),
    I("sina-tech", "07-22 03:20", "阿里平头哥推出新一代AI芯片含光900 推理性能对标H20",
      "平头哥称，含光900在大模型推理场景下性能与英伟达H20相当，已在阿里云多个数据中心部署上万片。"),
    I("scmp-tech", "07-22 03:30",
      "Alibaba's T-Head unveils Hanguang 900 AI chip as China pushes to replace Nvidia",
      "The chip is made on a domestic process and is already running Qwen workloads in Alibaba Cloud data centres, "
      "the company said."),
    I("reuters-tech", "07-22 05:10", "Alibaba unveils new AI chip, says it matches Nvidia's H20 on inference",
      "Alibaba Group on Wednesday unveiled a new artificial intelligence chip designed by its T-Head unit, as Chinese "
      "technology firms seek domestic alternatives to Nvidia processors restricted by U.S. export controls."),
    I("ctee", "07-22 06:00", "阿里平頭哥發表含光900 AI晶片 劍指輝達H20",
      "阿里巴巴旗下晶片設計公司平頭哥發表AI晶片含光900，宣稱推論效能與輝達H20相當，凸顯陸企加速晶片自主。"),
    I("tomshardware", "07-22 12:00", "Alibaba's Hanguang 900 packs 96GB of HBM, built on a domestic 7nm-class node",
      "T-Head didn't disclose the foundry, but the process and memory configuration point to SMIC and domestic HBM."),
    I("bloomberg-technology", "07-22 04:15", "Alibaba Unveils Homegrown AI Chip to Reduce Reliance on Nvidia",
      "Alibaba Group Holding Ltd.'s T-Head unit said the Hanguang 900 is already running in its data centers."),
  ])

# ---------------------------------------------------------------- Fri 2026-07-24
S("a-freshippo-ipo-filing", "a-unit-ipo",
  "Alibaba's grocery chain Freshippo (盒马) files for a Hong Kong IPO on Fri 2026-07-24, seeking about US$1.5 billion; "
  "FY2026 revenue 75.2 billion yuan, first full-year adjusted profit of 1.1 billion yuan; Alibaba stays controlling holder.",
  ["a-ant-international-ipo-filing"],
  [
    I("bloomberg-markets", "07-24 11:25", "Alibaba's Freshippo Files for Hong Kong IPO Seeking About $1.5 Billion",
      "Freshippo, the supermarket chain owned by Alibaba Group Holding Ltd., filed for a listing in Hong Kong after "
      "swinging to its first full-year profit."),
    I("reuters-business", "07-24 11:40", "Alibaba's Freshippo files for Hong Kong IPO",
      "Alibaba Group's grocery chain Freshippo filed for an initial public offering in Hong Kong on Friday, reviving a "
      "listing plan shelved in 2023."),
    I("jiemian", "07-24 12:10", "盒马向港交所递交上市申请 2026财年营收752亿元",
      "招股书显示，盒马2026财年营收752亿元，经调整净利润11亿元，为首次实现全年盈利。"),
    I("21jingji", "07-24 13:30", "盒马冲刺港股IPO：首次实现全年盈利，阿里仍为控股股东",
      "2023年阿里巴巴曾宣布暂缓盒马IPO。此次递表距离盒马完成门店调整、砍掉部分业态约两年。"),
    I("hket", "07-25 00:40", "盒馬遞表申港上市 據報集資約117億港元",
      "阿里巴巴旗下盒馬向港交所遞交上市申請，據報集資約15億美元（約117億港元）。"),
    I("scmp-business", "07-24 13:50",
      "Alibaba's Freshippo revives Hong Kong IPO plan after first full-year profit",
      "The grocery chain shelved its listing in 2023 amid Alibaba's restructuring."),
  ])

# ---------------------------------------------------------------- Tue 2026-07-28 (opinion)
S("a-breakingviews-ai-capex", "a-opinion",
  "Reuters Breakingviews column (Tue 2026-07-28) arguing Alibaba's AI spending needs a bigger cash cushion; "
  "commentary, no new event.",
  ["a-apsara-ai-capex-pledge", "a-moodys-outlook-negative"],
  [
    I("breakingviews", "07-28 10:00", "Alibaba's AI bet needs more than a cash pile",
      "Alibaba is spending as if cloud demand can only go up. Boss Eddie Wu has committed 380 billion yuan to AI "
      "infrastructure, the delivery war with Meituan is burning cash, and free cash flow turned negative last quarter. "
      "The $50 billion net cash pile looks ample, but it shrinks fast if Qwen's popularity doesn't translate into "
      "paying customers. Investors should want milestones: cloud margins, AI revenue disclosed on its own, and a limit "
      "on delivery subsidies. Without them, Alibaba's AI bet is a leap of faith priced as a sure thing."),
  ])

# ---------------------------------------------------------------- Thu 2026-07-30
S("a-ant-hkd-stablecoin-launch", "a-ant-group",
  "Ant International launches a Hong Kong dollar-backed stablecoin for cross-border merchant settlement on "
  "Thu 2026-07-30 under its new HKMA licence.",
  ["a-ant-international-ipo-filing", "a-dim-sum-bond"],
  [
    I("bloomberg-asia", "07-30 02:15", "Ant Group Launches Hong Kong Dollar Stablecoin for Cross-Border Payments",
      "Ant Group Co.'s international arm started issuing a stablecoin pegged to the Hong Kong dollar, initially for "
      "merchants settling payments on its Alipay+ network."),
    I("wallstreetcn", "07-30 03:10", "蚂蚁国际发行港元稳定币 首批用于跨境商户结算",
      "蚂蚁国际宣布正式发行港元稳定币，此前其香港子公司已获香港金管局发出的稳定币发行人牌照。"),
    I("coindesk", "07-30 04:30", "Ant International debuts HKD-pegged stablecoin under Hong Kong's new licensing regime",
      "The token is fully backed by Hong Kong dollar deposits and short-dated government debt, Ant said."),
    I("scmp-business", "07-30 05:00",
      "Ant Group's Hong Kong dollar stablecoin goes live for merchants in Alipay+ network",
      "The launch makes Ant one of the first big tech firms to issue a licensed stablecoin in Hong Kong."),
    I("mingpao", "07-30 22:20", "螞蟻港元穩定幣上線 先用於跨境商戶結算",
      "螞蟻國際宣布推出與港元掛鈎的穩定幣，首階段供Alipay+網絡內商戶作跨境結算。"),
    I("reuters-business", "07-30 06:40", "Ant Group's overseas arm launches Hong Kong dollar stablecoin",
      "Ant International said on Thursday it had begun issuing a stablecoin backed by Hong Kong dollars, to be used "
      "first by merchants on its cross-border payments network."),
  ])
