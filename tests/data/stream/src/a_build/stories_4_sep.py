# Part A, September 2026 (busy US-action week Sept 14-19).
from common import I, S

# ---------------------------------------------------------------- Wed 2026-09-02 (Chinese only)
S("a-taobao-shangou-county", "a-taobao-feature",
  "Taobao Instant Commerce (淘宝闪购) says on Wed 2026-09-02 it will extend its instant-delivery service to 1,200 "
  "county-level towns by year-end and add 300,000 rider jobs; reported only in Chinese.",
  ["a-taobao-ai-shopping-agent", "a-samr-fine", "a-double11-kickoff"],
  [
    I("36kr", "09-02 02:30", "淘宝闪购下沉：年内覆盖1200个县城",
      "淘宝闪购今日宣布启动“县域计划”，年底前将即时配送服务扩展至1200个县城，并新增30万个骑手岗位。"),
    I("thepaper", "09-02 04:00", "淘宝闪购宣布进军县域市场 将新增30万骑手岗位",
      "淘宝闪购方面表示，县域计划将与本地商超、药店合作，主打“30分钟送达”。"),
    I("singtao", "09-02 05:30", "淘寶閃購擴至1200縣城 增30萬騎手職位",
      "阿里巴巴旗下淘寶閃購宣布，年底前即時配送服務將覆蓋1,200個縣城，外賣戰由一二線城市延伸至縣域。"),
  ])

# ---------------------------------------------------------------- Tue 2026-09-08 22:35 UTC / Wed 2026-09-09
S("a-convertible-bond-offering", "a-financing",
  "Alibaba launches (Tue 2026-09-08 22:35 UTC, before the Hong Kong open) and prices on Wed 2026-09-09 a US$3.2 billion "
  "offering of convertible senior notes due 2032 (0.5% coupon, 30% conversion premium) to fund cloud infrastructure and "
  "international commerce; Hong Kong shares fall 3.8% that day, mentioned in the coverage.",
  ["a-dim-sum-bond", "a-buyback-upsized", "a-moodys-outlook-negative", "a-results-jun-q-2026"],
  [
    I("hkexnews-alibaba", "09-08 22:35", "VOLUNTARY ANNOUNCEMENT - PROPOSED OFFERING OF CONVERTIBLE SENIOR NOTES", ""),
    I("sec-edgar-6k", "09-08 22:41", "6-K - Alibaba Group Holding Ltd (0001577552) (Filer)", ""),
    I("bloomberg-markets", "09-08 22:50", "Alibaba Plans $3.2 Billion Convertible Bond Sale to Fund AI Push",
      "Alibaba Group Holding Ltd. is offering $3.2 billion of bonds that can be converted into its shares, returning to "
      "the equity-linked market to pay for data centers."),
    I("reuters-business", "09-09 00:10", "Alibaba to raise $3.2 billion via convertible notes for cloud expansion",
      "Alibaba Group said on Wednesday it planned to raise $3.2 billion by selling convertible notes due 2032, using the "
      "proceeds to expand its cloud infrastructure and international commerce business."),
    I("etnet", "09-09 01:45", "阿里巴巴(09988)擬發32億美元可換股債券",
      "阿里巴巴公布，建議發行本金總額32億美元、2032年到期的可換股優先票據，所得款項用於雲基建及國際商業。股價開市跌3%。"),
    I("sina-finance", "09-09 02:10", "阿里巴巴拟发行32亿美元可转换优先票据",
      "阿里巴巴-W(09988)公告，拟发行32亿美元2032年到期可转换优先票据，募资用于加强云计算基础设施。受消息影响，股价低开3%。"),
    I("scmp-business", "09-09 05:30",
      "Alibaba taps convertible bond market for US$3.2 billion to fund AI data centres",
      "Alibaba's Hong Kong shares fell 3.8 per cent as investors weighed potential dilution from the second "
      "equity-linked deal in two years."),
    I("mingpao", "09-09 22:15", "阿里32億美元可換股債定價 票息0.5厘",
      "阿里巴巴昨公布，32億美元可換股優先票據定價，票息0.5厘，換股溢價30%。阿里股價昨日收跌3.8%。"),
    I("ifr", "09-09 09:30", "Alibaba prices US$3.2bn CB at 0.5% coupon, 30% premium",
      "The deal came at the tight end of terms, with a concurrent delta placement."),
  ])

