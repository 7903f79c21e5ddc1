//! A feed server for benchmarks: serves `--feeds` RSS 2.0 feeds of `--items` items each at
//! `/feed/N.xml` on one or more loopback addresses, with ETag and Last-Modified so a second
//! poll gets real 304s. Content is deterministic (seeded by feed and item number).
//!
//! `cargo run --release --example bench_feed_server -- --feeds 1000 --items 50 --hosts 1 --port-file /tmp/port`

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

/// One topic in twenty mentions the watched story, so about 5% of items match its rule.
const TOPICS: [&str; 20] = [
    "Pentagon memo says Alibaba aided the PLA, shares fall",
    "Chinese firms added to 1260H military companies list",
    "Cloud providers post record quarter on AI demand",
    "Oil prices slip as inventories build",
    "Automakers cut forecasts on weak demand",
    "Retail sales beat expectations in October",
    "Airline traffic recovers to pre-pandemic levels",
    "Semiconductor stocks rally on new orders",
    "Housing starts fall for a third month",
    "Bond yields climb after jobs report",
    "Mining output rises in the third quarter",
    "Telecom operators bid for new spectrum",
    "Commerce Department weighs new export rules for AI chips",
    "Central bank holds rates steady as inflation cools",
    "Shipping costs climb as Red Sea diversions continue",
    "Regulators open inquiry into online marketplace practices",
    "Tech giants report strong demand for data-center capacity",
    "Lawmakers press agencies on foreign investment screening",
    "Farm exports rise on strong harvest",
    "Insurers raise premiums after storm season",
];

struct Feeds {
    documents: Vec<String>,
}

fn argument(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn document(feed: usize, items: usize, now: chrono::DateTime<chrono::Utc>) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Bench feed {feed}</title><link>https://outlet{feed}.example.net/</link>\
         <description>Benchmark feed {feed}</description>\n"
    );
    for item in 0..items {
        let topic = TOPICS[(feed * 31 + item * 7) % TOPICS.len()];
        let date = now - chrono::Duration::minutes((item * 13 + feed % 60) as i64);
        out.push_str(&format!(
            "<item><title>{topic} ({feed}-{item})</title>\
             <link>https://outlet{feed}.example.net/{item}?utm_source=rss</link>\
             <guid isPermaLink=\"false\">bench-{feed}-{item}</guid>\
             <pubDate>{}</pubDate>\
             <description>&lt;p&gt;Report {item} from outlet {feed}: {topic}. Analysts said the \
             move was expected &amp;amp; markets reacted calmly.&lt;/p&gt;</description></item>\n",
            date.to_rfc2822()
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

async fn serve(
    State(feeds): State<Arc<Feeds>>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    let document = name
        .strip_suffix(".xml")
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| feeds.documents.get(n).map(|d| (n, d)));
    let Some((n, body)) = document else {
        return Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Body::empty())
            .expect("static response");
    };
    let etag = format!("\"bench-{n}-v1\"");
    let builder = Response::builder()
        .header("etag", &etag)
        .header("last-modified", "Wed, 25 Nov 2026 08:00:00 GMT");
    if headers
        .get("if-none-match")
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return builder
            .status(StatusCode::NOT_MODIFIED)
            .body(Body::empty())
            .expect("static response");
    }
    builder
        .header("content-type", "application/rss+xml; charset=utf-8")
        .body(Body::from(body.clone()))
        .expect("static response")
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let feeds: usize = argument("--feeds", "1000").parse().expect("--feeds N");
    let items: usize = argument("--items", "50").parse().expect("--items N");
    let hosts: u8 = argument("--hosts", "1").parse().expect("--hosts N (1-250)");
    let port_file = argument("--port-file", "");
    let now = chrono::Utc::now();
    let state = Arc::new(Feeds {
        documents: (0..feeds).map(|f| document(f, items, now)).collect(),
    });
    let app = axum::Router::new()
        .route("/feed/{name}", axum::routing::get(serve))
        .with_state(state);
    // Every address of 127.0.0.0/8 is loopback; several of them stand in for several hosts.
    let first = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = first.local_addr()?.port();
    let mut servers = vec![tokio::spawn(axum::serve(first, app.clone()).into_future())];
    for host in 2..=hosts.max(1) {
        let listener = tokio::net::TcpListener::bind(format!("127.0.0.{host}:{port}")).await?;
        servers.push(tokio::spawn(
            axum::serve(listener, app.clone()).into_future(),
        ));
    }
    if port_file.is_empty() {
        println!("{port}");
    } else {
        std::fs::write(&port_file, port.to_string())?;
    }
    for server in servers {
        let _ = server.await;
    }
    Ok(())
}
