"""February 2027, written by hand. Times are UTC (Hong Kong = UTC+8, New York = UTC-5).

Lunar New Year's Day is Sat 2027-02-06; Hong Kong markets close on Feb 8-9 and reopen on
Wed Feb 10; the mainland holiday runs Feb 5-13.
"""
from common import story

story("c-byd-jan-sales", "c-byd-monthly-sales",
      "On Mon 2027-02-01 BYD reported January NEV sales of 286,400 (+9% y/y), with a record "
      "104,000 sold overseas.",
      ["c-byd-feb-sales", "c-byd-mar-sales", "c-byd-2026-full-year-sales", "c-byd-2026-annual-results"],
      [
          ("02-01 08:36", "hkex",
           "VOLUNTARY ANNOUNCEMENT - PRODUCTION AND SALES VOLUME FOR JANUARY 2027", ""),
          ("02-01 09:12", "cnevpost",
           "BYD sells 286,400 NEVs in Jan, overseas sales hit record 104,000",
           "Passenger BEV sales were 151,200 and PHEV sales 129,700, according to the company's "
           "filing with the Hong Kong stock exchange."),
          ("02-01 09:47", "yicai",
           "比亚迪1月新能源汽车销量28.64万辆，海外销量创新高",
           "比亚迪1月海外销售新能源乘用车10.4万辆，首次单月突破10万辆，匈牙利塞格德工厂已开始小批量交付。"),
          ("02-01 11:28", "ctee",
           "比亞迪1月銷量年增9% 海外賣逾10萬輛創高",
           "比亞迪公告，1月新能源車銷量28.64萬輛，其中海外市場貢獻逾三分之一。"),
      ])

story("c-alibaba-sues-pentagon", "c-alibaba-lawsuits",
      "On Tue 2027-02-02 Alibaba sued the US Defense Department in federal court in Washington to "
      "overturn its 1260H designation.",
      ["c-alibaba-1260h-injunction", "c-dod-appeal-alibaba", "c-alibaba-class-action",
       "c-pentagon-1260h-2027", "c-alibaba-ceo-letter-1260h"],
      [
          ("02-02 20:41", "courtlistener",
           "Alibaba Group Holding Limited v. United States Department of Defense",
           "COMPLAINT against UNITED STATES DEPARTMENT OF DEFENSE, PETER B. HEGSETH (Filing fee "
           "$ 405) filed by ALIBABA GROUP HOLDING LIMITED. (Attachments: # 1 Civil Cover Sheet, "
           "# 2 Summons)"),
          ("02-02 21:14", "reuters",
           "Alibaba sues Pentagon to get off Chinese military company list",
           "Alibaba asked a U.S. federal judge in Washington to strike down its designation as a "
           "Chinese military company, calling the Pentagon's decision arbitrary and saying it "
           "had cost shareholders billions of dollars."),
          ("02-02 21:52", "bloomberg",
           "Alibaba Takes Pentagon to Court, Following Xiaomi's Winning Playbook",
           "Xiaomi won an injunction in 2021 and was removed from a similar list; Luokung and "
           "Hesai later tried the same route with mixed results."),
          ("02-03 00:34", "hkex",
           "ANNOUNCEMENT - COMMENCEMENT OF LEGAL PROCEEDINGS IN THE UNITED STATES", ""),
          ("02-03 01:08", "caixin",
           "阿里巴巴起诉美国国防部，要求撤销“中国军事企业”认定",
           "阿里巴巴在诉状中称，国防部未提供任何证据证明其与中国军方存在关联，该认定违反《行政程序法》，"
           "并侵犯了公司的正当程序权利。"),
          ("02-03 02:19", "hket",
           "阿里巴巴入稟美國法院 告美國防部要求剔出軍企名單",
           "阿里巴巴於華盛頓聯邦地區法院提出訴訟，要求法院裁定國防部的認定無效，並頒令禁制執行。"),
          ("02-03 03:02", "voa",
           "阿里巴巴狀告五角大樓 援引小米先例",
           "分析人士指出，小米2021年成功以同樣理由勝訴，但國防部此後已加強認定依據的文件準備。"),
          ("02-02 22:31", "ap",
           "Alibaba sues US Defense Department over its listing as a Chinese military company",
           "The lawsuit, filed in federal court in Washington, says the designation is unlawful "
           "and has damaged the company's reputation."),
          ("02-04 05:58", "ftchinese",
           "阿里巴巴起诉五角大楼：小米式胜诉能否复制？",
           "2021年小米凭借法院禁令成功移出清单，但此后国防部在认定依据上更为谨慎。阿里此案的关键，"
           "在于法院是否认可国防部援引的公开资料。"),
      ])