# ---------------------------------------------------------------- Thu 2026-09-10
S("a-jack-ma-27th-anniversary", "a-anniversary",
  "Jack Ma appears at Alibaba's 27th anniversary event in Hangzhou on Thu 2026-09-10 and tells staff Alibaba must "
  "'start again' in the AI era.",
  ["a-wu-letter-qwen-business-group", "a-apsara-ai-capex-pledge"],
  [
    I("sina-tech", "09-10 09:00", "马云现身阿里27周年庆 称“AI时代阿里要重新创业”",
      "9月10日，阿里巴巴在杭州举行27周年庆活动，马云现身并发表讲话，称AI不会取代电商，但会重塑一切，“阿里要像27年前一样重新创业”。"),
    I("jiemian", "09-10 09:40", "阿里巴巴27周年：马云对员工说“不要害怕犯错”",
      "马云在讲话中多次提到AI，并称阿里过去两年“找回了创业公司的状态”。"),
    I("hk01", "09-10 10:20", "馬雲現身阿里27周年 籲員工擁抱AI「重新創業」",
      "阿里巴巴創辦人馬雲今日現身杭州阿里巴巴27周年活動，勉勵員工在AI時代重新創業。"),
    I("scmp-tech", "09-10 11:30",
      "Jack Ma tells Alibaba staff to 'start again' in AI era at company's 27th anniversary",
      "The Alibaba founder made a rare public appearance at the company's Hangzhou campus, which Alibaba said drew "
      "more than 20,000 employees."),
    I("bloomberg-technology", "09-10 10:40", "Jack Ma Makes Rare Appearance at Alibaba's 27th Anniversary",
      "The Alibaba co-founder urged staff to embrace AI and to 'start again' as the company did in 1999."),
  ])

# ---------------------------------------------------------------- Mon 2026-09-14
S("a-house-letter-commerce-cloud", "a-us-congress-letter",
  "House China select committee chairman John Moolenaar and 14 committee members write to Commerce Secretary Howard "
  "Lutnick on Mon 2026-09-14 urging him to bar Alibaba Cloud from serving US customers and blacklist its overseas units, "
  "citing Qwen use by PLA-affiliated institutes.",
  ["a-senators-letter-index-providers", "a-commerce-icts-probe", "a-bis-entity-list-cloud-affiliates",
   "a-senate-foreign-cloud-bill", "a-pentagon-contractor-cloud-ban"],
  [
    I("house-china-committee", "09-14 15:30", "Moolenaar, Committee Members Urge Commerce to Cut Off Alibaba Cloud",
      "Chairman John Moolenaar and 14 Members of the Select Committee on the CCP sent a letter to Secretary Lutnick "
      "calling for swift action against Alibaba Cloud."),
    I("reuters-china", "09-14 17:10", "US lawmakers urge Commerce to bar Alibaba Cloud, citing military AI use",
      "A group of U.S. lawmakers on Monday urged the Commerce Department to bar Alibaba Group's cloud unit from serving "
      "American customers, saying its Qwen AI models were being used by institutes tied to China's military."),
    I("the-record", "09-14 18:30", "House China panel presses Lutnick to wrap up Alibaba Cloud probe",
      "The letter asks Commerce to finish the ICTS review it opened in June and to add Alibaba Cloud's overseas units "
      "to the Entity List."),
    I("scmp-china", "09-14 23:50",
      "US lawmakers tell Commerce to block Alibaba Cloud, saying Qwen 'powers PLA research'",
      "The letter cites papers by researchers at the PLA's National University of Defense Technology that used Qwen models."),
    I("zaobao", "09-15 01:30", "美国众议院议员致函商务部 要求限制阿里云",
      "美国众议院“中国特设委员会”主席穆勒纳尔等15名议员致函商务部长卢特尼克，要求禁止阿里云为美国客户提供服务。"),
    I("ltn", "09-15 02:10", "美眾議員聯名致函商務部 促封殺阿里雲",
      "美國聯邦眾議院「美中戰略競爭特設委員會」主席穆勒納爾等15名議員聯名致函商務部長盧特尼克，要求禁止阿里雲服務美國客戶。"),
    I("bloomberg-markets", "09-14 18:05", "House China Panel Urges Commerce to Block Alibaba Cloud in US",
      "The lawmakers asked Secretary Howard Lutnick to respond by Oct. 1."),
  ])

