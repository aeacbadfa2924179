//! Turns a [`RawDocument`] into an [`Article`]: charset detection and decoding, HTML main
//! text, Unicode and typography cleanup, removal of captions and boilerplate into
//! [`Article::removed`], language detection and a stable content id ([`content_id`]).
//!
//! The entry point is [`normalise`] with a [`Config`]; failures are an [`Error`] naming the
//! document. Plain text and HTML converge on the same paragraph pipeline, so one article
//! gives the same `text` (and id) whether it arrives as a `.txt` file, a JSON line, an HTML
//! page, a WARC record or a feed item.
//!
//! HTML is read by a small tokenizer and arena tree written for this crate rather than
//! html5ever (`scraper`): extraction needs only a forgiving tree, a handful of attributes and
//! text, and a purpose-built parser is linear, allocation-light (about a millisecond on a
//! typical news page in release builds), compiles in seconds and cannot be driven into deep
//! recursion (depth and node count are capped). `tl` was considered but it mishandles
//! implied end tags and raw-text elements that real news pages rely on.
//!
//! What is taken out of the text is kept in [`Article::removed`] under a kind: `caption`,
//! `credit`, `byline`, `citation`, `date` (a date-stamp line), `embed` (the chrome of an
//! embedded social post, whose own paragraphs stay in the text), `gallery`, `comments`,
//! `boilerplate` (share bars, banners, newsletter prompts, related lists, ads) and
//! `navigation`. Page metadata fills `title`, `authors`, `published` (container, then
//! JSON-LD, `<meta>`, `<time>`, then a date in the URL; never after [`Config::today`]),
//! `outlet`, `url` (canonical) and `language` (detection checked against `<html lang>`).
//! `cargo xtask eval html` scores the HTML extraction against real pages.
//!
//! ```
//! use newsdesk_model::{ContentKind, RawDocument};
//! use newsdesk_normalise::{normalise, Config};
//!
//! let page = r#"<html lang="en"><head><title>Ceasefire agreed | Example News</title></head>
//! <body><nav><a href="/">Home</a></nav>
//! <article><h1>Ceasefire agreed</h1>
//! <p>MOSCOW (Reuters) - Turkey&rsquo;s president said the ceasefire will hold.</p>
//! <figure><img src="a.jpg"><figcaption>Leaders meet [Jane Doe/Reuters]</figcaption></figure>
//! <p>Talks lasted six hours.</p></article>
//! <footer>Copyright Example</footer></body></html>"#;
//! let raw = RawDocument {
//!     source: "page.html".into(),
//!     kind: ContentKind::Html,
//!     bytes: page.as_bytes().to_vec(),
//!     ..RawDocument::default()
//! };
//! let article = normalise(raw, &Config::default()).unwrap();
//! assert_eq!(
//!     article.text,
//!     "MOSCOW (Reuters) - Turkey’s president said the ceasefire will hold.\n\nTalks lasted six hours."
//! );
//! assert_eq!(article.title.as_deref(), Some("Ceasefire agreed"));
//! assert_eq!(article.dateline.as_deref(), Some("MOSCOW (Reuters) -"));
//! assert_eq!(article.removed[0].kind, "caption");
//! assert_eq!(article.id.len(), 16);
//! ```
#![warn(missing_docs)]

mod clean;
mod dates;
mod decode;
mod error;
mod html;
mod lang;
mod text;

use chrono::NaiveDate;
pub use error::Error;
use newsdesk_model::{Article, ContentKind, RawDocument};

/// The default limit on decoded text size: 20 MiB.
pub const DEFAULT_MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Settings for [`normalise`].
#[derive(Debug, Clone)]
pub struct Config {
    /// Publication date assumed when the document carries none.
    pub default_published: Option<NaiveDate>,
    /// Today's date: page dates after it are ignored as bogus. `None` uses the system clock.
    pub today: Option<NaiveDate>,
    /// Documents whose decoded text exceeds this many bytes fail with [`Error::TooLarge`].
    pub max_text_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            default_published: None,
            today: None,
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
        }
    }
}

