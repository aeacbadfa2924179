//! Identical text across wrappings: each seed article normalises to the same text (and id)
//! as a plain `.txt`, as a JSON line, as an HTML page and as RSS `content:encoded` HTML.
//! The containers are unwrapped here by simple means, independently of the ingest crate.

use newsdesk_model::{ContentKind, RawDocument};
use newsdesk_normalise::{Config, normalise};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn doc(source: &str, kind: ContentKind, bytes: Vec<u8>) -> RawDocument {
    RawDocument {
        source: source.to_string(),
        kind,
        bytes,
        ..RawDocument::default()
    }
}

/// The normalised text of each seed `.txt`, by file stem, in name order.
fn seed_texts() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(fixtures().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            let article = normalise(
                doc(&stem, ContentKind::Text, std::fs::read(&p).unwrap()),
                &Config::default(),
            )
            .unwrap();
            (stem, article.text)
        })
        .collect()
}

#[test]
fn html_pages_match_plain_text() {
    let dir = fixtures().join("formats/html");
    if !dir.exists() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    for (stem, text) in seed_texts() {
        let path = dir.join(format!("{stem}.html"));
        let article = normalise(
            doc(&stem, ContentKind::Html, std::fs::read(&path).unwrap()),
            &Config::default(),
        )
        .unwrap();
        assert_eq!(article.text, text, "{}", path.display());
        assert!(article.title.is_some(), "{stem}: page title");
    }
}

#[test]
fn json_lines_match_plain_text() {
    let path = fixtures().join("formats/seeds.jsonl");
    let Ok(lines) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let texts = seed_texts();
    let records: Vec<serde_json::Value> = lines
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), texts.len());
    for (record, (stem, text)) in records.iter().zip(&texts) {
        let body = record["text"].as_str().unwrap().as_bytes().to_vec();
        let article = normalise(doc(stem, ContentKind::Text, body), &Config::default()).unwrap();
        assert_eq!(&article.text, text, "{stem} as a JSON line");
    }
}

#[test]
fn rss_content_matches_plain_text() {
    let path = fixtures().join("formats/seeds.rss");
    let Ok(feed) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let texts = seed_texts();
    let bodies: Vec<&str> = feed
        .split("<content:encoded><![CDATA[")
        .skip(1)
        .filter_map(|rest| rest.split("]]></content:encoded>").next())
        .collect();
    assert_eq!(bodies.len(), texts.len());
    for (body, (stem, text)) in bodies.iter().zip(&texts) {
        let article = normalise(
            doc(stem, ContentKind::Html, body.as_bytes().to_vec()),
            &Config::default(),
        )
        .unwrap();
        assert_eq!(&article.text, text, "{stem} as RSS content:encoded");
    }
}
