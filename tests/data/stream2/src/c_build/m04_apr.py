"""April 2027, written by hand. Times are UTC (Hong Kong = UTC+8, New York = UTC-4).
Ching Ming is Mon 2027-04-05 (Hong Kong closed)."""
from common import story

story("c-byd-mar-sales", "c-byd-monthly-sales",
      "On Thu 2027-04-01 BYD reported March NEV sales of 372,900 and first-quarter sales above "
      "900,000, with record overseas sales of 118,500.",
      ["c-byd-jan-sales", "c-byd-feb-sales", "c-byd-2026-full-year-sales", "c-byd-2026-annual-results"],
      [
          ("04-01 08:35", "hkex",
           "VOLUNTARY ANNOUNCEMENT - PRODUCTION AND SALES VOLUME FOR MARCH 2027", ""),
          ("04-01 09:11", "cnevpost",
           "BYD sells 372,900 NEVs in Mar, Q1 total tops 900,000",
           "Overseas sales reached a record 118,500 units, bringing the first-quarter total "
           "abroad to about 318,800."),
          ("04-01 10:04", "21jingji",
           "比亚迪3月销量37.29万辆，一季度海外销量近32万辆",
           "比亚迪一季度累计销售新能源汽车90.1万辆，海外占比升至35%以上。"),
          ("04-01 12:28", "ctee",
           "比亞迪3月銷量回溫 首季海外銷量年增逾5成",
           "比亞迪3月新能源車銷量37.29萬輛，月增逾5成，海外單月銷量再創新高。"),
          ("04-01 11:05", "reuters-biz",
           "BYD first-quarter sales rise as exports hit record",
           "BYD's overseas deliveries have grown every month this year, offsetting a slower "
           "domestic market."),
      ])

story("c-ofac-hk-firms-russia", "c-treasury-sanctions",
      "On Thu 2027-04-01 the US Treasury's OFAC sanctioned 12 Hong Kong and mainland Chinese "
      "firms for supplying components to Russia's drone programme.",
      ["c-treasury-outbound-ai-expansion", "c-bis-entity-list-mar", "c-icts-drone-rule"],
      [
          ("04-01 14:52", "treasury",
           "Treasury Targets Hong Kong and China-Based Suppliers of Russia's Drone Program", ""),
          ("04-01 15:33", "reuters",
           "U.S. sanctions Hong Kong, Chinese firms accused of supplying Russian drone makers",
           "The 12 companies shipped engines, navigation modules and thermal cameras used in "
           "Russia's Geran drones, the Treasury said."),
          ("04-01 23:52", "rthk",
           "美國制裁十多間香港及內地公司 指向俄羅斯供應無人機零件",
           "美國財政部宣布制裁12間位於香港及內地的公司，指它們向俄羅斯無人機製造商提供關鍵零部件。"),
          ("04-02 01:11", "thestandard",
           "Hong Kong trading firms hit by fresh US sanctions over Russian drone parts",
           "Seven of the sanctioned companies are registered in Hong Kong, most of them at "
           "secretarial-services addresses."),
      ])

story("c-reuters-commerce-weighs-alibaba", "c-us-entity-list-reports",
      "On Mon 2027-04-05 Reuters reported that the Commerce Department had sent a draft rule "
      "adding Alibaba to the Entity List for interagency review; Alibaba's ADRs fell about 5% "
      "after hours.",
      ["c-house-ccp-letter-alibaba", "c-bis-entity-list-mar", "c-alibaba-denies-entity-report",
       "c-alibaba-shares-entity-report", "c-icts-alibaba-cloud-subpoenas"],
      [
          ("04-05 20:26", "reuters",
           "Exclusive: U.S. moves toward adding Alibaba to trade blacklist, sources say",
           "The Commerce Department has sent a draft rule adding Alibaba Group to the Entity "
           "List to other agencies for review, four people familiar with the matter said. "
           "Alibaba did not respond to a request for comment outside business hours in China."),
          ("04-05 20:37", "reuters-tech",
           "Exclusive: U.S. moves toward adding Alibaba to trade blacklist, sources say",
           "The Commerce Department has sent a draft rule adding Alibaba Group to the Entity "
           "List to other agencies for review, four people familiar with the matter said.", "^"),
          ("04-05 21:32", "cnbc",
           "Alibaba shares slide after hours on report U.S. is weighing export blacklist",
           "An Entity List designation would cut Alibaba Cloud off from Nvidia chips and U.S. "
           "software, analysts said."),
          ("04-05 22:46", "gnews",
           "US moves toward adding Alibaba to trade blacklist, sources say - Reuters", ""),
          ("04-06 00:19", "ftchinese",
           "路透：美国商务部拟将阿里巴巴列入实体清单",
           "知情人士称，相关规则草案已提交跨部门审查，最终是否发布仍取决于白宫。"),
          ("04-06 00:48", "cna-world",
           "路透：美商務部研議將阿里巴巴列入實體清單",
           "路透社引述知情人士報導，美國商務部已擬定將阿里巴巴列入出口管制實體清單的規則草案。"),
          ("04-05 21:58", "bloomberg",
           "Alibaba Falls in Late Trading After Report US Weighs Export Blacklist",
           "A designation would require US suppliers to get licenses before selling to Alibaba."),
      ])

