"""January 2027, written by hand. Times are UTC (Hong Kong = UTC+8, New York = UTC-5)."""
from common import story

story("c-byd-2026-full-year-sales", "c-byd-monthly-sales",
      "On Mon 2027-01-04 BYD reported December 2026 NEV sales of 402,300 and full-year 2026 sales "
      "of 4.61 million, including 1.31 million overseas.",
      ["c-byd-jan-sales", "c-byd-feb-sales", "c-byd-mar-sales", "c-byd-2026-annual-results"],
      [
          ("01-04 08:37", "hkex",
           "VOLUNTARY ANNOUNCEMENT - PRODUCTION AND SALES VOLUME FOR DECEMBER 2026", ""),
          ("01-04 09:15", "cnevpost",
           "BYD sells 4.61 million NEVs in 2026, overseas sales pass 1.3 million",
           "December sales were 402,300 units, up 5% year-on-year, as an export push made up "
           "for a softer home market."),
          ("01-04 10:20", "reuters-biz",
           "BYD's 2026 sales rise 2%, missing its own target as price war drags",
           "BYD had aimed to sell about 4.8 million vehicles last year; exports more than "
           "doubled."),
          ("01-04 11:02", "yicai",
           "比亚迪2026年销量461万辆，海外销量131万辆翻倍增长",
           "比亚迪12月销量40.23万辆，全年销量同比增长约2%，未完成年初目标。"),
          ("01-04 12:40", "ltn",
           "比亞迪去年賣461萬輛 海外銷量翻倍",
           "比亞迪公布2026年全年新能源車銷量461萬輛，海外銷量突破130萬輛。"),
      ])

story("c-hang-seng-tech-new-year-rally", "c-hk-market-moves",
      "Tue 2027-01-05: the Hang Seng Tech index rose 3.1% on chip-stock gains, southbound buying "
      "and new-year AI optimism; a general rally with several causes.",
      ["c-hang-seng-jan-selloff", "c-hk-stocks-cny-reopen", "c-hang-seng-april-rally",
       "c-alibaba-shares-1260h-session"],
      [
          ("01-05 04:08", "zhitong",
           "港股午评：恒生科技指数涨近3%，芯片股领涨，南向资金净买入超60亿港元",
           "中芯国际、华虹半导体涨超6%，阿里巴巴、腾讯控股跟涨。"),
          ("01-05 08:27", "rthk",
           "恒指收升403點 科指升3.1%",
           "恒生指數收報25611點，升403點；科技指數升3.1%。中芯國際升7%，阿里巴巴升3.4%。"),
          ("01-05 08:49", "reuters-mkts",
           "Hong Kong tech shares jump as chipmakers lead new-year rally",
           "Investors rotated back into Chinese technology stocks after a weak December, with "
           "mainland buyers adding a net HK$9 billion via the trading links."),
          ("01-05 09:20", "thestandard",
           "Tech index climbs 3pc as chip stocks and southbound money lift market",
           "SMIC rose 7 percent and Alibaba 3.4 percent."),
      ])

story("c-pentagon-1260h-2027", "c-us-1260h-list",
      "On Thu 2027-01-07 (about 16:40 ET) the US Defense Department published its annual "
      "Section 1260H 'Chinese military companies' list, adding Alibaba Group, Baidu and robot "
      "maker Unitree; Alibaba's ADRs fell about 6% after hours.",
      ["c-bis-entity-list-jan", "c-alibaba-hkex-statement-1260h", "c-alibaba-shares-1260h-session",
       "c-alibaba-sues-pentagon", "c-alibaba-1260h-injunction", "c-house-ccp-letter-alibaba"],
      [
          ("01-07 21:41", "dod",
           "DOW Releases List of Chinese Military Companies in Accordance With Section 1260H of "
           "the William M. (Mac) Thornberry National Defense Authorization Act for Fiscal Year 2021",
           "The Department of War today released an updated list of 'Chinese military "
           "companies' operating directly or indirectly in the United States, in accordance with "
           "the statutory requirement of Section 1260H. The Department will continue to add and "
           "remove entities as appropriate."),
          ("01-07 21:58", "reuters",
           "Pentagon adds Alibaba, Baidu to list of companies aiding China's military",
           "The U.S. Defense Department on Thursday added Alibaba Group and Baidu to a list of "
           "companies it says work with China's military, a designation that carries no "
           "immediate sanctions but is a warning to U.S. investors. Alibaba's U.S.-listed shares "
           "fell 6% after the bell. Neither company immediately responded to requests for comment."),
          ("01-07 22:06", "reuters-tech",
           "Pentagon adds Alibaba, Baidu to list of companies aiding China's military",
           "The U.S. Defense Department on Thursday added Alibaba Group and Baidu to a list of "
           "companies it says work with China's military, a designation that carries no "
           "immediate sanctions but is a warning to U.S. investors.", "^"),
          ("01-07 22:19", "bloomberg",
           "Alibaba Slides Late as Pentagon Tags It a Chinese Military Company",
           "Alibaba Group Holding Ltd. tumbled in late New York trading after the US Defense "
           "Department put the e-commerce and cloud giant on its roster of firms with alleged ties "
           "to the People's Liberation Army, a blow to one of the most widely held Chinese stocks "
           "among American funds."),
          ("01-07 22:47", "cnbc",
           "Alibaba, Baidu shares drop after hours as Pentagon expands its Chinese military "
           "company list",
           "The so-called 1260H list, published by the Department of War, as the Pentagon now "
           "styles itself, runs to more than 140 entities. Tencent and battery maker CATL were "
           "put on it two years ago and have been fighting to get off."),
          ("01-07 23:32", "wsj",
           "Pentagon Labels Alibaba a Chinese Military Company, Raising the Stakes for Investors",
           "The designation, which Alibaba had lobbied for years to avoid, doesn't bar "
           "Americans from owning the stock, but previous listings have been a prelude to "
           "tougher measures from Congress and the Commerce Department."),
          ("01-08 00:14", "scmp-china",
           "Alibaba and Baidu named on Pentagon's Chinese military company list as US widens tech net",
           "Quadruped robot maker Unitree also added to the annual roster, while two firms were "
           "removed. Alibaba owns the South China Morning Post."),
          ("01-08 00:41", "caixin",
           "美国国防部将阿里巴巴、百度列入“中国军事企业”清单",
           "美东时间1月7日，美国国防部更新所谓“1260H清单”，新增阿里巴巴集团、百度、宇树科技等企业。"
           "受此影响，阿里巴巴美股盘后一度跌超6%，百度跌约5%。"),
          ("01-08 01:04", "cna-world",
           "美國防部更新中共軍方企業清單 阿里巴巴、百度入列",
           "美國國防部7日公布最新「中國軍事企業」名單，中國電商巨頭阿里巴巴、搜尋引擎百度及機器狗"
           "業者宇樹科技被納入，名單企業總數增至逾140家。列名本身不構成制裁，但可能影響美國投資人持股。"),
          ("01-08 01:20", "gnews",
           "Pentagon adds Alibaba, Baidu to Chinese military companies list - Reuters", ""),
          ("01-08 01:26", "wallstreetcn",
           "五角大楼“1260H清单”扩容：阿里、百度、宇树在列，中概股盘后重挫",
           "清单上的企业不会立即受到制裁，但根据2024财年国防授权法，国防部自2026年6月起不得与清单"
           "企业签订合同。阿里美股盘后跌6.2%，百度跌5.1%。"),
          ("01-08 00:02", "ap",
           "Pentagon adds Alibaba and Baidu to list of companies it says aid China's military",
           "The listing does not impose sanctions but bars the Pentagon from doing business "
           "with the companies and is closely watched by investors."),
      ])

