//! Times `parse_feed` on generated malformed documents of growing size, to show that the
//! repair layer stays linear on the inputs that once made it quadratic (titles never closed):
//! `cargo run --release --example parse_worst`.
fn main() {
    for kb in [64usize, 256, 512, 2048] {
        for (name, item) in [
            (
                "unclosed-inline",
                "<item><title>Alibaba <b>earnings beat</title><description>x</description></item>\n",
            ),
            (
                "unclosed-title",
                "<item><title>Alibaba earnings<description>x</description></item>\n",
            ),
            (
                "stray-lt",
                "<item><title>a < b</title><description>x <i>y</description></item>\n",
            ),
        ] {
            let mut doc = String::from(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\n",
            );
            while doc.len() < kb * 1024 {
                doc.push_str(item);
            }
            doc.push_str("</channel></rss>");
            let t = std::time::Instant::now();
            let r = newswatch::feed::parse::parse_feed("w", doc.as_bytes(), None, None);
            println!(
                "{name} {kb} KiB: {:?} items={:?}",
                t.elapsed(),
                r.map(|p| p.items.len()).map_err(|e| e.to_string())
            );
        }
    }
}
