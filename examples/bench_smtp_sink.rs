//! An SMTP sink for benchmarks: a real SMTP server (mailin-embedded) on 127.0.0.1 that accepts
//! every message and appends one line per message ("<unix ms> <Message-ID>") to a file, so a
//! script can count emails, spot duplicates and time the last one.
//!
//! `cargo run --release --example bench_smtp_sink -- --port-file /tmp/port --log /tmp/mails`

use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
struct Sink {
    log: Arc<Mutex<std::fs::File>>,
    message_id: String,
    in_headers: bool,
}

impl mailin_embedded::Handler for Sink {
    fn data_start(&mut self, _: &str, _: &str, _: bool, _: &[String]) -> mailin_embedded::Response {
        self.message_id.clear();
        self.in_headers = true;
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if self.in_headers {
            for line in String::from_utf8_lossy(buf).lines() {
                if line.is_empty() {
                    self.in_headers = false;
                    break;
                }
                if let Some(id) = line.strip_prefix("Message-ID: ") {
                    self.message_id = id.trim().to_string();
                }
            }
        }
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        if let Ok(mut log) = self.log.lock() {
            let _ = writeln!(log, "{ms} {}", self.message_id);
        }
        mailin_embedded::response::OK
    }
}

fn argument(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() -> std::io::Result<()> {
    // Append mode: the benchmark script empties the file between runs while this keeps it open.
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(argument("--log").unwrap_or_else(|| "mails.log".into()))?;
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    match argument("--port-file") {
        Some(path) => std::fs::write(path, port.to_string())?,
        None => println!("{port}"),
    }
    let sink = Sink {
        log: Arc::new(Mutex::new(log)),
        message_id: String::new(),
        in_headers: false,
    };
    let mut server = mailin_embedded::Server::new(sink);
    server
        .with_name("sink.bench")
        .with_num_threads(32)
        .with_tcp_listener(listener);
    server
        .serve()
        .map_err(|e| std::io::Error::other(e.to_string()))
}
