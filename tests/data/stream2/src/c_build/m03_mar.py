"""March 2027, written by hand. Times are UTC (Hong Kong = UTC+8; New York = UTC-5 until
Sun 2027-03-14, UTC-4 after). The NPC session opens on Fri Mar 5; Good Friday is Mar 26 and
Easter Monday Mar 29 (Hong Kong closed both days)."""
from common import story

story("c-byd-feb-sales", "c-byd-monthly-sales",
      "On Mon 2027-03-01 BYD reported February NEV sales of 241,700 (-4% y/y), 96,300 of them "
      "overseas.",
      ["c-byd-jan-sales", "c-byd-mar-sales", "c-byd-2026-full-year-sales", "c-byd-2026-annual-results"],
      [
          ("03-01 08:34", "hkex",
           "VOLUNTARY ANNOUNCEMENT - PRODUCTION AND SALES VOLUME FOR FEBRUARY 2027", ""),
          ("03-01 09:21", "cnevpost",
           "BYD Feb NEV sales fall 4% to 241,700 as Lunar New Year weighs on home market",
           "Overseas sales were 96,300, down from January's record but up 41% from a year "
           "earlier."),
          ("03-01 10:02", "cls",
           "比亚迪2月销量24.17万辆 海外销量9.63万辆",
           "财联社3月1日电，比亚迪公告，2月新能源汽车销量24.17万辆，同比下降4%；1-2月累计销量52.81万辆。"),
          ("03-01 12:08", "ltn",
           "比亞迪2月銷量年減4% 春節拖累內需",
           "比亞迪2月海外銷量9.63萬輛，年增逾4成，成為支撐整體銷量的主力。"),
      ])

story("c-alibaba-class-action", "c-alibaba-lawsuits",
      "On Mon 2027-03-01 a securities class action was filed against Alibaba in the Southern "
      "District of New York alleging it concealed risks of a Pentagon military designation.",
      ["c-alibaba-sues-pentagon", "c-alibaba-1260h-injunction", "c-dod-appeal-alibaba"],
      [
          ("03-01 21:38", "globenewswire",
           "Alibaba Group Holding Limited (BABA) Investors: Class Action Filed Over Military-Ties "
           "Disclosures - Contact the Firm Before the April 30 Lead Plaintiff Deadline",
           "A class action lawsuit has been filed on behalf of persons and entities that "
           "purchased or otherwise acquired Alibaba American Depositary Shares between May 15, "
           "2025 and January 7, 2027, inclusive."),
          ("03-01 22:29", "reuters",
           "Alibaba hit with U.S. shareholder lawsuit over Pentagon military designation",
           "The proposed class action in Manhattan federal court says Alibaba misled investors "
           "by describing the risk of a 1260H listing as remote while lawmakers were pressing "
           "for it. Alibaba did not immediately respond to a request for comment."),
          ("03-02 00:41", "jiemian",
           "阿里巴巴在美遭集体诉讼，原告称其未充分披露被列入五角大楼清单的风险",
           "诉状称，阿里巴巴在年报中对被列入“中国军事企业”清单的风险轻描淡写，导致投资者蒙受损失。"),
          ("03-02 02:16", "etnet",
           "阿里巴巴遭美國股東集體訴訟 指淡化軍企清單風險",
           "有美國投資者入稟紐約南區聯邦法院，指阿里巴巴未有充分披露被列入1260H清單的風險。"),
      ])

story("c-alibaba-ms-downgrade", "c-alibaba-analyst-ratings",
      "On Tue 2027-03-02 Morgan Stanley cut Alibaba to equal-weight, citing valuation after the "
      "results rally and US regulatory risk; the stock fell about 3% in Hong Kong.",
      ["c-alibaba-hsbc-upgrade", "c-alibaba-shares-post-results", "c-alibaba-q3-fy27-results"],
      [
          ("03-02 01:21", "zhitong",
           "大摩下调阿里巴巴评级至“与大市同步”，目标价185美元",
           "摩根士丹利发布研报称，阿里云增长加速已基本反映在股价中，而美国监管风险正在上升。"),
          ("03-02 02:32", "aastocks",
           "大摩降阿里評級至「與大市同步」 股價跌逾3%",
           "阿里巴巴-W(09988.HK)現跌3.2%，報153.3元。大摩指業績後股價已反映雲業務利好。"),
          ("03-02 09:02", "scmp-biz",
           "Morgan Stanley downgrades Alibaba, says cloud gains are priced in and US risks rising",
           "It is the first downgrade by a major brokerage since the results, after which "
           "Alibaba's Hong Kong shares had their biggest gain in four months."),
          ("03-02 14:22", "barrons",
           "Alibaba Stock Gets Downgraded. Washington Is the Problem.",
           "Morgan Stanley analysts see limited upside until the company's lawsuit against the "
           "Pentagon is resolved."),
      ])

story("c-pony-ma-npc-proposals", "c-two-sessions",
      "On Wed 2027-03-03 Tencent's Pony Ma, an NPC deputy, disclosed his Two Sessions proposals on "
      "AI agent safety standards and AI in manufacturing.",
      ["c-lei-jun-npc-proposals", "c-npc-growth-target-2027"],
      [
          ("03-03 01:52", "21jingji",
           "马化腾两会建议：加快智能体安全标准建设，推动AI+制造业",
           "全国人大代表、腾讯董事会主席兼首席执行官马化腾今年带来三份建议，聚焦AI智能体治理、"
           "制造业数字化和未成年人网络保护。"),
          ("03-03 03:18", "scmp",
           "Tencent's Pony Ma calls for AI agent safety standards in proposals to China's legislature",
           "Ma said agents that can pay, book and shop on users' behalf need clear liability "
           "rules before they go mainstream."),
          ("03-03 05:04", "hket",
           "馬化騰兩會建議 聚焦AI智能體監管",
           "騰訊主席馬化騰建議國家加快制定AI智能體安全標準，並推動AI在製造業的應用。"),
      ])