/// The stable id of a normalised text: 16 lowercase hex digits of its xxh3-64 hash.
pub fn content_id(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// Characters of main text below which a page is read again without its container choice
/// (trafilatura's `MIN_EXTRACTED_SIZE` is the same 250).
const SHORT_TEXT: usize = 250;

/// Decodes and cleans one raw document.
///
/// Container-supplied title, URL, date and outlet take precedence over what the page says.
pub fn normalise(raw: RawDocument, config: &Config) -> Result<Article, Error> {
    let RawDocument {
        source,
        kind,
        bytes,
        charset,
        title,
        url,
        published,
        outlet,
        offset: _,
    } = raw;
    let limit = config.max_text_bytes;
    // Decoded text is at least as large as the raw bytes except for UTF-16, which can halve
    // it; refusing here keeps an oversized page from being decoded and parsed at all.
    let bound = if decode::may_be_utf16(&bytes, charset.as_deref()) {
        bytes.len() / 2
    } else {
        bytes.len()
    };
    if bound > limit {
        return Err(Error::TooLarge {
            document: source,
            size: bytes.len(),
            limit,
        });
    }
    let is_html = kind == ContentKind::Html;
    let mut warnings = Vec::new();
    let decoded = match decode::decode(&bytes, charset.as_deref(), is_html) {
        Ok(d) => d,
        Err(decode::DecodeError::Binary) => return Err(Error::Binary { document: source }),
        Err(decode::DecodeError::InvalidUtf8(offset)) => {
            // UTF-8 text with some broken sequences: decoded as a browser decodes a UTF-8
            // page, each broken sequence a replacement character, and said so.
            warnings.push(format!(
                "invalid UTF-8 from byte {offset}: broken sequences replaced by U+FFFD"
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    drop(bytes);
    let decoded = if decoded.contains('\0') {
        warnings.push("NUL characters removed".to_string());
        decoded.replace('\0', "")
    } else {
        decoded
    };
    if decoded.len() > limit {
        return Err(Error::TooLarge {
            document: source,
            size: decoded.len(),
            limit,
        });
    }
    if decoded
        .chars()
        .all(|c| c.is_whitespace() || c.is_control() || c == '\u{feff}')
    {
        return Err(Error::Empty { document: source });
    }
    let decoded = decode::fix_mojibake(&decoded);
    let (items, meta) = if is_html {
        html::extract(&decoded)
    } else {
        let items = text::text_paragraphs(&decoded)
            .into_iter()
            .map(clean::Item::Para)
            .collect();
        (items, html::Meta::default())
    };
    let mut cleaned = clean::clean(items);
    let chars = |c: &clean::Cleaned| {
        c.paragraphs
            .iter()
            .map(|p| p.chars().count())
            .sum::<usize>()
    };
    let found = chars(&cleaned);
    if is_html && found < SHORT_TEXT {
        // No container gave any text, or one gave a scrap (a share widget, a teaser): the
        // page's own text outside navigation, when it holds more.
        // Without the page's share bars and prompts first; with them when that leaves
        // too little (a page of captions and widgets keeps what it has).
        let enough = |more: usize| more > found.max(SHORT_TEXT / 2) * 2 || (found == 0 && more > 0);
        let page = html::Fallback::new(&decoded);
        let mut fallback = clean::clean(page.items(true));
        if !enough(chars(&fallback)) {
            fallback = clean::clean(page.items(false));
        }
        if enough(chars(&fallback)) {
            warnings.push(if found == 0 {
                "no article container found: the page's text outside navigation was taken".into()
            } else {
                format!("the article container held {found} characters: the page's text outside navigation was taken")
            });
            cleaned = fallback;
        }
    }
    if cleaned.paragraphs.is_empty() {
        return Err(Error::NoText { document: source });
    }
    let text = cleaned.paragraphs.join("\n\n");
    let today = config
        .today
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let not_future = |d: &NaiveDate| *d <= today;
    let published = published
        .as_deref()
        .and_then(dates::parse_date)
        .or_else(|| {
            meta.dates
                .iter()
                .filter_map(|d| dates::parse_date(d))
                .find(not_future)
        })
        .or_else(|| {
            [url.as_deref(), meta.url.as_deref()]
                .into_iter()
                .flatten()
                .filter_map(dates::date_in_url)
                .find(not_future)
        })
        .or(config.default_published);
    let title = title
        .as_deref()
        .map(text::normalise_inline)
        .filter(|t| !t.is_empty())
        .or_else(|| meta.title.as_deref().map(text::normalise_inline))
        .filter(|t| !t.is_empty());
    let mut authors: Vec<String> = Vec::new();
    for name in meta
        .authors
        .iter()
        .map(|a| text::normalise_inline(a))
        .chain(
            cleaned
                .authors
                .iter()
                .flat_map(|a| html::split_names(a))
                .map(|a| text::normalise_inline(&a)),
        )
    {
        if !name.is_empty() && !authors.iter().any(|a| a.eq_ignore_ascii_case(&name)) {
            authors.push(name);
        }
    }
    let clean_opt = |s: Option<String>| {
        s.map(|s| text::normalise_inline(&s))
            .filter(|s| !s.is_empty())
    };
    Ok(Article {
        id: content_id(&text),
        source,
        title,
        published,
        language: lang::detect(&text, meta.lang.as_deref()),
        removed: cleaned.removed,
        authors,
        url: clean_opt(url).or_else(|| clean_opt(meta.url)),
        outlet: clean_opt(outlet).or_else(|| clean_opt(meta.outlet)),
        dateline: cleaned.dateline,
        warnings,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn raw(kind: ContentKind, bytes: &[u8]) -> RawDocument {
        RawDocument {
            source: "doc".into(),
            kind,
            bytes: bytes.to_vec(),
            ..RawDocument::default()
        }
    }

    /// Normalises and renders the outcome as `Ok(text)` or the error message.
    fn check(kind: ContentKind, input: &[u8], expected: Result<&str, &str>) {
        let got = normalise(raw(kind, input), &Config::default())
            .map(|a| a.text)
            .map_err(|e| e.to_string());
        let expected = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(got, expected, "input {:?}", String::from_utf8_lossy(input));
    }

    #[test]
    fn outcomes() {
        use ContentKind::{Html, Text};
        let cases: &[(ContentKind, &[u8], Result<&str, &str>)] = &[
            (Text, b"", Err("doc: empty document")),
            (Text, b" \n\t\r\n ", Err("doc: empty document")),
            (
                Text,
                b"\x7fELF\x02\x01\x01\0\0\0",
                Err("doc: binary content, not text"),
            ),
            (
                Text,
                b"caf\xc3\xa9 and caf\xe9",
                Ok("caf\u{e9} and caf\u{fffd}"),
            ),
            (
                Html,
                b"<html><body><nav><a href=/>Home</a></nav></body></html>",
                Err("doc: no article text found"),
            ),
            (Text, b"More:", Err("doc: no article text found")),
            (Text, b"One.\r\n\r\nTwo.", Ok("One.\n\nTwo.")),
            (
                Html,
                b"<p>It&#8217;s&nbsp;here &amp; now.</p>",
                Ok("It’s here & now."),
            ),
        ];
        for (kind, input, expected) in cases {
            check(*kind, input, *expected);
        }
    }

    /// The text and warnings of one normalised input.
    fn text_and_warnings(kind: ContentKind, input: &[u8]) -> (String, Vec<String>) {
        let a = normalise(raw(kind, input), &Config::default()).expect("normalised");
        (a.text, a.warnings)
    }

    #[test]
    fn repairs_are_read_with_a_warning() {
        const PARA: &str = "The council voted on Tuesday to close the old bridge, which engineers had found unsafe, until repairs are done.";
        // every wrapper is named like navigation (`no-sidebars`, `with-navigation`), so no
        // container is left; the fallback reads the page's prose, not the link list
        let page = format!(
            "<html><body class=\"not-front no-sidebars\"><ul class=menu><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul>\
             <div class=\"clearfix with-navigation\"><p>{PARA}</p><p>{PARA}</p></div></body></html>"
        );
        let (text, warnings) = text_and_warnings(ContentKind::Html, page.as_bytes());
        assert_eq!(text, format!("{PARA}\n\n{PARA}"));
        assert_eq!(
            warnings,
            ["no article container found: the page's text outside navigation was taken"]
        );
        // a page with stray NULs in its markup is text, not binary
        let mut page = format!("<html><body><article><p>{PARA}</p>").into_bytes();
        page.extend_from_slice(&[0; 3]);
        page.extend_from_slice(format!("<p>{PARA}</p>").repeat(40).as_bytes());
        page.extend_from_slice(b"</article></body></html>");
        let (text, warnings) = text_and_warnings(ContentKind::Html, &page);
        assert!(text.starts_with(PARA) && !text.contains('\0'), "{text}");
        assert_eq!(warnings, ["NUL characters removed"]);
        // UTF-8 with a broken sequence in an HTML page: replaced, never dropped
        let mut bytes =
            "<p>Caf\u{e9} owners in Z\u{fc}rich said the rent had doubled since spring.</p>"
                .as_bytes()
                .to_vec();
        let at = bytes.windows(5).position(|w| w == b"since").expect("since");
        bytes.insert(at, 0xff);
        let (text, warnings) = text_and_warnings(ContentKind::Html, &bytes);
        assert!(
            text.contains('\u{fffd}') && text.contains("Z\u{fc}rich"),
            "{text}"
        );
        assert_eq!(
            warnings,
            [format!(
                "invalid UTF-8 from byte {at}: broken sequences replaced by U+FFFD"
            )]
        );
        // nothing to repair: no warnings
        let (_, warnings) = text_and_warnings(ContentKind::Text, PARA.as_bytes());
        assert!(warnings.is_empty());
    }

    #[test]
    fn the_fallback_leaves_out_share_bars_and_prompts_unless_that_leaves_too_little() {
        const PARA: &str = "The council voted on Tuesday to close the old bridge, which engineers had found unsafe, until repairs are done.";
        let widgets = "<div class=\"sharedaddy sd-sharing-enabled\"><h3>Teilen mit:</h3></div>\
             <div id=paywall_title><h2>M\u{f6}chten Sie weiterlesen?</h2></div>";
        // no container: the page's prose is taken without its share bar and paywall prompt
        let page = format!(
            "<html><body class=\"no-sidebars\"><div class=\"with-navigation\"><p>{PARA}</p>\
             <p>{PARA}</p></div>{widgets}</body></html>"
        );
        let (text, _) = text_and_warnings(ContentKind::Html, page.as_bytes());
        assert_eq!(text, format!("{PARA}\n\n{PARA}"));
        // a widget with paragraphs of its own, or one named so by its tag alone (a form),
        // is not a small named widget: it stays
        let page = format!(
            "<html><body class=\"no-sidebars\"><div class=\"with-navigation\"><p>{PARA}</p>\
             <p>{PARA}</p></div><form><p>Lieferzeit: 15 - 21 Tage</p></form></body></html>"
        );
        let (text, _) = text_and_warnings(ContentKind::Html, page.as_bytes());
        assert!(text.ends_with("Lieferzeit: 15 - 21 Tage"), "{text}");
        // the container gave a scrap and the page is short lines and widgets: without the
        // widgets the page's text is not enough more than the scrap, so it is taken with
        // them rather than the scrap
        let lines = "<p>Shuji: Japan.</p><p>Walter: Deutschland.</p><p>Filmmaterial: Fuji X-TRA 400.</p>\
             <p>Kameras: Widelux, PENTAX Z-1p.</p><p>Belichtungsfolge: Shuji, dann Walter.</p>";
        let prompts = "<div class=newsletter-box><p>Abonnieren Sie unseren Newsletter, jeden Freitag neu.</p></div>\
             <div class=social-share><p>Teilen Sie diesen Beitrag mit Ihren Freunden und Bekannten.</p></div>";
        let page = format!(
            "<html><body class=\"no-sidebars\"><article><p>Gef\u{e4}llt mir: Wird geladen</p></article>\
             <div class=\"with-navigation\">{lines}</div>{widgets}{prompts}</body></html>"
        );
        let (text, warnings) = text_and_warnings(ContentKind::Html, page.as_bytes());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("the article container held"),
            "{warnings:?}"
        );
        assert!(
            text.contains("Shuji: Japan.") && text.contains("Teilen mit:"),
            "{text}"
        );
    }

    #[test]
    fn container_metadata_takes_precedence() {
        let mut doc = raw(
            ContentKind::Html,
            b"<html><head><title>Page title | Site</title><meta property=\"article:published_time\" content=\"2020-03-04\"></head><body><p>Body text here.</p></body></html>",
        );
        doc.title = Some("Feed title".into());
        doc.published = Some("Thu, 05 Mar 2020 22:00:00 GMT".into());
        doc.outlet = Some("Feed".into());
        let a = normalise(doc, &Config::default()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Feed title"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 3, 5));
        assert_eq!(a.outlet.as_deref(), Some("Feed"));
    }

    #[test]
    fn future_page_dates_fall_back_to_default() {
        let config = Config {
            default_published: NaiveDate::from_ymd_opt(2020, 3, 5),
            today: NaiveDate::from_ymd_opt(2021, 1, 1),
            ..Config::default()
        };
        let doc = raw(
            ContentKind::Html,
            b"<meta property=\"article:published_time\" content=\"2099-01-01\"><p>Body text here.</p>",
        );
        assert_eq!(
            normalise(doc, &config).unwrap().published,
            config.default_published
        );
    }

    #[test]
    fn same_text_same_id() {
        let a = normalise(raw(ContentKind::Text, b"One.\n\nTwo."), &Config::default()).unwrap();
        let b = normalise(
            raw(ContentKind::Html, b"<p>One.</p><p>Two.</p>"),
            &Config::default(),
        )
        .unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id, content_id("One.\n\nTwo."));
        assert!(
            a.id.len() == 16
                && a.id
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
    }

    #[test]
    fn huge_inputs_are_bounded() {
        // A 50 MB single line exceeds the default limit and fails fast.
        let big = vec![b'a'; 50 * 1024 * 1024];
        let err = normalise(raw(ContentKind::Text, &big), &Config::default()).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
        // Under the limit, a single 8 MB line is processed (linear work).
        let config = Config::default();
        let line = "word, ".repeat(8 * 1024 * 1024 / 6);
        let start = std::time::Instant::now();
        let a = normalise(raw(ContentKind::Text, line.as_bytes()), &config).unwrap();
        assert!(!a.text.is_empty());
        assert!(start.elapsed().as_secs() < 60);
    }

    #[test]
    fn oversized_html_page_is_refused_before_decoding() {
        // 21 MiB of real-looking markup: refused with a message naming the page and both sizes.
        let para =
            "<p>Officials said the talks would resume on Monday, according to a statement.</p>\n";
        let mut page = String::from("<html><body><article>");
        while page.len() < 21 * 1024 * 1024 {
            page.push_str(para);
        }
        let size = page.len();
        let mut doc = raw(ContentKind::Html, page.as_bytes());
        doc.source = "huge.html".into();
        let start = std::time::Instant::now();
        let err = normalise(doc, &Config::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("huge.html: document too large ({size} bytes, limit {DEFAULT_MAX_TEXT_BYTES})")
        );
        assert!(
            start.elapsed().as_secs() < 5,
            "refusal must not parse the page"
        );
        // UTF-16 halves in decoding: a UTF-16 page over the limit whose text fits is read.
        let text = "word ".repeat(160 * 1024);
        let mut utf16 = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let config = Config {
            max_text_bytes: 1024 * 1024,
            ..Config::default()
        };
        assert!(utf16.len() > config.max_text_bytes);
        let a = normalise(raw(ContentKind::Text, &utf16), &config).unwrap();
        assert_eq!(a.text.len(), text.len() - 1);
        let err = normalise(
            raw(ContentKind::Text, "x".repeat(utf16.len()).as_bytes()),
            &config,
        )
        .unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    }

    /// Checks the invariants of any successful result.
    fn invariants(a: &Article) {
        assert!(!a.text.is_empty());
        assert!(!a.text.contains("\n\n\n"));
        assert_eq!(a.text.trim(), a.text);
        assert_eq!(a.id, content_id(&a.text));
        for p in a.text.split("\n\n") {
            assert!(
                !p.is_empty() && !p.contains('\n') && !p.contains("  "),
                "paragraph {p:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048), html in any::<bool>()) {
            let kind = if html { ContentKind::Html } else { ContentKind::Text };
            if let Ok(a) = normalise(raw(kind, &bytes), &Config::default()) {
                invariants(&a);
            }
        }

        #[test]
        fn never_panics_on_html_like(s in r#"(<(/?)(p|div|article|script|a|br|figure|figcaption|nav|h1|h2|li|ul|title|meta|blockquote|time|aside)( class="([a-z -]{0,12}|twitter-tweet|gallery|comments|article-body)")?( /)?>|&[a-z#0-9]{0,6};?|[A-Za-z ,.’'`\[\]0-9\n]{0,20}|â€|Ã|<!--|-->|<!\[CDATA\[|\]\]>){0,60}"#) {
            if let Ok(a) = normalise(raw(ContentKind::Html, s.as_bytes()), &Config::default()) {
                invariants(&a);
            }
        }

        #[test]
        fn never_panics_on_text(s in r"([A-Za-z]{1,10}|[ \n\t]|[-–—\[\](),.:;'’‘`“”]|[0-9]{1,3}|By |More:|Photo: |\u{ad}|\u{a0}|Ã©|â€™){0,80}") {
            if let Ok(a) = normalise(raw(ContentKind::Text, s.as_bytes()), &Config::default()) {
                invariants(&a);
            }
        }
    }
}