story("c-xiaomi-yu7-recall", "c-xiaomi-recalls",
      "On Fri 2027-02-05 Xiaomi filed a recall with SAMR for 68,311 YU7 SUVs over an electronic "
      "door-release fault.",
      ["c-xiaomi-q4-results", "c-lei-jun-npc-proposals", "c-samr-delivery-summons"],
      [
          ("02-05 08:31", "samr",
           "小米汽车科技有限公司召回部分YU7汽车",
           "日前，小米汽车科技有限公司根据《缺陷汽车产品召回管理条例》和《缺陷汽车产品召回管理条例"
           "实施办法》的要求，向市场监管总局备案了召回计划，自即日起召回生产日期在2025年6月23日至"
           "2026年10月31日期间的部分YU7系列电动汽车，共计68311辆。"),
          ("02-05 09:18", "cnevpost",
           "Xiaomi recalls 68,311 YU7 SUVs over door release issue",
           "In some cases the exterior electronic door release may not work after a low-voltage "
           "power loss; Xiaomi will replace a control module free of charge."),
          ("02-05 10:12", "hk01",
           "小米召回逾6.8萬輛YU7 涉車門電子解鎖問題",
           "小米汽車表示，部分車輛在低壓電源異常時可能無法從車外開啟車門，將免費更換相關控制模組。"),
          ("02-05 11:37", "reuters-tech",
           "Xiaomi recalls over 68,000 YU7 SUVs in China over door-opening flaw",
           "The recall covers nearly all YU7s built in the model's first 16 months and comes "
           "as Beijing tightens rules on hidden door handles."),
      ])

story("c-cny-box-office", "c-cny-spending",
      "On Wed 2027-02-10 the China Film Administration said Spring Festival box office had passed "
      "7 billion yuan.",
      ["c-cny-mofcom-spending", "c-cny-travel-data"],
      [
          ("02-10 06:08", "cctv",
           "2027年春节档电影票房突破70亿元",
           "据国家电影局初步统计，截至2月10日14时，2027年春节档（2月5日至2月13日）电影票房突破70亿元，"
           "观影人次超过1.4亿。"),
          ("02-10 07:33", "variety",
           "China's Lunar New Year Box Office Tops $985 Million as Animated Sequel Dominates",
           "An animated fantasy sequel accounted for nearly half of ticket sales over the first "
           "five days of the holiday, according to data from Maoyan."),
          ("02-10 08:44", "thepaper",
           "春节档票房破70亿，一部动画续作贡献近半",
           "猫眼专业版数据显示，动画续作以33.6亿元领跑，其余六部影片票房均未超过10亿元。"),
          ("02-10 10:02", "cna",
           "中國春節檔電影票房破70億人民幣 動畫續集獨占近半",
           "中國國家電影局表示，今年春節檔電影票房截至10日已突破70億元人民幣。"),
      ])

story("c-hk-stocks-cny-reopen", "c-hk-market-moves",
      "Wed 2027-02-10: Hong Kong stocks rose 1.8% in the first session of the Year of the Goat "
      "after the Lunar New Year break.",
      ["c-hang-seng-jan-selloff", "c-hang-seng-april-rally", "c-hang-seng-tech-new-year-rally", "c-cny-box-office"],
      [
          ("02-10 02:04", "etnet",
           "羊年首個交易日 恒指高開360點",
           "港股羊年開市，恒指高開360點報25340點，消費及科技股造好，美股假期間屢創新高亦帶動氣氛。"),
          ("02-10 04:21", "zhitong",
           "港股开年红：恒指半日涨1.6%，消费、科技股领涨",
           "春节假期内地出游及观影数据亮眼，餐饮、旅游、影视股午盘涨幅居前。"),
          ("02-10 08:26", "rthk-en",
           "Hang Seng Index gains 452 points as market reopens after Lunar New Year",
           "The benchmark closed at 25,432, with turnover of HK$268 billion."),
          ("02-10 09:02", "bloomberg",
           "Hong Kong Stocks Rally in Year of the Goat Debut on Holiday Spending Hopes",
           "Travel and entertainment shares led gains as early data suggested Chinese households "
           "spent more over the holiday than last year."),
      ])

