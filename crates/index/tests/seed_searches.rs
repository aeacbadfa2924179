//! The searches of the hand-checked gold (`../shared/gold/seeds.json`) over the seed articles.

use newsdesk_index::{Index, SearchOptions};
use newsdesk_model::{Article, Document};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed articles as bare documents (body only, no extraction), keyed by file name.
fn seed_documents() -> Vec<Document> {
    let dir = workspace().join("fixtures/articles");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/articles")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| Document {
            article: Article {
                id: name.clone(),
                source: format!("fixtures/articles/{name}"),
                text: std::fs::read_to_string(dir.join(&name)).expect("seed text"),
                ..Article::default()
            },
            ..Document::default()
        })
        .collect()
}

fn names(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn gold_searches_find_what_they_must_and_nothing_they_must_not() {
    let gold_path = workspace().join("../shared/gold/seeds.json");
    let Ok(gold) = std::fs::read_to_string(&gold_path) else {
        println!("skipped: {} is absent", gold_path.display());
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold JSON");
    let searches = gold["searches"].as_array().expect("searches");
    assert!(!searches.is_empty());

    let dir = tempfile::tempdir().unwrap();
    let index = Index::create_or_open(dir.path()).unwrap();
    let mut writer = index.writer(0).unwrap();
    for doc in seed_documents() {
        writer.upsert(&doc).unwrap();
    }
    writer.commit().unwrap();
    assert_eq!(index.num_docs(), 3);

    let mut shown = Vec::new();
    for search in searches {
        let query = search["query"].as_str().expect("query");
        let hits = index.search(query, &SearchOptions::default()).unwrap();
        let found: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        for name in names(&search["must_find"]) {
            assert!(
                found.contains(&name.as_str()),
                "{query:?} misses {name}: {found:?}"
            );
        }
        for name in names(&search["must_not_find"]) {
            assert!(
                !found.contains(&name.as_str()),
                "{query:?} finds {name}: {found:?}"
            );
        }
        for hit in &hits {
            assert!(hit.snippet.contains("<b>"), "{query:?}: {}", hit.snippet);
            shown.push(format!("{query} | {} | {}", hit.id, hit.snippet));
        }
    }
    // Best first, ties by id, and the passage shown for each: reviewed by hand.
    insta::assert_snapshot!("seed_search_hits", shown.join("\n"));
}