# ---------------------------------------------------------------- Tue 2026-09-15 20:40 UTC
S("a-pentagon-contractor-cloud-ban", "a-us-pentagon",
  "The Pentagon (Department of War) issues a class deviation on Tue 2026-09-15 barring defense contractors from using "
  "cloud services of companies on the 1260H list, naming Alibaba Cloud, in performing defense contracts from Dec 1.",
  ["a-pentagon-rejects-delisting", "a-alibaba-denies-pentagon", "a-bis-entity-list-cloud-affiliates",
   "a-fcc-covered-list-proposal", "a-house-letter-commerce-cloud", "a-senate-foreign-cloud-bill"],
  [
    I("war-gov-releases", "09-15 20:40",
      "Department of War Issues Class Deviation Prohibiting Contractor Use of Cloud Services From Chinese Military Companies", ""),
    I("reuters-china", "09-15 21:25", "Pentagon bars contractors from using Alibaba Cloud on defense work",
      "The Pentagon on Tuesday ordered defense contractors to stop using cloud services from companies it has designated "
      "as Chinese military companies, naming Alibaba Group's cloud unit, starting Dec. 1."),
    I("bloomberg-markets", "09-15 21:50", "Pentagon Orders Contractors to Drop Alibaba Cloud by December",
      "The move by the Department of War extends the consequences of Alibaba Group Holding Ltd.'s 1260H designation "
      "to the defense supply chain."),
    I("gnews-alibaba", "09-15 22:10", "Pentagon Tells Contractors to Cut Ties With Alibaba Cloud - WSJ", "",
      source="The Wall Street Journal"),
    I("breaking-defense", "09-15 22:30",
      "DoW class deviation bans 1260H cloud providers from defense contracts, starting with Alibaba",
      "Contracting officers must insert the new clause into solicitations and existing contracts at the next modification."),
    I("scmp-china", "09-16 01:20", "Pentagon moves to ban Alibaba Cloud from US defence supply chain",
      "The class deviation takes effect on December 1 and applies to subcontractors as well."),
    I("cna", "09-16 01:40", "美國防部禁承包商使用阿里雲 12月起生效",
      "（中央社華盛頓15日綜合外電報導）美國國防部今天要求國防承包商停止使用被列為中國軍事企業者提供的雲端服務，阿里雲首當其衝。"),
    I("sina-finance", "09-16 02:00", "美国国防部要求承包商停用阿里云服务",
      "美国国防部发布采购规则偏离通知，自12月1日起禁止国防承包商在履约中使用“1260H清单”企业的云服务，阿里云被点名。"),
  ])

# ---------------------------------------------------------------- Wed 2026-09-16 00:50 UTC (before HK open)
S("a-alibaba-denies-pentagon", "a-alibaba-statement",
  "Alibaba issues an HKEX statement before the Hong Kong open on Wed 2026-09-16 calling the Pentagon's contractor cloud "
  "ban groundless, repeating it is not a military company and saying revenue at stake is below 0.1% of the total.",
  ["a-pentagon-contractor-cloud-ban", "a-mfa-response-us-cloud-actions", "a-mofcom-response-entity-list",
   "a-alibaba-sues-commerce"],
  [
    I("hkexnews-alibaba", "09-16 00:50",
      "VOLUNTARY ANNOUNCEMENT - RESPONSE TO U.S. DEPARTMENT OF WAR CLASS DEVIATION", ""),
    I("etnet", "09-16 01:10", "阿里巴巴(09988)澄清非中國軍事企業 指美國防部指引對業務影響輕微",
      "阿里巴巴發公告回應美國國防部禁止承包商使用阿里雲，重申並非中國軍事企業，相關收入佔集團總收入不足0.1%。"),
    I("sina-finance", "09-16 01:25", "阿里巴巴回应美国防部禁令：毫无依据，对业务无重大影响",
      "阿里巴巴-W(09988)公告称，美方决定“毫无事实依据”，阿里巴巴与美国国防部无任何合同，受影响收入占比低于0.1%。"),
    I("reuters-china", "09-16 01:35", "Alibaba says Pentagon contractor ban has no basis, impact immaterial",
      "Alibaba Group said on Wednesday that a U.S. Pentagon order barring defense contractors from using its cloud "
      "services had no basis, and that the revenue at stake was less than 0.1% of its total."),
    I("bloomberg-markets", "09-16 01:55", "Alibaba Says Pentagon Cloud Ban Won't Materially Hurt Business",
      "Alibaba Group Holding Ltd. said it would take all necessary steps to protect the interests of shareholders."),
    I("hket", "09-16 02:00", "阿里發聲明駁美防部 指對業務影響不大",
      "阿里巴巴今早發聲明，指美國國防部禁令「毫無根據」，重申從未與任何軍方合作開發產品。"),
    I("scmp-tech", "09-16 03:30",
      "Alibaba calls Pentagon's cloud ban 'groundless', says less than 0.1% of revenue at stake",
      "Alibaba, which owns the Post, said it had no contracts with the US Department of War."),
    I("cnbc-world", "09-16 02:30", "Alibaba says Pentagon ban on its cloud services for contractors has 'no basis'",
      "Alibaba said revenue affected by the Pentagon's guidance is less than 0.1% of its total, and that it has no "
      "contracts with the U.S. military."),
  ])

