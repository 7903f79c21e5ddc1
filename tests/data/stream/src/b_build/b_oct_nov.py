# Part B, October-November 2026.
from common import S

# ---------------------------------------------------------------------------
# FACTS: Thu 1 Oct, BIS announces Applied Materials agrees to pay $252m civil penalty to
# settle allegations it shipped ion-implantation equipment via South Korea to a
# SMIC-linked entity without licences (2020-2023). Applied: matter resolved, enhanced
# compliance.
S("b-bis-fine-applied-oct", "b-export-control-penalty",
  "On Thu 1 Oct 2026 Applied Materials agrees to pay a $252m US penalty over shipments to a SMIC-linked entity.",
  ["b-entity-list-jun", "b-smic-q3-nov", "b-smic-q2-aug", "b-entity-list-oct"],
  [
    ("10-01 17:00", "bis", "Applied Materials Agrees to Pay $252 Million Penalty to Resolve Alleged Export Violations Involving SMIC", ""),
    ("10-01 17:45", "reuters-tech", "Applied Materials to pay $252 million to settle US probe of shipments to China's SMIC",
     "Applied Materials has agreed to pay $252 million to resolve allegations that it shipped chipmaking equipment to China's SMIC through South Korea without export licences, the U.S. Commerce Department said on Thursday."),
    ("10-01 18:30", "bloomberg-tech", "Applied Materials Settles Export Case Over SMIC Shipments for $252 Million",
     "The settlement ends a probe that began in 2023 into ion implanters routed via Korea to a SMIC-linked facility; Applied said it had enhanced its compliance program and the matter is now resolved."),
    ("10-02 01:30", "ctee", "美國應材違規出口中芯 認罰2.52億美元",
     "美國商務部宣布，半導體設備大廠應用材料同意支付2.52億美元民事罰款，和解經南韓違規出貨離子植入設備予中芯國際關聯企業的指控。"),
    ("10-02 02:30", "caixin", "应用材料就向中芯国际关联企业违规出货和解 支付2.52亿美元罚款",
     "美国商务部工业与安全局称，应用材料在2020年至2023年间经韩国向中芯国际关联企业出口离子注入设备，未获许可。应用材料表示已完善合规体系。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 6 Oct, WSJ report: engineers from Xiaomi's XRing chip design team
# co-authored papers (2023-2025) with researchers at the PLA's National University of
# Defense Technology (on the Entity List since 2015) on chip design automation.
# Moolenaar (quoted) calls for Xiaomi to be relisted on 1260H. Xiaomi did not respond.
S("b-xiaomi-pla-report-oct", "b-pla-links-allegation",
  "On Tue 6 Oct 2026 the Wall Street Journal reports that Xiaomi chip engineers worked with the PLA's National University of Defense Technology.",
  ["b-xiaomi-denial-oct", "b-pentagon-1260h-jul", "b-xiaomi-q3-nov", "b-house-letter-unitree-jun"],
  [
    ("10-06 11:00", "wsj", "Xiaomi Chip Engineers Worked With Chinese Military University, Papers Show",
     "Engineers on the team behind Xiaomi's XRing smartphone processor co-wrote at least nine research papers with scientists at the People's Liberation Army's National University of Defense Technology, a review by The Wall Street Journal found."),
    ("10-06 12:30", "gn-wsj", "Xiaomi Chip Engineers Worked With Chinese Military University, Papers Show - The Wall Street Journal", ""),
    ("10-06 14:10", "reuters-tech", "Xiaomi's chip unit collaborated with PLA university, WSJ reports; lawmaker urges blacklisting",
     "Engineers at Xiaomi's chip design unit co-authored research with a Chinese military university, the Wall Street Journal reported on Tuesday, prompting the chair of a House committee to call for the smartphone maker to be put back on a Pentagon list of Chinese military companies. Xiaomi did not immediately respond to a Reuters request for comment."),
    ("10-06 15:00", "scmp-tech", "Xiaomi under scrutiny over chip researchers’ links to PLA’s National University of Defense Technology | South China Morning Post",
     "Xiaomi won a court fight in 2021 to get off the Pentagon's list; the new report could revive calls in Washington to target the phone and EV maker."),
    ("10-07 00:30", "zaobao", "华尔街日报：小米芯片团队与国防科技大学合作 美议员促重新列入黑名单",
     "《华尔街日报》报道，小米玄戒芯片团队的工程师曾与中国人民解放军国防科技大学研究人员合作发表论文。美国众议院“中国特别委员会”主席穆勒纳尔呼吁将小米重新列入1260H清单。"),
    ("10-07 00:50", "ltn", "小米玄戒晶片團隊 被爆與共軍國防科大合作",
     "美國《華爾街日報》揭露，小米自研手機晶片「玄戒」團隊工程師，曾與中共解放軍國防科技大學研究人員共同發表至少9篇論文。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 7 Oct ~09:40 HKT, Xiaomi statement (Weibo + HKEX voluntary announcement):
# papers were academic exchanges by individual employees before joining/2023; no
# cooperation agreement with NUDT; products civilian; complies with export controls.
# Shares -3.1% in morning trade.
S("b-xiaomi-denial-oct", "b-company-response",
  "On Wed 7 Oct 2026 Xiaomi denies any cooperation with the PLA's National University of Defense Technology.",
  ["b-xiaomi-pla-report-oct", "b-unitree-denial-jul", "b-xiaomi-q3-nov"],
  [
    ("10-07 00:20", "hkex", "XIAOMI CORPORATION - VOLUNTARY ANNOUNCEMENT", ""),
    ("10-07 01:50", "sina", "小米回应“芯片团队与国防科大合作”报道：系个别员工早年学术交流，无任何合作协议",
     "小米集团今晨发布声明称，相关论文系个别员工加入公司前或早年参与的公开学术研究，小米与国防科技大学不存在任何合作协议。"),
    ("10-07 02:30", "mingpao", "小米發聲明：從未與國防科大合作 論文屬個別員工學術交流",
     "小米集團（01810）今日發自願公告，否認與國防科技大學有任何合作，強調公司產品全屬民用，並嚴格遵守各地出口管制法規。"),
    ("10-07 03:00", "jiemian", "小米发布声明否认与军方合作，称玄戒芯片完全自主研发用于民用",
     "小米表示，玄戒芯片由公司自主研发，仅用于消费电子产品，公司始终遵守适用的出口管制法律法规。"),
    ("10-07 03:40", "reuters-tech", "Xiaomi denies military ties, says papers with PLA university were individual academic work",
     "Xiaomi said on Wednesday it had no cooperation with China's National University of Defense Technology and that research papers cited in a media report reflected individual employees' academic work."),
    ("10-07 05:10", "scmp-tech", "Xiaomi says it has ‘no cooperation’ with PLA university, as shares slip 3% in Hong Kong | South China Morning Post",
     "The Beijing-based company issued a voluntary filing to the Hong Kong stock exchange rejecting the report."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 13 Oct, MOFCOM and GAC announcement No. 62 of 2026: export controls on
# molybdenum-, vanadium- and magnesium-related items (high-purity products, alloys,
# smelting/separation technology), effective 15 Nov 2026; licence required; "not
# targeted at any specific country". Molybdenum prices jump.
S("b-mofcom-export-controls-oct", "b-china-export-controls",
  "On Tue 13 Oct 2026 China announces export controls on molybdenum, vanadium and magnesium items from 15 Nov.",
  ["b-mofcom-entity-list-sep", "b-truce-extension-nov", "b-mofcom-uel-arms-sale-jun"],
  [
    ("10-13 08:00", "mofcom", "商务部 海关总署公告2026年第62号 关于对钼、钒、镁相关物项实施出口管制的公告", ""),
    ("10-13 08:50", "reuters", "China to impose export controls on molybdenum, vanadium and magnesium items from Nov. 15",
     "China will require export licences for some molybdenum, vanadium and magnesium products and related technologies from Nov. 15, the commerce ministry said on Tuesday, extending its controls on critical minerals weeks before a tariff truce with the U.S. expires."),
    ("10-13 09:30", "bloomberg", "China Widens Export Curbs to Molybdenum, Vanadium in Metals Squeeze",
     "China, which produces about 40% of the world's molybdenum and two-thirds of its vanadium, said the measures are not aimed at any country."),
    ("10-13 10:20", "caixin", "钼、钒、镁相关物项将实施出口管制 11月15日起施行",
     "商务部、海关总署发布公告，对高纯钼及钼合金、钒及钒铝合金、高纯镁及相关冶炼分离技术实施出口管制，自2026年11月15日起正式实施。"),
    ("10-13 11:00", "zaobao", "中国宣布对钼钒镁实施出口管制 分析：关税休战到期前增加筹码",
     "中国商务部星期二（10月13日）宣布对钼、钒、镁相关物项实施出口管制。分析人士认为，北京此举意在中美关税休战11月10日到期前增加谈判筹码。"),
    ("10-13 13:00", "mining", "China adds molybdenum, vanadium and magnesium to export control list; prices jump",
     "European molybdenum oxide prices rose 9% on the news; vanadium pentoxide also climbed."),
    ("10-14 01:10", "money-udn", "陸管制鉬釩鎂出口 國際金屬價格應聲大漲",
     "中國大陸宣布11月15日起管制鉬、釩、鎂相關物項出口，國際鉬價單日大漲9%，台灣鋼鐵與合金業者評估料源衝擊。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 14 Oct (07:00 Beijing = 23:00 UTC Tue), Eastern Theater Command launches
# "Joint Sword-2026" (联合利剑-2026) drills around Taiwan after Lai's 10 Oct National Day
# speech; first participation of Type 076 amphibious assault ship Sichuan; live-fire
# zones east of Taiwan; coast guard around Kinmen/Matsu. Taiwan MND: 96 aircraft, 23
# warships.
S("b-pla-drills-oct", "b-pla-drills",
  "The PLA launches 'Joint Sword-2026' drills around Taiwan on Wed 14 Oct 2026 after Lai Ching-te's National Day speech.",
  ["b-pla-drills-jun", "b-taiwan-stocks-drills-oct", "b-carrier-sea-trial-sep", "b-pla-defence-white-paper-jul"],
  [
    ("10-13 23:05", "xinhua", "东部战区位台岛周边开展“联合利剑-2026”演习",
     "东部战区新闻发言人表示，10月14日，东部战区组织战区陆军、海军、空军、火箭军等兵力，位台岛周边开展“联合利剑-2026”演习，重点演练联合夺控、对海对陆打击和封锁管控。这是对“台独”分裂势力谋“独”挑衅的强力惩戒。"),
    ("10-13 23:20", "reuters-world", "China begins 'Joint Sword-2026' war games around Taiwan after Lai's National Day speech",
     "China's military said on Wednesday it was staging drills around Taiwan as a \"stern warning\" to separatists, four days after President Lai Ching-te said in a National Day speech that Taiwan and China were not subordinate to each other."),
    ("10-13 23:40", "cna", "共軍「聯合利劍-2026」演習 國防部：以實際行動捍衛主權",
     "中共東部戰區今天清晨宣布在台灣周邊展開「聯合利劍-2026」演習。國防部表示，國軍已派遣適切兵力應處，以實際行動捍衛國家主權。"),
    ("10-14 00:30", "ap", "China launches new military exercises around Taiwan days after island's leader rejects Beijing's claims",
     "TAIPEI, Taiwan (AP) — China launched military exercises around Taiwan on Wednesday, the second major round this year, days after the self-ruled island's president said Beijing had no right to represent Taiwan."),
    ("10-14 02:00", "ltn", "國慶演說後中共再軍演 府：中國是區域和平麻煩製造者",
     "總統府發言人表示，中國以軍演回應國慶演說，再次證明其為區域和平穩定的麻煩製造者，呼籲國際社會共同譴責。"),
    ("10-14 02:30", "bloomberg-pol", "China Stages Second Round of Taiwan Drills This Year, Adding Amphibious Assault Ship",
     "China's Sichuan, a Type 076 amphibious assault ship equipped with an electromagnetic catapult, joined the drills for the first time, according to state broadcaster CCTV."),
    ("10-14 03:10", "huanqiu", "“联合利剑-2026”演习有哪些看点？专家解读",
     "专家指出，此次演习首次出动076型两栖攻击舰四川舰，并在台岛东部海域设置实弹射击区域，体现联合夺控能力的提升。"),
    ("10-14 04:50", "scmp-mil", "Type 076 Sichuan joins PLA’s ‘Joint Sword-2026’ drills for first time | South China Morning Post",
     "The exercise, the second around Taiwan since the June 'Strait Thunder' drills, also involved coastguard patrols near Kinmen and Matsu."),
    ("10-14 06:30", "zaobao", "解放军再度围台军演 076型四川舰首次参演",
     "中国人民解放军东部战区星期三（10月14日）在台湾周边举行“联合利剑-2026”演习，这是今年6月以来第二次大规模围台军演。"),
    ("10-14 21:30", "taipeitimes", "China stages ‘Joint Sword-2026’ drills around Taiwan",
     "Beijing yesterday launched its second large-scale military exercise around Taiwan this year, sending 96 aircraft and 23 warships, in what officials called retaliation for President William Lai’s National Day address."),
    ("10-14 10:20", "focustaiwan", "Taiwan tracks 96 Chinese aircraft, 23 warships during 'Joint Sword-2026' drills",
     "The Ministry of National Defense said 96 Chinese military aircraft and 23 naval ships were detected around Taiwan as of 5 p.m., the highest daily aircraft count this year."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 14 Oct markets: Taiex -633 pts (-2.3%) to 27,047, TSMC -2.6%; National
# Stabilization Fund on standby; TWD weaker at 32.4; Hang Seng -1.4% to 26,310.
S("b-taiwan-stocks-drills-oct", "b-market-reaction-geopolitics",
  "Taiwan stocks fall 2.3% and the Hang Seng 1.4% on Wed 14 Oct 2026 as China stages drills around Taiwan.",
  ["b-pla-drills-oct", "b-global-selloff-aug", "b-hang-seng-data-slide-nov"],
  [
    ("10-14 02:10", "cnyes", "共軍軍演 台股開低重挫逾500點 台積電跌逾2%",
     "中共宣布「聯合利劍-2026」演習，台股今日開低，加權指數盤中重挫逾500點，台積電下跌2.4%，新台幣走貶。"),
    ("10-14 05:50", "ctee", "台股收跌633點 國安基金：隨時準備進場",
     "加權指數收盤跌633點，收27,047點，跌幅2.3%；台積電跌2.6%。國安基金表示，必要時將進場維護市場穩定。"),
    ("10-14 06:10", "reuters-mkt", "Taiwan stocks fall 2.3% as China stages drills; Hong Kong shares also slip",
     "Taiwan's benchmark stock index fell 2.3% on Wednesday and the Taiwan dollar weakened to 32.4 per U.S. dollar as China held military drills around the island, while Hong Kong's Hang Seng index slipped 1.4%."),
    ("10-14 08:30", "etnet", "台海局勢緊張 恒指收跌1.4% 台股挫2.3%",
     "解放軍在台灣周邊軍演，亞太股市受壓，恒指收報26,310點，跌1.4%；台灣加權指數跌2.3%。"),
    ("10-14 08:40", "bloomberg", "Taiwan Stocks Drop Most in Two Months as China Drills Spook Investors",
     "Taiwan Semiconductor Manufacturing Co. led losses on the Taiex, though analysts said past drills had produced only short-lived selloffs."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 20 Oct, US Court of Appeals for the DC Circuit (3-0) upholds district court
# ruling that DoD lawfully designated lidar maker Hesai Group as a Chinese military
# company. Hesai "disappointed", weighing options including rehearing en banc; shares
# -6% premarket.
S("b-hesai-appeal-ruling-oct", "b-court-ruling",
  "On Tue 20 Oct 2026 a US appeals court upholds the Pentagon's designation of Hesai as a Chinese military company.",
  ["b-unitree-sues-pentagon-sep", "b-pentagon-1260h-jul"],
  [
    ("10-20 15:40", "reuters-tech", "US appeals court upholds Pentagon's listing of lidar maker Hesai as Chinese military company",
     "A U.S. appeals court on Tuesday upheld the Defense Department's designation of Chinese lidar maker Hesai Group as a Chinese military company, rejecting the firm's argument that the decision lacked evidence."),
    ("10-20 16:30", "bloomberg-law", "Hesai Loses D.C. Circuit Bid to Shed Chinese Military Label",
     "A unanimous three-judge panel said the Pentagon reasonably relied on Hesai's participation in China's military-civil fusion programs. Hesai said it was disappointed and is weighing its options."),
    ("10-20 17:20", "law360", "DC Circ. Backs DOD's Chinese Military Tag For Hesai",
     "The D.C. Circuit affirmed a lower court's ruling for the Department of Defense in lidar maker Hesai's challenge to its 1260H designation."),
    ("10-21 01:00", "scmp-tech", "Hesai loses appeal over Pentagon blacklisting, in setback for Unitree’s pending lawsuit | South China Morning Post",
     "Legal experts said the ruling sets a high bar for Chinese firms challenging 1260H listings, including robot maker Unitree, which sued in September."),
    ("10-21 01:40", "thepaper", "禾赛科技上诉被驳回 美上诉法院维持“中国军事企业”认定",
     "美国哥伦比亚特区联邦巡回上诉法院当地时间10月20日裁定维持美国防部将禾赛科技列入1260H清单的决定。禾赛表示对裁决感到失望，正评估后续选项。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 21 Oct, FT (sources): Cyberspace Administration of China and NDRC told
# ByteDance, Tencent, Baidu and others to stop testing and cancel orders of Nvidia's
# B30A, citing security concerns and domestic chip push. Reuters confirms. Nvidia -2.8%
# premarket; Nvidia "aware of reports".
S("b-china-halts-nvidia-oct", "b-nvidia-china-chips",
  "On Wed 21 Oct 2026 the FT reports that Chinese regulators told ByteDance, Tencent and others to halt Nvidia B30A purchases.",
  ["b-nvidia-b30a-licences-jul", "b-huawei-ascend-sep", "b-tencent-q3-nov"],
  [
    ("10-21 05:00", "ft", "China orders tech groups to halt purchases of Nvidia’s B30A chips",
     "Beijing's internet regulator has told the country's biggest technology companies, including ByteDance and Tencent, to stop testing and cancel orders of Nvidia's B30A processor, according to people with knowledge of the matter."),
    ("10-21 05:30", "gn-ft", "China orders tech groups to halt purchases of Nvidia’s B30A chips - Financial Times", ""),
    ("10-21 09:20", "reuters-tech", "China tells firms to cancel Nvidia B30A orders, sources say, in boost to Huawei",
     "Chinese regulators have instructed major technology firms to halt purchases of Nvidia's B30A chip, two sources told Reuters, three months after Washington approved its sale to China."),
    ("10-21 10:10", "wallstreetcn", "英国《金融时报》：中国要求字节、腾讯等停止采购英伟达B30A芯片",
     "据英国《金融时报》援引知情人士报道，国家网信办已要求字节跳动、腾讯等企业停止测试并取消B30A订单。"),
    ("10-21 12:40", "cnbc-tech", "Nvidia shares slip after report China told companies to stop buying its B30A chip",
     "Nvidia fell 2.8% in premarket trading. The company said it was aware of the reports and continues to comply with U.S. and Chinese regulations."),
    ("10-21 14:00", "tomshw", "China reportedly bans domestic firms from buying Nvidia's B30A, months after U.S. approved exports",
     "If confirmed, the order would leave Huawei's Ascend 950 as the default choice for Chinese hyperscalers."),
    ("10-22 00:40", "ctee", "傳北京禁採B30A 輝達中國市場再受挫 華為昇騰受惠",
     "英國《金融時報》報導，北京要求科技大廠停止採購輝達B30A，法人認為輝達中國營收恐再歸零，台廠供應鏈短期受影響有限。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 22 Oct, Treasury OFAC sanctions Shandong Haiyou Petrochemical (independent
# "teapot" refinery), a Dongying port terminal operator, and 15 tankers for buying
# Iranian oil. Bessent: maximum pressure.
S("b-ofac-shandong-refinery-oct", "b-ofac-sanctions",
  "On Thu 22 Oct 2026 Treasury sanctions a Shandong teapot refinery, a Dongying terminal operator and 15 tankers over Iranian oil.",
  ["b-ofac-iran-drones-jul", "b-entity-list-oct"],
  [
    ("10-22 14:15", "treasury", "Treasury Sanctions Chinese Refinery and Terminal Operator Over Iranian Oil Purchases", ""),
    ("10-22 15:00", "reuters-biz", "US sanctions Chinese 'teapot' refinery, Dongying terminal in Iran oil crackdown",
     "The United States on Thursday imposed sanctions on an independent Chinese refinery in Shandong province, a port terminal operator in Dongying and 15 tankers, accusing them of buying and handling millions of barrels of Iranian crude."),
    ("10-22 16:20", "bloomberg", "US Hits Another Chinese Teapot Refinery With Iran Oil Sanctions",
     "Shandong Haiyou Petrochemical is at least the fifth independent refiner targeted by the Treasury; Treasury Secretary Scott Bessent said the US would keep up maximum pressure on Tehran's oil revenue."),
    ("10-23 01:30", "caixin", "美财政部制裁山东一地炼厂及东营港码头运营商 涉伊朗原油",
     "美国财政部海外资产控制办公室宣布制裁山东海油石化、东营一家港口码头运营商及15艘油轮，指其采购和转运伊朗原油。"),
    ("10-23 02:10", "zaobao", "美国再以伊朗石油为由制裁中国炼油厂",
     "美国财政部星期四（10月22日）宣布制裁一家山东独立炼油厂和东营港码头运营商，这是今年以来美方第二次以伊朗原油为由制裁中国地炼企业。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Mon 26 Oct, Moolenaar letter to SEC Chairman Paul Atkins asking the SEC to
# examine whether PDD Holdings adequately disclosed risks of Chinese government access
# to Temu user data and forced labour in its supply chain; asks about PDD's status
# under the proposed FPI rule. PDD shares -1.8%.
S("b-house-letter-sec-pdd-oct", "b-house-china-committee-letter",
  "On Mon 26 Oct 2026 House China committee chairman Moolenaar asks the SEC to scrutinise PDD Holdings' disclosures on Temu data risks.",
  ["b-house-letter-unitree-jun", "b-house-letter-chip-smuggling-aug", "b-sec-fpi-proposal-jun", "b-pdd-q3-nov", "b-pcaob-china-access-oct"],
  [
    ("10-26 16:00", "ccpcommittee", "Moolenaar Asks SEC to Scrutinize PDD Holdings’ Disclosures on Temu Data Risks", ""),
    ("10-26 17:30", "reuters-biz", "US lawmaker urges SEC to probe Temu owner PDD's risk disclosures",
     "The chairman of the House select committee on China on Monday asked the Securities and Exchange Commission to examine whether PDD Holdings had adequately told investors about the risk that Chinese authorities could access Temu user data."),
    ("10-26 19:00", "cnbc-tech", "PDD shares dip as House China committee chairman asks SEC to review Temu disclosures",
     "PDD shares fell 1.8%. The letter also asks SEC Chair Paul Atkins whether PDD would still qualify as a foreign private issuer under the agency's pending rule."),
    ("10-27 01:20", "sina", "美众议院“中国委员会”主席致函SEC 要求审查拼多多信息披露",
     "美国众议院“中国特别委员会”主席穆勒纳尔致函美国证券交易委员会主席阿特金斯，要求审查拼多多控股对Temu数据安全风险的披露是否充分。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Mon 26 Oct ~23:00 UTC, Trump tells reporters on Air Force One he will go to
# Shenzhen for APEC and meet Xi ("we're going to make a great deal"). Tue 27 Oct: HSTECH
# +2.9%, HSI +1.8%; US session: KWEB +5.4%, Nasdaq Golden Dragon +4.8%, JD +6%, Baidu
# +5%, PDD +7%.
S("b-adr-rally-summit-oct", "b-china-adr-move",
  "Chinese stocks rally in Hong Kong and New York on Tue 27 Oct 2026 after Trump confirms he will meet Xi in Shenzhen.",
  ["b-hang-seng-rally-pboc-sep", "b-trump-xi-summit-nov", "b-truce-extension-nov"],
  [
    ("10-27 04:00", "etnet", "特朗普確認赴深圳會習近平 恒指半日升逾400點 科指彈近3%",
     "美國總統特朗普表示將出席深圳APEC會議並與習近平會面，港股今早造好，恒指半日升427點，科指升2.8%，京東、百度升逾4%。"),
    ("10-27 08:35", "reuters-mkt", "Hong Kong tech shares rally as Trump confirms Xi meeting in Shenzhen",
     "Hong Kong stocks rose on Tuesday, led by technology shares, after U.S. President Donald Trump said he would meet Chinese leader Xi Jinping in Shenzhen next month, easing worries about trade tensions."),
    ("10-27 08:50", "bloomberg", "Chinese Tech Stocks Rally as Trump Says He’ll Meet Xi in Shenzhen",
     "The Hang Seng Tech Index climbed 2.9% and the Hang Seng Index gained 1.8%, with JD.com and Baidu among the top performers."),
    ("10-27 20:30", "cnbc", "China tech ETF KWEB jumps 5% as Trump heads for Xi summit in Shenzhen",
     "The KraneShares CSI China Internet ETF rose 5.4% Tuesday, on pace for its best day since September, as JD.com, Baidu and PDD rallied."),
    ("10-27 21:10", "marketwatch", "Chinese ADRs soar: JD, Baidu, PDD lead gains as Trump-Xi summit set",
     "The Nasdaq Golden Dragon China index climbed 4.8%. \"We're going to make a great deal,\" Trump told reporters aboard Air Force One on Monday."),
    ("10-27 22:00", "wallstreetcn", "中概股集体大涨，纳斯达克中国金龙指数涨4.8%，KWEB涨5.4%",
     "周二美股收盘，热门中概股普涨，拼多多涨7%，京东涨6%，百度涨5%。特朗普确认将赴深圳与中国国家主席会面。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 28 Oct, BIS adds 11 entities (China 8, Hong Kong 3) for supporting PLA
# hypersonic weapons and military drone programmes, incl. a Xi'an carbon-fibre composites
# maker and two aerospace research suppliers; HK trading firms. FR Thu 29 Oct.
S("b-entity-list-oct", "b-entity-list-addition",
  "On Wed 28 Oct 2026 the Commerce Department adds 11 Chinese and Hong Kong entities to the Entity List for supporting PLA hypersonic and drone programmes (Federal Register 29 Oct).",
  ["b-entity-list-jun", "b-entity-list-sep", "b-ofac-iran-drones-jul", "b-pentagon-1260h-jul"],
  [
    ("10-28 18:00", "bis", "Commerce Adds 11 Entities to Entity List for Supporting PRC Hypersonic and Military Drone Programs", ""),
    ("10-28 19:10", "reuters", "US adds 11 Chinese entities to trade blacklist over hypersonic, drone programs",
     "The U.S. Commerce Department on Wednesday added 11 entities in China and Hong Kong to its entity list, saying they supported the Chinese military's development of hypersonic weapons and unmanned aerial vehicles."),
    ("10-28 21:30", "breakingdefense", "Commerce blacklists Chinese composites makers tied to PLA hypersonics",
     "A Xi'an carbon-fiber firm and two suppliers to aerospace research institutes lead the latest batch; three Hong Kong traders allegedly bought US test equipment on their behalf."),
    ("10-29 01:20", "thepaper", "美商务部以“支持高超音速武器项目”为由将11家中国实体列入实体清单",
     "美国商务部工业与安全局10月28日宣布，以支持解放军高超音速武器和无人机项目为由，将中国内地8家、香港3家实体列入实体清单。"),
    ("10-29 02:10", "cna", "美將11中國實體列實體清單 涉共軍高超音速及無人機計畫",
     "（中央社華盛頓28日綜合外電報導）美國商務部今天宣布將11個中國及香港實體列入實體清單，指其支援中共軍方高超音速武器與無人機發展。"),
    ("10-29 13:00", "fedreg", "Additions to the Entity List",
     "In this final rule, the Bureau of Industry and Security (BIS) amends the Export Administration Regulations (EAR) by adding 11 entities to the Entity List under the destinations of China (8) and Hong Kong (3). These entities have been determined by the U.S. Government to be acting contrary to the national security or foreign policy interests of the United States, based on their support for the People's Liberation Army's hypersonic weapons and unmanned aerial vehicle programs."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Fri 30 Oct, PCAOB statement: PRC authorities failed to provide complete access
# in 2026 inspections of KPMG Huazhen and PwC Zhong Tian; board expects to decide in
# December whether to make HFCAA determinations, which could start the clock toward
# trading prohibitions for about 180 China-based issuers.
S("b-pcaob-china-access-oct", "b-us-listing-audit",
  "On Fri 30 Oct 2026 the PCAOB says China is impeding audit inspections, reviving the risk of delisting Chinese companies.",
  ["b-sec-fpi-proposal-jun", "b-house-letter-sec-pdd-oct"],
  [
    ("10-30 14:00", "pcaob", "PCAOB Statement on Access to Inspect and Investigate Firms Headquartered in Mainland China and Hong Kong", ""),
    ("10-30 15:10", "reuters-biz", "US audit watchdog warns China blocking inspections, raising delisting risk for Chinese firms",
     "The U.S. audit regulator said on Friday that Chinese authorities had failed to give it complete access to inspect accounting firms this year, and that it would decide in December whether to make determinations that could eventually lead to the delisting of China-based companies."),
    ("10-30 16:40", "bloomberg", "PCAOB Says China Impeding Audits, Reviving Delisting Threat for US-Listed Firms",
     "About 180 China-based issuers could face a trading ban within two years if the PCAOB formally determines it cannot inspect their auditors, reviving a threat that receded after a 2022 deal with Beijing."),
    ("10-30 22:40", "hkej", "PCAOB指審計檢查受阻 中概股除牌陰霾再現",
     "美國公眾公司會計監督委員會（PCAOB）表示，今年對畢馬威華振及普華永道中天的檢查未獲完全配合，最快12月決定是否啟動《外國公司問責法》認定程序。"),
    ("10-31 01:30", "caixin", "美国PCAOB称检查受阻 中概股退市风险再起",
     "美国公众公司会计监督委员会称，2026年对中国内地及香港会计师事务所的检查未获完全准入，将于12月决定是否作出认定。中国证监会尚未回应。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Fri 6 Nov, MOFCOM (09:00 Beijing) announces China and US agreed to extend for
# one year (to 10 Nov 2027) the suspension of the 24% reciprocal tariff; China keeps
# suspending Oct 2025 rare-earth controls and countermeasures; US extends suspension of
# Section 301 port fees; fentanyl tariff stays 10%. White House fact sheet later.
S("b-truce-extension-nov", "b-us-china-tariff-truce",
  "On Fri 6 Nov 2026 China and the US announce a one-year extension of their tariff truce, keeping the 24% reciprocal tariff suspended to Nov 2027.",
  ["b-trade-talks-london-jul", "b-trump-xi-summit-nov", "b-mofcom-export-controls-oct", "b-mingpao-editorial-truce-nov"],
  [
    ("11-06 01:00", "mofcom", "商务部新闻发言人就中美关税休战安排延期事答记者问", ""),
    ("11-06 01:20", "reuters", "China says US agreed to extend tariff truce by another year",
     "China and the United States have agreed to extend a suspension of higher tariffs on each other's goods by another year, China's commerce ministry said on Friday, days before the truce was due to expire."),
    ("11-06 01:30", "xinhua", "中美同意将24%关税暂停期延长一年",
     "新华社北京11月6日电 商务部新闻发言人6日表示，经双方团队沟通，中美同意将24%的对等关税暂停期再延长一年，至2027年11月10日。"),
    ("11-06 02:10", "bloomberg-pol", "US, China Extend Trade Truce to 2027, Averting Tariff Cliff",
     "The extension removes the risk that tariffs on Chinese goods snap back on Nov. 10, two weeks before President Donald Trump is due to meet Xi Jinping in Shenzhen."),
    ("11-06 03:00", "yicai", "中美关税休战再延一年：稀土管制暂停措施同步延长",
     "根据商务部答记者问，中方将继续暂停实施去年10月公布的稀土相关出口管制措施，美方则继续暂停对中国船舶征收港口费的301措施。"),
    ("11-06 03:30", "reuters", "UPDATE 3-China, US extend tariff truce for a year, keeping 24% levy suspended",
     "China and the United States agreed on Friday to extend their tariff truce by a year, keeping a 24% reciprocal tariff on Chinese goods suspended until November 2027 and postponing Beijing's rare-earth export controls, China's commerce ministry said. The U.S. will also keep suspending port fees on Chinese-built ships, the ministry said. The 10% tariff tied to fentanyl remains in place. The White House did not immediately comment. The deal removes a cliff-edge risk ahead of a planned meeting between Presidents Donald Trump and Xi Jinping at the APEC summit in Shenzhen later this month."),
    ("11-06 03:31", "reuters-biz", "UPDATE 3-China, US extend tariff truce for a year, keeping 24% levy suspended",
     "China and the United States agreed on Friday to extend their tariff truce by a year, keeping a 24% reciprocal tariff on Chinese goods suspended until November 2027 and postponing Beijing's rare-earth export controls, China's commerce ministry said.",
     {"same_as": 6}),
    ("11-06 04:40", "scmp", "US-China trade truce extended for a year ahead of Trump-Xi summit in Shenzhen | South China Morning Post",
     "Hong Kong exporters welcomed the extension, which keeps the additional 24% tariff off Chinese goods for another 12 months."),
    ("11-06 05:30", "hket", "中美同意延長關稅休戰一年 24%對等關稅續暫停",
     "商務部宣布中美同意把24%對等關稅暫停期延長一年至2027年11月10日，中方亦繼續暫停稀土出口管制措施。"),
    ("11-06 14:20", "whitehouse", "Fact Sheet: President Donald J. Trump Secures Extension of Historic Trade Deal with China", ""),
    ("11-07 02:00", "gn-nikkei", "US and China extend tariff truce by a year ahead of Shenzhen summit - Nikkei Asia", ""),
    ("11-06 15:00", "cnbc", "U.S.-China tariff truce extended to November 2027, White House says",
     "The White House confirmed the one-year extension, saying China had also committed to continue purchases of U.S. soybeans."),
  ])

# ---------------------------------------------------------------------------
# Editorial, no new event (rule 5).
S("b-mingpao-editorial-truce-nov", "b-opinion-column",
  "Ming Pao editorial on Tue 10 Nov 2026 (HK time) on the US-China truce extension (commentary, no new event).",
  ["b-truce-extension-nov", "b-trump-xi-summit-nov"],
  [
    ("11-09 22:00", "mingpao", "社評：休戰延長非和解 港須趁窗口期拓多元市場",
     "中美關稅休戰再延一年，市場鬆一口氣，但兩國在晶片、出口管制與台灣問題上的分歧並無收窄。香港出口商應把握這一年窗口期，加快開拓東盟及中東市場，避免把雞蛋放在同一籃子。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 10 Nov, Baidu World 2026 (Beijing): Robin Li unveils Ernie 5.5 (natively
# omni-modal), API prices cut 80%, Kunlunxin M300 chip; says Baidu AI apps top 100m
# daily users.
S("b-baidu-ernie-nov", "b-china-ai-model-release",
  "On Tue 10 Nov 2026 at Baidu World, Robin Li launches the Ernie 5.5 model and the Kunlunxin M300 chip.",
  ["b-baidu-q3-nov", "b-deepseek-r2-aug", "b-kimi-k3-release-jul", "b-baidu-q2-aug"],
  [
    ("11-10 02:40", "36kr", "李彦宏发布文心大模型5.5：原生全模态，API价格下调80%",
     "在百度世界2026大会上，百度创始人李彦宏发布文心大模型5.5，支持文本、图像、音频、视频原生统一建模，API价格下调80%。"),
    ("11-10 04:10", "reuters-tech", "Baidu unveils Ernie 5.5 model, cuts prices as Chinese AI competition heats up",
     "Baidu on Tuesday unveiled Ernie 5.5, the latest version of its flagship AI model, and cut prices for developers by 80%, as it tries to keep pace with rivals DeepSeek, Alibaba and Moonshot."),
    ("11-10 05:00", "cnbc-tech", "Baidu launches Ernie 5.5 and a new Kunlun chip, betting on AI to offset ad decline",
     "CEO Robin Li also showed the Kunlunxin M300 accelerator, which Baidu says will power its own data centers from next year."),
    ("11-10 05:30", "ithome", "百度世界2026：文心5.5发布，昆仑芯M300同步亮相",
     "IT之家11月10日消息，百度今日发布文心大模型5.5及昆仑芯M300芯片，文心一言等AI应用日活用户已超过1亿。"),
    ("11-10 06:20", "scmp-tech", "Baidu’s Robin Li unveils Ernie 5.5, says AI apps’ daily users top 100 million | South China Morning Post",
     "The launch comes a week before Baidu reports third-quarter earnings, with investors looking for evidence AI can replace shrinking search ad revenue."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 12 Nov 16:30 HKT, Tencent Q3: revenue 212.8bn yuan (+10%) vs est 210.2bn;
# non-IFRS attributable profit 77.3bn (+9.5%); domestic games 47.1bn (+10%);
# international games 22.0bn (+6%); marketing services 41.6bn (+15%); fintech & business
# services 61.7bn (+6%); capex 26.4bn; Weixin MAU 1.44bn. Martin Lau: GPU supply "a
# constraint" after Beijing's halt of B30A purchases.
S("b-tencent-q3-nov", "b-tencent-results",
  "Tencent reports September-quarter 2026 results on Thu 12 Nov 2026: revenue 212.8bn yuan, up 10%; GPU supply a constraint.",
  ["b-tencent-q2-aug", "b-smic-q3-nov", "b-jd-q3-nov", "b-china-halts-nvidia-oct", "b-caixin-editorial-ai-capex-nov"],
  [
    ("11-12 08:32", "prn", "Tencent Announces 2026 Third Quarter Results",
     "Hong Kong, November 12, 2026 – Tencent Holdings Limited (\"Tencent\" or the \"Company\", 00700.HK), a leading Internet and technology company, today announced the unaudited consolidated results for the third quarter ended September 30, 2026."),
    ("11-12 08:45", "reuters-tech", "Tencent third-quarter revenue up 10%, beating estimates as ads climb",
     "Tencent Holdings reported a 10% rise in third-quarter revenue on Thursday to 212.8 billion yuan ($29.6 billion), beating analysts' estimates, as artificial intelligence tools lifted advertising sales."),
    ("11-12 08:55", "sina", "腾讯控股（00700.HK）三季度营收2128亿元 经调整净利润773亿元 同比增9.5%",
     "腾讯控股公布2026年第三季度业绩：总收入2128亿元，同比增长10%；非国际财务报告准则下本公司权益持有人应占盈利773亿元，同比增长9.5%。"),
    ("11-12 09:00", "bloomberg-tech", "Tencent Revenue Beats Estimates on AI-Driven Ad Boost, Games",
     "Tencent Holdings Ltd. posted sales that topped projections, helped by a 15% jump in marketing revenue, though growth in its international games business slowed to 6%."),
    ("11-12 09:15", "etnet", "騰訊(00700)第三季經調整純利773億人民幣 按年升9.5%",
     "騰訊第三季收入2,128億元人民幣，按年升10%；本土市場遊戲收入471億元，國際市場遊戲收入220億元；營銷服務收入416億元。"),
    ("11-12 09:30", "cnbc-tech", "Tencent posts 10% revenue growth to 212.8 billion yuan; capex rises to 26.4 billion",
     "Revenue: 212.8 billion yuan vs. 210.2 billion expected. Non-IFRS profit: 77.3 billion yuan. Capital expenditure hit 26.4 billion yuan, a quarterly record."),
    ("11-12 10:05", "mingpao", "騰訊第三季收入2128億 勝預期 海外遊戲增長放緩",
     "騰訊（00700）第三季收入及盈利均勝預期，但國際市場遊戲收入增長放緩至6%；資本開支增至264億元人民幣。"),
    ("11-12 10:40", "scmp-tech", "Tencent’s Martin Lau says GPU supply is ‘a constraint’ as third-quarter profit rises 9.5% | South China Morning Post",
     "Tencent's president said the company was prioritising internal use of its AI chips after Beijing told firms to stop buying Nvidia's B30A, and would rely more on domestic suppliers."),
    ("11-12 11:20", "reuters-tech", "UPDATE 2-Tencent says chip supply limits AI rollout after Beijing's Nvidia curbs; profit beats",
     "Tencent said on Thursday that a shortage of AI chips was limiting how fast it could roll out new artificial intelligence services, weeks after Chinese regulators told tech firms to stop buying Nvidia's B30A processors. President Martin Lau told analysts on a call that GPU supply was \"a constraint\" and that Tencent was prioritising chips for internal advertising and games uses while testing domestic alternatives. Third-quarter non-IFRS profit rose 9.5% to 77.3 billion yuan, beating forecasts, and revenue rose 10%. Capital expenditure rose to 26.4 billion yuan. Weixin's monthly active users reached 1.44 billion."),
    ("11-12 12:30", "21jingji", "腾讯三季度资本开支264亿元，刘炽平：GPU供应是制约因素",
     "腾讯总裁刘炽平在业绩电话会上表示，GPU供应是当前AI业务扩张的制约因素，公司将优先保障内部广告和游戏业务的算力，并加大测试国产芯片。"),
    ("11-12 13:00", "gn-ft", "Tencent profits rise despite chip crunch - Financial Times", ""),
    ("11-13 09:00", "nikkei", "Tencent says GPU shortage is slowing AI rollout after Beijing's Nvidia ban",
     "Tencent Holdings told analysts late Thursday that limited supply of AI processors is constraining new services, weeks after Chinese regulators told tech groups to stop buying Nvidia's B30A."),
    ("11-12 22:30", "hkej", "騰訊季績勝預期 AI廣告帶動 資本開支增至264億",
     "騰訊第三季經調整盈利773億元人民幣，勝市場預期；管理層承認GPU供應受限，或拖慢AI產品推出步伐。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 12 Nov after HK close, SMIC Q3: revenue $2.74bn (+15% y/y, +8% q/q); gross
# margin 22.6%; Q4 guidance revenue flat to +2% q/q, GM 20-22%; co-CEO Zhao Haijun:
# domestic substitution demand strong, utilisation high.
S("b-smic-q3-nov", "b-smic-results",
  "SMIC reports September-quarter 2026 results on Thu 12 Nov 2026: revenue $2.74bn, up 15%, with a flat Q4 outlook.",
  ["b-smic-q2-aug", "b-tencent-q3-nov", "b-bis-fine-applied-oct"],
  [
    ("11-12 09:20", "hkex", "SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORPORATION - VOLUNTARY ANNOUNCEMENT - UNAUDITED RESULTS FOR THE THREE MONTHS ENDED SEPTEMBER 30, 2026", ""),
    ("11-12 09:40", "reuters-tech", "SMIC third-quarter revenue rises 15% as China pushes domestic chipmaking",
     "China's top chipmaker SMIC on Thursday reported a 15% rise in third-quarter revenue to $2.74 billion and forecast flat to slightly higher sales in the fourth quarter."),
    ("11-12 10:10", "stcn", "中芯国际三季度营收27.4亿美元 毛利率22.6% 四季度收入指引环比持平至增2%",
     "中芯国际11月12日晚间公告，三季度销售收入27.4亿美元，环比增长8%，同比增长15%；毛利率22.6%。公司预计四季度收入环比持平至增长2%。"),
    ("11-12 10:30", "bloomberg-tech", "SMIC Gives Muted Outlook After Sales Jump on China Chip Demand",
     "Semiconductor Manufacturing International Corp. forecast little or no sales growth in the December quarter, suggesting a cooling in the stockpiling that buoyed Chinese chipmakers this year."),
    ("11-12 12:30", "scmp-tech", "SMIC sales rise 15 per cent but fourth-quarter guidance disappoints | South China Morning Post",
     "China's largest chipmaker expects revenue to be flat to 2 per cent higher in the December quarter as customers' stockpiling eases."),
    ("11-12 12:00", "yicai", "中芯国际：国产替代需求仍旺 四季度产能利用率维持高位",
     "中芯国际联合首席执行官赵海军在业绩说明会上表示，本土客户的国产替代需求仍然旺盛，四季度产能利用率将维持高位。"),
    ("11-13 01:20", "etnet", "中芯(00981)第三季收入27.4億美元 第四季指引平穩",
     "中芯國際第三季收入27.4億美元，按年升15%，毛利率22.6%；預期第四季收入按季持平至升2%。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Fri 13 Nov ~06:00 ET (11:00 UTC), JD Q3: revenue 318.5bn yuan (+6.5%); net
# income attributable 7.2bn (vs 5.3bn); non-GAAP 9.4bn; new businesses operating loss
# 6.1bn (vs 15.7bn); record 11.11 users; ADR up premarket.
S("b-jd-q3-nov", "b-jd-results",
  "JD.com reports September-quarter 2026 results on Fri 13 Nov 2026: revenue 318.5bn yuan, new-business losses sharply lower.",
  ["b-jd-q2-aug", "b-tencent-q3-nov", "b-pdd-q3-nov", "b-meituan-q3-nov"],
  [
    ("11-13 11:00", "prn", "JD.com Announces Third Quarter 2026 Results",
     "BEIJING, Nov. 13, 2026 /PRNewswire/ -- JD.com, Inc. (NASDAQ: JD and HKEX: 9618 (HKD counter) and 89618 (RMB counter)), a leading supply chain-based technology and service provider, today announced its unaudited financial results for the three and nine months ended September 30, 2026."),
    ("11-13 11:05", "edgar", "6-K - JD.com, Inc. (0001549802) (Filer)", ""),
    ("11-13 11:40", "reuters-biz", "JD.com third-quarter revenue beats as food delivery losses shrink further",
     "JD.com reported third-quarter revenue above expectations on Friday as losses from its food delivery push fell sharply from a year earlier, and its U.S.-listed shares rose in premarket trading."),
    ("11-13 12:10", "sina", "京东集团（09618.HK）三季度营收3185亿元 同比增6.5% 新业务亏损大幅收窄",
     "京东集团公布2026年第三季度业绩：收入3185亿元，同比增长6.5%；归属于普通股股东净利润72亿元，去年同期为53亿元；非美国通用会计准则净利润94亿元。"),
    ("11-13 12:30", "cnbc", "JD.com beats on revenue at 318.5 billion yuan; shares gain premarket",
     "Revenue: 318.5 billion yuan vs. 314.8 billion expected. New businesses operating loss: 6.1 billion yuan vs. 15.7 billion a year earlier."),
    ("11-13 13:40", "jiemian", "京东三季度外卖等新业务亏损61亿元，较去年同期收窄六成",
     "京东集团首席财务官单甦表示，新业务亏损持续收窄，11.11期间下单用户数创历史新高。"),
    ("11-14 01:30", "hket", "京東第三季純利72億人民幣 新業務虧損大減",
     "京東集團（09618）第三季收入3,185億元人民幣，按年增6.5%；新業務經營虧損61億元，較去年同期大幅收窄。"),
  ])

# ---------------------------------------------------------------------------
# Editorial, no new event (rule 5).
S("b-caixin-editorial-ai-capex-nov", "b-opinion-column",
  "Caixin editorial on Sat 14 Nov 2026 on Chinese tech firms' AI capital spending race (commentary, no new event).",
  ["b-tencent-q3-nov", "b-huawei-ascend-sep"],
  [
    ("11-14 02:00", "caixin", "社评｜AI资本开支竞赛需要更清醒的算账",
     "互联网大厂三季报显示，AI资本开支仍在快速攀升，但算力供应受限、国产芯片良率与生态尚待完善。企业在追赶的同时，更需要对投入产出有清醒的测算，监管亦应避免以行政手段左右企业的技术路线选择。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Mon 16 Nov 10:00 Beijing (02:00 UTC), National Bureau of Statistics releases
# October activity data: retail sales +1.6% y/y (forecast 2.9%; weakest since Dec 2022),
# industrial output +4.1% (forecast 4.8%), fixed-asset investment -2.8% Jan-Oct,
# property investment -14%, surveyed urban unemployment 5.3%. (The Hong Kong market
# reaction the same day is a separate story.)
S("b-china-oct-data-nov", "b-china-macro-data",
  "On Mon 16 Nov 2026 China's statistics bureau reports October retail sales growth of 1.6%, the weakest since 2022.",
  ["b-hang-seng-data-slide-nov", "b-pboc-rate-cut-sep"],
  [
    ("11-16 02:00", "xinhua", "国家统计局：10月份社会消费品零售总额同比增长1.6%",
     "新华社北京11月16日电 国家统计局16日发布数据，10月份社会消费品零售总额同比增长1.6%；规模以上工业增加值同比增长4.1%；1至10月份全国固定资产投资同比下降2.8%。"),
    ("11-16 02:10", "reuters", "China's October retail sales growth slows to weakest since 2022, factory output cools",
     "China's retail sales grew 1.6% in October from a year earlier, the slowest pace since December 2022 and well below forecasts of 2.9%, while industrial output growth eased to 4.1%, official data showed on Monday."),
    ("11-16 02:20", "bloomberg", "China’s Consumer Slump Deepens as Retail Sales Growth Slows to 1.6%",
     "Fixed-asset investment contracted 2.8% in the first ten months and property investment slumped 14%, adding to signs the economy lost momentum after trade-in subsidies faded."),
    ("11-16 03:30", "cnbc", "China's retail sales grow just 1.6% in October, missing expectations",
     "Retail sales: +1.6% year on year vs. 2.9% expected. Industrial production: +4.1% vs. 4.8% expected. Urban unemployment rate: 5.3%."),
    ("11-16 04:10", "caixin", "10月社零同比增1.6%创近三年新低 固定资产投资降幅扩大",
     "国家统计局数据显示，10月社会消费品零售总额同比增长1.6%，增速较9月回落1.4个百分点；1-10月房地产开发投资同比下降14%。以旧换新补贴效应减弱，耐用品消费明显走弱。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Mon 16 Nov 10:00 Beijing, NBS October data: retail sales +1.6% y/y (weakest
# since Dec 2022), industrial output +4.1%, FAI -2.8% YTD, property investment -14%.
# HSI -552 pts (-2.1%) to 25,720; HSTECH -2.9%; consumer stocks lead losses.
S("b-hang-seng-data-slide-nov", "b-hang-seng-move",
  "Hong Kong stocks fall 2.1% on Mon 16 Nov 2026 after weak Chinese October retail sales data.",
  ["b-china-oct-data-nov", "b-hang-seng-vanke-selloff-jun", "b-global-selloff-aug", "b-hang-seng-tech-delivery-jul"],
  [
    ("11-16 04:00", "etnet", "內地10月零售遜預期 恒指半日跌逾400點",
     "國家統計局公布10月社會消費品零售總額按年僅增1.6%，遜預期；恒指半日跌418點，報25,854點，消費股急挫。"),
    ("11-16 08:30", "reuters-mkt", "Hong Kong stocks fall 2% after China's retail sales growth slows to three-year low",
     "Hong Kong shares dropped 2.1% on Monday after data showed China's retail sales grew at the slowest pace in nearly three years in October, deepening worries about weak consumer demand."),
    ("11-16 08:50", "bloomberg", "China Stocks Slide as Weak Retail Data Fuels Calls for More Stimulus",
     "Retail sales rose 1.6% from a year earlier, while fixed-asset investment contracted 2.8% in the first ten months, adding pressure on Beijing to ramp up support before the December economic work conference."),
    ("11-16 09:10", "sina-hk", "港股收评：恒指跌2.1%失守25800点，科指跌2.9%，消费股领跌",
     "恒生指数收跌552点，报25720点；恒生科技指数跌2.9%。国家统计局数据显示，10月社会消费品零售总额同比增长1.6%，增速创近三年新低。"),
    ("11-16 10:30", "singtao", "經濟數據差 恒指瀉552點 消費股受壓",
     "內地10月零售及投資數據疲弱，恒指全日跌552點，收報25,720點，成交2,240億元；李寧、百勝中國跌逾5%。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 17 Nov ~05:30 ET (10:30 UTC), Baidu Q3: revenue 31.4bn yuan (+1%); online
# marketing 13.9bn (-10%); AI Cloud 8.1bn (+33%); net income attributable 4.2bn; Apollo
# Go 3.1m rides in quarter. Shares up premarket.
S("b-baidu-q3-nov", "b-baidu-results",
  "Baidu reports September-quarter 2026 results on Tue 17 Nov 2026: revenue up 1%, AI cloud up 33%.",
  ["b-baidu-q2-aug", "b-baidu-ernie-nov", "b-xiaomi-q3-nov", "b-pdd-q3-nov"],
  [
    ("11-17 10:30", "prn", "Baidu Announces Third Quarter 2026 Results",
     "BEIJING, Nov. 17, 2026 /PRNewswire/ -- Baidu, Inc. (NASDAQ: BIDU and HKEX: 9888 (HKD Counter) and 89888 (RMB Counter)), a leading AI company with strong Internet foundation, today announced its unaudited financial results for the third quarter ended September 30, 2026."),
    ("11-17 10:35", "edgar", "6-K - Baidu, Inc. (0001329099) (Filer)", ""),
    ("11-17 11:20", "reuters-tech", "Baidu's revenue edges up as AI cloud growth offsets ad slump",
     "Baidu on Tuesday reported a 1% rise in third-quarter revenue, its first increase in over a year, as 33% growth in its AI cloud business offset a continued decline in online advertising."),
    ("11-17 12:40", "cnbc-tech", "Baidu shares rise after AI cloud revenue jumps 33%; Apollo Go rides top 3 million",
     "Revenue: 31.4 billion yuan vs. 31.0 billion expected. AI Cloud: 8.1 billion yuan. Online marketing: 13.9 billion yuan, down 10%. Apollo Go provided 3.1 million rides in the quarter."),
    ("11-17 13:30", "yicai", "百度三季度智能云收入81亿元增长33%，萝卜快跑单季出行服务超310万次",
     "百度三季度总营收314亿元，同比增长1%；在线营销收入139亿元，同比下降10%；归属百度的净利润42亿元。"),
    ("11-18 00:40", "mingpao", "百度第三季收入微升1% 智能雲增33%",
     "百度集團（09888）第三季收入314億元人民幣，按年升1%，為逾一年來首次錄得增長；股東應佔淨利潤42億元。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 18 Nov after HK close (~08:30 UTC), Xiaomi Q3: revenue 127.9bn yuan (+13%);
# adjusted net profit 12.1bn (+7%) below estimates; EV deliveries record 141,600;
# smartphone gross margin 10.8% on memory costs.
S("b-xiaomi-q3-nov", "b-xiaomi-results",
  "Xiaomi reports September-quarter 2026 results on Wed 18 Nov 2026: revenue 127.9bn yuan, profit squeezed by memory costs.",
  ["b-xiaomi-q2-aug", "b-pdd-q3-nov", "b-baidu-q3-nov", "b-xiaomi-denial-oct"],
  [
    ("11-18 08:40", "hkex", "XIAOMI CORPORATION - ANNOUNCEMENT OF RESULTS FOR THE THREE MONTHS AND NINE MONTHS ENDED SEPTEMBER 30, 2026", ""),
    ("11-18 08:55", "reuters-tech", "Xiaomi's profit growth slows as memory chip costs squeeze smartphone margins",
     "Xiaomi on Wednesday reported a 7% rise in third-quarter adjusted net profit to 12.1 billion yuan, missing estimates, as higher memory chip prices cut into smartphone margins, though its car unit delivered a record number of vehicles."),
    ("11-18 09:00", "sina", "小米集团（01810.HK）三季度营收1279亿元 经调整净利润121亿元",
     "小米集团公布2026年第三季度业绩：总收入1279亿元，同比增长13%；经调整净利润121亿元，同比增长7%。"),
    ("11-18 09:20", "bloomberg-tech", "Xiaomi Misses Profit Estimates as Memory Costs Bite; EV Sales Hit Record",
     "Xiaomi Corp. delivered 141,600 electric vehicles in the quarter, but smartphone gross margin slid to 10.8%."),
    ("11-18 10:00", "cnbc-tech", "Xiaomi misses profit estimates as memory costs hit; EV deliveries reach 141,600",
     "Revenue: 127.9 billion yuan, up 13%. Adjusted net profit: 12.1 billion yuan vs. 12.6 billion expected. Smartphone gross margin: 10.8%."),
    ("11-18 10:10", "hket", "小米第三季經調整純利121億 遜預期 手機毛利率跌至10.8%",
     "小米集團（01810）第三季收入1,279億元人民幣，經調整純利121億元，遜市場預期；智能手機毛利率按季跌至10.8%。"),
    ("11-18 10:30", "36kr", "小米三季度交付汽车14.16万辆，手机毛利率降至10.8%",
     "小米三季度智能电动汽车交付14.16万辆，创单季新高；受存储芯片涨价影响，手机业务毛利率下降。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 18 Nov ~05:30 ET (10:30 UTC), PDD Q3: revenue 118.6bn yuan (+9.5%) vs est
# 116.9bn; net income attributable 31.2bn (+6.5%); ADR +8% premarket, closes +9.7%.
S("b-pdd-q3-nov", "b-pdd-results",
  "PDD Holdings reports September-quarter 2026 results on Wed 18 Nov 2026: revenue 118.6bn yuan beats estimates; shares jump.",
  ["b-pdd-q2-aug", "b-xiaomi-q3-nov", "b-jd-q3-nov", "b-house-letter-sec-pdd-oct"],
  [
    ("11-18 10:30", "prn", "PDD Holdings Announces Third Quarter 2026 Unaudited Financial Results",
     "DUBLIN and SHANGHAI, Nov. 18, 2026 /PRNewswire/ -- PDD Holdings Inc. (\"PDD Holdings\" or the \"Company\") (NASDAQ: PDD), today announced its unaudited financial results for the third quarter ended September 30, 2026."),
    ("11-18 10:35", "edgar", "6-K - PDD Holdings Inc. (0001737806) (Filer)", ""),
    ("11-18 11:10", "reuters-biz", "PDD third-quarter revenue beats estimates as Temu steadies; shares jump",
     "PDD Holdings beat estimates for third-quarter revenue on Wednesday as its Temu platform stabilised after a tariff-driven slowdown, sending shares up 8% in premarket trading."),
    ("11-18 11:40", "cnbc", "PDD shares surge 8% premarket after revenue, profit top estimates",
     "Revenue: 118.6 billion yuan vs. 116.9 billion expected. Net income attributable to shareholders: 31.2 billion yuan, up 6.5%."),
    ("11-18 12:30", "wallstreetcn", "拼多多三季度营收1186亿元超预期，净利润312亿元，美股盘前涨超8%",
     "拼多多三季度营收1186亿元，同比增长9.5%，高于市场预期；归属于普通股股东净利润312亿元。"),
    ("11-19 00:50", "cnyes", "拼多多Q3營收優於預期 Temu回穩 美股收漲9.7%",
     "拼多多公布第三季營收1,186億元人民幣，優於市場預期，Temu海外業務回穩，股價周三收漲9.7%。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 19 Nov, Trump and Xi meet in Shenzhen on APEC sidelines (~2h from ~14:00
# Beijing). Outcomes: US to remove the remaining 10% fentanyl tariff; China to buy 25m
# tonnes of US soybeans a year; AI dialogue and military-to-military channel; Xi accepts
# invitation to visit US in 2027; Xi: Taiwan "the most important issue"; Trump:
# "tremendous meeting", Taiwan "came up" but not discussed at length. No chip deal.
S("b-trump-xi-summit-nov", "b-us-china-summit",
  "Trump and Xi meet in Shenzhen on the APEC sidelines on Thu 19 Nov 2026, agreeing to drop the fentanyl tariff, expand soybean purchases and start AI talks.",
  ["b-truce-extension-nov", "b-trade-talks-london-jul", "b-adr-rally-summit-oct", "b-mingpao-editorial-truce-nov"],
  [
    ("11-19 07:40", "reuters-world", "Trump, Xi meet in Shenzhen, agree to scrap fentanyl tariff and expand soybean purchases",
     "U.S. President Donald Trump and Chinese President Xi Jinping agreed on Thursday to remove a remaining 10% U.S. tariff linked to fentanyl and expand Chinese purchases of American soybeans, after talks in Shenzhen on the sidelines of the APEC summit."),
    ("11-19 08:00", "bloomberg-pol", "Trump, Xi Agree to Remove Fentanyl Tariff, Set AI Talks in Shenzhen Summit",
     "The two leaders also agreed to open a dialogue on artificial intelligence and restore a military-to-military channel, officials said, though there was no breakthrough on chips."),
    ("11-19 08:10", "xinhua", "习近平在深圳会见美国总统特朗普",
     "新华社深圳11月19日电 国家主席习近平19日在深圳会见来华出席亚太经合组织第三十三次领导人非正式会议的美国总统特朗普。"),
    ("11-19 08:20", "ap", "Trump and Xi meet in China's tech hub Shenzhen, pledging to keep the trade peace",
     "SHENZHEN, China (AP) — President Donald Trump and Chinese leader Xi Jinping met for about two hours Thursday in the southern city of Shenzhen, with Trump calling it a \"tremendous meeting\" and Xi urging the U.S. to handle Taiwan with caution."),
    ("11-19 09:00", "cna", "川習深圳會 習近平：台灣問題是中美關係最重要問題",
     "（中央社台北19日電）美國總統川普與中國國家主席習近平今天在深圳APEC場邊會晤。據新華社報導，習近平強調台灣問題是中美關係中最重要的問題。"),
    ("11-19 09:30", "cnbc", "Trump says U.S. will drop fentanyl tariff on China to zero after meeting Xi",
     "Trump told reporters China would buy 25 million metric tons of U.S. soybeans a year and that Xi had accepted an invitation to visit the U.S. in 2027."),
    ("11-19 09:40", "huanqiu", "中美元首深圳会晤：同意建立人工智能对话机制",
     "中美两国元首在深圳会晤，同意建立人工智能政府间对话机制并恢复两军沟通渠道。专家认为，此次会晤为中美关系稳定发展注入新动力。"),
    ("11-19 10:00", "scmp", "Xi tells Trump Taiwan is ‘the most important issue’ in Shenzhen talks on APEC sidelines | South China Morning Post",
     "The meeting in Shenzhen, China's tech capital, was the leaders' first since Trump's visit to Beijing in April."),
    ("11-19 10:20", "mingpao", "習特會深圳舉行 美撤芬太尼關稅 中方增購大豆",
     "國家主席習近平與美國總統特朗普在深圳會面約兩小時，美方同意取消餘下10%芬太尼關稅，中方每年購買2,500萬噸美國大豆；習近平明年訪美。"),
    ("11-19 10:30", "reuters-world", "UPDATE 4-Trump hails 'tremendous' Xi meeting; Xi to visit US in 2027",
     "President Donald Trump said on Thursday his meeting with Chinese President Xi Jinping in Shenzhen was \"tremendous\" and that Xi would visit the United States in 2027, as the two sides agreed to drop a fentanyl-related tariff, boost soybean sales and open talks on artificial intelligence. Xi told Trump that Taiwan was the most important issue in the relationship, according to Chinese state media. Trump said Taiwan \"came up\" but was not discussed at length. There was no agreement on semiconductor export controls, a U.S. official said."),
    ("11-19 11:00", "zaobao", "习特深圳会：美方取消芬太尼关税 习近平明年访美",
     "中国国家主席习近平星期四（11月19日）与美国总统特朗普在深圳会面。特朗普说，双方同意取消芬太尼关税，中国将扩大采购美国大豆。"),
    ("11-19 12:00", "udn", "川習會後 川普：台灣議題有提到 但沒有多談",
     "美國總統川普與大陸國家主席習近平在深圳會面後對媒體表示，台灣議題「有被提到」但沒有深入討論；陸方新聞稿則稱習近平強調台灣問題是最重要問題。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 25 Nov after HK close, Meituan Q3: revenue 103.1bn yuan (+8%); adjusted net
# loss 5.3bn (vs 16.0bn loss a year earlier); core local commerce operating loss 2.1bn
# (vs 14.1bn); Keeta profitable in Hong Kong.
S("b-meituan-q3-nov", "b-meituan-results",
  "Meituan reports September-quarter 2026 results on Wed 25 Nov 2026: adjusted net loss narrows to 5.3bn yuan.",
  ["b-meituan-q2-aug", "b-jd-q3-nov", "b-meituan-shares-aug"],
  [
    ("11-25 08:40", "hkex", "MEITUAN - ANNOUNCEMENT OF THE THIRD QUARTER RESULTS FOR THE THREE MONTHS AND NINE MONTHS ENDED SEPTEMBER 30, 2026", ""),
    ("11-25 08:50", "reuters-biz", "Meituan's loss narrows as food delivery subsidy war cools",
     "Meituan reported a much smaller third-quarter loss on Wednesday as China's food delivery platforms scaled back subsidies under regulatory pressure, with its adjusted net loss shrinking to 5.3 billion yuan from 16 billion yuan a year earlier."),
    ("11-25 09:05", "etnet", "美團(03690)第三季經調整虧損收窄至53億人民幣",
     "美團第三季收入1,031億元人民幣，按年增8%；經調整虧損淨額53億元，去年同期虧損160億元。"),
    ("11-25 09:20", "bloomberg-tech", "Meituan Loss Shrinks as Beijing's Curbs on Price Wars Ease Pressure",
     "Meituan's core local commerce unit lost 2.1 billion yuan in the quarter, down from 14.1 billion yuan a year ago, as regulators' campaign against 'involution' tempered subsidies."),
    ("11-25 10:00", "jiemian", "美团三季度经调整净亏损53亿元，同比大幅收窄，核心本地商业亏损21亿元",
     "美团三季度营收1031亿元，同比增长8%；核心本地商业经营亏损21亿元，去年同期亏损141亿元。"),
    ("11-25 10:30", "scmp-biz", "Meituan cuts quarterly loss to 5.3 billion yuan as delivery rivals pull back on subsidies | South China Morning Post",
     "Overseas brand Keeta turned a profit in Hong Kong for the first time, the company said."),
    ("11-25 11:10", "mingpao", "美團第三季虧損收窄 Keeta香港業務轉盈",
     "美團（03690）第三季經調整虧損53億元人民幣，較去年同期大幅收窄；海外品牌Keeta香港業務首次錄得盈利。"),
  ])