story("c-alibaba-hkex-statement-1260h", "c-alibaba-us-responses",
      "Before the Hong Kong open on Fri 2027-01-08 Alibaba published a voluntary announcement "
      "on HKEXnews saying it is not a Chinese military company and may take legal action.",
      ["c-pentagon-1260h-2027", "c-baidu-statement-1260h", "c-alibaba-ceo-letter-1260h",
       "c-alibaba-denies-entity-report", "c-alibaba-sues-pentagon"],
      [
          ("01-08 00:32", "hkex",
           "VOLUNTARY ANNOUNCEMENT - RESPONSE TO THE UPDATED SECTION 1260H LIST", ""),
          ("01-08 00:55", "reuters",
           "Alibaba says it is not a Chinese military company, weighs challenge to Pentagon listing",
           "Alibaba Group said on Friday it is not a Chinese military company and is not part of "
           "any military-civil fusion strategy, and that it would consider all options, including "
           "legal action, after the U.S. Defense Department added it to its 1260H list."),
          ("01-08 01:09", "etnet",
           "阿里巴巴發公告：非中國軍事企業 將採取一切適當措施保障股東權益",
           "阿里巴巴(09988)今早開市前於港交所發出自願公告，回應美國國防部將集團列入1260H清單，"
           "強調集團並非中國軍事企業，亦無參與任何軍民融合戰略，將考慮包括法律行動在內的一切選項。"),
          ("01-08 01:24", "jiemian",
           "阿里巴巴回应被列入美国防部清单：毫无依据，不排除法律行动",
           "阿里巴巴称，公司从未与任何军事实体存在合作，该认定缺乏事实依据，公司将与美国国防部沟通，"
           "并保留采取法律行动的权利。"),
          ("01-08 02:38", "bloomberg",
           "Alibaba Rejects Pentagon's Military Tag, Says It May Go to Court",
           "Alibaba said it has no links to China's armed forces and could sue to get off the "
           "Pentagon list, echoing the path Xiaomi took in 2021, as its stock sank in Hong Kong."),
      ])

story("c-baidu-statement-1260h", "c-tech-firm-us-responses",
      "On Fri 2027-01-08 Baidu issued its own statement rejecting its addition to the Pentagon "
      "1260H list as groundless.",
      ["c-alibaba-hkex-statement-1260h", "c-pentagon-1260h-2027"],
      [
          ("01-08 01:48", "cls",
           "百度回应被列入美国防部1260H清单：公司与任何军方均无关联",
           "财联社1月8日电，百度方面表示，公司从未向任何军事机构提供产品或服务，此次列名没有依据，"
           "公司将与美方积极沟通。"),
          ("01-08 02:31", "scmp",
           "Baidu says it has 'no ties to any military', calls Pentagon listing groundless",
           "The search and robotaxi company said it would engage with the US Defense Department "
           "to correct what it called a mistaken decision."),
          ("01-08 03:17", "cnyes",
           "百度駁斥美國防部指控 強調從未與軍方合作",
           "百度發聲明指，公司產品僅用於民用領域，對美方將其列入中國軍事企業清單表示強烈不認同。"),
      ])