# ---------------------------------------------------------------- Wed 2026-09-16 16:05 UTC
S("a-fcc-covered-list-proposal", "a-us-fcc",
  "The FCC votes on circulation on Wed 2026-09-16 to propose adding Alibaba Cloud's services to its Covered List of "
  "communications equipment and services deemed national security threats.",
  ["a-fcc-covered-list-final", "a-pentagon-contractor-cloud-ban", "a-bis-entity-list-cloud-affiliates"],
  [
    I("fcc-headlines", "09-16 16:05", "FCC Proposes Adding Alibaba Cloud Services to Covered List", ""),
    I("reuters-tech", "09-16 16:40", "FCC moves to add Alibaba Cloud to list of national security threats",
      "The Federal Communications Commission said on Wednesday it was proposing to add Alibaba Group's cloud services "
      "to its so-called Covered List, a step that would bar the use of federal subsidies to buy them."),
    I("the-record", "09-16 18:00", "FCC starts process to put Alibaba Cloud on Covered List",
      "Chairman Brendan Carr said the agency acted on a national security determination from other federal agencies."),
    I("cna", "09-17 00:30", "美國FCC擬將阿里雲列入國安威脅清單",
      "（中央社華盛頓16日綜合外電報導）美國聯邦通訊委員會（FCC）今天表示，擬將阿里雲服務列入「涵蓋清單」，認定其對美國國安構成威脅。"),
    I("zaobao", "09-17 01:10", "美联邦通信委员会拟将阿里云列入“受管制清单”",
      "这是一周内美国政府针对阿里云的第二项行动。"),
    I("lightreading", "09-16 19:10", "FCC proposes Covered List designation for Alibaba Cloud",
      "Carrier customers of Alibaba Cloud would lose access to USF support for those services."),
  ])

