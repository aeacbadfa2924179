//! Extracts what analysts search for from an [`Article`]: entities, direct
//! quotes with speakers, quantities, dates resolved against the publication
//! date, and keywords.
//!
//! STUB: the real implementation replaces this file, keeping the signatures.
#![warn(missing_docs)]

use newsdesk_model::{Article, Extraction};

/// Settings for [`extract`].
#[derive(Debug, Clone, Default)]
pub struct Config {}

/// Runs every extractor over one article.
pub fn extract(article: &Article, config: &Config) -> Extraction {
    let _ = (article, config);
    Extraction::default()
}
