//! Turns a [`RawDocument`] into an [`Article`]: charset detection and decoding,
//! HTML main text, Unicode and typography cleanup, removal of captions and
//! boilerplate into [`Article::removed`], language detection and a stable
//! content id.
//!
//! STUB: the real implementation replaces this file, keeping the signatures.
#![warn(missing_docs)]

mod error;

pub use error::Error;
use chrono::NaiveDate;
use newsdesk_model::{Article, RawDocument};

/// Settings for [`normalise`].
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Publication date assumed when the document carries none.
    pub default_published: Option<NaiveDate>,
}

/// The stable id of a normalised text.
pub fn content_id(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// Decodes and cleans one raw document.
pub fn normalise(raw: RawDocument, config: &Config) -> Result<Article, Error> {
    let text = String::from_utf8_lossy(&raw.bytes).trim().to_string();
    if text.is_empty() {
        return Err(Error::Empty {
            document: raw.source,
        });
    }
    Ok(Article {
        id: content_id(&text),
        source: raw.source,
        title: raw.title,
        published: config.default_published,
        language: Some("en".into()),
        text,
        ..Article::default()
    })
}
