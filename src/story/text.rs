//! Headline text to story features: the words that say what a report is about, in a form
//! where two outlets' wordings of one event meet.
//!
//! Text is normalized and segmented exactly like rule text ([`FieldText`]: NFKC, case fold,
//! Unicode words, Han characters one word each), so the two never disagree about what a word
//! is. On top of that, story features drop what varies between outlets and says nothing
//! about the event: the outlet's own name around a headline ("- Reuters", "| SCMP",
//! "EXCLUSIVE:"), function words and news boilerplate ("says", "report"), and inflection
//! ("raises", "raised" → `rais`). Numbers stay: they are what tells one quarter's results or
//! one vote from the next. Runs of Han characters become character bigrams (Chinese has no
//! spaces, and bigrams are the usual cheap stand-in for words) plus the English words of the
//! [`glossary`](super::glossary) entries found in them, which is how a Chinese report meets
//! its English versions.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::feed::normalize::normalize_keep_case;
use crate::rules::words::FieldText;

use super::glossary::Glossary;

/// One feature of a text, before hashing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feature {
    /// A stemmed Latin word, a number, a glossary translation or a concept: language-neutral
    /// features that an English and a Chinese report can share.
    Word(String),
    /// Two adjacent Han characters (or a lone one): only Chinese reports share these.
    Han(String),
}

/// Heading labels that wires put before a title: `EXCLUSIVE:`, `UPDATE 2-`, `ANALYSIS-`,
/// `【快讯】`, `独家：`. Repeated labels (`UPDATE 1-EXCLUSIVE-`) all go.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?i:exclusive|breaking(?: news)?|update(?: \d+)?|analysis|factbox|explainer|insight|wrapup(?: \d+)?|refile|corrected|correction|opinion|editorial|watch|video|live|urgent|flash|just in|developing|market wrap|hot stock|stock alert)\s*[-:–—|]\s*|【[^】]{1,16}】\s*|(?:快讯|快訊|独家|獨家|突发|突發|更新|视频|視頻|最新)[:：｜|]\s*)+",
    )
    .expect("the prefix pattern is a valid regex")
});

/// Separators that set an outlet's name off at the end of a title.
const SUFFIX_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | ", "|", "｜", " :: ", "_", " · "];

/// Outlets that are stripped after a colon too ("...: Bloomberg"), where a general rule would
/// also eat the tail of "Alibaba names new chief: Eddie Wu".
const COLON_OUTLETS: &[&str] = &[
    "reuters",
    "bloomberg",
    "cnbc",
    "scmp",
    "ap",
    "afp",
    "ft",
    "wsj",
    "nikkei",
    "xinhua",
    "caixin",
    "report",
    "sources",
    "source",
];

/// Endings of Chinese outlet names (新浪财经, 第一财经, 联合早报, 澎湃新闻, 财新网).
const HAN_OUTLET_ENDINGS: &[&str] = &[
    "网", "網", "报", "報", "社", "台", "新闻", "新聞", "财经", "財經", "日报", "日報", "时报",
    "時報", "周刊", "週刊", "头条", "頭條", "在线", "在線", "早报", "早報", "晚报", "晚報", "新浪",
    "搜狐", "网易", "網易", "凤凰", "鳳凰", "澎湃", "财新", "財新", "界面",
];

/// Function words and news boilerplate: words every kind of story uses, and outlets' names
/// (a Google News summary ends in one), which would otherwise tie together unrelated items
/// from the same outlet.
const STOP_WORDS: &str = "\
    a about above after again against ago all also am amid an and any are as at be because \
    been before being below between both but by can could did do does doing down during each \
    e few for from further had has have having he her here hers him his how i if in into is \
    it its itself just may me might more most must my no nor not now of off on once only or \
    other our ours out over own s same she should so some such than that the their theirs \
    them then there these they this those through to too under until up upon very via was we \
    were what when where which while who whom why will with would you your yet says said say \
    saying told tells tell report reports reported reportedly according news update updated \
    updates exclusive breaking latest live sources source people familiar matter new week \
    day today yesterday tomorrow year years amp read more full story article click here \
    reuters bloomberg cnbc scmp ap afp ft wsj cnn bbc nikkei xinhua caixin yahoo marketwatch \
    barron's barrons forbes fortune axios politico guardian times post journal herald \
    insider techcrunch verge google com www http https inc ltd co corp plc llc limited \
    holding holdings";

static STOP_WORD_SET: LazyLock<HashSet<&str>> =
    LazyLock::new(|| STOP_WORDS.split_whitespace().collect());