story("c-alibaba-denies-entity-report", "c-alibaba-us-responses",
      "Before the Hong Kong open on Tue 2027-04-06 Alibaba issued a clarification saying it had "
      "received no notice of any Entity List decision.",
      ["c-alibaba-hkex-statement-1260h", "c-alibaba-cloud-statement-icts",
       "c-reuters-commerce-weighs-alibaba", "c-alibaba-shares-entity-report"],
      [
          ("04-06 00:57", "hkex",
           "VOLUNTARY ANNOUNCEMENT - CLARIFICATION OF MEDIA REPORTS", ""),
          ("04-06 01:31", "36kr",
           "阿里巴巴回应“将被列入实体清单”传闻：未收到任何通知",
           "阿里巴巴在港交所公告称，公司并未收到美国政府任何相关通知，一直严格遵守适用的出口管制法规。"),
          ("04-06 02:12", "scmp",
           "Alibaba says it has received no notice from Washington after report of looming blacklist",
           "The company said it would continue to engage constructively with US authorities. "
           "Alibaba owns the Post."),
          ("04-06 03:28", "hket",
           "阿里巴巴澄清：未獲美方通知列入實體清單",
           "阿里巴巴今早發公告，指集團一直遵守所有適用的出口管制法規。"),
      ])

story("c-alibaba-shares-entity-report", "c-alibaba-share-moves",
      "Tue 2027-04-06 trading (first Hong Kong session after the Ching Ming holiday): Alibaba fell "
      "6.8% on the Entity List report, dragging the Hang Seng down 1.4%; ADRs fell further in "
      "New York.",
      ["c-alibaba-shares-1260h-session", "c-alibaba-shares-house-letter",
       "c-reuters-commerce-weighs-alibaba", "c-alibaba-denies-entity-report",
       "c-hang-seng-jan-selloff"],
      [
          ("04-06 01:44", "etnet",
           "阿里巴巴低開逾6% 傳美擬列入實體清單",
           "阿里巴巴(09988)清明假期後復市低開6.2%，雖公司澄清未收到通知，股價仍受壓。"),
          ("04-06 03:52", "bloomberg",
           "Alibaba Sinks Most in Three Months on Report of US Export Blacklist",
           "The drop erased most of the gains Alibaba made after the Qwen4 launch last month."),
          ("04-06 04:16", "zhitong",
           "港股午评：阿里跌近7%拖累恒科指，清明假期后港股承压",
           "恒生科技指数半日跌2.7%，阿里巴巴成交额居港股首位。"),
          ("04-06 08:24", "rthk-en",
           "Hang Seng Index ends 1.4 percent lower as Alibaba slumps 6.8 percent",
           "The benchmark fell 368 points to 25,812, with Alibaba accounting for more than half "
           "of the decline."),
          ("04-06 08:49", "reuters-mkts",
           "Hong Kong stocks fall as Alibaba tumbles on U.S. blacklist report",
           "Alibaba's slide overshadowed gains in property shares."),
          ("04-06 20:41", "cnbc-mkts",
           "Alibaba ADRs extend losses in New York as blacklist worries linger",
           "The U.S.-listed shares closed down 3.9% on Tuesday, after an after-hours slide on "
           "Monday."),
      ])