story("c-lei-jun-npc-proposals", "c-two-sessions",
      "On Thu 2027-03-04 Xiaomi's Lei Jun, an NPC deputy, disclosed proposals on smart-car safety "
      "standards and AI devices.",
      ["c-pony-ma-npc-proposals", "c-xiaomi-yu7-recall", "c-npc-growth-target-2027"],
      [
          ("03-04 01:41", "ithome",
           "雷军2027年两会建议：完善智能网联汽车安全标准，推动AI终端普及",
           "全国人大代表、小米集团创始人雷军今年提交了四份建议，其中两份涉及智能汽车安全。"),
          ("03-04 03:11", "cnevpost",
           "Xiaomi's Lei Jun calls for stricter smart-car safety standards, a month after YU7 recall",
           "Lei proposed national standards for emergency door release and for how driver-assist "
           "features are marketed."),
          ("03-04 04:46", "singtao",
           "雷軍兩會建議 倡完善智能汽車安全標準",
           "小米集團創辦人雷軍建議加快制定車門應急開啟等安全國家標準。"),
      ])

story("c-jd-q4-results", "c-jd-quarterly-results",
      "On Thu 2027-03-04 JD.com reported Q4 2026 revenue of 356.2 billion yuan (+6%), narrower "
      "losses in new businesses and a $5 billion buyback.",
      ["c-alibaba-q3-fy27-results", "c-pdd-q4-results", "c-meituan-q4-results",
       "c-baidu-q4-results"],
      [
          ("03-04 09:51", "prnewswire",
           "JD.com Announces Fourth Quarter and Full Year 2026 Results",
           "Net revenues were RMB356.2 billion (US$50.2 billion) for the fourth quarter of 2026, "
           "an increase of 6.0% from the fourth quarter of 2025. The board approved a new share "
           "repurchase program of up to US$5.0 billion."),
          ("03-04 10:19", "reuters-tech",
           "JD.com revenue beats as food delivery losses narrow; shares rise premarket",
           "Operating loss at new businesses, which include food delivery, narrowed to 8.1 "
           "billion yuan from 13.4 billion yuan in the third quarter."),
          ("03-04 11:02", "cls",
           "京东四季度营收3562亿元 新业务亏损环比收窄",
           "京东零售经营利润率为4.1%，同比基本持平；董事会批准新的50亿美元回购计划。"),
          ("03-04 12:31", "cnbc",
           "JD.com stock rises after earnings beat and new $5 billion buyback",
           "Chief Executive Sandy Xu said the company would keep investing in food delivery but "
           "at a more disciplined pace after regulators summoned platforms in January."),
          ("03-04 13:42", "hk01",
           "京東上季收入增6% 外賣虧損收窄 宣布50億美元回購",
           "京東集團(09618)公布第四季業績，新業務虧損按季大幅收窄。"),
          ("03-04 15:03", "latepost",
           "京东外卖一年多：日单量稳定在2500万单，单季亏损收窄至百亿以内",
           "从财报和多位京东员工的说法看，外卖仍在亏钱，但已经不再是“不计代价”。"),
          ("03-04 10:02", "seekingalpha",
           "JD.com Non-GAAP EPADS of RMB7.92 beats by RMB0.61, revenue of RMB356.2B beats by RMB4.1B", ""),
      ])

story("c-npc-growth-target-2027", "c-two-sessions",
      "On Fri 2027-03-05 Premier Li Qiang's government work report set a 2027 growth target of "
      "around 4.5%, a deficit of 4.2% of GDP and 1.5 trillion yuan in ultra-long special bonds.",
      ["c-pboc-pan-npc-briefing", "c-pony-ma-npc-proposals", "c-lei-jun-npc-proposals",
       "c-hang-seng-april-rally"],
      [
          ("03-05 01:12", "govcn",
           "政府工作报告——2027年3月5日在第十四届全国人民代表大会第五次会议上", ""),
          ("03-05 01:41", "reuters",
           "China sets 2027 growth target of around 4.5%, pledges bigger push on consumption",
           "Premier Li Qiang told the annual parliamentary session that China would run a budget "
           "deficit of about 4.2% of GDP and issue 1.5 trillion yuan of ultra-long special "
           "treasury bonds."),
          ("03-05 01:56", "bloomberg",
           "China Lowers Growth Goal to About 4.5%, Keeps Deficit Near Record",
           "The target is the first below 5% since the pandemic and signals Beijing's tolerance "
           "for slower growth as it prioritises technology self-reliance."),
          ("03-05 02:29", "xinhua-en",
           "China eyes around 4.5 pct GDP growth in 2027",
           "China aims for GDP growth of around 4.5 percent in 2027, according to the government "
           "work report submitted Friday to the national legislature for deliberation."),
          ("03-05 02:44", "yicai",
           "政府工作报告：2027年GDP增长目标4.5%左右，赤字率拟按4.2%安排",
           "报告提出，拟发行超长期特别国债1.5万亿元，安排地方政府专项债券4.6万亿元，"
           "深入实施“人工智能+”行动。"),
          ("03-05 03:32", "cna-world",
           "中國今年經濟成長目標下調至4.5%左右 赤字率4.2%",
           "中國國務院總理李強5日在全國人大會議上作政府工作報告，宣布今年經濟成長目標為4.5%左右。"),
          ("03-05 05:08", "ftchinese",
           "中国将经济增长目标下调至4.5%左右",
           "这是中国自2020年以来首次将增长目标设定在5%以下，反映出北京对经济放缓的接受度提高。"),
          ("03-05 06:33", "ft",
           "China cuts growth target as Beijing bets on 'AI Plus' and consumer subsidies",
           "Economists said the lower goal gives Beijing room to tolerate weaker property "
           "investment while pushing technology and services."),
          ("03-05 08:02", "rthk",
           "李強：今年經濟增長目標4.5%左右 發行1.5萬億超長期特別國債",
           "國務院總理李強在人大會議開幕時作政府工作報告，提出今年城鎮新增就業1200萬人以上。"),
          ("03-05 04:12", "cnbc",
           "China targets around 4.5% growth this year, its lowest goal in decades",
           "Beijing also set a consumer inflation target of around 2% and pledged to keep the "
           "yuan basically stable."),
          ("03-06 02:12", "udn",
           "陸經濟成長目標降至4.5% 學者：向現實靠攏",
           "中國大陸政府工作報告將今年經濟成長目標訂為4.5%左右，學者認為此舉反映房市與內需仍疲弱。"),
      ])

