# Part B, June-July 2026. Each story: facts first (comment), then one tuple per feed item:
# (time UTC 'MM-DD HH:MM', outlet key, title, summary[, extra])
from common import S

# ---------------------------------------------------------------------------
# FACTS: Thu 4 Jun evening Beijing, State Council executive meeting (Premier Li Qiang)
# approves extra 300bn yuan ultra-long special treasury bonds for consumer trade-ins
# and wider childcare subsidies. Fri 5 Jun HK: Hang Seng +597 pts (+2.4%) to 25,478,
# biggest gain in two months; HSTECH +3.1%; Meituan +5.2%, JD +4.1%, Li Ning +6%;
# turnover HK$288bn; CSI 300 +1.3%.
S("b-hang-seng-rally-stimulus-jun", "b-hang-seng-move",
  "Hong Kong stocks rally 2.4% on Fri 5 Jun 2026 after China's cabinet approves an extra 300bn yuan for consumer trade-ins.",
  ["b-hang-seng-vanke-selloff-jun", "b-hang-seng-rally-pboc-sep", "b-pboc-rate-cut-sep"],
  [
    ("06-05 04:10", "etnet", "【午市】國常會加碼刺激消費 恒指半日升498點 美團京東領漲",
     "國務院常務會議決定新增3000億元人民幣超長期特別國債支持消費品以舊換新，恒指半日升498點，報25,379點；科指升2.7%，美團（03690）升近5%，京東集團（09618）升3.8%，半日成交1,420億元。"),
    ("06-05 08:25", "reuters-mkt", "Hong Kong stocks jump most in two months as Beijing unveils consumption support",
     "Hong Kong shares surged on Friday, with the benchmark Hang Seng index posting its biggest daily gain in two months, after China's cabinet approved an extra 300 billion yuan ($41.7 billion) in special bonds to fund consumer trade-ins. The Hang Seng closed up 2.4% at 25,478, while the Hang Seng Tech index rose 3.1%."),
    ("06-05 08:50", "bloomberg", "Chinese Stocks in Hong Kong Rally as Li Qiang's Cabinet Doubles Down on Consumption",
     "Chinese consumer shares led a rally in Hong Kong after the State Council pledged more money for trade-in subsidies and childcare support, the latest sign Beijing is leaning on household spending to meet its growth target. Meituan and Li Ning were among the top gainers."),
    ("06-05 09:40", "thestandard", "Hang Seng soars 597 points as Beijing tops up trade-in subsidies",
     "Consumer names led the charge on Friday, with Meituan up 5.2 percent and Li Ning 6 percent, after the State Council pledged another 300 billion yuan for trade-ins. Market turnover rose to HK$288 billion."),
    ("06-05 09:30", "sina-hk", "港股收评：恒指涨2.4%站上25400点 消费股全线爆发 美团涨超5%",
     "截至收盘，恒生指数涨2.4%，报25478点；恒生科技指数涨3.1%。国常会加码以旧换新资金，消费股全线走强，美团涨5.2%，李宁涨6%，京东集团涨4.1%。全日成交额2880亿港元。"),
    ("06-05 23:00", "mingpao", "國常會3000億撐消費 恒指急升597點 成交增至2880億",
     "國務院常務會議周四晚加碼3000億元人民幣支持以舊換新，港股昨日應聲急升，恒指收報25,478點，升597點或2.4%，為兩個月最大單日升幅。分析員指，政策力度略超市場預期，但能否持續仍視乎內地零售數據。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 10 Jun, House Select Committee on the CCP chairman John Moolenaar and 11
# members write to Defense Secretary Pete Hegseth urging 1260H listing of Unitree
# Robotics and five other PRC robotics/sensor firms (incl. RoboSense); cite PLA drill
# videos of Unitree robot dogs with rifles; Unitree preparing Shanghai STAR IPO;
# ask for a response by 30 Jun.
S("b-house-letter-unitree-jun", "b-house-china-committee-letter",
  "On Wed 10 Jun 2026 House China committee chairman Moolenaar and 11 members ask the Pentagon to add Unitree Robotics and five other Chinese firms to the 1260H list.",
  ["b-pentagon-1260h-jul", "b-house-letter-chip-smuggling-aug", "b-house-letter-sec-pdd-oct"],
  [
    ("06-10 14:30", "ccpcommittee", "Moolenaar Urges Pentagon to Designate Unitree Robotics as a Chinese Military Company", ""),
    ("06-10 16:05", "reuters-tech", "US lawmakers urge Pentagon to blacklist Chinese robot maker Unitree",
     "A group of U.S. lawmakers on Wednesday urged the Pentagon to add Chinese robotics company Unitree Robotics to a list of companies it says work with China's military, citing videos of its robot dogs fitted with rifles during People's Liberation Army exercises. Unitree did not immediately respond to a request for comment."),
    ("06-10 18:40", "axios", "House China hawks set sights on robot dog maker Unitree",
     "Why it matters: Unitree's quadrupeds are sold on Amazon and used in U.S. university labs — and lawmakers say the same machines show up in PLA drills. A letter to Defense Secretary Hegseth asks for a 1260H designation for Unitree and five other firms by June 30."),
    ("06-11 02:15", "scmp-tech", "US lawmakers push Pentagon to list Unitree as Chinese military company ahead of Shanghai IPO | South China Morning Post",
     "The Hangzhou-based robotics firm, which is preparing a listing on Shanghai's Star Market, is one of six Chinese companies named in a letter from the House select committee on China, which also cited lidar maker RoboSense."),
    ("06-11 01:30", "huanqiu", "美众议院“中国特别委员会”又盯上宇树科技，要求五角大楼将其列入“中国军事企业”清单",
     "美国众议院“美中战略竞争特别委员会”主席穆勒纳尔等人致信美国防部长，要求将宇树科技等6家中国企业列入所谓“中国军事企业”清单。受访专家表示，这是美方泛化国家安全概念、打压中国高科技企业的又一例证。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 17 Jun, SEC votes 3-1 to propose narrowing the "foreign private issuer"
# definition (follow-up to 2025 concept release): FPIs would need a listing on a major
# foreign exchange or to be subject to substantive home-country oversight; SEC staff
# say ~55% of FPIs are incorporated in Cayman/BVI, largest group China-based; affected
# firms would file 10-K/10-Q. 60-day comment period. Chairman Paul Atkins statement.
S("b-sec-fpi-proposal-jun", "b-sec-chinese-issuers",
  "On Wed 17 Jun 2026 the SEC votes 3-1 to propose narrowing the foreign private issuer definition, a change aimed largely at China-based companies listed only in the US.",
  ["b-pcaob-china-access-oct", "b-house-letter-sec-pdd-oct"],
  [
    ("06-17 18:05", "sec", "SEC Proposes Amendments to Foreign Private Issuer Definition",
     "The Securities and Exchange Commission today voted to propose amendments to the definition of \"foreign private issuer\" that would condition eligibility on a listing on a major foreign exchange or on oversight by a qualifying foreign regulator. The public comment period will remain open for 60 days."),
    ("06-17 19:20", "reuters-biz", "US SEC proposes tighter rules for foreign issuers, eyeing China-based firms",
     "The U.S. Securities and Exchange Commission on Wednesday proposed narrowing which overseas companies qualify for lighter disclosure rules, a change that could force dozens of China-based companies listed only in New York to file quarterly reports like domestic issuers."),
    ("06-17 20:45", "bloomberg", "SEC Moves to Strip Some China-Based Firms of Lighter Disclosure Regime",
     "The Securities and Exchange Commission advanced a plan that would push companies such as those incorporated in the Cayman Islands but run from China onto the same reporting treadmill as US firms. Chairman Paul Atkins said the current test \"no longer reflects who our foreign issuers are.\""),
    ("06-18 00:30", "law360", "SEC Floats Narrower Foreign Private Issuer Test In 3-1 Vote",
     "The U.S. Securities and Exchange Commission voted 3-1 to propose a new foreign private issuer test that would add a foreign-listing or foreign-oversight requirement, a year after a concept release flagged the growth of issuers based in China."),
    ("06-18 05:00", "caixinglobal", "SEC Proposal Could Push US-Only Listed Chinese Firms Into Quarterly Reporting",
     "A proposed change to the US foreign private issuer definition would strip many Cayman-incorporated, China-based companies of exemptions from 10-Q filings and proxy rules."),
    ("06-18 02:40", "caixin", "美SEC拟收紧“外国私人发行人”认定 仅在美上市中概股或须按季披露",
     "美国证券交易委员会以3比1投票通过提案，拟修改“外国私人发行人”定义，要求相关公司须在主要境外交易所上市或受合格境外监管机构监管。若规则落地，部分仅在美上市的中概股将须提交10-K和10-Q报告。提案征求意见期60天。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 18 Jun (Washington), State Dept approves possible sales to Taiwan worth
# $2.16bn: NASAMS fire units ($1.38bn) and HIMARS munitions ($780m). DSCA notifies
# Congress. Taiwan presidential office thanks US (Fri morning Taipei); MND says NASAMS
# strengthens air defence around Taipei. ~NT$69bn.
S("b-taiwan-arms-sale-jun", "b-taiwan-arms-sale",
  "On Thu 18 Jun 2026 the US State Department approves $2.16bn in possible arms sales to Taiwan (NASAMS and HIMARS munitions).",
  ["b-mfa-taiwan-arms-sale-jun", "b-mofcom-uel-arms-sale-jun"],
  [
    ("06-18 20:40", "dsca", "Taipei Economic and Cultural Representative Office in the United States – National Advanced Surface-to-Air Missile Systems (NASAMS)", ""),
    ("06-18 20:41", "dsca", "Taipei Economic and Cultural Representative Office in the United States – M142 HIMARS Munitions and Related Support", ""),
    ("06-18 22:10", "reuters-world", "US approves $2.16 billion in arms sales to Taiwan, including NASAMS air defence",
     "The U.S. State Department has approved the possible sale to Taiwan of National Advanced Surface-to-Air Missile Systems and rocket artillery munitions worth a combined $2.16 billion, the Pentagon said on Thursday, a move likely to anger Beijing."),
    ("06-18 23:30", "ap", "US approves more than $2 billion in missile systems for Taiwan",
     "WASHINGTON (AP) — The State Department has approved more than $2 billion in weapons sales to Taiwan, including an advanced air defense system that has been used in Ukraine, the Defense Security Cooperation Agency said Thursday."),
    ("06-19 01:05", "focustaiwan", "Taiwan thanks U.S. for approving NT$69 billion arms package",
     "The Presidential Office on Friday thanked the United States for approving two arms sales worth US$2.16 billion, saying the NASAMS systems would significantly strengthen air defense around the capital."),
    ("06-19 00:50", "cna", "美國宣布對台軍售2案 含NASAMS防空系統 總值21.6億美元",
     "（中央社記者華盛頓18日專電）美國國防安全合作署18日宣布，國務院批准對台出售「國家先進地對空飛彈系統」（NASAMS）及海馬士多管火箭彈藥2案，總值約21.6億美元。總統府今天表達感謝。"),
    ("06-19 01:40", "ltn", "美對台軍售21.6億美元 國防部：NASAMS強化首都防空網",
     "美國國務院宣布批准2項對台軍售，國防部今天表示，NASAMS防空系統將部署於大台北地區，與愛國者飛彈形成多層防空，預計2028年起陸續交運。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Fri 19 Jun, MFA spokesperson Lin Jian at regular briefing: China "strongly
# deplores and firmly opposes" the arms sales, has lodged stern representations, will
# take "resolute and forceful measures"; urges US to stop arming Taiwan.
S("b-mfa-taiwan-arms-sale-jun", "b-mfa-response",
  "On Fri 19 Jun 2026 China's foreign ministry (Lin Jian) condemns the US arms sales to Taiwan and vows forceful measures.",
  ["b-taiwan-arms-sale-jun", "b-mofcom-uel-arms-sale-jun", "b-mfa-1260h-jul", "b-mfa-entity-list-sep"],
  [
    ("06-19 08:05", "reuters", "China says it firmly opposes new US arms sales to Taiwan, vows 'forceful measures'",
     "China's foreign ministry said on Friday it had lodged stern representations with the United States over a $2.16 billion arms package for Taiwan and would take \"resolute and forceful measures\" to defend its sovereignty."),
    ("06-19 08:40", "globaltimes", "China lodges solemn representations over US arms sales to Taiwan island: FM",
     "Chinese Foreign Ministry spokesperson Lin Jian said on Friday that the US arms sales seriously violate the one-China principle and send a wrong signal to \"Taiwan independence\" separatist forces."),
    ("06-19 09:20", "udn", "美對台軍售 陸外交部：將採取堅決有力措施",
     "大陸外交部發言人林劍19日表示，美方對台軍售嚴重違反一個中國原則，中方已向美方提出嚴正交涉，將採取堅決有力措施，捍衛國家主權和領土完整。"),
    ("06-19 10:00", "zaobao", "中国外交部：就美售台武器向美方提出严正交涉",
     "中国外交部发言人林剑星期五（6月19日）在例行记者会上说，美国对台军售严重损害中国主权和安全利益，中方强烈不满、坚决反对。"),
    ("06-19 11:30", "mfa", "2026年6月19日外交部发言人林剑主持例行记者会", ""),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 24 Jun, BIS adds 19 entities (16 China, 3 Hong Kong) to the Entity List:
# chip-equipment maker SiCarrier (Shenzhen, Huawei-linked) and four affiliates, others
# supplying Huawei's fab network; 3 HK shells procuring US tools. Under Secretary
# Jeffrey Kessler quote. Effective on FR publication Thu 25 Jun.
S("b-entity-list-jun", "b-entity-list-addition",
  "On Wed 24 Jun 2026 the Commerce Department adds 19 entities, led by Huawei-linked chip-tool maker SiCarrier, to the Entity List (Federal Register 25 Jun).",
  ["b-entity-list-sep", "b-entity-list-oct", "b-mofcom-entity-list-jun", "b-bis-fine-applied-oct"],
  [
    ("06-24 17:45", "bis", "Commerce Adds 19 Entities to Entity List to Curb Huawei-Linked Chipmaking Equipment Network", ""),
    ("06-24 18:30", "reuters-tech", "US adds Huawei-linked chip toolmaker SiCarrier, 18 others to trade blacklist",
     "The U.S. Commerce Department said on Wednesday it was adding 19 entities, including Chinese chip equipment maker SiCarrier and four of its affiliates, to its trade restriction list, as Washington tries to slow Huawei's efforts to build its own chipmaking supply chain."),
    ("06-24 19:40", "bloomberg-tech", "US Blacklists Chinese Chip-Gear Maker SiCarrier in Blow to Huawei's Fab Push",
     "The Commerce Department placed SiCarrier Technologies, a Shenzhen company that has emerged as Huawei Technologies Co.'s main hope for homegrown lithography and etching tools, on the entity list along with 18 other organizations."),
    ("06-24 21:10", "register", "Uncle Sam puts Huawei's favorite toolmaker SiCarrier on the naughty list",
     "Commerce's latest Entity List batch adds 19 names, mostly SiCarrier and friends plus three Hong Kong shells allegedly shopping for American fab kit. Whether a list entry slows a company that was never meant to buy US tools anyway is another question."),
    ("06-25 01:20", "yicai", "美商务部将新凯来等19家中国实体列入实体清单",
     "美国商务部工业与安全局（BIS）当地时间6月24日宣布，将19家实体列入出口管制“实体清单”，其中包括深圳半导体设备企业新凯来及其4家关联公司，以及3家香港贸易公司。"),
    ("06-25 02:30", "ctee", "美實體清單再擴大 鎖定華為設備夥伴新凱來",
     "美國商務部再將19個中國實體列入實體清單，矛頭指向被視為華為自建晶片供應鏈核心的設備商新凱來。業界認為，此舉對台灣半導體設備與零組件供應鏈影響有限，但中國設備國產化進程恐受拖累。"),
    ("06-25 13:15", "fedreg", "Additions to the Entity List",
     "In this rule, the Bureau of Industry and Security (BIS) amends the Export Administration Regulations (EAR) by adding 19 entities to the Entity List. These entities have been determined by the U.S. Government to be acting contrary to the national security or foreign policy interests of the United States. These entities will be listed on the Entity List under the destinations of the People's Republic of China (China) (16) and Hong Kong (3)."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 25 Jun (evening Beijing), MOFCOM spokesperson Q&A: firmly opposes US adding
# 19 Chinese entities; US overstretches national security; "will take necessary
# measures to safeguard the legitimate rights of Chinese enterprises".
S("b-mofcom-entity-list-jun", "b-mofcom-response",
  "On Thu 25 Jun 2026 China's commerce ministry condemns the US entity listing of SiCarrier and 18 others and vows necessary measures.",
  ["b-entity-list-jun", "b-mofcom-entity-list-sep", "b-mofcom-uel-arms-sale-jun", "b-mfa-entity-list-sep"],
  [
    ("06-25 11:10", "mofcom", "商务部新闻发言人就美方将19家中国实体列入出口管制实体清单答记者问", ""),
    ("06-25 11:40", "xinhua", "商务部：坚决反对美方将中国实体列入出口管制管控名单",
     "新华社北京6月25日电 商务部新闻发言人25日表示，美方泛化国家安全概念，滥用出口管制措施，将多家中国实体列入实体清单，中方对此坚决反对。中方将采取必要措施，坚决维护中国企业的正当权益。"),
    ("06-25 12:05", "reuters", "China vows 'necessary measures' after US blacklists chip toolmaker SiCarrier",
     "China's commerce ministry said on Thursday it firmly opposed Washington's decision to add 19 Chinese entities to its export blacklist and would take necessary measures to protect Chinese firms."),
    ("06-25 13:00", "globaltimes", "China firmly opposes US addition of Chinese entities to export control list: MOFCOM",
     "A spokesperson for the Ministry of Commerce said the US has repeatedly overstretched the concept of national security and abused export control measures, and China will take necessary measures."),
    ("06-25 13:20", "singtao", "美將19中企列實體清單 商務部：將採取必要措施",
     "國家商務部新聞發言人今日就美方將新凱來等19家中國實體列入實體清單答記者問，指美方做法嚴重破壞國際經貿秩序，中方將採取必要措施維護企業正當權益。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Fri 26 Jun, MOFCOM unreliable entity list working mechanism adds 8 US defence
# companies involved in arms sales to Taiwan (incl. an RTX Raytheon unit and a Lockheed
# Martin unit); bans China-related import/export and new investment; senior managers
# barred from entering China. One week after the $2.16bn approval.
S("b-mofcom-uel-arms-sale-jun", "b-unreliable-entity-list",
  "On Fri 26 Jun 2026 China adds eight US defence companies to its unreliable entity list over the Taiwan arms sales.",
  ["b-mfa-taiwan-arms-sale-jun", "b-mofcom-entity-list-jun", "b-taiwan-arms-sale-jun"],
  [
    ("06-26 02:00", "mofcom", "不可靠实体清单工作机制关于将8家美国企业列入不可靠实体清单的公告", ""),
    ("06-26 03:10", "reuters", "China puts eight US defence firms on unreliable entity list over Taiwan arms sales",
     "China added eight U.S. defence companies to its unreliable entity list on Friday, barring them from China-related import and export activities, a week after Washington approved $2.16 billion in weapons sales to Taiwan."),
    ("06-26 04:20", "cna", "美對台軍售 中國商務部將8家美企列不可靠實體清單",
     "（中央社台北26日電）中國商務部今天宣布，將參與對台軍售的8家美國軍工企業列入「不可靠實體清單」，禁止其從事與中國有關的進出口活動及在中國境內新增投資。"),
    ("06-26 05:30", "scmp", "China blacklists 8 US defence firms including Raytheon unit after Taiwan NASAMS deal | South China Morning Post",
     "Beijing's commerce ministry said the companies, which include units of RTX and Lockheed Martin, would be barred from trading with China and their senior executives refused entry, in retaliation for the latest US arms package for Taiwan."),
    ("06-26 14:00", "defensenews", "China's latest sanctions on US defense firms are mostly symbolic, analysts say",
     "Beijing added eight American defense contractors to its unreliable entity list Friday. Most have little or no business in China, but analysts say supply-chain curbs on rare earths remain the bigger lever."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Sun 28 Jun night, China Vanke says it will ask holders to extend a 2bn yuan
# onshore bond due 6 Jul. Mon 29 Jun HK: Hang Seng -535 pts (-2.2%) to 23,770; Vanke H
# shares -14%; Hang Seng Mainland Properties index -5.6%; tech also weak.
S("b-hang-seng-vanke-selloff-jun", "b-hang-seng-move",
  "Hong Kong stocks fall 2.2% on Mon 29 Jun 2026 after China Vanke seeks to extend an onshore bond, reviving property fears.",
  ["b-hang-seng-rally-stimulus-jun", "b-hang-seng-data-slide-nov", "b-global-selloff-aug"],
  [
    ("06-29 04:05", "hket", "萬科尋求債券展期 內房股急挫 恒指半日跌逾400點",
     "萬科企業（02202）周日晚公布擬就一筆20億元人民幣境內債券尋求展期，內房股今早急挫，萬科H股一度跌15%；恒指半日跌412點，報23,893點。"),
    ("06-29 08:30", "reuters-mkt", "Hong Kong stocks slide 2% as Vanke's bond extension plan revives property fears",
     "Hong Kong stocks fell more than 2% on Monday, dragged by mainland developers after China Vanke said it would seek to delay repayment of an onshore bond, reigniting worries about the state-backed builder's finances."),
    ("06-29 08:55", "bloomberg", "China Property Stocks Tumble as Vanke Seeks More Time on Onshore Note",
     "A gauge of Chinese developers slid the most since April after China Vanke Co. said it would ask bondholders to extend a 2 billion yuan note due July 6, a setback for investors who had bet on support from its state shareholder Shenzhen Metro."),
    ("06-29 09:30", "scmp-biz", "Hong Kong stocks slide as Vanke’s bond extension request rattles property investors | South China Morning Post",
     "Mainland developers lost 5.6 per cent as a group, with Vanke’s H shares plunging 14 per cent, while the Hang Seng Index fell 2.2 per cent to 23,770."),
    ("06-29 09:15", "wallstreetcn", "港股收跌2.2%，万科H股重挫14%，内房股集体下挫",
     "恒生指数收跌2.2%，报23770点；恒生中国内地地产指数跌5.6%。万科拟对一笔境内债寻求展期，市场对国企背景房企的信心再受考验。"),
    ("06-29 22:30", "hkej", "萬科再求展期 恒指瀉535點 內房板塊失守",
     "萬科周日晚宣布就境內債尋求展期，觸發內房股沽壓，萬科H股昨日急瀉14%，碧桂園、龍湖亦跌逾6%。恒指全日跌535點，收報23,770點，成交1,960億元。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 30 Jun (07:30 Beijing = 23:30 UTC Mon), Eastern Theater Command launches
# "Strait Thunder-2026B" joint drills (army, navy, air force, rocket force) in Taiwan
# Strait and north, south, east of the island; focus: blockade of key ports, strikes on
# energy facilities; coast guard patrols. Follows Lai Ching-te's transit via Houston on
# trip to Paraguay/Guatemala (returned 28 Jun). Taiwan MND by 18:00: 74 aircraft,
# 19 navy ships, 10 coast guard vessels; response centre set up.
S("b-pla-drills-jun", "b-pla-drills",
  "The PLA Eastern Theater Command launches 'Strait Thunder-2026B' drills around Taiwan on Tue 30 Jun 2026 after Lai Ching-te's US transit.",
  ["b-pla-drills-oct", "b-taiwan-stocks-drills-oct", "b-pla-defence-white-paper-jul", "b-carrier-sea-trial-sep"],
  [
    ("06-29 23:42", "xinhua", "东部战区组织“海峡雷霆-2026B”演习",
     "东部战区新闻发言人表示，6月30日起，东部战区组织陆军、海军、空军、火箭军等兵力，在台湾海峡、台岛北部、南部和东部开展“海峡雷霆-2026B”演习，重点演练要港封控、能源设施打击、联合封锁等科目，检验战区部队联合作战能力。"),
    ("06-29 23:58", "reuters-world", "China launches 'Strait Thunder-2026B' military drills around Taiwan",
     "China's military said on Tuesday it had begun joint exercises around Taiwan involving its army, navy, air force and rocket force, days after Taiwan President Lai Ching-te transited the United States."),
    ("06-30 00:40", "cna", "共軍宣布「海峽雷霆-2026B」演習 國防部成立應變中心",
     "中共東部戰區今晨宣布在台灣周邊展開「海峽雷霆-2026B」演習。國防部表示已成立應變中心，依「經常戰備時期突發狀況處置規定」派遣適切兵力應處。"),
    ("06-30 01:10", "ap", "China stages military drills around Taiwan after president's US stopover",
     "TAIPEI, Taiwan (AP) — China's military launched large-scale exercises around Taiwan on Tuesday, days after the island's president stopped in the United States on his way home from Latin America, in what Beijing called a warning to separatist forces."),
    ("06-30 01:15", "abc", "China stages military drills around Taiwan after president's US stopover",
     "China's military launched large-scale exercises around Taiwan on Tuesday, days after the island's president stopped in the United States on his way home from Latin America."),
    ("06-30 01:30", "ltn", "賴總統出訪返國 中國又軍演 總統府：嚴厲譴責",
     "賴清德總統結束友邦之旅返國僅兩天，中國即宣布軍演。總統府表示，中國以軍事威嚇破壞台海和平穩定，嚴厲譴責，國軍已做好萬全準備。"),
    ("06-30 02:20", "reuters-world", "UPDATE 2-China's military drills around Taiwan focus on blockading ports, energy sites",
     "China's military said its drills around Taiwan on Tuesday were rehearsing the blockade of key ports and strikes on energy facilities, while its coast guard launched what it called law enforcement patrols around the island. Taiwan condemned the exercises and put its forces on alert. The drills come two days after Lai returned from a trip to Paraguay and Guatemala that included a stop in Houston, where he met members of Congress. Beijing considers Lai a \"separatist\" and has refused his offers of talks. The U.S. State Department urged restraint."),
    ("06-30 03:45", "bloomberg-pol", "China Holds Drills Around Taiwan, Rehearsing Blockade of Key Ports",
     "China launched military exercises around Taiwan that simulated sealing off the island's main ports, in a show of force after President Lai Ching-te's stopover in Texas."),
    ("06-30 04:00", "huanqiu", "专家：“海峡雷霆-2026B”演习针对“台独”挑衅，释放强烈信号",
     "受访专家表示，此次演习首次将能源设施打击列为重点科目，且火箭军与海警协同行动，是对赖清德“过境”窜美等挑衅行径的有力惩戒。"),
    ("06-30 05:15", "scmp-mil", "PLA stages ‘Strait Thunder’ drills near Taiwan, with rocket force and coastguard joining | South China Morning Post",
     "The exercise is the second named drill around the island this year and comes after Taiwan's leader stopped over in Houston, with Beijing's coastguard also sending ships into waters east of Taiwan."),
    ("06-30 10:40", "focustaiwan", "74 Chinese military aircraft, 19 ships detected around Taiwan on first day of drills: MND",
     "Taiwan's Ministry of National Defense said it had tracked 74 Chinese military aircraft, 19 naval vessels and 10 coast guard ships around the country as of 6 p.m. Tuesday."),
    ("06-30 11:20", "udn", "共軍演習首日 國防部：偵獲共機74架次、共艦19艘",
     "國防部今晚公布，截至下午6時偵獲共機74架次、共艦19艘及海警船10艘，其中共機49架次逾越海峽中線及其延伸線。"),
    ("06-30 12:50", "zaobao", "解放军在台湾周边举行“海峡雷霆-2026B”演习 台防部称侦获74架次军机",
     "中国人民解放军东部战区星期二（6月30日）在台湾周边举行演习，台湾国防部说，截至傍晚侦获74架次军机及19艘军舰。"),
    ("06-30 21:40", "taipeitimes", "PLA drills simulate blockade of Kaohsiung, Keelung ports",
     "China's military yesterday staged exercises around Taiwan that rehearsed sealing off the nation's main ports and striking energy infrastructure, two days after President William Lai returned from Latin America."),
    ("06-30 14:30", "gn-ft", "China launches military drills around Taiwan after Lai’s US stopover - Financial Times", ""),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 7 Jul, Moonshot AI (Beijing; backed by Alibaba and Tencent) releases Kimi
# K3: open-weight MoE, 2.4tn total parameters; claims 78.4% on SWE-bench Verified; API
# 4 yuan per million input tokens; founder Yang Zhilin says agents next.
S("b-kimi-k3-release-jul", "b-china-ai-model-release",
  "On Tue 7 Jul 2026 Moonshot AI releases the open-weight Kimi K3 model (2.4 trillion parameters).",
  ["b-deepseek-r2-aug", "b-baidu-ernie-nov", "b-huawei-ascend-sep"],
  [
    ("07-07 06:20", "36kr", "月之暗面发布Kimi K3：总参数2.4万亿，开源权重，编程能力比肩顶尖闭源模型",
     "36氪获悉，月之暗面今日正式发布并开源Kimi K3模型，采用混合专家架构，总参数2.4万亿。官方称其在SWE-bench Verified上得分78.4%。"),
    ("07-07 08:10", "reuters-tech", "China's Moonshot AI releases Kimi K3, says it rivals US models in coding",
     "Chinese artificial intelligence startup Moonshot AI, backed by Alibaba and Tencent, on Tuesday released Kimi K3, an open-weight model it says matches leading U.S. systems on coding tasks."),
    ("07-07 09:30", "scmp-tech", "Alibaba-backed Moonshot unveils open-source Kimi K3 with 2.4 trillion parameters | South China Morning Post",
     "The Beijing start-up's new model is the largest open-weight release from a Chinese developer, as local rivals race to match DeepSeek and Qwen on price and performance."),
    ("07-07 10:05", "jiemian", "Kimi K3上线：API每百万tokens输入4元，杨植麟称下一步押注智能体",
     "月之暗面创始人杨植麟表示，K3的重点在于长程任务与智能体能力。K3 API定价为每百万输入tokens 4元，低于此前K2系列。"),
    ("07-07 15:20", "venturebeat", "Moonshot's Kimi K3 is the largest open-weight model yet — and it's cheap",
     "Kimi K3 weighs in at 2.4 trillion parameters with open weights and aggressive API pricing, putting fresh pressure on Western labs' closed models for agentic coding workloads."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 8 Jul (16:55 ET), DoD releases 1260H update adding six companies: Unitree
# Robotics, RoboSense Technology (2498.HK), Kingsoft Cloud (KC / 3896.HK), Hikrobot,
# MGI Tech, and drone maker Zhuhai Ziyan... (keep: six incl. "two others"). List now
# 140 entries. Comes after DoD contracting ban on listed firms took effect 30 Jun 2026
# (FY2024 NDAA sec. 805). Kingsoft Cloud ADR -9% after hours. FR notice Thu 9 Jul.
S("b-pentagon-1260h-jul", "b-pentagon-1260h",
  "On Wed 8 Jul 2026 the Pentagon adds Unitree Robotics, RoboSense, Kingsoft Cloud and three others to its 1260H list of Chinese military companies.",
  ["b-house-letter-unitree-jun", "b-unitree-denial-jul", "b-robosense-shares-jul", "b-mfa-1260h-jul",
   "b-unitree-sues-pentagon-sep", "b-hesai-appeal-ruling-oct", "b-entity-list-oct"],
  [
    ("07-08 20:55", "dod", "DOD Releases List of Chinese Military Companies in Accordance With Section 1260H of the National Defense Authorization Act for Fiscal Year 2021", ""),
    ("07-08 21:30", "reuters", "Pentagon adds robot maker Unitree, Kingsoft Cloud to list of Chinese military companies",
     "The U.S. Defense Department on Wednesday added Chinese robotics company Unitree Robotics, cloud provider Kingsoft Cloud and four other firms to a list of companies it says work with Beijing's military, a month after lawmakers pressed for Unitree's inclusion."),
    ("07-08 22:15", "bloomberg", "Pentagon Names Unitree, RoboSense as Chinese Military Companies",
     "The Defense Department added six companies including robot maker Unitree Robotics and lidar supplier RoboSense Technology Co. to its 1260H list, which since June bars the Pentagon from contracting with listed firms."),
    ("07-08 22:40", "cnbc-tech", "Kingsoft Cloud shares drop 9% after hours as Pentagon adds it to Chinese military list",
     "Kingsoft Cloud's U.S.-listed shares fell 9% in extended trading Wednesday. The Pentagon's update names six companies; the designation carries no sanctions but has weighed on shares of previously listed firms."),
    ("07-08 23:20", "techcrunch", "Pentagon says robot dog maker Unitree is a Chinese military company",
     "Unitree, whose Go2 robot dogs are a fixture of YouTube demos and university labs, is among six Chinese companies added to the Defense Department's 1260H list on Wednesday."),
    ("07-08 23:50", "reuters", "UPDATE 2-Pentagon lists Unitree, Kingsoft Cloud as Chinese military firms; shares slide",
     "Kingsoft Cloud's U.S.-listed shares fell 9% in extended trade on Wednesday after the Pentagon added it, robot maker Unitree and four other Chinese companies to its list of firms it says aid China's military. The list now has 140 entries. Being listed is not a ban, but since June 30 the Pentagon has been barred from contracting with listed firms, and the designation often prompts U.S. investors and partners to pull back. Unitree, RoboSense and Kingsoft Cloud did not immediately respond to requests for comment. The update also names industrial vision firm Hikrobot and gene sequencer maker MGI Tech."),
    ("07-09 00:35", "thepaper", "美国防部将宇树科技、金山云等6家中国企业列入“中国军事企业”清单",
     "当地时间7月8日，美国国防部更新所谓“中国军事企业”清单（1260H清单），新增宇树科技、速腾聚创、金山云、海康机器人、华大智造等6家中国企业。"),
    ("07-09 01:10", "cna", "美國防部更新中國軍企清單 宇樹科技、速騰聚創等6企入列",
     "（中央社華盛頓8日綜合外電報導）美國國防部今天更新「中國軍事企業」清單，新增機器狗製造商宇樹科技、光達廠速騰聚創及金山雲等6家企業，清單總數增至140家。"),
    ("07-09 01:30", "scmp-tech", "Pentagon blacklists Hangzhou’s Unitree, 5 other Chinese tech firms as ‘military companies’ | South China Morning Post",
     "The listing comes as Unitree prepares its Shanghai IPO; Hong Kong-listed RoboSense and Kingsoft Cloud are also named."),
    ("07-09 02:45", "mingpao", "美防部1260H清單加6中企 金山雲美股盤後瀉9%",
     "美國國防部把宇樹科技、速騰聚創（02498）、金山雲（03896）等6間中企列入「中國軍事企業」清單，金山雲美股盤後急跌9%。"),
    ("07-09 13:10", "fedreg-dod", "Entities Identified as Chinese Military Companies Operating in the United States",
     "The Department of Defense is publishing the names of entities determined to be Chinese military companies operating directly or indirectly in the United States in accordance with the statutory requirement of section 1260H of the William M. (Mac) Thornberry National Defense Authorization Act for Fiscal Year 2021. This notice adds six entities."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 9 Jul ~10:30 Beijing, Unitree statement on WeChat: civilian company, never
# cooperated with any military; products sold via public channels; PLA videos show
# third-party modifications; reserves right to legal action; IPO process unaffected.
S("b-unitree-denial-jul", "b-company-response",
  "On Thu 9 Jul 2026 Unitree Robotics denies military ties after the Pentagon listing and says it may take legal action.",
  ["b-pentagon-1260h-jul", "b-xiaomi-denial-oct", "b-unitree-sues-pentagon-sep", "b-mfa-1260h-jul"],
  [
    ("07-09 02:50", "jiemian", "宇树科技回应被列入美防部清单：从未与任何军方合作，保留法律手段",
     "宇树科技今日发布声明称，公司是一家民用机器人企业，从未与任何国家的军方开展合作，网络流传视频中的改装产品系第三方行为，公司保留采取法律手段的权利。"),
    ("07-09 09:00", "globaltimes", "Unitree refutes US ‘military company’ label, says it will defend its lawful rights",
     "Chinese robotics firm Unitree said on Thursday it is a civilian company and has never cooperated with any military, after the US Department of Defense added it to its so-called 1260H list."),
    ("07-09 03:30", "sina", "宇树科技发声明：坚决反对美方错误认定 上市进程不受影响",
     "宇树科技表示，美方认定缺乏事实依据，公司产品均通过公开渠道销售；目前科创板上市工作正常推进。"),
    ("07-09 05:10", "reuters-tech", "Unitree denies military ties after Pentagon listing, says it may take legal action",
     "Chinese robot maker Unitree Robotics said on Thursday it had never cooperated with any military and that videos of its robots carrying weapons showed modifications by third parties, a day after the Pentagon named it a Chinese military company."),
    ("07-09 06:20", "etnet", "宇樹科技否認與軍方合作 稱保留採取法律行動權利",
     "被美國國防部列入中國軍事企業清單的宇樹科技發表聲明，強調公司從未與任何軍方合作，並保留法律追究權利。"),
    ("07-09 07:40", "scmp-tech", "Unitree rejects Pentagon’s ‘military company’ label, says robot dogs in PLA videos were modified by third parties | South China Morning Post",
     "In a statement on its WeChat account, the Hangzhou firm said it sells only civilian products through public channels and that its Star Market listing remained on track."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 9 Jul HK session: RoboSense (2498.HK) down as much as 21%, closes -15.8%
# at HK$28.60; Kingsoft Cloud (3896.HK) -11.2% at HK$5.12; Hang Seng -0.4%.
S("b-robosense-shares-jul", "b-stock-move-after-us-action",
  "RoboSense and Kingsoft Cloud shares slump in Hong Kong on Thu 9 Jul 2026, the first session after the Pentagon listing.",
  ["b-pentagon-1260h-jul", "b-unitree-denial-jul", "b-meituan-shares-aug", "b-tencent-shares-aug"],
  [
    ("07-09 02:10", "etnet", "速騰聚創開市急瀉兩成 金山雲跌逾一成 同遭美防部點名",
     "速騰聚創（02498）開市一度急跌21%，金山雲（03896）跌逾11%。兩股均被美國國防部列入中國軍事企業清單。"),
    ("07-09 08:35", "bloomberg", "RoboSense, Kingsoft Cloud Slump in Hong Kong After Pentagon Listing",
     "RoboSense Technology Co. fell the most since its 2024 debut as traders dumped Chinese firms named on the Pentagon's latest military list, while the broader Hang Seng Index slipped 0.4%."),
    ("07-09 08:50", "reuters-mkt", "Hong Kong-listed RoboSense, Kingsoft Cloud sink after Pentagon blacklisting",
     "Shares of lidar maker RoboSense closed down 15.8% at HK$28.60 in Hong Kong on Thursday, and Kingsoft Cloud fell 11.2%, after both were added to a U.S. list of companies allegedly linked to China's military."),
    ("07-09 09:20", "thestandard", "RoboSense plunges 16pc after Pentagon blacklisting",
     "Lidar maker RoboSense closed at HK$28.60 and Kingsoft Cloud slid 11.2 percent, a day after both were named on the US Defense Department's Chinese military companies list."),
    ("07-09 09:05", "sina-hk", "港股异动｜速腾聚创收跌15.8% 金山云跌11% 遭美国防部列入1260H清单",
     "速腾聚创收报28.6港元，跌15.8%；金山云收报5.12港元，跌11.2%。分析人士指，1260H清单虽非制裁，但可能影响海外客户合作。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 9 Jul, MFA spokesperson Mao Ning at regular briefing: US abuses state power
# to suppress Chinese firms, overstretches national security, China will take necessary
# measures.
S("b-mfa-1260h-jul", "b-mfa-response",
  "On Thu 9 Jul 2026 China's foreign ministry (Mao Ning) condemns the Pentagon's new 1260H listings.",
  ["b-pentagon-1260h-jul", "b-unitree-denial-jul", "b-mfa-taiwan-arms-sale-jun", "b-mfa-entity-list-sep"],
  [
    ("07-09 07:55", "reuters", "China slams Pentagon's addition of Unitree, Kingsoft Cloud to military list",
     "China's foreign ministry said on Thursday the United States was \"overstretching the concept of national security\" by naming more Chinese firms as military companies, and vowed to protect their rights."),
    ("07-09 08:30", "globaltimes", "FM slams US move to list Chinese firms as 'military companies', urges correction",
     "Chinese Foreign Ministry spokesperson Mao Ning said the US move is a typical example of abusing state power to suppress Chinese enterprises."),
    ("07-09 09:45", "singtao", "美防部點名宇樹等6企 外交部：將採取必要措施維護正當權益",
     "外交部發言人毛寧今日表示，美方將中國企業列入所謂清單，是泛化國家安全、濫用國家力量打壓中國企業的典型做法，中方堅決反對。"),
    ("07-09 11:40", "mfa", "2026年7月9日外交部发言人毛宁主持例行记者会", ""),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 15 Jul, Reuters (sources) first: Commerce has begun issuing licences for
# Nvidia to ship B30A (cut-down Blackwell, roughly half B300 compute) to approved
# Chinese customers, reversing May denial; Nvidia confirms it received licences; US
# government to take 15% of revenue. Nvidia shares +3.2%.
S("b-nvidia-b30a-licences-jul", "b-nvidia-china-chips",
  "On Wed 15 Jul 2026 the US grants Nvidia licences to sell its B30A AI chip to approved Chinese customers.",
  ["b-china-halts-nvidia-oct", "b-huawei-ascend-sep", "b-entity-list-sep", "b-house-letter-chip-smuggling-aug"],
  [
    ("07-15 13:40", "reuters-tech", "EXCLUSIVE-US grants Nvidia licences to sell B30A AI chip to China, sources say",
     "The U.S. Commerce Department has started issuing licences for Nvidia to ship its B30A artificial intelligence chip to some Chinese customers, two people familiar with the matter said, two months after the administration signalled it would not allow the sales."),
    ("07-15 15:10", "bloomberg-tech", "Nvidia Wins US Nod to Ship Blackwell-Based B30A Chips to China",
     "Nvidia Corp. confirmed it had received licenses to sell the B30A, a pared-back version of its Blackwell accelerator, to approved customers in China, under an arrangement that gives the US government 15% of the revenue."),
    ("07-15 16:00", "cnbc-tech", "Nvidia shares rise 3% after company confirms licenses for China B30A sales",
     "Nvidia shares gained 3.2% Wednesday. The company said it had received U.S. licenses for the B30A and would ship to approved customers; China accounted for 13% of revenue before curbs tightened."),
    ("07-15 18:30", "tomshw", "Nvidia's cut-down Blackwell B30A cleared for China: what we know about the chip",
     "The single-die B30A offers roughly half the compute of a B300 and uses HBM, making it far more capable than the H20 it replaces — which is why it took months of lobbying to clear."),
    ("07-16 00:20", "wallstreetcn", "英伟达确认获得B30A对华出口许可 美政府将抽成15%",
     "英伟达证实已获得美国商务部许可，可向获批的中国客户出售B30A芯片，美国政府将从相关收入中抽成15%。英伟达股价周三收涨3.2%。"),
    ("07-16 01:40", "yicai", "B30A获准出口中国：国内大厂采购意愿几何？",
     "在美国放行B30A之后，国内云厂商是否下单仍存变数。多位业内人士表示，在国产算力替代加速的背景下，采购决策将更加审慎。"),
    ("07-16 02:30", "ctee", "輝達B30A獲准銷中 台積電、鴻海供應鏈受惠",
     "美國商務部發出許可，輝達B30A可出貨予中國客戶，法人看好台積電、鴻海、廣達等供應鏈下半年出貨動能。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Thu 16 Jul, House passes the No Adversarial AI Act 352-61 (Moolenaar and
# Krishnamoorthi): bars federal agencies from procuring/using AI from companies tied to
# China, Russia, Iran, North Korea; names DeepSeek. Goes to Senate.
S("b-house-ai-bill-jul", "b-congress-bill",
  "On Thu 16 Jul 2026 the US House passes the No Adversarial AI Act barring federal use of Chinese AI such as DeepSeek.",
  ["b-ndaa-house-battery-sep", "b-house-letter-unitree-jun", "b-deepseek-r2-aug"],
  [
    ("07-16 20:30", "ccpcommittee", "House Passes Moolenaar-Krishnamoorthi No Adversarial AI Act", ""),
    ("07-16 21:15", "reuters-tech", "US House passes bill to ban federal use of DeepSeek, other Chinese AI",
     "The U.S. House of Representatives on Thursday voted 352-61 to bar federal agencies from buying or using artificial intelligence models developed by companies linked to China and other adversaries, including DeepSeek."),
    ("07-16 22:00", "thehill", "House votes overwhelmingly to keep Chinese AI off government systems",
     "The bipartisan No Adversarial AI Act now heads to the Senate, where a companion bill has stalled in committee."),
    ("07-17 02:30", "zaobao", "美众议院通过法案 禁止联邦机构使用DeepSeek等中国人工智能",
     "美国众议院星期四（7月16日）以352票对61票通过《无敌对人工智能法》，禁止联邦机构采购或使用来自中国等“敌对国家”企业开发的人工智能模型。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue 21 Jul: report that food-delivery subsidies escalated again (platforms' July
# summer campaign); Goldman cuts Meituan estimates. HSTECH -3.4% to 5,412; Meituan -8.1%,
# JD -4.6%, Alibaba -3.2%; HSI -400 pts (-1.6%) to 24,650.
S("b-hang-seng-tech-delivery-jul", "b-hang-seng-move",
  "Hong Kong tech stocks slump 3.4% on Tue 21 Jul 2026 as renewed food-delivery subsidy fears hit Meituan and JD.",
  ["b-meituan-shares-aug", "b-hang-seng-data-slide-nov", "b-meituan-q2-aug"],
  [
    ("07-21 04:30", "etnet", "外賣補貼戰再升溫 美團半日挫7% 恒生科指跌逾3%",
     "市傳外賣平台暑期補貼再度加碼，美團（03690）半日跌7%，京東集團（09618）跌4%；恒生科指半日跌3.1%。"),
    ("07-21 08:40", "bloomberg", "Meituan Leads Hong Kong Tech Rout as Delivery War Costs Mount",
     "Meituan tumbled 8.1% after Goldman Sachs cut its earnings estimates, citing a fresh round of summer subsidies in China's food delivery war, dragging the Hang Seng Tech Index down 3.4%."),
    ("07-21 09:10", "scmp-biz", "Hang Seng Tech index slumps 3.4% as Meituan, JD sink on renewed food-delivery subsidy fears",
     "Hong Kong's benchmark Hang Seng index fell 1.6% to 24,650, with internet stocks including Meituan, JD.com and Alibaba Group among the biggest drags."),
    ("07-21 10:30", "caixin", "外卖价格战忧虑重燃 恒生科技指数跌3.4%",
     "7月21日，恒生科技指数收跌3.4%，报5412点。美团跌8.1%，京东集团跌4.6%，阿里巴巴跌3.2%。有券商下调美团盈利预测，认为暑期补贴将令三季度亏损扩大。"),
    ("07-21 22:40", "hkej", "外賣戰燒錢無底 美團插8% 科指瀉3.4%",
     "外賣平台暑期補貼戰再起，高盛下調美團盈利預測，美團昨日急挫8.1%，拖累科指跌3.4%，恒指跌400點收24,650點。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Wed 22 Jul, Treasury OFAC sanctions 14 entities and 3 individuals in China,
# Hong Kong and Turkey for procuring drone engines and navigation parts for Iran's
# Shahed drone programme (supplied to Russia). Under Secretary John Hurley quote.
S("b-ofac-iran-drones-jul", "b-ofac-sanctions",
  "On Wed 22 Jul 2026 Treasury sanctions 14 entities in China, Hong Kong and Turkey for supplying Iran's drone programme.",
  ["b-ofac-shandong-refinery-oct", "b-entity-list-oct"],
  [
    ("07-22 14:30", "treasury", "Treasury Targets China-Based Network Supplying Iran's Drone Program", ""),
    ("07-22 15:20", "reuters-world", "US sanctions Chinese, Hong Kong firms over parts for Iranian drones",
     "The U.S. Treasury Department on Wednesday imposed sanctions on 14 entities and three individuals based in China, Hong Kong and Turkey that it said procured engines and navigation components for Iran's Shahed drone program."),
    ("07-22 16:10", "ap", "US sanctions companies in China and Hong Kong accused of supplying Iran's drone makers",
     "WASHINGTON (AP) — The Trump administration's campaign to choke off Iran's drone supply chain widened Wednesday as the Treasury Department sanctioned more than a dozen companies, most of them in China and Hong Kong."),
    ("07-22 16:25", "abc", "US sanctions companies in China and Hong Kong accused of supplying Iran's drone makers",
     "The Trump administration's campaign to choke off Iran's drone supply chain widened Wednesday as the Treasury Department sanctioned more than a dozen companies, most of them in China and Hong Kong."),
    ("07-23 00:50", "mingpao", "涉向伊朗無人機供零件 美制裁14實體 包括多間港企",
     "美國財政部宣布制裁14個實體及3名個人，指其為伊朗「見證者」無人機計劃採購引擎及導航零件，其中多間為香港註冊公司。"),
    ("07-23 01:30", "huanqiu", "美财政部又以涉伊朗无人机为由制裁多家中国企业",
     "美国财政部海外资产控制办公室宣布对14家实体和3名个人实施制裁，其中包括多家中国内地及香港企业。中方此前多次表示，坚决反对美方非法单边制裁和“长臂管辖”。"),
  ])

# ---------------------------------------------------------------------------
# FACTS: Fri 24 Jul 10:00 Beijing, State Council Information Office releases white paper
# 《新时代中国的国防与军队建设》, first defence white paper since 2019: reaffirms nuclear
# no-first-use; PLA to reach 2027 centenary goal; Taiwan: "never promise to renounce the
# use of force"; 2026 defence budget 1.91tn yuan (+7%); criticises US "hegemonism".
S("b-pla-defence-white-paper-jul", "b-pla-white-paper",
  "On Fri 24 Jul 2026 China publishes its first defence white paper since 2019.",
  ["b-pla-drills-jun", "b-carrier-sea-trial-sep", "b-pla-drills-oct"],
  [
    ("07-24 02:10", "xinhua", "国务院新闻办公室发表《新时代中国的国防与军队建设》白皮书",
     "新华社北京7月24日电 国务院新闻办公室24日发表《新时代中国的国防与军队建设》白皮书。白皮书全文约2.8万字，除前言、结束语外共分为六个部分。"),
    ("07-24 03:30", "reuters-world", "China issues first defence white paper in seven years, vows to 'never renounce' force over Taiwan",
     "China published its first defence white paper since 2019 on Friday, reaffirming a no-first-use nuclear policy while saying it would never promise to renounce the use of force to bring Taiwan under its control."),
    ("07-24 04:40", "cna", "中國發布國防白皮書 對台「絕不承諾放棄使用武力」",
     "（中央社台北24日電）中國國務院新聞辦公室今天發布7年來首份國防白皮書，重申對台「絕不承諾放棄使用武力」，並稱共軍將如期實現建軍百年奮鬥目標。"),
    ("07-24 05:00", "scmp-mil", "China’s defence white paper stresses 2027 centenary goal and nuclear ‘no first use’ | South China Morning Post",
     "The document, released a week before the PLA's 99th anniversary, devotes a full chapter to 'hegemonism' and lists the 2026 defence budget at 1.91 trillion yuan."),
    ("07-24 07:20", "guancha", "国防白皮书时隔七年再发布，透露哪些新信息？",
     "与2019年版相比，新版白皮书新增“新域新质作战力量”章节，首次系统阐述无人作战与太空力量建设。"),
    ("07-24 13:00", "defensenews", "China's new defense white paper: What it says about the PLA's 2027 goals",
     "Beijing's first defense white paper in seven years offers few numbers beyond the budget but signals priorities in unmanned systems, space and joint command, analysts say."),
  ])

# ---------------------------------------------------------------------------
# FACTS: Tue-Wed 28-29 Jul, London: Bessent and USTR Greer meet Vice Premier He Lifeng.
# Ended Wed 29 Jul: "candid, in-depth and constructive"; agreed to keep pushing for
# extension of the tariff truce expiring 10 Nov (24% reciprocal tariff suspended);
# discussed fentanyl tariff, soybeans, export controls; no deal; Bessent: leaders will
# decide. China's trade negotiator Li Chenggang briefs Chinese media.
S("b-trade-talks-london-jul", "b-us-china-trade-talks",
  "US-China trade talks in London (Bessent, Greer, He Lifeng) end on Wed 29 Jul 2026 without a truce-extension deal.",
  ["b-truce-extension-nov", "b-trump-xi-summit-nov", "b-adr-rally-summit-oct"],
  [
    ("07-29 16:45", "reuters-world", "US, China end London trade talks with no deal on truce extension, Bessent says leaders will decide",
     "U.S. and Chinese officials wrapped up two days of trade talks in London on Wednesday without announcing an extension of their tariff truce, with Treasury Secretary Scott Bessent saying the final decision rested with President Donald Trump and Chinese President Xi Jinping."),
    ("07-29 17:30", "bloomberg-pol", "Bessent Says US-China Talks in London ‘Constructive’ as Truce Deadline Looms",
     "Treasury Secretary Scott Bessent said two days of talks with Vice Premier He Lifeng were constructive, with progress on soybeans and fentanyl, but the two sides left the Nov. 10 deadline for the trade truce unresolved."),
    ("07-29 18:10", "cnbc", "Bessent: U.S.-China talks made progress on soybeans and fentanyl, but final call rests with Trump",
     "The tariff truce, which suspends a 24% reciprocal tariff on Chinese goods, expires Nov. 10. Bessent said he would brief Trump on his return to Washington."),
    ("07-29 18:30", "xinhua", "中美经贸磋商在伦敦举行",
     "新华社伦敦7月29日电 中共中央政治局委员、国务院副总理何立峰28日至29日在伦敦与美方牵头人美国财长贝森特和贸易代表格里尔举行中美经贸会谈。双方进行了坦诚、深入、富有建设性的交流。"),
    ("07-30 00:40", "yicai", "李成钢：中美双方同意继续推动已暂停的24%对等关税如期展期",
     "商务部国际贸易谈判代表兼副部长李成钢在伦敦会谈后向媒体表示，双方将继续推动24%对等关税暂停期展期，并就出口管制等问题深入交换意见。"),
    ("07-30 01:30", "zaobao", "中美伦敦会谈落幕 关税休战延期待两国元首拍板",
     "中美经贸磋商星期三（7月29日）在伦敦结束，美国财长贝森特说，关税休战是否延期将由两国元首决定。"),
    ("07-30 02:10", "hket", "中美倫敦談判結束 貝森特：最終由特朗普決定",
     "中美兩日經貿會談結束，雙方未宣布延長關稅休戰。美國財長貝森特稱大豆及芬太尼議題取得進展，但須待特朗普拍板；現行休戰期11月10日屆滿。"),
  ])