story("c-alibaba-shares-1260h-session", "c-alibaba-share-moves",
      "Fri 2027-01-08 trading: Alibaba fell 8.3% in Hong Kong (Baidu -6.1%, Hang Seng Tech -2.4%) "
      "and its ADRs closed down 5.8% in New York after the Pentagon listing.",
      ["c-alibaba-shares-house-letter", "c-alibaba-shares-entity-report", "c-pentagon-1260h-2027",
       "c-alibaba-shares-ruling-rally", "c-hang-seng-jan-selloff"],
      [
          ("01-08 01:43", "bloomberg-tech",
           "Alibaba Sinks as Much as 9% in Hong Kong After Pentagon Blacklisting",
           "The shares fell as much as 9.4% at the open, the most intraday since October, and "
           "dragged the Hang Seng Tech Index lower. Baidu dropped 7%."),
          ("01-08 02:05", "aastocks",
           "阿里巴巴急挫逾8% 百度跌7% 受美防部列「中國軍企」拖累",
           "阿里巴巴-W(09988.HK)低開後跌幅擴大至8.8%，百度集團-SW(09888.HK)跌7%，恒生科技指數跌2.6%。"),
          ("01-08 04:31", "sina",
           "港股午评：恒生科技指数跌2.3%，阿里巴巴、百度领跌",
           "截至午间收盘，恒生指数跌1.5%，恒生科技指数跌2.3%。阿里巴巴跌8.1%，百度集团跌6.4%，"
           "美国国防部将两家公司列入所谓“中国军事企业”清单。"),
          ("01-08 08:24", "rthk",
           "恒指收跌412點 阿里巴巴挫8.3%",
           "恒生指數收市報25088點，跌412點；科技指數跌2.4%。阿里巴巴收報149.6元，跌8.3%；"
           "百度跌6.1%。美國國防部把兩間公司列入中國軍事企業名單。"),
          ("01-08 08:52", "reuters-mkts",
           "Hong Kong tech stocks slide as Alibaba, Baidu tumble on Pentagon listing",
           "Alibaba wiped about HK$250 billion off its market value in its worst session in more "
           "than a year, while mainland markets were little changed."),
          ("01-08 21:16", "cnbc-mkts",
           "Alibaba's U.S. shares close down nearly 6% as Wall Street digests Pentagon designation",
           "Analysts at two brokerages said forced selling by U.S. funds was unlikely for now "
           "because the 1260H list carries no investment ban."),
          ("01-08 03:05", "gnews-mkts",
           "Alibaba shares plunge in Hong Kong after Pentagon names it a military company - CNBC", ""),
      ])

story("c-china-mfa-1260h", "c-china-mfa-responses",
      "At its regular briefing on Fri 2027-01-08 China's foreign ministry condemned the Pentagon's "
      "listing of Alibaba and Baidu.",
      ["c-mofcom-unreliable-entity-jan", "c-mofcom-entity-list-response-mar",
       "c-mfa-house-ai-bill", "c-alibaba-hkex-statement-1260h"],
      [
          ("01-08 07:42", "fmprc",
           "2027年1月8日外交部发言人郭嘉昆主持例行记者会", ""),
          ("01-08 08:06", "globaltimes",
           "China slams US 'discriminatory' listing of Alibaba, Baidu, vows to safeguard firms' rights",
           "Chinese Foreign Ministry spokesperson Guo Jiakun said on Friday that the US was "
           "overstretching the concept of national security and should stop suppressing Chinese "
           "companies under groundless pretexts."),
          ("01-08 09:11", "reuters",
           "China says U.S. is 'abusing' national security after Pentagon lists Alibaba",
           "Beijing will take necessary measures to protect the legitimate rights of Chinese "
           "firms, a foreign ministry spokesperson said, without giving details."),
          ("01-08 09:33", "huanqiu",
           "阿里、百度被美列入“中国军事企业清单” 外交部：坚决反对",
           "外交部发言人郭嘉昆表示，中方坚决反对美方泛化国家安全概念、拉清单打压中国企业，"
           "将坚定维护中国企业的正当合法权益。"),
          ("01-08 10:02", "cna-world",
           "中國外交部批美方泛化國家安全 回應阿里巴巴被列軍企清單",
           "中國外交部發言人郭嘉昆8日在例行記者會上表示，美方做法違背市場經濟原則，中方將採取必要措施。"),
          ("01-08 11:20", "fmprc-en",
           "Foreign Ministry Spokesperson Guo Jiakun's Regular Press Conference on January 8, 2027", ""),
      ])

story("c-alibaba-ceo-letter-1260h", "c-alibaba-us-responses",
      "On Sat 2027-01-09 Alibaba CEO Eddie Wu sent an internal letter to staff calling the "
      "Pentagon listing a misjudgement and saying business continues.",
      ["c-alibaba-hkex-statement-1260h", "c-alibaba-sues-pentagon"],
      [
          ("01-09 02:14", "latepost",
           "吴泳铭内部信：被列入清单是“毫无依据的误判”，业务和客户不受影响",
           "晚点LatePost获悉，阿里巴巴集团CEO吴泳铭周六向全体员工发出内部信，称公司会用一切合法手段"
           "澄清事实，海外云和电商业务照常运转。"),
          ("01-09 03:42", "scmp",
           "Alibaba CEO Eddie Wu tells staff Pentagon tag is 'a misjudgment', says business will carry on",
           "In a weekend memo seen by the Post, Wu said the company's overseas cloud and "
           "e-commerce customers had not been affected."),
          ("01-09 05:08", "36kr",
           "阿里CEO吴泳铭发全员信：将通过一切法律途径维护公司声誉",
           "信中称，阿里巴巴从未参与任何军事用途的研发，也不会因外部压力改变全球化战略。"),
          ("01-09 06:35", "hk01",
           "阿里巴巴CEO吳泳銘致員工信：美國防部決定「沒有根據」 全球業務如常",
           "吳泳銘在信中提到，公司已聘請美國律師團隊，研究所有可行的法律途徑。"),
      ])

story("c-breakingviews-alibaba-1260h", "c-commentary",
      "Reuters Breakingviews column on Mon 2027-01-11 arguing the Pentagon label will weigh on "
      "Alibaba over time (opinion, no new event).",
      ["c-pentagon-1260h-2027", "c-alibaba-shares-1260h-session"],
      [
          ("01-11 05:10", "breakingviews",
           "Alibaba's Pentagon label is a slow-acting poison",
           "The military tag carries no direct penalty. But it hands U.S. pension funds a reason "
           "to trim, index providers a reason to ponder, and Congress a reason to go further. "
           "The discount on China's biggest tech group looks set to stick."),
      ])