# ---------------------------------------------------------------- Thu 2026-09-17 20:45 UTC (after US close)
S("a-bis-entity-list-cloud-affiliates", "a-us-commerce",
  "Commerce's BIS adds seven overseas Alibaba Cloud affiliates (Singapore, Malaysia, Indonesia, Thailand, UAE, Mexico) "
  "to the Entity List on Thu 2026-09-17 at 20:45 UTC, cutting off US chips; ADRs fall about 4% after hours in the same "
  "evening's coverage; Federal Register notice on Sept 18.",
  ["a-commerce-icts-probe", "a-icts-initial-determination", "a-pentagon-contractor-cloud-ban",
   "a-fcc-covered-list-proposal", "a-shares-fall-bis-blacklist", "a-mofcom-response-entity-list",
   "a-alibaba-sues-commerce", "a-house-letter-commerce-cloud"],
  [
    I("bis-press", "09-17 20:45", "Commerce Adds Seven Alibaba Cloud Affiliates to the Entity List",
      "WASHINGTON, D.C. - Today, the Department of Commerce's Bureau of Industry and Security (BIS) added seven overseas "
      "affiliates of Alibaba Cloud to the Entity List for acting contrary to the national security interests of the "
      "United States."),
    I("reuters-china", "09-17 21:05", "US adds Alibaba Cloud's overseas units to trade blacklist",
      "The U.S. Commerce Department on Thursday added seven overseas affiliates of Alibaba Group's cloud business to its "
      "entity list, restricting their access to American technology including advanced AI chips.",
      link="https://www.reuters.com/world/china/us-adds-alibaba-clouds-overseas-units-trade-blacklist-2026-09-17/"),
    I("reuters-business", "09-17 21:05", "US adds Alibaba Cloud's overseas units to trade blacklist",
      "The U.S. Commerce Department on Thursday added seven overseas affiliates of Alibaba Group's cloud business to its "
      "entity list, restricting their access to American technology including advanced AI chips.",
      link="https://www.reuters.com/world/china/us-adds-alibaba-clouds-overseas-units-trade-blacklist-2026-09-17/"),
    I("bloomberg-technology", "09-17 21:15", "US Blacklists Alibaba Cloud Units in Asia, Middle East Over Military Ties",
      "The Commerce Department targeted Alibaba Group Holding Ltd. subsidiaries in Singapore, Malaysia, Indonesia, "
      "Thailand, the United Arab Emirates and Mexico, Secretary Howard Lutnick said in a statement."),
    I("wallstreetcn", "09-17 21:30", "美国商务部将7家阿里云海外实体列入“实体清单” 阿里美股盘后跌超4%",
      "美国商务部工业与安全局（BIS）宣布，将阿里云位于新加坡、马来西亚、印尼等地的7家关联公司列入实体清单。阿里巴巴美股盘后跌超4%。"),
    I("cnbc-world", "09-17 21:40", "Alibaba shares fall 4% after hours as U.S. blacklists its overseas cloud affiliates",
      "Alibaba's U.S.-listed shares dropped about 4% in extended trading Thursday after the Commerce Department added "
      "seven of its cloud affiliates to the entity list. The listing means suppliers need a license, likely to be denied, "
      "to ship U.S. technology to the units."),
    I("reuters-tech", "09-17 22:30",
      "UPDATE 2-US blacklists Alibaba Cloud units abroad, cutting off access to Nvidia chips",
      "The U.S. Commerce Department on Thursday added seven overseas affiliates of Alibaba Group's cloud business to its "
      "entity list, barring them from buying advanced Nvidia and AMD processors for data centres outside China and "
      "dealing a blow to Alibaba's plans to expand its cloud business in Southeast Asia, the Middle East and Mexico. "
      "The units, in Singapore, Malaysia, Indonesia, Thailand, the United Arab Emirates and Mexico, were listed for "
      "supporting the modernisation of China's military, Commerce Secretary Howard Lutnick said. It was the third U.S. "
      "action against Alibaba this week, after a Pentagon order on contractors and an FCC proposal. Alibaba's U.S. "
      "shares fell about 4% after hours. Alibaba did not immediately respond to a request for comment."),
    I("gnews-alibaba", "09-17 22:20", "US blacklists Alibaba's overseas cloud arms - Financial Times", "",
      source="Financial Times"),
    I("caixin", "09-18 00:20", "美国将阿里云七家海外关联公司列入实体清单",
      "被列入的实体包括阿里云新加坡、马来西亚、印尼、泰国、阿联酋及墨西哥子公司，今后获取美国先进芯片需申请许可证，原则上推定拒绝。"),
    I("scmp-tech", "09-18 00:40",
      "US blacklists 7 Alibaba Cloud affiliates, including Singapore and Malaysia units, in escalation",
      "The move, coming two days after the Pentagon barred its contractors from Alibaba Cloud, threatens the company's "
      "plan to build AI data centres in Southeast Asia and Mexico."),
    I("yicai", "09-18 00:55", "美商务部将阿里云海外子公司列入实体清单 涉新加坡、马来西亚等六国",
      "这是继美国国防部、联邦通信委员会之后，本周第三个针对阿里云的美国政府行动。"),
    I("udn", "09-18 01:30", "美商務部將阿里雲7家海外子公司列入實體清單",
      "美國商務部工業暨安全局宣布，將阿里雲位於新加坡、馬來西亞等地的7家海外關係企業列入實體清單。"),
    I("money-udn", "09-18 03:10", "美制裁阿里雲海外據點 輝達晶片恐斷供",
      "阿里雲海外子公司被列入實體清單後，將難以取得輝達等美國業者的先進AI晶片。"),
    I("federalregister-bis", "09-18 13:00", "Additions to the Entity List",
      "In this rule, the Bureau of Industry and Security (BIS) amends the Export Administration Regulations (EAR) by adding "
      "seven entities to the Entity List. These seven entities have been determined by the U.S. Government to be acting "
      "contrary to the national security or foreign policy interests of the United States. These entities will be listed "
      "on the Entity List under the destinations of Indonesia, Malaysia, Mexico, Singapore, Thailand, and the United Arab "
      "Emirates."),
  ])

