//! Bytes → config text → `config::parse_str` (what `config::load` runs after reading the file)
//! → `RuleSet::from_config`, as the daemon and `newswatch check` load a config, with every
//! diagnostic formatted. The config sits in a scratch folder holding the secret and template
//! files the seeds name, so the paths that read them are reached too.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newswatch::config;
use newswatch::rules::RuleSet;

/// The config file's path, in a folder with `secrets/smtp`, `secrets/webhook`, `alert.txt`
/// and `alert.html`. Its files are rewritten by every run, never removed: it is tiny.
fn config_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = std::env::temp_dir().join("newswatch-fuzz-config");
        let secrets = dir.join("secrets");
        std::fs::create_dir_all(&secrets).expect("create the scratch config folder");
        let files = [
            (secrets.join("smtp"), "smtp-secret\n"),
            (
                secrets.join("webhook"),
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n",
            ),
            (dir.join("alert.txt"), "{{ rule }}: {{ item.title }}\n"),
            (dir.join("alert.html"), "<p>{{ item.title }}</p>\n"),
        ];
        for (path, text) in files {
            std::fs::write(&path, text).expect("write a scratch config file");
        }
        dir.join("newswatch.toml")
    })
}

fuzz_target!(|data: &[u8]| {
    // config::load fails on a file that is not UTF-8 before parsing anything.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match config::parse_str(text, config_path(), newswatch::daemon::CHECKS) {
        Ok(config) => {
            for warning in &config.warnings {
                warning.to_string();
            }
            if let Err(error) = RuleSet::from_config(&config) {
                error.to_string();
            }
        }
        Err(error) => {
            error.to_string();
        }
    }
});
