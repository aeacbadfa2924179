//! Snapshots of the whole extraction (entities, quotes, quantities, dates,
//! keywords) for the inputs in `test_data/`, published 2020-03-05.
use chrono::NaiveDate;
use newsdesk_extract::{Config, extract};
use newsdesk_model::Article;

#[test]
fn test_data_extractions() {
    insta::glob!("../test_data", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let article = Article {
            text,
            published: NaiveDate::from_ymd_opt(2020, 3, 5),
            ..Article::default()
        };
        insta::assert_json_snapshot!(extract(&article, &Config::default()));
    });
}