const TRADITIONAL_PAIRS: &str = include_str!("traditional.txt");

/// Traditional to Simplified characters, from [`TRADITIONAL_PAIRS`].
static SIMPLIFIED: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in TRADITIONAL_PAIRS.lines().filter(|l| !l.starts_with('#')) {
        let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
        for pair in chars.chunks_exact(2) {
            map.insert(pair[0], pair[1]);
        }
    }
    map
});

/// The Simplified form of a Han character (itself when it has none or is Simplified).
pub fn simplified(c: char) -> char {
    SIMPLIFIED.get(&c).copied().unwrap_or(c)
}

/// Han characters that glue words together rather than carry meaning (的 "of", 了, 在 "at"):
/// a bigram with one of them is noise.
const HAN_STOP: &[char] = &[
    '的', '了', '在', '是', '和', '与', '與', '及', '将', '將', '对', '對', '把', '被', '为', '為',
    '于', '於', '也', '而', '并', '並', '或', '等', '之', '其', '这', '這', '那', '个', '個', '着',
    '著', '就', '都', '已', '又', '还', '還', '向', '从', '從', '以', '称', '稱', '据', '據', '再',
    '至', '让', '讓', '给', '給',
];

/// The features of a headline or summary, appended to `out`.
pub fn features_of(text: &str, glossary: &Glossary, out: &mut Vec<Feature>) {
    if text.trim().is_empty() {
        return;
    }
    let normalized = normalize_keep_case(text);
    let stripped = strip_outlet(&normalized);
    let field = FieldText::new(stripped);
    let mut han_run = String::new();
    let mut run_end = usize::MAX;
    // The last word, if a number, and where it ended: "2624亿" and "262.4 billion" are one
    // amount, written apart.
    let mut number: Option<(f64, usize)> = None;
    for i in 0..field.words.len() {
        let word = field.word(i);
        let range = field.words[i];
        if let Some((value, end)) = number.take() {
            let adjacent = range.start as usize == end;
            if let Some(scale) = magnitude(word, adjacent) {
                out.push(Feature::Word(amount(value * scale)));
            }
        }
        if is_number(word) {
            number = word
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .map(|value| (value, range.end as usize));
        }
        if word.chars().next().is_some_and(is_han) {
            if range.start as usize != run_end {
                han_features(&han_run, glossary, out);
                han_run.clear();
            }
            han_run.extend(word.chars().map(simplified));
            run_end = range.end as usize;
            continue;
        }
        han_features(&han_run, glossary, out);
        han_run.clear();
        run_end = usize::MAX;
        push_word(word, out);
    }
    han_features(&han_run, glossary, out);
    push_agencies(&field.folded, out);
}

/// US agencies in the news go by several names each ("the Pentagon", "DOD", "the Defense
/// Department", "the Department of War"): each name also gives one feature for the agency,
/// so that a release and the reports of it meet whichever name each uses.
static AGENCIES: LazyLock<[(Regex, &'static str); 2]> = LazyLock::new(|| {
    let names = |alternatives: &str| {
        Regex::new(&format!(r"\b(?:{alternatives})\b")).expect("agency names are a valid regex")
    };
    [
        (
            names(
                "pentagon|dod|department of defense|defense department|department of war|war department|us pentagon",
            ),
            "agency-pentagon",
        ),
        (
            names(
                "commerce department|department of commerce|bureau of industry and security|bis|entity list|us commerce",
            ),
            "agency-commerce",
        ),
    ]
});

fn push_agencies(folded: &str, out: &mut Vec<Feature>) {
    for (names, agency) in AGENCIES.iter() {
        if names.is_match(folded) {
            out.push(Feature::Word((*agency).to_string()));
        }
    }
}

/// The scale a word gives the number before it: an English magnitude word, or a Chinese
/// one written right after the digits.
fn magnitude(word: &str, adjacent: bool) -> Option<f64> {
    match word {
        "trillion" | "tn" => Some(1e12),
        "billion" | "bn" => Some(1e9),
        "million" | "mn" | "mln" => Some(1e6),
        "亿" | "億" if adjacent => Some(1e8),
        "万" | "萬" if adjacent => Some(1e4),
        _ => None,
    }
}

/// An amount as a feature, to three significant digits: 262.4 billion and 2,624亿 are both
/// `2.62e11`.
fn amount(value: f64) -> String {
    format!("{value:.2e}")
}