story("c-smic-q4-results", "c-smic-quarterly-results",
      "On Thu 2027-02-11 SMIC reported Q4 2026 revenue of $2.68 billion (+14% y/y) and guided "
      "Q1 revenue up 5-7% quarter on quarter.",
      ["c-huawei-2026-annual-report", "c-bis-entity-list-mar", "c-baidu-q4-results"],
      [
          ("02-11 08:52", "hkex",
           "SMIC REPORTS UNAUDITED RESULTS FOR THE THREE MONTHS ENDED DECEMBER 31, 2026", ""),
          ("02-11 09:31", "reuters-tech",
           "China's SMIC forecasts first-quarter revenue growth as local chip demand holds up",
           "Semiconductor Manufacturing International Corp expects revenue to rise 5% to 7% "
           "sequentially, with gross margin of 19% to 21%."),
          ("02-11 10:04", "stcn",
           "中芯国际四季度营收26.8亿美元 一季度指引环比增长5%至7%",
           "中芯国际第四季度毛利率为21.4%，全年营收首次突破100亿美元。"),
          ("02-11 11:09", "udn",
           "中芯國際上季營收年增14% 毛利率21.4%優於預期",
           "中芯國際預估第一季營收季增5%至7%，產能利用率維持在九成以上。"),
          ("02-11 12:03", "scmp",
           "SMIC posts record annual revenue above US$10 billion as China's chip self-reliance "
           "drive pays off",
           "Co-CEO Zhao Haijun said customers were pulling in orders to replace imported chips."),
      ])

story("c-treasury-outbound-ai-expansion", "c-treasury-outbound",
      "On Thu 2027-02-11 the US Treasury proposed widening its outbound investment rules to cover "
      "more Chinese AI developers, companies on the 1260H list and humanoid robotics.",
      ["c-ofac-hk-firms-russia", "c-bis-entity-list-jan", "c-pentagon-1260h-2027"],
      [
          ("02-11 17:31", "treasury",
           "Treasury Issues Proposed Rule to Expand Outbound Investment Security Program", ""),
          ("02-11 18:22", "reuters",
           "U.S. Treasury proposes widening curbs on American investment in Chinese AI, robotics",
           "The proposal would also bar new U.S. investment in companies on the Pentagon's 1260H "
           "list, which added Alibaba and Baidu last month. Comments are due within 45 days."),
          ("02-11 20:04", "ft",
           "US moves to bar American investors from backing Chinese robotics groups",
           "Venture firms with Chinese portfolios say the humanoid robotics clause could catch "
           "dozens of start-ups."),
          ("02-12 01:28", "21jingji",
           "美财政部拟扩大对华投资限制范围 人形机器人、AI大模型在列",
           "征求意见稿拟将被列入1260H清单的中国企业全部纳入禁止投资范围，业内人士称影响或超预期。"),
      ])

story("c-cny-mofcom-spending", "c-cny-spending",
      "On Sun 2027-02-14 China's commerce ministry said sales at key retail and catering firms "
      "rose 5.8% over the Spring Festival holiday.",
      ["c-cny-travel-data", "c-cny-box-office"],
      [
          ("02-14 07:52", "mofcom",
           "商务部：2027年春节假期全国重点零售和餐饮企业销售额同比增长5.8%",
           "据商务部商务大数据监测，春节假期（2月5日至13日）全国重点零售和餐饮企业销售额同比增长5.8%。"
           "汽车、家电以旧换新带动相关商品销售增长较快。"),
          ("02-14 08:33", "xinhua-en",
           "China's consumption sees robust growth during Spring Festival holiday",
           "Sales of key retail and catering enterprises rose 5.8 percent year on year, the "
           "Ministry of Commerce said Sunday."),
          ("02-14 09:12", "bjnews",
           "春节消费“成绩单”：重点零售和餐饮企业销售额增5.8%，以旧换新拉动明显",
           "商务部数据显示，节日期间智能手机、智能手表等数码产品销售额同比增长超两成。"),
          ("02-14 11:04", "reuters-biz",
           "China's holiday retail and catering sales up 5.8%, commerce ministry says",
           "The figure was slightly above last year's growth but analysts cautioned that the "
           "nine-day holiday was longer. Tourism data is due separately."),
          ("02-14 12:31", "hket",
           "內地春節假期零售餐飲銷售額增5.8%",
           "商務部指，春節9天假期全國重點零售及餐飲企業銷售額按年增長5.8%。"),
          ("02-14 09:40", "chinadaily",
           "Holiday spending climbs as trade-in program fuels demand",
           "Sales of home appliances and digital products were among the strongest categories, "
           "the Ministry of Commerce said."),
      ])

