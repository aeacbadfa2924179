//! Fuzz check for newsdesk-extract: `extract` on arbitrary text never panics and every span
//! it returns (entity mentions, quotes, claims, quantities, dates) lies on char boundaries
//! of the text with `start <= end <= len`. Shared, through `#[path]`, by the fuzz target
//! `extract_text` and by `crates/extract/tests/fuzz_regressions.rs`, which replays every
//! file under `fuzz/regressions/extract_text/` on stable.

use chrono::NaiveDate;
use newsdesk_extract::{Config, extract, timeml_dates};
use newsdesk_model::Article;

/// `extract_text`: the bytes (lossily decoded as UTF-8) as an article's text, published on
/// 2020-03-05 so that relative dates resolve.
pub(crate) fn text(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let published = NaiveDate::from_ymd_opt(2020, 3, 5);
    let article = Article {
        text,
        published,
        ..Article::default()
    };
    let x = extract(&article, &Config::default());
    let text = article.text.as_str();
    for entity in &x.entities {
        assert!(!entity.mentions.is_empty(), "entity without mentions");
        for m in &entity.mentions {
            span(text, "mention", m.start, m.end);
            assert_eq!(
                text.get(m.start..m.end),
                Some(m.text.as_str()),
                "mention text"
            );
        }
    }
    for q in &x.quotes {
        span(text, "quote", q.start, q.end);
    }
    for c in &x.claims {
        span(text, "claim", c.start, c.end);
    }
    for q in &x.quantities {
        span(text, "quantity", q.start, q.end);
    }
    for d in &x.dates {
        span(text, "date", d.start, d.end);
    }
    for d in timeml_dates(text, None) {
        span(text, "timeml date", d.start, d.end);
    }
    assert!(x.keywords.len() <= Config::default().max_keywords);
}

fn span(text: &str, what: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "{what} {start}..{end} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} not on char boundaries"
    );
}
