//! The keep-or-drop decision of each element by tag, role, attributes and class/id words.

use super::super::parse::Node;
use super::words::{flag, name_flags};
use std::collections::HashMap;

/// What to do with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Drop {
    /// Part of the page's content.
    Keep,
    /// Never text (scripts, hidden elements): dropped, not recorded.
    Silent,
    /// Always dropped, recorded under this kind.
    Hard(&'static str),
    /// Dropped and recorded unless it holds a large body of prose.
    Soft(&'static str),
    /// An embedded social-media post: its paragraphs are quoted content and stay, the rest
    /// (author, handle, date, widget text) is chrome, recorded as `embed`.
    Embed,
}

/// Whether the tag starts a new text block.
pub(super) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "ul"
            | "caption"
            | "legend"
            | "html"
    )
}

/// The drop decision from the flags of class and id.
pub(super) fn flags_drop(f: u16) -> Drop {
    if f & flag::BODY != 0 {
        Drop::Keep
    } else if f & flag::HIDDEN != 0 {
        Drop::Silent
    } else if f & flag::COMMENTS != 0 {
        Drop::Hard("comments")
    } else if f & flag::EMBED != 0 {
        Drop::Embed
    } else if f & flag::CAPTION != 0 {
        Drop::Soft("caption")
    } else if f & flag::CREDIT != 0 {
        Drop::Soft("credit")
    } else if f & flag::BYLINE != 0 {
        Drop::Soft("byline")
    } else if f & flag::GALLERY != 0 {
        Drop::Soft("gallery")
    } else if f & flag::BOILERPLATE != 0 {
        Drop::Soft("boilerplate")
    } else if f & flag::NAVIGATION != 0 {
        Drop::Soft("navigation")
    } else {
        Drop::Keep
    }
}

/// The drop decision from class and id text.
#[cfg(test)]
pub(super) fn class_drop(class_id: &str) -> Drop {
    flags_drop(name_flags(class_id))
}

/// Memoised [`name_flags`] of class values: pages repeat the same class on many elements.
#[derive(Default)]
pub(super) struct NameCache<'a> {
    classes: HashMap<&'a str, u16>,
}

impl<'a> NameCache<'a> {
    /// The flags of an element's class and id.
    pub(super) fn flags(&mut self, node: &'a Node) -> u16 {
        self.class_flags(node) | node.attr("id").map_or(0, name_flags)
    }

    /// The flags of an element's class alone.
    pub(super) fn class_flags(&mut self, node: &'a Node) -> u16 {
        match node.attr("class") {
            None | Some("") => 0,
            Some(c) => *self.classes.entry(c).or_insert_with(|| name_flags(c)),
        }
    }
}

/// The drop decision for an element.
pub(super) fn classify<'a>(node: &'a Node, cache: &mut NameCache<'a>) -> Drop {
    let tag = &*node.tag;
    match tag {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "button"
        | "select" | "option" | "input" | "textarea" | "canvas" | "object" | "embed" | "video"
        | "audio" | "map" | "head" | "title" | "meta" | "link" | "source" | "picture" | "img"
        | "label" | "noembed" | "noframes" | "xmp" | "plaintext" => return Drop::Silent,
        "nav" | "menu" => return Drop::Hard("navigation"),
        "figcaption" => return Drop::Hard("caption"),
        "dialog" => return Drop::Hard("boilerplate"),
        "body" | "html" | "#document" => return Drop::Keep,
        _ => {}
    }
    if node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return Drop::Silent;
    }
    if let Some(style) = node.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return Drop::Silent;
        }
    }
    if node
        .attr("itemprop")
        .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
    {
        return Drop::Keep;
    }
    if let Some(role) = node.attr("role") {
        match role.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "search" | "toolbar" | "banner" | "contentinfo" => {
                return Drop::Soft("navigation");
            }
            "complementary" | "dialog" | "alertdialog" => return Drop::Soft("boilerplate"),
            _ => {}
        }
    }
    let by_tag = match tag {
        "footer" | "header" => Drop::Soft("navigation"),
        "aside" | "form" => Drop::Soft("boilerplate"),
        "figure" => Drop::Soft("caption"),
        _ => Drop::Keep,
    };
    if node
        .attr("itemprop")
        .is_some_and(|v| v.eq_ignore_ascii_case("author"))
    {
        return Drop::Soft("byline");
    }
    let flags = cache.flags(node);
    if flags == 0 {
        return by_tag;
    }
    match (by_tag, flags_drop(flags)) {
        (Drop::Keep, c) => c,
        (t, Drop::Keep) if tag == "figure" => t,
        // A header or footer named like the article body is the body.
        (_, Drop::Keep) if cache.class_flags(node) & flag::BODY != 0 => Drop::Keep,
        (t, _) => t,
    }
}