story("c-cny-travel-data", "c-cny-spending",
      "On Sun 2027-02-14 the culture and tourism ministry said Chinese made 640 million domestic "
      "trips over the holiday, spending 820.6 billion yuan.",
      ["c-cny-mofcom-spending", "c-cny-box-office"],
      [
          ("02-14 10:06", "mct",
           "2027年春节假期文化和旅游市场情况",
           "经文化和旅游部数据中心测算，春节假期9天，全国国内出游6.4亿人次，同比增长9.1%；"
           "国内游客出游总花费8206亿元，同比增长8.4%。"),
          ("02-14 10:41", "cctv",
           "春节假期国内出游6.4亿人次 总花费8206亿元",
           "冰雪游、县域游持续火热，入境游客数量同比增长超三成。"),
          ("02-14 13:17", "scmp-econ",
           "Chinese made 640 million trips over Lunar New Year, but per-head spending barely beats 2019",
           "Average spending per trip was about 1,282 yuan, only slightly above pre-pandemic "
           "levels despite the longer holiday."),
          ("02-14 14:02", "zaobao",
           "中国春节假期国内出游6.4亿人次 人均花费仅略高于疫情前",
           "按官方数据计算，人均每次出游花费约1282元，较2019年春节增幅有限。"),
          ("02-15 01:03", "cna",
           "中國春節9天假期出遊6.4億人次 人均花費僅略高於疫情前",
           "中國文化和旅遊部公布，今年春節假期國內出遊人次年增9.1%。"),
      ])

story("c-icts-alibaba-cloud-subpoenas", "c-us-icts",
      "On Tue 2027-02-16 Reuters reported that the Commerce Department's ICTS office had "
      "subpoenaed Alibaba Cloud's US unit in a probe that could lead to a ban; Alibaba's ADRs "
      "fell 3%.",
      ["c-fcc-letter-alibaba-cloud", "c-alibaba-cloud-statement-icts", "c-icts-drone-rule",
       "c-reuters-commerce-weighs-alibaba"],
      [
          ("02-16 15:04", "reuters-tech",
           "Exclusive: U.S. Commerce subpoenas Alibaba Cloud in probe that could lead to ban, "
           "sources say",
           "The Office of Information and Communications Technology and Services has sought "
           "records on how Alibaba Cloud stores U.S. customers' data and whether Chinese "
           "authorities could access it, three people familiar with the matter said. Alibaba "
           "declined to comment."),
          ("02-16 15:41", "reuters",
           "Exclusive: U.S. Commerce subpoenas Alibaba Cloud in probe that could lead to ban, "
           "sources say",
           "The Office of Information and Communications Technology and Services has sought "
           "records on how Alibaba Cloud stores U.S. customers' data.", "^"),
          ("02-16 16:33", "cnbc",
           "Alibaba's U.S. shares fall after report Commerce is probing its cloud unit",
           "Alibaba Cloud has only a small U.S. business, analysts said, but a ban could "
           "complicate its pitch to multinational clients in Asia."),
          ("02-16 18:12", "theregister",
           "Uncle Sam's supply-chain cops come knocking at Alibaba Cloud",
           "Subpoenas are the first formal step in an ICTS review, the same process that ended "
           "with Kaspersky being banned."),
          ("02-17 00:52", "wallstreetcn",
           "路透：美商务部就国家安全风险向阿里云发出传票 阿里美股跌3%",
           "据路透社，美国商务部信息通信技术与服务办公室已要求阿里云美国公司提交客户数据存储相关记录。"),
          ("02-17 01:29", "mingpao",
           "路透：美商務部向阿里雲發傳票 審查或致禁制",
           "消息指，美國商務部正調查阿里雲在美業務是否構成國安風險，最終或禁止其在美提供服務。"),
          ("02-17 02:11", "gnews",
           "US Commerce subpoenas Alibaba Cloud in national security probe - Reuters", ""),
          ("02-18 09:02", "voa",
           "美商務部調查阿里雲 專家：或步卡巴斯基後塵",
           "路透社披露美國商務部向阿里雲發出傳票後，有專家指出，此類ICTS審查最終可能導致全面禁令。"),
      ])