story("c-pboc-pan-npc-briefing", "c-pboc-policy-signals",
      "At an NPC economy press conference on Sat 2027-03-06 PBOC governor Pan Gongsheng said "
      "there is still room to cut reserve requirements and rates this year.",
      ["c-pboc-rrr-cut-jan", "c-pboc-rrr-cut-apr", "c-npc-growth-target-2027", "c-pboc-lpr-mar"],
      [
          ("03-06 02:38", "cctv",
           "十四届全国人大五次会议举行经济主题记者会",
           "国家发展改革委、财政部、商务部、中国人民银行、中国证监会负责人就“着力稳增长扩内需”"
           "相关问题回答中外记者提问。"),
          ("03-06 03:09", "reuters-biz",
           "China central bank chief says room remains for further RRR, rate cuts this year",
           "People's Bank of China Governor Pan Gongsheng said the bank would keep a moderately "
           "loose stance and adjust the timing and pace of cuts based on conditions."),
          ("03-06 03:42", "cls",
           "潘功胜：今年降准降息仍有空间，将根据形势择机调整",
           "潘功胜表示，目前金融机构平均存款准备金率为5.7%，仍有一定下调空间。"),
          ("03-06 04:31", "scmp-econ",
           "PBOC's Pan signals more easing as Beijing chases 4.5% growth",
           "Pan's comments came a day after Premier Li Qiang set this year's growth target."),
          ("03-06 06:12", "hkej",
           "潘功勝：今年仍有降準減息空間",
           "人民銀行行長潘功勝在人大記者會上表示，將實施適度寬鬆的貨幣政策。"),
      ])

story("c-alibaba-convertible-notes", "c-alibaba-fundraising",
      "Before the Hong Kong open on Tue 2027-03-09 Alibaba launched a $3.5 billion convertible "
      "notes offering to fund AI infrastructure; shares fell about 4% and the notes were priced "
      "later that day.",
      ["c-alibaba-shares-house-letter", "c-cainiao-hk-ipo-filing", "c-alibaba-q3-fy27-results"],
      [
          ("03-08 22:36", "hkex",
           "PROPOSED OFFERING OF US$3.5 BILLION CONVERTIBLE SENIOR NOTES DUE 2032", ""),
          ("03-08 23:11", "bloomberg",
           "Alibaba Seeks $3.5 Billion From Convertible Bond to Fund AI Build-Out",
           "The company plans to use part of the proceeds to buy back shares from note "
           "investors hedging their positions, according to terms seen by Bloomberg."),
          ("03-09 01:44", "etnet",
           "阿里巴巴擬發35億美元可轉債 股價急跌逾4%",
           "阿里巴巴(09988)宣布發行35億美元2032年到期可轉換優先票據，所得款項主要用於雲端基礎設施。"),
          ("03-09 02:31", "wallstreetcn",
           "阿里拟发行35亿美元可转债用于云基础设施 港股一度跌超5%",
           "这是阿里巴巴一年多来第二次发行可转债，市场担忧对股权的摊薄效应。"),
          ("03-09 09:28", "reuters",
           "Alibaba prices $3.5 billion convertible notes at 0.5% coupon after shares slide",
           "The conversion premium was set at 32.5% over Tuesday's Hong Kong close."),
      ])

story("c-fcc-letter-alibaba-cloud", "c-fcc-actions",
      "On Wed 2027-03-10 FCC Chairman Brendan Carr sent Alibaba Cloud a letter demanding details "
      "of its interconnection with US networks.",
      ["c-icts-alibaba-cloud-subpoenas", "c-fcc-quectel-covered-list",
       "c-alibaba-cloud-statement-icts"],
      [
          ("03-10 17:42", "fcc",
           "Chairman Carr Seeks Answers from Alibaba Cloud on U.S. Network Interconnection", ""),
          ("03-10 18:31", "reuters-tech",
           "FCC chair presses Alibaba Cloud on ties to U.S. networks, adding to scrutiny",
           "The letter asks which U.S. carriers and internet exchanges Alibaba Cloud connects to "
           "and gives it 30 days to answer. The Commerce Department is separately examining the "
           "company's U.S. business."),
          ("03-10 19:47", "lightreading",
           "Carr sends Alibaba Cloud a 30-day questionnaire on US peering and data centers",
           "The FCC has limited direct authority over cloud providers but can act on the "
           "carriers that interconnect with them."),
          ("03-11 01:19", "cls",
           "美FCC主席致函阿里云，要求说明其与美国通信网络的互联情况",
           "财联社3月11日电，美国联邦通信委员会主席卡尔致信阿里云，要求其在30天内答复相关问题。"),
          ("03-11 02:33", "oncc",
           "美聯邦通訊委員會致函阿里雲 要求交代與美國網絡互連",
           "美國聯邦通訊委員會主席卡爾要求阿里雲披露其在美數據中心與本地電訊商的連接情況。"),
      ])