story("c-mofcom-unreliable-entity-jan", "c-china-countermeasures",
      "On Mon 2027-01-11 China's commerce ministry put 10 US defence firms on its unreliable "
      "entity list, citing a December Taiwan arms sale.",
      ["c-china-mfa-1260h", "c-mofcom-entity-list-response-mar"],
      [
          ("01-11 07:55", "mofcom",
           "不可靠实体清单工作机制关于将10家美国实体列入不可靠实体清单的公告", ""),
          ("01-11 08:31", "reuters",
           "China adds 10 U.S. defence firms to unreliable entity list over Taiwan arms sales",
           "The move came days after the Pentagon designated Alibaba and Baidu as Chinese "
           "military companies, though the commerce ministry tied it explicitly to a $1.8 billion "
           "arms package for Taiwan approved in December."),
          ("01-11 09:02", "thepaper",
           "商务部：将10家美国军工企业列入不可靠实体清单",
           "不可靠实体清单工作机制称，上述企业参与对台湾地区军售，禁止其从事与中国有关的进出口活动，"
           "禁止其在中国境内新增投资。"),
          ("01-11 10:18", "cna-world",
           "中國將10家美國軍工企業列不可靠實體清單 稱因對台軍售",
           "中國商務部11日公告，禁止相關企業從事與中國有關的進出口活動，並禁止其高階管理人員入境。"),
          ("01-11 12:04", "scmp-china",
           "Beijing blacklists 10 American defence contractors in retaliation for Taiwan arms deal",
           "The commerce ministry did not mention the Pentagon's 1260H list, which last week "
           "added Alibaba and Baidu."),
      ])

story("c-icts-drone-rule", "c-us-icts",
      "On Tue 2027-01-12 the Commerce Department's ICTS office issued a final rule barring "
      "transactions in new Chinese- and Russian-made drones (DJI, Autel).",
      ["c-icts-alibaba-cloud-subpoenas", "c-fcc-quectel-covered-list", "c-bis-entity-list-jan"],
      [
          ("01-12 14:45", "fedreg",
           "Securing the Information and Communications Technology and Services Supply Chain: "
           "Unmanned Aircraft Systems",
           "The Department of Commerce issues this final rule to prohibit certain transactions "
           "involving information and communications technology and services integral to "
           "unmanned aircraft systems designed, developed, manufactured, or supplied by persons "
           "owned by, controlled by, or subject to the jurisdiction or direction of the People's "
           "Republic of China or the Russian Federation."),
          ("01-12 15:22", "reuters-tech",
           "U.S. finalizes rule that bars new Chinese drones from DJI, Autel",
           "The rule takes effect in 60 days and applies to new models; drones already owned by "
           "U.S. farmers, police departments and hobbyists can keep flying."),
          ("01-12 16:08", "verge",
           "The US just made it illegal to sell new DJI drones",
           "Commerce's final rule is the end of a two-year fight. Here's what it means if you "
           "already own one."),
          ("01-12 23:51", "scmp",
           "DJI 'deeply disappointed' as US finalises rule shutting out Chinese drones",
           "The Shenzhen drone maker said the decision was based on speculation rather than "
           "evidence and would hurt American businesses that depend on its products."),
          ("01-13 01:33", "ltn",
           "美商務部拍板 禁止中國製新款無人機 大疆、道通首當其衝",
           "美國商務部12日發布最終規則，以國安為由禁止涉及中國與俄羅斯設計製造的新款無人機交易，"
           "60天後生效。"),
      ])

story("c-samr-delivery-summons", "c-samr-platform-actions",
      "On Wed 2027-01-13 China's market regulator SAMR summoned Alibaba (Taobao Instant "
      "Commerce, Ele.me), Meituan and JD.com over the instant-retail subsidy war.",
      ["c-temu-eu-dsa-fine", "c-nppa-gaming-draft-rules"],
      [
          ("01-13 08:52", "samr",
           "市场监管总局约谈阿里巴巴、美团、京东等平台企业",
           "1月13日，市场监管总局约谈阿里巴巴（淘宝闪购、饿了么）、美团、京东三家平台企业，要求其"
           "严格遵守《反不正当竞争法》《电子商务法》等法律法规，理性参与竞争，共同构建良性市场生态。"),
          ("01-13 09:38", "yicai",
           "春节前再被约谈：外卖“补贴战”降温信号来了？",
           "这是监管部门一年多来第三次就即时零售补贴问题约谈头部平台。多家商户向第一财经反映，"
           "年货节期间平台补贴力度仍在加码。"),
          ("01-13 10:14", "reuters",
           "China's market regulator summons Alibaba, Meituan, JD over food delivery price war",
           "The State Administration for Market Regulation told the three platforms to stop "
           "'disorderly' competition ahead of the Lunar New Year shopping peak."),
          ("01-13 11:06", "hkej",
           "國家市監總局再約談阿里美團京東 促理性競爭",
           "市監總局要求三間平台不得以低於成本價格傾銷，並保障騎手及商戶權益。"),
          ("01-13 12:27", "bloomberg",
           "China Reins In Delivery Subsidy Fight Again as Lunar New Year Nears",
           "Regulators have repeatedly called in the companies since the battle over instant "
           "delivery erupted, with limited effect on spending."),
          ("01-13 11:42", "caixin-en",
           "Regulator Summons Alibaba, Meituan, JD.com as Holiday Subsidy Battle Heats Up",
           "The market watchdog told the platforms not to sell below cost and to protect the "
           "income of riders and merchants."),
      ])

