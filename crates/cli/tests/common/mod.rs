//! Helpers shared by the end-to-end tests that run the `newsdesk` binary in a work directory.

#![allow(dead_code)] // each test crate uses its own part of the helpers

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root (where `fixtures/` is).
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the binary in `dir`.
pub(crate) fn newsdesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the newsdesk binary runs")
}

/// Runs the binary, expecting exit status `code`; returns standard output and error.
pub(crate) fn run(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let out = newsdesk(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "newsdesk {args:?}: {stderr}");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr,
    )
}

/// Runs the binary, expecting success; returns standard output.
pub(crate) fn ok(dir: &Path, args: &[&str]) -> String {
    run(dir, args, 0).0
}

/// The JSON values of NDJSON output, one per line.
pub(crate) fn ndjson(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}