story("c-alibaba-cloud-statement-icts", "c-alibaba-us-responses",
      "On Wed 2027-02-17 Alibaba Cloud issued a statement saying it complies with local law and "
      "will cooperate with the US Commerce review.",
      ["c-icts-alibaba-cloud-subpoenas", "c-alibaba-hkex-statement-1260h",
       "c-alibaba-denies-entity-report"],
      [
          ("02-17 02:56", "cls",
           "阿里云回应美商务部调查：严格遵守当地法律，将全力配合澄清",
           "阿里云表示，其美国业务的客户数据均存储于当地数据中心，公司从未向任何政府提供境外客户数据。"),
          ("02-17 04:18", "scmp",
           "Alibaba Cloud says it will cooperate with US Commerce review, insists customer data stays local",
           "The statement was Alibaba Cloud's first public comment on the probe reported by "
           "Reuters a day earlier."),
          ("02-17 06:03", "aastocks",
           "阿里雲回應美國調查：業務合規 數據存放當地",
           "阿里雲發聲明指，歡迎有機會向美方澄清事實。阿里巴巴今早股價跌1.8%。"),
      ])

story("c-temu-eu-dsa-fine", "c-eu-platform-fines",
      "On Thu 2027-02-18 the European Commission fined PDD's Temu EUR 310 million under the "
      "Digital Services Act over illegal products.",
      ["c-samr-delivery-summons", "c-pdd-q4-results"],
      [
          ("02-18 10:52", "ec",
           "Commission fines Temu EUR 310 million for breaching the Digital Services Act",
           "The Commission has fined Temu for failing to diligently assess and mitigate the risks "
           "linked to the dissemination of illegal products on its marketplace, in breach of "
           "its obligations as a very large online platform."),
          ("02-18 11:31", "reuters-tech",
           "EU fines Temu 310 million euros over illegal products on its marketplace",
           "Temu said it disagreed with the decision and would appeal. The fine is the largest "
           "yet under the Digital Services Act."),
          ("02-18 12:14", "bloomberg",
           "Temu Hit With €310 Million EU Fine Over Unsafe Toys, Electronics",
           "Mystery shoppers commissioned by regulators found that most toys and baby products "
           "bought on the site failed EU safety tests."),
          ("02-18 14:02", "yicai",
           "欧盟依《数字服务法》对Temu罚款3.1亿欧元，Temu称将上诉",
           "欧盟委员会称，Temu未能有效评估和降低非法产品在其平台传播的风险。"),
          ("02-18 15:28", "cna-world",
           "歐盟重罰Temu 3.1億歐元 指未有效防堵非法商品",
           "歐盟執委會18日宣布對中國電商平台Temu開罰，Temu母公司拼多多控股表示將提出上訴。"),
          ("02-18 13:20", "cnbc",
           "Temu slapped with $335 million EU fine over illegal and unsafe products",
           "It is the first penalty the bloc has imposed on a Chinese-owned online marketplace "
           "under its content rules."),
      ])

story("c-pboc-lpr-feb", "c-pboc-lpr",
      "On Mon 2027-02-22 China cut both loan prime rates by 10 bp (1-year 2.80%, 5-year 3.30%), "
      "the first cut in nine months.",
      ["c-pboc-lpr-jan", "c-pboc-lpr-mar", "c-pboc-lpr-apr", "c-pboc-rrr-cut-jan"],
      [
          ("02-22 01:15", "pbc",
           "2027年2月22日全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告",
           "1年期LPR为2.8%，5年期以上LPR为3.3%。以上LPR在下一次发布LPR之前有效。"),
          ("02-22 01:32", "reuters-mkts",
           "China cuts benchmark lending rates for first time in nine months",
           "The one-year loan prime rate was lowered to 2.80% and the five-year rate to 3.30%, "
           "following a cut in the seven-day reverse repo rate last week."),
          ("02-22 02:06", "cls",
           "2月LPR下调10个基点：1年期2.8%，5年期以上3.3%",
           "这是自去年5月以来LPR首次下调，此前央行已于2月1日起实施降准。"),
          ("02-22 03:39", "bloomberg",
           "China Lowers Loan Rates to Record Low to Revive Post-Holiday Borrowing",
           "Mortgage rates for new buyers will fall further, though economists doubt it will "
           "turn the housing market on its own."),
          ("02-22 05:01", "hket",
           "內地LPR九個月來首減 一年期降至2.8厘",
           "一年期及五年期以上貸款市場報價利率同步下調10個基點，符合市場預期。"),
      ])

