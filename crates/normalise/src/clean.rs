//! Paragraph-level cleanup shared by the text and HTML paths: captions, credits, boilerplate
//! stubs, citation markers, bylines and datelines.

use crate::text::normalise_inline;
use newsdesk_model::Removed;
use regex::Regex;
use std::sync::LazyLock;

/// One unit of document order handed to [`clean`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A paragraph candidate (raw, not yet normalised).
    Para(String),
    /// Text already known not to be article text (from the HTML structure), with its kind.
    Removed(&'static str, String),
}

/// The cleaned body.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// Kept paragraphs, normalised.
    pub(crate) paragraphs: Vec<String>,
    /// What was removed, in document order.
    pub(crate) removed: Vec<Removed>,
    /// The dateline opening the first paragraph.
    pub(crate) dateline: Option<String>,
    /// Names found in a `By ...` byline.
    pub(crate) authors: Vec<String>,
}

/// Builds a regex from a literal pattern.
fn re(pattern: &str) -> Regex {
    // The patterns are literals of this file, checked by the tests; an invalid one would be a
    // programming error caught there. Fall back to a never-matching regex instead of panicking.
    Regex::new(pattern).unwrap_or_else(|_| never())
}

/// A regex that matches nothing.
fn never() -> Regex {
    match Regex::new(r"[^\s\S]") {
        Ok(r) => r,
        Err(_) => unreachable!("constant regex"),
    }
}

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\[(?:\d{1,3}|citation needed|clarification needed|verification needed|dubious|who\?|when\?|according to whom\?|better source needed|note \d{1,3}|nb \d{1,3})\]",
    )
});

/// Names of photo agencies and credit words.
const AGENCIES: &str = r"(?:Getty Images|AFP|Reuters|AP|EPA|EPA-EFE|Shutterstock|Anadolu(?: Agency)?|Xinhua|PA(?: Media| Wire)?|Alamy|Bloomberg|AP Photo|Associated Press|SANA|TASS|Sputnik|dpa|Sipa|NurPhoto|ZUMA|Handout|Pool)";