# ---------------------------------------------------------------- Fri 2026-09-18 (HK session, then US session)
S("a-shares-fall-bis-blacklist", "a-share-move",
  "Market reaction to the BIS listing in the first full trading day, Fri 2026-09-18: Alibaba falls 7.8% in Hong Kong "
  "to HK$130.4, dragging Hang Seng Tech down 2.6%, and ADRs fall 6.3% in New York.",
  ["a-bis-entity-list-cloud-affiliates", "a-hang-seng-selloff-june", "a-shares-fall-macquarie-downgrade",
   "a-shares-fall-sep-q-results"],
  [
    I("hket", "09-18 01:40", "阿里巴巴低開逾7% 美擴大制裁阿里雲",
      "美國商務部將阿里雲7家海外子公司列入實體清單，阿里巴巴今早低開7.2%，報131.3元。"),
    I("bloomberg-markets", "09-18 02:20", "Alibaba Slumps in Hong Kong After US Blacklists Cloud Affiliates",
      "Alibaba Group Holding Ltd. fell as much as 8.5% in Hong Kong, the most since January, after the US added its "
      "overseas cloud units to a trade blacklist."),
    I("etnet", "09-18 08:10", "阿里巴巴(09988)收跌7.8% 市值蒸發逾2,000億",
      "阿里巴巴今日收報130.4元，跌7.8%，成交額逾210億元，拖累恒生科技指數跌2.6%。"),
    I("sina-finance", "09-18 08:20", "港股收评：阿里巴巴跌7.8% 恒生科技指数跌2.6%",
      "截至收盘，恒生指数跌1.1%，恒生科技指数跌2.6%。阿里巴巴-W(09988)跌7.8%，为科技股中跌幅最大。"),
    I("reuters-markets", "09-18 08:30",
      "Alibaba shares sink nearly 8% in Hong Kong, drag tech index after US blacklisting",
      "Alibaba Group's Hong Kong shares fell 7.8% on Friday, their biggest drop since January, after Washington added "
      "its overseas cloud affiliates to a trade blacklist, the third U.S. action against the company this week."),
    I("scmp-markets", "09-18 09:10",
      "Hong Kong stocks retreat as Alibaba tumbles 7.8% on US entity list move | South China Morning Post",
      "The Hang Seng Index fell 1.1 per cent. Alibaba owns the Post."),
    I("marketwatch", "09-18 20:15", "Alibaba stock sinks 6% after U.S. blacklists cloud affiliates",
      "Alibaba's U.S.-listed shares fell 6.3% Friday, their worst day since January, extending after-hours losses "
      "from Thursday's Commerce Department action."),
    I("cnbc-world", "09-18 03:15", "Alibaba shares slide nearly 8% in Hong Kong after U.S. blacklists cloud affiliates",
      "Alibaba shares fell as much as 8.5% in Hong Kong on Friday. The Hang Seng Tech index was down 2.3%."),
  ])

# ---------------------------------------------------------------- Fri 2026-09-18 MFA press conference
S("a-mfa-response-us-cloud-actions", "a-china-response",
  "China's foreign ministry spokesperson Guo Jiakun, at the regular briefing on Fri 2026-09-18, says China firmly opposes "
  "the US measures against Alibaba Cloud (Pentagon contractor ban, entity listing) and will safeguard Chinese firms' rights.",
  ["a-mofcom-response-entity-list", "a-mfa-response-index-letter", "a-alibaba-denies-pentagon"],
  [
    I("huanqiu", "09-18 08:10", "外交部回应美方打压阿里云：坚决反对泛化国家安全概念",
      "在今天的外交部例行记者会上，发言人郭嘉昆就美方对阿里云采取的一系列限制措施答问时表示，中方坚决反对美方泛化国家安全概念，"
      "滥用国家力量打压中国企业。"),
    I("reuters-china", "09-18 08:45", "China says it firmly opposes US measures against Alibaba Cloud",
      "China's foreign ministry said on Friday it firmly opposed U.S. measures targeting Alibaba Group's cloud business "
      "and would resolutely safeguard the legitimate rights of Chinese companies."),
    I("cna", "09-18 09:00", "中國外交部回應阿里雲遭美制裁：堅決反對",
      "（中央社台北18日電）中國外交部發言人郭嘉昆今天在例行記者會上表示，中方堅決反對美方將經貿科技問題政治化、工具化。"),
    I("zaobao", "09-18 09:30", "中国外交部：坚决反对美方无理打压中国企业",
      "郭嘉昆说，美方做法违背市场经济原则，中方将坚定维护中国企业正当合法权益。"),
    I("fmprc", "09-18 09:30", "2026年9月18日外交部发言人郭嘉昆主持例行记者会", ""),
    I("global-times", "09-18 10:20", "FM slams US 'abuse of state power' in targeting Alibaba Cloud",
      "Chinese Foreign Ministry spokesperson Guo Jiakun said on Friday that the US has been overstretching the concept "
      "of national security to suppress Chinese firms."),
    I("scmp-china", "09-18 10:40", "Beijing hits back at Washington's week of actions against Alibaba Cloud",
      "Foreign ministry spokesman Guo Jiakun accused the US of 'overstretching the concept of national security'."),
  ])

