//! Main-content selection: boilerplate elements dropped by tag, role and class, the article
//! container chosen by a readability-style text and link density score, and its text blocks.

use super::parse::{Child, Dom, Node};
use crate::clean::Item;
use std::collections::HashMap;

/// What to do with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drop {
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
fn is_block(tag: &str) -> bool {
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

/// Class and id words that mark the article body itself.
const BODY_MARKERS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "articletext",
    "article-text",
    "article-content",
    "articlecontent",
    "story-body",
    "storybody",
    "story-content",
    "story-text",
    "post-body",
    "post-content",
    "postbody",
    "entry-content",
    "entry-body",
    "main-content",
    "body-text",
    "bodytext",
];

/// Substrings of class and id names marking comment sections.
const COMMENT_PARTS: &[&str] = &["comment", "disqus"];

/// Substrings marking boilerplate: related lists, share bars, banners, ads, prompts.
const BOILERPLATE_PARTS: &[&str] = &[
    "related",
    "recommend",
    "more-stories",
    "morestories",
    "read-more",
    "readmore",
    "most-popular",
    "mostpopular",
    "most-read",
    "mostread",
    "trending",
    "outbrain",
    "taboola",
    "also-read",
    "further-reading",
    "more-from",
    "yarpp",
    "next-article",
    "popular",
    "share",
    "sharing",
    "social",
    "sociable",
    "addthis",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "paywall",
    "promo",
    "popup",
    "modal",
    "banner",
    "advert",
    "sponsor",
    "adslot",
    "ad-slot",
    "adunit",
    "ad-unit",
    "ad-container",
    "ad-wrapper",
    "google-ad",
    "doubleclick",
    "print-only",
];

/// Substrings marking navigation and page chrome.
const NAVIGATION_PARTS: &[&str] = &[
    "navigation",
    "navbar",
    "sidebar",
    "footer",
    "breadcrumb",
    "menu",
    "masthead",
    "widget",
    "dropdown",
    "pagination",
    "toolbar",
    "sitemap",
];

/// Readability's negative class and id substrings.
const NEGATIVE_PARTS: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "nav",
    "menu",
];

/// Readability's positive class and id substrings.
const POSITIVE_PARTS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];

/// What the class and id names of an element say, as bit flags.
mod flag {
    pub(super) const BODY: u16 = 1;
    pub(super) const HIDDEN: u16 = 1 << 1;
    pub(super) const COMMENTS: u16 = 1 << 2;
    pub(super) const CAPTION: u16 = 1 << 3;
    pub(super) const CREDIT: u16 = 1 << 4;
    pub(super) const BYLINE: u16 = 1 << 5;
    pub(super) const BOILERPLATE: u16 = 1 << 6;
    pub(super) const NAVIGATION: u16 = 1 << 7;
    pub(super) const NEGATIVE: u16 = 1 << 8;
    pub(super) const POSITIVE: u16 = 1 << 9;
    pub(super) const EMBED: u16 = 1 << 10;
    pub(super) const GALLERY: u16 = 1 << 11;
}

/// Substrings marking embedded social-media posts (their text and chrome are not the article's).
const EMBED_PARTS: &[&str] = &[
    "tweet",
    "twitter-timeline",
    "embed-twitter",
    "instagram-media",
    "tiktok-embed",
    "fb-post",
    "social-embed",
    "embed-social",
];

/// Substrings marking image galleries and slideshows.
const GALLERY_PARTS: &[&str] = &["gallery", "slideshow", "carousel", "lightbox"];

/// The substring groups, each with its flag.
fn part_groups() -> [(&'static [&'static str], u16); 11] {
    [
        (BODY_MARKERS, flag::BODY),
        (COMMENT_PARTS, flag::COMMENTS),
        (&["caption"], flag::CAPTION),
        (&["credit"], flag::CREDIT),
        (&["byline", "author", "contributor"], flag::BYLINE),
        (BOILERPLATE_PARTS, flag::BOILERPLATE),
        (NAVIGATION_PARTS, flag::NAVIGATION),
        (NEGATIVE_PARTS, flag::NEGATIVE),
        (POSITIVE_PARTS, flag::POSITIVE),
        (EMBED_PARTS, flag::EMBED),
        (GALLERY_PARTS, flag::GALLERY),
    ]
}