static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[\[(]\s*(?:(?i:file(?: photo)?|photo|image|picture)\s*:\s*)?(?:[\p{Lu}][\p{L}.'\-]*\.?\s*){1,5}(?:/\s*(?:[\p{Lu}][\p{L}.'&\-]*|via|for|and)(?:\s+(?:[\p{Lu}][\p{L}.'&\-]*|via|for|and)){0,5}\s*)+[\])]\s*$",
    )
});
static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?i:file photo|file picture|file image)|Photo|PHOTO|Photograph|Picture|Pictured|Image|Main image|Top image|Above|Below|Caption)\s*(?::|\-|–|—)",
    )
});
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?:(?i:photo|photos|photograph|image|images|picture|video|credit|photo credit|image credit|foto|fotos|bild|bilder|bildquelle|crédits? photos?|crédit photo|fot\.|zdjęcie)\s*(?::|by|von)\s*.{{1,80}})|(?:(?:[\p{{Lu}}][\p{{L}}.'\-]*\s+){{0,4}}/?\s*{AGENCIES}(?:\s*(?:/|via)\s*{AGENCIES})?)|(?:©|\(c\)|Copyright)\s.{{1,100}})$"
    ))
});
static STUB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:more|read more|related|related articles|related stories|related coverage|related content|related news|also read|read also|see also|also see|recommended|recommended stories|recommended reading|read next|more stories|more on this|more on this story|most read|most popular|advertisement|advert|ads?|関連記事|関連ニュース|おすすめ記事|相关文章|相关新闻|相關新聞|推荐阅读|lesen sie auch|mehr zum thema|auch interessant|anzeige|werbung|weiterlesen|zum weiterlesen|mehr dazu|mehr (?:aus|von|zu) (?:dem|der|den|diesem|dieser|unserem|unserer) .{1,40}|weitere (?:artikel|beiträge|themen|nachrichten)|empfohlene (?:artikel|beiträge)|ähnliche (?:artikel|beiträge)|das könnte (?:dich|sie) auch interessieren|kommentare?|\d+ kommentare?|kommentare? (?:schreiben|verfassen|anzeigen|lesen)|(?:artikel |beitrag )?teilen|jetzt teilen|newsletter abonnieren|jetzt abonnieren|beitragsbild|lire aussi|à lire aussi|lire la suite|voir aussi|à voir aussi|à découvrir (?:aussi|également)|articles? similaires|sur le même sujet|commentaires?|partager|partagez|abonnez-vous.{0,60}|publicité|lee también|leer más|publicidad|te puede interesar|noticias relacionadas|ver también|comentarios?|compartir|suscríbete.{0,60}|czytaj (?:także|też|więcej|również)|zobacz (?:także|też|również)|polecamy|komentarze?|udostępnij|reklama|leggi anche|pubblicità|leia também|publicidade|читайте также|похожие статьи|реклама|sponsored|comments?|\d+ comments?|(?:leave|post|add|write) a (?:comment|reply)|(?:view|show|read) (?:all )?comments|tell us what you think|sponsored content|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?|share this (?:article|story)|share|share on facebook|share on twitter|tweet|click here to .{1,60}|sign up .{0,60}newsletter.{0,30}|subscribe .{0,60}|follow us on .{1,60})\s*[:.…]*$",
    )
});
static STUB_WITH_TITLES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:more|read more|related|also read|read also|see also|recommended|read next|watch|listen|more on this|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leggi anche|lee también|leia também|читайте также|関連記事|相关阅读)\s*[:：]\s*\S",
    )
});
static FOLLOW_PROMO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bfollow (?:us|him|her|me|them)\b.{0,40}\b(?:twitter|facebook|instagram|threads|bluesky|linkedin)\b|\b(?:e-?mail|contact|reach|write to) (?:us|him|her|me|them)\b.{0,20}@|\blet us know at\b|\bjoin (?:our|the) .{0,30}\b(?:forums?|community|newsletter)\b",
    )
});
static WITH_REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[(\[]?\s*(?:with|additional)\s+(?:reporting|writing|research|contributions?)\b.{0,40}\bby\b|(?i)contributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)\W*$",
    )
});
static REPORTING_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[(\[]?\s*(?:reporting|writing|editing|edited|compiled|research|produced|translated|translation|additional reporting)(?:\s+and\s+\w+)?\s+by\b",
    )
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:by)\s+((?:[\p{Lu}][\p{L}'.\-]*)(?:\s+(?:[\p{Lu}][\p{L}'.\-]*|and|&|de|da|del|van|von|der|den|al|el|bin|ibn|la|le|du|,))*)\s*(?:[,|•·–—-]\s*[^.!?]{0,80})?$",
    )
});
static NOT_NAME_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|the|this|then|now|contrast|comparison|law|far|noon|midnight|night|day|morning|evening|early|late|mid|then)\b",
    )
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^([\p{Lu}][\p{L}.'\-]+(?:\s+[\p{Lu}][\p{L}.'\-]+){0,2}(?:,\s*[\p{Lu}][\p{L}.]+(?:\s+[\p{Lu}][\p{L}.]+){0,2})?(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\([\p{L}][\p{L} .&'\-]{1,40}\)\s*(?:-{1,2}|–|—))\s",
    )
});
static DATELINE_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^((?:[\p{Lu}][\p{Lu}.'\-]+(?:\s+[\p{Lu}][\p{Lu}.'\-]+){0,3})(?:,\s*[\p{Lu}][\p{L}.]+(?:\s+[\p{Lu}][\p{L}.]+){0,2})?(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([\p{L}][\p{L} .&'\-]{1,40}\)\s*)?(?:-{1,2}|–|—))\s",
    )
});

/// Removes citation markers from a paragraph, recording each; spacing is repaired.
fn strip_citations(p: &str, removed: &mut Vec<Removed>) -> String {
    if !p.contains('[') {
        return p.to_string();
    }
    let mut out = String::with_capacity(p.len());
    let mut last = 0;
    for m in CITATION.find_iter(p) {
        out.push_str(p.get(last..m.start()).unwrap_or_default());
        removed.push(Removed {
            kind: "citation".into(),
            text: m.as_str().to_string(),
        });
        last = m.end();
        let next = p.get(last..).and_then(|r| r.chars().next());
        if out.ends_with(' ')
            && next.is_none_or(|c| c == ' ' || (c.is_ascii_punctuation() && c != '(' && c != '['))
        {
            out.pop();
        }
    }
    out.push_str(p.get(last..).unwrap_or_default());
    if last == 0 {
        return out;
    }
    normalise_inline(&out)
}

/// Number of words in a paragraph.
fn words(p: &str) -> usize {
    p.split_whitespace().count()
}