story("c-senate-bill-chinese-ai", "c-congress-china-tech",
      "On Wed 2027-04-07 a bipartisan group of senators introduced a bill to bar federal agencies "
      "and contractors from using AI models from adversary-nation developers such as DeepSeek "
      "and Alibaba's Qwen.",
      ["c-house-passes-ai-bill", "c-house-ccp-letter-alibaba", "c-mfa-house-ai-bill"],
      [
          ("04-07 18:51", "congress",
           "S.1187 - No Adversarial AI in Federal Systems Act", "",
           "https://www.congress.gov/bill/120th-congress/senate-bill/1187"),
          ("04-07 19:31", "politico",
           "Senators move to ban DeepSeek, Qwen from federal computers and contractors",
           "The bill would also require contractors to certify that they do not use models from "
           "companies on the Pentagon's Chinese military list."),
          ("04-07 20:14", "thehill",
           "Bipartisan bill would bar federal contractors from using Chinese AI models",
           "Agencies would have 90 days to remove covered AI systems from their networks."),
          ("04-08 00:42", "zaobao",
           "美国参议员跨党派提案 禁止联邦机构使用DeepSeek、千问等中国AI模型",
           "法案还要求联邦承包商证明未使用被列入五角大楼“中国军事企业”清单公司开发的模型。"),
          ("04-08 02:01", "ltn",
           "美參議員跨黨派提案 禁聯邦機構用中國AI模型",
           "法案點名DeepSeek及阿里巴巴千問，要求聯邦機構90天內移除相關系統。"),
      ])

story("c-alibaba-cloud-new-regions", "c-alibaba-cloud-expansion",
      "On Thu 2027-04-08 Alibaba Cloud said it would open data centres in Mexico, Türkiye and "
      "Vietnam this year.",
      ["c-alibaba-cloud-price-cut-jan", "c-alibaba-cloud-hk-outage", "c-keeta-mexico-launch"],
      [
          ("04-08 02:31", "alizila",
           "Alibaba Cloud to Open Data Centers in Mexico, Türkiye and Vietnam",
           "The new regions, due online in the second half of 2027, will bring Alibaba Cloud's "
           "global footprint to 33 regions."),
          ("04-08 03:42", "cls",
           "阿里云宣布今年将在墨西哥、土耳其、越南新建数据中心",
           "阿里云表示，海外AI相关需求增长强劲，将持续加大全球基础设施投入。"),
          ("04-08 05:18", "dealstreetasia",
           "Alibaba Cloud expands to Vietnam, Mexico and Türkiye despite US scrutiny",
           "The expansion comes as Washington weighs export curbs on the group and probes its "
           "small US cloud business."),
          ("04-08 07:02", "hkej",
           "阿里雲年內於墨西哥土耳其越南設數據中心",
           "阿里雲宣布擴展海外基建，新數據中心將於下半年投入服務。"),
      ])

story("c-cainiao-hk-ipo-filing", "c-alibaba-spinoffs",
      "On Fri 2027-04-09 Alibaba's logistics arm Cainiao filed an application to list in Hong Kong.",
      ["c-alibaba-convertible-notes", "c-ant-stablecoin-licence", "c-bytedance-buyback-valuation"],
      [
          ("04-09 13:42", "hkex",
           "Cainiao Smart Logistics Network Limited - Application Proof (1st submission)", ""),
          ("04-09 14:31", "reuters-biz",
           "Alibaba's Cainiao files for Hong Kong IPO, reviving plan shelved in 2024",
           "The filing shows revenue of 112 billion yuan in 2026 and a return to adjusted "
           "profitability."),
          ("04-09 15:19", "caixin",
           "菜鸟再度递表港交所 2026年营收1120亿元",
           "这是菜鸟自2024年撤回上市申请后再次启动IPO，阿里巴巴仍将保持控股地位。"),
          ("04-10 00:31", "hk01",
           "菜鳥重啟香港上市 遞交上市申請",
           "阿里巴巴旗下物流公司菜鳥昨晚向港交所遞交上市申請，中金及高盛為聯席保薦人。"),
          ("04-10 02:02", "bloomberg",
           "Alibaba's Cainiao Revives Hong Kong IPO That Could Raise $1.5 Billion",
           "Alibaba took Cainiao private in 2024 after abandoning an earlier listing attempt."),
      ])

story("c-alibaba-hsbc-upgrade", "c-alibaba-analyst-ratings",
      "On Mon 2027-04-12 HSBC upgraded Alibaba to buy, saying Entity List fears were overdone.",
      ["c-alibaba-ms-downgrade", "c-alibaba-shares-entity-report"],
      [
          ("04-12 01:26", "aastocks",
           "滙豐升阿里巴巴評級至「買入」 目標價185元",
           "滙豐環球研究指，市場對阿里巴巴被列入實體清單的憂慮已過度反映在股價上。"),
          ("04-12 02:39", "gelonghui",
           "汇丰上调阿里巴巴评级至“买入”，称实体清单担忧被过度定价",
           "汇丰认为，即便被列入实体清单，阿里云已有国产算力储备，对短期收入影响有限。"),
          ("04-12 13:34", "investors",
           "Alibaba Stock Gets an Upgrade as HSBC Says Blacklist Fears Are Overdone",
           "HSBC's price target implies about 20% upside from Friday's close."),
      ])

