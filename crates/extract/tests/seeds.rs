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
