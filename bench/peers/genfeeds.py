#!/usr/bin/env python3
"""Feed generator for the peer benchmark (bench/peers/run.sh).

Writes N RSS 2.0 feeds of M items each into OUT/feeds/<n>.xml: realistic news titles and
summaries from templates, deterministic for a given --seed and --base-time (feed n is the same
whatever N is, so the feeds of a smaller N are a prefix of a larger one). About --watched of the
items (5% by default) mention the watched story (Alibaba and the PLA, US action on Alibaba,
Alibaba's earnings), split evenly between the three; about as many again are decoys that name
Alibaba, the PLA, a US agency or earnings without matching a rule.

Beside the feeds it writes:
  OUT/counts.tsv     one line per feed: feed, items, and the items each realistic rule matches
  OUT/rules.toml     the realistic rule set ([entities] and [[rule]]s notifying channel "sink"),
                     whose expected matches are the counts above
  OUT/manifest.json  the parameters

`genfeeds.py expect OUT N` prints "items pla us earnings realistic" summed over feeds 0..N-1.

Every item's link ends in "-nw<feed>x<item>.html", a key the SMTP sink finds in any tool's
mail to count each item once and spot duplicates. Standard library only.
"""

import argparse
import email.utils
import json
import os
import random
import sys
from xml.sax.saxutils import escape

ALIBABA = ["Alibaba", "Alibaba Group", "Alibaba Cloud", "Alibaba's cloud unit", "Taobao owner Alibaba"]

# Watched families: each template matches exactly one realistic rule (see RULES below).
PLA = [
    ("{a} denies providing cloud services to the PLA",
     "The company said it had never worked for the People's Liberation Army and called the report baseless."),
    ("Leaked memo ties {a} engineers to Chinese military research",
     "The document, seen by reporters, lists joint projects with a military university in Beijing."),
    ("{a} shares slide on reports of military links",
     "Investors sold the stock after a report described ties between the group and the armed forces."),
    ("Analysts weigh fallout from PLA allegations against {a}",
     "Brokers said clients were asking whether the allegations could touch the group's overseas business."),
    ("Report says {a} supplied AI tools to People's Liberation Army units",
     "The think tank said the tools were used for logistics planning; the company disputes the findings."),
]
US_ACTION = [
    ("Commerce Department weighs adding {a} to Entity List",
     "Officials are reviewing whether the group's cloud business poses a national security risk."),
    ("Senators urge Treasury to review {a} investments",
     "A bipartisan letter asks for an inquiry into funds that hold shares in the e-commerce group."),
    ("White House memo puts {a} under scrutiny",
     "The memo asks agencies to report on contracts with the group within ninety days."),
    ("FCC opens review of {a} data center licences",
     "The regulator wants to know where customer data from American users is stored."),
    ("Lawmakers call for hearing on {a} data practices",
     "Members of the committee said they would invite executives to testify next month."),
]
EARNINGS = [
    ("{a} quarterly revenue beats estimates on cloud growth",
     "Sales rose faster than analysts expected, helped by demand for computing power."),
    ("{a} earnings preview: what to watch in cloud and commerce",
     "Investors will look at margins in the domestic shopping business and at spending on chips."),
    ("{a} profit falls as spending on AI climbs",
     "Net income dropped from a year earlier while the group kept investing in data centers."),
    ("{a} reports quarterly results ahead of forecasts",
     "The group also raised its buyback programme and kept its outlook for the year."),
]
# Decoys: a watched word without the rest of a rule.
DECOYS = [
    ("{a} opens flagship store in Hangzhou", "Shoppers queued before dawn for the opening of the new site."),
    ("{a} launches new shopping festival campaign", "Merchants prepared discounts on electronics and clothing."),
    ("PLA holds drills near the Taiwan Strait", "Ships and aircraft took part in exercises over two days."),
    ("Tencent quarterly revenue beats estimates", "The gaming group said advertising sales recovered."),
    ("Commerce Department updates chip export rules", "The rules tighten licences for advanced processors."),
    ("Lawmakers question Treasury on sanctions enforcement", "The hearing focused on banks in third countries."),
]

COMPANIES = ["Siemens", "Toyota", "Unilever", "Nestle", "BP", "Samsung", "Airbus", "Volkswagen",
             "Shell", "Nvidia", "Microsoft", "Sony", "Maersk", "Rio Tinto", "HSBC", "Nokia",
             "Ericsson", "Philips", "Carrefour", "Tesco", "Boeing", "Intel", "Infosys", "Tata Motors",
             "Petrobras", "Glencore", "Danone", "Heineken", "Repsol", "Iberdrola"]
PLACES = ["Berlin", "Paris", "Lagos", "Nairobi", "Sao Paulo", "Jakarta", "Mumbai", "Toronto",
          "Madrid", "Warsaw", "Seoul", "Sydney", "Mexico City", "Cairo", "Istanbul", "Manila",
          "Lima", "Oslo", "Dublin", "Johannesburg"]
