//! The JSON documents webhooks receive, checked against the JSON Schemas that users program
//! against (`docs/schema/`). The real binary polls the offline demo's feeds (English news, a
//! wire, a GB2312 Chinese feed) and posts to a receiver on loopback; every body it posts must
//! validate: single alerts of one or several rules, a Chinese title with its matches, a
//! "possibly related" story, story follow-ups, a health alert, `send-test`'s sample and
//! digests carrying follow-ups and held alerts. The examples in `docs/ALERTS.md` must validate
//! too, and broken copies of real documents must not, so the schemas are not vacuous.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use common::news::{TestWebhook, verify};
use common::{CliOutput, repo_file, run_cli};
use jsonschema::{Registry, Validator};
use serde_json::{Value, json};

const ALERT: &str = "newswatch.alert.v1.schema.json";
const STORY_UPDATE: &str = "newswatch.story_update.v1.schema.json";
const DIGEST: &str = "newswatch.digest.v1.schema.json";

/// One validator per document type, built from the files in `docs/schema/` as a validator
/// reading that folder would: each file at its own `file:` URI, so the relative `$ref`s
/// between them resolve to the files beside it, and nothing is fetched from anywhere else.
struct Schemas {
    alert: Validator,
    story_update: Validator,
    digest: Validator,
}

impl Schemas {
    fn load() -> Schemas {
        let dir = repo_file("docs/schema");
        let uri = |name: &str| {
            url::Url::from_file_path(dir.join(name))
                .expect("absolute path")
                .to_string()
        };
        let read = |name: &str| -> Value {
            let text = std::fs::read_to_string(dir.join(name)).expect("schema file");
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"))
        };
        let registry = Registry::new()
            .add(uri(ALERT), read(ALERT))
            .and_then(|r| r.add(uri(STORY_UPDATE), read(STORY_UPDATE)))
            .and_then(|r| r.add(uri(DIGEST), read(DIGEST)))
            .and_then(|r| r.prepare())
            .expect("schema registry");
        let build = |name: &str| {
            jsonschema::options()
                .with_registry(&registry)
                .with_base_uri(uri(name))
                .should_validate_formats(true)
                .build(&read(name))
                .unwrap_or_else(|e| panic!("{name} does not compile: {e}"))
        };
        Schemas {
            alert: build(ALERT),
            story_update: build(STORY_UPDATE),
            digest: build(DIGEST),
        }
    }

    /// The validator for a document's `type`.
    fn of(&self, document: &Value) -> &Validator {
        match document["type"].as_str() {
            Some("newswatch.alert.v1") => &self.alert,
            Some("newswatch.story_update.v1") => &self.story_update,
            Some("newswatch.digest.v1") => &self.digest,
            other => panic!("a document of unknown type {other:?}: {document}"),
        }
    }

    /// Every way `document` breaks its schema, one per line; empty when it is valid.
    fn errors(&self, document: &Value) -> Vec<String> {
        self.of(document)
            .iter_errors(document)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }

    #[track_caller]
    fn assert_valid(&self, document: &Value) {
        let errors = self.errors(document);
        assert!(errors.is_empty(), "{}\nin {document:#}", errors.join("\n"));
    }
}

/// Runs `newswatch -c CONFIG ARGS` off the async runtime, so the receiver keeps answering.
async fn newswatch(config: &Path, args: &[&str]) -> CliOutput {
    let mut line = vec!["-c".to_string(), config.display().to_string()];
    line.extend(args.iter().map(|a| a.to_string()));
    tokio::task::spawn_blocking(move || run_cli(line))
        .await
        .expect("join")
}