/// A Latin word or number as a feature, unless it is a stop word.
pub fn push_word(word: &str, out: &mut Vec<Feature>) {
    if is_stop_word(word) {
        return;
    }
    if is_number(word) && word.contains(',') {
        // "2,719" and "2719" are one number.
        out.push(Feature::Word(word.replace(',', "")));
        return;
    }
    out.push(Feature::Word(stem(word).into_owned()));
    push_model_parts(word, out);
}

/// Product and model names mix letters and digits, and outlets write them apart or together
/// ("Ascend 950PR" and "950 chip", "Qwen4" and "Qwen 4"): their leading number (`950pr` →
/// `950`) and leading name (`qwen4` → `qwen`) are features too.
fn push_model_parts(word: &str, out: &mut Vec<Feature>) {
    let bytes = word.as_bytes();
    if !bytes.iter().all(u8::is_ascii_alphanumeric)
        || !bytes.iter().any(u8::is_ascii_digit)
        || !bytes.iter().any(u8::is_ascii_alphabetic)
    {
        return;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if digits > 0 {
        out.push(Feature::Word(word[..digits].to_string()));
    } else if letters >= 3 {
        out.push(Feature::Word(word[..letters].to_string()));
    }
}

/// Words of a headline about a price move, and of the things whose price moves (stemmed when
/// the sets are built, so that they meet the features however the stemmer cuts them).
const MOVE_DOWN: &str = "fall fell drop sink sank slump plunge tumble slid slide dip tank lose \
    lost slip sell-off selloff rout";
const MOVE_UP: &str = "rise rose jump surge soar rally rallies rebound gain climb bounce";
const MARKET_NOUNS: &str = "share stock adr hang seng index nasdaq ipo market value investor \
    trade trading";
/// Words of a headline about business results, where a "rise" is not a price move.
const RESULT_WORDS: &str = "revenue profit sales earnings growth growing quarter results loss \
    margin income";

/// Words of a headline about a reaction to news (a denial, a protest, a promise to fight
/// back): the reaction is a story of its own, after the action it answers, and shares its
/// every name.
const REACTION_WORDS: &str = "respond response react reaction vow slam condemn oppose reject \
    deny denial denounce retaliate retaliation countermeasure protest rebuke refute dismiss \
    basis baseless groundless unfounded untrue clarify clarification rebut fight";

fn stemmed_set(words: &'static str) -> HashSet<String> {
    words
        .split_whitespace()
        .map(|word| stem(word).into_owned())
        .collect()
}

static MOVE_DOWN_SET: LazyLock<HashSet<String>> = LazyLock::new(|| stemmed_set(MOVE_DOWN));
static MOVE_UP_SET: LazyLock<HashSet<String>> = LazyLock::new(|| stemmed_set(MOVE_UP));
static MARKET_NOUN_SET: LazyLock<HashSet<String>> = LazyLock::new(|| stemmed_set(MARKET_NOUNS));
static RESULT_WORD_SET: LazyLock<HashSet<String>> = LazyLock::new(|| stemmed_set(RESULT_WORDS));
static REACTION_WORD_SET: LazyLock<HashSet<String>> = LazyLock::new(|| stemmed_set(REACTION_WORDS));

/// Whether a title's features make it a reaction headline ("China vows 'necessary
/// measures' after ...", "外交部回应...").
pub fn is_reaction(title_features: &[Feature]) -> bool {
    title_features
        .iter()
        .any(|f| matches!(f, Feature::Word(w) if REACTION_WORD_SET.contains(w.as_str())))
}

/// Whether a title's features make it a market-move headline ("Alibaba shares plunge 8%",
/// "Alibaba sinks after ..."): a price move is news of its own, apart from the event that
/// caused it, even when both name the same company and the same cause.
pub fn is_market_move(title_features: &[Feature]) -> bool {
    let words = || {
        title_features.iter().filter_map(|f| match f {
            Feature::Word(w) => Some(w.as_str()),
            Feature::Han(_) => None,
        })
    };
    let noun = words().any(|w| MARKET_NOUN_SET.contains(w));
    let verb = words().any(|w| MOVE_DOWN_SET.contains(w) || MOVE_UP_SET.contains(w));
    let results = words().any(|w| RESULT_WORD_SET.contains(w));
    verb && (noun || !results)
}

/// Companies often in the news, as their names' first word (the glossary gives the Chinese
/// forms the same words). A headline's first company is what it is about: two reports whose
/// titles lead with different companies are different stories even on the same day and
/// subject (Tencent's results and Alibaba's), which their shared vocabulary cannot tell.
const COMPANIES: &str = "alibaba aliyun ant tencent baidu jd huawei xiaomi bytedance tiktok \
    douyin pdd pinduoduo temu meituan byd smic tsmc nvidia apple microsoft google alphabet \
    amazon tesla samsung catl inspur dji zte hikvision sensetime megvii iflytek kuaishou \
    netease nio xpeng li geely lenovo intel amd qualcomm micron broadcom asml openai \
    anthropic meta oracle ibm cisco boeing shein unitree deepseek moonshot zhipu yangtze \
    cxmt sugon";

static COMPANY_SET: LazyLock<HashSet<String>> = LazyLock::new(|| stemmed_set(COMPANIES));

/// The first company a title's features name (its stemmed word), if any. "JD.com" is one
/// word to the segmenter and "jd" in the glossary's translation of 京东.
pub fn lead_company(title_features: &[Feature]) -> Option<String> {
    title_features.iter().find_map(|f| match f {
        Feature::Word(w) => {
            let name = w.strip_suffix(".com").unwrap_or(w);
            COMPANY_SET.contains(name).then(|| name.to_string())
        }
        Feature::Han(_) => None,
    })
}

/// Digits with decimal or thousands separators: "7", "9.2", "2,719".
pub fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// A number that tells one event from another of the same kind (a percentage, an amount, a
/// count), as opposed to a year, which every report of the time shares.
pub fn is_distinguishing_number(word: &str) -> bool {
    is_number(word) && !(word.len() == 4 && ("1990".."2040").contains(&word))
}

fn is_stop_word(word: &str) -> bool {
    STOP_WORD_SET.contains(word)
}

/// Bigrams of a run of Han characters, and the glossary's English words for the terms in it.
fn han_features(run: &str, glossary: &Glossary, out: &mut Vec<Feature>) {
    if run.is_empty() {
        return;
    }
    let chars: Vec<char> = run.chars().collect();
    glossary.translate(&chars, &mut |english| {
        for word in english.split(' ') {
            push_word(word, out);
        }
        push_agencies(english, out);
    });
    if chars.len() == 1 {
        if !HAN_STOP.contains(&chars[0]) {
            out.push(Feature::Han(chars[0].to_string()));
        }
        return;
    }
    for pair in chars.windows(2) {
        if HAN_STOP.contains(&pair[0]) || HAN_STOP.contains(&pair[1]) {
            continue;
        }
        out.push(Feature::Han(pair.iter().collect()));
    }
}

/// Han ideographs, kana and hangul: scripts whose words are not set off by spaces.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // kana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{ac00}'..='\u{d7af}' // hangul syllables
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{20000}'..='\u{2ffff}')
}