/// The slot of a name byte in the two-byte prefix table (`a`-`z`, `0`-`9`, `-`, `_`).
fn slot(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        b'-' => Some(36),
        b'_' => Some(37),
        _ => None,
    }
}

/// Number of slots per byte.
const SLOTS: usize = 38;

/// A group substring and its flag.
type Part = (&'static [u8], u16);

/// Every group substring, indexed by its first two bytes, so one pass over a name finds
/// them all.
static PREFIX_TABLE: std::sync::LazyLock<Vec<Vec<Part>>> = std::sync::LazyLock::new(|| {
    let mut table = vec![Vec::new(); SLOTS * SLOTS];
    for (parts, f) in part_groups() {
        for part in parts {
            let b = part.as_bytes();
            let (Some(x), Some(y)) = (
                b.first().copied().and_then(slot),
                b.get(1).copied().and_then(slot),
            ) else {
                continue;
            };
            if let Some(bucket) = table.get_mut(x * SLOTS + y) {
                bucket.push((b, f));
            }
        }
    }
    table
});

/// Whole words (split on non-alphanumerics) that mark comments, boilerplate or navigation.
fn word_flag(w: &str) -> u16 {
    match w {
        "replies" | "respond" | "discussion" => flag::COMMENTS,
        "ad" | "ads" | "adv" | "dfp" | "gpt" | "promoted" | "teaser" | "teasers" | "donate" => {
            flag::BOILERPLATE
        }
        "nav" | "header" | "pager" | "skip" | "tags" | "tag" | "topics" | "keywords" | "search"
        | "login" | "account" | "rail" | "aside" => flag::NAVIGATION,
        _ => 0,
    }
}

/// Whitespace-separated class tokens that hide an element.
fn is_hidden_token(t: &str) -> bool {
    matches!(
        t,
        "hidden"
            | "hide"
            | "invisible"
            | "d-none"
            | "is-hidden"
            | "u-hidden"
            | "display-none"
            | "sr-only"
            | "visually-hidden"
            | "visuallyhidden"
            | "screen-reader-text"
            | "screenreader-only"
            | "offscreen"
            | "element-invisible"
            | "element-hidden"
    )
}

/// The flags of one class or id attribute value (case-insensitive), in one pass.
fn name_flags(name: &str) -> u16 {
    if name.is_empty() {
        return 0;
    }
    let lower = name.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut flags = 0;
    for i in 0..b.len() {
        let (Some(x), Some(y)) = (
            b.get(i).copied().and_then(slot),
            b.get(i + 1).copied().and_then(slot),
        ) else {
            continue;
        };
        for (part, f) in PREFIX_TABLE
            .get(x * SLOTS + y)
            .map_or(&[][..], Vec::as_slice)
        {
            if flags & f == 0 && b.get(i..).is_some_and(|rest| rest.starts_with(part)) {
                flags |= f;
            }
        }
    }
    for w in lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        flags |= word_flag(w);
    }
    if lower.split_ascii_whitespace().any(is_hidden_token) {
        flags |= flag::HIDDEN;
    }
    flags
}

/// The drop decision from the flags of class and id.
fn flags_drop(f: u16) -> Drop {
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
fn class_drop(class_id: &str) -> Drop {
    flags_drop(name_flags(class_id))
}

/// Memoised [`name_flags`] of class values: pages repeat the same class on many elements.
#[derive(Default)]
struct NameCache<'a> {
    classes: HashMap<&'a str, u16>,
}

impl<'a> NameCache<'a> {
    /// The flags of an element's class and id.
    fn flags(&mut self, node: &'a Node) -> u16 {
        self.class_flags(node) | node.attr("id").map_or(0, name_flags)
    }

    /// The flags of an element's class alone.
    fn class_flags(&mut self, node: &'a Node) -> u16 {
        match node.attr("class") {
            None | Some("") => 0,
            Some(c) => *self.classes.entry(c).or_insert_with(|| name_flags(c)),
        }
    }
}

/// The drop decision for an element.
fn classify<'a>(node: &'a Node, cache: &mut NameCache<'a>) -> Drop {
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