# ---------------------------------------------------------------- Sat 2026-09-19 MOFCOM
S("a-mofcom-response-entity-list", "a-china-response",
  "China's commerce ministry spokesperson says on Sat 2026-09-19 that China is strongly dissatisfied with the US entity "
  "listing of Alibaba Cloud's overseas affiliates and will take necessary measures.",
  ["a-mfa-response-us-cloud-actions", "a-bis-entity-list-cloud-affiliates", "a-alibaba-denies-pentagon"],
  [
    I("mofcom", "09-19 02:30", "商务部新闻发言人就美方将阿里云海外关联公司列入实体清单答记者问", ""),
    I("xinhua", "09-19 02:50", "商务部：将采取必要措施 坚决维护中国企业正当权益",
      "商务部新闻发言人表示，美方将阿里云海外关联公司列入出口管制实体清单，中方对此强烈不满、坚决反对。"),
    I("reuters-china", "09-19 04:10",
      "China's commerce ministry vows 'necessary measures' after US blacklists Alibaba Cloud units",
      "China's commerce ministry said on Saturday it would take necessary measures to protect Chinese companies after "
      "the United States added overseas affiliates of Alibaba's cloud unit to its entity list."),
    I("mingpao", "09-19 05:00", "商務部誓言反制 美將阿里雲列實體清單",
      "國家商務部發言人表示，將採取必要措施，堅決維護中國企業正當權益。"),
    I("scmp-china", "09-19 06:30",
      "Beijing vows countermeasures over US blacklisting of Alibaba Cloud's overseas affiliates",
      "The commerce ministry did not specify what measures it would take."),
    I("global-times", "09-19 05:40",
      "MOFCOM firmly opposes US adding Alibaba Cloud overseas affiliates to Entity List, vows necessary measures",
      "A spokesperson for China's Ministry of Commerce said the affiliates serve civilian commercial customers."),
    I("bloomberg-markets", "09-19 06:10", "China Vows Steps to Protect Firms After US Blacklists Alibaba Cloud Units",
      "The Commerce Ministry's weekend statement did not name specific countermeasures."),
  ])

# ---------------------------------------------------------------- Mon 2026-09-21 (column, singleton)
S("a-hkej-column-cloud-siege", "a-opinion",
  "信報 commentary column (print, Mon 2026-09-21) on the US measures against Alibaba Cloud; no new event.",
  ["a-breakingviews-ai-capex", "a-lex-column-alibaba"],
  [
    I("hkej", "09-20 22:30", "阿里雲出海遇寒流 美國圍堵何時休",
      "一周之內，美國國防部、聯邦通訊委員會及商務部先後對阿里雲出手，市場焦點已由「阿里會否受制裁」轉為「制裁會去到幾盡」。"
      "筆者認為，海外雲業務佔阿里收入比重雖小，但卻是集團AI出海的唯一載體；若東南亞及中東數據中心無法取得先進晶片，"
      "阿里以千問打入國際市場的策略勢必要重新盤算。投資者不宜單看短期股價反彈，而應留意美方下一步會否觸及阿里雲在美業務本身。"),
  ])