story("c-baidu-q4-results", "c-baidu-quarterly-results",
      "After the US close on Wed 2027-02-24 Baidu reported Q4 2026 revenue of 33.1 billion yuan "
      "(-2%), with AI Cloud up 31% and ads still shrinking.",
      ["c-alibaba-q3-fy27-results", "c-baidu-ernie-5-5-release", "c-jd-q4-results",
       "c-tencent-q4-results"],
      [
          ("02-24 21:10", "prnewswire",
           "Baidu Announces Fourth Quarter and Fiscal Year 2026 Results",
           "Total revenues were RMB33.1 billion (US$4.66 billion), decreasing 2% year over year. "
           "Revenue from AI Cloud increased 31% year over year."),
          ("02-24 21:36", "reuters-tech",
           "Baidu revenue slips as ad slump offsets AI cloud growth",
           "Online marketing revenue fell 12% as AI-generated answers eat into search ad "
           "inventory, while Apollo Go robotaxi rides more than doubled."),
          ("02-24 22:18", "cnbc",
           "Baidu beats estimates as AI cloud growth offsets shrinking search ads business",
           "Adjusted earnings per ADS came in at 16.80 yuan against expectations of 15.20 yuan."),
          ("02-25 00:32", "jiemian",
           "百度四季度营收331亿元，智能云收入增长31%",
           "百度核心在线营销收入同比下降12%，非在线营销收入同比增长24%。"),
          ("02-25 01:14", "hkej",
           "百度上季收入跌2% 廣告續萎縮 AI雲增三成",
           "百度(09888)公布第四季業績，經調整每股ADS盈利16.8元人民幣，勝市場預期。"),
          ("02-25 02:03", "36kr",
           "百度Q4财报：萝卜快跑单季全无人驾驶出行服务超410万次",
           "萝卜快跑已在全球30座城市开展服务，其中海外城市增至8个。"),
          ("02-24 21:24", "seekingalpha",
           "Baidu Non-GAAP EPADS of RMB16.80 beats by RMB1.60, revenue of RMB33.1B in-line", ""),
      ])