/// Text statistics of one element's subtree (dropped subtrees excluded).
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Non-space characters.
    text: usize,
    /// Non-space characters inside links.
    link: usize,
    /// Commas (Latin and CJK).
    commas: usize,
    /// Paragraph elements with text.
    paras: usize,
    /// Whether a block-level element is among the children.
    has_block: bool,
}

/// Counts non-space characters and commas of a text run.
fn measure(t: &str) -> (usize, usize) {
    let mut n = 0;
    let mut commas = 0;
    for c in t.chars() {
        if !c.is_whitespace() {
            n += 1;
            if matches!(c, ',' | '，' | '、' | '،') {
                commas += 1;
            }
        }
    }
    (n, commas)
}

/// Computes per-element statistics bottom-up, skipping elements for which `dropped` is true.
fn compute_stats(dom: &Dom, dropped: &[bool]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); dom.nodes.len()];
    for id in (0..dom.nodes.len()).rev() {
        let Some(node) = dom.nodes.get(id) else {
            continue;
        };
        let mut s = Stats::default();
        for child in &node.children {
            match child {
                Child::Text(t) => {
                    let (n, c) = measure(t);
                    s.text += n;
                    s.commas += c;
                }
                Child::Node(c) => {
                    if dropped.get(*c).copied().unwrap_or(true) {
                        continue;
                    }
                    let Some(cs) = stats.get(*c).copied() else {
                        continue;
                    };
                    s.text += cs.text;
                    s.link += cs.link;
                    s.commas += cs.commas;
                    s.paras += cs.paras;
                    if dom.nodes.get(*c).is_some_and(|n| is_block(&n.tag)) {
                        s.has_block = true;
                    }
                }
            }
        }
        if &*node.tag == "a" {
            s.link = s.text;
        }
        if &*node.tag == "p" && s.text >= 20 {
            s.paras += 1;
        }
        if let Some(slot) = stats.get_mut(id) {
            *slot = s;
        }
    }
    stats
}

/// Link density of a subtree.
fn link_density(s: &Stats) -> f64 {
    if s.text == 0 {
        0.0
    } else {
        s.link as f64 / s.text as f64
    }
}

/// The readability class weight from class and id flags.
fn class_weight(flags: u16) -> f64 {
    let mut w = 0.0;
    if flags & flag::NEGATIVE != 0 {
        w -= 25.0;
    }
    if flags & flag::POSITIVE != 0 {
        w += 25.0;
    }
    w
}

/// The extracted main content of a page.
pub(crate) struct Content {
    /// Paragraphs and removed pieces in document order.
    pub(crate) items: Vec<Item>,
}