story("c-house-ccp-letter-alibaba", "c-congress-china-tech",
      "On Thu 2027-01-14 the House Select Committee on the CCP wrote to Commerce Secretary Lutnick "
      "urging that Alibaba be added to the Entity List and Qwen exports restricted.",
      ["c-reuters-commerce-weighs-alibaba", "c-senate-bill-chinese-ai", "c-house-passes-ai-bill",
       "c-pentagon-1260h-2027", "c-alibaba-shares-house-letter"],
      [
          ("01-14 19:22", "house-ccp",
           "Chairman Moolenaar Calls on Commerce to Place Alibaba on the Entity List Following "
           "Pentagon Designation", ""),
          ("01-14 20:09", "reuters",
           "U.S. House China panel urges Commerce to blacklist Alibaba, citing military ties",
           "The letter to Commerce Secretary Howard Lutnick follows last week's Pentagon decision "
           "to name Alibaba a Chinese military company. Alibaba did not immediately respond to a "
           "request for comment; its U.S. shares slipped 2% after hours."),
          ("01-14 21:28", "politico",
           "House China hawks want Alibaba cut off from American chips",
           "The select committee says Alibaba's Qwen models are being used by Chinese state "
           "entities and wants export licenses required for any U.S. technology shipped to the "
           "company."),
          ("01-15 00:28", "zaobao",
           "美众议院中国问题特别委员会致函商务部 要求将阿里巴巴列入实体清单",
           "信函称，阿里巴巴被国防部认定为中国军事企业后，美国企业仍可向其出口先进芯片与软件，"
           "这一漏洞必须堵上。"),
          ("01-15 01:07", "cnyes",
           "美眾院中共問題委員會促商務部 將阿里巴巴納入實體清單",
           "委員會主席穆勒納爾在信中要求商務部長盧特尼克在30天內回覆。"),
          ("01-14 23:05", "gnews",
           "House China committee urges Commerce to put Alibaba on Entity List - POLITICO", ""),
      ])

story("c-alibaba-shares-house-letter", "c-alibaba-share-moves",
      "Fri 2027-01-15 Hong Kong session: Alibaba fell 4.6% to HK$142.05 after US lawmakers urged "
      "an Entity List designation, about 13% down in a week.",
      ["c-alibaba-shares-1260h-session", "c-alibaba-shares-entity-report",
       "c-house-ccp-letter-alibaba", "c-alibaba-convertible-notes"],
      [
          ("01-15 01:52", "etnet",
           "阿里巴巴再跌逾4% 美眾議員促將其列入實體清單",
           "阿里巴巴(09988)低開後跌4.3%，報142.5元；美國眾議院中國問題特別委員會要求商務部將其列入實體清單。"),
          ("01-15 03:18", "bloomberg",
           "Alibaba Extends Slide as US Lawmakers Push for Export Blacklist",
           "Shares slid as much as 5.1% in Hong Kong, taking losses since the Pentagon "
           "designation a week ago to about 13%."),
          ("01-15 04:03", "gelonghui",
           "阿里巴巴-W(09988.HK)跌超4% 美议员施压商务部",
           "格隆汇1月15日丨阿里巴巴-W午前跌4.6%，一周内累计跌幅约13%。"),
          ("01-15 08:31", "scmp-biz",
           "Alibaba tumbles again in Hong Kong as Washington pressure builds; Hang Seng slips 0.6%",
           "The e-commerce giant was the biggest drag on the benchmark for a second Friday in a "
           "row as investors priced in the risk of export curbs."),
          ("01-15 08:47", "oncc",
           "阿里巴巴收跌4.6% 一周累挫13%",
           "阿里巴巴收報142.05元，跌4.6%，成交額逾90億元。恒指收跌153點。"),
      ])

story("c-qwen-app-200m-mau", "c-qwen-app-milestones",
      "On Mon 2027-01-18 Alibaba said its Qwen consumer app passed 200 million monthly active users.",
      ["c-qwen-cny-red-packets", "c-qwen-omni-release", "c-alibaba-cloud-price-cut-jan"],
      [
          ("01-18 02:28", "alizila",
           "Qwen App Surpasses 200 Million Monthly Active Users",
           "Fourteen months after its public launch, Alibaba's AI assistant app now serves more "
           "than 200 million people a month, with agentic features for shopping, food delivery "
           "and travel booking driving growth."),
          ("01-18 03:11", "36kr",
           "千问App月活用户突破2亿",
           "36氪获悉，阿里巴巴旗下千问App月活跃用户数已突破2亿。千问App于2025年11月公测，"
           "此后陆续接入淘宝、闪购、飞猪、高德等阿里生态服务。"),
          ("01-18 04:19", "cnbc",
           "Alibaba says Qwen AI app now tops 200 million monthly users, closing in on ByteDance's Doubao",
           "The milestone gives Alibaba a bigger consumer foothold in China's crowded chatbot "
           "market, where ByteDance's Doubao still leads by most third-party estimates."),
          ("01-18 06:02", "udn",
           "阿里千問App月活破2億 緊追字節豆包",
           "阿里巴巴18日宣布，旗下AI助手千問App月活躍用戶已突破2億，與字節跳動豆包的差距持續縮小。"),
      ])