story("c-bytedance-buyback-valuation", "c-bytedance-corporate",
      "On Thu 2027-03-11 ByteDance offered to buy back employee shares at $210 each, valuing it "
      "at about $480 billion.",
      ["c-cainiao-hk-ipo-filing", "c-doubao-seed-release-jan"],
      [
          ("03-11 06:22", "bloomberg-tech",
           "ByteDance Valued at $480 Billion in New Employee Share Buyback",
           "The TikTok owner's valuation has risen by more than a third in a year as its Doubao "
           "chatbot and cloud business took off."),
          ("03-11 07:31", "latepost",
           "字节跳动新一轮回购定价每股210美元，估值升至约4800亿美元",
           "晚点获悉，字节跳动已向员工发出新一轮期权回购通知，回购价较半年前上调约18%。"),
          ("03-11 09:03", "reuters-tech",
           "ByteDance values itself at about $480 billion in share buyback, sources say",
           "The buyback is open to current and former employees, two people familiar with the "
           "matter said."),
          ("03-11 10:29", "ctee",
           "字節跳動估值衝4800億美元 員工回購價每股210美元",
           "字節跳動最新一輪員工股票回購價每股210美元，估值超越Meta以外多數美國科技巨頭。"),
      ])

story("c-ant-stablecoin-licence", "c-ant-group",
      "On Fri 2027-03-12 the HKMA granted three more stablecoin issuer licences, one to a unit of "
      "Ant International.",
      ["c-cainiao-hk-ipo-filing", "c-alibaba-cloud-new-regions"],
      [
          ("03-12 08:31", "hkma",
           "HKMA grants three additional stablecoin issuer licences", ""),
          ("03-12 09:12", "coindesk",
           "Hong Kong licenses Ant International's stablecoin unit in second batch of approvals",
           "The Alibaba affiliate plans to issue a Hong Kong dollar-backed token for cross-border "
           "merchant settlement."),
          ("03-12 09:41", "hk01",
           "金管局再發三個穩定幣牌照 螞蟻國際旗下公司獲發",
           "金管局今日宣布向三間機構批出穩定幣發行人牌照，包括螞蟻國際旗下一間附屬公司。"),
          ("03-12 10:28", "caixin",
           "香港再发三张稳定币发行人牌照 蚂蚁国际在列",
           "蚂蚁国际表示，将优先把港元稳定币用于跨境贸易结算及旗下Alipay+网络。"),
          ("03-12 12:02", "scmp-biz",
           "Ant International wins Hong Kong stablecoin licence, eyes cross-border payments",
           "Ant becomes the first Chinese tech group with a licensed stablecoin issuer in the "
           "city."),
      ])

story("c-qwen4-release", "c-qwen-model-releases",
      "On Tue 2027-03-16 Alibaba released its Qwen4 model family (flagship Qwen4-Max and six "
      "open-weight models up to 480B parameters).",
      ["c-qwen-omni-release", "c-qwen4-coder-release", "c-alibaba-shares-qwen4-rally",
       "c-baidu-ernie-5-5-release", "c-doubao-seed-release-jan", "c-lex-qwen4"],
      [
          ("03-16 11:58", "alicloud-blog",
           "Qwen4: Think Deeper, Act Faster",
           "We are releasing Qwen4, the latest generation of the Qwen family, including the "
           "flagship Qwen4-Max and six open-weight models ranging from 0.8B to 480B-A35B "
           "parameters, all with hybrid thinking modes and native tool use."),
          ("03-16 12:09", "alizila",
           "Alibaba Unveils Qwen4, Its Most Capable AI Model Family Yet",
           "Qwen4 is available today in the Qwen app, on Alibaba Cloud Model Studio, and as open "
           "weights on ModelScope and Hugging Face."),
          ("03-16 12:41", "reuters-tech",
           "Alibaba launches Qwen4 AI models, says flagship rivals top U.S. systems",
           "Alibaba said Qwen4-Max matched or beat leading U.S. models on several coding and "
           "reasoning benchmarks; the claims could not be independently verified."),
          ("03-16 13:06", "qbitai",
           "Qwen4来了！旗舰模型多项基准比肩海外最强闭源，开源最大480B",
           "量子位第一时间实测：数学、代码和智能体任务提升明显，长上下文扩展至200万tokens。"),
          ("03-16 13:29", "cnbc",
           "Alibaba's Qwen4 is its answer to DeepSeek and OpenAI, and most of it is open source",
           "The release comes weeks after Alibaba raised its three-year AI spending plan to 480 "
           "billion yuan."),
          ("03-16 14:18", "36kr",
           "阿里发布新一代通义千问Qwen4，千问App同步接入",
           "36氪获悉，千问App已于今晚上线Qwen4-Max，用户可免费使用深度思考模式。"),
          ("03-16 15:12", "techcrunch",
           "Alibaba's Qwen4 models land on Hugging Face, led by a 480B-parameter MoE",
           "The open models ship under Apache 2.0, continuing Alibaba's strategy of giving away "
           "weights to win developers."),
          ("03-16 23:38", "hket",
           "阿里發布千問Qwen4 稱性能媲美美國頂尖模型",
           "阿里巴巴發布新一代大模型千問Qwen4系列，旗艦模型Qwen4-Max多項測試成績比肩美國頂級模型。"),
          ("03-17 00:21", "bnext",
           "阿里巴巴Qwen4登場！6款開源模型一次看",
           "從0.8B到480B，Qwen4開源家族涵蓋手機端到資料中心的不同需求。"),
          ("03-16 16:05", "gnews-tech",
           "Alibaba launches Qwen4 AI models, says flagship rivals top US systems - Reuters", ""),
          ("03-18 01:33", "cna",
           "阿里巴巴發表Qwen4大模型 號稱媲美美國頂尖AI",
           "中國科技巨頭阿里巴巴16日晚間發表新一代通義千問Qwen4系列，並開源6款模型。"),
      ])