# ---------------------------------------------------------------- Thu 2026-09-24 Apsara Conference
S("a-apsara-ai-capex-pledge", "a-ai-investment",
  "At the Apsara Conference in Hangzhou on Thu 2026-09-24, CEO Eddie Wu raises Alibaba's three-year AI infrastructure "
  "spending plan to more than 480 billion yuan from 380 billion and announces data centres in five more countries; "
  "shares rise in Hong Kong during the keynote.",
  ["a-breakingviews-ai-capex", "a-qwen5-release", "a-cloud-latam-datacentres", "a-results-jun-q-2026",
   "a-thead-hanguang-900-chip"],
  [
    I("sina-tech", "09-24 02:25", "吴泳铭云栖大会演讲：阿里AI基础设施投入将提升至4800亿元以上",
      "9月24日，2026云栖大会在杭州开幕。阿里巴巴集团CEO吴泳铭表示，阿里将在原有3800亿元投入计划基础上追加投入，"
      "未来三年AI基础设施投入将超过4800亿元。"),
    I("bloomberg-technology", "09-24 02:50", "Alibaba Lifts AI Spending Target to Over 480 Billion Yuan",
      "Alibaba Group Holding Ltd. will spend more than 480 billion yuan ($67 billion) on AI infrastructure over three "
      "years, Chief Executive Officer Eddie Wu said, raising a target set in early 2025."),
    I("yicai", "09-24 03:05", "阿里巴巴追加千亿AI投资 三年投入超4800亿元",
      "吴泳铭称，全球AI投资仍处于早期，算力“供不应求”的局面将持续至少两年。"),
    I("reuters-tech", "09-24 03:30", "Alibaba raises AI infrastructure spending plan to over $67 billion, CEO says",
      "Alibaba Group will raise its planned spending on artificial intelligence infrastructure by more than 100 billion "
      "yuan, Chief Executive Eddie Wu said on Thursday, sending its Hong Kong shares up as much as 6%."),
    I("etnet", "09-24 03:40", "阿里巴巴(09988)AI基建投資增至逾4800億人民幣",
      "阿里巴巴行政總裁吳泳銘於雲棲大會宣布，未來三年AI基建投資增至逾4,800億元人民幣。阿里股價午前升5.8%。"),
    I("scmp-tech", "09-24 05:10",
      "Alibaba's Eddie Wu adds 100 billion yuan to AI budget, says 'superintelligence' race needs more compute",
      "Wu's keynote at the annual Apsara Conference came a week after the US blacklisted Alibaba Cloud's overseas units."),
    I("cnbc-tech", "09-24 06:20", "Alibaba ramps up AI spending plan to more than $67 billion as cloud demand soars",
      "Alibaba on Thursday said it will invest more than 480 billion yuan ($67.4 billion) over three years in AI "
      "infrastructure, up from 380 billion yuan previously."),
    I("zaobao", "09-24 08:00", "阿里巴巴三年AI投入增至逾4800亿元",
      "阿里巴巴在美国加大限制后仍宣布追加投资，并表示将在五个国家新建或扩建数据中心。"),
    I("nikkei-asia", "09-24 07:30", "Alibaba boosts AI spending plan to $67bn despite US curbs",
      "The Chinese tech group will build or expand data centers in Japan, South Korea, France, the Netherlands and "
      "Saudi Arabia."),
    I("the-register", "09-24 11:20", "Alibaba ups its AI infrastructure bet by 100 billion yuan",
      "Eddie Wu says compute is still sold out, the US says it will make some of it harder to buy."),
  ])

# ---------------------------------------------------------------- Tue 2026-09-29
S("a-shareholder-class-action", "a-litigation",
  "A securities class action is filed in the Southern District of New York on Tue 2026-09-29 on behalf of BABA ADR "
  "buyers (May 15 - Sept 17, 2026), alleging Alibaba misled investors about US national-security risks to its overseas "
  "cloud business; announced by law firm Bergman Klein LLP.",
  ["a-alibaba-sues-commerce", "a-court-remands-1260h", "a-sec-comment-letter"],
  [
    I("globenewswire", "09-29 20:10",
      "Bergman Klein LLP Files Securities Class Action Against Alibaba Group Holding Limited (BABA) on Behalf of Investors",
      "NEW YORK, Sept. 29, 2026 (GLOBE NEWSWIRE) -- Bergman Klein LLP announces that a class action lawsuit has been "
      "filed in the United States District Court for the Southern District of New York on behalf of persons and entities "
      "that purchased Alibaba Group Holding Limited (NYSE: BABA) American Depositary Shares between May 15, 2026 and "
      "September 17, 2026."),
    I("reuters-business", "09-29 21:40", "Alibaba sued by US investors over disclosure of cloud business risks",
      "Alibaba Group was sued on Tuesday by investors who said it hid how exposed its overseas cloud business was to "
      "U.S. national security measures, before its shares fell when Washington blacklisted the units."),
    I("law360", "09-29 22:30", "Alibaba Hit With Investor Suit Over Pentagon, Export Risk Disclosures",
      "The proposed class says Alibaba's risk factors described U.S. sanctions as hypothetical when they were already underway."),
    I("cnyes", "09-30 01:30", "阿里巴巴遭美國投資人集體訴訟 指隱瞞雲端業務風險",
      "阿里巴巴遭美國投資人於紐約南區聯邦法院提起證券集體訴訟，指控其未充分揭露雲端業務受美國國安措施衝擊的風險。"),
    I("sina-finance", "09-30 02:10", "阿里巴巴在美遭股东集体诉讼",
      "美国律所Bergman Klein宣布代表投资者对阿里巴巴提起证券集体诉讼，指控其对海外云业务风险披露存在误导。"),
    I("bloomberg-markets", "09-29 22:05", "Alibaba Sued by Shareholders Over US Blacklist Risk Disclosures",
      "The suit seeks damages for investors who bought Alibaba Group Holding Ltd. ADRs before the September 17 listing."),
  ])