story("c-alibaba-cloud-price-cut-jan", "c-alibaba-cloud-pricing",
      "On Tue 2027-01-19 Alibaba Cloud cut prices of its flagship Qwen model APIs by up to 60% "
      "and GPU instances by up to 25%.",
      ["c-alibaba-cloud-new-regions", "c-qwen-app-200m-mau", "c-doubao-seed-release-jan"],
      [
          ("01-19 01:30", "alicloud-blog",
           "Alibaba Cloud Lowers Prices on Qwen Model APIs and GPU Instances for 2027",
           "Starting January 19, input token prices for Qwen3-Max are reduced by up to 60%, and "
           "pay-as-you-go prices for selected GPU instance families in Chinese mainland regions "
           "are reduced by up to 25%."),
          ("01-19 02:21", "cls",
           "阿里云宣布新一轮降价：千问旗舰模型API最高降60%",
           "财联社1月19日电，阿里云宣布下调千问系列模型API价格，其中Qwen3-Max输入价格最高降幅60%，"
           "部分GPU实例降价最高25%。"),
          ("01-19 03:02", "reuters-tech",
           "Alibaba Cloud cuts AI model prices by up to 60% as China price war resumes",
           "The cuts put more pressure on rivals including ByteDance's Volcano Engine and Baidu "
           "AI Cloud, which have been competing for enterprise customers on price."),
          ("01-19 05:33", "jiemian",
           "阿里云再掀大模型价格战，GPU算力同步下调",
           "这是阿里云近两年来第五次大规模下调大模型价格。一位云厂商人士对界面新闻表示，"
           "降价的底气来自推理成本的快速下降。"),
          ("01-19 07:46", "hket",
           "阿里雲大模型API減價最多六成 搶企業客戶",
           "阿里雲今日宣布下調千問模型API及GPU實例價格，分析指有助推高雲業務用量，但短期或影響利潤率。"),
      ])

story("c-pboc-lpr-jan", "c-pboc-lpr",
      "On Wed 2027-01-20 China's loan prime rates were left unchanged (1-year 2.90%, 5-year 3.40%) "
      "for an eighth month.",
      ["c-pboc-lpr-feb", "c-pboc-lpr-mar", "c-pboc-lpr-apr", "c-pboc-rrr-cut-jan"],
      [
          ("01-20 01:15", "pbc",
           "2027年1月20日全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告",
           "1年期LPR为2.9%，5年期以上LPR为3.4%。以上LPR在下一次发布LPR之前有效。"),
          ("01-20 01:36", "reuters-mkts",
           "China keeps benchmark lending rates unchanged for eighth straight month",
           "The one-year loan prime rate was kept at 2.90% and the five-year rate at 3.40%, as "
           "expected by all 25 analysts in a Reuters poll."),
          ("01-20 02:12", "21jingji",
           "1月LPR按兵不动 市场仍期待春节前后降准",
           "受访人士认为，银行净息差仍处低位，LPR短期下调空间有限，总量工具或先于利率工具出台。"),
          ("01-20 03:01", "aastocks",
           "內地1月LPR連續第八個月不變 一年期報2.9厘",
           "內地1月貸款市場報價利率維持不變，一年期為2.9厘，五年期以上為3.4厘，符合市場預期。"),
      ])

story("c-doubao-seed-release-jan", "c-bytedance-ai-models",
      "On Thu 2027-01-21 ByteDance's Volcano Engine released the Doubao Seed 2.5 model family and "
      "said daily token use passed 60 trillion.",
      ["c-qwen-omni-release", "c-qwen4-release", "c-baidu-ernie-5-5-release", "c-alibaba-cloud-price-cut-jan"],
      [
          ("01-21 06:31", "36kr",
           "火山引擎发布豆包大模型Seed 2.5，日均tokens调用量突破60万亿",
           "火山引擎总裁谭待表示，豆包大模型日均tokens使用量已超过60万亿，较一年前增长逾3倍。"),
          ("01-21 07:42", "scmp",
           "ByteDance unveils Doubao Seed 2.5 and says daily token use has hit 60 trillion",
           "The TikTok owner's cloud arm is pitching the new models at enterprises, sharpening "
           "its rivalry with Alibaba Cloud, which cut its own prices this week."),
          ("01-21 09:04", "qbitai",
           "实测豆包Seed 2.5：多模态推理大幅提升，定价比上一代再降四成",
           "我们用数学竞赛题、长视频理解和代码任务对新模型做了第一轮测试。"),
          ("01-21 11:20", "technews",
           "字節跳動推豆包 Seed 2.5 大模型 日均 Token 用量衝上 60 兆",
           "火山引擎同步調降 API 價格，並推出面向企業的智能體開發平台新版本。"),
      ])

story("c-bis-entity-list-jan", "c-us-entity-list",
      "On Thu 2027-01-21 the Commerce Department's BIS added 14 entities in China, Hong Kong and "
      "Singapore to the Entity List, including AI chip designers Enflame and Iluvatar CoreX.",
      ["c-bis-entity-list-mar", "c-pentagon-1260h-2027", "c-icts-drone-rule",
       "c-house-ccp-letter-alibaba"],
      [
          ("01-21 13:45", "fedreg",
           "Additions to the Entity List",
           "In this rule, the Bureau of Industry and Security (BIS) amends the Export "
           "Administration Regulations (EAR) by adding 14 entities under 3 destinations: China, "
           "Hong Kong, and Singapore. These entities have been determined by the U.S. Government "
           "to be acting contrary to the national security or foreign policy interests of the "
           "United States."),
          ("01-21 15:01", "bis",
           "Commerce Adds 14 Entities to the Entity List for Supporting China's Advanced Computing "
           "and Military Modernization", ""),
          ("01-21 15:38", "reuters-tech",
           "US adds Chinese AI chip designers Enflame, Iluvatar to trade blacklist",
           "Three Hong Kong-registered distributors accused of diverting Nvidia processors to "
           "China were also added."),
          ("01-21 23:12", "cls",
           "美商务部将燧原科技、天数智芯等14家实体列入实体清单",
           "财联社1月22日电，美国商务部工业与安全局（BIS）宣布将14家实体列入出口管制“实体清单”，"
           "其中包括燧原科技、天数智芯两家AI芯片企业。"),
          ("01-22 00:58", "scmp",
           "US blacklists 14 more firms including Tencent-backed chip start-up Enflame and Hong Kong traders",
           "Enflame said the move would have limited impact as it had already shifted production "
           "to domestic foundries."),
          ("01-22 02:40", "nikkei",
           "US adds Chinese AI chipmakers Enflame and Iluvatar to Entity List",
           "Both companies design data-center accelerators meant to replace Nvidia products in "
           "China."),
      ])