COUNTRIES = ["Germany", "France", "Brazil", "India", "Japan", "Canada", "Spain", "Poland",
             "Kenya", "Indonesia", "Australia", "Mexico", "Egypt", "Norway", "Chile", "Vietnam"]
SECTORS = ["steel", "shipping", "retail", "housing", "farm", "energy", "airline", "insurance",
           "telecom", "mining", "car", "pharmaceutical", "tourism", "textile"]
THINGS = ["wind farm", "rail line", "battery plant", "port expansion", "data center", "bridge",
          "hospital", "solar park", "metro extension", "water treatment plant"]
NUMS = ["2", "3", "4", "5", "7", "8", "12", "15", "20", "25", "40"]

GENERAL = [
    ("{c} to cut {n},000 jobs in restructuring", "The company said the cuts would fall mostly on office roles over two years."),
    ("{c} shares rise after upbeat outlook", "Management said demand held up better than feared in the second half."),
    ("{c} agrees to buy rival in ${n} billion deal", "The takeover still needs approval from competition authorities."),
    ("{co} central bank holds interest rates steady", "Policymakers said inflation was easing but wages were still rising fast."),
    ("{co} inflation slows to {n}.{n2}% in October", "Lower fuel prices offset higher food costs, the statistics office said."),
    ("Floods disrupt traffic across {p}", "Officials urged residents to avoid travel as rivers burst their banks."),
    ("{p} unveils plan for new {t}", "The city council said construction could start next spring."),
    ("Strike halts {s} production in {co}", "Unions are demanding higher pay to keep up with living costs."),
    ("{co} {s} exports hit record high", "Strong demand from neighbouring markets drove shipments up."),
    ("Oil prices slip as inventories build", "Traders pointed to weaker demand from refiners in Europe."),
    ("{c} recalls {n},000 vehicles over brake fault", "Owners will be contacted by dealers to arrange repairs free of charge."),
    ("{co} election: polls tighten ahead of vote", "Two parties are within a few points of each other, surveys show."),
    ("Heatwave pushes {p} power demand to record", "The grid operator asked large users to cut consumption at peak hours."),
    ("{c} wins contract to build {t} in {p}", "The project is expected to create hundreds of local jobs."),
    ("{co} unemployment falls to lowest in a decade", "Hiring was strongest in services and construction."),
    ("{s} stocks rally as investors rotate out of bonds", "Fund managers said valuations in the sector still looked cheap."),
    ("{c} chief executive to step down next year", "The board has started a search for a successor, the company said."),
    ("{p} airport reopens after fog delays", "Hundreds of flights were cancelled or diverted over the weekend."),
    ("Court blocks {c} merger with regional peer", "Judges said the deal would reduce choice for consumers."),
    ("{co} signs trade pact with {co2}", "The agreement cuts tariffs on machinery and farm goods."),
    ("Scientists in {p} report progress on malaria vaccine", "Early trials showed strong protection in children."),
    ("{c} opens {t} near {p}", "The site will run on renewable power from next year."),
    ("Wildfire forces evacuations outside {p}", "Firefighters were helped by cooler weather overnight."),
    ("{s} prices climb for a third month in {co}", "Analysts expect the increase to slow as supply recovers."),
    ("{co} budget plan targets smaller deficit", "The finance minister promised to protect spending on schools."),
    ("{c} settles lawsuit over data leak", "The settlement covers customers whose records were exposed last year."),
    ("Football: {p} side clinches title on final day", "Fans celebrated in the streets until the early hours."),
    ("{p} museum returns artefacts to {co}", "The objects were taken during the colonial era, curators said."),
    ("{c} to invest ${n} billion in {co} plants", "The money will go to new production lines over five years."),
    ("Housing starts fall in {co} as mortgage costs bite", "Builders blamed higher borrowing costs and a shortage of skilled labour."),
]
SECTIONS = ["business", "world", "markets", "economy", "technology", "politics", "science", "sport"]
PAPERS = ["Herald", "Courier", "Tribune", "Gazette", "Observer", "Post", "Chronicle", "Times", "Ledger", "Dispatch"]
FILLER = [
    "Analysts said the move had been widely expected.",
    "Markets reacted calmly to the news.",
    "The company declined to comment further.",
    "Officials are due to give an update later this week.",
    "More details are expected in the coming days.",
    "The figures will be revised next month.",
]

RULES = '''# The realistic rule set of the peer benchmark, written by bench/peers/genfeeds.py: the
# expected matches per rule are in counts.tsv. The three rules match disjoint items.
[entities]
alibaba = ["Alibaba", "Taobao", "Tmall", "Aliyun"]
pla = ["PLA", "People's Liberation Army"]
us_gov = ["Commerce Department", "Entity List", "Treasury", "White House", "FCC", "senators",
    "lawmakers", "Congress"]

[[rule]]
name = "alibaba-pla"
query = '@alibaba AND (@pla OR military)'
severity = "high"
notify = ["sink"]
# Each generated item counts as its own email: the templated headlines would otherwise group
# into stories, and the comparison is per item, like the peers.
cluster = false

[[rule]]
name = "alibaba-us-action"
query = '@alibaba AND @us_gov'
severity = "high"
notify = ["sink"]
# Each generated item counts as its own email: the templated headlines would otherwise group
# into stories, and the comparison is per item, like the peers.
cluster = false

[[rule]]
name = "alibaba-earnings"
query = '@alibaba AND (earnings OR revenue OR profit OR "quarterly results")'
severity = "medium"
notify = ["sink"]
# Each generated item counts as its own email: the templated headlines would otherwise group
# into stories, and the comparison is per item, like the peers.
cluster = false
'''


