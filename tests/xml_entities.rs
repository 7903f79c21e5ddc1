//! XML entity declarations in a feed are never acted on: feed-rs reads through quick-xml, which
//! expands only the five predefined entities and character references, never one declared in a
//! DOCTYPE. So a billion-laughs document cannot blow up memory or time, and an external entity
//! (`SYSTEM "file:///etc/passwd"`, or an `http://` URL) is neither read nor fetched.

use std::io::ErrorKind;
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use newswatch::feed::ParsedFeed;
use newswatch::feed::parse::{ParseError, parse_feed};

/// `parse_feed` on another thread, failing the test instead of hanging it.
fn parse_within(body: String, limit: Duration) -> Result<ParsedFeed, ParseError> {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(parse_feed("entities", body.as_bytes(), None, None));
    });
    result
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("parsing took longer than {limit:?}"))
}

/// Every piece of text `parse_feed` produced, so a test can look for what must not be there.
fn all_text(parsed: &ParsedFeed) -> String {
    let mut text = parsed.title.clone().unwrap_or_default();
    for item in &parsed.items {
        for field in [&item.title, &item.summary, &item.content, &item.entry_id] {
            text.push('\n');
            text.push_str(field);
        }
        text.extend(item.authors.iter().chain(&item.categories).cloned());
        text.push_str(item.link.as_deref().unwrap_or_default());
    }
    text
}

/// Ten levels of ten references each: 10^9 copies of "lol" (3 GB) if expanded.
fn billion_laughs_doctype(root: &str) -> String {
    let mut doctype = format!("<!DOCTYPE {root} [\n  <!ENTITY lol0 \"lol\">\n");
    for level in 1..=9 {
        let previous = format!("&lol{};", level - 1).repeat(10);
        doctype.push_str(&format!("  <!ENTITY lol{level} \"{previous}\">\n"));
    }
    doctype.push_str("]>\n");
    doctype
}

#[test]
fn billion_laughs_is_not_expanded() {
    let rss = format!(
        "<?xml version=\"1.0\"?>\n{}<rss version=\"2.0\"><channel><title>&lol9;</title>\
         <link>https://example.org/</link><description>&lol9;</description>\
         <item><title>Laughs &lol9;</title><description>&lol9; &lol8;</description>\
         <guid>laughs-1</guid></item></channel></rss>",
        billion_laughs_doctype("rss")
    );
    let atom = format!(
        "<?xml version=\"1.0\"?>\n{}<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>&lol9;</title><id>urn:laughs</id><updated>2024-01-01T00:00:00Z</updated>\
         <entry><title type=\"html\">&lol9;</title><id>urn:laughs:1</id>\
         <updated>2024-01-01T00:00:00Z</updated><content type=\"html\">&lol9;</content>\
         </entry></feed>",
        billion_laughs_doctype("feed")
    );
    for (name, body) in [("rss", rss), ("atom", atom)] {
        let input_len = body.len();
        // Parsing either fails (an undeclared entity to quick-xml) or yields the references
        // unexpanded; both are fine, as long as nothing grows.
        if let Ok(parsed) = parse_within(body, Duration::from_secs(10)) {
            let text = all_text(&parsed);
            assert!(
                text.len() <= input_len,
                "{name}: {} bytes of text from a {input_len}-byte document",
                text.len()
            );
            assert!(
                !text.contains("lollol"),
                "{name}: entities expanded: {text}"
            );
        }
    }
}

#[test]
fn external_entities_are_neither_read_nor_fetched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let secret_path = dir.path().join("secret.txt");
    let marker = "newswatch-secret-marker-7f3a";
    std::fs::write(&secret_path, marker).expect("write secret");
    let secret_url = format!("file://{}", secret_path.display());
    // A listener nobody should connect to: an `http://` entity or DTD pointing at it would show
    // up as a pending connection.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let http_url = format!("http://{}/evil.dtd", listener.local_addr().expect("addr"));

    let documents = [
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n  \
             <!ENTITY secret SYSTEM \"{secret_url}\">\n  <!ENTITY remote SYSTEM \"{http_url}\">\n]>\n\
             <rss version=\"2.0\"><channel><title>&passwd;</title><link>https://example.org/</link>\
             <description>&secret;</description><item><title>x &passwd; &secret; &remote;</title>\
             <description>&secret;</description><guid>xxe-1</guid></item></channel></rss>"
        ),
        // A parameter entity and an external DTD subset: the classic out-of-band variants.
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"{http_url}\" [\n  \
             <!ENTITY % dtd SYSTEM \"{http_url}\">\n  %dtd;\n  <!ENTITY secret SYSTEM \"{secret_url}\">\n]>\n\
             <rss version=\"2.0\"><channel><title>t</title><link>https://example.org/</link>\
             <description>d</description><item><title>&secret;</title><guid>xxe-2</guid></item>\
             </channel></rss>"
        ),
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY secret SYSTEM \"{secret_url}\">\
             <!ENTITY passwd SYSTEM \"file:///etc/passwd\">]>\n\
             <feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&passwd;</title><id>urn:x</id>\
             <updated>2024-01-01T00:00:00Z</updated><entry><title>&secret;</title><id>urn:x:1</id>\
             <updated>2024-01-01T00:00:00Z</updated><summary>&passwd;</summary></entry></feed>"
        ),
    ];
    for (index, body) in documents.into_iter().enumerate() {
        if let Ok(parsed) = parse_within(body, Duration::from_secs(10)) {
            let text = all_text(&parsed);
            assert!(
                !text.contains(marker),
                "document {index}: file read: {text}"
            );
            assert!(
                !text.contains("root:"),
                "document {index}: /etc/passwd read: {text}"
            );
        }
        match listener.accept() {
            Err(error) if error.kind() == ErrorKind::WouldBlock => {}
            other => panic!("document {index}: the parser connected out: {other:?}"),
        }
    }
}