story("c-pboc-rrr-cut-jan", "c-pboc-rrr",
      "On Fri 2027-01-22 the PBOC announced a 50 bp cut in banks' reserve requirement ratio "
      "effective 2027-02-01, releasing about 1 trillion yuan.",
      ["c-pboc-rrr-cut-apr", "c-pboc-pan-npc-briefing", "c-pboc-lpr-jan", "c-pboc-lpr-feb"],
      [
          ("01-22 09:00", "pbc",
           "中国人民银行决定下调金融机构存款准备金率",
           "为保持流动性合理充裕，中国人民银行决定于2027年2月1日下调金融机构存款准备金率0.5个百分点"
           "（不含已执行5%存款准备金率的金融机构）。本次下调后，金融机构加权平均存款准备金率约为5.7%。"),
          ("01-22 09:19", "reuters-biz",
           "China's central bank cuts banks' reserve ratio by 50 bps ahead of Lunar New Year",
           "The cut, effective Feb. 1, will free up about 1 trillion yuan ($141 billion) in "
           "long-term liquidity, the People's Bank of China said."),
          ("01-22 09:44", "xinhua",
           "央行降准0.5个百分点 释放长期资金约1万亿元",
           "人民银行有关负责人表示，此次降准有助于满足春节前现金投放需求，降低银行资金成本。"),
          ("01-22 10:29", "bloomberg",
           "PBOC Lowers Reserve Requirement as Beijing Steps Up Support Before Holiday",
           "It's the first reduction since May and comes as the economy enters the new year with "
           "weak credit demand and falling factory-gate prices."),
          ("01-22 11:12", "mingpao",
           "人行宣布下月起全面降準0.5厘 釋放約1萬億元流動性",
           "人民銀行宣布2月1日起下調存款準備金率0.5個百分點，為去年5月以來首次。"),
          ("01-23 00:41", "21jingji",
           "降准落地后，2月LPR下调概率几何？",
           "多位首席经济学家认为，此次降准释放了稳增长信号，但政策利率下调仍需观察春节后信贷投放情况。"),
          ("01-22 12:15", "cnbc-mkts",
           "China's central bank cuts reserve ratio, freeing about $141 billion before Lunar New Year",
           "Chinese government bond yields fell after the announcement, which came after the "
           "onshore market closed."),
      ])

story("c-keeta-mexico-launch", "c-meituan-overseas",
      "On Mon 2027-01-25 Meituan's overseas delivery brand Keeta began service in Monterrey, Mexico.",
      ["c-meituan-q4-results", "c-samr-delivery-summons"],
      [
          ("01-25 15:33", "restofworld",
           "Meituan's Keeta takes on DiDi Food and Rappi in Mexico",
           "The Chinese delivery giant picked Monterrey for its first Latin American city outside "
           "Brazil, offering zero commission to restaurants for three months."),
          ("01-25 23:40", "yicai",
           "美团Keeta登陆墨西哥，首站蒙特雷",
           "这是Keeta在巴西之后进入的第二个拉美市场。美团表示将在墨西哥投入数亿美元用于骑手网络建设。"),
          ("01-26 01:21", "hkej",
           "美團海外品牌Keeta進軍墨西哥",
           "美團旗下Keeta周一於墨西哥第三大城市蒙特雷上線，直接與滴滴及Rappi競爭。"),
      ])

story("c-qwen-omni-release", "c-qwen-model-releases",
      "On Tue 2027-01-26 Alibaba released and open-sourced the multimodal Qwen3.6-Omni model.",
      ["c-qwen4-release", "c-qwen4-coder-release", "c-doubao-seed-release-jan",
       "c-qwen-app-200m-mau"],
      [
          ("01-26 11:56", "alicloud-blog",
           "Introducing Qwen3.6-Omni: Real-Time Speech, Vision and Video in One Open Model",
           "Qwen3.6-Omni is a natively end-to-end omni-modal model. It processes text, images, "
           "audio and video and responds in text or natural speech with first-packet latency "
           "below 200 milliseconds. Weights are available under Apache 2.0."),
          ("01-26 12:31", "jiqizhixin",
           "刚刚，通义千问开源Qwen3.6-Omni：听说读看一体，实时视频通话延迟降至200毫秒",
           "新模型采用Thinker-Talker架构，在36项音视频基准中的32项取得开源最佳。"),
          ("01-26 13:14", "venturebeat",
           "Alibaba's open-source Qwen3.6-Omni takes aim at real-time voice agents",
           "Enterprises can self-host a model that listens, watches and talks back, without "
           "paying per-minute fees to OpenAI or Google."),
          ("01-26 14:02", "ithome",
           "阿里发布并开源全模态大模型Qwen3.6-Omni，支持119种语言文本交互",
           "IT之家1月26日消息，阿里通义千问今日发布Qwen3.6-Omni，模型已在魔搭社区和Hugging Face上线。"),
          ("01-27 02:33", "etnet",
           "阿里開源全模態模型Qwen3.6-Omni 加碼AI佈局",
           "阿里巴巴旗下通義千問發布新一代全模態模型，可同時處理文字、圖像、語音及影片。"),
          ("01-26 16:40", "gnews-tech",
           "Alibaba open-sources Qwen3.6-Omni model that can see, hear and talk - South China Morning Post", ""),
      ])