story("c-alibaba-q3-fy27-results", "c-alibaba-quarterly-results",
      "On Thu 2027-02-25 (about 06:30 ET) Alibaba reported December-quarter 2026 results: revenue "
      "298.6 billion yuan (+7%), cloud +38%, AI capex plan raised to 480 billion yuan; ADRs "
      "closed up 7.8% in New York that day.",
      ["c-baidu-q4-results", "c-alibaba-shares-post-results", "c-lex-alibaba-ai-capex",
       "c-alibaba-ms-downgrade", "c-jd-q4-results", "c-tencent-q4-results"],
      [
          ("02-25 11:30", "businesswire",
           "Alibaba Group Announces December Quarter 2026 Results",
           "Revenue was RMB298,615 million (US$42,059 million), an increase of 7% year-over-year. "
           "Cloud Intelligence Group revenue grew 38% year-over-year, and AI-related product "
           "revenue maintained triple-digit year-over-year growth for the thirteenth "
           "consecutive quarter."),
          ("02-25 11:34", "edgar",
           "6-K - Alibaba Group Holding Ltd (0001577552) (Filer)", ""),
          ("02-25 11:52", "reuters-tech",
           "Alibaba quarterly revenue beats estimates as cloud growth accelerates to 38%",
           "Revenue rose to 298.6 billion yuan ($42.06 billion) in the quarter ended Dec. 31, "
           "above the 294.2 billion yuan average of analyst estimates compiled by LSEG."),
          ("02-25 12:06", "cnbc",
           "Alibaba shares jump premarket as cloud revenue surges on AI demand",
           "Here's how the company did versus LSEG consensus: adjusted earnings per ADS of 16.95 "
           "yuan vs. 15.80 yuan expected; revenue of 298.6 billion yuan vs. 294.2 billion yuan."),
          ("02-25 12:21", "bloomberg-tech",
           "Alibaba Raises AI Spending Plan to 480 Billion Yuan as Cloud Sales Accelerate",
           "Chief Executive Officer Eddie Wu said demand for AI computing still outstrips supply "
           "and the company would spend more than the 380 billion yuan pledged two years ago."),
          ("02-25 12:49", "caixin",
           "阿里巴巴季度营收2986亿元 云智能收入增38%",
           "阿里巴巴2027财年第三季度（2026年10-12月）收入同比增长7%，经调整EBITA同比下降9%，"
           "主要因闪购业务投入。"),
          ("02-25 13:04", "wallstreetcn",
           "阿里财报电话会：吴泳铭称AI算力仍供不应求，三年资本开支计划上调至4800亿",
           "吴泳铭表示，闪购业务单位经济模型持续改善，亏损环比大幅收窄。"),
          ("02-25 13:31", "etnet",
           "阿里巴巴第三財季收入增7% 雲業務加速增長38%",
           "阿里巴巴(09988)公布截至去年12月底止第三財季業績，經調整每股美國存託股盈利16.95元人民幣。"),
          ("02-25 14:09", "scmp",
           "Alibaba's cloud unit grows at its fastest pace in four years, offsetting weaker "
           "e-commerce margins",
           "The results come a month after the Pentagon added Alibaba to its list of Chinese "
           "military companies, a designation the company is challenging in court. Alibaba owns "
           "the Post."),
          ("02-25 15:42", "ft",
           "Alibaba lifts AI investment as cloud boom masks strain from delivery wars",
           "Quick commerce losses narrowed for a second quarter but still weighed on the core "
           "Taobao and Tmall unit."),
          ("02-25 21:22", "wsj-tech",
           "Alibaba Stock Surges as Its AI Bet Starts to Pay Off",
           "American depositary shares closed up 7.8% on Thursday, their best day since "
           "October."),
          ("02-25 22:05", "yicai",
           "阿里巴巴美股收涨7.8%：云业务加速、闪购亏损收窄",
           "财报发布后阿里美股盘前即大涨，收盘报160.48美元，市值重回3800亿美元上方。"),
      ])

story("c-alibaba-shares-post-results", "c-alibaba-share-moves",
      "Fri 2027-02-26 Hong Kong session: Alibaba rose 9.1% to HK$158.40 the day after its results, "
      "leading the Hang Seng Tech index.",
      ["c-alibaba-q3-fy27-results", "c-alibaba-shares-qwen4-rally", "c-alibaba-shares-ruling-rally",
       "c-alibaba-ms-downgrade"],
      [
          ("02-26 01:36", "aastocks",
           "阿里巴巴高開7% 業績勝預期 雲業務加速",
           "阿里巴巴-W(09988.HK)高開7.2%，報155.7元，帶動恒生科技指數高開1.9%。"),
          ("02-26 02:41", "bloomberg",
           "Alibaba Jumps Most Since October in Hong Kong as Investors Cheer Cloud Growth",
           "The stock caught up with Thursday's rally in New York, adding about HK$300 billion "
           "in market value."),
          ("02-26 04:09", "gelonghui",
           "港股午评：阿里巴巴涨超9%领涨恒生科技，百度跌3%",
           "恒生科技指数半日涨2.6%；百度财报后股价承压，跌3.1%。"),
          ("02-26 08:29", "rthk",
           "恒指收升386點 阿里巴巴業績後急升9%",
           "恒生指數收報25918點，升386點；阿里巴巴收報158.4元，升9.1%，成交額逾200億元。"),
          ("02-26 08:51", "reuters-mkts",
           "Alibaba leads Hong Kong tech rally after results; Hang Seng up 1.5%",
           "Alibaba's Hong Kong shares posted their biggest one-day gain in more than four months."),
      ])

story("c-lex-alibaba-ai-capex", "c-commentary",
      "FT Lex column on Fri 2027-02-26 on Alibaba's enlarged AI spending plan (opinion, no new event).",
      ["c-alibaba-q3-fy27-results"],
      [
          ("02-26 16:05", "ft-lex",
           "Alibaba: spending spree",
           "Raising the AI budget by a quarter is a bet that Chinese cloud demand will outrun "
           "chip shortages and Washington. Investors cheered this week; they may want a better "
           "look at returns before cheering again."),
      ])