/// A title without the outlet's labels around it: heading labels at the front ("EXCLUSIVE:",
/// "UPDATE 2-"), and the outlet's name at the end after a dash, bar or colon, twice for
/// "Title - Reuters | Google News".
pub fn strip_outlet(text: &str) -> &str {
    let mut rest = text;
    if let Some(found) = PREFIX.find(rest) {
        // A title that is nothing but labels keeps its text.
        if found.end() < rest.len() {
            rest = &rest[found.end()..];
        }
    }
    for _ in 0..2 {
        let trimmed = strip_outlet_suffix(rest);
        if trimmed.len() == rest.len() {
            break;
        }
        rest = trimmed;
    }
    rest.trim()
}

fn strip_outlet_suffix(text: &str) -> &str {
    let text = text.trim_end();
    let mut best: Option<usize> = None;
    for separator in SUFFIX_SEPARATORS {
        if let Some(at) = text.rfind(separator) {
            let tail = &text[at + separator.len()..];
            if at > 0 && looks_like_outlet(tail) {
                best = Some(best.map_or(at, |b: usize| b.max(at)));
            }
        }
    }
    if best.is_none()
        && let Some(at) = text.rfind(": ")
    {
        let tail = text[at + 2..].trim().to_lowercase();
        if at > 0 && (COLON_OUTLETS.contains(&tail.as_str()) || is_domain(&tail)) {
            best = Some(at);
        }
    }
    match best {
        Some(at) => text[..at].trim_end(),
        None => text,
    }
}