story("c-qwen-cny-red-packets", "c-cny-ai-red-packets",
      "On Wed 2027-01-27 Alibaba's Qwen app announced a 3 billion yuan Spring Festival red-packet "
      "campaign.",
      ["c-yuanbao-cny-red-packets", "c-qwen-app-200m-mau"],
      [
          ("01-27 03:29", "36kr",
           "千问App宣布春节投入30亿元发红包，可直接用AI点外卖、订机票",
           "活动将于2月1日开启，用户通过千问App完成点奶茶、订机票、买年货等任务即可领取现金红包和消费券。"),
          ("01-27 05:02", "bloomberg-tech",
           "Alibaba to Hand Out $420 Million in Lunar New Year Cash to Lure Qwen Users",
           "The giveaway is the biggest yet in the Chinese AI chatbot wars and is aimed squarely "
           "at ByteDance's Doubao and Tencent's Yuanbao during the holiday."),
          ("01-27 06:18", "jiemian",
           "春节AI红包大战提前打响：阿里千问砸下30亿",
           "与往年互联网红包不同，千问此次的红包要求用户“让AI帮你办一件事”。"),
          ("01-27 08:05", "hk01",
           "阿里千問App春節派30億元紅包 搶AI用戶",
           "阿里巴巴宣布春節期間透過千問App派發總值30億元人民幣的紅包及優惠券。"),
      ])

story("c-fcc-quectel-covered-list", "c-fcc-actions",
      "At its open meeting on Thu 2027-01-28 the FCC voted to add Chinese cellular IoT module "
      "makers Quectel and Fibocom to its Covered List.",
      ["c-fcc-letter-alibaba-cloud", "c-icts-drone-rule", "c-bis-entity-list-jan"],
      [
          ("01-28 16:21", "fcc",
           "FCC Adds Cellular IoT Module Makers Quectel and Fibocom to Covered List", ""),
          ("01-28 17:04", "reuters-tech",
           "FCC votes to add China's Quectel, Fibocom to national security threat list",
           "The unanimous vote means new devices using the companies' modules can no longer be "
           "authorized for sale in the United States."),
          ("01-28 18:33", "lightreading",
           "The FCC's Covered List grows again, this time with the modules inside meters and cars",
           "Operators and device makers have 12 months to stop certifying products with the "
           "affected modules; existing deployments are not covered."),
          ("01-29 01:12", "cnyes",
           "美FCC將移遠通信、廣和通列入「涵蓋清單」 陸IoT模組廠受衝擊",
           "美國聯邦通訊委員會28日表決通過，兩家中國物聯網模組大廠的新產品將無法取得美國設備認證。"),
          ("01-29 02:03", "cls",
           "美FCC将移远通信、广和通列入所谓“涵盖清单” 移远通信称经营一切正常",
           "移远通信回应称，美国市场收入占比已降至5%以下，公司将通过法律途径维护权益。"),
      ])

story("c-yuanbao-cny-red-packets", "c-cny-ai-red-packets",
      "On Fri 2027-01-29 Tencent announced a 1.5 billion yuan Spring Festival red-packet campaign "
      "for its Yuanbao AI app.",
      ["c-qwen-cny-red-packets", "c-tencent-q4-results"],
      [
          ("01-29 02:39", "tmtpost",
           "腾讯元宝加入春节红包战：15亿元现金红包，可在微信群里直接领",
           "元宝红包可直接分享到微信群，这是腾讯在AI应用上首次大规模调用微信社交链。"),
          ("01-29 04:16", "scmp",
           "Tencent answers Alibaba with 1.5 billion yuan Yuanbao red packet blitz for Lunar New Year",
           "Tencent's offer is half the size of Alibaba's but rides on WeChat's 1.4 billion users."),
          ("01-29 06:01", "etnet",
           "騰訊元寶春節派15億紅包 與阿里千問正面交鋒",
           "騰訊(00700)宣布旗下AI應用元寶將於春節期間派發15億元人民幣現金紅包。"),
      ])

story("c-hang-seng-jan-selloff", "c-hk-market-moves",
      "Fri 2027-01-29: the Hang Seng fell 2.9% (738 points) on a cautious Fed, a developer's "
      "missed payment and pre-holiday outflows; a general sell-off with several causes.",
      ["c-hk-stocks-cny-reopen", "c-hang-seng-april-rally", "c-hang-seng-tech-new-year-rally", "c-alibaba-shares-1260h-session"],
      [
          ("01-29 04:12", "wallstreetcn",
           "港股午盘：恒指跌超2%，内房股、科技股齐挫",
           "美联储释放年内不急于降息信号，叠加某大型房企境外债券未能如期付息，港股午盘全线走低。"),
          ("01-29 08:19", "reuters-mkts",
           "Hong Kong stocks post worst day in three months on Fed, property jitters",
           "The Hang Seng index fell 2.9% and the tech index 3.4%; traders also cited "
           "position-cutting before the Lunar New Year break."),
          ("01-29 08:40", "rthk",
           "恒指收市跌738點 全周累跌逾千點",
           "恒生指數收報24706點，跌738點；科技指數跌3.4%。內房股跌幅最大，大市成交約3100億元。"),
          ("01-29 09:31", "thestandard",
           "Hang Seng sheds 738 points as Fed caution and developer default fears collide",
           "All but three of the index's constituents closed lower."),
      ])

story("c-eeo-editorial-subsidy-war", "c-commentary",
      "Economic Observer editorial on Thu 2027-01-14 on how the platforms' subsidy war should end "
      "(opinion, no new event).",
      ["c-samr-delivery-summons"],
      [
          ("01-14 02:30", "eeo",
           "社论｜平台补贴战该如何收场",
           "一次次约谈之后，补贴仍在加码。问题不在于平台是否“理性”，而在于即时零售的规则尚未成形："
           "定价、骑手保障与商户议价权，都需要比约谈更持久的制度安排。"),
      ])