story("c-alibaba-shares-qwen4-rally", "c-alibaba-share-moves",
      "Wed 2027-03-17 trading: Alibaba rose 6.3% in Hong Kong after the Qwen4 launch, and its ADRs "
      "added about 5% in New York.",
      ["c-alibaba-shares-post-results", "c-alibaba-shares-ruling-rally", "c-qwen4-release",
       "c-tencent-q4-results"],
      [
          ("03-17 01:41", "aastocks",
           "阿里巴巴高開5% 發布Qwen4帶動AI股造好",
           "阿里巴巴-W(09988.HK)高開5.1%，金山雲、商湯等AI概念股同步上揚。"),
          ("03-17 03:14", "bloomberg",
           "Alibaba Surges in Hong Kong as Qwen4 Launch Revives China AI Trade",
           "Traders said the release eased concern that US pressure would slow Alibaba's AI "
           "ambitions."),
          ("03-17 04:04", "sina",
           "港股午评：阿里涨超6%，AI概念股集体走强",
           "恒生科技指数半日涨2.1%，腾讯控股将于今日收盘后公布业绩，股价微跌0.3%。"),
          ("03-17 08:32", "hk01",
           "恒指收升298點 阿里巴巴升6.3%",
           "恒生指數收報26104點，升298點；阿里巴巴收報156.2元，升6.3%。"),
          ("03-17 20:31", "cnbc-mkts",
           "Alibaba ADRs add 5% as Wall Street warms to Qwen4",
           "Options traders piled into short-dated calls after the launch."),
      ])

story("c-tencent-q4-results", "c-tencent-quarterly-results",
      "After the Hong Kong close on Wed 2027-03-17 Tencent reported Q4 2026 revenue of 185.6 "
      "billion yuan (+12%), a final dividend of HK$5.30 and at least HK$80 billion of buybacks "
      "for 2027.",
      ["c-alibaba-shares-qwen4-rally", "c-pdd-q4-results", "c-meituan-q4-results",
       "c-xiaomi-q4-results", "c-tencent-netease-shares-gaming-rules", "c-yuanbao-cny-red-packets"],
      [
          ("03-17 08:36", "hkex",
           "ANNOUNCEMENT OF THE RESULTS FOR THE FOURTH QUARTER AND FISCAL YEAR ENDED "
           "DECEMBER 31, 2026", ""),
          ("03-17 08:57", "reuters-tech",
           "Tencent fourth-quarter revenue rises 12% on games, AI-powered ads",
           "Revenue rose to 185.6 billion yuan ($26.1 billion), beating the LSEG consensus of "
           "182.9 billion yuan."),
          ("03-17 09:19", "bloomberg-tech",
           "Tencent Boosts Buyback to HK$80 Billion After Games Drive Profit Beat",
           "Non-IFRS net income rose 15% to 67.4 billion yuan as domestic games revenue grew at "
           "the fastest pace in three years."),
          ("03-17 09:41", "caixin",
           "腾讯2026年第四季度营收1856亿元，同比增长12%",
           "腾讯第四季度非国际财务报告准则净利润674亿元，董事会建议派发末期股息每股5.3港元。"),
          ("03-17 10:31", "etnet",
           "騰訊第四季盈利勝預期 派末期息5.3元 今年回購至少800億",
           "騰訊(00700)公布第四季非IFRS股東應佔盈利674億元人民幣，按年增15%。"),
          ("03-17 11:38", "cnbc",
           "Tencent beats expectations as games and ads thrive; capex climbs on AI",
           "Capital expenditure more than doubled from a year earlier to 36 billion yuan."),
          ("03-17 12:52", "jiemian",
           "腾讯财报电话会：元宝日活破亿，今年资本开支将继续增加",
           "刘炽平表示，元宝在春节红包活动后日活跃用户突破1亿，AI对广告和游戏的拉动已在财务数据中体现。"),
          ("03-17 14:03", "scmp",
           "Tencent's earnings beat shows WeChat ads and games can fund its AI push",
           "Unlike Alibaba, which released its Qwen4 models a day earlier and raised its AI "
           "budget last month, Tencent has kept capex growth measured."),
          ("03-17 12:10", "ft",
           "Tencent profits beat forecasts as AI lifts advertising and games",
           "Marketing services revenue grew 21% as AI-driven ad targeting raised prices across "
           "WeChat."),
          ("03-18 23:10", "cnyes",
           "騰訊財報亮眼 法人：遊戲與廣告雙引擎撐起AI投資",
           "騰訊第四季營收年增12%，多家外資上調目標價，認為AI已開始反映在廣告單價上。"),
      ])

