//! Filings: who filed. An EDGAR company feed titles its entries with the form alone ("6-K -
//! Report of foreign issuer [Rules 13a-16 and 15d-16]"), and the filer is only in the feed's
//! title ("Alibaba Group Holding Ltd (0001577552)"), so an alert's subject would not say whose
//! filing it is. The form gets the filer named after it: "6-K (Alibaba Group Holding Ltd) -
//! Report of foreign issuer ...", from the feed's title, or the feed's name when it has none.
//! Entries that already name a filer (EDGAR's all-company feeds: "6-K - ALIBABA GROUP HOLDING
//! LTD (0001577552) (Filer)") are left alone.

use std::sync::LazyLock;

use regex::Regex;

use super::Item;

/// A form type ("6-K", "SC 13G/A"), then " - " and the form's description.
static FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9A-Z][0-9A-Z./-]{0,15}(?: [0-9A-Z][0-9A-Z./-]{0,15})?)\s+-\s+(.*)$")
        .expect("the form pattern is valid")
});

/// The CIK EDGAR puts after a company's name.
static CIK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\(\d{6,10}\)\s*$").expect("the CIK pattern is valid"));

/// Names the filer in the titles of `items` that are EDGAR filings titled by form only.
pub fn name_filer(feed_title: Option<&str>, feed_name: &str, items: &mut [Item]) {
    let filer = feed_title
        .map(|title| CIK.replace(title, "").trim().to_string())
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| feed_name.to_string());
    for item in items.iter_mut().filter(|item| is_edgar(item)) {
        let Some(found) = FORM.captures(&item.title) else {
            continue;
        };
        let description = &found[2];
        if description.contains("(Filer)") || description.contains("(Subject)") {
            continue;
        }
        item.title = format!("{} ({filer}) - {description}", &found[1]);
    }
}

fn is_edgar(item: &Item) -> bool {
    item.link
        .as_deref()
        .and_then(|link| url::Url::parse(link).ok())
        .and_then(|url| url.host_str().map(str::to_ascii_lowercase))
        .is_some_and(|host| host == "sec.gov" || host.ends_with(".sec.gov"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filing(title: &str, link: &str) -> Item {
        Item {
            title: title.to_string(),
            link: Some(link.to_string()),
            ..Item::default()
        }
    }

    #[test]
    fn a_company_feeds_forms_name_the_filer() {
        let link = "https://www.sec.gov/Archives/edgar/data/1577552/x-index.htm";
        let mut items = vec![
            filing(
                "6-K  - Report of foreign issuer [Rules 13a-16 and 15d-16]",
                link,
            ),
            filing("SC 13G/A - Statement of acquisition", link),
            filing("6-K - ALIBABA GROUP HOLDING LTD (0001577552) (Filer)", link),
            filing("6-K - Report of foreign issuer", "https://example.com/6k"),
            filing("Alibaba files its annual report", link),
        ];
        name_filer(
            Some("Alibaba Group Holding Ltd (0001577552)"),
            "sec",
            &mut items,
        );
        let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "6-K (Alibaba Group Holding Ltd) - Report of foreign issuer [Rules 13a-16 and 15d-16]",
                "SC 13G/A (Alibaba Group Holding Ltd) - Statement of acquisition",
                "6-K - ALIBABA GROUP HOLDING LTD (0001577552) (Filer)",
                "6-K - Report of foreign issuer",
                "Alibaba files its annual report",
            ]
        );
        let mut untitled = vec![filing("10-K - Annual report", link)];
        name_filer(None, "sec-alibaba-6k", &mut untitled);
        assert_eq!(untitled[0].title, "10-K (sec-alibaba-6k) - Annual report");
    }
}