/// Selects the main content of `dom` and turns it into paragraph items. `title` is the
/// page's headline: a heading repeating it is not body text.
pub(crate) fn extract(dom: &Dom, title: Option<&str>) -> Content {
    let n = dom.nodes.len();
    let mut cache = NameCache::default();
    let decisions: Vec<Drop> = dom
        .nodes
        .iter()
        .map(|node| classify(node, &mut cache))
        .collect();
    // Pass 1: only unconditional drops, to measure what soft candidates hold.
    let hard: Vec<bool> = decisions
        .iter()
        .map(|d| matches!(d, Drop::Silent | Drop::Hard(_)))
        .collect();
    let raw = compute_stats(dom, &hard);
    // Protect ancestors of an explicit article body.
    let mut protected = vec![false; n];
    for (id, node) in dom.nodes.iter().enumerate() {
        let substantial = |min: usize| {
            raw.get(id)
                .is_some_and(|s| s.text > min && link_density(s) < 0.3)
        };
        let marked = node
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
            || cache.class_flags(node) & flag::BODY != 0;
        if (marked && substantial(200)) || (&*node.tag == "article" && substantial(500)) {
            let mut p = node.parent;
            let mut guard = 0;
            while p != 0 && guard < 300 {
                if let Some(slot) = protected.get_mut(p) {
                    *slot = true;
                }
                p = dom.nodes.get(p).map_or(0, |x| x.parent);
                guard += 1;
            }
        }
    }
    let mut dropped = vec![false; n];
    let mut kinds: Vec<Option<&'static str>> = vec![None; n];
    for id in 0..n {
        let d = decisions.get(id).copied().unwrap_or(Drop::Keep);
        let s = raw.get(id).copied().unwrap_or_default();
        let is_protected = protected.get(id).copied().unwrap_or(false);
        let (drop, kind) = match d {
            Drop::Keep | Drop::Embed => (false, None),
            Drop::Silent => (true, None),
            Drop::Hard(k) => (true, Some(k)),
            Drop::Soft(k) => {
                let big_prose =
                    s.text >= 1000 && (s.paras >= 3 || s.text >= 2000) && link_density(&s) < 0.3;
                (!(is_protected || big_prose), Some(k))
            }
        };
        if let Some(slot) = dropped.get_mut(id) {
            *slot = drop;
        }
        if let Some(slot) = kinds.get_mut(id) {
            *slot = kind;
        }
    }
    let stats = compute_stats(dom, &dropped);
    // Effective drop: the element or an ancestor is dropped.
    let mut gone = dropped.clone();
    for id in 1..n {
        let parent = dom.nodes.get(id).map_or(0, |x| x.parent);
        if gone.get(parent).copied().unwrap_or(false)
            && let Some(slot) = gone.get_mut(id)
        {
            *slot = true;
        }
    }
    let roots = choose_roots(dom, &mut cache, &decisions, &stats, &gone);
    let mut walker = Walker {
        dom,
        decisions: &decisions,
        dropped: &dropped,
        kinds: &kinds,
        title: title.map(heading_key),
        items: Vec::new(),
        current: String::new(),
        link_chars: 0,
        in_link: 0,
        skipped_title: false,
    };
    for root in roots {
        walker.walk(root, 0);
        walker.flush();
    }
    Content {
        items: walker.items,
    }
}