story("c-lex-qwen4", "c-commentary",
      "FT Lex column on Thu 2027-03-18 on Alibaba's open-weights strategy after Qwen4 (opinion, "
      "no new event).",
      ["c-qwen4-release", "c-lex-alibaba-ai-capex"],
      [
          ("03-18 15:40", "ft-lex",
           "Alibaba/Qwen: free lunch",
           "Giving away the weights of a frontier-class model wins developers and headlines. "
           "Turning them into cloud revenue, with Washington circling, is the harder trick."),
      ])

story("c-pdd-q4-results", "c-pdd-quarterly-results",
      "On Thu 2027-03-18 PDD Holdings reported Q4 2026 revenue of 131.2 billion yuan (+7%), "
      "missing estimates; its shares fell 11% in New York that day.",
      ["c-jd-q4-results", "c-tencent-q4-results", "c-temu-eu-dsa-fine", "c-meituan-q4-results"],
      [
          ("03-18 10:31", "gnw",
           "PDD Holdings Announces Fourth Quarter 2026 and Fiscal Year 2026 Unaudited Financial "
           "Results",
           "Total revenues in the quarter were RMB131,178.4 million (US$18,476.0 million), an "
           "increase of 7% from RMB122,599.1 million in the same quarter of 2025."),
          ("03-18 10:52", "reuters-tech",
           "PDD misses revenue estimates as Temu faces EU, U.S. headwinds",
           "Temu has been hit by the end of duty-free treatment for small parcels in the United "
           "States and a 310 million euro EU fine last month."),
          ("03-18 11:29", "cnbc",
           "PDD shares tumble 11% premarket after revenue miss; company again offers no guidance",
           "Co-CEO Chen Lei said the company would keep prioritising merchant support over "
           "short-term profits."),
          ("03-18 12:11", "wallstreetcn",
           "拼多多四季度营收1312亿元不及预期，美股盘前跌超10%",
           "拼多多四季度在线营销服务收入同比增长5%，交易服务收入同比增长9%，均低于市场预期。"),
          ("03-18 13:02", "cnyes",
           "拼多多上季營收遜預期 盤前重挫逾1成",
           "拼多多控股公布第四季營收1312億元人民幣，年增7%，低於分析師預估的1365億元。"),
          ("03-18 20:42", "barrons",
           "PDD Stock Had Its Worst Day in a Year. Temu's Troubles Are Showing.",
           "The shares closed down 11.3% on Thursday."),
      ])

story("c-pboc-lpr-mar", "c-pboc-lpr",
      "On Mon 2027-03-22 China's loan prime rates were left unchanged at 2.80% (1-year) and 3.30% "
      "(5-year) after February's cut.",
      ["c-pboc-lpr-jan", "c-pboc-lpr-feb", "c-pboc-lpr-apr", "c-pboc-pan-npc-briefing"],
      [
          ("03-22 01:15", "pbc",
           "2027年3月22日全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告",
           "1年期LPR为2.8%，5年期以上LPR为3.3%。以上LPR在下一次发布LPR之前有效。"),
          ("03-22 01:39", "reuters-mkts",
           "China leaves lending benchmarks steady in March after February cut",
           "Most analysts expect another reduction in the second quarter after central bank "
           "governor Pan Gongsheng said room remained for easing."),
          ("03-22 02:28", "cs",
           "3月LPR维持不变 专家：二季度仍有降息窗口",
           "业内专家表示，2月LPR下调后银行净息差承压，3月按兵不动符合预期。"),
          ("03-22 03:21", "aastocks",
           "內地3月LPR維持不變 一年期2.8厘",
           "一年期貸款市場報價利率維持2.8厘，五年期以上維持3.3厘。"),
      ])

story("c-xiaomi-q4-results", "c-xiaomi-quarterly-results",
      "After the Hong Kong close on Tue 2027-03-23 Xiaomi reported Q4 2026 revenue up 22% and an "
      "EV unit profit, and set a 550,000-car delivery target for 2027.",
      ["c-xiaomi-yu7-recall", "c-tencent-q4-results", "c-meituan-q4-results",
       "c-byd-2026-annual-results", "c-bis-entity-list-mar"],
      [
          ("03-23 08:46", "hkex",
           "ANNUAL RESULTS ANNOUNCEMENT FOR THE YEAR ENDED DECEMBER 31, 2026", ""),
          ("03-23 09:16", "reuters-tech",
           "Xiaomi quarterly revenue rises 22% as EV unit posts another profitable quarter",
           "Revenue in the smart EV and AI segment rose to 34.7 billion yuan as deliveries "
           "reached 128,000 cars in the quarter."),
          ("03-23 09:52", "ithome",
           "小米集团2026年总营收4620亿元，第四季度汽车交付12.8万辆",
           "小米集团第四季度经调整净利润126亿元，汽车业务单季经营收益12亿元。"),
          ("03-23 11:01", "scmp",
           "Xiaomi targets 550,000 EV deliveries this year as memory costs squeeze phone margins",
           "President Lu Weibing said the YU7 recall in February would not affect delivery "
           "plans."),
          ("03-23 12:18", "mingpao",
           "小米第四季收入增22% 今年電動車交付目標55萬輛",
           "小米集團(01810)公布第四季收入1284億元人民幣，經調整純利126億元。"),
          ("03-23 13:29", "cnevpost",
           "Xiaomi EV business earns 1.2 billion yuan in Q4 on 128,000 deliveries",
           "Gross margin for the EV segment was 25.1%, down slightly from the third quarter."),
          ("03-23 10:05", "bloomberg-tech",
           "Xiaomi Profit Tops Estimates as EV Unit Offsets Memory Cost Squeeze",
           "Adjusted net income rose to 12.6 billion yuan, beating the average analyst estimate."),
      ])