story("c-apple-intelligence-china-launch", "c-alibaba-partnerships",
      "On Tue 2027-04-13 Apple launched Apple Intelligence in mainland China with the iOS 27.4 "
      "update, using Alibaba's Qwen models.",
      ["c-qwen4-release", "c-qwen-app-200m-mau"],
      [
          ("04-13 01:02", "apple",
           "Apple Intelligence is now available in simplified Chinese in mainland China", ""),
          ("04-13 01:46", "macrumors",
           "iOS 27.4 Brings Apple Intelligence to China, Powered by Alibaba's Qwen",
           "Users in mainland China with an iPhone 15 Pro or later can now turn on Apple "
           "Intelligence after updating."),
          ("04-13 02:19", "reuters-tech",
           "Apple finally launches AI features in China with Alibaba after two-year wait",
           "The launch follows approval by China's cyberspace regulator and comes as iPhone sales "
           "in China face pressure from Huawei and Xiaomi."),
          ("04-13 03:12", "ithome",
           "苹果国行版Apple Intelligence正式上线，由阿里千问提供支持",
           "IT之家4月13日消息，苹果今日推送iOS 27.4正式版，国行iPhone用户可开启Apple智能。"),
          ("04-13 04:29", "cnyes",
           "蘋果AI終於登陸中國 攜手阿里巴巴",
           "蘋果13日推出iOS 27.4更新，中國大陸用戶可使用由阿里巴巴千問模型支援的Apple Intelligence。"),
          ("04-13 06:01", "21jingji",
           "国行Apple智能落地：阿里千问担纲，iPhone换机潮能否到来？",
           "多位渠道商表示，国行Apple智能上线对iPhone销量的拉动仍需观察。"),
          ("04-13 02:51", "verge",
           "Apple Intelligence is finally available in China",
           "It took nearly two years and a partnership with Alibaba."),
      ])

story("c-alibaba-1260h-injunction", "c-alibaba-lawsuits",
      "On Wed 2027-04-14 a US federal judge in Washington granted Alibaba a preliminary injunction "
      "blocking its designation as a Chinese military company; its ADRs rose after hours.",
      ["c-alibaba-sues-pentagon", "c-dod-appeal-alibaba", "c-alibaba-shares-ruling-rally",
       "c-alibaba-class-action", "c-pentagon-1260h-2027"],
      [
          ("04-14 21:41", "courtlistener",
           "Alibaba Group Holding Limited v. United States Department of Defense",
           "MEMORANDUM OPINION AND ORDER granting [14] Plaintiff's Motion for Preliminary "
           "Injunction. Defendants are ENJOINED from enforcing the designation of Plaintiff as a "
           "Chinese military company pending further order of the Court."),
          ("04-14 22:09", "reuters",
           "U.S. judge blocks Pentagon's designation of Alibaba as a Chinese military company",
           "The judge found the Defense Department was unlikely to be able to show that Alibaba "
           "met the statutory definition, and that Alibaba had shown irreparable harm."),
          ("04-14 22:38", "bloomberg",
           "Alibaba Wins Court Order Halting Pentagon Military Blacklisting",
           "It is the first court win for a company on the list since Xiaomi and Luokung in "
           "2021."),
          ("04-14 23:21", "cnbc",
           "Alibaba shares jump after hours as judge halts Pentagon designation",
           "The ADRs rose as much as 7% in extended trading."),
          ("04-15 00:29", "caixin",
           "美国法院裁定暂停国防部对阿里巴巴的“中国军事企业”认定",
           "法官在意见书中称，国防部提交的证据主要基于公开报道，难以证明阿里巴巴属于法定的军事企业。"),
          ("04-15 01:08", "cna-world",
           "美法官暫停國防部將阿里巴巴列為中共軍企決定",
           "美國聯邦法官14日批准阿里巴巴的初步禁制令請求，國防部可提出上訴。"),
          ("04-15 01:39", "wsj",
           "Judge Halts Alibaba's Pentagon Blacklisting, Dealing Blow to Military-Company List",
           "The decision could encourage other listed companies, including Tencent, to sue."),
          ("04-14 23:02", "ap",
           "Judge blocks Pentagon from labeling Alibaba a Chinese military company, for now",
           "The order remains in place while the lawsuit proceeds."),
          ("04-15 00:05", "gnews",
           "US judge blocks Pentagon's designation of Alibaba as Chinese military company - Reuters", ""),
          ("04-16 03:04", "yicai",
           "阿里巴巴赢得初步禁令后，1260H清单还有多少约束力？",
           "法官对国防部证据标准的质疑，可能让清单上的其他中国企业效仿起诉，但美方仍可上诉。"),
      ])

