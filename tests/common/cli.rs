//! The `newswatch` binary run to completion: its exit code, standard output and standard error
//! as text, and checks that fail with the whole run (command line, exit code, both streams).

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

/// Runs `newswatch ARGS` to completion, with no config or log filter from the environment.
pub fn run_cli<I, S>(args: I) -> CliOutput
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Cli::new(args).run()
}

/// A `newswatch` command line, with whatever else its run needs (environment, folder, input).
pub struct Cli {
    command: assert_cmd::Command,
    /// The arguments as text, for failure messages.
    line: Vec<String>,
}

impl Cli {
    pub fn new<I, S>(args: I) -> Cli
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Cli {
            command: super::newswatch(),
            line: Vec::new(),
        }
        .args(args)
    }

    pub fn arg(self, arg: impl AsRef<OsStr>) -> Cli {
        self.args([arg])
    }

    pub fn args<I, S>(mut self, args: I) -> Cli
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            let arg = arg.as_ref();
            self.line.push(shell_word(&arg.to_string_lossy()));
            self.command.arg(arg);
        }
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cli {
        self.command.env(key, value);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Cli {
        self.command.current_dir(dir);
        self
    }

    /// Feeds `input` to the command's standard input, then closes it.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Cli {
        self.command.write_stdin(input);
        self
    }

    /// Kills the command if it runs longer than `limit`.
    pub fn timeout(mut self, limit: Duration) -> Cli {
        self.command.timeout(limit);
        self
    }

    pub fn run(mut self) -> CliOutput {
        let output = self.command.output().expect("run");
        CliOutput {
            command: format!("newswatch {}", self.line.join(" ")),
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            stdout_bytes: output.stdout,
        }
    }
}

/// How a finished `newswatch` run exited and what it printed.
pub struct CliOutput {
    /// The command line as a shell would show it.
    pub command: String,
    /// The exit code; `None` when a signal ended the process.
    pub code: Option<i32>,
    /// Standard output, with any invalid UTF-8 replaced (see [`CliOutput::stdout_utf8`]).
    pub stdout: String,
    /// Standard error, where the logs and error messages go.
    pub stderr: String,
    stdout_bytes: Vec<u8>,
}

impl CliOutput {
    /// Checks the run exited 0; its standard output.
    #[track_caller]
    pub fn success(&self) -> &str {
        if self.code != Some(0) {
            self.fail("expected exit code 0");
        }
        &self.stdout
    }

    /// Checks the run did not exit 0 (a signal counts as a failure); its standard error.
    #[track_caller]
    pub fn failure(&self) -> &str {
        if self.code == Some(0) {
            self.fail("expected a failure");
        }
        &self.stderr
    }

    /// Checks the run exited `expected`; its standard error, where a failure says why and
    /// `check` writes its warnings.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &str {
        if self.code != Some(expected) {
            self.fail(&format!("expected exit code {expected}"));
        }
        &self.stderr
    }

    /// Standard output, checked to be UTF-8 as it was printed, with nothing replaced.
    #[track_caller]
    pub fn stdout_utf8(&self) -> &str {
        match std::str::from_utf8(&self.stdout_bytes) {
            Ok(text) => text,
            Err(e) => self.fail(&format!("standard output is not UTF-8: {e}")),
        }
    }

    /// Standard output parsed as one JSON document.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        match serde_json::from_slice(&self.stdout_bytes) {
            Ok(value) => value,
            Err(e) => self.fail(&format!("standard output is not one JSON document: {e}")),
        }
    }

    #[track_caller]
    fn fail(&self, what: &str) -> ! {
        let ended = match self.code {
            Some(code) => format!("exited with code {code}"),
            None => "was ended by a signal".to_string(),
        };
        panic!(
            "`{}` {ended}: {what}\n--- stdout\n{}\n--- stderr\n{}",
            self.command, self.stdout, self.stderr
        )
    }
}

/// `word`, quoted when a shell would split or expand it.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