story("c-bis-entity-list-mar", "c-us-entity-list",
      "On Tue 2027-03-23 BIS added 20 Chinese entities to the Entity List, including memory "
      "maker CXMT and Huawei-linked toolmaker SiCarrier.",
      ["c-bis-entity-list-jan", "c-mofcom-entity-list-response-mar",
       "c-reuters-commerce-weighs-alibaba", "c-smic-q4-results"],
      [
          ("03-23 13:44", "fedreg",
           "Additions to the Entity List; Revisions to Existing Entries",
           "In this final rule, the Bureau of Industry and Security (BIS) amends the Export "
           "Administration Regulations (EAR) by adding 20 entities to the Entity List under the "
           "destination of China and revising two existing entries."),
          ("03-23 14:06", "bis",
           "BIS Adds 20 Entities Supporting PRC Semiconductor Indigenization and Military End "
           "Uses to the Entity List", ""),
          ("03-23 14:39", "reuters-tech",
           "US blacklists Chinese memory chipmaker CXMT, Huawei-linked toolmaker SiCarrier",
           "The additions, long sought by China hawks in Congress, will bar U.S. suppliers from "
           "shipping equipment and software to the companies without a license."),
          ("03-23 16:02", "bloomberg-tech",
           "US Adds China's Top DRAM Maker to Trade Blacklist in Chip Escalation",
           "ChangXin Memory Technologies had been preparing a Shanghai IPO."),
          ("03-24 00:12", "stcn",
           "美商务部将长鑫存储、新凯来等20家中国实体列入实体清单",
           "证券时报记者了解到，长鑫存储此前已大幅提高国产设备采购比例。"),
          ("03-24 01:02", "technews",
           "美商務部出手 長鑫存儲、新凱來等 20 家陸企列實體清單",
           "美國商務部工業和安全局 23 日宣布將 20 家中國實體列入實體清單，涵蓋記憶體與半導體設備業者。"),
          ("03-23 17:10", "wsj-tech",
           "U.S. Blacklists Chinese Memory-Chip Giant CXMT",
           "The move targets a company that Washington hawks say is close to matching Micron "
           "and Samsung in some DRAM products."),
      ])

story("c-mofcom-entity-list-response-mar", "c-china-mofcom-responses",
      "On Wed 2027-03-24 a Chinese commerce ministry spokesperson condemned the US listing of "
      "CXMT and 19 other entities and vowed necessary measures.",
      ["c-china-mfa-1260h", "c-mofcom-unreliable-entity-jan", "c-bis-entity-list-mar",
       "c-mfa-house-ai-bill"],
      [
          ("03-24 07:32", "mofcom",
           "商务部新闻发言人就美方将20家中国实体列入出口管制实体清单答记者问", ""),
          ("03-24 08:11", "globaltimes",
           "China vows 'necessary measures' after US blacklists memory maker CXMT, 19 other firms",
           "The commerce ministry said the US move seriously disrupts global semiconductor supply "
           "chains and harms the interests of US companies too."),
          ("03-24 09:02", "reuters",
           "China condemns U.S. trade blacklisting of chipmakers, threatens countermeasures",
           "The ministry did not specify what steps it would take."),
          ("03-24 10:21", "cna-world",
           "美將長鑫存儲等列實體清單 中國商務部：堅決反對",
           "中國商務部發言人表示，美方將出口管制措施政治化、工具化，中方將採取必要措施。"),
      ])

story("c-byd-2026-annual-results", "c-byd-results",
      "On Wed 2027-03-24 BYD reported 2026 net profit down to 41.2 billion yuan as the domestic "
      "price war hit margins, with record overseas sales.",
      ["c-byd-feb-sales", "c-byd-mar-sales", "c-xiaomi-q4-results"],
      [
          ("03-24 11:41", "hkex",
           "ANNOUNCEMENT OF ANNUAL RESULTS FOR THE YEAR ENDED 31 DECEMBER 2026", ""),
          ("03-24 12:19", "reuters-biz",
           "BYD annual profit slips as domestic price war bites; overseas sales cushion blow",
           "Net profit fell 9% to 41.2 billion yuan, while revenue rose 6% to 883 billion yuan."),
          ("03-24 12:51", "cls",
           "比亚迪2026年净利润412亿元 拟每10股派现39.7元",
           "比亚迪2026年实现营业收入8830亿元，同比增长6%；第四季度净利润同比下降18%。"),
          ("03-24 14:02", "electrek",
           "BYD's 2026 numbers: record revenue, falling profit and 1.3 million cars sold abroad",
           "The company is leaning on exports and its Hungarian and Turkish plants as margins "
           "at home shrink."),
          ("03-24 15:09", "udn",
           "比亞迪去年獲利衰退9% 海外銷量破130萬輛",
           "比亞迪公布2026年財報，淨利潤年減9%至412億元人民幣，第四季獲利衰退幅度擴大。"),
          ("03-25 01:18", "caixin-en",
           "BYD's Profit Falls for Second Straight Year as Price War Squeezes Margins",
           "Gross margin dropped to 17.6%, the lowest since 2021."),
      ])

