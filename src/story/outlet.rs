//! Which outlet carried an item, for "+4 outlets: Reuters, SCMP, ...". Aggregators (Google
//! News, Bing) name the outlet after the headline ("... - Reuters"); otherwise the article's
//! host says it (`scmp.com`), and failing both, the feed's own name.

/// The outlet of an item with this `title`, canonical `link` and `feed` name.
pub fn outlet(title: &str, link: Option<&str>, feed: &str) -> String {
    if let Some(name) = title_suffix(title) {
        return name.to_string();
    }
    link.and_then(host_name).unwrap_or_else(|| feed.to_string())
}

/// The outlet an aggregator appends: `Headline - Reuters`, `Headline | SCMP`,
/// `Headline – CNBC`, `Headline: Bloomberg`.
fn title_suffix(title: &str) -> Option<&str> {
    let title = title.trim();
    let (head, tail, colon) = [" - ", " | ", " – ", " — ", ": "]
        .iter()
        .filter_map(|sep| {
            title
                .rfind(sep)
                .map(|at| (&title[..at], &title[at + sep.len()..], *sep == ": "))
        })
        .max_by_key(|(head, _, _)| head.len())?;
    let tail = tail.trim();
    let words: Vec<&str> = tail.split_whitespace().collect();
    let longest = if colon { 2 } else { 5 };
    let looks_like_a_name = !words.is_empty()
        && words.len() <= longest
        && tail.chars().count() <= 40
        && !tail.ends_with(['.', '?', '!', '"', '\''])
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || is_joiner(w));
    (looks_like_a_name && head.split_whitespace().count() >= 3).then_some(tail)
}

/// Lower-case words that appear inside outlet names ("South China Morning Post" has none,
/// "Voice of America" and "The Times of India" do).
fn is_joiner(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "de" | "du" | "la" | "le" | "for"
    )
}

/// `https://www.scmp.com/news/...` → `scmp.com`.
fn host_name(link: &str) -> Option<String> {
    let url = url::Url::parse(link).ok()?;
    let host = url.host_str()?;
    let host = ["www.", "m.", "amp.", "mobile."]
        .iter()
        .find_map(|prefix| host.strip_prefix(prefix))
        .unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::outlet;

    #[test]
    fn aggregator_suffixes_name_the_outlet() {
        for (title, expected) in [
            (
                "Alibaba denies links to Chinese military - Reuters",
                "Reuters",
            ),
            (
                "Pentagon adds Alibaba to list | South China Morning Post",
                "South China Morning Post",
            ),
            ("Alibaba shares slide after memo – CNBC", "CNBC"),
            (
                "Alibaba stock falls on Pentagon list: Bloomberg",
                "Bloomberg",
            ),
            (
                "Alibaba named in memo - Voice of America",
                "Voice of America",
            ),
        ] {
            assert_eq!(outlet(title, None, "feed"), expected, "{title}");
        }
    }

    #[test]
    fn otherwise_the_link_host_or_the_feed() {
        assert_eq!(
            outlet(
                "Alibaba denies links to Chinese military",
                Some("https://www.scmp.com/tech/article/1"),
                "scmp-tech"
            ),
            "scmp.com"
        );
        assert_eq!(outlet("Alibaba denies", None, "sec-alibaba"), "sec-alibaba");
    }

    #[test]
    fn a_dash_inside_a_headline_is_not_an_outlet() {
        // The tail is a clause, not a name.
        assert_eq!(
            outlet(
                "US-China talks resume - officials say progress made",
                None,
                "wire"
            ),
            "wire"
        );
        assert_eq!(outlet("Q3 results: revenue up 5%", None, "wire"), "wire");
        assert_eq!(outlet("Alibaba - Reuters", None, "wire"), "wire");
    }
}