/// The demo's entities, feeds (as `file:` URLs into this repository) and a webhook channel
/// `hook` posting to `url`, with `daemon`, `rules` and `channel_extra` added.
fn config(dir: &Path, daemon: &str, rules: &str, url: &str, channel_extra: &str) -> PathBuf {
    let demo = |file: &str| {
        url::Url::from_file_path(repo_file("config/demo").join(file)).expect("absolute path")
    };
    let text = format!(
        r#"[daemon]
state = "state/newswatch.db"
concurrency = 1
# The demo's items are dated 2026: let them count as news.
new_feed_backlog = "3650d"
max_item_age = "3650d"
{daemon}

[entities]
alibaba = ["Alibaba", "Alibaba Group", "阿里巴巴", "Alibaba Cloud", "阿里云", "/\\bBABA\\b/"]
pla = ["PLA", "People's Liberation Army", "中国人民解放军", "解放军"]
us_gov = ["Pentagon", "Commerce Department", "美国国防部"]

[[feed]]
name = "demo-news"
url = "{news}"

[[feed]]
name = "demo-wire"
url = "{wire}"

[[feed]]
name = "demo-zh"
url = "{zh}"

{rules}

[[channel]]
name = "hook"
type = "webhook"
url = "{url}"
allow_private = true
{channel_extra}
"#,
        news = demo("news.rss"),
        wire = demo("wire.rss"),
        zh = demo("chinese-gb2312.rss"),
    );
    let path = dir.join("newswatch.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

/// The received bodies, parsed, each checked to carry its `id` as `webhook-id` and, when
/// `key` is given, a valid Standard Webhooks signature.
fn received(hook: &TestWebhook, key: Option<&[u8]>) -> Vec<Value> {
    hook.received()
        .iter()
        .map(|(headers, body)| {
            let document: Value = serde_json::from_str(body).expect("a JSON body");
            let header = |name: &str| headers[name].to_str().expect("ASCII header").to_string();
            assert_eq!(document["id"], header("webhook-id").as_str(), "{document}");
            assert_eq!(header("content-type"), "application/json");
            if let Some(key) = key {
                let (id, timestamp) = (header("webhook-id"), header("webhook-timestamp"));
                let signature = header("webhook-signature");
                assert!(verify(key, &id, &timestamp, body, &signature), "{document}");
            }
            document
        })
        .collect()
}

fn rule_names(document: &Value) -> Vec<&str> {
    document["rules"]
        .as_array()
        .map(|rules| rules.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_document_the_binary_posts_matches_its_schema() {
    let schemas = Schemas::load();
    let hook = TestWebhook::start(0, 200).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let key = b"0123456789abcdef0123456789abcdef";
    let secret = dir.path().join("webhook-secret");
    let encoded = base64::engine::general_purpose::STANDARD.encode(key);
    std::fs::write(&secret, format!("whsec_{encoded}\n")).expect("secret");
    std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .expect("chmod");
    // A feed that always fails, so that a health alert is posted once it has failed for 1 s.
    let daemon = format!(
        "health_notify = [\"hook\"]\nfeed_failing_after = \"1s\"\n\n[[feed]]\nname = \"gone\"\n\
         url = \"{}\"\n",
        url::Url::from_file_path(dir.path().join("missing.rss")).expect("absolute path")
    );
    // Items of the Pentagon-memo story follow up after 1 s; at this threshold the SCMP report
    // (similarity about 0.9994) opens a story of its own that names the memo's as related.
    let rules = r#"
[[rule]]
name = "alibaba-pla"
query = '@alibaba AND (@pla OR military NEAR/5 ties)'
severity = "high"
notify = ["hook"]
story_update = "1s"
cluster_threshold = 0.9995

[[rule]]
name = "alibaba-us"
query = '@alibaba AND @us_gov'
severity = "critical"
notify = ["hook"]
"#;
    let extra = format!("secret_file = \"{}\"\n", secret.display());
    let config = config(dir.path(), &daemon, rules, &hook.url, &extra);

    newswatch(&config, &["run", "--once"]).await.success();
    // Bounded: the follow-up and the health alert are due a second after the first run.
    let mut runs = 1;
    loop {
        let documents = received(&hook, Some(key));
        let update = documents
            .iter()
            .any(|d| d["type"] == "newswatch.story_update.v1");
        let health = documents.iter().any(|d| d["rule"] == "health:feed-failing");
        if update && health {
            break;
        }
        assert!(runs < 15, "no follow-up or health alert after {runs} runs");
        tokio::time::sleep(Duration::from_millis(1100)).await;
        newswatch(&config, &["run", "--once"]).await.success();
        runs += 1;
    }
    newswatch(&config, &["send-test", "hook"]).await.success();

    let documents = received(&hook, Some(key));
    for document in &documents {
        schemas.assert_valid(document);
    }

    // What the run must have covered, so that the schemas met every shape.
    let alerts: Vec<&Value> = documents
        .iter()
        .filter(|d| d["type"] == "newswatch.alert.v1")
        .collect();
    let chinese = alerts
        .iter()
        .find(|a| a["item"]["feed"] == "demo-zh" && rule_names(a).len() >= 2)
        .unwrap_or_else(|| panic!("no alert of the Chinese item with two rules: {alerts:#?}"));
    assert_eq!(rule_names(chinese), ["alibaba-us", "alibaba-pla"]);
    assert!(
        alerts.iter().any(|a| a.get("related").is_some()),
        "no related story"
    );
    assert!(alerts.iter().any(|a| a["rule"] == "send-test"));
    assert!(
        documents
            .iter()
            .any(|d| d["type"] == "newswatch.story_update.v1")
    );

    // Offsets are UTF-8 bytes into the title: 阿里巴巴 is its 10th character and 28th byte.
    let title = chinese["item"]["title"].as_str().expect("title");
    let spans = chinese["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .flat_map(|e| e["matches"].as_array().expect("matches"));
    let mut title_spans = 0;
    for span in spans.filter(|s| s["field"] == "title") {
        let start = span["start"].as_u64().expect("start") as usize;
        let end = span["end"].as_u64().expect("end") as usize;
        assert_eq!(
            title.as_bytes().get(start..end),
            Some(span["text"].as_str().expect("text").as_bytes()),
            "{span}"
        );
        title_spans += 1;
    }
    assert!(title_spans >= 3, "{chinese:#}");
    let alibaba = chinese["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .find(|s| s["text"] == "阿里巴巴" && s["field"] == "title")
        .expect("阿里巴巴 matched in the title");
    assert_eq!(alibaba["start"], 27);
    assert_eq!(alibaba["end"], 39);

    // A broken copy of a real alert is refused: the check is not vacuous.
    let mut broken = (*chinese).clone();
    broken["evidence"][0]["matches"][0]["start"] = json!("27");
    assert!(!schemas.errors(&broken).is_empty(), "{broken}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn digests_with_follow_ups_and_held_alerts_match_their_schema() {
    let schemas = Schemas::load();
    let hook = TestWebhook::start(0, 200).await;
    let dir = tempfile::tempdir().expect("temp dir");
    // `alibaba-pla` lets one alert a minute through and holds the rest for the minute's end;
    // `earnings` waits for a one-minute digest, and the Chinese earnings report joins its story,
    // so its follow-up waits with it.
    let rules = r#"
[[rule]]
name = "alibaba-pla"
query = '@alibaba AND (@pla OR military)'
severity = "high"
notify = ["hook"]
cluster = false
max_alerts = "1/1m"

[[rule]]
name = "earnings"
query = '@alibaba AND (earnings OR 业绩)'
severity = "low"
notify = ["hook"]
digest = "1m"
story_update = "1s"
"#;
    let config = config(dir.path(), "", rules, &hook.url, "");
    // Digest and cap windows are aligned to the clock, the shortest is a minute, and the binary
    // runs on the real clock. The first run must queue everything within one minute (a run
    // across a minute's end would send part of it as a digest already), and the second must
    // come after that minute has ended.
    let seconds_into_minute = || {
        let now = SystemTime::now().duration_since(UNIX_EPOCH);
        now.expect("clock after 1970").as_secs() % 60
    };
    if seconds_into_minute() > 45 {
        tokio::time::sleep(Duration::from_secs(61 - seconds_into_minute())).await;
    }
    newswatch(&config, &["run", "--once"]).await.success();
    tokio::time::sleep(Duration::from_secs(61 - seconds_into_minute())).await;
    newswatch(&config, &["run", "--once"]).await.success();

    let documents = received(&hook, None);
    for document in &documents {
        schemas.assert_valid(document);
    }
    let digests: Vec<&Value> = documents
        .iter()
        .filter(|d| d["type"] == "newswatch.digest.v1")
        .collect();
    assert_eq!(digests.len(), 1, "{documents:#?}");
    let digest = digests[0];
    assert_eq!(
        digest["held"],
        json!(["rule alibaba-pla reached max_alerts 1/1m"])
    );
    assert_eq!(
        digest["updates"].as_array().map(Vec::len),
        Some(1),
        "{digest:#}"
    );
    assert!(
        digest["alerts"]
            .as_array()
            .expect("alerts")
            .iter()
            .any(|a| a["item"]["feed"] == "demo-zh"),
        "{digest:#}"
    );

    // Broken copies are refused: an unknown severity, an empty digest, a field added.
    let mut wrong_severity = digest.clone();
    wrong_severity["alerts"][0]["severity"] = json!("urgent");
    let mut empty = digest.clone();
    empty["alerts"] = json!([]);
    empty.as_object_mut().expect("object").remove("updates");
    let mut extra = digest.clone();
    extra["updates"][0]["first"]["extra"] = json!(1);
    for broken in [wrong_severity, empty, extra] {
        assert!(!schemas.errors(&broken).is_empty(), "{broken}");
    }
}

/// A change that makes a valid document invalid.
type Breakage = fn(&mut Value);

/// The JSON examples of `docs/ALERTS.md` are documents of the current shape, and the schemas
/// refuse what drifts from it.
#[test]
fn the_documented_examples_match_and_drift_is_refused() {
    let schemas = Schemas::load();
    let page = std::fs::read_to_string(repo_file("docs/ALERTS.md")).expect("docs/ALERTS.md");
    let examples: Vec<Value> = page
        .split("```json\n")
        .skip(1)
        .map(|block| {
            let json = block.split("\n```").next().unwrap_or_default();
            serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"))
        })
        .collect();
    let types: Vec<&str> = examples.iter().filter_map(|e| e["type"].as_str()).collect();
    assert_eq!(
        types,
        [
            "newswatch.alert.v1",
            "newswatch.story_update.v1",
            "newswatch.digest.v1"
        ]
    );
    for example in &examples {
        schemas.assert_valid(example);
    }

    let alert = &examples[0];
    let broken: Vec<(&str, Breakage)> = vec![
        ("rules removed", |a| {
            drop(a.as_object_mut().map(|a| a.remove("rules")))
        }),
        ("no rule", |a| a["rules"] = json!([])),
        ("a field added", |a| a["score"] = json!(1)),
        ("unknown severity", |a| a["severity"] = json!("urgent")),
        ("offset as text", |a| a["matches"][0]["start"] = json!("0")),
        ("negative offset", |a| a["matches"][0]["end"] = json!(-1)),
        ("unknown field", |a| {
            a["matches"][0]["field"] = json!("body")
        }),
        ("date only", |a| {
            a["item"]["published"] = json!("2026-11-20")
        }),
        ("local time", |a| {
            a["created_at"] = json!("2026-12-03T12:38:18+08:00")
        }),
        ("id not hex", |a| a["id"] = json!("Alibaba-1")),
        ("no title", |a| {
            drop(a["item"].as_object_mut().map(|i| i.remove("title")))
        }),
        ("link a number", |a| a["item"]["link"] = json!(7)),
        ("story id", |a| a["story"] = json!("story-1")),
        ("related incomplete", |a| {
            a["related"] = json!({"alert_id": "0a64ee1b5978fb8f106b39b99a885d1c"})
        }),
        ("wrong type", |a| a["type"] = json!("newswatch.alert.v2")),
    ];
    for (what, change) in broken {
        let mut document = alert.clone();
        change(&mut document);
        // The type picks the validator; a wrong one must still be refused by the alert's.
        let errors: Vec<String> = schemas
            .alert
            .iter_errors(&document)
            .map(|e| e.to_string())
            .collect();
        assert!(!errors.is_empty(), "{what}: accepted {document}");
    }
}