/// Classifies a whole paragraph as non-article text. `index` and `total` locate it among the
/// paragraphs; `kept` is how many paragraphs were kept before it.
fn classify(p: &str, index: usize, total: usize, kept: usize) -> Option<&'static str> {
    let len = p.chars().count();
    if STUB.is_match(p) {
        return Some("boilerplate");
    }
    if STUB_WITH_TITLES.is_match(p) && words(p) <= 30 {
        return Some("boilerplate");
    }
    if len <= 160 && CREDIT_LINE.is_match(p) {
        return Some("credit");
    }
    if len <= 1000
        && CAPTION_END
            .find(p)
            .is_some_and(|m| is_credit_bracket(m.as_str()))
    {
        return Some("caption");
    }
    if len <= 1000 && CAPTION_START.is_match(p) {
        return Some(if words(p) <= 6 { "credit" } else { "caption" });
    }
    if len <= 300 && WITH_REPORTING.is_match(p) {
        return Some("credit");
    }
    if len <= 300 && REPORTING_BY.is_match(p) && (index + 3 >= total || p.starts_with('(')) {
        return Some("credit");
    }
    if len <= 400 && index + 3 >= total && total >= 4 && FOLLOW_PROMO.is_match(p) {
        // Author and site promotion closing an article.
        return Some("boilerplate");
    }
    if kept < 2 && len <= 120 && byline_names(p).is_some() {
        return Some("byline");
    }
    if len <= 80 && words(p) <= 16 && is_date_line(p) {
        // `March 15, 2022`, `Published 15 March 2022`, `Updated: 2022-03-15 10:00`.
        return Some("date");
    }
    None
}

/// Whether a short paragraph is only a date stamp (`Updated: 2022-03-16 10:00 GMT`,
/// `Published Monday, March 15, 2022`): it holds a date and every word is part of the date,
/// a time or a label. A timeline entry (`March 5, 2020: Ceasefire agreed`) is not one.
fn is_date_line(p: &str) -> bool {
    let only_stamp_words = p.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        !w.chars().any(char::is_alphabetic) || is_stamp_word(&w)
    });
    only_stamp_words
        && (crate::dates::parse_date(p).is_some()
            || p.find(|c: char| c.is_ascii_digit())
                .and_then(|i| p.get(i..))
                .and_then(crate::dates::parse_date)
                .is_some())
}

/// Words that appear in date stamps: labels, month and weekday names, ordinals, clock and
/// zone markers.
fn is_stamp_word(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "sept",
    ];
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let ordinal = w.len() > 2
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s));
    ordinal
        || MONTHS
            .iter()
            .any(|m| *m == w || (w.len() == 3 && m.starts_with(w)))
        || WEEKDAYS
            .iter()
            .any(|d| *d == w || (w.len() == 3 && d.starts_with(w)))
        || matches!(
            w,
            "published"
                | "updated"
                | "posted"
                | "modified"
                | "created"
                | "last"
                | "first"
                | "date"
                | "on"
                | "at"
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "cest"
                | "est"
                | "edt"
                | "et"
                | "pst"
                | "pdt"
                | "ist"
                | "t"
                | "z"
        )
}

/// Whether a bracketed `[A/B]` group names people or agencies rather than alternatives
/// (`(and/or)`, `(Yes/No)`): at least three words, or a known agency.
fn is_credit_bracket(group: &str) -> bool {
    static AGENCY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{AGENCIES}\b")));
    words(group) >= 3 || AGENCY.is_match(group)
}

/// The names in a `By A and B, Agency` byline.
fn byline_names(p: &str) -> Option<Vec<String>> {
    let caps = BYLINE.captures(p)?;
    let names = caps.get(1)?.as_str();
    if NOT_NAME_START.is_match(names) {
        return None;
    }
    let list: Vec<String> = names
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    (!list.is_empty()).then_some(list)
}

