# Part B, August-September 2026.
from common import S

# ---------------------------------------------------------------------------
# FACTS: Mon 3 Aug global sell-off, several causes: US July payrolls (Fri 31 Jul) only
# +38,000, unemployment 4.6%; Trump threat of semiconductor tariffs over the weekend;
# China official manufacturing PMI 48.6 (Fri) and Caixin PMI 47.9 (Mon); BOJ hike, yen
# surge. Nikkei -4.2%, Kospi -3.5%, Hang Seng -784 pts (-3.1%) to 24,492, HSTECH -4.0%.
# US: Dow -900 pts, Nasdaq -3.1%, S&P -2.3%.
S("b-global-selloff-aug", "b-market-selloff",
  "Global stocks tumble on Mon 3 Aug 2026 on weak US jobs data, chip tariff threats, a China factory slump and a stronger yen.",
  ["b-hang-seng-vanke-selloff-jun", "b-hang-seng-data-slide-nov", "b-taiwan-stocks-drills-oct"],
  [
    ("08-03 05:40", "reuters-mkt", "Asian shares tumble as weak US jobs data, tariff threats and China factory slump hit sentiment",
     "Asian stocks slid on Monday, with Japan's Nikkei down more than 4%, as a surprisingly weak U.S. payrolls report, President Donald Trump's threat of tariffs on semiconductors and a contraction in Chinese factory activity sent investors fleeing riskier assets."),
    ("08-03 08:45", "bloomberg", "Global Stocks Rout Deepens as Nikkei Sinks 4%, Hang Seng Slides 3%",
     "A selloff that started with Friday's jobs data spread across Asia, as the yen's jump after the Bank of Japan's hike squeezed carry trades and China's Caixin PMI fell to 47.9."),
    ("08-03 09:30", "etnet", "環球股災 恒指收挫784點失守24500 科指跌4%",
     "美國非農職位僅增3.8萬、特朗普揚言徵收晶片關稅，加上內地PMI疲弱，港股今日全線下挫。恒指收報24,492點，跌784點或3.1%；科指跌4%，成交2,650億元。"),
    ("08-03 10:10", "sina", "全球股市“黑色星期一”：日经重挫4.2%，恒指跌3.1%，美股期货大跌",
     "受美国非农数据大幅低于预期、芯片关税威胁及中国制造业PMI回落等多重因素影响，亚太股市周一全线下跌，日经225指数跌4.2%，韩国综合指数跌3.5%，恒生指数跌3.1%。"),
    ("08-03 15:00", "marketwatch", "Stocks sink as jobs shock, chip-tariff threat and China's factory slump pile up",
     "Wall Street opened sharply lower Monday, following a rout in Asia, as investors digested three pieces of bad news at once."),
    ("08-03 20:30", "cnbc", "Dow drops 900 points, Nasdaq falls 3% as jobs scare, chip tariff threat spark global sell-off",
     "The Dow Jones Industrial Average fell about 900 points, or 2%, the S&P 500 slid 2.3% and the Nasdaq Composite lost 3.1%. Chipmakers led declines after Trump's weekend comments on semiconductor tariffs; the VIX topped 30."),
    ("08-03 23:00", "mingpao", "美就業差+晶片關稅+內地PMI弱 環球股市齊跌 恒指瀉784點",
     "多重利淡因素夾擊，環球股市周一急跌。港股恒指失守24,500點，美股道指收市跌近900點。有基金經理認為，市場憂慮美國經濟衰退與關稅升級同時出現。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 6 Aug after HK close, SMIC Q2: revenue $2.53bn (+14.5% y/y), gross margin
# 21.4%, net profit attributable $198m (+50%); utilisation 93%; Q3 guidance revenue
# +7-9% q/q, GM 21-23%.
S("b-smic-q2-aug", "b-smic-results",
  "SMIC reports June-quarter 2026 results on Thu 6 Aug 2026: revenue $2.53bn, up 14.5%, with higher Q3 guidance.",
  ["b-smic-q3-nov", "b-bis-fine-applied-oct", "b-huawei-ascend-sep"],
  [
    ("08-06 09:15", "prn", "SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION REPORTS UNAUDITED RESULTS FOR THE THREE MONTHS ENDED JUNE 30, 2026", ""),
    ("08-06 10:05", "reuters-tech", "China's SMIC posts 14% revenue rise, guides higher on local chip demand",
     "Semiconductor Manufacturing International Corp, China's largest contract chipmaker, on Thursday reported a 14.5% rise in second-quarter revenue to $2.53 billion and forecast third-quarter sales growth of 7% to 9%, as Chinese customers shifted orders home."),
    ("08-06 10:40", "bloomberg-tech", "SMIC Forecasts Sales Growth Above Estimates on China Chip Self-Sufficiency Push",
     "SMIC projected revenue growth that topped analyst estimates, signaling sustained demand from Chinese chip designers looking to reduce reliance on overseas foundries."),
    ("08-06 12:00", "scmp-tech", "SMIC revenue jumps 14.5% as Chinese chip designers bring orders home | South China Morning Post",
     "Mainland China's biggest foundry said utilisation reached 93 per cent in the June quarter and guided for further growth as local customers replace overseas suppliers."),
    ("08-06 11:30", "stcn", "中芯国际二季度营收25.3亿美元 同比增长14.5% 三季度指引环比增7%至9%",
     "中芯国际8月6日晚间公告，二季度销售收入25.3亿美元，同比增长14.5%；毛利率21.4%；产能利用率93%。公司预计三季度收入环比增长7%至9%，毛利率介于21%至23%。"),
    ("08-07 02:30", "etnet", "中芯（00981）次季純利增五成 指引第三季收入按季升7%至9%",
     "中芯國際公布第二季股東應佔溢利1.98億美元，按年增約50%；收入25.3億美元，毛利率21.4%。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 11 Aug, Moolenaar letter to Commerce Secretary Howard Lutnick: committee
# probe finds ~$2.4bn of Nvidia GPUs diverted to China via server distributors in
# Singapore and Malaysia since 2025; urges BIS to entity-list the intermediaries and to
# impose licence requirements for Malaysia and Thailand.
S("b-house-letter-chip-smuggling-aug", "b-house-china-committee-letter",
  "On Tue 11 Aug 2026 House China committee chairman Moolenaar writes to Commerce urging a crackdown on Nvidia chip smuggling via Southeast Asia.",
  ["b-entity-list-sep", "b-house-letter-unitree-jun", "b-house-letter-sec-pdd-oct", "b-nvidia-b30a-licences-jul"],
  [
    ("08-11 15:30", "ccpcommittee", "Moolenaar Presses Commerce to Shut Down AI Chip Smuggling Routes Through Southeast Asia", ""),
    ("08-11 17:10", "reuters-tech", "US lawmakers say $2.4 billion of Nvidia chips smuggled to China via Southeast Asia, urge crackdown",
     "The chairman of the U.S. House select committee on China said on Tuesday that an investigation had found about $2.4 billion worth of Nvidia processors were diverted to Chinese companies through distributors in Singapore and Malaysia, and urged the Commerce Department to blacklist them."),
    ("08-11 19:00", "tomshw", "House China committee claims billions in Nvidia GPUs slipped into China through Singapore and Malaysia",
     "The letter to Commerce Secretary Lutnick asks for Entity List designations and a license requirement covering Malaysia and Thailand; Nvidia says it has no evidence of diversion among its direct customers."),
    ("08-12 01:20", "zaobao", "美众议员致函商务部 指24亿美元英伟达芯片经东南亚流入中国",
     "美国众议院“中国特别委员会”主席穆勒纳尔致函商务部长卢特尼克，称调查发现约24亿美元的英伟达芯片经新加坡和马来西亚经销商转运至中国企业。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 12 Aug 16:30 HKT, Tencent Q2: revenue 206.1bn yuan (+12% y/y) vs est
# 203.4bn; non-IFRS attributable profit 70.4bn (+12%); IFRS 61.9bn; domestic games
# 47.6bn (+17%); international games 19.2bn (+22%); marketing services 42.6bn (+19%);
# fintech & business services 58.2bn (+7%); capex 23.1bn; Weixin MAU 1.43bn.
# President Martin Lau on the call: AI lifting ad targeting and games.
S("b-tencent-q2-aug", "b-tencent-results",
  "Tencent reports June-quarter 2026 results on Wed 12 Aug 2026: revenue 206.1bn yuan, up 12%, beating estimates.",
  ["b-tencent-q3-nov", "b-jd-q2-aug", "b-tencent-shares-aug", "b-xiaomi-q2-aug"],
  [
    ("08-12 08:32", "prn", "Tencent Announces 2026 Second Quarter and Interim Results",
     "Hong Kong, August 12, 2026 – Tencent Holdings Limited (\"Tencent\" or the \"Company\", 00700.HK), a leading Internet and technology company, today announced the unaudited consolidated results for the second quarter and six months ended June 30, 2026."),
    ("08-12 08:50", "reuters-tech", "Tencent second-quarter revenue rises 12%, beats estimates on games and AI-driven ads",
     "Chinese tech giant Tencent Holdings on Wednesday reported a 12% rise in second-quarter revenue to 206.1 billion yuan ($28.7 billion), ahead of analysts' average estimate of 203.4 billion yuan, helped by strong domestic gaming and advertising sales."),
    ("08-12 09:00", "sina", "腾讯控股（00700.HK）二季度营收2061亿元 同比增长12% 经调整净利润704亿元",
     "腾讯控股公布2026年第二季度业绩：总收入2061亿元，同比增长12%；非国际财务报告准则下本公司权益持有人应占盈利704亿元，同比增长12%；本土市场游戏收入476亿元，同比增长17%。"),
    ("08-12 09:05", "bloomberg-tech", "Tencent Sales Top Estimates as Hit Games, AI Ads Power Growth",
     "Tencent Holdings Ltd. posted faster-than-expected revenue growth as evergreen titles and AI-enhanced ad targeting offset a cautious consumer backdrop, bolstering the case for its stepped-up AI spending."),
    ("08-12 09:20", "mingpao", "騰訊次季經調整盈利704億人民幣 增12% 勝預期",
     "騰訊（00700）公布次季業績，收入2,061億元人民幣，按年增12%；非國際財務報告準則股東應佔盈利704億元，同增12%，勝市場預期。"),
    ("08-12 09:40", "cnbc-tech", "Tencent beats revenue expectations, posting 206.1 billion yuan as games sales jump 17%",
     "Revenue: 206.1 billion yuan vs. 203.4 billion yuan expected. Non-IFRS profit: 70.4 billion yuan, up 12%. Domestic games revenue rose 17%, international games 22%, and marketing services 19%."),
    ("08-12 10:15", "etnet", "騰訊(00700)第二季收入2,061億人民幣 本地市場遊戲收入升17%",
     "騰訊第二季國際市場遊戲收入192億元人民幣，按年升22%；營銷服務收入426億元，升19%；金融科技及企業服務收入582億元，升7%。"),
    ("08-12 10:40", "reuters-tech", "UPDATE 2-Tencent says AI boosting ad targeting as Q2 profit beats forecasts",
     "Tencent said on Wednesday its investments in artificial intelligence were paying off in higher advertising conversion and game engagement, as it reported a 12% rise in quarterly profit that beat forecasts. Capital expenditure rose to 23.1 billion yuan in the quarter, the company said, as it buys more chips for its Hunyuan models and Yuanbao assistant. President Martin Lau told analysts that supply of AI chips had improved, without giving details. Weixin's monthly active users reached 1.43 billion."),
    ("08-12 11:00", "scmp-tech", "Tencent posts 12% revenue growth on strong gaming, with AI spending at 23 billion yuan | South China Morning Post",
     "The Shenzhen-based owner of WeChat said capital expenditure rose to 23.1 billion yuan in the June quarter as it expanded its Hunyuan AI models and the Yuanbao chatbot."),
    ("08-12 12:30", "jiemian", "腾讯二季度资本开支231亿元，刘炽平：AI已在广告和游戏中产生实际回报",
     "腾讯总裁刘炽平在业绩电话会上表示，AI带动广告点击率和转化率提升，营销服务收入同比增长19%。二季度资本开支231亿元，微信及WeChat合并月活跃账户数14.3亿。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 13 Aug ~06:00 ET, JD Q2: revenue 381.2bn yuan (+6.9%); net income
# attributable 9.1bn (vs 6.2bn); non-GAAP 11.8bn; new businesses (JD Takeaway etc.)
# operating loss 8.7bn vs 14.8bn a year earlier; JD Retail revenue 327bn; ADR +4%
# premarket.
S("b-jd-q2-aug", "b-jd-results",
  "JD.com reports June-quarter 2026 results on Thu 13 Aug 2026: revenue 381.2bn yuan, food-delivery losses narrowing.",
  ["b-jd-q3-nov", "b-tencent-q2-aug", "b-meituan-q2-aug", "b-pdd-q2-aug"],
  [
    ("08-13 10:00", "prn", "JD.com Announces Second Quarter and Interim 2026 Results",
     "BEIJING, Aug. 13, 2026 /PRNewswire/ -- JD.com, Inc. (NASDAQ: JD and HKEX: 9618 (HKD counter) and 89618 (RMB counter)), a leading supply chain-based technology and service provider, today announced its unaudited financial results for the three and six months ended June 30, 2026."),
    ("08-13 10:05", "edgar", "6-K - JD.com, Inc. (0001549802) (Filer)", ""),
    ("08-13 10:40", "reuters-biz", "JD.com quarterly profit rises as food delivery losses narrow",
     "JD.com reported a rise in second-quarter profit on Thursday as losses in its food delivery business narrowed, and revenue grew 6.9% to 381.2 billion yuan, slightly above estimates."),
    ("08-13 11:10", "stcn", "京东集团二季度营收3812亿元 新业务亏损收窄至87亿元",
     "京东集团8月13日发布二季度财报，收入3812亿元，同比增长6.9%；归属于普通股股东净利润91亿元；新业务经营亏损87亿元，去年同期为148亿元。"),
    ("08-13 11:30", "cnbc", "JD.com shares rise 4% premarket as food delivery losses shrink to 8.7 billion yuan",
     "Revenue: 381.2 billion yuan, up 6.9% year on year. Net income attributable: 9.1 billion yuan vs. 6.2 billion a year ago. New businesses, which include food delivery, lost 8.7 billion yuan."),
    ("08-13 13:00", "21jingji", "京东外卖亏损收窄，二季度净利润回升至91亿元",
     "京东集团CEO许冉在电话会上表示，外卖业务单位经济模型持续改善，将继续理性投入。二季度京东零售收入3270亿元。"),
    ("08-13 14:20", "hket", "京東次季純利91億人民幣 外賣虧損收窄",
     "京東集團（09618）公布次季業績，收入3,812億元人民幣，按年增6.9%；股東應佔純利91億元；新業務經營虧損收窄至87億元。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 13 Aug HK session (first after Tencent results): Tencent +5.8% to record
# HK$712.50, adding ~HK$355bn market value; HSI +1.1% to 25,880; Tencent turnover
# HK$21bn.
S("b-tencent-shares-aug", "b-stock-move-after-results",
  "Tencent shares jump 5.8% to a record in Hong Kong on Thu 13 Aug 2026, the session after its results.",
  ["b-tencent-q2-aug", "b-meituan-shares-aug", "b-robosense-shares-jul", "b-hang-seng-rally-pboc-sep"],
  [
    ("08-13 02:05", "etnet", "騰訊業績勝預期 開市彈逾5%創新高",
     "騰訊（00700）昨日公布次季業績勝預期，今早高開5.3%，一度升至712.5元，創歷史新高，帶動恒指升逾250點。"),
    ("08-13 08:20", "reuters-mkt", "Tencent shares hit record high after results; Hang Seng gains 1.1%",
     "Shares of Tencent Holdings jumped 5.8% to a record HK$712.50 on Thursday, a day after the company reported better-than-expected quarterly earnings, lifting the Hang Seng index 1.1% to 25,880."),
    ("08-13 08:45", "bloomberg", "Tencent Jumps to Record as AI-Fueled Ad Growth Reassures Investors",
     "Tencent's rally added about HK$355 billion to its market value, as analysts at several brokerages raised price targets after the company's June-quarter beat."),
    ("08-13 09:00", "sina-hk", "港股收评：腾讯大涨5.8%创历史新高 恒指涨1.1%",
     "恒生指数收涨1.1%，报25880点。腾讯控股收涨5.8%，报712.5港元，成交额210亿港元，多家券商上调目标价。"),
    ("08-13 10:10", "scmp-biz", "Tencent’s record-breaking rally adds HK$355 billion in value as AI bets pay off | South China Morning Post",
     "At least 12 brokerages raised their price targets on the WeChat operator, with the stock now up 38% this year."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 18 Aug ~19:00 Beijing, DeepSeek releases DeepSeek-R2 reasoning model, MIT
# licence; says part of training ran on Huawei Ascend chips; AIME 2026 score 92%; API
# price cut (1 yuan per million input tokens, cache hit).
S("b-deepseek-r2-aug", "b-china-ai-model-release",
  "On Tue 18 Aug 2026 DeepSeek releases its R2 reasoning model, saying Huawei Ascend chips were used in training.",
  ["b-kimi-k3-release-jul", "b-baidu-ernie-nov", "b-huawei-ascend-sep", "b-house-ai-bill-jul"],
  [
    ("08-18 11:40", "36kr", "DeepSeek-R2正式发布并开源，首次披露使用国产昇腾芯片参与训练",
     "DeepSeek今日发布推理模型DeepSeek-R2，以MIT协议开源。技术报告显示，部分训练任务在华为昇腾集群上完成。"),
    ("08-18 12:30", "reuters-tech", "China's DeepSeek releases long-awaited R2 reasoning model, says it used Huawei chips in training",
     "Chinese AI startup DeepSeek on Tuesday released its R2 reasoning model, more than a year after its R1 shook global markets, and said part of its training was done on Huawei's Ascend processors."),
    ("08-18 13:50", "cnbc-tech", "DeepSeek finally releases R2, reigniting questions about U.S. chip curbs",
     "DeepSeek said R2 scored 92% on the AIME 2026 math benchmark. Nvidia shares were little changed in premarket trade."),
    ("08-18 14:20", "scmp-tech", "DeepSeek’s R2 arrives with lower prices and Huawei Ascend training | South China Morning Post",
     "The Hangzhou-based company cut API prices again and released the model weights under the permissive MIT licence."),
    ("08-18 16:30", "register", "DeepSeek drops R2 at last, claims Ascend silicon did some of the heavy lifting",
     "The tech report is coy about how much of the run used Huawei kit, but the headline is the one Beijing wanted."),
    ("08-19 00:30", "thepaper", "DeepSeek-R2发布：数学推理比肩国际顶尖，API价格再降",
     "DeepSeek-R2在AIME 2026测试中得分92%，API输入价格（缓存命中）降至每百万tokens 1元。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 19 Aug after HK close, Xiaomi Q2: revenue 138.6bn yuan (+19.5%); adjusted
# net profit 13.2bn (+22%); smartphone shipments 43.1m; EV deliveries 128,200; smart EV
# & AI segment revenue 34.8bn, operating profit 1.9bn; President Lu Weibing warns
# memory-chip cost pressure into 2027.
S("b-xiaomi-q2-aug", "b-xiaomi-results",
  "Xiaomi reports June-quarter 2026 results on Wed 19 Aug 2026: revenue 138.6bn yuan, adjusted profit 13.2bn.",
  ["b-xiaomi-q3-nov", "b-baidu-q2-aug", "b-tencent-q2-aug", "b-xiaomi-pla-report-oct"],
  [
    ("08-19 08:50", "hkex", "XIAOMI CORPORATION - ANNOUNCEMENT OF RESULTS FOR THE THREE MONTHS AND SIX MONTHS ENDED JUNE 30, 2026", ""),
    ("08-19 09:05", "sina", "小米集团（01810.HK）二季度营收1386亿元 经调整净利润132亿元",
     "小米集团公布2026年第二季度业绩：总收入1386亿元，同比增长19.5%；经调整净利润132亿元，同比增长22%。"),
    ("08-19 09:10", "reuters-tech", "Xiaomi second-quarter revenue rises 19% as EV sales jump",
     "Xiaomi on Wednesday reported a 19.5% rise in second-quarter revenue to 138.6 billion yuan, as deliveries of its YU7 SUV lifted its electric vehicle business."),
    ("08-19 09:30", "bloomberg-tech", "Xiaomi Profit Beats as YU7 SUV Drives Car Business Deeper Into Black",
     "Xiaomi Corp.'s adjusted net income rose 22% to 13.2 billion yuan, beating estimates, with its EV and AI segment posting an operating profit of 1.9 billion yuan."),
    ("08-19 10:00", "mingpao", "小米次季經調整純利132億 電動車業務賺19億",
     "小米集團（01810）次季收入1,386億元人民幣，經調整純利132億元；智能電動汽車等創新業務經營收益19億元，交付新車12.8萬輛。"),
    ("08-19 10:20", "cnbc-tech", "Xiaomi posts 13.2 billion yuan adjusted profit, EV unit profitable again",
     "Revenue: 138.6 billion yuan, up 19.5%. Smartphone shipments: 43.1 million. EV deliveries: 128,200. Executives warned higher memory prices would weigh on phone margins."),
    ("08-19 14:00", "electrek", "Xiaomi's EV business is now solidly profitable, delivering 128,200 cars in Q2",
     "The YU7 SUV pushed Xiaomi's car unit to 1.9 billion yuan of operating profit for the quarter, a milestone Tesla's Chinese rivals will envy."),
    ("08-19 11:40", "yicai", "小米汽车二季度交付12.8万辆 卢伟冰：存储涨价压力将持续到明年",
     "小米集团总裁卢伟冰在电话会上表示，存储芯片价格上涨对手机毛利率构成压力，预计将持续至2027年。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 20 Aug ~05:30 ET, Baidu Q2: revenue 32.1bn yuan (-2%); Baidu Core online
# marketing 14.6bn (-12%); AI Cloud 7.3bn (+31%); net income attributable 6.1bn; Robin
# Li on AI transformation. Shares -2% premarket.
S("b-baidu-q2-aug", "b-baidu-results",
  "Baidu reports June-quarter 2026 results on Thu 20 Aug 2026: revenue down 2%, AI cloud up 31%.",
  ["b-baidu-q3-nov", "b-baidu-ernie-nov", "b-xiaomi-q2-aug", "b-pdd-q2-aug"],
  [
    ("08-20 09:30", "prn", "Baidu Announces Second Quarter 2026 Results",
     "BEIJING, Aug. 20, 2026 /PRNewswire/ -- Baidu, Inc. (NASDAQ: BIDU and HKEX: 9888 (HKD Counter) and 89888 (RMB Counter)), a leading AI company with strong Internet foundation, today announced its unaudited financial results for the second quarter ended June 30, 2026."),
    ("08-20 09:35", "edgar", "6-K - Baidu, Inc. (0001329099) (Filer)", ""),
    ("08-20 10:30", "reuters-tech", "Baidu's ad slump deepens but AI cloud grows 31%",
     "Baidu reported a 2% fall in second-quarter revenue on Thursday as its core online advertising business shrank 12%, offsetting growth of 31% in its AI cloud unit."),
    ("08-20 11:00", "bloomberg-tech", "Baidu Sales Slip as AI Search Overhaul Weighs on Ad Business",
     "Baidu Inc.'s revenue fell for a third straight quarter as its shift to AI-generated search answers cut into traditional ad slots, while its cloud business kept growing."),
    ("08-20 11:50", "cnbc-tech", "Baidu revenue slips 2% as online ads shrink; AI cloud up 31%",
     "Revenue: 32.1 billion yuan vs. 32.4 billion expected. Online marketing revenue: 14.6 billion yuan, down 12%. AI Cloud: 7.3 billion yuan. Shares fell 2% in premarket trading."),
    ("08-20 12:10", "jiemian", "百度二季度营收321亿元，智能云收入增长31%，在线营销继续下滑",
     "百度二季度归属百度核心的在线营销收入146亿元，同比下降12%；智能云收入73亿元，同比增长31%。李彦宏称，AI原生营销服务收入占比持续提升。"),
    ("08-21 01:40", "etnet", "百度(09888)次季收入跌2% 智能雲業務升31%",
     "百度集團公布次季收入321億元人民幣，按年跌2%；股東應佔淨利潤61億元。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 25 Aug ~06:30 ET, PDD Q2: revenue 112.4bn yuan (+8%) vs est 117.1bn; online
# marketing 60.2bn; transaction services 52.2bn; net income attributable 28.3bn (-8%);
# management warns profit decline, 100bn merchant support; ADR -13% premarket, closes
# -14.6%.
S("b-pdd-q2-aug", "b-pdd-results",
  "PDD Holdings reports June-quarter 2026 results on Tue 25 Aug 2026: revenue misses at 112.4bn yuan; shares slump.",
  ["b-pdd-q3-nov", "b-jd-q2-aug", "b-meituan-q2-aug", "b-house-letter-sec-pdd-oct"],
  [
    ("08-25 10:30", "prn", "PDD Holdings Announces Second Quarter 2026 Unaudited Financial Results",
     "DUBLIN and SHANGHAI, Aug. 25, 2026 /PRNewswire/ -- PDD Holdings Inc. (\"PDD Holdings\" or the \"Company\") (NASDAQ: PDD), today announced its unaudited financial results for the second quarter ended June 30, 2026."),
    ("08-25 10:35", "edgar", "6-K - PDD Holdings Inc. (0001737806) (Filer)", ""),
    ("08-25 11:00", "reuters-biz", "PDD revenue misses estimates as Temu tariffs, merchant support weigh; shares slump",
     "PDD Holdings, owner of Temu, on Tuesday reported second-quarter revenue below estimates as U.S. tariffs hurt its overseas business and it spent heavily to support merchants at home, sending its U.S.-listed shares down 13% before the bell."),
    ("08-25 11:05", "yahoo", "PDD revenue misses estimates as Temu tariffs, merchant support weigh; shares slump",
     "PDD Holdings, owner of Temu, on Tuesday reported second-quarter revenue below estimates as U.S. tariffs hurt its overseas business and it spent heavily to support merchants at home, sending its U.S.-listed shares down 13% before the bell.",
     {"source": "Yahoo Finance (Reuters)"}),
    ("08-25 11:25", "cnbc", "PDD shares sink 13% premarket after revenue misses by nearly 5 billion yuan",
     "Revenue: 112.4 billion yuan vs. 117.1 billion expected. Net income attributable to shareholders: 28.3 billion yuan, down 8%. Management said profit would keep declining as it invests in merchant support."),
    ("08-25 12:40", "wallstreetcn", "拼多多二季度营收1124亿元不及预期，盘前跌超13%；管理层：利润下滑不可避免",
     "拼多多二季度营收1124亿元，同比增长8%，低于市场预期的1171亿元；归属于普通股股东净利润283亿元。董事长兼联席CEO陈磊称，将继续推进千亿扶持计划，短期利润下滑不可避免。"),
    ("08-25 14:10", "bloomberg", "PDD Falls Most in a Year as Sales Miss, Executives Warn of Lower Profit",
     "PDD Holdings Inc. shares fell as much as 15% in New York after the Temu owner's sales missed estimates and executives again declined to commit to dividends or buybacks."),
    ("08-26 00:50", "cnyes", "拼多多Q2營收遜預期 管理層示警獲利下滑 美股重挫14.6%",
     "拼多多公布第二季營收1,124億元人民幣，低於市場預期，管理層警告獲利將持續承壓，股價周二收跌14.6%。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 26 Aug after HK close, Meituan Q2: revenue 96.8bn yuan (+5.5%) vs est 98.9bn;
# adjusted net loss 4.1bn (vs profit 1.5bn); core local commerce operating loss 3.2bn;
# new initiatives loss 2.6bn; Keeta expanding in Brazil. Wang Xing: "involution-style
# competition is unsustainable", Meituan will not give up share.
S("b-meituan-q2-aug", "b-meituan-results",
  "Meituan reports June-quarter 2026 results on Wed 26 Aug 2026: adjusted net loss of 4.1bn yuan amid the delivery price war.",
  ["b-meituan-q3-nov", "b-meituan-shares-aug", "b-jd-q2-aug", "b-breakingviews-meituan-aug", "b-hang-seng-tech-delivery-jul"],
  [
    ("08-26 08:35", "hkex", "MEITUAN - ANNOUNCEMENT OF INTERIM RESULTS FOR THE SIX MONTHS ENDED JUNE 30, 2026", ""),
    ("08-26 08:50", "reuters-biz", "Meituan swings to quarterly loss as food delivery price war drags on",
     "Meituan on Wednesday swung to an adjusted net loss of 4.1 billion yuan in the second quarter, from a profit a year earlier, as subsidies to fend off JD.com and Alibaba in food delivery ate into its core business."),
    ("08-26 09:15", "mingpao", "美團次季經調整虧損41億人民幣 遜預期",
     "美團（03690）公布次季收入968億元人民幣，按年增5.5%；經調整虧損淨額41億元，去年同期為盈利。"),
    ("08-26 09:20", "bloomberg-tech", "Meituan Posts Loss as Wang Xing Vows to Hold Ground in Delivery War",
     "Meituan reported a loss for the first time since 2022 and its founder said the company would not cede market share, signaling no end to a subsidy battle that has cost China's internet giants billions."),
    ("08-26 09:40", "caixin", "美团二季度经调整亏损41亿元 核心本地商业由盈转亏",
     "美团二季度营收968亿元，同比增长5.5%，低于市场预期；核心本地商业经营亏损32亿元，新业务经营亏损26亿元。"),
    ("08-26 10:30", "scmp-biz", "Meituan loses 4.1 billion yuan in second quarter as subsidy battle with JD and Alibaba grinds on | South China Morning Post",
     "The Beijing-based company's overseas delivery brand Keeta widened its losses as it expanded into Brazil, while domestic order volumes rose but at lower prices."),
    ("08-26 11:10", "jiemian", "王兴：外卖行业“内卷式竞争”不可持续，美团不会放弃份额",
     "美团CEO王兴在业绩会上表示，外卖行业的内卷式竞争不可持续，但美团将坚定守住核心业务，不会放弃市场份额。"),
    ("08-26 22:45", "hkej", "美團轉盈為虧 核心本地商業蝕32億",
     "美團次季經調整虧損41億元人民幣，核心本地商業由去年同期盈利轉為經營虧損32億元；管理層未有給出虧損收窄時間表。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 27 Aug HK session: Meituan -9.6% to HK$88.40, lowest in nearly two years;
# Jefferies and others cut targets (Jefferies to HK$110); HSTECH -1.8%; HSI -0.7%.
S("b-meituan-shares-aug", "b-stock-move-after-results",
  "Meituan shares fall 9.6% in Hong Kong on Thu 27 Aug 2026, the session after its surprise loss.",
  ["b-meituan-q2-aug", "b-tencent-shares-aug", "b-hang-seng-tech-delivery-jul", "b-robosense-shares-jul"],
  [
    ("08-27 01:50", "etnet", "美團業績差 開市急挫逾8% 多間大行削目標價",
     "美團（03690）次季轉盈為虧，今早低開8.3%；富瑞將目標價削至110元。"),
    ("08-27 08:25", "reuters-mkt", "Meituan shares slump nearly 10% after surprise loss, brokers cut targets",
     "Shares of Meituan fell 9.6% in Hong Kong on Thursday, their steepest drop in more than a year, after the food delivery giant posted a surprise quarterly loss and said it would keep spending to defend its market share."),
    ("08-27 08:40", "bloomberg", "Meituan Sinks to Two-Year Low as Analysts Slash Targets After Loss",
     "At least eight brokerages cut their price targets on Meituan, which dragged the Hang Seng Tech Index down 1.8%."),
    ("08-27 09:05", "sina-hk", "美团股价重挫9.6%创近两年新低 多家投行下调目标价",
     "美团收跌9.6%，报88.4港元。杰富瑞、摩根士丹利等多家投行下调目标价，认为外卖竞争令盈利复苏时间表推迟。"),
    ("08-27 09:40", "scmp-biz", "Meituan shares slump 9.6 per cent after first loss since 2022 | South China Morning Post",
     "Brokerages including Jefferies and Morgan Stanley cut their price targets, with analysts saying the food delivery battle would delay a profit recovery into 2027."),
    ("08-27 10:20", "singtao", "美團暴跌9.6%收88.4元 拖累科指跌1.8%",
     "美團業績轉虧，股價全日急跌9.6%，收報88.4元，創近兩年新低；恒指跌184點，科指跌1.8%。"),
  ])

# ---------------------------------------------------------------------------
# Commentary, no new event (rule 5).
S("b-breakingviews-meituan-aug", "b-opinion-column",
  "Reuters Breakingviews column on Thu 27 Aug 2026 arguing Meituan's delivery war has no end in sight (commentary, no new event).",
  ["b-meituan-q2-aug", "b-meituan-shares-aug"],
  [
    ("08-27 06:30", "breakingviews", "BREAKINGVIEWS-Meituan's delivery war has no finish line",
     "Wang Xing says involution is unsustainable, yet Meituan is the one paying most to sustain it. With JD and Alibaba both able to fund losses from elsewhere, the delivery leader's profit pool is being competed away, and investors valuing it on 2024 margins are likely to be disappointed."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 8 Sep, state media (Xinhua/CCTV) say China's fourth aircraft carrier, the
# first nuclear-powered one (widely called Type 004), left Dalian shipyard for its first
# sea trial "recently"; ~110,000 tonnes, electromagnetic catapults. Taiwan MND monitoring.
S("b-carrier-sea-trial-sep", "b-pla-navy-carrier",
  "On Tue 8 Sep 2026 Chinese state media report that China's fourth, nuclear-powered aircraft carrier has begun its first sea trial.",
  ["b-pla-defence-white-paper-jul", "b-pla-drills-oct", "b-pla-drills-jun"],
  [
    ("09-08 02:30", "huanqiu", "我国第四艘航母开展首次航行试验",
     "据新华社消息，我国第四艘航空母舰近日从大连造船厂码头解缆起航，赴相关海域开展首次航行试验，主要测试动力系统与电力系统的可靠性和稳定性。"),
    ("09-08 03:00", "globaltimes", "China's fourth aircraft carrier sets sail for maiden sea trial",
     "The carrier departed from a shipyard in Dalian to carry out its first sea trial, which will mainly test the reliability and stability of its power and electrical systems, Xinhua reported on Tuesday."),
    ("09-08 03:40", "reuters-world", "China's first nuclear-powered aircraft carrier begins sea trials, state media says",
     "China's fourth aircraft carrier, believed to be its first powered by nuclear reactors, has begun sea trials from the northeastern port of Dalian, state media said on Tuesday, a major step in Beijing's push for a blue-water navy."),
    ("09-08 04:15", "sina-mil", "004型航母首次海试 专家：核动力将大幅提升远海作战能力",
     "军事专家表示，第四艘航母若采用核动力，续航力将不再受燃油限制，配合电磁弹射可显著提升舰载机出动能力。"),
    ("09-08 05:10", "scmp-mil", "Type 004: China’s nuclear-powered supercarrier sets sail on maiden sea trials from Dalian | South China Morning Post",
     "Satellite images show the roughly 110,000-tonne ship with four electromagnetic catapults, putting it close in size to US Navy supercarriers."),
    ("09-08 06:00", "ltn", "中國第4艘航艦首度海試 國防部：密切監控",
     "中國官媒報導第4艘航空母艦已從大連出港進行首次海試，外界推測為核動力的004型航艦。國防部表示對共軍動態均密切監控掌握。"),
    ("09-08 15:30", "warzone", "China's Nuclear Supercarrier Heads To Sea For The First Time",
     "The Type 004's departure from Dalian comes less than a year after the conventionally powered Fujian was commissioned."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 10 Sep, House passes FY2027 NDAA ($890bn) 231-196; provision bars DoD from
# procuring batteries from CATL, BYD, EVE, Gotion, Envision, Hithium and extends ban to
# prime contractors' supply chains from Oct 2028.
S("b-ndaa-house-battery-sep", "b-ndaa-provision",
  "On Thu 10 Sep 2026 the US House passes its FY2027 NDAA with a provision barring Pentagon contractors from using CATL, BYD and other Chinese batteries.",
  ["b-house-ai-bill-jul", "b-pentagon-1260h-jul", "b-entity-list-sep"],
  [
    ("09-10 22:10", "politico", "House passes $890B defense bill with crackdown on Chinese batteries",
     "The House approved its version of the annual defense policy bill 231-196 Thursday, largely along party lines, after adopting an amendment that extends a ban on Chinese batteries to contractors' supply chains."),
    ("09-10 23:00", "reuters", "US House passes defense bill that would bar Pentagon contractors from using CATL, BYD batteries",
     "The U.S. House of Representatives on Thursday passed an $890 billion defense policy bill that would bar the Pentagon's contractors from using batteries made by six Chinese companies, including CATL and BYD, starting in October 2028."),
    ("09-11 01:30", "electrek", "US defense bill would ban CATL and BYD batteries from Pentagon supply chain",
     "The House NDAA expands the existing procurement ban to prime contractors — which could touch everything from base vehicles to drones."),
    ("09-11 03:00", "caixin", "美众议院通过国防授权法案 拟禁止国防承包商使用宁德时代、比亚迪电池",
     "美国众议院以231票对196票通过2027财年国防授权法案，其中条款拟自2028年10月起禁止国防部承包商供应链使用宁德时代、比亚迪、亿纬锂能、国轩高科、远景、海辰储能等6家中国企业的电池。"),
    ("09-11 14:00", "breakingdefense", "What's in the House NDAA: Chinese battery ban expands to prime contractors' supply chains",
     "Beyond the topline, the House bill carries a long list of China provisions; the battery language is the one industry lobbyists fought hardest."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 15 Sep, BIS adds 26 entities — China 9, Singapore 7, Malaysia 6, Thailand 2,
# Hong Kong 2 — for diverting advanced AI chips (Nvidia, AMD) to China, incl. a Shenzhen
# server maker and two GPU-rental cloud firms. Lutnick: "Anyone who smuggles American AI
# chips into China will pay." Nvidia: complies with export rules. Singapore MTI: will
# cooperate. FR publication Wed 16 Sep.
S("b-entity-list-sep", "b-entity-list-addition",
  "On Tue 15 Sep 2026 the Commerce Department adds 26 entities in China, Singapore, Malaysia, Thailand and Hong Kong to the Entity List for diverting AI chips to China (Federal Register 16 Sep).",
  ["b-entity-list-jun", "b-entity-list-oct", "b-mfa-entity-list-sep", "b-mofcom-entity-list-sep",
   "b-house-letter-chip-smuggling-aug", "b-bloomberg-opinion-smuggling-sep"],
  [
    ("09-15 16:30", "bis", "Commerce Adds 26 Entities to Entity List for Diverting Advanced AI Chips to China", ""),
    ("09-15 17:05", "reuters-tech", "US blacklists 26 firms in China, Singapore, Malaysia over AI chip smuggling",
     "The U.S. Commerce Department on Tuesday added 26 companies in China, Singapore, Malaysia, Thailand and Hong Kong to its entity list, accusing them of diverting advanced artificial intelligence chips to China in violation of export controls."),
    ("09-15 17:06", "reuters", "US blacklists 26 firms in China, Singapore, Malaysia over AI chip smuggling",
     "The U.S. Commerce Department on Tuesday added 26 companies in China, Singapore, Malaysia, Thailand and Hong Kong to its entity list, accusing them of diverting advanced artificial intelligence chips to China in violation of export controls.",
     {"same_as": 2}),
    ("09-15 17:40", "bloomberg-tech", "US Adds Singapore, Malaysia Firms to Entity List in Crackdown on Nvidia Chip Diversion",
     "The Commerce Department targeted the Southeast Asian middlemen that lawmakers say helped route billions of dollars of Nvidia Corp. accelerators to Chinese data centers. \"Anyone who smuggles American AI chips into China will pay,\" Commerce Secretary Howard Lutnick said."),
    ("09-15 18:15", "cnbc-tech", "Commerce blacklists 26 companies over AI chip smuggling; Nvidia says it complies with export rules",
     "Nine of the entities are in mainland China, including a Shenzhen server maker and two GPU rental firms. Nvidia said it sells only to vetted partners and has no evidence of diversion."),
    ("09-16 01:40", "reuters-tech", "UPDATE 2-US blacklists firms accused of smuggling Nvidia chips to China; Singapore vows cooperation",
     "Singapore's trade ministry said on Wednesday it would cooperate with U.S. authorities after seven Singapore-registered companies were among 26 entities added to Washington's entity list for allegedly diverting advanced AI chips to China. The action follows a House committee investigation that estimated $2.4 billion worth of Nvidia processors had been routed to China through Southeast Asia. Malaysia's trade ministry said it was reviewing the list. Entities on the list need a licence to receive U.S. items, which is usually denied. Nvidia said it complies with all export rules."),
    ("09-15 21:00", "gn-ft", "US cracks down on Nvidia chip smuggling hubs in south-east Asia - Financial Times", ""),
    ("09-16 00:10", "wallstreetcn", "美商务部将26家实体列入实体清单，涉嫌向中国转运英伟达AI芯片",
     "美国商务部当地时间周二宣布，将中国、新加坡、马来西亚、泰国及中国香港的26家实体列入实体清单，指其违反出口管制向中国转运先进AI芯片。"),
    ("09-16 00:30", "straitstimes", "7 Singapore-registered firms placed on US Entity List over alleged AI chip diversion",
     "MTI said Singapore does not tolerate the use of its companies to circumvent other countries' export controls and will take action if local laws are breached."),
    ("09-16 01:00", "ctee", "美出手打擊AI晶片走私 26實體列黑名單 星馬企業入列",
     "美國商務部將26個實體列入實體清單，其中新加坡7家、馬來西亞6家，業界關注伺服器代工廠出貨東南亞的合規審查將更趨嚴格。"),
    ("09-16 01:30", "zaobao", "七家新加坡公司被列入美国实体清单 新加坡贸工部：将配合调查",
     "美国商务部把26家涉嫌向中国转运先进人工智能芯片的实体列入实体清单，其中七家在新加坡注册。贸工部说，新加坡不容许本地公司被用来规避他国出口管制。"),
    ("09-16 02:20", "cna-fin", "美國將26實體列入實體清單 涉轉運先進AI晶片至中國",
     "（中央社華盛頓15日綜合外電報導）美國商務部今天把26個實體列入出口管制實體清單，指控它們協助將先進人工智慧晶片轉運至中國。"),
    ("09-17 02:00", "nikkei", "Explainer: Why Southeast Asia became the back door for Nvidia chips to China",
     "Singapore and Malaysia host a boom in data centers and server assembly, making them natural transit points for accelerators. Tuesday's US blacklisting of 13 firms in the two countries shows Washington is now targeting that route."),
    ("09-16 13:00", "fedreg", "Additions to the Entity List",
     "In this rule, the Bureau of Industry and Security (BIS) amends the Export Administration Regulations (EAR) by adding 26 entities to the Entity List. These entities have been determined by the U.S. Government to be acting contrary to the national security or foreign policy interests of the United States, including by diverting or attempting to divert advanced computing items to China. These entities will be listed under the destinations of China (9), Hong Kong (2), Malaysia (6), Singapore (7), and Thailand (2)."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 16 Sep, MFA spokesperson Guo Jiakun at regular briefing: US "weaponises"
# trade and tech, overstretches national security; firmly opposes; urges US to stop.
S("b-mfa-entity-list-sep", "b-mfa-response",
  "On Wed 16 Sep 2026 China's foreign ministry (Guo Jiakun) condemns the US entity listing over AI-chip diversion.",
  ["b-entity-list-sep", "b-mofcom-entity-list-sep", "b-mfa-1260h-jul", "b-mfa-taiwan-arms-sale-jun"],
  [
    ("09-16 07:50", "reuters", "China says US chip smuggling blacklist 'weaponises' trade, urges it to stop",
     "China's foreign ministry said on Wednesday the U.S. was weaponising trade and technology issues after Washington blacklisted 26 firms accused of diverting AI chips to China."),
    ("09-16 08:30", "globaltimes", "US entity listing of Chinese firms typical economic bullying: FM spokesperson",
     "Foreign Ministry spokesperson Guo Jiakun said China firmly opposes the US overstretching the concept of national security and will firmly safeguard the lawful rights of Chinese companies."),
    ("09-16 09:10", "mingpao", "美以AI晶片走私為由制裁中企 外交部：堅決反對泛化國家安全",
     "外交部發言人郭嘉昆今日表示，美方將經貿科技問題政治化、工具化，中方堅決反對，敦促美方停止無理打壓。"),
    ("09-16 11:40", "mfa", "2026年9月16日外交部发言人郭嘉昆主持例行记者会", ""),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 16 Sep 20:30 Beijing, MOFCOM spokesperson Q&A on the 26-entity listing:
# firmly opposes US abuse of export controls and "long-arm jurisdiction" over third
# countries; will take necessary measures.
S("b-mofcom-entity-list-sep", "b-mofcom-response",
  "On Wed 16 Sep 2026 China's commerce ministry responds to the US entity listing over AI-chip diversion and vows necessary measures.",
  ["b-entity-list-sep", "b-mfa-entity-list-sep", "b-mofcom-entity-list-jun", "b-mofcom-export-controls-oct"],
  [
    ("09-16 12:30", "mofcom", "商务部新闻发言人就美方将多家中国实体列入出口管制实体清单答记者问", ""),
    ("09-16 13:10", "reuters", "China's commerce ministry says it will take 'necessary measures' over US chip blacklist",
     "China's commerce ministry said on Wednesday it firmly opposed the U.S. decision to blacklist Chinese companies over alleged AI chip smuggling, and criticised what it called Washington's long-arm jurisdiction over third countries."),
    ("09-16 13:30", "globaltimes", "MOFCOM vows necessary measures after US adds Chinese entities to Entity List",
     "China's Ministry of Commerce on Wednesday slammed the US for abusing export controls and exercising long-arm jurisdiction over third-country companies."),
    ("09-16 13:40", "stcn", "商务部：坚决反对美方滥用出口管制 将采取必要措施维护中方企业正当权益",
     "商务部新闻发言人表示，美方将多家中国实体列入实体清单，并对第三国企业实施“长臂管辖”，严重损害全球半导体产业链供应链稳定。"),
    ("09-16 14:50", "hket", "美將中企列實體清單 商務部：堅決反對長臂管轄",
     "國家商務部就美方以轉運AI晶片為由將多家中國實體列入實體清單回應稱，中方將採取必要措施。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 17 Sep, Huawei Connect 2026 Shanghai: rotating chairman Eric Xu says Ascend
# 960 brought forward to Q1 2027; second-gen in-house HBM; Atlas 960 SuperPoD with
# 15,488 cards; Ascend 950 shipped 300,000 units since April launch.
S("b-huawei-ascend-sep", "b-huawei-ascend",
  "On Thu 17 Sep 2026 at Huawei Connect, Eric Xu brings the Ascend 960 AI chip forward to Q1 2027 and unveils the Atlas 960 SuperPoD.",
  ["b-nvidia-b30a-licences-jul", "b-china-halts-nvidia-oct", "b-deepseek-r2-aug", "b-smic-q2-aug"],
  [
    ("09-17 03:10", "36kr", "徐直军：昇腾960提前至2027年一季度推出，华为将自研第二代HBM",
     "华为副董事长、轮值董事长徐直军在华为全联接大会2026上表示，昇腾960芯片将提前至2027年第一季度推出，并搭载华为自研的第二代高带宽内存。"),
    ("09-17 04:30", "reuters-tech", "Huawei brings forward Ascend 960 AI chip launch, touts giant cluster to rival Nvidia",
     "Huawei said on Thursday it would launch its Ascend 960 AI chip in the first quarter of 2027, earlier than planned, and unveiled a computing cluster linking more than 15,000 of its chips as it seeks to fill the gap left by U.S. restrictions on Nvidia."),
    ("09-17 05:45", "bloomberg-tech", "Huawei Accelerates AI Chip Road Map as China Pushes Self-Reliance",
     "Huawei Technologies Co. said it has shipped about 300,000 Ascend 950 processors since April, signaling it can produce at scale despite US sanctions that cut it off from TSMC."),
    ("09-17 06:20", "yicai", "华为全联接大会：昇腾950出货30万片，Atlas 960超节点规模达15488卡",
     "华为发布Atlas 960 SuperPoD超节点，单个超节点支持15488张昇腾卡，并提出“百万卡”超集群规划。"),
    ("09-17 07:30", "udn", "華為加速AI晶片布局 昇騰960提前明年首季推出",
     "華為在上海舉行的全聯接大會上宣布，昇騰960晶片將提前至2027年第一季推出，被視為回應美國對輝達晶片的出口管制。"),
    ("09-17 10:20", "register", "Huawei pulls Ascend 960 forward, promises million-chip superclusters",
     "Eric Xu's keynote had more numbers than specifics, but 300,000 Ascend 950s shipped is a figure Nvidia's China sales team will have noticed."),
  ])

# ---------------------------------------------------------------------------
# Commentary, no new event (rule 5).
S("b-bloomberg-opinion-smuggling-sep", "b-opinion-column",
  "Bloomberg Opinion column on Fri 18 Sep 2026 arguing the Entity List cannot stop chip smuggling (commentary, no new event).",
  ["b-entity-list-sep", "b-house-letter-chip-smuggling-aug"],
  [
    ("09-18 10:00", "bloomberg-opinion", "The Entity List Is a Sieve, and Everyone Knows It",
     "Washington's latest blacklist targets middlemen in Singapore and Malaysia. The smugglers will simply register new shell companies; if the US wants to keep accelerators out of China, it needs to track the chips, not the paperwork."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 22 Sep, Unitree Robotics files suit in US District Court for DC against DoD
# and Secretary Hegseth seeking removal from 1260H list; designation "arbitrary and
# capricious" under the APA; says it lost US retail partners and its STAR IPO was
# delayed. Follows Hesai (2024) and DJI suits.
S("b-unitree-sues-pentagon-sep", "b-lawsuit-us-agency",
  "On Tue 22 Sep 2026 Unitree Robotics sues the US Defense Department in Washington to be removed from the 1260H list.",
  ["b-pentagon-1260h-jul", "b-unitree-denial-jul", "b-hesai-appeal-ruling-oct"],
  [
    ("09-22 18:40", "reuters-tech", "Chinese robot maker Unitree sues Pentagon over military company designation",
     "Chinese robotics firm Unitree Robotics sued the U.S. Defense Department on Tuesday, asking a federal court in Washington to remove it from a list of companies the Pentagon says work with China's military."),
    ("09-22 19:30", "bloomberg-law", "Unitree Sues Defense Department to Get Off Chinese Military List",
     "Unitree's complaint in the US District Court for the District of Columbia says the July designation was arbitrary and capricious and cost the company US retail partners."),
    ("09-22 21:00", "techcrunch", "Unitree takes the Pentagon to court over ‘Chinese military company’ label",
     "The robot dog maker is the latest Chinese company to sue over a 1260H listing; lidar maker Hesai and drone maker DJI brought similar cases with little success."),
    ("09-23 01:10", "scmp-tech", "Unitree files lawsuit in Washington to challenge Pentagon blacklisting, following Hesai and DJI | South China Morning Post",
     "The Hangzhou company says the designation delayed its Star Market IPO; it denies any military ties."),
    ("09-23 02:00", "jiemian", "宇树科技起诉美国国防部，要求撤销“中国军事企业”认定",
     "宇树科技已向美国哥伦比亚特区联邦地区法院提起诉讼，称美国防部的认定“武断且任意”，要求将其从1260H清单中移除。"),
    ("09-23 02:40", "cna", "宇樹科技控告美國防部 要求移出中國軍企清單",
     "（中央社華盛頓22日綜合外電報導）中國機器人製造商宇樹科技今天在華府聯邦地方法院對美國國防部提告，要求將其從中國軍事企業清單中除名。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 24 Sep 09:00 Beijing, PBOC governor Pan Gongsheng at SCIO briefing: RRR cut
# 50bp; 7-day reverse repo rate cut 10bp to 1.30%; lower rates on existing mortgages;
# ~1tn yuan long-term liquidity.
S("b-pboc-rate-cut-sep", "b-pboc-policy",
  "On Thu 24 Sep 2026 PBOC governor Pan Gongsheng announces a 50bp reserve-ratio cut and a 10bp policy-rate cut.",
  ["b-hang-seng-rally-pboc-sep", "b-hang-seng-rally-stimulus-jun"],
  [
    ("09-24 01:35", "reuters", "China's central bank cuts reserve ratio by 50 bps, policy rate by 10 bps",
     "China's central bank on Thursday cut banks' reserve requirement ratio by 50 basis points and its benchmark seven-day reverse repo rate by 10 basis points to 1.30%, Governor Pan Gongsheng said, stepping up support for a slowing economy."),
    ("09-24 01:40", "xinhua", "潘功胜：下调存款准备金率0.5个百分点 政策利率下调0.1个百分点",
     "中国人民银行行长潘功胜24日在国新办新闻发布会上宣布，下调存款准备金率0.5个百分点，向市场提供长期流动性约1万亿元；7天期逆回购操作利率下调0.1个百分点至1.30%。"),
    ("09-24 01:50", "bloomberg", "PBOC Cuts Key Rate, RRR in Broad Easing Push to Revive Growth",
     "The People's Bank of China lowered its main policy rate and the amount of cash banks must hold in reserve, and said it would guide lower rates on existing mortgages."),
    ("09-24 02:30", "cnbc", "China's central bank cuts RRR by 50 basis points, lowers policy rate to 1.3%",
     "The PBOC will release about 1 trillion yuan of long-term liquidity. Economists had expected a cut before year-end, but the timing surprised some."),
    ("09-24 03:20", "caixin", "央行“降准+降息”同步落地 释放长期流动性约1万亿元",
     "央行宣布降准0.5个百分点、政策利率下调10个基点，并引导商业银行下调存量房贷利率。分析人士认为，此次降息幅度虽小，但信号意义明确。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 24 Sep HK: HSI +936 pts (+3.6%) to 26,940; HSTECH +5.2%; turnover HK$412bn;
# CSI 300 +2.9%. US session: KWEB +6%, Golden Dragon +5.1%.
S("b-hang-seng-rally-pboc-sep", "b-hang-seng-move",
  "Hong Kong stocks jump 3.6% on Thu 24 Sep 2026 after the PBOC's rate cuts; US-listed Chinese stocks follow.",
  ["b-pboc-rate-cut-sep", "b-hang-seng-rally-stimulus-jun", "b-adr-rally-summit-oct", "b-tencent-shares-aug"],
  [
    ("09-24 04:05", "etnet", "人行降準降息 恒指半日飆逾800點 科指升近5%",
     "人民銀行宣布降準0.5個百分點及下調政策利率，港股今早急升，恒指半日升812點，報26,816點；科指升4.8%，半日成交2,300億元。"),
    ("09-24 08:30", "reuters-mkt", "Hong Kong stocks surge 3.6% as Beijing's rate cuts spark broad rally",
     "Hong Kong stocks posted their biggest gain in six months on Thursday after China's central bank cut interest rates and bank reserve requirements, with the Hang Seng index closing up 3.6% at 26,940."),
    ("09-24 08:50", "bloomberg", "Hong Kong Stocks Jump Most Since March as PBOC Easing Lifts Sentiment",
     "Property developers and brokers led gains, while turnover surged to HK$412 billion, the highest this year."),
    ("09-24 09:10", "wallstreetcn", "港股收评：恒指大涨3.6%，恒生科技指数涨5.2%，成交额超4100亿港元",
     "恒生指数收涨936点，报26940点；恒生科技指数涨5.2%。内房股、券商股领涨，沪深300指数同日上涨2.9%。"),
    ("09-24 20:40", "cnbc", "Chinese stocks listed in the U.S. pop after Beijing cuts rates; KWEB up 6%",
     "The KraneShares CSI China Internet ETF gained 6% and the Nasdaq Golden Dragon China index rose 5.1%, extending a rally that began in Hong Kong."),
    ("09-24 22:30", "hkej", "降準降息齊發 恒指狂飆936點 成交逾4100億",
     "人行突宣布降準降息，港股昨日全線急升，恒指收報26,940點，升936點或3.6%，為半年最大升幅；成交4,120億元。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 29 Sep, FCC (Chairman Brendan Carr) adds Quectel and Fibocom cellular IoT
# modules to the Covered List, barring new equipment authorisations for devices using
# them.
S("b-fcc-covered-list-sep", "b-fcc-action",
  "On Tue 29 Sep 2026 the FCC adds Chinese module makers Quectel and Fibocom to its Covered List.",
  ["b-entity-list-sep", "b-ndaa-house-battery-sep"],
  [
    ("09-29 17:30", "fcc", "FCC Adds Quectel and Fibocom IoT Modules to Covered List", ""),
    ("09-29 18:20", "reuters-tech", "US FCC adds Chinese module makers Quectel, Fibocom to national security list",
     "The Federal Communications Commission said on Tuesday it had added Chinese cellular module makers Quectel and Fibocom to its list of communications equipment deemed a threat to U.S. national security, barring approval of new devices that use them."),
    ("09-29 20:00", "lightreading", "FCC's Carr puts Quectel, Fibocom modules on the Covered List – IoT makers face redesigns",
     "The two companies supply a large share of the cellular modules in US meters, trackers and routers; existing devices are unaffected, but new authorizations are off the table."),
    ("09-30 01:30", "21jingji", "美FCC将移远通信、广和通模组列入“涵盖清单” 物联网产业链关注后续影响",
     "美国联邦通信委员会宣布将移远通信、广和通的蜂窝物联网模组列入“涵盖清单”，此后使用相关模组的新设备将无法获得FCC设备授权。"),
  ])