story("c-meituan-q4-results", "c-meituan-quarterly-results",
      "After the Hong Kong close on Thu 2027-03-25 Meituan reported a Q4 2026 operating loss of "
      "9.8 billion yuan on the delivery subsidy war.",
      ["c-jd-q4-results", "c-tencent-q4-results", "c-xiaomi-q4-results", "c-keeta-mexico-launch",
       "c-samr-delivery-summons"],
      [
          ("03-25 08:51", "hkex",
           "ANNOUNCEMENT OF THE RESULTS FOR THE THREE MONTHS AND YEAR ENDED DECEMBER 31, 2026", ""),
          ("03-25 09:21", "reuters-tech",
           "Meituan posts quarterly loss as food delivery war with Alibaba, JD drags on",
           "Revenue rose 8% to 98.6 billion yuan, but the company lost 9.8 billion yuan at the "
           "operating level."),
          ("03-25 09:46", "jiemian",
           "美团四季度经营亏损98亿元，核心本地商业利润大幅下滑",
           "美团核心本地商业经营利润同比下降超七成，新业务亏损收窄至29亿元。"),
          ("03-25 10:31", "bloomberg-tech",
           "Meituan Posts Another Loss, Says Subsidy Battle Is Easing",
           "Chief Executive Wang Xing said competition had become 'more rational' since "
           "regulators intervened in January."),
          ("03-25 11:19", "hket",
           "美團第四季經營虧損98億 王興：行業競爭趨理性",
           "美團(03690)公布第四季收入986億元人民幣，按年增長8%。"),
          ("03-25 13:02", "yicai",
           "美团财报电话会：王兴称Keeta墨西哥首两个月表现超预期",
           "王兴表示，Keeta在中东和巴西的单位经济效益持续改善，今年海外投入将保持稳定。"),
          ("03-25 09:34", "seekingalpha",
           "Meituan Q4 revenue rises 8% Y/Y; operating loss widens on delivery subsidies", ""),
      ])

story("c-alibaba-cloud-hk-outage", "c-alibaba-cloud-incidents",
      "On Tue 2027-03-30 an Alibaba Cloud outage in Hong Kong Zone B, caused by a cooling "
      "failure, took several local apps offline for nearly three hours; services were restored "
      "the same day.",
      ["c-alibaba-cloud-new-regions", "c-alibaba-cloud-price-cut-jan"],
      [
          ("03-30 01:38", "alicloud-status",
           "[Hong Kong Zone B] Service disruption affecting ECS, RDS and SLB",
           "We are investigating an issue affecting some instances in Hong Kong (cn-hongkong) "
           "Zone B. Customers may experience instance unavailability and elevated error rates. "
           "We will provide an update within 30 minutes."),
          ("03-30 02:16", "hk01",
           "阿里雲香港機房故障 多個本地應用程式無法使用",
           "今早約9時起，多個本地網購、外賣及網上券商應用程式出現無法登入情況，相關公司指與雲端服務商故障有關。"),
          ("03-30 03:04", "thestandard",
           "Alibaba Cloud outage knocks several Hong Kong apps offline",
           "An online brokerage said clients could not place orders for more than two hours "
           "after the market opened."),
          ("03-30 04:21", "alicloud-status",
           "[Resolved] [Hong Kong Zone B] Service disruption affecting ECS, RDS and SLB",
           "Services were fully restored at 12:05 (UTC+8). The disruption was caused by a failure "
           "of the chilled-water system in one data hall, which triggered thermal protection on "
           "servers. A post-incident report will follow."),
          ("03-30 05:31", "cls",
           "阿里云香港地域可用区B故障已恢复，原因系机房制冷系统异常",
           "阿里云表示，故障持续约2小时45分钟，将按服务等级协议对受影响客户进行赔偿。"),
          ("03-30 07:09", "reuters-tech",
           "Alibaba Cloud restores Hong Kong services after cooling failure causes outage",
           "It was the most serious disruption in the city since a similar cooling failure at an "
           "Alibaba Cloud facility in December 2022."),
      ])

story("c-huawei-2026-annual-report", "c-huawei-annual-report",
      "On Wed 2027-03-31 Huawei published its 2026 annual report: revenue 912.4 billion yuan "
      "(+4.1%), net profit recovering on AI chips and car technology.",
      ["c-huawei-analyst-summit-ascend", "c-smic-q4-results", "c-xiaomi-q4-results"],
      [
          ("03-31 06:01", "reuters-tech",
           "Huawei's 2026 revenue rises 4% as car tech, cloud offset smartphone slowdown",
           "Net profit rose 11% to 68.5 billion yuan, rotating chairman Eric Xu told a news "
           "conference in Shenzhen."),
          ("03-31 06:29", "xinhua",
           "华为发布2026年年报：实现全球销售收入9124亿元",
           "华为2026年实现全球销售收入9124亿元人民币，同比增长4.1%；净利润685亿元人民币。"),
          ("03-31 07:22", "scmp",
           "Huawei profit recovers as Ascend AI chip sales to Chinese data centres soar",
           "Huawei does not break out chip revenue, but its ICT infrastructure unit grew 9%."),
          ("03-31 08:02", "cna",
           "華為2026年營收9124億人民幣 年增4.1%",
           "華為31日發布年報，輪值董事長徐直軍表示，智能汽車解決方案業務首度全年獲利。"),
          ("03-31 09:41", "nikkei",
           "Huawei revenue nears 2020 peak as AI chips and car tech take off",
           "The company is spending about a fifth of its revenue on research and development."),
          ("03-31 06:44", "bloomberg-tech",
           "Huawei Revenue Climbs as AI Chip Push Offsets Phone Slowdown",
           "Huawei has become the main supplier of AI accelerators in China since US rules cut "
           "off Nvidia's most advanced products."),
      ])
