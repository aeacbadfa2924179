//! End-to-end tests of the `newsdesk` binary over the fixtures.

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PUBLISHED: &str = "2020-03-05";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn newsdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the newsdesk binary runs")
}

fn stdout_json(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn seed_paths() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("fixtures/articles"))
        .expect("fixtures/articles exists")
        .map(|e| {
            let name = e.expect("dir entry").file_name();
            format!("fixtures/articles/{}", name.to_string_lossy())
        })
        .collect();
    v.sort();
    v
}

fn extract_json(paths: &[&str], extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["extract", "--json", "--published", PUBLISHED];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    let out = newsdesk(&args);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    stdout_json(&out)
}

fn check_span(text: &str, item: &Value, what: &str) {
    let start = item["start"].as_u64().expect("start") as usize;
    let end = item["end"].as_u64().expect("end") as usize;
    assert!(
        start <= end && end <= text.len(),
        "{what}: span out of text"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span not on char boundaries"
    );
}

#[test]
fn extract_json_prints_every_contract_field() {
    let seeds = seed_paths();
    let paths: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let docs = extract_json(&paths, &[]);
    assert_eq!(docs.len(), 3);
    for (doc, path) in docs.iter().zip(&seeds) {
        assert_eq!(doc["source"], path.as_str(), "input order is kept");
        for key in ["id", "source", "text", "language"] {
            assert!(doc[key].is_string(), "{path}: {key} is a string");
        }
        assert!(
            doc.get("title").is_some(),
            "{path}: title present (null allowed)"
        );
        assert_eq!(doc["published"], PUBLISHED);
        assert_eq!(doc["language"], "en");
        for key in [
            "removed",
            "entities",
            "quotes",
            "quantities",
            "dates",
            "keywords",
        ] {
            assert!(doc[key].is_array(), "{path}: {key} is an array");
        }
        let text = doc["text"].as_str().expect("text");
        for e in doc["entities"].as_array().expect("entities") {
            assert!(matches!(
                e["label"].as_str(),
                Some("PERSON" | "ORG" | "LOC" | "MISC")
            ));
            assert!(e["name"].is_string());
            for m in e["mentions"].as_array().expect("mentions") {
                check_span(text, m, "mention");
                let (s, t) = (
                    m["start"].as_u64().unwrap_or(0),
                    m["end"].as_u64().unwrap_or(0),
                );
                assert_eq!(
                    &text[s as usize..t as usize],
                    m["text"].as_str().unwrap_or("")
                );
            }
        }
        for q in doc["quotes"].as_array().expect("quotes") {
            check_span(text, q, "quote");
            assert!(q["text"].is_string());
            assert!(q.get("speaker").is_some() && q.get("cue").is_some());
        }
        for q in doc["quantities"].as_array().expect("quantities") {
            check_span(text, q, "quantity");
            assert!(q["value"].is_number());
            assert!(q.get("unit").is_some() && q.get("qualifier").is_some());
        }
        for d in doc["dates"].as_array().expect("dates") {
            check_span(text, d, "date");
            assert!(d["value"].is_string());
        }
        for r in doc["removed"].as_array().expect("removed") {
            assert!(r["kind"].is_string() && r["text"].is_string());
        }
    }
}