/// An outlet's name: short, no digits, and either capitalized Latin words ("South China
/// Morning Post", "The Wall Street Journal"), a domain, or a Chinese name with an outlet's
/// usual ending.
fn looks_like_outlet(tail: &str) -> bool {
    let tail = tail.trim();
    if tail.is_empty() || tail.len() > 48 || tail.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if tail.chars().any(is_han) {
        let han: String = tail.chars().filter(|c| !c.is_whitespace()).collect();
        return han.chars().count() <= 10
            && han.chars().all(|c| is_han(c) || c.is_ascii_alphabetic())
            && HAN_OUTLET_ENDINGS
                .iter()
                .any(|ending| han.ends_with(ending) || han.starts_with(ending));
    }
    if is_domain(&tail.to_lowercase()) {
        return true;
    }
    let words: Vec<&str> = tail.split_whitespace().collect();
    words.len() <= 5
        && words.iter().all(|word| {
            let first = word.chars().next();
            first.is_some_and(|c| c.is_uppercase())
                || matches!(*word, "of" | "the" | "and" | "&" | "de" | "on" | "for")
        })
}

fn is_domain(text: &str) -> bool {
    let mut labels = text.split('.');
    text.contains('.')
        && !text.contains(' ')
        && labels.all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && text
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// A light English stemmer: plural and verb endings off, then a final `e`, so "raises",
/// "raised", "raising" and "raise" all become `rais`. Conservative on short words (`us`,
/// `news`, `gas`) and leaves numbers and non-ASCII words alone. A full Porter stemmer merges
/// more ("general"/"generate") and was not needed: the point is that two outlets' tenses meet.
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    let mut w = word;
    let mut owned: Option<String> = None;
    if let Some(base) = w.strip_suffix("ies").filter(|b| b.len() >= 3) {
        owned = Some(format!("{base}y"));
    } else if w.ends_with("sses")
        || w.ends_with("xes")
        || w.ends_with("ches")
        || w.ends_with("shes")
    {
        w = &w[..w.len() - 2];
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w = &w[..w.len() - 1];
    } else if let Some(base) = w.strip_suffix("ing").filter(|b| b.len() >= 3) {
        w = undouble(base);
    } else if let Some(base) = w.strip_suffix("ed").filter(|b| b.len() >= 3) {
        w = undouble(base);
    }
    if let Some(owned) = owned {
        return Cow::Owned(owned);
    }
    let w = match w.strip_suffix('e') {
        Some(base) if base.len() >= 3 => base,
        _ => w,
    };
    Cow::Borrowed(w)
}