story("c-alibaba-shares-ruling-rally", "c-alibaba-share-moves",
      "Thu 2027-04-15 Hong Kong session: Alibaba rose 7.5% after the US court ruling, back above "
      "HK$160.",
      ["c-alibaba-shares-post-results", "c-alibaba-shares-qwen4-rally",
       "c-alibaba-1260h-injunction", "c-alibaba-shares-1260h-session"],
      [
          ("04-15 01:42", "etnet",
           "阿里巴巴高開6% 美法院暫停軍企認定",
           "阿里巴巴(09988)高開6.1%，報158.9元；百度亦高開3%。"),
          ("04-15 03:31", "bloomberg-tech",
           "Alibaba Jumps in Hong Kong After Winning Reprieve in US Court",
           "The stock has now recovered all of its losses since the Entity List report last "
           "week."),
          ("04-15 04:06", "wallstreetcn",
           "港股午评：阿里巴巴涨超7%，百度跟涨4%",
           "恒生科技指数半日涨2.2%，中概股普遍受美国法院裁决提振。"),
          ("04-15 08:36", "oncc",
           "阿里巴巴收升7.5% 重上160元",
           "阿里巴巴收報161元，升7.5%，成交額168億元，為港股成交最大個股。"),
          ("04-15 08:57", "reuters-mkts",
           "Hong Kong shares climb as Alibaba rallies on U.S. court ruling",
           "The Hang Seng index rose 1.1%."),
      ])

story("c-nppa-gaming-draft-rules", "c-china-gaming-regulation",
      "On Fri 2027-04-16 China's NPPA published draft revisions to its online game rules, "
      "limiting spending incentives.",
      ["c-tencent-netease-shares-gaming-rules", "c-samr-delivery-summons"],
      [
          ("04-16 10:56", "nppa",
           "国家新闻出版署关于公开征求《网络游戏管理办法（修订草案征求意见稿）》意见的通知", ""),
          ("04-16 11:39", "reuters-tech",
           "China proposes new curbs on online game spending, reviving memories of 2023 crackdown",
           "The draft would ban first-purchase bonuses and require games to publish loot-box "
           "odds, among other changes."),
          ("04-16 12:33", "gamesindustry",
           "China publishes revised draft online game rules targeting spending incentives",
           "The public comment period runs until May 16."),
          ("04-16 13:11", "yicai",
           "网络游戏管理办法修订草案征求意见：拟禁止首充奖励，抽卡概率须公示",
           "征求意见稿共六章五十条，对未成年人保护、虚拟道具交易等作出细化规定。"),
          ("04-16 14:19", "hkej",
           "國家新聞出版署就網遊管理辦法修訂徵求意見",
           "草案擬禁止遊戲設置首次充值獎勵，並須公示抽獎機率。"),
      ])

story("c-tencent-netease-shares-gaming-rules", "c-gaming-stock-moves",
      "Mon 2027-04-19 Hong Kong session: Tencent fell 9% and NetEase 12% after the draft gaming "
      "rules; the Hang Seng lost 517 points.",
      ["c-nppa-gaming-draft-rules", "c-tencent-q4-results", "c-alibaba-shares-entity-report",
       "c-hang-seng-jan-selloff"],
      [
          ("04-19 01:51", "aastocks",
           "騰訊急挫8% 網易跌逾一成 網遊新規草案打擊",
           "騰訊控股(00700.HK)低開7.8%，網易-S(09999.HK)跌11.4%，嗶哩嗶哩跌9%。"),
          ("04-19 03:19", "bloomberg",
           "Tencent, NetEase Lose $60 Billion as China Revives Gaming Curbs",
           "The selloff recalled December 2023, when draft rules wiped out almost $80 billion "
           "in a day before regulators softened their stance."),
          ("04-19 04:09", "sina",
           "港股午评：游戏股暴跌，腾讯跌超8%，网易跌12%",
           "恒生指数半日跌1.8%，恒生科技指数跌3.5%。"),
          ("04-19 08:31", "rthk",
           "恒指收跌517點 騰訊挫9%",
           "恒生指數收報26028點，跌517點。騰訊收市跌9%，網易跌12%，為拖累大市最多股份。"),
          ("04-19 09:08", "reuters-mkts",
           "Tencent, NetEase slump as Beijing's draft gaming rules spook investors",
           "Analysts said the final rules might be softened but that uncertainty would weigh on "
           "the sector for weeks."),
      ])

