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

/// The fallback of [`extract`] for a page whose main container gives no text: the whole
/// document without scripts, hidden elements and navigation, and (`strict`) without the
/// small widgets named as boilerplate.
pub(crate) fn extract_fallback(html: &str, strict: bool) -> Vec<Item> {
    let dom = parse::parse(html);
    let meta = meta::read(&dom);
    content::extract_fallback(&dom, meta.title.as_deref(), strict).items
}

/// Normalises an author name list from any source (`By A and B`).
pub(crate) fn split_names(raw: &str) -> Vec<String> {
    meta::split_names(raw)
}
