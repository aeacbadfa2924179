//! HTML pages to paragraph items and metadata.

mod content;
mod entities;
mod meta;
mod parse;

use crate::clean::Item;
pub(crate) use meta::Meta;

/// Parses a page, reads its metadata and extracts its main content as paragraph items.
pub(crate) fn extract(html: &str) -> (Vec<Item>, Meta) {
    let dom = parse::parse(html);
    let meta = meta::read(&dom);
    let content = content::extract(&dom, meta.title.as_deref());
    (content.items, meta)
}

/// A page parsed once for the fallbacks of [`extract`], when its main container gives
/// no text.
pub(crate) struct Fallback {
    dom: parse::Dom,
    title: Option<String>,
}

impl Fallback {
    pub(crate) fn new(html: &str) -> Fallback {
        let dom = parse::parse(html);
        let title = meta::read(&dom).title;
        Fallback { dom, title }
    }

    /// The whole document without scripts, hidden elements and navigation, and (`strict`)
    /// without the small widgets named as boilerplate.
    pub(crate) fn items(&self, strict: bool) -> Vec<Item> {
        content::extract_fallback(&self.dom, self.title.as_deref(), strict).items
    }
}

/// Normalises an author name list from any source (`By A and B`).
pub(crate) fn split_names(raw: &str) -> Vec<String> {
    meta::split_names(raw)
}