story("c-pboc-lpr-apr", "c-pboc-lpr",
      "On Tue 2027-04-20 China's loan prime rates were left unchanged at 2.80% and 3.30%.",
      ["c-pboc-lpr-jan", "c-pboc-lpr-feb", "c-pboc-lpr-mar", "c-pboc-rrr-cut-apr"],
      [
          ("04-20 01:15", "pbc",
           "2027年4月20日全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告",
           "1年期LPR为2.8%，5年期以上LPR为3.3%。以上LPR在下一次发布LPR之前有效。"),
          ("04-20 01:38", "reuters-mkts",
           "China holds lending rates steady after first-quarter growth beats forecasts",
           "The economy grew 4.8% in the first quarter, data showed last week, reducing the "
           "urgency for a cut."),
          ("04-20 02:21", "stcn",
           "4月LPR连续两个月持平 市场关注降准窗口",
           "分析人士认为，一季度经济数据好于预期，LPR保持稳定，但二季度仍存在降准可能。"),
      ])

story("c-huawei-analyst-summit-ascend", "c-huawei-chips",
      "At its analyst summit on Tue 2027-04-20 Huawei said its next AI chip, the Ascend 960, will "
      "launch in Q4 2027, earlier than planned.",
      ["c-huawei-2026-annual-report", "c-bis-entity-list-mar", "c-smic-q4-results"],
      [
          ("04-20 02:31", "cls",
           "华为分析师大会：昇腾960提前至今年四季度推出",
           "华为副董事长、轮值董事长徐直军表示，昇腾960将采用自研高带宽内存，并同步推出Atlas 960超节点。"),
          ("04-20 04:02", "reuters-tech",
           "Huawei brings forward next Ascend AI chip as China seeks Nvidia alternatives",
           "Huawei originally planned to release the chip in 2028."),
          ("04-20 05:19", "scmp",
           "Huawei says Ascend 960 will arrive by end-2027, unveils larger SuperPoD cluster",
           "The announcement came weeks after the US blacklisted Huawei-linked toolmaker SiCarrier."),
          ("04-20 07:02", "udn",
           "華為昇騰960提前年底推出 劍指輝達",
           "華為在深圳舉行分析師大會，宣布新一代AI晶片昇騰960將提前於今年第四季推出。"),
      ])

story("c-qwen4-coder-release", "c-qwen-model-releases",
      "On Wed 2027-04-21 Alibaba released the open-weight Qwen4-Coder models and updated its "
      "Qwen Code agent.",
      ["c-qwen4-release", "c-qwen-omni-release", "c-baidu-ernie-5-5-release"],
      [
          ("04-21 11:51", "alicloud-blog",
           "Qwen4-Coder: Agentic Coding at Frontier Scale",
           "Today we release Qwen4-Coder, our most agentic code model to date, in two sizes, "
           "together with a major update to the Qwen Code command-line agent."),
          ("04-21 12:31", "jiqizhixin",
           "Qwen4-Coder开源：SWE-bench Verified得分78.9%，刷新开源纪录",
           "新模型支持100万tokens上下文，可在仓库级任务中连续调用工具数百次。"),
          ("04-21 13:42", "venturebeat",
           "Alibaba's Qwen4-Coder tops open-source coding leaderboards, takes aim at Claude",
           "Developers can run the smaller model on a single workstation GPU."),
          ("04-21 15:02", "ithome",
           "阿里通义千问发布Qwen4-Coder编程模型，Qwen Code同步升级",
           "IT之家4月21日消息，Qwen4-Coder已在魔搭社区、Hugging Face及阿里云百炼平台上线。"),
          ("04-22 01:29", "technews",
           "阿里推 Qwen4-Coder 程式碼模型 開源成績刷新紀錄",
           "Qwen4-Coder 是阿里繼 3 月推出 Qwen4 系列後，針對程式開發場景的專門模型。"),
      ])