/// Cleans the paragraphs: normalises each, removes non-article paragraphs and citation
/// markers, finds a byline and a dateline.
pub(crate) fn clean(items: Vec<Item>) -> Cleaned {
    let mut out = Cleaned::default();
    let total = items.iter().filter(|i| matches!(i, Item::Para(_))).count();
    let mut index = 0;
    for item in items {
        match item {
            Item::Removed(kind, text) => {
                let text = normalise_inline(&text);
                if !text.is_empty() {
                    out.removed.push(Removed {
                        kind: kind.into(),
                        text,
                    });
                }
            }
            Item::Para(raw) => {
                let p = normalise_inline(&raw);
                index += 1;
                if p.is_empty() {
                    continue;
                }
                let p = strip_citations(&p, &mut out.removed);
                if p.is_empty() || p.chars().all(|c| !c.is_alphanumeric()) {
                    continue;
                }
                match classify(&p, index - 1, total, out.paragraphs.len()) {
                    Some(kind) => {
                        if kind == "byline" {
                            out.authors.extend(byline_names(&p).unwrap_or_default());
                        }
                        out.removed.push(Removed {
                            kind: kind.into(),
                            text: p,
                        });
                    }
                    None => {
                        if out.paragraphs.is_empty() {
                            out.dateline = dateline(&p);
                        }
                        out.paragraphs.push(p);
                    }
                }
            }
        }
    }
    out
}