/// Chooses the element(s) holding the article, in document order.
fn choose_roots<'a>(
    dom: &'a Dom,
    cache: &mut NameCache<'a>,
    decisions: &[Drop],
    stats: &[Stats],
    gone: &[bool],
) -> Vec<usize> {
    let n = dom.nodes.len();
    let alive = |id: usize| !gone.get(id).copied().unwrap_or(true);
    let st = |id: usize| stats.get(id).copied().unwrap_or_default();
    // 1. An explicit article body.
    let explicit = (0..n)
        .filter(|&id| alive(id))
        .filter(|&id| {
            dom.nodes
                .get(id)
                .and_then(|x| x.attr("itemprop"))
                .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
        })
        .max_by_key(|&id| st(id).text);
    if let Some(id) = explicit.filter(|&id| st(id).text >= 200) {
        return vec![id];
    }
    // 2. Readability-style scoring of paragraph containers.
    let mut score = vec![0.0f64; n];
    let mut is_candidate = vec![false; n];
    for id in 0..n {
        if !alive(id) {
            continue;
        }
        let Some(node) = dom.nodes.get(id) else {
            continue;
        };
        let s = st(id);
        let tag = &*node.tag;
        let paragraph_like = matches!(tag, "p" | "pre" | "td" | "blockquote")
            || (matches!(
                tag,
                "div" | "section" | "article" | "span" | "font" | "center"
            ) && !s.has_block);
        if !paragraph_like || s.text < 25 {
            continue;
        }
        let content = 1.0 + s.commas as f64 + (s.text as f64 / 100.0).min(3.0);
        let mut anc = node.parent;
        for level in 0..3 {
            if id == 0 {
                break;
            }
            let Some(a) = dom.nodes.get(anc) else { break };
            if let (Some(c), Some(sc)) = (is_candidate.get_mut(anc), score.get_mut(anc)) {
                if !*c {
                    *c = true;
                    *sc = base_score(a, cache.flags(a));
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => 6.0,
                };
                *sc += content / divider;
            }
            if anc == 0 {
                break;
            }
            anc = a.parent;
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for id in 0..n {
        if !is_candidate.get(id).copied().unwrap_or(false) || !alive(id) {
            continue;
        }
        let s = st(id);
        let fin = score.get(id).copied().unwrap_or(0.0) * (1.0 - link_density(&s));
        if let Some(slot) = score.get_mut(id) {
            *slot = fin;
        }
        if best.is_none_or(|(_, b)| fin > b) {
            best = Some((id, fin));
        }
    }
    let Some((mut top, top_score)) = best else {
        let body =
            (0..n).find(|&id| alive(id) && dom.nodes.get(id).is_some_and(|x| &*x.tag == "body"));
        return vec![body.unwrap_or(0)];
    };
    // Climb single-child wrappers.
    while top != 0 {
        let parent = dom.nodes.get(top).map_or(0, |x| x.parent);
        let Some(p) = dom.nodes.get(parent) else {
            break;
        };
        let only_child = p
            .children
            .iter()
            .filter(|c| match c {
                Child::Node(c) => alive(*c),
                Child::Text(t) => !t.trim().is_empty(),
            })
            .count()
            == 1;
        if !only_child || matches!(&*p.tag, "body" | "html" | "#document") {
            break;
        }
        top = parent;
    }
    // Prefer an enclosing <article> that is mostly this content.
    let top_text = st(top).text.max(1);
    let mut anc = top;
    for _ in 0..4 {
        let Some(node) = dom.nodes.get(anc) else {
            break;
        };
        if &*node.tag == "article" && alive(anc) {
            let a = st(anc);
            if a.text as f64 <= 1.6 * top_text as f64 && link_density(&a) < 0.35 {
                return vec![anc];
            }
            break;
        }
        if anc == 0 {
            break;
        }
        anc = node.parent;
    }
    // Siblings that also carry content.
    let parent = dom.nodes.get(top).map_or(0, |x| x.parent);
    if top == 0 || parent == top {
        return vec![top];
    }
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom
        .nodes
        .get(top)
        .and_then(|x| x.attr("class"))
        .unwrap_or_default();
    let mut roots = Vec::new();
    for child in dom
        .nodes
        .get(parent)
        .map(|p| p.children.as_slice())
        .unwrap_or_default()
    {
        let Child::Node(c) = child else { continue };
        let c = *c;
        if c == top {
            roots.push(c);
            continue;
        }
        if !alive(c) {
            continue;
        }
        let Some(node) = dom.nodes.get(c) else {
            continue;
        };
        let s = st(c);
        let ld = link_density(&s);
        let mut sc = if is_candidate.get(c).copied().unwrap_or(false) {
            score.get(c).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        if !top_class.is_empty() && node.attr("class") == Some(top_class) {
            sc += top_score * 0.2;
        }
        let include = sc >= threshold
            || (matches!(
                &*node.tag,
                "p" | "blockquote" | "h2" | "h3" | "h4" | "ul" | "ol"
            ) && s.text > 80
                && ld < 0.25)
            || (&*node.tag == "p" && s.text > 0 && ld == 0.0 && sentence_like(dom, decisions, c));
        if include {
            roots.push(c);
        }
    }
    roots
}

/// Whether a short paragraph reads like a sentence.
fn sentence_like(dom: &Dom, decisions: &[Drop], id: usize) -> bool {
    let mut t = String::new();
    collect_text(dom, decisions, id, &mut t, 0);
    let t = t.trim();
    t.contains(". ") || t.ends_with('.')
}

/// All text of a subtree (silent elements excluded).
fn collect_text(dom: &Dom, decisions: &[Drop], id: usize, out: &mut String, depth: usize) {
    let Some(node) = dom.nodes.get(id) else {
        return;
    };
    if depth > 300 {
        return;
    }
    for child in &node.children {
        match child {
            Child::Text(t) => out.push_str(t),
            Child::Node(c) => {
                let Some(cn) = dom.nodes.get(*c) else {
                    continue;
                };
                if decisions.get(*c).is_none_or(|d| *d == Drop::Silent) {
                    continue;
                }
                let block = is_block(&cn.tag) || &*cn.tag == "br";
                if block {
                    out.push(' ');
                }
                collect_text(dom, decisions, *c, out, depth + 1);
                if block || matches!(&*cn.tag, "td" | "th") {
                    out.push(' ');
                }
            }
        }
    }
}

/// The readability starting score of a candidate by tag and class.
fn base_score(node: &Node, flags: u16) -> f64 {
    let tag_score = match &*node.tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag_score + class_weight(flags)
}

/// A comparison key for headings: lowercase alphanumerics.
fn heading_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Walks the chosen content, producing paragraph items.
struct Walker<'a> {
    dom: &'a Dom,
    decisions: &'a [Drop],
    dropped: &'a [bool],
    kinds: &'a [Option<&'static str>],
    title: Option<String>,
    items: Vec<Item>,
    current: String,
    link_chars: usize,
    in_link: usize,
    skipped_title: bool,
}

impl Walker<'_> {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        let links = std::mem::take(&mut self.link_chars);
        let (total, _) = measure(&text);
        if total == 0 {
            return;
        }
        if links * 10 >= total * 6 && total < 400 {
            self.items.push(Item::Removed("navigation", text));
        } else {
            self.items.push(Item::Para(text));
        }
    }

    /// An embedded post: its paragraphs are walked as text, everything else is chrome.
    fn walk_embed(&mut self, node: &Node, depth: usize) {
        self.flush();
        let mut chrome = String::new();
        self.embed_children(node, depth, &mut chrome);
        self.flush();
        if !chrome.trim().is_empty() {
            self.items.push(Item::Removed("embed", chrome));
        }
    }

    /// The children of an embed (or of a wrapper inside one): paragraphs are text, block
    /// wrappers are searched for paragraphs, inline content and text runs are chrome.
    fn embed_children(&mut self, node: &Node, depth: usize, chrome: &mut String) {
        if depth > 300 {
            return;
        }
        for child in &node.children {
            match child {
                Child::Node(c) => {
                    let Some(n) = self.dom.nodes.get(*c) else {
                        continue;
                    };
                    if self.dropped.get(*c).copied().unwrap_or(true) {
                        continue;
                    }
                    if &*n.tag == "p" {
                        self.walk(*c, depth + 1);
                        chrome.push(' ');
                    } else if is_block(&n.tag) {
                        chrome.push(' ');
                        self.embed_children(n, depth + 1, chrome);
                        chrome.push(' ');
                    } else {
                        collect_text(self.dom, self.decisions, *c, chrome, 0);
                    }
                }
                Child::Text(t) => chrome.push_str(t),
            }
        }
    }

    fn walk(&mut self, id: usize, depth: usize) {
        let Some(node) = self.dom.nodes.get(id) else {
            return;
        };
        if depth > 300 {
            return;
        }
        let tag = &*node.tag;
        if self.dropped.get(id).copied().unwrap_or(true) {
            if let Some(kind) = self.kinds.get(id).copied().flatten() {
                let mut text = String::new();
                collect_text(self.dom, self.decisions, id, &mut text, 0);
                if !text.trim().is_empty() {
                    self.flush();
                    self.items.push(Item::Removed(kind, text));
                }
            }
            return;
        }
        if tag == "br" || tag == "hr" {
            self.flush();
            return;
        }
        if self.decisions.get(id) == Some(&Drop::Embed) {
            self.walk_embed(node, depth);
            return;
        }
        if tag == "h1" && !self.skipped_title {
            let mut text = String::new();
            collect_text(self.dom, self.decisions, id, &mut text, 0);
            let key = heading_key(&text);
            if self
                .title
                .as_ref()
                .is_none_or(|t| !key.is_empty() && (t.contains(&key) || key.contains(t.as_str())))
            {
                self.skipped_title = true;
                self.flush();
                return;
            }
        }
        let block = is_block(tag);
        if block {
            self.flush();
        }
        let is_link = tag == "a";
        if is_link {
            self.in_link += 1;
        }
        for child in &node.children {
            match child {
                Child::Text(t) => {
                    if self.in_link > 0 {
                        self.link_chars += measure(t).0;
                    }
                    self.current.push_str(t);
                }
                Child::Node(c) => self.walk(*c, depth + 1),
            }
        }
        if is_link {
            self.in_link -= 1;
        }
        if matches!(tag, "td" | "th") {
            self.current.push(' ');
        }
        if block {
            self.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    fn check(html: &str, expected: &[&str]) {
        let dom = parse(html);
        let content = extract(&dom, dom.title.as_deref());
        let got: Vec<String> = content
            .items
            .iter()
            .map(|i| match i {
                Item::Para(p) => p.split_whitespace().collect::<Vec<_>>().join(" "),
                Item::Removed(k, t) => format!(
                    "<{k}> {}",
                    t.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
            })
            .collect();
        assert_eq!(got, expected, "input {html}");
    }

    const PARA: &str = "This is a long enough paragraph of article text, with commas, clauses, and more words to score well.";

    #[test]
    fn selects_main_content() {
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
             <div class=sidebar><p>Sidebar text that is not the article at all, really.</p></div>\
             <article><h1>Headline</h1><p>{PARA}</p><figure><img src=x><figcaption>A caption [A B/Reuters]</figcaption></figure>\
             <h2>Sub</h2><p>{PARA}</p><div class=related><p>More:</p><ul><li><a href=1>Other story</a></li></ul></div>\
             <div class=comments><p>Great article, thanks.</p></div></article>\
             <footer><p>Copyright 2020</p></footer><div class=cookie-banner>We use cookies.</div></body></html>"
        );
        check(
            &page,
            &[
                PARA,
                "<caption> A caption [A B/Reuters]",
                "Sub",
                PARA,
                "<boilerplate> More: Other story",
                "<comments> Great article, thanks.",
            ],
        );
    }

    #[test]
    fn embedded_posts_keep_their_text_and_lose_their_chrome() {
        let page = format!(
            "<article><p>{PARA}</p>\
             <div class=\"article-widget article-tweet\"><div class=inner>\
             <blockquote class=twitter-tweet><p>Thank you all for the support.</p>\
             &mdash; A Player (@aplayer) <a href=x>November 19, 2019</a></blockquote></div></div>\
             <p>{PARA}</p></article>"
        );
        check(
            &page,
            &[
                PARA,
                "Thank you all for the support.",
                "<embed> — A Player (@aplayer) November 19, 2019",
                PARA,
            ],
        );
    }

    #[test]
    fn class_decisions() {
        let cases: &[(&str, Drop)] = &[
            ("", Drop::Keep),
            ("article-body main", Drop::Keep),
            ("Article-Body comments", Drop::Keep),
            ("sr-only", Drop::Silent),
            ("visually-hidden label", Drop::Silent),
            ("hiddenish", Drop::Keep),
            ("comments-area", Drop::Hard("comments")),
            ("twitter-tweet", Drop::Embed),
            ("sdc-article-widget sdc-article-tweet", Drop::Embed),
            ("instagram-media", Drop::Embed),
            ("wp-caption-text", Drop::Soft("caption")),
            ("image-credit", Drop::Soft("credit")),
            ("article-byline", Drop::Soft("byline")),
            ("photo-gallery slideshow", Drop::Soft("gallery")),
            ("related-stories", Drop::Soft("boilerplate")),
            ("inline-newsletter", Drop::Soft("boilerplate")),
            ("ad", Drop::Soft("boilerplate")),
            ("header ad-slot", Drop::Soft("boilerplate")),
            ("shadow", Drop::Keep),
            ("site-header", Drop::Soft("navigation")),
            ("breadcrumbs", Drop::Soft("navigation")),
            ("tag-list", Drop::Soft("navigation")),
            ("story", Drop::Keep),
        ];
        for (class, expected) in cases {
            assert_eq!(class_drop(class), *expected, "class {class:?}");
        }
    }

    #[test]
    fn scores_without_article_element() {
        let page = format!(
            "<body><div id=menu><ul><li><a href=a>One</a></li><li><a href=b>Two</a></li></ul></div>\
             <div class=x><div class=y><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div>\
             <div class=z><p>Short footer.</p></div></body>"
        );
        check(&page, &[PARA, PARA, PARA]);
    }

    #[test]
    fn fragment_without_body() {
        check(&format!("<p>{PARA}</p><p>Second.</p>"), &[PARA, "Second."]);
        check("plain text only", &["plain text only"]);
    }

    #[test]
    fn item_prop_article_body_wins() {
        let page = format!(
            "<div><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div><div itemprop=articleBody><p>{PARA} Body one.</p><p>{PARA} Body two.</p><p>{PARA}</p></div>"
        );
        check(
            &page,
            &[
                &format!("{PARA} Body one."),
                &format!("{PARA} Body two."),
                PARA,
            ],
        );
    }
}