#[test]
fn seeds_extraction_snapshot() {
    let seeds = seed_paths();
    let paths: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let docs = extract_json(&paths, &[]);
    for (doc, path) in docs.iter().zip(&seeds) {
        let name = Path::new(path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        insta::assert_json_snapshot!(format!("extract_{name}"), doc);
    }
}

#[test]
fn every_wrapping_normalises_to_the_plain_text() {
    let seeds = seed_paths();
    let paths: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let plain: Vec<String> = extract_json(&paths, &[])
        .iter()
        .map(|d| d["text"].as_str().unwrap_or_default().to_string())
        .collect();
    let docs = extract_json(&["fixtures/formats"], &[]);
    let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in &docs {
        let source = d["source"].as_str().unwrap_or_default();
        let file = source.split('#').next().unwrap_or(source).to_string();
        by_file
            .entry(file)
            .or_default()
            .push(d["text"].as_str().unwrap_or_default().to_string());
    }
    let html_pages = by_file.keys().filter(|f| f.ends_with(".html")).count();
    assert_eq!(
        html_pages,
        3,
        "one HTML page per seed: {:?}",
        by_file.keys()
    );
    for ext in [".jsonl", ".warc.gz", ".rss", ".atom"] {
        assert!(
            by_file.keys().any(|f| f.ends_with(ext)),
            "a {ext} wrapping of the seeds exists"
        );
    }
    for (file, texts) in &by_file {
        for text in texts {
            if let Some(expected) = plain.iter().find(|p| p == &text) {
                assert_eq!(text, expected);
                continue;
            }
            let closest = plain
                .iter()
                .max_by_key(|p| common_prefix(p, text))
                .cloned()
                .unwrap_or_default();
            let at = common_prefix(&closest, text);
            panic!(
                "{file}: normalised text differs from the plain seed at byte {at}:\n  plain:   {:?}\n  wrapped: {:?}",
                excerpt(&closest, at),
                excerpt(text, at)
            );
        }
    }
    let html_or_feed_docs: usize = by_file.values().map(Vec::len).sum();
    assert!(
        html_or_feed_docs >= 3 + 4 * 3,
        "every wrapping holds every seed"
    );
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

fn excerpt(s: &str, at: usize) -> String {
    let bytes = s.as_bytes();
    let from = at.saturating_sub(30);
    let to = (at + 50).min(bytes.len());
    String::from_utf8_lossy(&bytes[from.min(to)..to]).into_owned()
}

#[test]
fn one_thread_and_many_give_identical_output() {
    let one = newsdesk(&[
        "extract",
        "--json",
        "--published",
        PUBLISHED,
        "--threads",
        "1",
        "fixtures",
    ]);
    let many = newsdesk(&[
        "extract",
        "--json",
        "--published",
        PUBLISHED,
        "--threads",
        "4",
        "fixtures",
    ]);
    assert_eq!(one.status.code(), many.status.code());
    assert!(!one.stdout.is_empty());
    assert!(
        one.stdout == many.stdout,
        "NDJSON differs between 1 and 4 threads"
    );
    assert_eq!(stderr(&one), stderr(&many));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["extract", "--json", "--published", PUBLISHED, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let text = std::fs::read(root().join(&seed_paths()[1])).expect("seed");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&text)
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = stdout_json(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"], "-");
}

/// A temporary index directory (kept while the guard lives) and its path.
fn temp_index() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = dir
        .path()
        .join("idx")
        .to_str()
        .expect("utf-8 path")
        .to_string();
    (dir, index)
}

#[test]
fn an_indexed_article_from_another_input_is_not_extracted_again() {
    let (_dir, index) = temp_index();
    let index = index.as_str();
    let first = ingest_seeds(index);
    assert!(
        stderr(&first).contains("(3 extracted)"),
        "{}",
        stderr(&first)
    );
    // The same articles under other names: new inputs, documents already indexed.
    let copies = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(root().join("fixtures/articles")).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = format!(
            "copy-{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        std::fs::copy(&path, copies.path().join(name)).expect("copy");
    }
    let copies = copies.path().to_str().expect("UTF-8 path").to_string();
    for run in ["second", "third"] {
        let out = ingest(index, &[&copies]);
        assert_eq!(out.status.code(), Some(0), "{run}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("0 indexed")
                && stderr(&out).contains("3 unchanged")
                && stderr(&out).contains("(0 extracted)"),
            "{run}: {}",
            stderr(&out)
        );
    }
    // The copies' inputs are recorded, so the third run did not even clean them.
    // (Checked by the file, as the summary reads the same either way.)
    assert_eq!(recorded_input_keys(index), 3);
}

#[test]
fn a_second_ingest_of_the_fixtures_extracts_nothing() {
    // What `cargo xtask pipeline` ingests: the seeds in every format, 15 of the 18
    // inputs copies of the other three.
    let (_dir, index) = temp_index();
    let fixtures = || ingest(&index, &["fixtures/articles", "fixtures/formats"]);
    let first = fixtures();
    assert!(
        stderr(&first).contains("read 18 documents: 3 indexed, 0 replaced, 15 unchanged, 0 failed"),
        "{}",
        stderr(&first)
    );
    // The 15 copies add no document; their input keys are recorded beside the index.
    assert_eq!(recorded_input_keys(&index), 15);
    for run in ["second", "third"] {
        let again = fixtures();
        assert_eq!(again.status.code(), Some(0), "{run}: {}", stderr(&again));
        assert!(
            stderr(&again).contains(
                "read 18 documents: 0 indexed, 0 replaced, 18 unchanged, 0 failed (0 extracted)"
            ),
            "{run}: {}",
            stderr(&again)
        );
    }
}

/// `newsdesk ingest` of `paths` into `index`, with the seeds' publication date.
fn ingest(index: &str, paths: &[&str]) -> Output {
    let mut args = vec!["ingest", "--index", index, "--published", PUBLISHED];
    args.extend_from_slice(paths);
    newsdesk(&args)
}

/// `newsdesk ingest` of the seed articles into `index`.
fn ingest_seeds(index: &str) -> Output {
    ingest(index, &["fixtures/articles"])
}

/// Lines of the input keys recorded beside `index` for inputs that added no document.
fn recorded_input_keys(index: &str) -> usize {
    std::fs::read_to_string(Path::new(index).join("newsdesk-input-keys.tsv"))
        .expect("input keys are recorded")
        .lines()
        .count()
}

#[test]
fn ingest_is_idempotent_and_searchable() {
    let (_dir, index) = temp_index();
    let index = index.as_str();
    let first = ingest_seeds(index);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(stderr(&first).contains("3 indexed"), "{}", stderr(&first));
    let second = ingest_seeds(index);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("0 indexed")
            && stderr(&second).contains("3 unchanged")
            && stderr(&second).contains("(0 extracted)"),
        "{}",
        stderr(&second)
    );
    let out = newsdesk(&["search", "--index", index, "--json", "Idlib"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hits = stdout_json(&out);
    assert_eq!(hits.len(), 3, "one copy of each document");
    for h in &hits {
        for key in ["id", "source", "snippet"] {
            assert!(h[key].is_string(), "hit has {key}");
        }
        assert!(h["score"].is_number());
        assert!(h.get("title").is_some());
        assert!(h["snippet"].as_str().unwrap_or("").contains("<b>"), "{h}");
    }
    let id = hits[0]["id"].as_str().expect("id");
    let shown = newsdesk(&["show", "--index", index, "--json", id]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    let doc = &stdout_json(&shown)[0];
    assert_eq!(doc["id"], id);
    assert!(doc["entities"].is_array());

    let limited = newsdesk(&[
        "search", "--index", index, "--json", "--limit", "1", "Idlib",
    ]);
    assert_eq!(stdout_json(&limited).len(), 1);

    let bad = newsdesk(&["search", "--index", index, "AND (("]);
    assert_eq!(bad.status.code(), Some(2));
    let msg = stderr(&bad);
    assert_eq!(msg.trim().lines().count(), 1, "one-line error: {msg}");
    assert!(!msg.contains("panicked"));

    let missing = newsdesk(&["show", "--index", index, "0000000000000000"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn entity_and_speaker_fields_are_searchable() {
    let (_dir, index) = temp_index();
    let index = index.as_str();
    let out = ingest_seeds(index);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let count = |q: &str| {
        let out = newsdesk(&["search", "--index", index, "--json", q]);
        assert_eq!(out.status.code(), Some(0), "{q}: {}", stderr(&out));
        stdout_json(&out).len()
    };
    assert_eq!(count("person:Erdogan"), 3);
    assert_eq!(count("person:Lavrov"), 1);
    assert_eq!(count("loc:Idlib"), 3);
    assert!(count("speaker:Putin") >= 2);
    assert_eq!(
        count("Idlib AND published:[2020-03-01T00:00:00Z TO 2020-03-31T00:00:00Z]"),
        3
    );
    assert_eq!(
        count("Idlib AND published:[2021-01-01T00:00:00Z TO 2021-12-31T00:00:00Z]"),
        0
    );
    let people = newsdesk(&["entities", "--index", index, "--json"]);
    assert_eq!(people.status.code(), Some(0), "{}", stderr(&people));
    let top: Vec<String> = stdout_json(&people)
        .iter()
        .filter(|f| f["label"] == "PERSON")
        .take(2)
        .map(|f| f["name"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        top.iter().any(|n| n.contains("Erdogan")) && top.iter().any(|n| n.contains("Putin")),
        "top people: {top:?}"
    );
}

#[test]
fn gold_searches_find_the_right_seeds() {
    let gold_path = root().join("../shared/gold/seeds.json");
    let Ok(gold) = std::fs::read_to_string(&gold_path) else {
        eprintln!("skipped: {} is absent", gold_path.display());
        return;
    };
    let gold: Value = serde_json::from_str(&gold).expect("gold is JSON");
    let (_dir, index) = temp_index();
    let index = index.as_str();
    let out = ingest_seeds(index);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for s in gold["searches"].as_array().expect("searches") {
        let query = s["query"].as_str().expect("query");
        let out = newsdesk(&["search", "--index", index, "--json", "--limit", "50", query]);
        assert_eq!(out.status.code(), Some(0), "{query}: {}", stderr(&out));
        let found: Vec<String> = stdout_json(&out)
            .iter()
            .map(|h| h["source"].as_str().unwrap_or_default().to_string())
            .collect();
        let has = |f: &Value| {
            let name = f.as_str().unwrap_or_default();
            found.iter().any(|s| s.ends_with(name))
        };
        for f in s["must_find"].as_array().into_iter().flatten() {
            assert!(has(f), "`{query}` must find {f}: found {found:?}");
        }
        for f in s["must_not_find"].as_array().into_iter().flatten() {
            assert!(!has(f), "`{query}` must not find {f}: found {found:?}");
        }
    }
}

#[test]
fn bad_documents_fail_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("input");
    std::fs::create_dir(&input).expect("mkdir");
    for sub in ["fixtures/articles", "fixtures/bad"] {
        for entry in std::fs::read_dir(root().join(sub)).expect("fixture dir") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), input.join(entry.file_name())).expect("copy");
        }
    }
    // A 50 MB file holding a single line, generated here rather than committed.
    let big = input.join("huge-single-line.txt");
    let mut f = std::fs::File::create(&big).expect("create");
    let chunk = "word ".repeat(1024 * 1024 / 5);
    for _ in 0..50 {
        f.write_all(chunk.as_bytes()).expect("write");
    }
    drop(f);
    let bad_names: Vec<String> = std::fs::read_dir(root().join("fixtures/bad"))
        .expect("fixtures/bad")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .chain(["huge-single-line.txt".to_string()])
        .collect();
    assert!(bad_names.len() >= 8, "the bad fixtures: {bad_names:?}");

    let index = dir.path().join("idx");
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["ingest", "--index"])
        .arg(&index)
        .args(["--published", PUBLISHED])
        .arg(&input)
        .output()
        .expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "some documents failed: {err}");
    assert!(!err.contains("panicked"), "{err}");
    // Each bad input is named: refused with an error, or read with a warning saying what
    // was repaired (the invalid UTF-8 is decoded with replacement characters).
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("error: ") || l.starts_with("warning: "))
        .collect();
    for name in &bad_names {
        assert!(
            lines.iter().any(|l| l.contains(name.as_str())),
            "an error or warning line names {name}:\n{err}"
        );
    }
    assert!(
        lines.iter().any(|l| l.starts_with("warning: ")
            && l.contains("invalid-utf8.txt")
            && l.contains("invalid UTF-8 from byte 129")),
        "{err}"
    );
    let search = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["search", "--index"])
        .arg(&index)
        .args(["--json", "--limit", "100", "Idlib"])
        .output()
        .expect("run");
    assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    let found: Vec<String> = stdout_json(&search)
        .iter()
        .map(|h| h["source"].as_str().unwrap_or_default().to_string())
        .collect();
    for seed in seed_paths() {
        let name = Path::new(&seed)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(
            found.iter().any(|s| s.ends_with(&name)),
            "{name} indexed despite the bad documents: {found:?}"
        );
    }
}