/// The dateline opening a paragraph (`MOSCOW (Reuters) -`).
pub(crate) fn dateline(p: &str) -> Option<String> {
    let caps = DATELINE_PLAIN
        .captures(p)
        .or_else(|| DATELINE.captures(p))?;
    let d = caps.get(1)?.as_str().trim();
    // A lone all-caps word needs an agency, a date or a real place-like length.
    let word_count = d.split_whitespace().count();
    (d.len() >= 5 && (word_count > 1 || d.chars().filter(|c| c.is_alphabetic()).count() >= 3))
        .then(|| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paragraphs: &[&str], kept: &[&str], removed: &[(&str, &str)]) {
        let items = paragraphs
            .iter()
            .map(|p| Item::Para((*p).to_string()))
            .collect();
        let got = clean(items);
        assert_eq!(got.paragraphs, kept, "input {paragraphs:?}");
        let got_removed: Vec<(&str, &str)> = got
            .removed
            .iter()
            .map(|r| (r.kind.as_str(), r.text.as_str()))
            .collect();
        assert_eq!(got_removed, removed, "input {paragraphs:?}");
    }

    #[test]
    fn removes_non_article_paragraphs() {
        /// Input paragraphs, kept paragraphs, removed (kind, text).
        type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [(&'a str, &'a str)]);
        let cases: &[Case<'_>] = &[
            (
                &["Text.", "More:", "Text 2."],
                &["Text.", "Text 2."],
                &[("boilerplate", "More:")],
            ),
            (
                &[
                    "Text.",
                    "The club told fans to follow us on Twitter for news, a spokesman said.",
                    "Text 2.",
                    "Text 3.",
                    "Jane Doe's book is out now. Follow her on Twitter @janedoe.",
                    "Join our Space Forums to keep talking! Let us know at: tips@example.com.",
                ],
                &[
                    "Text.",
                    "The club told fans to follow us on Twitter for news, a spokesman said.",
                    "Text 2.",
                    "Text 3.",
                ],
                &[
                    (
                        "boilerplate",
                        "Jane Doe's book is out now. Follow her on Twitter @janedoe.",
                    ),
                    (
                        "boilerplate",
                        "Join our Space Forums to keep talking! Let us know at: tips@example.com.",
                    ),
                ],
            ),
            (
                &[
                    "Text.",
                    "関連記事",
                    "Lesen Sie auch:",
                    "À lire aussi",
                    "Читайте также",
                ],
                &["Text."],
                &[
                    ("boilerplate", "関連記事"),
                    ("boilerplate", "Lesen Sie auch:"),
                    ("boilerplate", "À lire aussi"),
                    ("boilerplate", "Читайте также"),
                ],
            ),
            (
                &[
                    "Advert",
                    "Text.",
                    "12 Comments",
                    "Tell us what YOU think...",
                    "Ad",
                ],
                &["Text."],
                &[
                    ("boilerplate", "Advert"),
                    ("boilerplate", "12 Comments"),
                    ("boilerplate", "Tell us what YOU think..."),
                    ("boilerplate", "Ad"),
                ],
            ),
            (
                &[
                    "Published March 15, 2022",
                    "Text.",
                    "Updated: 2022-03-16 10:00",
                    "Talks resumed on March 15, 2022 in Geneva after a pause of two months.",
                ],
                &[
                    "Text.",
                    "Talks resumed on March 15, 2022 in Geneva after a pause of two months.",
                ],
                &[
                    ("date", "Published March 15, 2022"),
                    ("date", "Updated: 2022-03-16 10:00"),
                ],
            ),
            (
                &[
                    "Text.",
                    "Last updated Monday, 15th March 2022 at 10:32 a.m. GMT",
                    "March 5, 2020: Ceasefire agreed",
                    "Sept 2, 2021",
                    "Nov 18, 2019 5:19 PM · Updated: Nov 18, 2019 5:26 PM",
                ],
                &["Text.", "March 5, 2020: Ceasefire agreed"],
                &[
                    (
                        "date",
                        "Last updated Monday, 15th March 2022 at 10:32 a.m. GMT",
                    ),
                    ("date", "Sept 2, 2021"),
                    (
                        "date",
                        "Nov 18, 2019 5:19 PM · Updated: Nov 18, 2019 5:26 PM",
                    ),
                ],
            ),
            (
                &[
                    "Text.",
                    "Read more: Turkey and Russia agree on ceasefire",
                    "End.",
                ],
                &["Text.", "End."],
                &[(
                    "boilerplate",
                    "Read more: Turkey and Russia agree on ceasefire",
                )],
            ),
            (
                &[
                    "Leaders shake hands in Moscow [Sefa Karacan/Anadolu]",
                    "Text.",
                ],
                &["Text."],
                &[(
                    "caption",
                    "Leaders shake hands in Moscow [Sefa Karacan/Anadolu]",
                )],
            ),
            (
                &[
                    "Text.",
                    "Displaced Syrians in Idlib (Reuters/Khalil Ashawi)",
                ],
                &["Text."],
                &[(
                    "caption",
                    "Displaced Syrians in Idlib (Reuters/Khalil Ashawi)",
                )],
            ),
            (
                &[
                    "Text.",
                    "File photo: soldiers patrol the M4 highway near Idlib",
                    "More text.",
                ],
                &["Text.", "More text."],
                &[(
                    "caption",
                    "File photo: soldiers patrol the M4 highway near Idlib",
                )],
            ),
            (
                &["Photo: AFP", "Text."],
                &["Text."],
                &[("credit", "Photo: AFP")],
            ),
            (
                &["Getty Images", "Text."],
                &["Text."],
                &[("credit", "Getty Images")],
            ),
            (
                &["Text.", "With reporting by Jane Doe in Antakya."],
                &["Text."],
                &[("credit", "With reporting by Jane Doe in Antakya.")],
            ),
            (
                &["Text.", "Reporting by A B; Editing by C D"],
                &["Text."],
                &[("credit", "Reporting by A B; Editing by C D")],
            ),
            (
                &["By Jane Doe and John Roe, Reuters", "Text."],
                &["Text."],
                &[("byline", "By Jane Doe and John Roe, Reuters")],
            ),
            (
                &["By Thursday, the army had withdrawn.", "Text."],
                &["By Thursday, the army had withdrawn.", "Text."],
                &[],
            ),
            (
                &[
                    "Through Idlib to Latakia. [84] The three-point agreement.[12][13] Yes [citation needed].",
                ],
                &["Through Idlib to Latakia. The three-point agreement. Yes."],
                &[
                    ("citation", "[84]"),
                    ("citation", "[12]"),
                    ("citation", "[13]"),
                    ("citation", "[citation needed]"),
                ],
            ),
            (
                &["put an end to [the] suffering"],
                &["put an end to [the] suffering"],
                &[],
            ),
            (
                &[
                    "Reporting by the BBC found new evidence.",
                    "More text.",
                    "End.",
                    "Tail.",
                    "Tail 2.",
                ],
                &[
                    "Reporting by the BBC found new evidence.",
                    "More text.",
                    "End.",
                    "Tail.",
                    "Tail 2.",
                ],
                &[],
            ),
            (
                &["'Ceasefire agreed is very shaky'"],
                &["'Ceasefire agreed is very shaky'"],
                &[],
            ),
            (
                &["The (and/or) case (Yes/No)"],
                &["The (and/or) case (Yes/No)"],
                &[],
            ),
        ];
        for (input, kept, removed) in cases {
            check(input, kept, removed);
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            ("MOSCOW (Reuters) - Russia said", Some("MOSCOW (Reuters) -")),
            (
                "WASHINGTON, March 5 (AP) — The",
                Some("WASHINGTON, March 5 (AP) —"),
            ),
            ("LONDON — The", Some("LONDON —")),
            ("Moscow (Reuters) - Russia", Some("Moscow (Reuters) -")),
            ("Turkish President Recep said", None),
            ("US - the", None),
        ];
        for (input, expected) in cases {
            assert_eq!(dateline(input).as_deref(), expected, "input {input:?}");
        }
    }
}