story("c-baidu-ernie-5-5-release", "c-baidu-ai-models",
      "At Baidu Create on Thu 2027-04-22 Baidu launched its Ernie 5.5 model and cut API prices.",
      ["c-qwen4-coder-release", "c-qwen4-release", "c-doubao-seed-release-jan",
       "c-baidu-q4-results"],
      [
          ("04-22 05:31", "36kr",
           "百度发布文心大模型5.5，李彦宏称多模态能力全面提升",
           "在Create开发者大会上，李彦宏称文心5.5原生支持文本、图像、音频和视频的统一理解与生成。"),
          ("04-22 06:42", "cnbc",
           "Baidu launches Ernie 5.5 AI model and cuts prices as Chinese rivals crowd the field",
           "Chief Executive Robin Li said applications, not models, would decide the winners."),
          ("04-22 08:09", "hket",
           "百度發布文心5.5大模型 李彥宏：應用才是關鍵",
           "百度同時宣布文心5.5 API價格較上一代下調八成。"),
          ("04-22 09:21", "scmp",
           "Baidu's Ernie 5.5 arrives a day after Alibaba's Qwen4-Coder as Robin Li doubles down on apps",
           "Baidu said Ernie now handles more than 3 billion calls a day."),
      ])

story("c-pboc-rrr-cut-apr", "c-pboc-rrr",
      "On Fri 2027-04-23 the PBOC announced a 25 bp reserve requirement cut effective "
      "2027-05-06, releasing about 500 billion yuan.",
      ["c-pboc-rrr-cut-jan", "c-pboc-pan-npc-briefing", "c-pboc-lpr-apr"],
      [
          ("04-23 09:00", "pbc",
           "中国人民银行决定下调金融机构存款准备金率",
           "为巩固经济回升向好势头，中国人民银行决定于2027年5月6日下调金融机构存款准备金率0.25个百分点"
           "（不含已执行5%存款准备金率的金融机构）。本次下调后，金融机构加权平均存款准备金率约为5.4%。"),
          ("04-23 09:26", "reuters-biz",
           "China's central bank trims reserve requirement by 25 bps in second cut this year",
           "The move will release about 500 billion yuan in long-term liquidity, the People's "
           "Bank of China said."),
          ("04-23 09:51", "cctv",
           "央行：5月6日起降准0.25个百分点 释放长期流动性约5000亿元",
           "这是今年以来第二次降准，此前人民银行已于2月1日下调存款准备金率0.5个百分点。"),
          ("04-23 10:41", "bloomberg",
           "PBOC Cuts Reserve Ratio Again as Trade Tensions Cloud Outlook",
           "The smaller cut suggests policymakers are pacing easing after better-than-expected "
           "first-quarter growth."),
          ("04-23 12:02", "mingpao",
           "人行再降準0.25厘 釋放約5000億元",
           "人民銀行宣布5月6日起降準0.25個百分點，為今年第二次降準。"),
          ("04-23 10:05", "xinhua-en",
           "China's central bank cuts reserve requirement ratio by 0.25 percentage points",
           "The cut will take effect on May 6, the People's Bank of China said Friday."),
      ])

story("c-hang-seng-april-rally", "c-hk-market-moves",
      "Mon 2027-04-26: the Hang Seng rose 2.2% to a 16-month high above 27,000 on easing, "
      "first-quarter growth and southbound inflows; a general rally with several causes.",
      ["c-hk-stocks-cny-reopen", "c-hang-seng-jan-selloff", "c-alibaba-shares-ruling-rally",
       "c-pboc-rrr-cut-apr"],
      [
          ("04-26 04:11", "gelonghui",
           "港股午评：恒指涨2%站上27000点，南向资金半日净买入超百亿港元",
           "降准落地叠加一季度经济数据超预期，内险、券商及科技股齐涨。"),
          ("04-26 08:32", "hk01",
           "恒指收升589點 創16個月高位",
           "恒生指數收報27102點，升589點，大市成交3420億元。"),
          ("04-26 08:51", "bloomberg",
           "Hong Kong Stocks Hit 16-Month High as Easing, Mainland Inflows Fuel Rally",
           "Mainland investors bought a net HK$21 billion of Hong Kong shares through the "
           "trading links, the most in two months."),
          ("04-26 09:33", "scmp-biz",
           "Hang Seng tops 27,000 as mainland money pours in after PBOC's reserve cut",
           "Insurers and brokers led gains; Tencent recovered some of last week's losses."),
      ])

