//! Fuzz checks for newsdesk-normalise: charset detection and decoding, the text paragraph
//! pipeline, and HTML parsing with main-text extraction. Shared, through `#[path]`, by the
//! fuzz targets in `fuzz/fuzz_targets/` and by `crates/normalise/tests/fuzz_regressions.rs`,
//! which replays every file under `fuzz/regressions/<target>/` on stable.
#![allow(dead_code)] // each fuzz target uses one check

use chrono::NaiveDate;
use newsdesk_model::{Article, ContentKind, RawDocument};
use newsdesk_normalise::{Config, content_id, normalise};

/// `normalise_text`: the bytes as a plain-text document. An input that starts with `@` takes
/// its first line (without the `@`) as the container's declared charset, so that the
/// declared-charset paths are fuzzed too.
pub(crate) fn text(data: &[u8]) {
    let (charset, bytes) = split_charset(data);
    run(ContentKind::Text, charset, bytes);
}

/// `normalise_html`: the bytes as an HTML page (the same `@charset` line as [`text`]).
pub(crate) fn html(data: &[u8]) {
    let (charset, bytes) = split_charset(data);
    run(ContentKind::Html, charset, bytes);
}

fn split_charset(data: &[u8]) -> (Option<String>, &[u8]) {
    if let Some(rest) = data.strip_prefix(b"@") {
        let end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
        let label = String::from_utf8_lossy(&rest[..end]).into_owned();
        return (Some(label), rest.get(end + 1..).unwrap_or_default());
    }
    (None, data)
}

fn run(kind: ContentKind, charset: Option<String>, bytes: &[u8]) {
    let raw = RawDocument {
        source: "doc".into(),
        kind,
        bytes: bytes.to_vec(),
        charset,
        ..RawDocument::default()
    };
    let config = Config {
        today: NaiveDate::from_ymd_opt(2026, 1, 1),
        ..Config::default()
    };
    match normalise(raw, &config) {
        Ok(article) => invariants(&article),
        Err(e) => assert!(!e.to_string().contains('\n'), "error over two lines: {e}"),
    }
}

/// What every article satisfies: non-empty trimmed text of single-line paragraphs joined by
/// blank lines, without double spaces, and its id is the hash of its text.
fn invariants(a: &Article) {
    assert!(!a.text.is_empty(), "empty text");
    assert_eq!(a.text.trim(), a.text, "text not trimmed");
    assert_eq!(a.id, content_id(&a.text));
    for p in a.text.split("\n\n") {
        assert!(
            !p.is_empty() && !p.contains('\n') && !p.contains("  "),
            "paragraph {p:?}"
        );
    }
    if let Some(title) = &a.title {
        assert!(
            !title.is_empty() && !title.contains('\n'),
            "title {title:?}"
        );
    }
}
