//! Class and id words of boilerplate, navigation, comments and article bodies, and the flags they set.

use std::borrow::Cow;

/// Class and id words that mark the article body itself.
pub(super) const BODY_MARKERS: &[&str] = &[
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
pub(super) const COMMENT_PARTS: &[&str] = &["comment", "disqus"];

/// Substrings marking boilerplate: related lists, share bars, banners, ads, prompts.
pub(super) const BOILERPLATE_PARTS: &[&str] = &[
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
pub(super) const NAVIGATION_PARTS: &[&str] = &[
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
pub(super) const NEGATIVE_PARTS: &[&str] = &[
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
pub(super) const POSITIVE_PARTS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];

/// What the class and id names of an element say, as bit flags.
pub(super) mod flag {
    pub(crate) const BODY: u16 = 1;
    pub(crate) const HIDDEN: u16 = 1 << 1;
    pub(crate) const COMMENTS: u16 = 1 << 2;
    pub(crate) const CAPTION: u16 = 1 << 3;
    pub(crate) const CREDIT: u16 = 1 << 4;
    pub(crate) const BYLINE: u16 = 1 << 5;
    pub(crate) const BOILERPLATE: u16 = 1 << 6;
    pub(crate) const NAVIGATION: u16 = 1 << 7;
    pub(crate) const NEGATIVE: u16 = 1 << 8;
    pub(crate) const POSITIVE: u16 = 1 << 9;
    pub(crate) const EMBED: u16 = 1 << 10;
    pub(crate) const GALLERY: u16 = 1 << 11;
}

/// Substrings marking embedded social-media posts (their text and chrome are not the article's).
pub(super) const EMBED_PARTS: &[&str] = &[
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
pub(super) const GALLERY_PARTS: &[&str] = &["gallery", "slideshow", "carousel", "lightbox"];

/// The substring groups, each with its flag.
pub(super) fn part_groups() -> [(&'static [&'static str], u16); 11] {
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
pub(super) fn slot(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        b'-' => Some(36),
        b'_' => Some(37),
        _ => None,
    }
}

/// Number of slots per byte.
pub(super) const SLOTS: usize = 38;

/// A group substring and its flag.
pub(super) type Part = (&'static [u8], u16);

/// Every group substring, indexed by its first two bytes, so one pass over a name finds
/// them all.
pub(super) static PREFIX_TABLE: std::sync::LazyLock<Vec<Vec<Part>>> =
    std::sync::LazyLock::new(|| {
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
pub(super) fn word_flag(w: &str) -> u16 {
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
pub(super) fn is_hidden_token(t: &str) -> bool {
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

/// A content-management post class (`post-580285 type-post status-publish hentry
/// category-issues tag-prison-papers`) names the post's categories and tags by their
/// slugs: what the article is about, not what the element is (`tag-social-media` is no
/// share bar, `tag-hide-me` no hidden element). Those tokens are left out of a class list
/// that carries the post markers; a lone `tag-cloud` or `category-list` stays.
fn without_term_tokens(lower: &str) -> Cow<'_, str> {
    let tokens = || lower.split_ascii_whitespace();
    let post_class = tokens().any(|t| {
        t == "hentry"
            || (t.starts_with("type-") && t.len() > 5)
            || t.starts_with("status-")
            || t.strip_prefix("post-")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
    });
    if !post_class {
        return Cow::Borrowed(lower);
    }
    let is_term = |t: &str| {
        ["tag-", "category-", "post_tag-", "tags-", "topic-"]
            .iter()
            .any(|p| t.strip_prefix(p).is_some_and(|rest| !rest.is_empty()))
    };
    Cow::Owned(
        tokens()
            .filter(|t| !is_term(t))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The flags of one class or id attribute value (case-insensitive), in one pass.
pub(super) fn name_flags(name: &str) -> u16 {
    if name.is_empty() {
        return 0;
    }
    let lowercase = name.to_ascii_lowercase();
    let lower = without_term_tokens(&lowercase);
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

/// Whole paragraphs that end an article's text where they stand after most of it: the
/// headings of the share bar, related list, comment form, author box, contact or sources
/// block that follow a post or press release
/// (`Share this`, `Ähnliche Beiträge`, `Laisser un commentaire`, `Dodaj komentarz`), in
/// the languages of the boilerplate words above; compared by [`end_marker_key`].
pub(super) const END_MARKERS: &[&str] = &[
    "share this",
    "share this article",
    "share this post",
    "share this story",
    "share on",
    "like this",
    "related posts",
    "related articles",
    "related stories",
    "related",
    "you may also like",
    "you might also like",
    "more from",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments",
    "recent posts",
    "recent comments",
    "popular posts",
    "about the author",
    "filed under",
    "was this article helpful",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "read next",
    "more stories",
    "recommended",
    "trending",
    "teilen mit",
    "teilen",
    "diesen artikel teilen",
    "artikel teilen",
    "beitrag teilen",
    "gefällt mir",
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte artikel",
    "verwandte beiträge",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "weitere artikel",
    "weitere beiträge",
    "mehr zum thema",
    "schreibe einen kommentar",
    "kommentar schreiben",
    "kommentar verfassen",
    "kommentare",
    "neueste kommentare",
    "neueste beiträge",
    "letzte beiträge",
    "beliebte beiträge",
    "über den autor",
    "über die autorin",
    "war der artikel nützlich",
    "war dieser artikel hilfreich",
    "möchten sie den artikel teilen",
    "newsletter abonnieren",
    "schon gelesen",
    "meistgelesen",
    "auch interessant",
    "lesen sie auch",
    "empfehlungen",
    "partager",
    "partager cet article",
    "articles similaires",
    "articles liés",
    "à lire aussi",
    "lire aussi",
    "vous aimerez aussi",
    "laisser un commentaire",
    "commentaires",
    "j'aime ça",
    "sur le même sujet",
    "compartir",
    "comparte esto",
    "artículos relacionados",
    "entradas relacionadas",
    "te puede interesar",
    "también te puede interesar",
    "deja un comentario",
    "comentarios",
    "me gusta esto",
    "noticias relacionadas",
    "udostępnij",
    "podobne artykuły",
    "powiązane artykuły",
    "zobacz także",
    "czytaj także",
    "komentarze",
    "dodaj komentarz",
    "przeczytaj również",
    "explore further",
    "veja também",
    "leia também",
    "saiba mais",
    "meistgelesene artikel",
    "meistdiskutierte artikel",
    "das thema könnte dich auch interessieren",
    "das könnte ihnen auch gefallen",
    "more on this story",
    "more on this topic",
    "you may be interested in",
    "read more",
    "kontakt",
    "pressekontakt",
    "quellen",
    "quellenangaben",
    "weitere informationen",
    "zusatzinformationen",
    "ansprechpartner",
    "ansprechpartnerin",
    "contact",
    "sources",
];

/// A paragraph as [`END_MARKERS`] holds it: lower case, the typographic apostrophe plain,
/// without a count (`Kommentare (3)`, `2 Comments`) or closing punctuation (`Teilen mit:`).
pub(super) fn end_marker_key(paragraph: &str) -> String {
    let p = paragraph.trim().to_lowercase().replace('’', "'");
    let p = match p.rfind('(') {
        Some(i)
            if p.ends_with(')')
                && p.get(i + 1..p.len() - 1)
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            p[..i].trim_end().to_string()
        }
        _ => p,
    };
    let p = p
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    p.trim_end_matches([' ', ':', '.', '?', '!', '…'])
        .to_string()
}

/// Whether a paragraph is one of [`END_MARKERS`], or opens with one of several words
/// (`Mehr zum Thema auf example.de`, `Lesen Sie auch die folgenden Beiträge:`).
pub(super) fn is_end_marker(paragraph: &str) -> bool {
    // the longest marker is under 40 characters: longer paragraphs are text
    if paragraph.len() > 64 {
        return false;
    }
    let key = end_marker_key(paragraph);
    END_MARKERS.iter().any(|m| {
        key == *m
            || (m.contains(' ')
                && key
                    .strip_prefix(m)
                    .is_some_and(|rest| rest.starts_with([' ', ':'])))
    })
}
