//! Snapshot of the entities found in the seed fixtures (raw text, not normalised).
use chrono::NaiveDate;
use newsdesk_extract::{Config, extract};
use newsdesk_model::Article;
use std::fmt::Write;

#[test]
fn seed_entities() {
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let article = Article {
            text,
            published: NaiveDate::from_ymd_opt(2020, 3, 5),
            ..Article::default()
        };
        let extraction = extract(&article, &Config::default());
        let mut out = String::new();
        for e in &extraction.entities {
            let _ = writeln!(
                out,
                "{:<6} {} ({})",
                e.label.name(),
                e.name,
                e.mentions.len()
            );
        }
        insta::assert_snapshot!(out);
    });
}

/// Every PERSON, ORG and LOC of `../shared/gold/seeds.json` is found in its seed
/// article with that label (as an entity's name or one of its mentions), and
/// capitalised ordinary words are not entities. Skipped when the gold is absent.
#[test]
fn seed_gold_entities() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let gold_path = root.join("../shared/gold/seeds.json");
    let Ok(gold) = std::fs::read_to_string(&gold_path) else {
        println!(
            "skipping seed gold check: {} not found",
            gold_path.display()
        );
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap_or_default();
    let Some(articles) = gold.get("articles").and_then(|a| a.as_object()) else {
        panic!("no articles in {}", gold_path.display());
    };
    let mut missing = Vec::new();
    for (file, facts) in articles {
        let text =
            std::fs::read_to_string(root.join("fixtures/articles").join(file)).unwrap_or_default();
        let found = newsdesk_extract::entities(&text);
        for (label, names) in facts
            .get("entities")
            .and_then(|e| e.as_object())
            .into_iter()
            .flatten()
        {
            for name in names
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|n| n.as_str())
            {
                let ok = found.iter().any(|e| {
                    e.label.name() == label
                        && (e.name == name || e.mentions.iter().any(|m| m.text == name))
                });
                if !ok {
                    missing.push(format!("{file}: {label} {name}"));
                }
            }
        }
        for word in ["More", "Thursday", "Presidents", "Despite", "Earlier"] {
            if found
                .iter()
                .any(|e| e.mentions.iter().any(|m| m.text == word))
            {
                missing.push(format!("{file}: `{word}` should not be an entity"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "seed gold entities:\n{}",
        missing.join("\n")
    );
}
