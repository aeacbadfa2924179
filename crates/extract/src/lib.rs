//! Extracts what analysts search for from an [`Article`]: entities, direct
//! quotes with speakers, quantities, dates resolved against the publication
//! date, and keywords.
//!
//! STUB: the real implementation replaces this file, keeping the signatures.
#![warn(missing_docs)]

mod dates;
mod quantities;
mod quotes;

use newsdesk_model::{Article, Extraction};

/// Settings for [`extract`].
#[derive(Debug, Clone, Default)]
pub struct Config {}

/// Runs every extractor over one article.
pub fn extract(article: &Article, config: &Config) -> Extraction {
    let _ = config;
    let entities = Vec::new();
    let quotes = quotes::find(&article.text, &entities);
    let quantities = quantities::find(&article.text);
    let dates = dates::find(&article.text, article.published);
    Extraction {
        entities,
        quotes,
        quantities,
        dates,
        keywords: Vec::new(),
    }
}