story("c-house-passes-ai-bill", "c-congress-china-tech",
      "On Tue 2027-04-27 the US House passed its version of a bill barring federal agencies from "
      "using Chinese AI models such as DeepSeek and Qwen.",
      ["c-senate-bill-chinese-ai", "c-house-ccp-letter-alibaba", "c-mfa-house-ai-bill"],
      [
          ("04-27 21:11", "reuters",
           "U.S. House passes bill barring federal use of Chinese AI models such as DeepSeek, Qwen",
           "The measure passed 388-31 and now goes to the Senate, where a similar bill was "
           "introduced this month."),
          ("04-27 22:02", "thehill",
           "House overwhelmingly approves ban on Chinese AI in federal agencies",
           "Supporters said Chinese models could be used to exfiltrate government data."),
          ("04-28 00:31", "zaobao",
           "美国众议院通过法案 禁止联邦机构使用中国AI模型",
           "法案以388票赞成、31票反对获得通过，尚需参议院表决。"),
          ("04-28 01:39", "cnyes",
           "美眾院表決通過 禁聯邦機構使用DeepSeek、千問等中國AI",
           "美國眾議院27日以壓倒性票數通過法案，禁止聯邦機構使用來自中國等對手國家的AI模型。"),
          ("04-27 21:40", "politico",
           "House votes to kick Chinese AI out of federal agencies",
           "Only a few dozen members voted against the bill, which now heads to the Senate."),
      ])

story("c-mfa-house-ai-bill", "c-china-mfa-responses",
      "At its regular briefing on Wed 2027-04-28 China's foreign ministry criticised the House "
      "vote to bar Chinese AI models.",
      ["c-china-mfa-1260h", "c-mofcom-entity-list-response-mar", "c-house-passes-ai-bill"],
      [
          ("04-28 07:41", "fmprc",
           "2027年4月28日外交部发言人林剑主持例行记者会", ""),
          ("04-28 08:21", "globaltimes",
           "China urges US to stop 'politicizing' AI after House votes to ban Chinese models",
           "Foreign Ministry spokesperson Lin Jian said the US should provide an open, fair and "
           "non-discriminatory environment for Chinese companies."),
          ("04-28 09:29", "cna-world",
           "美眾院通過禁用中國AI法案 北京：泛化國安",
           "中國外交部發言人林劍28日表示，美方將科技問題政治化，不利於全球人工智慧合作。"),
      ])

story("c-dod-appeal-alibaba", "c-alibaba-lawsuits",
      "On Wed 2027-04-28 the US government filed a notice of appeal against the injunction that "
      "blocked Alibaba's 1260H designation.",
      ["c-alibaba-1260h-injunction", "c-alibaba-sues-pentagon", "c-alibaba-class-action"],
      [
          ("04-28 19:52", "courtlistener",
           "Alibaba Group Holding Limited v. United States Department of Defense",
           "NOTICE OF APPEAL TO DC CIRCUIT COURT as to [31] Order on Motion for Preliminary "
           "Injunction by UNITED STATES DEPARTMENT OF DEFENSE, PETER B. HEGSETH. Fee Status: No "
           "Fee Paid."),
          ("04-28 20:39", "reuters",
           "Pentagon appeals ruling that blocked Alibaba's military company designation",
           "The Justice Department filed the notice two weeks after a federal judge in "
           "Washington sided with Alibaba."),
          ("04-29 01:12", "etnet",
           "美國防部就阿里巴巴軍企裁決提上訴",
           "美國政府向哥倫比亞特區聯邦上訴法院提出上訴，要求推翻暫停阿里巴巴軍企認定的禁制令。"),
          ("04-29 02:01", "jiemian",
           "美国国防部就阿里巴巴案初步禁令提起上诉",
           "本月14日，美国联邦法官批准阿里巴巴的初步禁令申请，暂停国防部的“中国军事企业”认定。"),
      ])

story("c-china-april-pmi", "c-china-macro-data",
      "On Fri 2027-04-30 China's statistics bureau reported an April official manufacturing PMI "
      "of 50.4, a second month of expansion.",
      ["c-pboc-lpr-apr", "c-pboc-rrr-cut-apr", "c-hang-seng-april-rally"],
      [
          ("04-30 01:31", "xinhua",
           "4月份制造业采购经理指数为50.4% 连续两个月位于扩张区间",
           "国家统计局服务业调查中心高级统计师表示，4月份制造业生产指数和新订单指数均保持在临界点以上。"),
          ("04-30 01:45", "reuters-biz",
           "China's factory activity expands for second month in April, official PMI shows",
           "The official manufacturing purchasing managers' index eased to 50.4 from 50.7 in "
           "March, slightly above the 50.2 forecast in a Reuters poll."),
          ("04-30 03:10", "hkej",
           "內地4月官方製造業PMI 50.4 連續兩月擴張",
           "國家統計局公布，4月非製造業商務活動指數為50.8。"),
      ])