/// "cutting" → "cutt" → "cut"; "falling" keeps "fall" (ll, ss are English stems).
fn undouble(base: &str) -> &str {
    let bytes = base.as_bytes();
    let n = bytes.len();
    if n >= 4
        && bytes[n - 1] == bytes[n - 2]
        && !matches!(bytes[n - 1], b'l' | b's' | b'z' | b'f')
        && !matches!(bytes[n - 1], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        &base[..n - 1]
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_labels_are_stripped() {
        let cases = [
            ("Alibaba shares fall - Reuters", "Alibaba shares fall"),
            ("Alibaba shares fall | SCMP", "Alibaba shares fall"),
            ("Alibaba shares fall – CNBC", "Alibaba shares fall"),
            ("Alibaba shares fall: Bloomberg", "Alibaba shares fall"),
            ("EXCLUSIVE: Alibaba shares fall", "Alibaba shares fall"),
            ("UPDATE 2-Alibaba shares fall", "Alibaba shares fall"),
            (
                "UPDATE 1-EXCLUSIVE-Alibaba shares fall - Reuters",
                "Alibaba shares fall",
            ),
            (
                "Alibaba shares fall - South China Morning Post",
                "Alibaba shares fall",
            ),
            (
                "Alibaba shares fall - Reuters | Google News",
                "Alibaba shares fall",
            ),
            (
                "Alibaba shares fall - finance.yahoo.com",
                "Alibaba shares fall",
            ),
            ("阿里巴巴股价下跌_新浪财经", "阿里巴巴股价下跌"),
            ("【快讯】阿里巴巴股价下跌", "阿里巴巴股价下跌"),
            // Not outlets: content after the separator stays.
            ("Alibaba Q3 - revenue up 7%", "Alibaba Q3 - revenue up 7%"),
            (
                "Alibaba names new chief: Eddie Wu",
                "Alibaba names new chief: Eddie Wu",
            ),
            ("US-China talks resume", "US-China talks resume"),
            ("EXCLUSIVE:", "EXCLUSIVE:"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_outlet(input), want, "{input}");
        }
    }

    #[test]
    fn amounts_meet_across_languages() {
        let english = words_of("Revenue rose to 262.4 billion yuan, cloud 46.1 bn");
        let chinese = words_of("收入2,624亿元，云智能集团收入461亿元");
        for want in ["2.62e11", "4.61e10"] {
            assert!(english.iter().any(|w| w == want), "{want} in {english:?}");
            assert!(chinese.iter().any(|w| w == want), "{want} in {chinese:?}");
        }
        assert!(words_of("$3.2 billion").contains(&"3.20e9".to_string()));
        assert!(words_of("32億美元").contains(&"3.20e9".to_string()));
        // A Chinese magnitude set apart from the number is another word.
        assert!(!words_of("第3 亿").iter().any(|w| w.contains('e')));
    }

    #[test]
    fn stemming_meets_tenses_and_plurals() {
        for (a, b) in [
            ("raises", "raised"),
            ("raising", "raise"),
            ("companies", "company"),
            ("cutting", "cut"),
            ("sanctions", "sanction"),
            ("taxes", "tax"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("7.5"), "7.5");
        assert_eq!(stem("falling"), "fall");
    }

    fn words_of(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        features_of(text, Glossary::builtin(), &mut out);
        out.into_iter()
            .filter_map(|f| match f {
                Feature::Word(w) => Some(w),
                Feature::Han(_) => None,
            })
            .collect()
    }

    #[test]
    fn stop_words_go_and_numbers_stay() {
        assert_eq!(
            words_of("Alibaba says revenue rose 7% in the quarter - Reuters"),
            ["alibaba", "revenu", "ros", "7", "quarter"]
        );
    }

    #[test]
    fn han_text_becomes_bigrams_and_glossary_words() {
        let mut out = Vec::new();
        features_of("美国商务部制裁阿里巴巴", Glossary::builtin(), &mut out);
        let han: Vec<&str> = out
            .iter()
            .filter_map(|f| match f {
                Feature::Han(h) => Some(h.as_str()),
                Feature::Word(_) => None,
            })
            .collect();
        assert_eq!(
            han,
            [
                "美国", "国商", "商务", "务部", "部制", "制裁", "裁阿", "阿里", "里巴", "巴巴"
            ]
        );
        let words = words_of("美国商务部制裁阿里巴巴");
        for want in ["us", "commerc", "department", "sanction", "alibaba"] {
            assert!(words.iter().any(|w| w == want), "{want} in {words:?}");
        }
    }

    #[test]
    fn an_agency_by_any_name_is_one_feature() {
        for text in [
            "DOD Releases List of Chinese Military Companies",
            "Pentagon adds Alibaba to list",
            "The Department of War said",
            "美国国防部将阿里巴巴列入清单",
        ] {
            assert!(
                words_of(text).iter().any(|w| w == "agency-pentagon"),
                "{text}"
            );
        }
        assert!(words_of("Additions to the Entity List").contains(&"agency-commerce".to_string()));
        // China's commerce ministry is not the US department.
        assert!(
            !words_of("中国商务部回应")
                .iter()
                .any(|w| w.starts_with("agency-"))
        );
        assert!(
            !words_of("Alibaba's quick commerce unit")
                .iter()
                .any(|w| w.starts_with("agency-"))
        );
    }

    #[test]
    fn han_stop_characters_break_bigrams() {
        let mut out = Vec::new();
        features_of("公司的股价", Glossary::builtin(), &mut out);
        assert!(out.contains(&Feature::Han("公司".into())));
        assert!(out.contains(&Feature::Han("股价".into())));
        assert!(!out.contains(&Feature::Han("司的".into())));
    }

    #[test]
    fn traditional_characters_fold_to_simplified() {
        let mut traditional = Vec::new();
        features_of("騰訊第三季業績", Glossary::builtin(), &mut traditional);
        let mut simplified = Vec::new();
        features_of("腾讯第三季业绩", Glossary::builtin(), &mut simplified);
        assert_eq!(traditional, simplified);
    }

    #[test]
    fn model_names_meet_written_apart() {
        let words = words_of("Huawei ships Ascend 950PR, Alibaba Qwen4");
        for want in ["950pr", "950", "qwen4", "qwen"] {
            assert!(words.iter().any(|w| w == want), "{want} in {words:?}");
        }
    }

    #[test]
    fn mixed_script_text_splits_into_runs() {
        let words = words_of("阿里巴巴Alibaba第三季度营收增长5%");
        for want in ["alibaba", "third", "quarter", "revenu", "5"] {
            assert!(words.iter().any(|w| w == want), "{want} in {words:?}");
        }
    }
}