def slug(title):
    out = []
    for ch in title.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")[:60]


def fill(rng, template):
    c = rng.choice(COMPANIES)
    co, co2 = rng.sample(COUNTRIES, 2)
    return template.format(a=rng.choice(ALIBABA), c=c, co=co, co2=co2, p=rng.choice(PLACES),
                           s=rng.choice(SECTORS), t=rng.choice(THINGS), n=rng.choice(NUMS),
                           n2=rng.randrange(10))


def feed_document(seed, feed, items, base_time, watched):
    """One feed's XML and its counts (pla, us, earnings)."""
    rng = random.Random(seed * 1_000_003 + feed)
    host = "www.{}{}.example".format(rng.choice(PAPERS).lower(), feed)
    paper = "The {} {}".format(rng.choice(PLACES), rng.choice(PAPERS))
    counts = [0, 0, 0]
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n',
           "<title>{}</title>\n<link>https://{}/</link>\n".format(escape(paper), host),
           "<description>News from {}</description>\n<language>en</language>\n".format(escape(paper)),
           "<lastBuildDate>{}</lastBuildDate>\n".format(email.utils.formatdate(base_time, usegmt=True))]
    for item in range(items):
        r = rng.random()
        family = None
        if r < watched:
            family = int(r / watched * 3)
            title, summary = rng.choice((PLA, US_ACTION, EARNINGS)[family])
            counts[family] += 1
        elif r < 2 * watched:
            title, summary = rng.choice(DECOYS)
        else:
            title, summary = rng.choice(GENERAL)
        title = fill(rng, title)
        summary = "<p>{}</p><p>{}</p>".format(fill(rng, summary), rng.choice(FILLER))
        section = rng.choice(SECTIONS)
        link = "https://{}/{}/{}-nw{}x{}.html".format(host, section, slug(title), feed, item)
        published = base_time - 60 * (item * 10 + feed % 10)
        out.append(
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n"
            "<pubDate>{}</pubDate>\n<category>{}</category>\n<description>{}</description>\n</item>\n"
            .format(escape(title), link, link, email.utils.formatdate(published, usegmt=True),
                    section, escape(summary)))
    out.append("</channel>\n</rss>\n")
    return "".join(out), counts


def generate(args):
    os.makedirs(os.path.join(args.out, "feeds"), exist_ok=True)
    lines = []
    for feed in range(args.feeds):
        xml, (pla, us, earn) = feed_document(args.seed, feed, args.items, args.base_time, args.watched)
        path = os.path.join(args.out, "feeds", "{}.xml".format(feed))
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml)
        # A fixed mtime, so nginx's ETag and Last-Modified depend only on the content.
        os.utime(path, (args.base_time, args.base_time))
        lines.append("{}\t{}\t{}\t{}\t{}\n".format(feed, args.items, pla, us, earn))
    with open(os.path.join(args.out, "counts.tsv"), "w") as f:
        f.write("feed\titems\talibaba-pla\talibaba-us-action\talibaba-earnings\n")
        f.writelines(lines)
    with open(os.path.join(args.out, "rules.toml"), "w") as f:
        f.write(RULES)
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump({"feeds": args.feeds, "items": args.items, "seed": args.seed,
                   "base_time": args.base_time, "watched": args.watched}, f)
        f.write("\n")


def expect(out, n):
    totals = [0, 0, 0, 0]
    with open(os.path.join(out, "counts.tsv")) as f:
        next(f)
        for line in f:
            cols = line.split("\t")
            if int(cols[0]) >= n:
                continue
            for i in range(4):
                totals[i] += int(cols[i + 1])
    if n > 0 and sum(1 for _ in open(os.path.join(out, "counts.tsv"))) - 1 < n:
        sys.exit("genfeeds: fewer than {} feeds in {}".format(n, out))
    print(totals[0], totals[1], totals[2], totals[3], totals[1] + totals[2] + totals[3])


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "expect":
        expect(sys.argv[2], int(sys.argv[3]))
        return
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--feeds", type=int, required=True)
    p.add_argument("--items", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--base-time", type=int, default=None,
                   help="Unix time of the newest item (default: now, rounded down to the hour)")
    p.add_argument("--watched", type=float, default=0.05,
                   help="share of items that match the realistic rules")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    if args.base_time is None:
        import time
        args.base_time = int(time.time()) // 3600 * 3600
    generate(args)


if __name__ == "__main__":
    main()
