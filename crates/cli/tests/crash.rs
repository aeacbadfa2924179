//! A crash during ingest leaves the index at its last commit, and running the
//! same ingest again completes it with no document lost or duplicated.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DOCS: usize = 3000;

fn corpus(path: &Path) {
    let words = [
        "ceasefire",
        "corridor",
        "patrols",
        "ministers",
        "agreement",
        "border",
        "talks",
        "refugees",
        "highway",
        "offensive",
        "convoy",
        "summit",
        "troops",
        "villages",
    ];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create corpus"));
    for i in 0..DOCS {
        let mut text = format!("Report number {i} from the desk.");
        for j in 0..40 {
            let w = words[(i * 7 + j * 3) % words.len()];
            text.push_str(&format!(" The {w} was discussed in round {j} of case {i}."));
        }
        let line = serde_json::json!({
            "title": format!("Dispatch {i}"),
            "text": text,
            "published": "2020-03-05",
            "source": "Test Wire",
        });
        writeln!(f, "{line}").expect("write corpus");
    }
}

fn ingest(index: &Path, input: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.arg("ingest")
        .arg("--index")
        .arg(index)
        .args(["--commit-every", "100", "--threads", "2"])
        // Documents only: these 3,000 templated reports make grouping explode
        // (minutes and gigabytes in newsdesk-stories); stories have their own tests.
        .arg("--no-stories")
        .arg(input);
    cmd
}

fn committed_ids(index: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("search")
        .arg("--index")
        .arg(index)
        .args(["--json", "--limit", "100000", "*"])
        .output()
        .expect("search runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("NDJSON");
            v["id"].as_str().expect("id").to_string()
        })
        .collect()
}

/// Whether the index directory holds a commit with at least one segment.
fn has_commit(index: &Path) -> bool {
    std::fs::read_to_string(index.join("meta.json"))
        .map(|m| m.contains("\"segment_id\""))
        .unwrap_or(false)
}

#[test]
fn killed_ingest_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("corpus.jsonl");
    corpus(&input);
    let index = dir.path().join("idx");

    let mut child = ingest(&index, &input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest");
    let start = Instant::now();
    while !has_commit(&index) {
        assert!(
            child.try_wait().expect("wait").is_none(),
            "ingest ended before its first commit was seen"
        );
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no commit in 2 minutes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let finished_early = child.try_wait().expect("wait").is_some();
    child.kill().expect("kill -9 the ingest");
    child.wait().expect("reap");

    let after_crash = committed_ids(&index);
    if !finished_early {
        assert!(
            after_crash.len() < DOCS,
            "the kill came before the end, so some documents are missing"
        );
    }
    assert_eq!(
        after_crash.len(),
        after_crash.iter().collect::<HashSet<_>>().len(),
        "no duplicates after the crash"
    );

    let out = ingest(&index, &input).output().expect("rerun ingest");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{summary}");
    assert!(
        summary.contains(&format!("{} unchanged", after_crash.len())),
        "the committed documents are skipped: {summary}"
    );
    let ids = committed_ids(&index);
    assert_eq!(ids.len(), DOCS, "every document is there once");
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        DOCS,
        "no duplicates"
    );
}
