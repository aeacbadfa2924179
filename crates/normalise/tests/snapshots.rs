//! Snapshot tests: the full `Article` JSON of each hand-written case in `test_data/` (one
//! behaviour per file) and of the three seed articles.

use chrono::NaiveDate;
use newsdesk_model::{ContentKind, RawDocument};
use newsdesk_normalise::{Config, normalise};
use std::path::Path;

/// A fixed configuration, so snapshots do not depend on the clock.
fn config() -> Config {
    Config {
        default_published: None,
        today: NaiveDate::from_ymd_opt(2024, 1, 1),
        ..Config::default()
    }
}

/// Reads a file as a raw document, HTML by extension.
fn raw(path: &Path) -> RawDocument {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    RawDocument {
        source: name.to_string(),
        kind: if name.ends_with(".html") {
            ContentKind::Html
        } else {
            ContentKind::Text
        },
        bytes: std::fs::read(path).unwrap(),
        ..RawDocument::default()
    }
}

#[test]
fn test_data_cases() {
    insta::glob!("../test_data", "*.{txt,html}", |path| {
        let article = normalise(raw(path), &config()).unwrap();
        insta::assert_json_snapshot!(article);
    });
}

#[test]
fn seed_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 3, "three seed articles in {}", dir.display());
    for path in paths {
        let article = normalise(raw(&path), &config()).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_json_snapshot!(format!("seed_{name}"), article);
    }
}

/// The seed gold: every `removed` fragment is removed with its kind, every
/// `normalised_contains` fragment is in the text, and nothing removed stays in the text.
#[test]
fn seed_gold_holds() {
    let gold_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold/seeds.json");
    let Ok(gold) = std::fs::read_to_string(&gold_path) else {
        eprintln!(
            "skipping seed gold check: {} not found",
            gold_path.display()
        );
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    for (name, facts) in gold["articles"].as_object().unwrap() {
        let article = normalise(raw(&dir.join(name)), &config()).unwrap();
        for item in facts["removed"].as_array().into_iter().flatten() {
            let kind = item["kind"].as_str().unwrap();
            let fragment = item["fragment"].as_str().unwrap();
            assert!(
                article
                    .removed
                    .iter()
                    .any(|r| r.kind == kind && r.text.contains(fragment)),
                "{name}: {kind} {fragment:?} not removed: {:?}",
                article.removed
            );
            assert!(
                !article.text.contains(fragment),
                "{name}: {fragment:?} still in text"
            );
        }
        for fragment in facts["normalised_contains"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let fragment = fragment.as_str().unwrap();
            assert!(
                article.text.contains(fragment),
                "{name}: text lacks {fragment:?}"
            );
        }
    }
}
